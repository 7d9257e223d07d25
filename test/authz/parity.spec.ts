import { subject as tag } from '@casl/ability';
import { ActorLoader } from '@varna/auth';
import {
  ACTIONS,
  type Action,
  type AppAbility,
  type AppSubject,
  SUBJECT_NAMES,
  type SubjectName,
  whereAllowed,
} from '@varna/authz';
import { PersonEntity } from '@varna/organisation';
import { randomBytes } from 'node:crypto';
import type { EntityMetadata, ObjectLiteral } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITIES } from '../../apps/api/src/entities';
import { startTestApp, type TestApp } from '../support/app';
import { incidentId } from '../support/incidents';
import { createOtherTenant } from '../support/other-tenant';

/*
 * THE parity test (architecture §4): for every demo person × action × subject, the rows the SQL
 * filter returns are exactly the rows for which `ability.can(action, row)` holds. The database is
 * the demo kommun plus a second tenant, so the tenant pin is exercised on every table.
 */
const TABLE_OF: Record<SubjectName, string> = {
  Tenant: 'tenant',
  OrgUnit: 'org_unit',
  Person: 'person',
  RoleAssignment: 'role_assignment',
  HistoryEntry: 'history_entry',
  Session: 'session',
  Credential: 'credential',
  Incident: 'incident',
  IncidentTimelineEntry: 'incident_timeline_entry',
  RegulatoryObligation: 'regulatory_obligation',
  // Aggregated figures are checked on the incident rows they count (the statistics service).
  IncidentStatistics: 'incident',
  Notification: 'notification',
  IncidentAttachment: 'incident_attachment',
  InformationSet: 'information_set',
  Asset: 'asset',
  Classification: 'classification',
  ProtectionOverride: 'protection_override',
  ActionPlanItem: 'action_plan_item',
  ClassificationSettings: 'classification_settings',
  ClassificationSession: 'classification_session',
  // Classification KPIs are checked on the information sets they count.
  ClassificationStatistics: 'information_set',
  IncidentClockRules: 'incident_clock_rules',
};

interface Fixture {
  username: string;
  tenantId: string;
  ability: AppAbility;
}

interface SubjectTable {
  subject: SubjectName;
  metadata: EntityMetadata;
  key: string;
  rows: ObjectLiteral[];
}

let t: TestApp;
let demoTenant: string;
let otherTenant: string;
const fixtures: Fixture[] = [];
const tables: SubjectTable[] = [];

async function addSecondTenant(): Promise<string> {
  const q = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
  const other = await createOtherTenant(t.dataSource, {
    code: 'annanby',
    name: 'Annanby kommun',
    root: { name: 'ROOT' },
    validFrom: '2020-01-01',
    units: [{ code: 'OC' }, { code: 'OG', parent: 'OC' }],
    people: [
      // D-46: the same human may hold a person row in each tenant, with the same username.
      {
        username: 'cecilia.lund',
        home: 'OC',
        passwordHash: 'not-a-real-hash',
        passwordChangedAt: '2026-11-01T08:00:00Z',
      },
      { username: 'anna.annan', home: 'OG' },
    ],
  });
  const { ROOT: root, OC: child, OG: grandchild } = other.units;
  const tenant = other.tenantId;
  const shared = other.people['cecilia.lund'];
  const local = other.people['anna.annan'];
  const assign = (
    who: string,
    role: string,
    units: { id: string; path: string[] }[],
    subtree: boolean,
    validTo: string | null,
  ) =>
    q(
      `INSERT INTO role_assignment (tenant_id, person_id, role, org_unit_ids, org_unit_paths, include_subtree,
                                    valid_from, valid_to)
       VALUES ($1, $2, $3, $4::uuid[], $5::uuid[], $6, '2025-01-01', $7)`,
      [
        tenant,
        who,
        role,
        units.map((u) => u.id),
        [...new Set(units.flatMap((u) => u.path))],
        subtree,
        validTo,
      ],
    );
  await assign(shared, 'COORDINATOR', [child], false, null);
  await assign(local, 'HEAD', [child], true, null);
  await assign(local, 'MANAGER', [grandchild], true, '2025-12-31'); // expired: grants nothing
  const hex = () => randomBytes(32).toString('hex');
  await q(
    `INSERT INTO session (tenant_id, person_id, token_hash, csrf_token_hash, expires_at, last_seen_at)
     VALUES ($1, $2, $3, $4, '2026-11-16T17:00:00Z', '2026-11-16T09:00:00Z'),
            ($1, $5, $6, $7, '2026-11-16T17:00:00Z', '2026-11-16T09:00:00Z')`,
    [tenant, shared, hex(), hex(), local, hex(), hex()],
  );
  await q(
    `INSERT INTO history_entry (tenant_id, seq, occurred_at, action, entity_type, entity_id, prev_hash, hash)
     VALUES ($1, 1, '2026-11-01T08:00:00Z', 'create', 'OrgUnit', $2, $3, $4)`,
    [tenant, root.id, '0'.repeat(64), hex()],
  );
  // Incidents of the second kommun: a triaged breach in OG with a stage and a timeline entry, and an
  // untriaged report in OC by the person whose username also exists in the demo.
  const incident = async (
    number: string,
    unit: { id: string; path: string[] },
    reporter: string,
    type: string | null,
  ) => {
    const [{ id }] = await q(
      `INSERT INTO incident (tenant_id, number, type, title, description, org_unit_id, org_unit_path, reporter_id,
                             channel, discovered_at, reported_at, aware_at, status, personal_data_involved)
       VALUES ($1, $2, $3, 'Annanby', 'Annanby', $4, $5::uuid[], $6, 'FORM', '2026-11-01T08:00:00Z',
               '2026-11-01T08:00:00Z', '2026-11-01T08:00:00Z', $7, $8) RETURNING id`,
      [
        tenant,
        number,
        type,
        unit.id,
        unit.path,
        reporter,
        type ? 'TRIAGED' : 'REPORTED',
        type ? 'YES' : 'UNKNOWN',
      ],
    );
    await q(
      `INSERT INTO incident_timeline_entry (tenant_id, incident_id, seq, org_unit_id, org_unit_path, incident_type,
                                            occurred_at, actor_id, kind, text)
       VALUES ($1, $2, 1, $3, $4::uuid[], $5, '2026-11-01T08:00:00Z', $6, 'CREATED', 'Annanby')`,
      [tenant, id, unit.id, unit.path, type, reporter],
    );
    return id as string;
  };
  const breach = await incident('INC-2026-0001', grandchild, local, 'PERSONAL_DATA_BREACH');
  const untriaged = await incident('INC-2026-0002', child, shared, null);
  await attach(breach, local);
  await attach(untriaged, shared);
  await q(
    `INSERT INTO regulatory_obligation (tenant_id, incident_id, org_unit_id, org_unit_path, regime, stage, anchor,
                                        anchor_at, deadline_at, receiver)
     VALUES ($1, $2, $3, $4::uuid[], 'GDPR_ART33_IMY', 'NOTIFICATION', 'AWARE_AT', '2026-11-01T08:00:00Z',
             '2026-11-04T08:00:00Z', 'IMY')`,
    [tenant, breach, grandchild.id, grandchild.path],
  );
  // The registers of the second kommun: a set in OG owned by anna.annan, carried by an asset in OC
  // whose system manager is the person whose username also exists in the demo (BR-A3 keeper ids).
  await q(
    `INSERT INTO information_set (tenant_id, code, name, org_unit_id, org_unit_path, information_owner_id,
                                  asset_keeper_ids, status)
     VALUES ($1, 'IM-01', 'Annanby', $2, $3::uuid[], $4, ARRAY[$5::uuid], 'ACTIVE')`,
    [tenant, grandchild.id, grandchild.path, local, shared],
  );
  await q(
    `INSERT INTO asset (tenant_id, code, name, type, org_unit_id, org_unit_path, system_manager_id,
                        information_owner_ids, status)
     VALUES ($1, 'AS-01', 'Annanby', 'IT_SYSTEM', $2, $3::uuid[], $4, ARRAY[$5::uuid], 'ACTIVE')`,
    [tenant, child.id, child.path, shared, local],
  );
  // Classification of the second kommun: the set's decision by its owner, a raise and an action-plan
  // item on the asset (scope columns copied from the set and the asset), the tenant's settings.
  const [{ id: setId }] = await q(`SELECT id FROM information_set WHERE tenant_id = $1`, [tenant]);
  const [{ id: assetId }] = await q(`SELECT id FROM asset WHERE tenant_id = $1`, [tenant]);
  await q(
    `INSERT INTO classification (tenant_id, information_set_id, org_unit_id, org_unit_path, information_owner_id,
                                 asset_keeper_ids, model_version, level_k, level_r, level_t, level_s, status,
                                 proposed_by_id, proposed_at, decided_by_id, decided_at, valid_until)
     VALUES ($1, $2, $3, $4::uuid[], $5, ARRAY[$6::uuid], 1, 1, 1, 1, 1, 'DECIDED', $6, '2026-10-01T08:00:00Z',
             $5, '2026-10-01T08:00:00Z', '2027-10-01')`,
    [tenant, setId, grandchild.id, grandchild.path, local, shared],
  );
  await q(
    `INSERT INTO protection_override (tenant_id, asset_id, org_unit_id, org_unit_path, system_manager_id, aspect,
                                      level, direction, reason_type, reason, requested_by_id, requested_at, status)
     VALUES ($1, $2, $3, $4::uuid[], $5, 'K', 2, 'RAISE', 'OTHER', 'Annanby', $6, '2026-10-01T08:00:00Z', 'ACTIVE')`,
    [tenant, assetId, child.id, child.path, shared, local],
  );
  await q(
    `INSERT INTO action_plan_item (tenant_id, asset_id, org_unit_id, org_unit_path, system_manager_id,
                                   requirement_code, catalogue_version)
     VALUES ($1, $2, $3, $4::uuid[], $5, 'VG-A1-01', '2026.1')`,
    [tenant, assetId, child.id, child.path, shared],
  );
  await q(`INSERT INTO classification_settings (tenant_id, review_interval_months) VALUES ($1, 12)`, [
    tenant,
  ]);
  await q(
    `INSERT INTO incident_clock_rules (tenant_id, msbfs_incident_types, period_overrides, receivers) VALUES ($1, '{IT_INCIDENT}', '{}', '{}')`,
    [tenant],
  );
  // A klassningstillfälle in OG led by the person whose username also exists in the demo (a
  // coordinator of OC without the subtree: reads it as its leader, cannot change it).
  await q(
    `INSERT INTO classification_session (tenant_id, code, title, org_unit_id, org_unit_path, information_set_ids,
                                         information_owner_ids, asset_keeper_ids, led_by_id, participant_ids,
                                         planned_at)
     VALUES ($1, 'KT-2026-001', 'Annanby', $2, $3::uuid[], ARRAY[$4::uuid], ARRAY[$5::uuid], ARRAY[$6::uuid], $6,
             '{}', '2026-12-01T08:00:00Z')`,
    [tenant, grandchild.id, grandchild.path, setId, local, shared],
  );
  return tenant;
}

/** An attachment row (metadata only) of an incident, placed like it, uploaded by `uploader`. */
async function attach(incidentId: string, uploader: string): Promise<void> {
  await t.dataSource.query(
    `INSERT INTO incident_attachment (tenant_id, incident_id, org_unit_id, org_unit_path, incident_type,
                                      incident_reporter_id, file_name, content_type, size_bytes, sha256,
                                      scan_status, uploaded_by_id, uploaded_at)
     SELECT i.tenant_id, i.id, i.org_unit_id, i.org_unit_path, i.type, i.reporter_id, 'bilaga.txt', 'text/plain',
            1, repeat('0', 64), 'NOT_SCANNED', $2, '2026-11-16T08:00:00Z'
       FROM incident i WHERE i.id = $1`,
    [incidentId, uploader],
  );
}

/** Demo attachments: the reporter's own and a handler's on INC-01, a handler's on INC-09 (EVE). */
async function addDemoAttachments(): Promise<void> {
  const inc01 = await incidentId(t, 'INC-2026-0001');
  const inc09 = await incidentId(t, 'INC-2026-0009');
  await attach(inc01, await t.personId('emma.rahimi'));
  await attach(inc01, await t.personId('nora.falk'));
  await attach(inc09, await t.personId('emil.hagg'));
}

/** The demo has no action-plan items and no settings row (§6.11): give it one of each. */
async function addDemoActionPlan(tenant: string): Promise<void> {
  await t.dataSource.query(
    `INSERT INTO action_plan_item (tenant_id, asset_id, org_unit_id, org_unit_path, asset_owner_id,
                                   system_manager_id, requirement_code, catalogue_version)
     SELECT a.tenant_id, a.id, a.org_unit_id, a.org_unit_path, a.asset_owner_id, a.system_manager_id, r.req, '2026.1'
       FROM asset a, (VALUES ('VG-A1-01'), ('VG-K2-03')) r(req)
      WHERE a.tenant_id = $1 AND a.code IN ('AS-10', 'AS-26')`,
    [tenant],
  );
  await t.dataSource.query(
    `INSERT INTO classification_settings (tenant_id, review_interval_months) VALUES ($1, 12)`,
    [tenant],
  );
  await t.dataSource.query(
    `INSERT INTO incident_clock_rules (tenant_id, msbfs_incident_types, period_overrides, receivers) VALUES ($1, '{IT_INCIDENT}', '{}', '{}')`,
    [tenant],
  );
}

beforeAll(async () => {
  t = await startTestApp();
  // Sessions of a few demo people (before the second tenant makes "cecilia.lund" ambiguous).
  for (const username of [
    'cecilia.lund',
    'emma.rahimi',
    'emma.rahimi',
    'viktor.berglof',
    'nora.falk',
    'per.dahlgren',
  ]) {
    await t.login(username);
  }
  const revoked = await t.login('nora.falk');
  expect((await t.http.post('/api/auth/logout').set('authorization', revoked.authorization)).status).toBe(
    204,
  );

  demoTenant = await t.demoTenantId();
  await addDemoAttachments();
  otherTenant = await addSecondTenant();
  await addDemoActionPlan(demoTenant);

  // Notifications are created by jobs, so the demo has none: one per person of both tenants.
  await t.dataSource.query(
    `INSERT INTO notification (tenant_id, recipient_id, kind, subject_type, subject_id, text, dedupe_key, notified_at)
     SELECT p.tenant_id, p.id, 'PARITY', 'Person', p.id, 'Parity', 'parity:' || p.id, now() FROM person p`,
  );

  const loader = t.app.get(ActorLoader);
  const people = await t.dataSource.getRepository(PersonEntity).find({ order: { username: 'ASC' } });
  for (const p of people) {
    const principal = await loader.principal(p, 'parity');
    fixtures.push({
      username: `${p.username}@${p.tenantId === demoTenant ? 'demo' : 'annanby'}`,
      tenantId: p.tenantId,
      ability: principal.ability,
    });
  }

  for (const subject of SUBJECT_NAMES) {
    const entity = ENTITIES.find((e) => t.dataSource.getMetadata(e).tableName === TABLE_OF[subject]);
    if (!entity) throw new Error(`No entity for table ${TABLE_OF[subject]}`);
    const metadata = t.dataSource.getMetadata(entity);
    expect(metadata.primaryColumns, `${subject} has a single primary key`).toHaveLength(1);
    const key = metadata.primaryColumns[0].propertyName;
    const rows = await t.dataSource.getRepository(entity).find();
    for (const row of rows) tag(subject, row);
    tables.push({ subject, metadata, key, rows });
  }
}, 120_000);

afterAll(() => t?.close());

const tenantOf = (table: SubjectTable, row: ObjectLiteral) =>
  (table.subject === 'Tenant' ? row.id : row.tenantId) as string;

async function sqlKeys(table: SubjectTable, ability: AppAbility, action: Action): Promise<string[]> {
  const qb = t.dataSource.createQueryBuilder(table.metadata.target, 'x').select(`x.${table.key}`);
  const rows = await whereAllowed(qb, ability, action, table.subject).getMany();
  return rows.map((r: ObjectLiteral) => r[table.key] as string).sort();
}

const memoryKeys = (table: SubjectTable, ability: AppAbility, action: Action) =>
  table.rows
    .filter((row) => ability.can(action, row as AppSubject))
    .map((row) => row[table.key] as string)
    .sort();

describe('SQL filter ≡ ability.can', () => {
  it('the fixtures are the demo kommun plus a second tenant', () => {
    expect(fixtures.filter((f) => f.tenantId === demoTenant)).toHaveLength(29);
    expect(fixtures.filter((f) => f.tenantId === otherTenant)).toHaveLength(2);
    expect(Object.keys(TABLE_OF).sort()).toEqual([...SUBJECT_NAMES].sort());
    for (const table of tables) {
      const tenants = new Set(table.rows.map((r) => tenantOf(table, r)));
      expect([...tenants].sort(), `${table.subject} rows in both tenants`).toEqual(
        [demoTenant, otherTenant].sort(),
      );
    }
  });

  it('for every person × action × subject', async () => {
    const mismatches: string[] = [];
    const outsideTenant: string[] = [];
    let combinations = 0;
    let partial = 0;
    let empty = 0;
    let everything = 0;
    for (const fixture of fixtures) {
      for (const table of tables) {
        for (const action of ACTIONS) {
          combinations += 1;
          const sql = await sqlKeys(table, fixture.ability, action);
          const memory = memoryKeys(table, fixture.ability, action);
          if (JSON.stringify(sql) !== JSON.stringify(memory)) {
            const onlySql = sql.filter((k) => !memory.includes(k));
            const onlyMemory = memory.filter((k) => !sql.includes(k));
            mismatches.push(
              `${fixture.username} ${action} ${table.subject}: only in SQL ${JSON.stringify(onlySql)}, only in memory ${JSON.stringify(onlyMemory)}`,
            );
          }
          const byKey = new Map(table.rows.map((r) => [r[table.key] as string, r]));
          for (const key of sql) {
            if (tenantOf(table, byKey.get(key) as ObjectLiteral) !== fixture.tenantId)
              outsideTenant.push(`${fixture.username} ${action} ${table.subject} ${key}`);
          }
          if (sql.length === 0) empty += 1;
          else if (sql.length === table.rows.length) everything += 1;
          else partial += 1;
        }
      }
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(outsideTenant.slice(0, 20)).toEqual([]);
    expect(combinations).toBe(31 * ACTIONS.length * SUBJECT_NAMES.length);
    // With two tenants no rule may reach every row. Every account reads its tenant, the org tree,
    // history, its own assignments and sessions, deletes its sessions and updates its password: at
    // least those seven combinations are partial for everyone, and most others are empty.
    expect(everything).toBe(0);
    expect(partial).toBeGreaterThanOrEqual(fixtures.length * 7);
    expect(empty).toBeGreaterThan(combinations / 2);
    expect(partial + empty).toBe(combinations);
  }, 120_000);
});

describe('spot checks (so the comparison above cannot pass vacuously)', () => {
  const fixture = (username: string) => {
    const found = fixtures.find((f) => f.username === username);
    if (!found) throw new Error(`no fixture ${username}`);
    return found;
  };
  const table = (subject: SubjectName) => tables.find((x) => x.subject === subject) as SubjectTable;
  const usernamesOf = async (username: string, action: Action) => {
    const keys = await sqlKeys(table('Person'), fixture(username).ability, action);
    return table('Person')
      .rows.filter((r) => keys.includes(r.id as string))
      .map((r) => r.username as string)
      .sort();
  };

  it('EMPLOYEE reads no person rows; CISO and AUDITOR read exactly the own tenant’s', async () => {
    expect(await usernamesOf('emma.rahimi@demo', 'read')).toEqual([]);
    const demoPeople = table('Person')
      .rows.filter((r) => r.tenantId === demoTenant)
      .map((r) => r.username as string)
      .sort();
    expect(await usernamesOf('cecilia.lund@demo', 'read')).toEqual(demoPeople);
    expect(await usernamesOf('hugo.palm@demo', 'export')).toEqual(demoPeople);
    expect(await usernamesOf('cecilia.lund@annanby', 'read')).toEqual(['anna.annan', 'cecilia.lund']);
  });

  it('a coordinator reads role assignments of the own units only (scope S)', async () => {
    const assignments = table('RoleAssignment');
    const all = assignments.rows.filter((r) => r.tenantId === demoTenant);
    const nora = await sqlKeys(assignments, fixture('nora.falk@demo').ability, 'read');
    expect(nora.length).toBeGreaterThan(1);
    expect(nora.length).toBeLessThan(all.length);

    // Second tenant: COORDINATOR on OC without the subtree, HEAD on OC with it, MANAGER on OG.
    const other = assignments.rows.filter((r) => r.tenantId === otherTenant);
    const idOf = (role: string) => other.find((r) => r.role === role)?.id as string;
    const coordinator = fixture('cecilia.lund@annanby').ability;
    const head = fixture('anna.annan@annanby').ability;
    expect(await sqlKeys(assignments, coordinator, 'read')).toEqual(
      [idOf('COORDINATOR'), idOf('HEAD')].sort(),
    );
    expect(await sqlKeys(assignments, head, 'read')).toEqual(other.map((r) => r.id as string).sort());
    // The HEAD appoints in scope, but not on the own account (D-50).
    expect(await sqlKeys(assignments, head, 'update')).toEqual([idOf('COORDINATOR')]);
  });

  const incidentNumbers = async (username: string, action: Action = 'read') => {
    const incidents = table('Incident');
    const keys = await sqlKeys(incidents, fixture(username).ability, action);
    return incidents.rows
      .filter((r) => keys.includes(r.id as string))
      .map((r) => r.number as string)
      .sort();
  };
  const demoNumbers = (...nn: number[]) => nn.map((n) => `INC-2026-${String(n).padStart(4, '0')}`).sort();

  it('incidents: the reporter reads own reports; scope, type and tenant narrow the others (D-08, D-51)', async () => {
    expect(await incidentNumbers('emma.rahimi@demo')).toEqual(demoNumbers(1));
    expect(await incidentNumbers('oskar.lindqvist@demo')).toEqual(demoNumbers(5, 15));
    expect(await incidentNumbers('ingrid.wall@demo')).toEqual(demoNumbers(14));
    expect(await incidentNumbers('gunnar.alm@demo')).toEqual([]);
    expect(await incidentNumbers('viktor.berglof@demo')).toEqual([]);
    // nora.falk: IFF and ALF.
    expect(await incidentNumbers('nora.falk@demo', 'update')).toEqual(demoNumbers(1, 3, 4, 8, 12, 13));
    // karin.vestberg: the kommun's personal data breaches; maria.ek: the bolag's (none).
    expect(await incidentNumbers('karin.vestberg@demo')).toEqual(demoNumbers(1, 2, 3, 4, 5, 13));
    expect(await incidentNumbers('maria.ek@demo')).toEqual([]);
    expect(await incidentNumbers('therese.blom@demo')).toEqual(demoNumbers(9));
    expect(await incidentNumbers('tove.granath@demo', 'export')).toHaveLength(15);
    expect(await incidentNumbers('cecilia.lund@demo', 'update')).toHaveLength(15);
    // The second kommun's people see the second kommun only.
    expect(await incidentNumbers('anna.annan@annanby', 'update')).toEqual(['INC-2026-0001', 'INC-2026-0002']);
    expect(await incidentNumbers('cecilia.lund@annanby')).toEqual(['INC-2026-0002']);
  });

  it('regulator stages: the DPO reads the GDPR ones, the head decides to submit (D-07)', async () => {
    const stages = table('RegulatoryObligation');
    const demo = stages.rows.filter((r) => r.tenantId === demoTenant);
    const regimesOf = async (username: string, action: Action) => {
      const keys = await sqlKeys(stages, fixture(username).ability, action);
      return [
        ...new Set(stages.rows.filter((r) => keys.includes(r.id as string)).map((r) => r.regime as string)),
      ].sort();
    };
    expect(demo).toHaveLength(20);
    expect(await regimesOf('karin.vestberg@demo', 'read')).toEqual([
      'GDPR_ART33_5_LOG',
      'GDPR_ART33_IMY',
      'GDPR_ART34_SUBJECTS',
    ]);
    expect(await regimesOf('therese.blom@demo', 'read')).toEqual(['CYBER_ACT']);
    // Stored decisions: the head's submitted stages match her approve rule, the DPO's waived ones hers.
    expect(await regimesOf('therese.blom@demo', 'approve')).toEqual(['CYBER_ACT']);
    expect(await regimesOf('karin.vestberg@demo', 'approve')).toEqual([
      'GDPR_ART33_IMY',
      'GDPR_ART34_SUBJECTS',
    ]);
    expect(await regimesOf('nora.falk@demo', 'approve')).toEqual([]);
    expect(await regimesOf('emma.rahimi@demo', 'read')).toEqual([]);
  });

  it('sessions: everyone their own, the ADMIN the whole tenant', async () => {
    const sessions = table('Session');
    const demoSessions = sessions.rows
      .filter((r) => r.tenantId === demoTenant)
      .map((r) => r.id as string)
      .sort();
    expect(demoSessions.length).toBeGreaterThanOrEqual(7);
    expect(await sqlKeys(sessions, fixture('viktor.berglof@demo').ability, 'delete')).toEqual(demoSessions);
    const emma = await sqlKeys(sessions, fixture('emma.rahimi@demo').ability, 'read');
    expect(emma).toHaveLength(2);
  });

  it('klassningstillfällen: scope S for the samordnare, M for leader and participants, O for set owners', async () => {
    const sessions = table('ClassificationSession');
    const codesOf = async (username: string, action: Action) => {
      const keys = await sqlKeys(sessions, fixture(username).ability, action);
      return sessions.rows
        .filter((r) => keys.includes(r.id as string))
        .map((r) => r.code as string)
        .sort();
    };
    expect(sessions.rows.filter((r) => r.tenantId === demoTenant)).toHaveLength(3);
    expect(await codesOf('nora.falk@demo', 'update')).toEqual(['KT-2026-002', 'KT-2026-003']);
    expect(await codesOf('amir.haddad@demo', 'update')).toEqual(['KT-2026-001']);
    // petter.akesson: participant and owner of IM-09/IM-10; helena.strand: head of IFF, participant.
    expect(await codesOf('petter.akesson@demo', 'read')).toEqual(['KT-2026-002']);
    expect(await codesOf('petter.akesson@demo', 'update')).toEqual([]);
    expect(await codesOf('helena.strand@demo', 'read')).toEqual(['KT-2026-002', 'KT-2026-003']);
    expect(await codesOf('emma.rahimi@demo', 'read')).toEqual([]);
    expect(await codesOf('cecilia.lund@demo', 'update')).toHaveLength(3);
    expect(await codesOf('tove.granath@demo', 'export')).toHaveLength(3);
    expect(await codesOf('tove.granath@demo', 'update')).toEqual([]);
    expect(await codesOf('cecilia.lund@annanby', 'read')).toEqual(['KT-2026-001']);
    expect(await codesOf('cecilia.lund@annanby', 'update')).toEqual([]);
  });
});
