import { subject as tag } from '@casl/ability';
import { OrgUnitEntity, RoleAssignmentEntity } from '@varna/organisation';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../../../apps/api/src/data-source';
import { createTestDatabase } from '@varna/testing';
import {
  abilityFromRules,
  type AppAbility,
  type AppRawRule,
  type AppSubject,
  defineAbilityFor,
  type Grant,
  type SubjectName,
} from './core';
import { whereAllowed } from './query-filter';

/*
 * The SQL translation of the rules against real PostgreSQL: every case checks the rows it expects
 * by name, and that they are exactly the rows `ability.can` allows (the two enforcement points agree).
 */
const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const T1 = id(0x7101);
const T2 = id(0x7102);
// Units by code. T1: R1 → A → A1, R1 → B, R1 → b (lower case, for collation). T2: R2 → X.
const U = { R1: id(1), A: id(2), A1: id(3), B: id(4), b: id(5), R2: id(6), X: id(7) };
const P = { p1: id(0x101), p2: id(0x102), p3: id(0x103) };
const RA = { ra1: id(0x201), ra2: id(0x202), ra3: id(0x203), ra4: id(0x204) };
const codeOf = new Map(Object.entries(U).map(([code, uuid]) => [uuid, code]));
const nameOfRa = new Map(Object.entries(RA).map(([name, uuid]) => [uuid, name]));

let ds: DataSource;
let units: OrgUnitEntity[];
let assignments: RoleAssignmentEntity[];

beforeAll(async () => {
  ds = createDataSource(await createTestDatabase('empty'));
  await ds.initialize();
  await ds.query(`INSERT INTO tenant (id, code, name) VALUES ($1, 'ett', 'Ettby'), ($2, 'tva', 'Tvåby')`, [
    T1,
    T2,
  ]);
  const unit = (
    code: keyof typeof U,
    tenant: string,
    path: string[],
    fields: { headcount: number; nisSector: string | null; validTo: string | null; aliases: string[] },
  ) =>
    ds.query(
      `INSERT INTO org_unit (id, tenant_id, code, name, short_name, type, parent_id, path, headcount,
                             nis_sector, valid_from, valid_to, aliases)
       VALUES ($1, $2, $3, $3, $3, $4, $5, $6::uuid[], $7, $8, '2020-01-01', $9, $10::text[])`,
      [
        U[code],
        tenant,
        code,
        path.length === 1 ? 'TENANT_ROOT' : 'UNIT',
        path.length === 1 ? null : path[path.length - 2],
        path,
        fields.headcount,
        fields.nisSector,
        fields.validTo,
        fields.aliases,
      ],
    );
  await unit('R1', T1, [U.R1], { headcount: 0, nisSector: null, validTo: null, aliases: [] });
  await unit('A', T1, [U.R1, U.A], {
    headcount: 100,
    nisSector: 'Vatten',
    validTo: null,
    aliases: ['Alpha', 'Första'],
  });
  await unit('A1', T1, [U.R1, U.A, U.A1], {
    headcount: 5,
    nisSector: null,
    validTo: '2026-06-30',
    aliases: [],
  });
  await unit('B', T1, [U.R1, U.B], {
    headcount: 250,
    nisSector: 'Energi',
    validTo: '2027-01-01',
    aliases: ['Beta'],
  });
  await unit('b', T1, [U.R1, U.b], { headcount: -3, nisSector: 'energi', validTo: null, aliases: [] });
  await unit('R2', T2, [U.R2], { headcount: 0, nisSector: null, validTo: null, aliases: [] });
  await unit('X', T2, [U.R2, U.X], {
    headcount: 100,
    nisSector: 'Vatten',
    validTo: null,
    aliases: ['Alpha'],
  });

  const person = (pid: string, tenant: string, home: string, username: string) =>
    ds.query(
      `INSERT INTO person (id, tenant_id, username, display_name, email, home_org_unit_id)
       VALUES ($1, $2, $3, $3, $4, $5)`,
      [pid, tenant, username, `${username}@example.org`, home],
    );
  await person(P.p1, T1, U.A1, 'p1');
  await person(P.p2, T1, U.B, 'p2');
  await person(P.p3, T2, U.X, 'p3');

  const assign = (
    rid: string,
    tenant: string,
    pid: string,
    role: string,
    ids: string[],
    paths: string[],
    validTo: string | null,
    ref: string | null,
  ) =>
    ds.query(
      `INSERT INTO role_assignment (id, tenant_id, person_id, role, org_unit_ids, org_unit_paths, valid_from,
                                    valid_to, appointment_ref)
       VALUES ($1, $2, $3, $4, $5::uuid[], $6::uuid[], '2026-01-01', $7, $8)`,
      [rid, tenant, pid, role, ids, paths, validTo, ref],
    );
  await assign(RA.ra1, T1, P.p1, 'MANAGER', [U.A1], [U.R1, U.A, U.A1], null, null);
  await assign(RA.ra2, T1, P.p2, 'HEAD', [U.A, U.B], [U.R1, U.A, U.B], '2026-12-31', 'KS 2026-00001');
  await assign(RA.ra3, T1, P.p1, 'READER', [U.R1], [U.R1], null, null);
  await assign(RA.ra4, T2, P.p3, 'CISO', [U.X], [U.R2, U.X], null, 'TB 2026-7');

  units = await ds.getRepository(OrgUnitEntity).find();
  assignments = await ds.getRepository(RoleAssignmentEntity).find();
});

afterAll(() => ds?.destroy());

const rules = (...list: Record<string, unknown>[]) =>
  abilityFromRules(list.map((r) => ({ action: 'read', ...r })) as AppRawRule[]);
const unitRule = (conditions?: Record<string, unknown>, inverted = false) => ({
  subject: 'OrgUnit',
  ...(conditions ? { conditions } : {}),
  ...(inverted ? { inverted } : {}),
});

async function sqlIds<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  ability: AppAbility,
  subject: SubjectName,
  action: 'read' | 'create' | 'update' = 'read',
): Promise<string[]> {
  const rows = await whereAllowed(qb, ability, action, subject).getMany();
  return rows.map((r) => r.id);
}

/** Codes of the org units the SQL filter returns; also checks they are exactly the ones `can` allows. */
async function allowedUnits(ability: AppAbility): Promise<string[]> {
  const ids = await sqlIds(ds.getRepository(OrgUnitEntity).createQueryBuilder('u'), ability, 'OrgUnit');
  const inMemory = units.filter((u) =>
    ability.can('read', tag('OrgUnit', { ...u }) as unknown as AppSubject),
  );
  const codes = ids.map((i) => codeOf.get(i) as string).sort();
  expect(codes, 'SQL filter and ability.can disagree').toEqual(inMemory.map((u) => u.code).sort());
  return codes;
}

async function allowedAssignments(ability: AppAbility, action: 'read' | 'create' | 'update' = 'read') {
  const ids = await sqlIds(
    ds.getRepository(RoleAssignmentEntity).createQueryBuilder('ra'),
    ability,
    'RoleAssignment',
    action,
  );
  const inMemory = assignments.filter((r) =>
    ability.can(action, tag('RoleAssignment', { ...r }) as unknown as AppSubject),
  );
  const names = ids.map((i) => nameOfRa.get(i) as string).sort();
  expect(names, 'SQL filter and ability.can disagree').toEqual(
    inMemory.map((r) => nameOfRa.get(r.id) as string).sort(),
  );
  return names;
}

const ALL_UNITS = Object.keys(U).sort();

describe('scalar columns', () => {
  it.each([
    ['eq', { code: 'A' }, ['A']],
    ['eq uuid', { id: U.B }, ['B']],
    ['eq null matches only NULL', { nisSector: null }, ['A1', 'R1', 'R2']],
    ['eq is case sensitive', { nisSector: 'energi' }, ['b']],
    [
      'ne keeps NULL rows (a missing value is not equal)',
      { nisSector: { $ne: 'Vatten' } },
      ['A1', 'B', 'R1', 'R2', 'b'],
    ],
    ['ne null', { nisSector: { $ne: null } }, ['A', 'B', 'X', 'b']],
    ['in', { code: { $in: ['A', 'B', 'nope'] } }, ['A', 'B']],
    ['in an empty list', { code: { $in: [] } }, []],
    ['in never matches NULL', { nisSector: { $in: ['Energi', 'Vatten'] } }, ['A', 'B', 'X']],
    [
      'in with null in the list matches NULL',
      { nisSector: { $in: ['Energi', null] } },
      ['A1', 'B', 'R1', 'R2'],
    ],
    ['nin', { code: { $nin: ['A', 'B'] } }, ['A1', 'R1', 'R2', 'X', 'b']],
    ['nin keeps NULL rows', { nisSector: { $nin: ['Vatten'] } }, ['A1', 'B', 'R1', 'R2', 'b']],
    ['nin with null in the list drops NULL rows', { nisSector: { $nin: ['Vatten', null] } }, ['B', 'b']],
    ['nin an empty list', { code: { $nin: [] } }, ALL_UNITS],
    ['lt int', { headcount: { $lt: 100 } }, ['A1', 'R1', 'R2', 'b']],
    ['lte int', { headcount: { $lte: 100 } }, ['A', 'A1', 'R1', 'R2', 'X', 'b']],
    ['gt int', { headcount: { $gt: 100 } }, ['B']],
    ['gte int', { headcount: { $gte: 100 } }, ['A', 'B', 'X']],
    ['lt a fractional bound is not rounded', { headcount: { $lt: 5.5 } }, ['A1', 'R1', 'R2', 'b']],
    ['lte a fractional bound is not rounded', { headcount: { $lte: 4.5 } }, ['R1', 'R2', 'b']],
    ['eq a fraction on an int column', { headcount: 5.5 }, []],
    ['in with fractions on an int column', { headcount: { $in: [5, 99.5] } }, ['A1']],
    ['gt a negative number', { headcount: { $gt: -1 } }, ['A', 'A1', 'B', 'R1', 'R2', 'X']],
    ['lt on a nullable date leaves NULL out', { validTo: { $lt: '2027-01-01' } }, ['A1']],
    ['lte date', { validTo: { $lte: '2027-01-01' } }, ['A1', 'B']],
    ['gt date', { validTo: { $gt: '2026-06-30' } }, ['B']],
    ['gte date', { validTo: { $gte: '2026-06-30' } }, ['A1', 'B']],
    ['gt on text compares code points, whatever the collation', { code: { $gt: 'X' } }, ['b']],
    ['lt on text', { code: { $lt: 'B' } }, ['A', 'A1']],
    ['several fields are all required', { tenantId: T1, headcount: { $gte: 5 } }, ['A', 'A1', 'B']],
    ['range on one field', { headcount: { $gt: 0, $lt: 200 } }, ['A', 'A1', 'X']],
  ])('%s', async (_name, conditions, expected) => {
    expect(await allowedUnits(rules(unitRule(conditions)))).toEqual([...expected].sort());
  });
});

describe('array columns (a value matches when any element matches)', () => {
  it.each([
    ['eq = contains', { path: U.A }, ['A', 'A1']],
    ['eq on text[]', { aliases: 'Alpha' }, ['A', 'X']],
    ['in = overlaps', { path: { $in: [U.A, U.X] } }, ['A', 'A1', 'X']],
    ['in on text[]', { aliases: { $in: ['Beta', 'Första'] } }, ['A', 'B']],
    ['nin = overlaps none', { path: { $nin: [U.A, U.B] } }, ['R1', 'R2', 'X', 'b']],
    ['nin keeps empty arrays', { aliases: { $nin: ['Alpha'] } }, ['A1', 'B', 'R1', 'R2', 'b']],
    ['ne = does not contain', { path: { $ne: U.R1 } }, ['R2', 'X']],
    ['ne on text[]', { aliases: { $ne: 'Beta' } }, ['A', 'A1', 'R1', 'R2', 'X', 'b']],
  ])('%s', async (_name, conditions, expected) => {
    expect(await allowedUnits(rules(unitRule(conditions)))).toEqual([...expected].sort());
  });

  it('on role assignments: scope by orgUnitPaths (subtree) and orgUnitIds (exact)', async () => {
    expect(
      await allowedAssignments(rules({ subject: 'RoleAssignment', conditions: { orgUnitPaths: U.A } })),
    ).toEqual(['ra1', 'ra2']);
    expect(
      await allowedAssignments(rules({ subject: 'RoleAssignment', conditions: { orgUnitIds: U.A } })),
    ).toEqual(['ra2']);
    expect(
      await allowedAssignments(
        rules({ subject: 'RoleAssignment', conditions: { orgUnitIds: { $in: [U.A1, U.X] }, validTo: null } }),
      ),
    ).toEqual(['ra1', 'ra4']);
  });
});

describe('several rules', () => {
  it('can rules are alternatives', async () => {
    expect(await allowedUnits(rules(unitRule({ code: 'A' }), unitRule({ headcount: { $gt: 200 } })))).toEqual(
      ['A', 'B'],
    );
  });

  it('a rule without conditions allows every row', async () => {
    expect(await allowedUnits(rules(unitRule({ code: 'A' }), unitRule()))).toEqual(ALL_UNITS);
  });

  it('cannot removes rows from the rules before it', async () => {
    expect(await allowedUnits(rules(unitRule(), unitRule({ code: 'A' }, true)))).toEqual(
      ALL_UNITS.filter((c) => c !== 'A'),
    );
    expect(
      await allowedUnits(rules(unitRule({ tenantId: T1 }), unitRule({ nisSector: 'Vatten' }, true))),
    ).toEqual(['A1', 'B', 'R1', 'b']);
  });

  it('a cannot on a comparison keeps the rows where the value is missing', async () => {
    expect(await allowedUnits(rules(unitRule(), unitRule({ validTo: { $lt: '2027-01-01' } }, true)))).toEqual(
      ALL_UNITS.filter((c) => c !== 'A1'),
    );
    expect(await allowedUnits(rules(unitRule(), unitRule({ nisSector: { $in: ['Vatten'] } }, true)))).toEqual(
      ['A1', 'B', 'R1', 'R2', 'b'],
    );
  });

  it('a cannot with several fields removes only rows matching all of them', async () => {
    expect(
      await allowedUnits(rules(unitRule(), unitRule({ tenantId: T1, headcount: { $gt: 50 } }, true))),
    ).toEqual(['A1', 'R1', 'R2', 'X', 'b']);
  });

  it('a later can overrides an earlier cannot', async () => {
    expect(
      await allowedUnits(
        rules(
          unitRule({ tenantId: T1 }),
          unitRule({ code: { $in: ['A', 'B'] } }, true),
          unitRule({ code: 'A' }),
        ),
      ),
    ).toEqual(['A', 'A1', 'R1', 'b']);
  });

  it('an unconditional cannot removes everything before it', async () => {
    expect(await allowedUnits(rules(unitRule(), unitRule(undefined, true)))).toEqual([]);
    expect(await allowedUnits(rules(unitRule(undefined, true), unitRule({ code: 'X' })))).toEqual(['X']);
  });
});

describe('rows allowed for fields (D-08), and repeated branches', () => {
  /** Codes of the units whose every one of `fields` the SQL allows; checked against `ability.can`. */
  async function allowedForFields(ability: AppAbility, fields: string[]) {
    const qb = ds.getRepository(OrgUnitEntity).createQueryBuilder('u');
    const rows = await whereAllowed(qb, ability, 'read', 'OrgUnit', 'u', fields).getMany();
    const inMemory = units.filter((u) =>
      fields.every((f) => ability.can('read', tag('OrgUnit', { ...u }) as unknown as AppSubject, f)),
    );
    const codes = rows.map((r) => codeOf.get(r.id) as string).sort();
    expect(codes, 'SQL filter and ability.can disagree').toEqual(inMemory.map((u) => u.code).sort());
    return { codes, sql: qb.getQuery() };
  }

  it('a field some rules do not grant narrows to the rules that do, without the row rule beside it', async () => {
    const ability = rules(
      { ...unitRule({ code: 'A' }), fields: ['code', 'name'] }, // a name view of A only
      unitRule({ tenantId: T1, headcount: { $gt: 50 } }),
    );
    expect((await allowedUnits(ability)).length).toBeGreaterThan(0);
    const { codes, sql } = await allowedForFields(ability, ['headcount', 'code']);
    expect(codes).toEqual(['A', 'B']); // A and B have more than 50; A's name view adds nothing
    expect(sql.match(/"u"\."code" = /g) ?? []).toHaveLength(0);
  });

  it('a field forbidden by a cannot with fields is narrowed by it, the row is not', async () => {
    const ability = rules(unitRule({ tenantId: T1 }), {
      ...unitRule({ code: 'B' }, true),
      fields: ['headcount'],
    });
    expect(await allowedUnits(ability)).toEqual(['A', 'A1', 'B', 'R1', 'b']);
    expect((await allowedForFields(ability, ['headcount'])).codes).toEqual(['A', 'A1', 'R1', 'b']);
    expect((await allowedForFields(ability, ['name'])).codes).toEqual(['A', 'A1', 'B', 'R1', 'b']);
  });

  it('two rules with the same conditions (two roles, one scope) are written once', async () => {
    const ability = rules(unitRule({ tenantId: T1 }), unitRule({ tenantId: T1 }), unitRule({ code: 'X' }));
    const qb = ds.getRepository(OrgUnitEntity).createQueryBuilder('u');
    await whereAllowed(qb, ability, 'read', 'OrgUnit').getMany();
    expect(qb.getQuery().match(/"u"\."tenant_id" = /g)).toHaveLength(1);
    expect(await allowedUnits(ability)).toEqual(['A', 'A1', 'B', 'R1', 'X', 'b']);
  });
});

describe('fails closed', () => {
  it('no rule: zero rows', async () => {
    expect(await allowedUnits(rules())).toEqual([]);
    // Rules for other actions and subjects do not leak in.
    expect(
      await allowedUnits(rules({ action: 'update', subject: 'OrgUnit' }, { subject: 'Person' })),
    ).toEqual([]);
    const qb = ds.getRepository(OrgUnitEntity).createQueryBuilder('u');
    expect(whereAllowed(qb, rules(), 'read', 'OrgUnit').getQuery()).toContain('1=0');
  });

  it('only cannot rules: zero rows', async () => {
    expect(await allowedUnits(rules(unitRule({ code: 'A' }, true)))).toEqual([]);
  });

  it.each([
    ['an unknown field', { nonexistent: 'x' }],
    ['a relation instead of a column', { parent: U.R1 }],
    ['an unknown field next to a known one', { tenantId: T1, secretLevel: { $lt: 3 } }],
    ['$regex', { code: { $regex: '^A' } }],
    ['$exists', { nisSector: { $exists: true } }],
    ['$all', { path: { $all: [U.R1] } }],
    ['$size', { path: { $size: 2 } }],
    ['$elemMatch', { aliases: { $elemMatch: { $eq: 'Alpha' } } }],
    ['lt on an array column', { path: { $lt: U.B } }],
    ['an array value for eq', { code: ['A', 'B'] }],
  ])('throws instead of widening on %s', (_name, conditions) => {
    for (const ability of [rules(unitRule(conditions)), rules(unitRule(), unitRule(conditions, true))]) {
      const qb = ds.getRepository(OrgUnitEntity).createQueryBuilder('u');
      expect(() => whereAllowed(qb, ability, 'read', 'OrgUnit')).toThrow();
      // Nothing was added to the query that could run by mistake.
      expect(qb.getQuery()).not.toContain('WHERE');
    }
  });
});

describe('composition with the caller’s query', () => {
  it('narrows an existing where (andWhere, never where)', async () => {
    const qb = ds.getRepository(OrgUnitEntity).createQueryBuilder('u').where('u.tenant_id = :t', { t: T1 });
    const ids = await sqlIds(qb, rules(unitRule({ headcount: { $gte: 100 } })), 'OrgUnit');
    expect(ids.map((i) => codeOf.get(i)).sort()).toEqual(['A', 'B']);
  });

  it('is not widened by an OR in the caller’s where', async () => {
    const qb = ds.getRepository(OrgUnitEntity).createQueryBuilder('u').where(`u.code = 'A' OR u.code = 'B'`);
    const ids = await sqlIds(qb, rules(unitRule({ code: 'B' })), 'OrgUnit');
    expect(ids.map((i) => codeOf.get(i))).toEqual(['B']);
  });

  it('is not widened by an OR in the caller’s where when no rule allows anything', async () => {
    const qb = ds.getRepository(OrgUnitEntity).createQueryBuilder('u').where(`u.code = 'A' OR u.code = 'B'`);
    expect(await sqlIds(qb, rules(), 'OrgUnit')).toEqual([]);
  });

  it('keeps the caller’s parameters and can be narrowed further', async () => {
    const qb = ds
      .getRepository(OrgUnitEntity)
      .createQueryBuilder('u')
      .where('u.headcount >= :min', { min: 5 });
    whereAllowed(qb, rules(unitRule({ tenantId: { $in: [T1, T2] } })), 'read', 'OrgUnit');
    qb.andWhere('u.code <> :not', { not: 'B' });
    const rows = await qb.orderBy('u.code').getMany();
    expect(rows.map((r) => r.code)).toEqual(['A', 'A1', 'X']);
  });

  it('applied twice, both filters hold (parameters do not collide)', async () => {
    const qb = ds.getRepository(OrgUnitEntity).createQueryBuilder('u');
    whereAllowed(qb, rules(unitRule({ headcount: { $gte: 5 } })), 'read', 'OrgUnit');
    whereAllowed(qb, rules(unitRule({ headcount: { $lt: 200 } })), 'read', 'OrgUnit');
    const rows = await qb.getMany();
    expect(rows.map((r) => r.code).sort()).toEqual(['A', 'A1', 'X']);
  });

  it('works inside a count and with a selected column only', async () => {
    const ability = rules(unitRule({ path: U.R1 }));
    const repo = ds.getRepository(OrgUnitEntity);
    expect(await whereAllowed(repo.createQueryBuilder('u'), ability, 'read', 'OrgUnit').getCount()).toBe(5);
    const picked = await whereAllowed(
      repo.createQueryBuilder('u').select('u.id'),
      ability,
      'read',
      'OrgUnit',
    ).getMany();
    expect(picked).toHaveLength(5);
  });
});

describe('the app’s own rules in SQL', () => {
  const actor = (grants: Grant[], personId = P.p1) =>
    defineAbilityFor({ personId, tenantId: T1, homeOrgUnitId: U.A1, grants });

  it('scope S with and without the subtree', async () => {
    const g = (units: string[], includeSubtree: boolean): Grant => ({
      role: 'COORDINATOR',
      orgUnitIds: units,
      includeSubtree,
    });
    // p3 is of the other tenant, so the own-assignments rule does not add rows here.
    expect(await allowedAssignments(actor([g([U.A], true)], P.p3))).toEqual(['ra1', 'ra2']);
    expect(await allowedAssignments(actor([g([U.A], false)], P.p3))).toEqual(['ra2']);
    expect(await allowedAssignments(actor([g([U.A1], false)], P.p3))).toEqual(['ra1']);
    expect(await allowedAssignments(actor([g([U.X], true)], P.p3))).toEqual([]);
    // p1 also reads its own assignments.
    expect(await allowedAssignments(actor([g([U.B], true)]))).toEqual(['ra1', 'ra2', 'ra3']);
  });

  it('tenant pin and D-50 together', async () => {
    const admin = actor([{ role: 'ADMIN', orgUnitIds: [U.R1], includeSubtree: true }]);
    expect(await allowedAssignments(admin, 'read')).toEqual(['ra1', 'ra2', 'ra3']);
    expect(await allowedAssignments(admin, 'update')).toEqual(['ra2']);
    expect(await allowedUnits(admin)).toEqual(['A', 'A1', 'B', 'R1', 'b']);
  });

  it('HEAD appoints only some roles, in scope', async () => {
    const head = actor([{ role: 'HEAD', orgUnitIds: [U.A], includeSubtree: true }], P.p2);
    expect(await allowedAssignments(head, 'read')).toEqual(['ra1', 'ra2']);
    // ra1 is a MANAGER in scope; ra2 is the HEAD's own (D-50) and a HEAD role.
    expect(await allowedAssignments(head, 'update')).toEqual(['ra1']);
  });
});
