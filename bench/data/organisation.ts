import { PasswordService } from '@varna/auth';
import { insertRows, type BulkColumn } from '../db';
import { BENCH_PASSWORD, BENCH_TENANT, BENCH_USERS } from '../fixture';
import { WeightedTable } from '../prng';
import type { DataModule, GeneratedPerson, GeneratedUnit } from './context';
import { COMMITTEES, COMPANIES, DISTRICTS, FIRST_NAMES, LAST_NAMES, UNIT_KINDS } from './names';

const UNIT_COLUMNS: BulkColumn[] = [
  { key: 'id', type: 'uuid' },
  { key: 'tenantId', type: 'uuid' },
  { key: 'code', type: 'varchar' },
  { key: 'name', type: 'varchar' },
  { key: 'shortName', type: 'varchar' },
  { key: 'type', type: 'varchar' },
  { key: 'parentId', type: 'uuid' },
  { key: 'path', type: 'uuid[]' },
  { key: 'isDataController', type: 'boolean' },
  { key: 'servesCommitteeId', type: 'uuid' },
  { key: 'coveredByCyberSecurityAct', type: 'boolean' },
  { key: 'headcount', type: 'int' },
  { key: 'validFrom', type: 'date' },
];
const PERSON_COLUMNS: BulkColumn[] = [
  { key: 'id', type: 'uuid' },
  { key: 'tenantId', type: 'uuid' },
  { key: 'username', type: 'varchar' },
  { key: 'displayName', type: 'varchar' },
  { key: 'email', type: 'varchar' },
  { key: 'employeeNumber', type: 'varchar' },
  { key: 'homeOrgUnitId', type: 'uuid' },
  { key: 'hasOwnComputer', type: 'boolean' },
  { key: 'isElected', type: 'boolean' },
  { key: 'status', type: 'varchar' },
];
const CREDENTIAL_COLUMNS: BulkColumn[] = [
  { key: 'personId', type: 'uuid' },
  { key: 'tenantId', type: 'uuid' },
  { key: 'passwordHash', type: 'text' },
  { key: 'passwordChangedAt', type: 'timestamptz' },
];
const ASSIGNMENT_COLUMNS: BulkColumn[] = [
  { key: 'id', type: 'uuid' },
  { key: 'tenantId', type: 'uuid' },
  { key: 'personId', type: 'uuid' },
  { key: 'role', type: 'varchar' },
  { key: 'orgUnitIds', type: 'uuid[]' },
  { key: 'orgUnitPaths', type: 'uuid[]' },
  { key: 'includeSubtree', type: 'boolean' },
  { key: 'validFrom', type: 'date' },
];

type UnitRow = GeneratedUnit & { name: string } & Record<string, unknown>;

const ascii = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '');

/**
 * The tenant "Storstad": the tree of D-43 (root, KF, KS, nämnder, bolag, förvaltningar under the
 * nämnd they serve, avdelningar under förvaltningar and bolag, enheter under avdelningar), persons
 * with one shared password, and role assignments over the tree.
 */
export const organisation: DataModule = {
  name: 'organisation',
  async generate(ctx) {
    const { client, profile, rng, tenantId } = ctx;
    const validFrom = `${ctx.now.getUTCFullYear() - profile.years}-01-01`;
    await client.query(`INSERT INTO tenant (id, code, name, organisation_number) VALUES ($1, $2, $3, $4)`, [
      tenantId,
      BENCH_TENANT.code,
      BENCH_TENANT.name,
      BENCH_TENANT.organisationNumber,
    ]);

    // ---- Org tree ----------------------------------------------------------------------------
    const rows: UnitRow[] = [];
    const add = (
      code: string,
      name: string,
      type: string,
      parent: UnitRow | null,
      extra: Partial<UnitRow> = {},
    ): UnitRow => {
      const id = rng.uuid();
      const row: UnitRow = {
        id,
        tenantId,
        code,
        name,
        shortName: name.slice(0, 40),
        type,
        parentId: parent?.id ?? null,
        path: [...(parent?.path ?? []), id],
        isDataController: false,
        servesCommitteeId: null,
        coveredByCyberSecurityAct: true,
        headcount: 0,
        validFrom,
        administrationId: null,
        ...extra,
      };
      rows.push(row);
      return row;
    };
    const root = add('ROOT', BENCH_TENANT.name, 'TENANT_ROOT', null);
    add('KF', 'Kommunfullmäktige', 'COUNCIL', root);
    const ks = add('KS', 'Kommunstyrelsen', 'EXECUTIVE_BOARD', root, { isDataController: true });
    const committees = Array.from({ length: profile.committees }, (_, i) =>
      add(
        `N${String(i + 1).padStart(2, '0')}`,
        COMMITTEES[i] ?? `${DISTRICTS[(i - COMMITTEES.length) % DISTRICTS.length]}s stadsdelsnämnd`,
        'COMMITTEE',
        root,
        { isDataController: true },
      ),
    );
    const companies = Array.from({ length: profile.companies }, (_, i) =>
      add(`B${String(i + 1).padStart(2, '0')}`, COMPANIES[i % COMPANIES.length], 'COMPANY', root, {
        isDataController: true,
        coveredByCyberSecurityAct: i % 3 === 0,
      }),
    );
    // Förvaltningar serve KS (the first) and the nämnder in turn.
    const served = [ks, ...committees];
    const administrations = Array.from({ length: profile.administrations }, (_, i) => {
      const committee = served[i % served.length];
      const code = `F${String(i + 1).padStart(2, '0')}`;
      const name =
        i === 0 ? 'Stadsledningskontoret' : `${committee.name.replace(/nämnd$/, '')}förvaltning ${i}`;
      const row = add(code, name, 'ADMINISTRATION', committee, { servesCommitteeId: committee.id });
      row.administrationId = row.id;
      return row;
    });
    for (const c of companies) c.administrationId = c.id;
    // Avdelningar: spread over förvaltningar and bolag, förvaltningar weighted three to one.
    const owners = new WeightedTable([...administrations, ...companies], (u) =>
      u.type === 'ADMINISTRATION' ? 3 : 1,
    );
    const divisionsOf = new Map<string, number>();
    const divisions = Array.from({ length: profile.divisions }, (_, i) => {
      // Every förvaltning and bolag first gets one, then the weighted draw.
      const owner =
        i < administrations.length + companies.length
          ? [...administrations, ...companies][i]
          : owners.pick(rng);
      const n = (divisionsOf.get(owner.id) ?? 0) + 1;
      divisionsOf.set(owner.id, n);
      return add(
        `${owner.code}-A${String(n).padStart(2, '0')}`,
        `Avdelning ${n}, ${owner.name}`.slice(0, 200),
        'DIVISION',
        owner,
        {
          administrationId: owner.id,
        },
      );
    });
    const unitsOf = new Map<string, number>();
    const enheter = Array.from({ length: profile.units }, (_, i) => {
      const division = i < divisions.length ? divisions[i] : rng.pick(divisions);
      const n = (unitsOf.get(division.id) ?? 0) + 1;
      unitsOf.set(division.id, n);
      const kind = rng.pick(UNIT_KINDS);
      return add(
        `${division.code}-E${String(n).padStart(3, '0')}`,
        `${kind[0].toUpperCase()}${kind.slice(1)} ${n}`,
        'UNIT',
        division,
        {
          administrationId: division.administrationId,
          headcount: rng.int(4, 60),
        },
      );
    });
    await insertRows(client, 'org_unit', UNIT_COLUMNS, rows);
    for (const row of rows) {
      const { administrationId: _a, ...entity } = row;
      await ctx.history.add('OrgUnit', row.id, entity);
    }
    ctx.units = rows.map((r) => ({
      id: r.id,
      code: r.code,
      type: r.type,
      path: r.path,
      parentId: r.parentId,
      headcount: r.headcount,
      administrationId: r.administrationId,
    }));

    // ---- Persons and credentials -------------------------------------------------------------
    const people: Record<string, unknown>[] = [];
    const person = (username: string, displayName: string, home: GeneratedUnit, isElected = false) => {
      const row = {
        id: rng.uuid(),
        tenantId,
        username,
        displayName,
        email: `${username}@storstad.example`,
        employeeNumber: isElected ? null : String(100000 + people.length),
        homeOrgUnitId: home.id,
        hasOwnComputer: rng.chance(0.6),
        isElected,
        status: 'ACTIVE',
      };
      people.push(row);
      const generated: GeneratedPerson = { id: row.id, homeOrgUnitId: home.id };
      const list = ctx.personsByUnit.get(home.id) ?? [];
      list.push(generated);
      ctx.personsByUnit.set(home.id, list);
      ctx.persons.push(generated);
      return generated;
    };
    const nameOf = () => {
      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      return { first, last, display: `${first} ${last}` };
    };
    // The samordnare's förvaltning: the one with the most enheter, a real subtree.
    const coordinated = administrations
      .map((a) => ({ a, n: enheter.filter((e) => e.administrationId === a.id).length }))
      .sort((x, y) => y.n - x.n)[0].a;
    const ciso = person(BENCH_USERS.ciso, 'Cecilia Storstad (CISO)', ks);
    const coordinator = person(BENCH_USERS.coordinator, 'Samir Samordnare', coordinated);
    const homes = new WeightedTable(enheter, (u) => u.headcount);
    const employees = profile.persons - profile.elected - 2;
    for (let i = 0; i < employees; i++) {
      const n = nameOf();
      person(`${ascii(n.first)}.${ascii(n.last)}${i + 1}`, n.display, homes.pick(rng));
    }
    const elected: GeneratedPerson[] = [];
    for (let i = 0; i < profile.elected; i++) {
      const n = nameOf();
      elected.push(
        person(`${ascii(n.first)}.${ascii(n.last)}.fv${i + 1}`, n.display, rng.pick(committees), true),
      );
    }
    await insertRows(client, 'person', PERSON_COLUMNS, people);
    for (const p of people) await ctx.history.add('Person', p.id as string, p);
    // Argon2id once (the app's PasswordService), reused by every account.
    const passwordHash = await new PasswordService().hash(BENCH_PASSWORD);
    await insertRows(
      client,
      'credential',
      CREDENTIAL_COLUMNS,
      people.map((p) => ({ personId: p.id, tenantId, passwordHash, passwordChangedAt: ctx.now })),
    );

    // ---- Role assignments --------------------------------------------------------------------
    const byId = new Map(rows.map((r) => [r.id, r]));
    const assignments: Record<string, unknown>[] = [];
    const someoneIn = (unit: GeneratedUnit): GeneratedPerson => {
      const local = ctx.personsByUnit.get(unit.id);
      if (local?.length) return rng.pick(local);
      const below = enheter.filter((e) => e.path.includes(unit.id));
      const candidates = below.flatMap((e) => ctx.personsByUnit.get(e.id) ?? []);
      return candidates.length ? rng.pick(candidates) : rng.pick(ctx.persons);
    };
    const assign = (p: GeneratedPerson, role: string, unitIds: string[]) => {
      if (assignments.length >= profile.roleAssignments) return false;
      const paths = [...new Set(unitIds.flatMap((id) => byId.get(id)?.path ?? []))];
      assignments.push({
        id: rng.uuid(),
        tenantId,
        personId: p.id,
        role,
        orgUnitIds: unitIds,
        orgUnitPaths: paths,
        includeSubtree: true,
        validFrom,
      });
      return true;
    };
    assign(ciso, 'CISO', [root.id]);
    assign(coordinator, 'COORDINATOR', [coordinated.id]);
    ctx.coordinatorOf.set(coordinated.id, coordinator.id);
    for (let i = 0; i < 2; i++) assign(rng.pick(ctx.persons), 'ADMIN', [root.id]);
    for (let i = 0; i < Math.min(5, Math.ceil(profile.committees / 2)); i++)
      assign(rng.pick(ctx.persons), 'AUDITOR', [root.id]);
    assign(rng.pick(ctx.persons), 'SECURITY_PROTECTION_OFFICER', [root.id]);
    // D-51: one DPO for the kommun's controllers, one per bolag.
    assign(someoneIn(administrations[0]), 'DPO', [ks.id, ...committees.map((c) => c.id)]);
    for (const c of companies) assign(someoneIn(c), 'DPO', [c.id]);
    for (const a of [...administrations, ...companies]) {
      const head = someoneIn(a);
      if (assign(head, 'HEAD', [a.id])) ctx.headOf.set(a.id, head.id);
      if (!ctx.coordinatorOf.has(a.id)) {
        const c = someoneIn(a);
        if (assign(c, 'COORDINATOR', [a.id])) ctx.coordinatorOf.set(a.id, c.id);
      }
    }
    for (const u of [...divisions, ...enheter]) {
      const manager = someoneIn(u);
      if (assign(manager, 'MANAGER', [u.id])) ctx.managerOf.set(u.id, manager.id);
    }
    for (const e of elected) {
      const home = byId.get(e.homeOrgUnitId);
      if (home) assign(e, 'ELECTED', [home.id]);
    }
    // The rest: biträdande enhetschefer (a second manager of an enhet).
    while (assignments.length < profile.roleAssignments) {
      const u = rng.pick(enheter);
      assign(someoneIn(u), 'MANAGER', [u.id]);
    }
    await insertRows(client, 'role_assignment', ASSIGNMENT_COLUMNS, assignments);
    for (const a of assignments) await ctx.history.add('RoleAssignment', a.id as string, a);
    for (const u of enheter) {
      const manager = ctx.managerOf.get(u.id) ?? ctx.managerOf.get(u.parentId ?? '');
      if (manager) ctx.managerOf.set(u.id, manager);
    }
    return { orgUnits: rows.length, persons: people.length, roleAssignments: assignments.length };
  },
};
