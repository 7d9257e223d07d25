import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { expectErrorBody } from '../support/expect';
import { createOtherTenant } from '../support/other-tenant';
import { DEMO_NOW } from '@varna/testing';

/**
 * Role assignments over HTTP (domain.md §3.2–3.3, §6.2): who sees which, who may appoint whom
 * where (checked unit by unit), D-50 (never on one's own account), validity and its end.
 */

interface Assignment {
  id: string;
  personId: string;
  role: string;
  orgUnitIds: string[];
  includeSubtree: boolean;
  validFrom: string;
  validTo: string | null;
  appointedById: string | null;
  version: number;
}
interface Page {
  items: Assignment[];
  total: number;
  limit: number;
  offset: number;
}

let t: TestApp;
let demoTenantId: string;
let otherTenant: { unitId: string; personId: string; assignmentId: string };
const ids = new Map<string, string>();

async function person(username: string): Promise<string> {
  if (!ids.has(username)) ids.set(username, await t.personId(username));
  return ids.get(username)!;
}

/** The (only) assignment of a demo person with that role. */
async function assignmentOf(username: string, role: string): Promise<Assignment> {
  const res = await t.as('viktor.berglof').get('/api/role-assignments', {
    personId: await person(username),
    role,
  });
  expect(res.body.items).toHaveLength(1);
  return res.body.items[0] as Assignment;
}

async function counts() {
  const [row] = await t.dataSource.query<{ assignments: number; history: number }[]>(
    `SELECT (SELECT count(*)::int FROM role_assignment) AS assignments,
            (SELECT count(*)::int FROM history_entry) AS history`,
  );
  return row;
}

async function listAll(user: string, query: Record<string, unknown> = {}): Promise<Page> {
  const res = await t.as(user).get('/api/role-assignments', { limit: 1000, ...query });
  expect(res.status).toBe(200);
  return res.body as Page;
}

/** "username ROLE" for each assignment, sorted: readable expectations. */
async function labels(items: Assignment[]): Promise<string[]> {
  const rows = await t.dataSource.query<{ id: string; username: string }[]>(
    'SELECT id, username FROM person WHERE tenant_id = $1',
    [demoTenantId],
  );
  const names = new Map(rows.map((r) => [r.id, r.username]));
  return items.map((a) => `${names.get(a.personId)} ${a.role}`).sort();
}

beforeAll(async () => {
  t = await startTestApp();
  demoTenantId = await t.demoTenantId();
  const other = await createOtherTenant(t.dataSource, {
    people: [{ username: 'olle.andraby', displayName: 'Olle Andraby', email: 'olle@andraby.example' }],
  });
  const { tenantId, rootId: unitId } = other;
  const personId = other.people['olle.andraby'];
  const [{ id: assignmentId }] = await t.dataSource.query<{ id: string }[]>(
    `INSERT INTO role_assignment (tenant_id, person_id, role, org_unit_ids, org_unit_paths, valid_from)
     VALUES ($1, $2, 'CISO', ARRAY[$3::uuid], ARRAY[$3::uuid], '2026-01-01') RETURNING id`,
    [tenantId, personId, unitId],
  );
  otherTenant = { unitId, personId, assignmentId };
});
afterAll(() => t?.close());

describe('who sees which assignments', () => {
  it.each(['viktor.berglof', 'cecilia.lund', 'tove.granath', 'per.dahlgren'] as const)(
    'shows %s all 31 demo assignments (scope T, or READER on ROOT)',
    async (user) => {
      const page = await listAll(user);
      expect(page.total).toBe(31);
      expect(page.items).toHaveLength(31);
      expect(page.items.map((a) => a.id)).not.toContain(otherTenant.assignmentId);
    },
  );

  it('shows nora.falk (COORDINATOR IFF, ALF) exactly the assignments touching her subtrees', async () => {
    // Expected set computed from the tree itself (parent links), not from the denormalised paths.
    const expected = await t.dataSource.query<{ id: string }[]>(
      `WITH RECURSIVE sub AS (
         SELECT id FROM org_unit WHERE tenant_id = $1 AND code IN ('IFF', 'ALF')
         UNION SELECT c.id FROM org_unit c JOIN sub ON c.parent_id = sub.id)
       SELECT ra.id FROM role_assignment ra
        WHERE ra.tenant_id = $1 AND (ra.org_unit_ids && ARRAY(SELECT id FROM sub) OR ra.person_id = $2)`,
      [demoTenantId, await person('nora.falk')],
    );
    const nora = await listAll('nora.falk');
    const all = await listAll('viktor.berglof');
    expect(nora.items.map((a) => a.id).sort()).toEqual(expected.map((r) => r.id).sort());
    expect(await labels(nora.items)).toEqual([
      'emma.rahimi EMPLOYEE',
      'helena.strand HEAD',
      'lena.holmgren MANAGER',
      'nora.falk COORDINATOR',
      'petter.akesson MANAGER',
    ]);
    expect(nora.total).toBe(5);
    expect(nora.total).toBeLessThan(all.total);

    // Outside her subtrees: 404, not 403 (the record is out of reach, not merely forbidden).
    const ciso = await assignmentOf('cecilia.lund', 'CISO');
    expectErrorBody(
      await t.as('nora.falk').get(`/api/role-assignments/${ciso.id}`),
      404,
      'ROLE_ASSIGNMENT_NOT_FOUND',
    );
    // SOCN lies above her scope: the DPO and ELECTED assignments on SOCN are not hers to read.
    const dpo = await assignmentOf('karin.vestberg', 'DPO');
    expectErrorBody(await t.as('nora.falk').get(`/api/role-assignments/${dpo.id}`), 404);
    const head = await assignmentOf('helena.strand', 'HEAD');
    const read = await t.as('nora.falk').get(`/api/role-assignments/${head.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: head.id, role: 'HEAD', orgUnitIds: [await t.unitId('IFF')] });
  });

  it('shows helena.strand (HEAD IFF) the IFF subtree, nothing of ALF alone', async () => {
    const page = await listAll('helena.strand');
    expect(await labels(page.items)).toEqual([
      'emma.rahimi EMPLOYEE',
      'helena.strand HEAD',
      'lena.holmgren MANAGER',
      'nora.falk COORDINATOR', // IFF and ALF: touches IFF
      'petter.akesson MANAGER',
    ]);
  });

  it.each([
    ['emma.rahimi', 'emma.rahimi EMPLOYEE'],
    ['gunnar.alm', 'gunnar.alm ELECTED'],
  ] as const)('shows %s only their own assignment', async (user, own) => {
    const page = await listAll(user);
    expect(page.total).toBe(1);
    expect(await labels(page.items)).toEqual([own]);
    const other = await assignmentOf('nora.falk', 'COORDINATOR');
    expectErrorBody(
      await t.as(user).get(`/api/role-assignments/${other.id}`),
      404,
      'ROLE_ASSIGNMENT_NOT_FOUND',
    );
    const mine = await t.as(user).get(`/api/role-assignments/${page.items[0].id}`);
    expect(mine.status).toBe(200);
  });

  it('never shows another tenant’s assignment, even to ADMIN and CISO', async () => {
    for (const user of ['viktor.berglof', 'cecilia.lund'] as const) {
      expectErrorBody(await t.as(user).get(`/api/role-assignments/${otherTenant.assignmentId}`), 404);
      const filtered = await listAll(user, { personId: otherTenant.personId });
      expect(filtered.total).toBe(0);
    }
  });

  it('answers anonymous callers with 401 and invalid ids with 400', async () => {
    expectErrorBody(await t.http.get('/api/role-assignments'), 401);
    expectErrorBody(await t.as('viktor.berglof').get('/api/role-assignments/not-a-uuid'), 400);
  });
});

describe('filters', () => {
  it.each([
    ['2026-11-16', ['hugo.palm AUDITOR', 'tove.granath AUDITOR']],
    ['2027-01-01', ['hugo.palm AUDITOR']], // tove.granath's assignment ended 2026-12-31
    ['2026-12-31', ['hugo.palm AUDITOR', 'tove.granath AUDITOR']],
    ['2025-01-01', ['tove.granath AUDITOR']], // hugo.palm's starts 2025-03-01
    ['2027-07-01', []],
  ])('?validOn=%s&role=AUDITOR', async (validOn, expected) => {
    const page = await listAll('viktor.berglof', { validOn, role: 'AUDITOR' });
    expect(await labels(page.items)).toEqual(expected);
  });

  it('?validOn= without a role leaves out only what is not valid that day', async () => {
    expect((await listAll('viktor.berglof', { validOn: '2026-11-16' })).total).toBe(31);
    expect((await listAll('viktor.berglof', { validOn: '2027-01-01' })).total).toBe(30);
    expect((await listAll('viktor.berglof', { validOn: '2022-12-31' })).total).toBe(0);
  });

  it('filters by person, exact unit and role, and pages', async () => {
    const nora = await listAll('viktor.berglof', { personId: await person('per.dahlgren') });
    expect(await labels(nora.items)).toEqual(['per.dahlgren HEAD', 'per.dahlgren READER']);
    const onIff = await listAll('viktor.berglof', { orgUnitId: await t.unitId('IFF') });
    expect(await labels(onIff.items)).toEqual(['helena.strand HEAD', 'nora.falk COORDINATOR']);
    const coordinators = await listAll('cecilia.lund', { role: 'COORDINATOR' });
    expect(coordinators.total).toBe(5);
    // Filters narrow within the caller's reach, never widen it.
    const noraCoordinators = await listAll('nora.falk', { role: 'COORDINATOR' });
    expect(await labels(noraCoordinators.items)).toEqual(['nora.falk COORDINATOR']);

    const all = (await listAll('viktor.berglof')).items.map((a) => a.id);
    const pages = [];
    for (const offset of [0, 10, 20, 30]) {
      const res = await t.as('viktor.berglof').get('/api/role-assignments', { limit: 10, offset });
      expect(res.body).toMatchObject({ total: 31, limit: 10, offset });
      pages.push((res.body as Page).items.map((a) => a.id));
    }
    expect(pages.map((p) => p.length)).toEqual([10, 10, 10, 1]);
    expect(pages.flat()).toEqual(all);
  });

  it.each([
    [{ validOn: '16/11/2026' }, 'validOn'],
    [{ validOn: '2026-02-30' }, 'validOn'],
    [{ role: 'OWNER' }, 'role'],
    [{ personId: 'nora' }, 'personId'],
    [{ limit: 1001 }, 'limit'],
  ])('refuses the query %j with 400', async (query, field) => {
    const res = await t.as('viktor.berglof').get('/api/role-assignments', query);
    expectErrorBody(res, 400, 'VALIDATION_FAILED');
    expect((res.body.details as { field: string }[]).map((d) => d.field)).toContain(field);
  });
});

describe('EMPLOYEE and ELECTED cannot appoint', () => {
  it.each(['emma.rahimi', 'gunnar.alm', 'nora.falk', 'tove.granath'] as const)(
    'answers %s with 403 on create and patch, writing nothing',
    async (user) => {
      const before = await counts();
      const created = await t.as(user).post('/api/role-assignments', {
        personId: await person('sara.ekstrom'),
        role: 'READER',
        orgUnitIds: [await t.unitId('IFF-UTR')],
      });
      expectErrorBody(created, 403, 'PERMISSION_DENIED');
      const mine = await person(user);
      const own = (await listAll(user)).items.find((a) => a.personId === mine)!;
      expectErrorBody(
        await t
          .as(user)
          .patch(`/api/role-assignments/${own.id}`, { version: own.version, validTo: '2030-12-31' }),
        403,
      );
      const lena = await assignmentOf('lena.holmgren', 'MANAGER');
      expectErrorBody(
        await t
          .as(user)
          .patch(`/api/role-assignments/${lena.id}`, { version: lena.version, validTo: '2026-12-31' }),
        403,
      );
      expect(await counts()).toEqual(before);
    },
  );
});

describe('CISO appoints', () => {
  it('creates an assignment for someone else (201, appointedById = the CISO), which then grants access', async () => {
    const before = await counts();
    const sara = await person('sara.ekstrom');
    const res = await t.as('cecilia.lund').post('/api/role-assignments', {
      personId: sara,
      role: 'COORDINATOR',
      orgUnitIds: [await t.unitId('GSF-EHT')],
      appointmentRef: 'BUN 2026-00123 1.2.1',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      personId: sara,
      role: 'COORDINATOR',
      roleLabel: 'Informationssäkerhetssamordnare',
      orgUnitIds: [await t.unitId('GSF-EHT')],
      includeSubtree: true,
      validFrom: '2026-11-16',
      validTo: null,
      appointedById: await person('cecilia.lund'),
      appointmentRef: 'BUN 2026-00123 1.2.1',
      deputyForId: null,
      isActing: false,
      version: 1,
    });
    expect(await counts()).toEqual({ assignments: before.assignments + 1, history: before.history + 1 });
    expect((await t.as('viktor.berglof').get(`/api/role-assignments/${res.body.id}`)).body).toEqual(res.body);

    // The new grant is in force at sara's next request: she now reads the GSF-EHT assignments.
    const me = await t.as('sara.ekstrom').get('/api/me');
    expect(me.body.roles).toContain('COORDINATOR');
    const seen = await listAll('sara.ekstrom');
    expect(await labels(seen.items)).toEqual([
      'elsa.kronberg MANAGER',
      'sara.ekstrom COORDINATOR',
      'sara.ekstrom EMPLOYEE',
    ]);
  });

  it('may appoint any role anywhere, including a future, time-limited one', async () => {
    const res = await t.as('cecilia.lund').post('/api/role-assignments', {
      personId: await person('per.dahlgren'),
      role: 'CISO',
      orgUnitIds: [await t.unitId('ROOT')],
      validFrom: '2027-01-01',
      validTo: '2027-06-30',
      isActing: true,
      deputyForId: await person('cecilia.lund'),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ validFrom: '2027-01-01', validTo: '2027-06-30', isActing: true });
    // Not yet valid: it grants nothing today.
    expect((await t.as('per.dahlgren').get('/api/me')).body.roles).not.toContain('CISO');
  });
});

describe('D-50: nobody changes their own role assignments', () => {
  it.each([
    ['viktor.berglof', 'CISO'],
    ['viktor.berglof', 'ADMIN'],
    ['cecilia.lund', 'ADMIN'],
    ['helena.strand', 'COORDINATOR'],
  ] as const)('refuses %s appointing themself %s (403, nothing written)', async (user, role) => {
    const before = await counts();
    const res = await t.as(user).post('/api/role-assignments', {
      personId: await person(user),
      role,
      orgUnitIds: [await t.unitId(user === 'helena.strand' ? 'IFF-UTR' : 'ROOT')],
    });
    expectErrorBody(res, 403, 'PERMISSION_DENIED');
    expect(await counts()).toEqual(before);
  });

  it('refuses helena.strand widening, extending or ending her own HEAD assignment (403)', async () => {
    const own = await assignmentOf('helena.strand', 'HEAD');
    const before = await counts();
    for (const change of [
      { orgUnitIds: [await t.unitId('IFF'), await t.unitId('ALF')] },
      { orgUnitIds: [await t.unitId('SOCN')] },
      { validTo: '2026-11-30' },
      { appointmentRef: 'SOCN 2026-00001' },
    ]) {
      expectErrorBody(
        await t
          .as('helena.strand')
          .patch(`/api/role-assignments/${own.id}`, { version: own.version, ...change }),
        403,
        'PERMISSION_DENIED',
      );
    }
    expect(await counts()).toEqual(before);
    expect((await t.as('viktor.berglof').get(`/api/role-assignments/${own.id}`)).body).toMatchObject({
      orgUnitIds: [await t.unitId('IFF')],
      validTo: null,
      version: own.version,
    });
  });

  it('refuses ADMIN and CISO changing their own (403)', async () => {
    for (const [user, role] of [
      ['viktor.berglof', 'ADMIN'],
      ['cecilia.lund', 'CISO'],
    ] as const) {
      const own = await assignmentOf(user, role);
      expectErrorBody(
        await t
          .as(user)
          .patch(`/api/role-assignments/${own.id}`, { version: own.version, validTo: '2026-12-31' }),
        403,
      );
    }
  });
});

describe('HEAD appoints within the own scope (helena.strand, HEAD IFF)', () => {
  let appointed: Assignment;

  it.each(['COORDINATOR', 'MANAGER'])('appoints a %s on IFF-UTR (201)', async (role) => {
    const res = await t.as('helena.strand').post('/api/role-assignments', {
      personId: await person('oskar.lindqvist'),
      role,
      orgUnitIds: [await t.unitId('IFF-UTR')],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ role, appointedById: await person('helena.strand') });
    if (role === 'COORDINATOR') appointed = res.body as Assignment;
  });

  it.each([
    ['a COORDINATOR on ALF (outside IFF)', 'COORDINATOR', ['ALF']],
    ['a COORDINATOR on SOCN (above IFF)', 'COORDINATOR', ['SOCN']],
    ['one assignment across IFF-UTR and ALF', 'COORDINATOR', ['IFF-UTR', 'ALF']],
    ['one assignment across ALF and IFF', 'MANAGER', ['ALF', 'IFF']],
    ['a CISO on IFF-UTR', 'CISO', ['IFF-UTR']],
    ['a HEAD on IFF-UTR', 'HEAD', ['IFF-UTR']],
    ['a DPO on IFF', 'DPO', ['IFF']],
  ])('refuses %s (403, nothing written)', async (_label, role, codes) => {
    const before = await counts();
    const res = await t.as('helena.strand').post('/api/role-assignments', {
      personId: await person('oskar.lindqvist'),
      role,
      orgUnitIds: await Promise.all(codes.map((code) => t.unitId(code))),
    });
    expectErrorBody(res, 403, 'PERMISSION_DENIED');
    expect(await counts()).toEqual(before);
  });

  it('moves her appointee within IFF, but not out of it or across (checked as it is and as it will be)', async () => {
    const within = await t.as('helena.strand').patch(`/api/role-assignments/${appointed.id}`, {
      version: appointed.version,
      orgUnitIds: [await t.unitId('IFF-FOR')],
    });
    expect(within.status).toBe(200);
    expect(within.body).toMatchObject({
      orgUnitIds: [await t.unitId('IFF-FOR')],
      version: appointed.version + 1,
    });
    const before = await counts();
    for (const codes of [['ALF'], ['IFF-FOR', 'ALF-INT']]) {
      const res = await t.as('helena.strand').patch(`/api/role-assignments/${appointed.id}`, {
        version: within.body.version,
        orgUnitIds: await Promise.all(codes.map((code) => t.unitId(code))),
      });
      expectErrorBody(res, 403, 'PERMISSION_DENIED');
    }
    expect(await counts()).toEqual(before);
    // nora's assignment (IFF and ALF) is readable to helena, but changing it is not hers: ALF is outside.
    const nora = await assignmentOf('nora.falk', 'COORDINATOR');
    expectErrorBody(
      await t
        .as('helena.strand')
        .patch(`/api/role-assignments/${nora.id}`, { version: nora.version, validTo: '2026-12-31' }),
      403,
    );
    // A manager inside IFF is: she records the appointment decision.
    const lena = await assignmentOf('lena.holmgren', 'MANAGER');
    const ref = await t.as('helena.strand').patch(`/api/role-assignments/${lena.id}`, {
      version: lena.version,
      appointmentRef: 'SOCN 2026-00042',
    });
    expect(ref.status).toBe(200);
    expect(ref.body.appointmentRef).toBe('SOCN 2026-00042');
  });
});

describe('bad input', () => {
  it.each([
    [
      'validFrom after validTo',
      { validFrom: '2026-12-01', validTo: '2026-11-30' },
      400,
      'VALID_RANGE_INVALID',
    ],
    [
      'the same unit twice',
      { orgUnitIdsCodes: ['IFF-UTR', 'IFF-UTR'] },
      400,
      'ROLE_ASSIGNMENT_DUPLICATE_UNITS',
    ],
    ['no units', { orgUnitIds: [] }, 400, 'VALIDATION_FAILED'],
    ['an unknown role', { role: 'OWNER' }, 400, 'VALIDATION_FAILED'],
    ['a malformed date', { validFrom: '2026-1-1' }, 400, 'VALIDATION_FAILED'],
    ['an unknown field', { scope: 'T' }, 400, 'VALIDATION_FAILED'],
    ['an unknown person', { personId: randomUUID() }, 404, 'PERSON_NOT_FOUND'],
    ['an unknown unit', { orgUnitIds: [randomUUID()] }, 404, 'ORG_UNIT_NOT_FOUND'],
  ])('refuses %s', async (_label, change, status, code) => {
    const { orgUnitIdsCodes, ...rest } = change as { orgUnitIdsCodes?: string[] };
    const body = {
      personId: await person('sara.ekstrom'),
      role: 'READER',
      orgUnitIds: await Promise.all((orgUnitIdsCodes ?? ['IFF-UTR']).map((code) => t.unitId(code))),
      ...rest,
    };
    const before = await counts();
    expectErrorBody(await t.as('viktor.berglof').post('/api/role-assignments', body), status, code);
    expect(await counts()).toEqual(before);
  });

  it('refuses a person or unit of another tenant with 404', async () => {
    const before = await counts();
    expectErrorBody(
      await t.as('viktor.berglof').post('/api/role-assignments', {
        personId: otherTenant.personId,
        role: 'READER',
        orgUnitIds: [await t.unitId('IFF-UTR')],
      }),
      404,
      'PERSON_NOT_FOUND',
    );
    expectErrorBody(
      await t.as('viktor.berglof').post('/api/role-assignments', {
        personId: await person('sara.ekstrom'),
        role: 'READER',
        orgUnitIds: [await t.unitId('IFF-UTR'), otherTenant.unitId],
      }),
      404,
      'ORG_UNIT_NOT_FOUND',
    );
    expectErrorBody(
      await t
        .as('viktor.berglof')
        .patch(`/api/role-assignments/${otherTenant.assignmentId}`, { version: 1, validTo: '2026-12-31' }),
      404,
      'ROLE_ASSIGNMENT_NOT_FOUND',
    );
    expect(await counts()).toEqual(before);
  });

  it('refuses patches that are stale, invert the range, null a required field or change the role', async () => {
    const lena = await assignmentOf('lena.holmgren', 'MANAGER');
    const before = await counts();
    expectErrorBody(
      await t
        .as('viktor.berglof')
        .patch(`/api/role-assignments/${lena.id}`, { version: lena.version - 1, validTo: '2026-12-31' }),
      409,
      'VERSION_CONFLICT',
    );
    expectErrorBody(
      await t
        .as('viktor.berglof')
        .patch(`/api/role-assignments/${lena.id}`, { version: lena.version, validTo: '2022-12-31' }),
      400,
      'VALID_RANGE_INVALID',
    );
    for (const field of ['includeSubtree', 'validFrom', 'isActing', 'orgUnitIds']) {
      const res = await t
        .as('viktor.berglof')
        .patch(`/api/role-assignments/${lena.id}`, { version: lena.version, [field]: null });
      expectErrorBody(res, 400, 'VALIDATION_FAILED');
      expect((res.body.details as { field: string }[]).map((d) => d.field)).toContain(field);
    }
    for (const field of ['role', 'personId', 'appointedById']) {
      const res = await t.as('viktor.berglof').patch(`/api/role-assignments/${lena.id}`, {
        version: lena.version,
        [field]: 'ADMIN',
      });
      expectErrorBody(res, 400, 'VALIDATION_FAILED');
    }
    expect(await counts()).toEqual(before);
    expect((await t.as('viktor.berglof').get(`/api/role-assignments/${lena.id}`)).body.version).toBe(
      lena.version,
    );
  });
});

describe('ending an assignment', () => {
  let reach: number;

  it('records the end (PATCH validTo): gone from ?validOn= after it, and its access ends', async () => {
    const nora = await assignmentOf('nora.falk', 'COORDINATOR');
    reach = (await listAll('nora.falk')).total;
    expect(reach).toBeGreaterThan(1);
    const res = await t.as('viktor.berglof').patch(`/api/role-assignments/${nora.id}`, {
      version: nora.version,
      validTo: '2026-11-15',
      appointmentRef: 'SOCN 2026-00077',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: nora.id, validTo: '2026-11-15', version: nora.version + 1 });
    expect((await t.as('viktor.berglof').get(`/api/role-assignments/${nora.id}`)).body.validTo).toBe(
      '2026-11-15',
    );
    const [row] = await t.dataSource.query<{ valid_to: string }[]>(
      `SELECT to_char(valid_to, 'YYYY-MM-DD') AS valid_to FROM role_assignment WHERE id = $1`,
      [nora.id],
    );
    expect(row.valid_to).toBe('2026-11-15');
    const today = await listAll('viktor.berglof', {
      validOn: '2026-11-16',
      personId: await person('nora.falk'),
    });
    expect(today.total).toBe(0);
    const yesterday = await listAll('viktor.berglof', {
      validOn: '2026-11-15',
      personId: await person('nora.falk'),
    });
    expect(yesterday.total).toBe(1);
    // Her next request is made without the grant: only her own assignment remains visible.
    const seen = await listAll('nora.falk');
    expect(await labels(seen.items)).toEqual(['nora.falk COORDINATOR']);
    expect((await t.as('nora.falk').get('/api/me')).body.roles).toEqual(['EMPLOYEE']);
  });

  it('reopens an ended assignment with validTo null', async () => {
    const nora = await assignmentOf('nora.falk', 'COORDINATOR');
    const res = await t
      .as('viktor.berglof')
      .patch(`/api/role-assignments/${nora.id}`, { version: nora.version, validTo: null });
    expect(res.status).toBe(200);
    expect(res.body.validTo).toBeNull();
    expect((await listAll('nora.falk')).total).toBe(reach);
  });
});

describe('validity follows the clock, in Europe/Stockholm', () => {
  it('ends tove.granath’s AUDITOR access when 2026-12-31 is over in Stockholm', async () => {
    const at = async (instant: string) => {
      t.clock.set(new Date(instant));
      const { authorization } = await t.login('tove.granath');
      const me = await t.http.get('/api/me').set('authorization', authorization);
      const users = await t.http.get('/api/users').set('authorization', authorization);
      const assignments = await t.http.get('/api/role-assignments').set('authorization', authorization);
      return { roles: me.body.roles as string[], users: users.status, assignments: assignments.body.total };
    };
    try {
      // 23:59 on 31 December in Stockholm (22:59 UTC): still valid.
      expect(await at('2026-12-31T22:59:00Z')).toMatchObject({ roles: ['EMPLOYEE', 'AUDITOR'], users: 200 });
      // 00:00 on 1 January in Stockholm, still 31 December in UTC: ended.
      expect(await at('2026-12-31T23:00:00Z')).toEqual({ roles: ['EMPLOYEE'], users: 403, assignments: 1 });
    } finally {
      t.clock.set(DEMO_NOW);
    }
  });
});
