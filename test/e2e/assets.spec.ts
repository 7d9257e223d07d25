import { AssetActivationGuards } from '@varna/information';
import { DEMO_NOW } from '@varna/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { expectErrorBody } from '../support/expect';

/*
 * The asset register (domain.md §4a) over HTTP on the demo kommun: who reads what (§3.3 row
 * "Asset, links, dependencies"), the system manager's technical fields, links with BR-A3 and BR-A4,
 * dependencies without cycles, the state machine with the BR-A5 guard registry, BR-A2, bad input.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const idOf = async (table: 'asset' | 'information_set', code: string) => {
  const [row] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM ${table} WHERE code = $1`, [code]);
  return row.id;
};
const assetId = (code: string) => idOf('asset', code);
const setId = (code: string) => idOf('information_set', code);
const codes = (res: { body: { items: { code: string }[] } }) => res.body.items.map((i) => i.code);
const listAll = (user: string, query: Record<string, unknown> = {}) =>
  t.as(user).get('/api/assets', { limit: 500, ...query });
const as = (n: number) => `AS-${String(n).padStart(2, '0')}`;

describe('the demo register (§6.4)', () => {
  it('holds 30 ACTIVE assets; K04: 27 of 30 have an active owner', async () => {
    const res = await listAll('cecilia.lund');
    expect(res.body.total).toBe(30);
    expect(codes(res)).toEqual(Array.from({ length: 30 }, (_, i) => as(i + 1)));
    const missing = res.body.items
      .filter((a: { ownerMissing: boolean }) => a.ownerMissing)
      .map((a: { code: string }) => a.code);
    expect(missing).toEqual(['AS-06', 'AS-28', 'AS-29']);
  });

  it('computes the personal-data flags from the linked sets (BR-A4) and carries the §6.4 flags', async () => {
    const res = await listAll('cecilia.lund');
    const byCode = new Map(res.body.items.map((a: { code: string }) => [a.code, a]));
    expect(byCode.get('AS-01')).toMatchObject({
      containsPersonalData: true,
      specialCategoryData: true,
      hosting: 'MUNICIPAL_DATACENTRE',
      providerOrgUnitId: await t.unitId('SK-DRIFT'),
    });
    expect(byCode.get('AS-03')).toMatchObject({
      thirdCountryProcessing: true,
      mfaRequired: true,
      hosting: 'EU_SUPPLIER',
      systemManagerName: 'Sara Ekström',
    });
    expect(byCode.get('AS-05')).toMatchObject({ thirdCountryProcessing: true, mfaRequired: false });
    expect(byCode.get('AS-11')).toMatchObject({
      type: 'IT_COMPONENT',
      subtype: 'IDENTITY',
      containsPersonalData: true,
      specialCategoryData: false,
    });
    expect(byCode.get('AS-12')).toMatchObject({ containsPersonalData: false, specialCategoryData: false });
    expect(byCode.get('AS-22')).toMatchObject({ type: 'PROCESS', hosting: null, containsPersonalData: true });
    expect(byCode.get('AS-26')).toMatchObject({ containsPersonalData: false, hosting: 'ON_PREMISES' });
    const thirdCountry = res.body.items
      .filter((a: { thirdCountryProcessing: boolean }) => a.thirdCountryProcessing)
      .map((a: { code: string }) => a.code);
    expect(thirdCountry).toEqual(['AS-03', 'AS-05']);
    expect(
      res.body.items.filter((a: { containsPersonalData: boolean }) => a.containsPersonalData),
    ).toHaveLength(22);
  });

  it('lists the links and dependencies of §6.4', async () => {
    const links = await t.as('cecilia.lund').get(`/api/assets/${await assetId('AS-01')}/information-sets`);
    expect(links.body.map((l: { code: string }) => l.code)).toEqual([
      'IM-09',
      'IM-10',
      'IM-11',
      'IM-12',
      'IM-13',
      'IM-14',
      'IM-15',
      'IM-27',
      'IM-28',
    ]);
    const deps = await t.as('cecilia.lund').get(`/api/assets/${await assetId('AS-15')}/dependencies`);
    expect(deps.body.dependsOn).toEqual([]);
    expect(deps.body.dependants.map((d: { code: string }) => d.code)).toEqual([
      'AS-01',
      'AS-07',
      'AS-08',
      'AS-09',
      'AS-11',
      'AS-12',
      'AS-16',
      'AS-30',
    ]);
    const as01 = await t.as('cecilia.lund').get(`/api/assets/${await assetId('AS-01')}/dependencies`);
    expect(as01.body.dependsOn.map((d: { code: string }) => d.code)).toEqual([
      'AS-11',
      'AS-12',
      'AS-13',
      'AS-14',
      'AS-15',
    ]);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM asset_dependency`);
    expect(n).toBe(24);
  });
});

describe('who reads which assets (§3.3)', () => {
  it.each([
    ['tove.granath', 30],
    ['maria.ek', 4], // DPO EVE, EBH: AS-26, AS-27, AS-28 … and nothing of the kommun
    ['jonas.berg', 0],
  ])('%s reads %i assets', async (user, n) => {
    const res = await listAll(user);
    expect(res.status).toBe(200);
    if (user === 'maria.ek') expect(codes(res)).toEqual(['AS-26', 'AS-27', 'AS-28']);
    else if (user === 'jonas.berg') expect(codes(res)).toEqual(['AS-02', 'AS-21', 'AS-30']);
    else expect(res.body.total).toBe(n);
  });

  it('the information owner reads the assets that carry her sets (scope O)', async () => {
    const res = await listAll('petter.akesson');
    expect(codes(res)).toEqual(['AS-01', 'AS-20', 'AS-23']);
    expect(res.body.items.every((a: { view: string }) => a.view === 'FULL')).toBe(true);
  });

  it('the system manager reads his assets in full and the names of his own unit’s', async () => {
    const res = await listAll('daniel.nyberg');
    const view = Object.fromEntries(
      res.body.items.map((a: { code: string; view: string }) => [a.code, a.view]),
    );
    expect(view).toEqual({
      'AS-01': 'FULL',
      'AS-02': 'FULL',
      'AS-07': 'FULL',
      'AS-08': 'FULL',
      'AS-09': 'FULL',
      'AS-10': 'FULL',
      'AS-11': 'FULL',
      'AS-12': 'FULL',
      'AS-13': 'NAME',
      'AS-14': 'NAME',
      'AS-15': 'NAME',
      'AS-16': 'FULL',
      'AS-17': 'FULL',
      'AS-18': 'FULL',
      'AS-25': 'NAME',
      'AS-30': 'FULL',
    });
  });

  it('a medarbetare gets names only; the links of an asset need more than its name', async () => {
    const res = await listAll('emma.rahimi');
    expect(res.body.items).toEqual([
      {
        view: 'NAME',
        id: await assetId('AS-23'),
        code: 'AS-23',
        name: 'Process: utredning barn och unga',
        orgUnitId: await t.unitId('IFF-UTR'),
      },
    ]);
    expectErrorBody(
      await t.as('emma.rahimi').get(`/api/assets/${await assetId('AS-23')}/information-sets`),
      404,
      'ASSET_NOT_FOUND',
    );
    expectErrorBody(
      await t.as('emma.rahimi').get(`/api/assets/${await assetId('AS-01')}`),
      404,
      'ASSET_NOT_FOUND',
    );
    expect((await listAll('emma.rahimi', { type: 'PROCESS' })).body.total).toBe(0);
  });

  it('ELECTED and READER get no rows (scope G only)', async () => {
    for (const user of ['gunnar.alm', 'ingrid.wall']) {
      expect((await listAll(user)).body).toMatchObject({ total: 0, items: [] });
    }
  });

  it('BR-A3: a head reads code and name of the sets her asset carries; more only where she reads the set', async () => {
    // lars.oberg (HEAD SK) owns AS-07, which carries IM-02 and IM-03 of KLF-HR: he is their keeper.
    const links = await t.as('lars.oberg').get(`/api/assets/${await assetId('AS-07')}/information-sets`);
    expect(links.body[0]).toMatchObject({
      code: 'IM-02',
      details: { informationOwnerId: await t.personId('per.dahlgren'), specialCategoryData: true },
    });
    // amir.haddad (COORDINATOR KLF, SK) reads AS-25 (SK-DRIFT) which carries IM-28 of VOF-HEM: code and name only.
    const viaScope = await t.as('amir.haddad').get(`/api/assets/${await assetId('AS-25')}/information-sets`);
    expect(viaScope.body.find((l: { code: string }) => l.code === 'IM-28')).toEqual({
      informationSetId: await setId('IM-28'),
      code: 'IM-28',
      name: 'Genomförandeplaner och social dokumentation',
      role: 'PROCESSES',
      note: null,
      details: null,
    });
    expectErrorBody(await t.as('amir.haddad').get(`/api/information-sets/${await setId('IM-28')}`), 404);
  });

  it('filters by type, status, unit, owner and text', async () => {
    expect(codes(await listAll('cecilia.lund', { type: 'PROCESS' }))).toEqual(['AS-22', 'AS-23', 'AS-24']);
    expect(codes(await listAll('cecilia.lund', { orgUnitId: await t.unitId('GSF') }))).toEqual([
      'AS-03',
      'AS-04',
      'AS-05',
    ]);
    expect(codes(await listAll('cecilia.lund', { ownerId: await t.personId('therese.blom') }))).toEqual([
      'AS-26',
      'AS-27',
    ]);
    expect(codes(await listAll('cecilia.lund', { q: 'arkiv' }))).toEqual(['AS-09', 'AS-19', 'AS-20']);
    expect((await listAll('cecilia.lund', { status: 'PLANNED' })).body.total).toBe(0);
    expectErrorBody(
      await t.as('cecilia.lund').get('/api/assets', { type: 'SERVER' }),
      400,
      'VALIDATION_FAILED',
    );
  });
});

describe('update', () => {
  it('the system manager changes the technical fields of his asset, nothing else', async () => {
    const id = await assetId('AS-17');
    const res = await t.as('daniel.nyberg').patch(`/api/assets/${id}`, {
      version: 1,
      internetExposed: true,
      rtoHours: 8,
      rpoHours: 24,
      supplierName: 'Servicebolaget AB',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ internetExposed: true, rtoHours: 8, rpoHours: 24, version: 2 });
    for (const change of [{ name: 'Nytt' }, { criticality: 'HIGH' }, { assetOwnerId: null }]) {
      expectErrorBody(
        await t.as('daniel.nyberg').patch(`/api/assets/${id}`, { version: 2, ...change }),
        403,
        'PERMISSION_DENIED',
        { what: JSON.stringify(change) },
      );
    }
    expectErrorBody(
      await t.as('daniel.nyberg').post(`/api/assets/${id}/transition`, { version: 2, to: 'PHASE_OUT' }),
      403,
      'TRANSITION_FORBIDDEN',
    );
    expectErrorBody(
      await t.as('daniel.nyberg').post(`/api/assets/${id}/information-sets`, {
        informationSetId: await setId('IM-34'),
        role: 'STORES',
      }),
      403,
      'PERMISSION_DENIED',
    );
  });

  it('the asset owner changes her asset; the owner of a set it carries only reads it', async () => {
    const id = await assetId('AS-22');
    const res = await t.as('lena.holmgren').patch(`/api/assets/${id}`, {
      version: 1,
      description: 'Handläggning enligt SoL 4 kap.',
      criticality: 'HIGH',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expectErrorBody(
      await t
        .as('petter.akesson')
        .patch(`/api/assets/${await assetId('AS-01')}`, { version: 1, criticality: 'HIGH' }),
      403,
      'PERMISSION_DENIED',
    );
  });

  it('BR-A2: owners and system managers are appointed by the unit’s HEAD or the CISO; K04 counts them', async () => {
    const as06 = await assetId('AS-06');
    expectErrorBody(
      await t
        .as('sofia.lindahl')
        .patch(`/api/assets/${as06}`, { version: 1, assetOwnerId: await t.personId('sofia.lindahl') }),
      403,
      'OWNER_APPOINTMENT_FORBIDDEN',
    );
    const res = await t.as('cecilia.lund').patch(`/api/assets/${as06}`, {
      version: 1,
      assetOwnerId: await t.personId('annika.holmqvist'),
      assetOwnerAppointmentRef: 'BUN 2026-00311',
      systemManagerId: await t.personId('sara.ekstrom'),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      assetOwnerAppointedById: await t.personId('cecilia.lund'),
      assetOwnerAppointedAt: DEMO_NOW.toISOString(),
      assetOwnerAppointmentRef: 'BUN 2026-00311',
      systemManagerAppointedById: await t.personId('cecilia.lund'),
      systemManagerAppointmentRef: null,
      ownerMissing: false,
    });
    // The new keepers read the sets the asset carries (BR-A3).
    expect((await t.as('sara.ekstrom').get(`/api/information-sets/${await setId('IM-23')}`)).body.view).toBe(
      'FULL',
    );
    const all = await listAll('cecilia.lund');
    expect(all.body.items.filter((a: { ownerMissing: boolean }) => !a.ownerMissing)).toHaveLength(28);
  });

  it('refuses bad bodies (400), stale versions (409)', async () => {
    const id = await assetId('AS-30');
    for (const bad of [
      { version: 1, type: 'SERVER' },
      { version: 1, rtoHours: -1 },
      { version: 1, rpoHours: 1.5 },
      { version: 1, hosting: 'CLOUD' },
      { version: 1, status: 'RETIRED' },
      { version: 1, containsPersonalData: true },
      { version: 1, derivedLevels: { K: 3 } },
    ]) {
      expectErrorBody(await t.as('cecilia.lund').patch(`/api/assets/${id}`, bad), 400, 'VALIDATION_FAILED', {
        what: JSON.stringify(bad),
      });
    }
    expectErrorBody(
      await t.as('cecilia.lund').patch(`/api/assets/${id}`, { version: 1, subtype: 'SERVER' }),
      400,
      'ASSET_SUBTYPE_INVALID',
    );
    expectErrorBody(
      await t
        .as('cecilia.lund')
        .patch(`/api/assets/${await assetId('AS-24')}`, { version: 1, hosting: 'ON_PREMISES' }),
      400,
      'ASSET_HOSTING_INVALID',
    );
    expectErrorBody(
      await t.as('cecilia.lund').patch(`/api/assets/${id}`, { version: 1, providerOrgUnitId: id }),
      400,
      'ORG_UNIT_INVALID',
    );
    expectErrorBody(
      await t.as('cecilia.lund').patch(`/api/assets/${id}`, { version: 9, name: 'x' }),
      409,
      'VERSION_CONFLICT',
    );
  });
});

describe('create and the state machine (§4a)', () => {
  let planned: string;

  it('a coordinator creates a PLANNED asset in scope; not outside; not with an owner', async () => {
    const res = await t.as('nora.falk').post('/api/assets', {
      code: 'AS-N1',
      name: 'Nytt verksamhetssystem',
      type: 'IT_SYSTEM',
      orgUnitId: await t.unitId('ALF-ARB'),
      hosting: 'SWEDISH_SUPPLIER',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      status: 'PLANNED',
      containsPersonalData: false,
      allowedTransitions: ['PROCUREMENT', 'ACTIVE', 'RETIRED'],
    });
    planned = res.body.id;
    expectErrorBody(
      await t.as('nora.falk').post('/api/assets', {
        code: 'AS-N2',
        name: 'x',
        type: 'IT_SYSTEM',
        orgUnitId: await t.unitId('SK'),
      }),
      403,
      'PERMISSION_DENIED',
    );
    expectErrorBody(
      await t.as('nora.falk').post('/api/assets', {
        code: 'AS-N3',
        name: 'x',
        type: 'IT_SYSTEM',
        orgUnitId: await t.unitId('ALF'),
        assetOwnerId: await t.personId('nora.falk'),
      }),
      403,
      'OWNER_APPOINTMENT_FORBIDDEN',
    );
    expectErrorBody(
      await t.as('nora.falk').post('/api/assets', {
        code: 'AS-01',
        name: 'x',
        type: 'IT_SYSTEM',
        orgUnitId: await t.unitId('ALF'),
      }),
      409,
      'ASSET_CODE_TAKEN',
    );
    for (const user of ['emma.rahimi', 'petter.akesson', 'karin.vestberg', 'tove.granath']) {
      expectErrorBody(
        await t.as(user).post('/api/assets', {
          code: 'AS-X1',
          name: 'x',
          type: 'OTHER',
          orgUnitId: await t.unitId('IFF-UTR'),
        }),
        403,
        'PERMISSION_DENIED',
        { what: user },
      );
    }
    for (const bad of [
      { type: 'PROCESS', hosting: 'ON_PREMISES' },
      { type: 'IT_SYSTEM', subtype: 'BACKUP' },
    ]) {
      expect(
        (
          await t
            .as('nora.falk')
            .post('/api/assets', { code: 'AS-X2', name: 'x', orgUnitId: await t.unitId('ALF'), ...bad })
        ).status,
      ).toBe(400);
    }
  });

  it('BR-A4 and BR-A3 follow links: linking a set with Art. 9 data raises the flags; unlinking lowers them', async () => {
    const im16 = await setId('IM-16');
    const linked = await t.as('nora.falk').post(`/api/assets/${planned}/information-sets`, {
      informationSetId: im16,
      role: 'STORES',
      note: 'Deltagarakter',
    });
    expect(linked.status, JSON.stringify(linked.body)).toBe(201);
    expect(linked.body).toMatchObject({
      code: 'IM-16',
      role: 'STORES',
      note: 'Deltagarakter',
      details: { containsPersonalData: true, specialCategoryData: true },
    });
    expect((await t.as('nora.falk').get(`/api/assets/${planned}`)).body).toMatchObject({
      containsPersonalData: true,
      specialCategoryData: true,
    });
    expectErrorBody(
      await t
        .as('nora.falk')
        .post(`/api/assets/${planned}/information-sets`, { informationSetId: im16, role: 'PROCESSES' }),
      409,
      'ASSET_INFORMATION_LINK_EXISTS',
    );
    expectErrorBody(
      await t.as('nora.falk').post(`/api/assets/${planned}/information-sets`, {
        informationSetId: await setId('IM-01'),
        role: 'PROCESSES',
      }),
      404,
      'INFORMATION_SET_NOT_FOUND',
    );
    expectErrorBody(
      await t
        .as('nora.falk')
        .post(`/api/assets/${planned}/information-sets`, { informationSetId: im16, role: 'OWNS' }),
      400,
      'VALIDATION_FAILED',
    );
    const history = await t.as('nora.falk').get('/api/history', { entity: 'Asset', id: planned });
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'link-information-set',
    ]);
    const removed = await t.as('nora.falk').delete(`/api/assets/${planned}/information-sets/${im16}`);
    expect(removed.status).toBe(204);
    expect((await t.as('nora.falk').get(`/api/assets/${planned}`)).body).toMatchObject({
      containsPersonalData: false,
      specialCategoryData: false,
    });
    expectErrorBody(
      await t.as('nora.falk').delete(`/api/assets/${planned}/information-sets/${im16}`),
      404,
      'ASSET_INFORMATION_LINK_NOT_FOUND',
    );
  });

  it('a system manager gains and loses the sets of his asset with its links (asset_keeper_ids)', async () => {
    const im17 = await setId('IM-17');
    expectErrorBody(await t.as('daniel.nyberg').get(`/api/information-sets/${im17}`), 404);
    // helena.strand owns AS-01 but cannot see IM-17 (ALF): 404; the CISO links it.
    expectErrorBody(
      await t.as('helena.strand').post(`/api/assets/${await assetId('AS-01')}/information-sets`, {
        informationSetId: im17,
        role: 'PROCESSES',
      }),
      404,
      'INFORMATION_SET_NOT_FOUND',
    );
    expect(
      (
        await t.as('cecilia.lund').post(`/api/assets/${await assetId('AS-01')}/information-sets`, {
          informationSetId: im17,
          role: 'PROCESSES',
        })
      ).status,
    ).toBe(201);
    expect((await t.as('daniel.nyberg').get(`/api/information-sets/${im17}`)).body.view).toBe('FULL');
    expect(
      (await t.as('cecilia.lund').delete(`/api/assets/${await assetId('AS-01')}/information-sets/${im17}`))
        .status,
    ).toBe(204);
    expectErrorBody(await t.as('daniel.nyberg').get(`/api/information-sets/${im17}`), 404);
  });

  it('PLANNED → PROCUREMENT → ACTIVE → PHASE_OUT → RETIRED, each by who may take it', async () => {
    const step = async (user: string, to: string, version: number, reason?: string) =>
      t.as(user).post(`/api/assets/${planned}/transition`, { version, to, ...(reason ? { reason } : {}) });
    const proc = await step('nora.falk', 'PROCUREMENT', 1);
    expect(proc.status, JSON.stringify(proc.body)).toBe(200);
    expectErrorBody(await step('nora.falk', 'PLANNED', proc.body.version), 409, 'INVALID_TRANSITION');
    const active = await step('nora.falk', 'ACTIVE', proc.body.version);
    expect(active.body).toMatchObject({ status: 'ACTIVE', allowedTransitions: [] });
    expectErrorBody(await step('nora.falk', 'PHASE_OUT', active.body.version), 403, 'TRANSITION_FORBIDDEN');
    const out = await step('cecilia.lund', 'PHASE_OUT', active.body.version);
    expect(out.status).toBe(200);
    const retired = await step('cecilia.lund', 'RETIRED', out.body.version);
    expect(retired.body.status).toBe('RETIRED');
    expectErrorBody(
      await t.as('nora.falk').post(`/api/assets/${planned}/information-sets`, {
        informationSetId: await setId('IM-16'),
        role: 'STORES',
      }),
      409,
      'REGISTER_ROW_RETIRED',
    );
    const history = await t.as('cecilia.lund').get('/api/history', { entity: 'Asset', id: planned });
    expect(history.body.items.filter((e: { action: string }) => e.action === 'transition')).toHaveLength(4);
  });

  it('cancelled before use needs a reason; the owner takes the steps of the owner', async () => {
    const created = await t.as('helena.strand').post('/api/assets', {
      code: 'AS-H1',
      name: 'Planerat system',
      type: 'IT_SYSTEM',
      orgUnitId: await t.unitId('IFF-FOR'),
      assetOwnerId: await t.personId('lena.holmgren'),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expectErrorBody(
      await t
        .as('lena.holmgren')
        .post(`/api/assets/${created.body.id}/transition`, { version: 1, to: 'RETIRED' }),
      400,
      'REASON_REQUIRED',
    );
    const active = await t
      .as('lena.holmgren')
      .post(`/api/assets/${created.body.id}/transition`, { version: 1, to: 'ACTIVE' });
    expect(active.status, JSON.stringify(active.body)).toBe(200);
    const out = await t
      .as('lena.holmgren')
      .post(`/api/assets/${created.body.id}/transition`, { version: active.body.version, to: 'PHASE_OUT' });
    expect(out.body.status).toBe('PHASE_OUT');
    const cancel = await t.as('helena.strand').post('/api/assets', {
      code: 'AS-H2',
      name: 'Avbruten upphandling',
      type: 'IT_SYSTEM',
      orgUnitId: await t.unitId('IFF'),
    });
    const cancelled = await t.as('helena.strand').post(`/api/assets/${cancel.body.id}/transition`, {
      version: 1,
      to: 'RETIRED',
      reason: 'Upphandlingen avbröts',
    });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(403);
    const byCoordinator = await t.as('nora.falk').post(`/api/assets/${cancel.body.id}/transition`, {
      version: 1,
      to: 'RETIRED',
      reason: 'Upphandlingen avbröts',
    });
    expect(byCoordinator.body.status).toBe('RETIRED');
    expectErrorBody(
      await t.as('nora.falk').post(`/api/assets/${cancel.body.id}/transition`, { version: 2, to: 'NOWHERE' }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('BR-A5: the activation guards registered by other contexts block ACTIVE with their issues', async () => {
    const created = await t.as('nora.falk').post('/api/assets', {
      code: 'AS-G1',
      name: 'Bevakat system',
      type: 'IT_SYSTEM',
      orgUnitId: await t.unitId('ALF'),
    });
    t.app
      .get(AssetActivationGuards)
      .register('test', (_m, asset) =>
        Promise.resolve(
          asset.code === 'AS-G1' ? [{ code: 'RISK_ANALYSIS_MISSING', message: 'Riskanalys saknas.' }] : [],
        ),
      );
    const res = await t
      .as('nora.falk')
      .post(`/api/assets/${created.body.id}/transition`, { version: 1, to: 'ACTIVE' });
    expectErrorBody(res, 409, 'ASSET_ACTIVATION_BLOCKED');
    expect(res.body.details).toEqual([{ code: 'RISK_ANALYSIS_MISSING', message: 'Riskanalys saknas.' }]);
    expect((await t.as('nora.falk').get(`/api/assets/${created.body.id}`)).body).toMatchObject({
      status: 'PLANNED',
      version: 1,
    });
    // Other steps are not guarded.
    expect(
      (
        await t
          .as('nora.falk')
          .post(`/api/assets/${created.body.id}/transition`, { version: 1, to: 'PROCUREMENT' })
      ).status,
    ).toBe(200);
  });
});

describe('dependencies', () => {
  it('adds and removes a dependency; refuses itself, duplicates, cycles (with the cycle named)', async () => {
    const as17 = await assetId('AS-17');
    const added = await t.as('lars.oberg').post(`/api/assets/${as17}/dependencies`, {
      supportingAssetId: await assetId('AS-11'),
      note: 'Inloggning',
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.dependsOn).toEqual([
      {
        assetId: await assetId('AS-11'),
        code: 'AS-11',
        name: 'Katalogtjänst och identitetshantering',
        note: 'Inloggning',
      },
    ]);
    expectErrorBody(
      await t
        .as('lars.oberg')
        .post(`/api/assets/${as17}/dependencies`, { supportingAssetId: await assetId('AS-11') }),
      409,
      'ASSET_DEPENDENCY_EXISTS',
    );
    expectErrorBody(
      await t.as('lars.oberg').post(`/api/assets/${as17}/dependencies`, { supportingAssetId: as17 }),
      400,
      'ASSET_DEPENDENCY_SELF',
    );
    const direct = await t.as('cecilia.lund').post(`/api/assets/${await assetId('AS-15')}/dependencies`, {
      supportingAssetId: await assetId('AS-01'),
    });
    expectErrorBody(direct, 409, 'ASSET_DEPENDENCY_CYCLE');
    expect(direct.body.details).toEqual({ cycle: ['AS-15', 'AS-01', 'AS-15'] });
    const indirect = await t.as('cecilia.lund').post(`/api/assets/${await assetId('AS-15')}/dependencies`, {
      supportingAssetId: await assetId('AS-10'),
    });
    expect(indirect.body.details).toEqual({ cycle: ['AS-15', 'AS-10', 'AS-11', 'AS-15'] });
    expectErrorBody(
      await t.as('cecilia.lund').post(`/api/assets/${await assetId('AS-15')}/dependencies`, {
        supportingAssetId: await setId('IM-01'),
      }),
      404,
      'ASSET_NOT_FOUND',
    );
    expectErrorBody(
      await t
        .as('cecilia.lund')
        .post(`/api/assets/${await assetId('AS-15')}/dependencies`, { supportingAssetId: 'AS-01' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(
      (await t.as('lars.oberg').delete(`/api/assets/${as17}/dependencies/${await assetId('AS-11')}`)).status,
    ).toBe(204);
    expectErrorBody(
      await t.as('lars.oberg').delete(`/api/assets/${as17}/dependencies/${await assetId('AS-11')}`),
      404,
      'ASSET_DEPENDENCY_NOT_FOUND',
    );
    const history = await t.as('lars.oberg').get('/api/history', { entity: 'Asset', id: as17 });
    expect(history.body.items.map((e: { action: string }) => e.action).slice(-2)).toEqual([
      'add-dependency',
      'remove-dependency',
    ]);
  });

  it('only who may change the dependant adds a dependency; the supporting asset must be readable', async () => {
    expectErrorBody(
      await t.as('petter.akesson').post(`/api/assets/${await assetId('AS-01')}/dependencies`, {
        supportingAssetId: await assetId('AS-23'),
      }),
      403,
      'PERMISSION_DENIED',
    );
    expectErrorBody(
      await t.as('lena.holmgren').post(`/api/assets/${await assetId('AS-22')}/dependencies`, {
        supportingAssetId: await assetId('AS-15'),
      }),
      404,
      'ASSET_NOT_FOUND',
    );
    expectErrorBody(
      await t
        .as('emma.rahimi')
        .delete(`/api/assets/${await assetId('AS-01')}/dependencies/${await assetId('AS-11')}`),
      404,
      'ASSET_NOT_FOUND',
    );
  });
});
