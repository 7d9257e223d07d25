import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { createOtherTenant } from '../support/other-tenant';

/**
 * The change history over HTTP (domain.md §5.3, D-40): every write appends one entry in its own
 * transaction, readable as far as the entity is; the hash chain is verifiable and append-only.
 */

interface Entry {
  id: string;
  seq: string;
  occurredAt: string;
  actorId: string | null;
  actorRoles: string[];
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
  correlationId: string | null;
  prevHash: string;
  hash: string;
}

/**
 * The demo seed writes one entry per unit, person and assignment (56 + 29 + 31), per incident (15),
 * per regulator clock stage of those incidents (20), per secrecy marking of them (1: INC-01's
 * description, §6.6), per information set (40) and asset (30), per classification (31 decided, 1
 * proposed), per BR-D7 confirmation (9), the AS-10 override (1) and per klassningstillfälle (3).
 */
const SEEDED_ENTRIES = 56 + 29 + 31 + 15 + 20 + 1 + 40 + 30 + 32 + 9 + 1 + 3;

let t: TestApp;
let demoTenantId: string;
let otherUnitId: string;

async function historyOf(entity: string, id: string, user: string = 'viktor.berglof'): Promise<Entry[]> {
  const res = await t.as(user).get('/api/history', { entity, id });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as { items: Entry[] }).items;
}

/** The newest entry of the entity, after checking the write added exactly one. */
async function lastEntry(entity: string, id: string, expectedCount: number): Promise<Entry> {
  const items = await historyOf(entity, id);
  expect(items).toHaveLength(expectedCount);
  return items.at(-1)!;
}

async function historyCount(): Promise<number> {
  const [{ n }] = await t.dataSource.query<{ n: number }[]>(
    'SELECT count(*)::int AS n FROM history_entry WHERE tenant_id = $1',
    [demoTenantId],
  );
  return n;
}

async function verify(user: string = 'viktor.berglof') {
  const res = await t.as(user).get('/api/admin/history/verify');
  expect(res.status).toBe(200);
  return res.body as {
    ok: boolean;
    entriesChecked: number;
    firstBreak: { seq: string; entryId: string; reason: string } | null;
  };
}

/** Runs statements with the append-only trigger switched off (superuser test connection only). */
async function withTriggerDisabled(statements: [string, unknown[]][]): Promise<void> {
  await t.dataSource.query('ALTER TABLE history_entry DISABLE TRIGGER USER');
  try {
    for (const [sql, params] of statements) await t.dataSource.query(sql, params);
  } finally {
    await t.dataSource.query('ALTER TABLE history_entry ENABLE TRIGGER USER');
  }
}

beforeAll(async () => {
  t = await startTestApp();
  demoTenantId = await t.demoTenantId();
  ({ rootId: otherUnitId } = await createOtherTenant(t.dataSource));
});
afterAll(() => t?.close());

describe('the seeded chain', () => {
  it('verifies as ADMIN and CISO: ok, covering every seeded entry', async () => {
    expect(await historyCount()).toBe(SEEDED_ENTRIES);
    for (const user of ['viktor.berglof', 'cecilia.lund'] as const) {
      const result = await verify(user);
      expect(result).toEqual({ ok: true, entriesChecked: SEEDED_ENTRIES, firstBreak: null });
    }
  });

  it.each(['emma.rahimi', 'nora.falk', 'tove.granath', 'gunnar.alm'] as const)(
    'refuses verification to %s (403)',
    async (user) => {
      const res = await t.as(user).get('/api/admin/history/verify');
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('PERMISSION_DENIED');
    },
  );

  it('shows a demo unit’s seed entry, written by the system', async () => {
    const [entry] = await historyOf('OrgUnit', await t.unitId('IFF'), 'emma.rahimi');
    expect(entry).toMatchObject({
      seq: expect.stringMatching(/^\d+$/),
      actorId: null,
      actorRoles: ['SYSTEM'],
      action: 'seed',
      entityType: 'OrgUnit',
      entityId: await t.unitId('IFF'),
      before: null,
      reason: null,
    });
    expect(entry.after).toMatchObject({ code: 'IFF', name: 'Individ- och familjeomsorgsförvaltningen' });
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(entry.prevHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('every write appends an entry', () => {
  let unitId: string;
  let personId: string;
  let assignmentId: string;

  it('OrgUnit create: action create, actor, before null, after the new unit, correlation id', async () => {
    const count = await historyCount();
    const res = await t.as('viktor.berglof').post('/api/org-units', {
      code: 'KLF-DIG',
      name: 'Digitaliseringsenheten',
      type: 'UNIT',
      parentId: await t.unitId('KLF'),
    });
    expect(res.status).toBe(201);
    unitId = res.body.id;
    expect(await historyCount()).toBe(count + 1);
    const entry = await lastEntry('OrgUnit', unitId, 1);
    expect(entry).toMatchObject({
      seq: String(count + 1),
      actorId: await t.personId('viktor.berglof'),
      actorRoles: ['ADMIN'],
      action: 'create',
      entityType: 'OrgUnit',
      entityId: unitId,
      before: null,
      reason: null,
      correlationId: res.headers['x-request-id'],
      occurredAt: '2026-11-16T09:00:00.000Z',
    });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(entry.after).toMatchObject({
      id: unitId,
      code: 'KLF-DIG',
      name: 'Digitaliseringsenheten',
      version: 1,
    });
  });

  it('OrgUnit update: action update, before and after, the client’s x-request-id', async () => {
    const res = await t
      .as('viktor.berglof')
      .patch(`/api/org-units/${unitId}`)
      .set('x-request-id', 'rename-klf-dig-0001')
      .send({ version: 1, name: 'Digitaliserings- och innovationsenheten' });
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toBe('rename-klf-dig-0001');
    const entry = await lastEntry('OrgUnit', unitId, 2);
    expect(entry.action).toBe('update');
    expect(entry.correlationId).toBe('rename-klf-dig-0001');
    expect(entry.before).toMatchObject({ name: 'Digitaliseringsenheten', version: 1 });
    expect(entry.after).toMatchObject({
      name: 'Digitaliserings- och innovationsenheten',
      code: 'KLF-DIG',
      version: 2,
    });
  });

  it('replaces an unusable client x-request-id by its own, and records that one', async () => {
    const id = await t.unitId('KLF-SAK');
    const version = (await t.as('viktor.berglof').get(`/api/org-units/${id}`)).body.version as number;
    const res = await t
      .as('viktor.berglof')
      .patch(`/api/org-units/${id}`)
      .set('x-request-id', 'not allowed; spaces & semicolons')
      .send({ version, aliases: ['Säkerhet'] });
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const entries = await historyOf('OrgUnit', id);
    expect(entries.at(-1)).toMatchObject({ action: 'update', correlationId: res.headers['x-request-id'] });
  });

  it('OrgUnit move: action move, parent and path before and after', async () => {
    const klf = await t.unitId('KLF');
    const sk = await t.unitId('SK');
    const res = await t
      .as('viktor.berglof')
      .post(`/api/org-units/${unitId}/move`, { version: 2, parentId: sk });
    expect(res.status).toBe(200);
    const entry = await lastEntry('OrgUnit', unitId, 3);
    expect(entry).toMatchObject({ action: 'move', correlationId: res.headers['x-request-id'] });
    expect(entry.before).toMatchObject({ parentId: klf });
    expect(entry.after).toMatchObject({ parentId: sk, path: res.body.path });
    expect(entry.before!.path).not.toEqual(entry.after!.path);
  });

  it('OrgUnit deactivate: action deactivate with the reason', async () => {
    const res = await t.as('viktor.berglof').post(`/api/org-units/${unitId}/deactivate`, {
      version: 3,
      reason: 'Uppgår i SK-DRIFT',
    });
    expect(res.status).toBe(200);
    const entry = await lastEntry('OrgUnit', unitId, 4);
    expect(entry).toMatchObject({
      action: 'deactivate',
      reason: 'Uppgår i SK-DRIFT',
      correlationId: res.headers['x-request-id'],
    });
    expect(entry.before).toMatchObject({ status: 'ACTIVE', validTo: null });
    expect(entry.after).toMatchObject({ status: 'DISSOLVED', validTo: '2026-11-16' });
    // Entries of one entity come oldest first, in chain order.
    const seqs = (await historyOf('OrgUnit', unitId)).map((e) => BigInt(e.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('Person create and update', async () => {
    const created = await t.as('viktor.berglof').post('/api/users', {
      username: 'bo.nilsson',
      displayName: 'Bo Nilsson',
      email: 'bo.nilsson@exempelby.example',
      homeOrgUnitId: await t.unitId('KLF-HR'),
    });
    expect(created.status).toBe(201);
    personId = created.body.id;
    const first = await lastEntry('Person', personId, 1);
    expect(first).toMatchObject({
      action: 'create',
      actorId: await t.personId('viktor.berglof'),
      before: null,
      correlationId: created.headers['x-request-id'],
    });
    expect(first.after).toMatchObject({ username: 'bo.nilsson', status: 'ACTIVE' });
    const updated = await t
      .as('viktor.berglof')
      .patch(`/api/users/${personId}`, { version: 1, status: 'INACTIVE' });
    expect(updated.status).toBe(200);
    const second = await lastEntry('Person', personId, 2);
    expect(second).toMatchObject({ action: 'update', correlationId: updated.headers['x-request-id'] });
    expect(second.before).toMatchObject({ status: 'ACTIVE', version: 1 });
    expect(second.after).toMatchObject({ status: 'INACTIVE', version: 2 });
  });

  it('RoleAssignment appoint (by the CISO), update and end', async () => {
    const created = await t.as('cecilia.lund').post('/api/role-assignments', {
      personId: await t.personId('sara.ekstrom'),
      role: 'READER',
      orgUnitIds: [await t.unitId('GSF-EHT')],
    });
    expect(created.status).toBe(201);
    assignmentId = created.body.id;
    const appointed = await lastEntry('RoleAssignment', assignmentId, 1);
    expect(appointed).toMatchObject({
      action: 'appoint',
      actorId: await t.personId('cecilia.lund'),
      actorRoles: ['CISO'],
      before: null,
      correlationId: created.headers['x-request-id'],
    });
    expect(appointed.after).toMatchObject({
      role: 'READER',
      personId: await t.personId('sara.ekstrom'),
      appointedById: await t.personId('cecilia.lund'),
    });

    const updated = await t.as('viktor.berglof').patch(`/api/role-assignments/${assignmentId}`, {
      version: 1,
      appointmentRef: 'SOCN 2026-00100',
    });
    expect(updated.status).toBe(200);
    const second = await lastEntry('RoleAssignment', assignmentId, 2);
    expect(second).toMatchObject({ action: 'update', actorId: await t.personId('viktor.berglof') });
    expect(second.before).toMatchObject({ appointmentRef: null });
    expect(second.after).toMatchObject({ appointmentRef: 'SOCN 2026-00100' });

    const ended = await t
      .as('viktor.berglof')
      .patch(`/api/role-assignments/${assignmentId}`, { version: 2, validTo: '2026-12-31' });
    expect(ended.status).toBe(200);
    const third = await lastEntry('RoleAssignment', assignmentId, 3);
    expect(third).toMatchObject({ action: 'change-validity', correlationId: ended.headers['x-request-id'] });
    expect(third.before).toMatchObject({ validTo: null });
    expect(third.after).toMatchObject({ validTo: '2026-12-31', version: 3 });
  });

  it('refused writes append nothing', async () => {
    const count = await historyCount();
    const refused = [
      await t.as('viktor.berglof').post('/api/org-units', {
        code: 'KS',
        name: 'Dubblett',
        type: 'UNIT',
        parentId: await t.unitId('KLF'),
      }),
      await t
        .as('viktor.berglof')
        .patch(`/api/org-units/${await t.unitId('KS')}`, { version: 99, name: 'Gammal version' }),
      await t.as('viktor.berglof').post(`/api/org-units/${await t.unitId('IFF')}/move`, {
        version: 1,
        parentId: await t.unitId('IFF-UTR'),
      }),
      await t.as('viktor.berglof').post(`/api/org-units/${await t.unitId('IFF')}/deactivate`, { version: 1 }),
      await t
        .as('nora.falk')
        .post('/api/org-units', { code: 'NY', name: 'Ny', type: 'UNIT', parentId: await t.unitId('KLF') }),
      await t
        .as('viktor.berglof')
        .patch(`/api/users/${personId}`, { version: 1, displayName: 'Gammal version' }),
      await t.as('helena.strand').post('/api/role-assignments', {
        personId: await t.personId('helena.strand'),
        role: 'HEAD',
        orgUnitIds: [await t.unitId('ALF')],
      }),
    ];
    expect(refused.map((r) => r.status)).toEqual([409, 409, 409, 409, 403, 409, 403]);
    // The error body carries the same correlation id as the response header.
    for (const r of refused) expect(r.body.correlationId).toBe(r.headers['x-request-id']);
    expect(await historyCount()).toBe(count);
  });

  it('keeps the chain valid after all of this', async () => {
    const result = await verify();
    expect(result.ok).toBe(true);
    expect(result.entriesChecked).toBe(await historyCount());
    expect(result.entriesChecked).toBeGreaterThanOrEqual(SEEDED_ENTRIES + 10);
  });
});

describe('history is as visible as its entity', () => {
  it('answers emma.rahimi with 404 for someone else’s role assignment, 200 for her own', async () => {
    const others = await t.dataSource.query<{ id: string }[]>(
      `SELECT ra.id FROM role_assignment ra JOIN person p ON p.id = ra.person_id
        WHERE p.username = 'nora.falk'`,
    );
    const res = await t.as('emma.rahimi').get('/api/history', { entity: 'RoleAssignment', id: others[0].id });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('HISTORY_ENTITY_NOT_FOUND');
    const own = await t.dataSource.query<{ id: string }[]>(
      `SELECT ra.id FROM role_assignment ra JOIN person p ON p.id = ra.person_id
        WHERE p.username = 'emma.rahimi' AND ra.role = 'EMPLOYEE'`,
    );
    const mine = await historyOf('RoleAssignment', own[0].id, 'emma.rahimi');
    expect(mine.map((e) => e.action)).toEqual(['seed']);
  });

  it('follows the scope: nora.falk reads IFF assignments’ history, not the CISO’s', async () => {
    const [helena] = await t.dataSource.query<{ id: string }[]>(
      `SELECT ra.id FROM role_assignment ra JOIN person p ON p.id = ra.person_id WHERE p.username = 'helena.strand'`,
    );
    expect(await historyOf('RoleAssignment', helena.id, 'nora.falk')).toHaveLength(1);
    const [ciso] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM role_assignment WHERE role = 'CISO' AND tenant_id = $1`,
      [demoTenantId],
    );
    expect(
      (await t.as('nora.falk').get('/api/history', { entity: 'RoleAssignment', id: ciso.id })).status,
    ).toBe(404);
  });

  it('hides people’s history from those who may not read people (emma.rahimi, gunnar.alm)', async () => {
    const cecilia = await t.personId('cecilia.lund');
    for (const user of ['emma.rahimi', 'gunnar.alm'] as const) {
      const res = await t.as(user).get('/api/history', { entity: 'Person', id: cecilia });
      expect(res.status).toBe(404);
    }
    expect(await historyOf('Person', cecilia, 'nora.falk')).toHaveLength(1);
  });

  it('answers an entity of another tenant, or one that does not exist, with 404', async () => {
    for (const user of ['viktor.berglof', 'cecilia.lund'] as const) {
      expect((await t.as(user).get('/api/history', { entity: 'OrgUnit', id: otherUnitId })).status).toBe(404);
      expect((await t.as(user).get('/api/history', { entity: 'OrgUnit', id: randomUUID() })).status).toBe(
        404,
      );
    }
  });

  it('answers an unknown entity type with 400 naming the known ones', async () => {
    const res = await t.as('viktor.berglof').get('/api/history', { entity: 'Risk', id: randomUUID() });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('HISTORY_UNKNOWN_ENTITY');
    expect(res.body.details.known).toEqual(expect.arrayContaining(['OrgUnit', 'Person', 'RoleAssignment']));
  });

  it.each([
    [{ entity: 'orgunit', id: randomUUID() }, 'entity'],
    [{ entity: 'OrgUnit', id: 'IFF' }, 'id'],
    [{ entity: 'OrgUnit' }, 'id'],
    [{ id: randomUUID() }, 'entity'],
    [{ entity: 'OrgUnit', id: randomUUID(), from: '2026-01-01' }, 'from'],
  ])('refuses the query %j with 400 VALIDATION_FAILED', async (query, field) => {
    const res = await t.as('viktor.berglof').get('/api/history', query);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('answers anonymous callers with 401', async () => {
    expect((await t.http.get('/api/history').query({ entity: 'OrgUnit', id: randomUUID() })).status).toBe(
      401,
    );
    expect((await t.http.get('/api/admin/history/verify')).status).toBe(401);
  });
});

describe('append-only and tamper-evident', () => {
  it('refuses a plain UPDATE, DELETE or TRUNCATE on history_entry', async () => {
    const count = await historyCount();
    await expect(
      t.dataSource.query(`UPDATE history_entry SET reason = 'ändrad' WHERE tenant_id = $1 AND seq = 10`, [
        demoTenantId,
      ]),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.dataSource.query(`DELETE FROM history_entry WHERE tenant_id = $1 AND seq = 10`, [demoTenantId]),
    ).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('TRUNCATE history_entry')).rejects.toThrow(/append-only/);
    expect(await historyCount()).toBe(count);
    const [row] = await t.dataSource.query<{ reason: string | null }[]>(
      'SELECT reason FROM history_entry WHERE tenant_id = $1 AND seq = 10',
      [demoTenantId],
    );
    expect(row.reason).toBeNull();
    expect((await verify()).ok).toBe(true);
  });

  it('reports a changed `after` as HASH_MISMATCH at that entry’s seq', async () => {
    const [victim] = await t.dataSource.query<{ id: string; seq: string; after: string }[]>(
      `SELECT id, seq, after::text AS after FROM history_entry WHERE tenant_id = $1 AND seq = 40`,
      [demoTenantId],
    );
    await withTriggerDisabled([
      [
        `UPDATE history_entry SET after = jsonb_set(after, '{name}', '"Manipulerad"') WHERE id = $1`,
        [victim.id],
      ],
    ]);
    const broken = await verify();
    expect(broken).toEqual({
      ok: false,
      entriesChecked: 39,
      firstBreak: { seq: '40', entryId: victim.id, reason: 'HASH_MISMATCH' },
    });
    // The tampered text is what the API now serves; the chain is what proves it.
    await withTriggerDisabled([
      [`UPDATE history_entry SET after = $2::jsonb WHERE id = $1`, [victim.id, victim.after]],
    ]);
    expect((await verify()).ok).toBe(true);
  });

  it('reports a replaced hash at its own entry, and a replaced prevHash as a broken link', async () => {
    const rows = await t.dataSource.query<{ id: string; seq: string; hash: string }[]>(
      `SELECT id, seq, hash FROM history_entry WHERE tenant_id = $1 AND seq IN (60, 61) ORDER BY seq`,
      [demoTenantId],
    );
    await withTriggerDisabled([
      [`UPDATE history_entry SET hash = $2 WHERE id = $1`, [rows[0].id, 'f'.repeat(64)]],
    ]);
    expect((await verify()).firstBreak).toEqual({ seq: '60', entryId: rows[0].id, reason: 'HASH_MISMATCH' });
    await withTriggerDisabled([
      [`UPDATE history_entry SET prev_hash = $2 WHERE id = $1`, [rows[1].id, 'f'.repeat(64)]],
    ]);
    // Entry 60 still fails first; restore it and the next link is the one that breaks.
    await withTriggerDisabled([
      [`UPDATE history_entry SET hash = $2 WHERE id = $1`, [rows[0].id, rows[0].hash]],
    ]);
    expect((await verify()).firstBreak).toEqual({
      seq: '61',
      entryId: rows[1].id,
      reason: 'PREVIOUS_HASH_MISMATCH',
    });
    await withTriggerDisabled([
      [`UPDATE history_entry SET prev_hash = $2 WHERE id = $1`, [rows[1].id, rows[0].hash]],
    ]);
    expect((await verify()).ok).toBe(true);
  });

  it('reports a deleted entry as SEQUENCE_GAP at the entry after it', async () => {
    const [victim] = await t.dataSource.query<Record<string, unknown>[]>(
      `SELECT * FROM history_entry WHERE tenant_id = $1 AND seq = 20`,
      [demoTenantId],
    );
    const [next] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM history_entry WHERE tenant_id = $1 AND seq = 21`,
      [demoTenantId],
    );
    await withTriggerDisabled([[`DELETE FROM history_entry WHERE id = $1`, [victim.id]]]);
    expect(await verify()).toEqual({
      ok: false,
      entriesChecked: 19,
      firstBreak: { seq: '21', entryId: next.id, reason: 'SEQUENCE_GAP' },
    });
    await t.dataSource.query(
      `INSERT INTO history_entry SELECT * FROM jsonb_populate_record(NULL::history_entry, $1::jsonb)`,
      [JSON.stringify(victim)],
    );
    expect((await verify()).ok).toBe(true);
  });
});

describe('concurrent writers', () => {
  it('keep one chain: seq strictly increasing without gaps, verify ok', async () => {
    const before = await historyCount();
    const units = await Promise.all(['KS', 'KF', 'KLN', 'REV', 'VON', 'SERN'].map((code) => t.unitId(code)));
    const versions = await Promise.all(
      units.map(
        async (id) => (await t.as('viktor.berglof').get(`/api/org-units/${id}`)).body.version as number,
      ),
    );
    const responses = await Promise.all([
      ...units.map((id, i) =>
        t
          .as('viktor.berglof')
          .patch(`/api/org-units/${id}`, { version: versions[i], aliases: [`alias ${i}`] }),
      ),
      t.as('viktor.berglof').post('/api/users', {
        username: 'samtidig.person',
        displayName: 'Samtidig Person',
        email: 'samtidig@exempelby.example',
        homeOrgUnitId: units[0],
      }),
      t.as('cecilia.lund').post('/api/role-assignments', {
        personId: await t.personId('gunnar.alm'),
        role: 'READER',
        orgUnitIds: [await t.unitId('SOCN')],
      }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200, 201, 201]);
    expect(await historyCount()).toBe(before + 8);

    const seqs = await t.dataSource.query<{ seq: string }[]>(
      'SELECT seq FROM history_entry WHERE tenant_id = $1 ORDER BY seq',
      [demoTenantId],
    );
    expect(seqs.map((r) => Number(r.seq))).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    // Each request's entry carries its own correlation id.
    const correlations = await t.dataSource.query<{ correlation_id: string }[]>(
      'SELECT correlation_id FROM history_entry WHERE tenant_id = $1 AND seq > $2',
      [demoTenantId, before],
    );
    expect(correlations.map((r) => r.correlation_id).sort()).toEqual(
      responses.map((r) => r.headers['x-request-id']).sort(),
    );
    expect(await verify()).toEqual({ ok: true, entriesChecked: seqs.length, firstBreak: null });
  });

  it('let exactly one of two racing patches with the same version win', async () => {
    const id = await t.unitId('KFN');
    const version = (await t.as('viktor.berglof').get(`/api/org-units/${id}`)).body.version as number;
    const before = await historyCount();
    const [a, b] = await Promise.all([
      t.as('viktor.berglof').patch(`/api/org-units/${id}`, { version, name: 'Kultur- och fritidsnämnden A' }),
      t.as('viktor.berglof').patch(`/api/org-units/${id}`, { version, name: 'Kultur- och fritidsnämnden B' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.code).toBe('VERSION_CONFLICT');
    expect(await historyCount()).toBe(before + 1);
    const winner = a.status === 200 ? a : b;
    expect((await t.as('viktor.berglof').get(`/api/org-units/${id}`)).body).toMatchObject({
      name: winner.body.name,
      version: version + 1,
    });
    expect((await verify()).ok).toBe(true);
  });
});
