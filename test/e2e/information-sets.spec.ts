import { DEMO_NOW } from '@varna/testing';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { expectErrorBody } from '../support/expect';

/*
 * The information set register (domain.md §4a) over HTTP on the demo kommun: who reads what
 * (§3.3 row "Information set", BR-A3, the name view), create, update, the state machine, BR-A2
 * appointments, BR-A6 special handling, bad input. Assets and links: assets.spec.ts.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const setId = async (code: string) => {
  const [row] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM information_set WHERE code = $1`, [
    code,
  ]);
  return row.id;
};
const codes = (res: { body: { items: { code: string }[] } }) => res.body.items.map((i) => i.code);
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `IM-${String(from + i).padStart(2, '0')}`);
const listAll = (user: string, query: Record<string, unknown> = {}) =>
  t.as(user).get('/api/information-sets', { limit: 500, ...query });

describe('the demo register (§6.3)', () => {
  it('holds 40 ACTIVE sets sorted by code; K03: 33 of 40 have an active owner', async () => {
    const res = await listAll('cecilia.lund');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(40);
    expect(codes(res)).toEqual(range(1, 40));
    expect(
      res.body.items.every(
        (s: { status: string; view: string }) => s.status === 'ACTIVE' && s.view === 'FULL',
      ),
    ).toBe(true);
    const missing = res.body.items
      .filter((s: { ownerMissing: boolean }) => s.ownerMissing)
      .map((s: { code: string }) => s.code);
    expect(missing).toEqual(['IM-16', 'IM-17', 'IM-23', 'IM-24', 'IM-25', 'IM-36', 'IM-40']);
    expect(res.body.items.length - missing.length).toBe(33);
  });

  it('carries the PU flags and secrecy provisions of §6.3; IM-05 keeps only code, name, owner and unit', async () => {
    const im11 = await t.as('cecilia.lund').get(`/api/information-sets/${await setId('IM-11')}`);
    expect(im11.body).toMatchObject({
      code: 'IM-11',
      containsPersonalData: true,
      specialCategoryData: true,
      protectedIdentity: true,
      concernsChildren: false,
      secrecyProvisions: ['26 kap. 1 § OSL'],
      informationOwnerName: 'Helena Strand',
      ownerMissing: false,
    });
    const im05 = await t.as('cecilia.lund').get(`/api/information-sets/${await setId('IM-05')}`);
    expect(im05.body).toMatchObject({
      specialHandling: true,
      description: null,
      containsPersonalData: false,
      secrecyProvisions: [],
      informationOwnerName: 'Per Dahlgren',
    });
  });
});

describe('who reads which sets (§3.3, D-51, BR-A3, D-68)', () => {
  it.each([
    ['tove.granath', range(1, 40)], // AUDITOR: R E T
    ['nora.falk', range(9, 17)], // COORDINATOR IFF, ALF
    ['helena.strand', [...range(9, 15), 'IM-27', 'IM-28']], // HEAD IFF; owner of AS-01, which carries IM-27 and IM-28
    ['karin.vestberg', range(1, 37)], // DPO of the kommun's controllers, not the bolag (D-51)
    ['maria.ek', ['IM-38', 'IM-39', 'IM-40']], // DPO of EVE and EBH
    ['rasmus.ohman', ['IM-04', 'IM-05']], // MANAGER KLF-SAK; SPO reads the special-handling set
    ['petter.akesson', ['IM-09', 'IM-10']], // MANAGER IFF-UTR, IFF-MOT, owner of both
  ])('%s reads exactly these sets, in full', async (user, expected) => {
    const res = await listAll(user);
    expect(res.status).toBe(200);
    expect(codes(res)).toEqual(expected);
    expect(res.body.items.every((s: { view: string }) => s.view === 'FULL')).toBe(true);
  });

  it('the system manager reads the sets of the assets he manages (BR-A3), and the names of his own unit', async () => {
    const res = await listAll('daniel.nyberg');
    const full = res.body.items
      .filter((s: { view: string }) => s.view === 'FULL')
      .map((s: { code: string }) => s.code);
    expect(full).toEqual([
      'IM-01',
      'IM-02',
      'IM-03',
      'IM-06',
      'IM-07',
      'IM-08',
      ...range(9, 15),
      'IM-26',
      'IM-27',
      'IM-28',
      'IM-31',
      'IM-32',
      'IM-34',
      'IM-35',
      'IM-37',
    ]);
    const names = res.body.items.filter((s: { view: string }) => s.view === 'NAME');
    expect(names).toEqual([
      {
        view: 'NAME',
        id: await setId('IM-33'),
        code: 'IM-33',
        name: 'Nätverks- och brandväggskonfiguration',
        orgUnitId: await t.unitId('SK-DRIFT'),
      },
    ]);
  });

  it('a medarbetare gets the name view of her own unit’s sets, nothing else (§3.3 "R S (name)")', async () => {
    const res = await listAll('emma.rahimi');
    expect(res.body.items).toEqual([
      {
        view: 'NAME',
        id: await setId('IM-09'),
        code: 'IM-09',
        name: 'Barnavårdsutredningar',
        orgUnitId: await t.unitId('IFF-UTR'),
      },
    ]);
    const one = await t.as('emma.rahimi').get(`/api/information-sets/${await setId('IM-09')}`);
    expect(Object.keys(one.body).sort()).toEqual(['code', 'id', 'name', 'orgUnitId', 'view']);
    expectErrorBody(
      await t.as('emma.rahimi').get(`/api/information-sets/${await setId('IM-10')}`),
      404,
      'INFORMATION_SET_NOT_FOUND',
    );
    // Filters on what the name view does not show find nothing for her (no inference from names).
    expect((await listAll('emma.rahimi', { ownerId: await t.personId('petter.akesson') })).body.total).toBe(
      0,
    );
    expect((await listAll('emma.rahimi', { status: 'ACTIVE' })).body.total).toBe(0);
    expect((await listAll('emma.rahimi', { q: 'barna' })).body.total).toBe(1);
  });

  it('the name view does not open the history (whole snapshots)', async () => {
    const id = await setId('IM-09');
    expectErrorBody(await t.as('emma.rahimi').get('/api/history', { entity: 'InformationSet', id }), 404);
    const res = await t.as('petter.akesson').get('/api/history', { entity: 'InformationSet', id });
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ action: 'seed', entityType: 'InformationSet' });
  });

  it('the ADMIN, an account like any other, reads the names of his home unit’s sets only (D-02)', async () => {
    const res = await listAll('viktor.berglof');
    expect(codes(res)).toEqual(['IM-31', 'IM-32', 'IM-33']);
    expect(res.body.items.every((s: { view: string }) => s.view === 'NAME')).toBe(true);
  });

  it.each(['gunnar.alm', 'ingrid.wall'])(
    '%s (aggregates or configuration only) gets no rows',
    async (user) => {
      const res = await listAll(user);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 0, items: [] });
      expectErrorBody(await t.as(user).get(`/api/information-sets/${await setId('IM-01')}`), 404);
    },
  );

  it('a set outside the scope is 404, not 403', async () => {
    expectErrorBody(
      await t.as('nora.falk').get(`/api/information-sets/${await setId('IM-01')}`),
      404,
      'INFORMATION_SET_NOT_FOUND',
    );
  });
});

describe('list filters and paging', () => {
  it('narrows by unit subtree, status, owner and free text; pages by code', async () => {
    expect(codes(await listAll('cecilia.lund', { orgUnitId: await t.unitId('IFF') }))).toEqual(range(9, 15));
    expect(codes(await listAll('cecilia.lund', { ownerId: await t.personId('lena.holmgren') }))).toEqual([
      'IM-12',
      'IM-13',
    ]);
    expect(codes(await listAll('cecilia.lund', { q: 'JOURNAL' }))).toEqual(['IM-18', 'IM-26']);
    expect(codes(await listAll('cecilia.lund', { q: '%' }))).toEqual([]);
    expect((await listAll('cecilia.lund', { status: 'DRAFT' })).body.total).toBe(0);
    const page = await t.as('cecilia.lund').get('/api/information-sets', { limit: 5, offset: 10 });
    expect(page.body).toMatchObject({ total: 40, limit: 5, offset: 10 });
    expect(codes(page)).toEqual(range(11, 15));
  });

  it('reads a page in one query, with the owner joined, beside the count (issue 6)', async () => {
    const spy = vi.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const page = await t.as('cecilia.lund').get('/api/information-sets', { limit: 5, offset: 10 });
      expect(codes(page)).toEqual(range(11, 15));
      const reads = spy.mock.calls
        .map(([sql]) => String(sql))
        .filter((sql) => /FROM "information_set" "s"/.test(sql));
      // take/skip would add a SELECT DISTINCT of the page's ids before it.
      expect(reads.filter((sql) => !/COUNT\(/.test(sql))).toHaveLength(1);
      expect(reads.filter((sql) => /DISTINCT/.test(sql) && !/COUNT\(/.test(sql))).toEqual([]);
      expect(reads.filter((sql) => /COUNT\(/.test(sql))).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  it.each([
    { limit: 0 },
    { limit: 501 },
    { offset: -1 },
    { status: 'GONE' },
    { orgUnitId: 'IFF' },
    { ownerId: 'x' },
    { sort: 'name' },
  ])('refuses %o with 400', async (query) => {
    expectErrorBody(await t.as('cecilia.lund').get('/api/information-sets', query), 400, 'VALIDATION_FAILED');
  });
});

describe('create', () => {
  const body = (extra: object = {}) => ({ code: 'IM-T1', name: 'Testmängd', orgUnitId: '', ...extra });

  it('a coordinator creates a DRAFT set in her scope; history records it', async () => {
    const res = await t.as('nora.falk').post(
      '/api/information-sets',
      body({
        code: 'IM-N1',
        orgUnitId: await t.unitId('IFF-FOR'),
        containsPersonalData: true,
        personalDataCategories: ['FINANCIAL', 'PERSONAL_ID_NUMBER'],
        secrecyProvisions: ['26 kap. 1 § OSL'],
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      view: 'FULL',
      status: 'DRAFT',
      informationOwnerId: null,
      ownerMissing: true,
      version: 1,
      allowedTransitions: ['ACTIVE'],
    });
    const history = await t
      .as('nora.falk')
      .get('/api/history', { entity: 'InformationSet', id: res.body.id });
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['create']);
  });

  it('outside her scope she is refused (403), and she cannot appoint an owner (BR-A2)', async () => {
    expectErrorBody(
      await t
        .as('nora.falk')
        .post('/api/information-sets', body({ code: 'IM-N2', orgUnitId: await t.unitId('KLF') })),
      403,
      'PERMISSION_DENIED',
    );
    expectErrorBody(
      await t.as('nora.falk').post(
        '/api/information-sets',
        body({
          code: 'IM-N3',
          orgUnitId: await t.unitId('IFF'),
          informationOwnerId: await t.personId('petter.akesson'),
        }),
      ),
      403,
      'OWNER_APPOINTMENT_FORBIDDEN',
    );
  });

  it('the HEAD of the unit appoints the owner: who and when are recorded', async () => {
    const res = await t.as('helena.strand').post(
      '/api/information-sets',
      body({
        code: 'IM-H1',
        orgUnitId: await t.unitId('IFF-UTR'),
        informationOwnerId: await t.personId('petter.akesson'),
        informationOwnerAppointmentRef: 'SOCN 2026-00042',
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      informationOwnerId: await t.personId('petter.akesson'),
      informationOwnerAppointedById: await t.personId('helena.strand'),
      informationOwnerAppointedAt: DEMO_NOW.toISOString(),
      informationOwnerAppointmentRef: 'SOCN 2026-00042',
    });
    // The owner reads it now (scope O).
    expect((await t.as('petter.akesson').get(`/api/information-sets/${res.body.id}`)).body.view).toBe('FULL');
  });

  it('refuses who may not create (EMPLOYEE, MANAGER, DPO, AUDITOR) with 403', async () => {
    for (const user of ['emma.rahimi', 'lena.holmgren', 'karin.vestberg', 'tove.granath', 'gunnar.alm']) {
      expectErrorBody(
        await t
          .as(user)
          .post('/api/information-sets', body({ code: 'IM-X9', orgUnitId: await t.unitId('IFF-FOR') })),
        403,
        'PERMISSION_DENIED',
        { what: user },
      );
    }
  });

  it('refuses a taken code (409), unknown units and people, and bad fields (400)', async () => {
    const ifffor = await t.unitId('IFF-FOR');
    expectErrorBody(
      await t.as('cecilia.lund').post('/api/information-sets', body({ code: 'IM-09', orgUnitId: ifffor })),
      409,
      'INFORMATION_SET_CODE_TAKEN',
    );
    expectErrorBody(
      await t.as('cecilia.lund').post('/api/information-sets', body({ orgUnitId: await setId('IM-01') })),
      400,
      'ORG_UNIT_INVALID',
    );
    expectErrorBody(
      await t
        .as('cecilia.lund')
        .post('/api/information-sets', body({ orgUnitId: ifffor, informationOwnerId: ifffor })),
      400,
      'PERSON_INVALID',
    );
    for (const bad of [
      { code: 'IM 1' },
      { code: 'x'.repeat(21) },
      { name: '' },
      { personalDataCategories: ['HEALTH', 'GOSSIP'] },
      { personalDataCategories: ['HEALTH', 'HEALTH'] },
      { containsPersonalData: 'ja' },
      { secrecyProvisions: [''] },
      { status: 'ACTIVE' },
      { classificationId: ifffor },
      { assetKeeperIds: [] },
    ]) {
      expectErrorBody(
        await t.as('cecilia.lund').post('/api/information-sets', body({ orgUnitId: ifffor, ...bad })),
        400,
        'VALIDATION_FAILED',
        { what: JSON.stringify(bad) },
      );
    }
    expectErrorBody(
      await t
        .as('cecilia.lund')
        .post('/api/information-sets', body({ orgUnitId: ifffor, specialCategoryData: true })),
      400,
      'INFORMATION_SET_PERSONAL_DATA_INCONSISTENT',
    );
    expectErrorBody(
      await t
        .as('cecilia.lund')
        .post('/api/information-sets', body({ orgUnitId: ifffor, informationOwnerAppointmentRef: 'KS 1' })),
      400,
      'APPOINTMENT_REF_WITHOUT_APPOINTMENT',
    );
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM information_set WHERE code = 'IM-T1'`,
    );
    expect(n).toBe(0);
  });
});

describe('BR-A6 special handling', () => {
  it('refuses free text and personal-data fields on a special-handling set (400)', async () => {
    const klfSak = await t.unitId('KLF-SAK');
    expectErrorBody(
      await t.as('cecilia.lund').post('/api/information-sets', {
        code: 'IM-S1',
        name: 'Skyddsobjekt',
        orgUnitId: klfSak,
        specialHandling: true,
        description: 'hemligt',
      }),
      400,
      'INFORMATION_SET_SPECIAL_HANDLING_FIELDS',
    );
    const im05 = await t.as('cecilia.lund').get(`/api/information-sets/${await setId('IM-05')}`);
    const res = await t.as('cecilia.lund').patch(`/api/information-sets/${im05.body.id}`, {
      version: im05.body.version,
      secrecyProvisions: ['15 kap. 2 § OSL'],
    });
    expectErrorBody(res, 400, 'INFORMATION_SET_SPECIAL_HANDLING_FIELDS');
    expect(res.body.details).toEqual([
      { field: 'secrecyProvisions', messages: ['Får inte anges vid särskild hantering.'] },
    ]);
    const created = await t.as('cecilia.lund').post('/api/information-sets', {
      code: 'IM-S2',
      name: 'Skyddsobjekt',
      orgUnitId: klfSak,
      specialHandling: true,
    });
    expect(created.status).toBe(201);
    // The säkerhetsskyddschef reads it (D-68).
    expect((await t.as('rasmus.ohman').get(`/api/information-sets/${created.body.id}`)).status).toBe(200);
  });

  it('a set turns special-handling only once its details are cleared', async () => {
    const im07 = await t.as('cecilia.lund').get(`/api/information-sets/${await setId('IM-08')}`);
    const withText = await t.as('cecilia.lund').patch(`/api/information-sets/${im07.body.id}`, {
      version: im07.body.version,
      description: 'Webbens innehåll',
    });
    expect(withText.status).toBe(200);
    expectErrorBody(
      await t.as('cecilia.lund').patch(`/api/information-sets/${im07.body.id}`, {
        version: withText.body.version,
        specialHandling: true,
      }),
      400,
      'INFORMATION_SET_SPECIAL_HANDLING_FIELDS',
    );
    const cleared = await t.as('cecilia.lund').patch(`/api/information-sets/${im07.body.id}`, {
      version: withText.body.version,
      specialHandling: true,
      description: null,
    });
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
    expect(cleared.body).toMatchObject({ specialHandling: true, description: null });
  });
});

describe('update', () => {
  it('the DPO changes the personal-data fields of a set in her scope, and nothing else', async () => {
    const im13 = await t.as('karin.vestberg').get(`/api/information-sets/${await setId('IM-13')}`);
    const res = await t.as('karin.vestberg').patch(`/api/information-sets/${im13.body.id}`, {
      version: im13.body.version,
      personalDataCategories: ['FINANCIAL'],
      legalBases: ['SoL 4 kap. 1 §'],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      personalDataCategories: ['FINANCIAL'],
      legalBases: ['SoL 4 kap. 1 §'],
      version: im13.body.version + 1,
    });
    expectErrorBody(
      await t
        .as('karin.vestberg')
        .patch(`/api/information-sets/${im13.body.id}`, { version: res.body.version, name: 'Nytt namn' }),
      403,
      'PERMISSION_DENIED',
    );
    expectErrorBody(
      await t
        .as('karin.vestberg')
        .patch(`/api/information-sets/${im13.body.id}`, { version: res.body.version, description: 'x' }),
      403,
      'PERMISSION_DENIED',
    );
    // Not outside D-51: the bolag's sets.
    expectErrorBody(
      await t
        .as('karin.vestberg')
        .patch(`/api/information-sets/${await setId('IM-40')}`, { version: 1, containsPersonalData: true }),
      404,
    );
  });

  it('the owner changes own sets; others with read only are refused (403), the unreachable get 404', async () => {
    const id = await setId('IM-10');
    const res = await t.as('petter.akesson').patch(`/api/information-sets/${id}`, {
      version: 1,
      description: 'Anmälningar enligt 14 kap. 1 § SoL',
      retention: 'Bevaras',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expectErrorBody(
      await t
        .as('tove.granath')
        .patch(`/api/information-sets/${id}`, { version: res.body.version, name: 'x' }),
      403,
      'PERMISSION_DENIED',
    );
    // Even a change of nothing: the auditor reads, she does not write.
    expectErrorBody(
      await t.as('tove.granath').patch(`/api/information-sets/${id}`, { version: res.body.version }),
      403,
      'PERMISSION_DENIED',
    );
    expectErrorBody(
      await t
        .as('daniel.nyberg')
        .patch(`/api/information-sets/${id}`, { version: res.body.version, name: 'x' }),
      403,
      'PERMISSION_DENIED',
    );
    expectErrorBody(
      await t
        .as('lena.holmgren')
        .patch(`/api/information-sets/${id}`, { version: res.body.version, name: 'x' }),
      404,
      'INFORMATION_SET_NOT_FOUND',
    );
    expectErrorBody(
      await t.as('petter.akesson').patch(`/api/information-sets/${id}`, { version: 1, name: 'x' }),
      409,
      'VERSION_CONFLICT',
    );
  });

  it('moving a set out of the coordinator’s scope is refused; a no-op writes no history', async () => {
    const id = await setId('IM-16');
    expectErrorBody(
      await t
        .as('nora.falk')
        .patch(`/api/information-sets/${id}`, { version: 1, orgUnitId: await t.unitId('KLF') }),
      403,
      'PERMISSION_DENIED',
    );
    const same = await t
      .as('nora.falk')
      .patch(`/api/information-sets/${id}`, { version: 1, name: 'Deltagarakter arbetsmarknadsinsatser' });
    expect(same.body.version).toBe(1);
    const history = await t.as('nora.falk').get('/api/history', { entity: 'InformationSet', id });
    expect(history.body.items).toHaveLength(1);
  });

  it('BR-A2: only the unit’s HEAD or the CISO appoints the owner; K03 counts the new owner', async () => {
    const id = await setId('IM-17');
    expectErrorBody(
      await t.as('nora.falk').patch(`/api/information-sets/${id}`, {
        version: 1,
        informationOwnerId: await t.personId('nora.falk'),
      }),
      403,
      'OWNER_APPOINTMENT_FORBIDDEN',
    );
    const res = await t.as('cecilia.lund').patch(`/api/information-sets/${id}`, {
      version: 1,
      informationOwnerId: await t.personId('nora.falk'),
      informationOwnerAppointmentRef: 'SOCN 2026-00077',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      informationOwnerAppointedById: await t.personId('cecilia.lund'),
      informationOwnerAppointmentRef: 'SOCN 2026-00077',
      ownerMissing: false,
    });
    const all = await listAll('cecilia.lund');
    expect(
      all.body.items.filter((s: { ownerMissing: boolean }) => !s.ownerMissing).length,
    ).toBeGreaterThanOrEqual(34);
    expectErrorBody(
      await t.as('cecilia.lund').patch(`/api/information-sets/${id}`, {
        version: res.body.version,
        informationOwnerAppointmentRef: 'KS 9',
      }),
      400,
      'APPOINTMENT_REF_WITHOUT_APPOINTMENT',
    );
  });

  it('refuses bad bodies with 400 and nulls on required fields', async () => {
    const id = await setId('IM-30');
    for (const bad of [
      {},
      { version: 0 },
      { version: 1, name: null },
      { version: 1, code: null },
      { version: 1, containsPersonalData: null },
      { version: 1, status: 'RETIRED' },
    ]) {
      expectErrorBody(
        await t.as('cecilia.lund').patch(`/api/information-sets/${id}`, bad),
        400,
        'VALIDATION_FAILED',
        { what: JSON.stringify(bad) },
      );
    }
    expectErrorBody(
      await t.as('cecilia.lund').patch('/api/information-sets/not-a-uuid', { version: 1 }),
      400,
      'INVALID_ID',
    );
    expectErrorBody(
      await t.as('cecilia.lund').patch(`/api/information-sets/${id}`, { version: 1, code: 'IM-01' }),
      409,
      'INFORMATION_SET_CODE_TAKEN',
    );
  });
});

describe('state machine (§4a)', () => {
  it('DRAFT → ACTIVE by the coordinator (owner missing is a gap, not an error), not twice', async () => {
    const created = await t
      .as('nora.falk')
      .post('/api/information-sets', { code: 'IM-D1', name: 'Utkast', orgUnitId: await t.unitId('ALF-ARB') });
    const res = await t
      .as('nora.falk')
      .post(`/api/information-sets/${created.body.id}/activate`, { version: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'ACTIVE', ownerMissing: true, allowedTransitions: ['RETIRED'] });
    const again = await t
      .as('nora.falk')
      .post(`/api/information-sets/${created.body.id}/activate`, { version: res.body.version });
    expectErrorBody(again, 409, 'INVALID_TRANSITION');
    expect(again.body.details).toEqual({ from: 'ACTIVE', to: 'ACTIVE', allowed: ['RETIRED'] });
    const history = await t
      .as('nora.falk')
      .get('/api/history', { entity: 'InformationSet', id: created.body.id });
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['create', 'activate']);
  });

  it('the owner may retire but not activate; a MANAGER in scope may do neither', async () => {
    const created = await t.as('helena.strand').post('/api/information-sets', {
      code: 'IM-D2',
      name: 'Utkast med ägare',
      orgUnitId: await t.unitId('IFF-UTR'),
      informationOwnerId: await t.personId('petter.akesson'),
    });
    expect(created.body.allowedTransitions).toEqual(['ACTIVE']);
    const asOwner = await t.as('petter.akesson').get(`/api/information-sets/${created.body.id}`);
    expect(asOwner.body.allowedTransitions).toEqual([]);
    expectErrorBody(
      await t.as('petter.akesson').post(`/api/information-sets/${created.body.id}/activate`, { version: 1 }),
      403,
      'TRANSITION_FORBIDDEN',
    );
    const active = await t
      .as('helena.strand')
      .post(`/api/information-sets/${created.body.id}/activate`, { version: 1 });
    expect(active.status).toBe(200);
    const retired = await t.as('petter.akesson').post(`/api/information-sets/${created.body.id}/retire`, {
      version: active.body.version,
      reason: 'Ersatt',
    });
    expect(retired.status, JSON.stringify(retired.body)).toBe(200);
    expect(retired.body).toMatchObject({ status: 'RETIRED', allowedTransitions: [] });
  });

  it('a set still carried by an asset in use is not retired (409, naming the assets)', async () => {
    const res = await t
      .as('lars.oberg')
      .post(`/api/information-sets/${await setId('IM-35')}/retire`, { version: 1 });
    expectErrorBody(res, 409, 'INFORMATION_SET_STILL_LINKED');
    expect(res.body.details).toEqual({ assetCodes: ['AS-10', 'AS-25'] });
  });

  it('refuses stale versions, bad bodies and unknown ids', async () => {
    const id = await setId('IM-37');
    expectErrorBody(
      await t.as('cecilia.lund').post(`/api/information-sets/${id}/retire`, { version: 7 }),
      409,
      'VERSION_CONFLICT',
    );
    expectErrorBody(
      await t.as('cecilia.lund').post(`/api/information-sets/${id}/retire`, {}),
      400,
      'VALIDATION_FAILED',
    );
    expectErrorBody(
      await t.as('cecilia.lund').post(`/api/information-sets/${id}/retire`, { version: 1, reason: '' }),
      400,
      'VALIDATION_FAILED',
    );
    expectErrorBody(
      await t
        .as('cecilia.lund')
        .post(`/api/information-sets/${await t.unitId('KLF')}/activate`, { version: 1 }),
      404,
      'INFORMATION_SET_NOT_FOUND',
    );
  });
});

describe('org moves keep the paths true (OrgPathDependents)', () => {
  it('moving IFF-FOR under ALF moves its sets and assets', async () => {
    const unit = await t.as('viktor.berglof').get(`/api/org-units/${await t.unitId('IFF-FOR')}`);
    const moved = await t.as('viktor.berglof').post(`/api/org-units/${unit.body.id}/move`, {
      version: unit.body.version,
      parentId: await t.unitId('ALF'),
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const stale = await t.dataSource.query(
      `SELECT x.code FROM information_set x JOIN org_unit u ON u.id = x.org_unit_id WHERE x.org_unit_path <> u.path
       UNION ALL SELECT x.code FROM asset x JOIN org_unit u ON u.id = x.org_unit_id WHERE x.org_unit_path <> u.path`,
    );
    expect(stale).toEqual([]);
    // Scope follows: helena.strand (HEAD IFF) no longer reads AS-22 of IFF-FOR, nora.falk (IFF and ALF) still does.
    const [as22] = await t.dataSource.query(`SELECT id FROM asset WHERE code = 'AS-22'`);
    expectErrorBody(await t.as('helena.strand').get(`/api/assets/${as22.id}`), 404, 'ASSET_NOT_FOUND');
    expect((await t.as('nora.falk').get(`/api/assets/${as22.id}`)).status).toBe(200);
    expect((await t.as('nora.falk').get(`/api/information-sets/${await setId('IM-12')}`)).status).toBe(200);
  });
});
