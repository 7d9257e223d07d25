import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { expectErrorBody } from '../support/expect';
import {
  createAsset,
  createSet,
  depend,
  link,
  type FixtureAsset,
  type FixtureSet,
} from '../support/registers-fixture';

/*
 * Classification over HTTP (domain.md §4b): drafts, every transition and who may take it (per role;
 * 404 outside the scope), decided versions immutable, supersede, review flags and confirmation,
 * propagation to assets (BR-B2/BR-B3) with sources, overrides (D-55) and action plans (BR-B7).
 *
 * The register: T-IM-1 (IFF-UTR, owner petter.akesson) carried by T-AS-1 (IFF, owner helena.strand,
 * system manager daniel.nyberg), which depends on T-AS-2 (SK-DRIFT backup, owner maja.fredriksson).
 */

let t: TestApp;
let set: FixtureSet;
let app: FixtureAsset;
let backup: FixtureAsset;

const LEVELS = {
  levelK: 3,
  levelR: 3,
  levelT: 2,
  levelS: 3,
  rationaleK: 'Sekretess enligt 26 kap. 1 § OSL; känsliga personuppgifter om barn.',
  rationaleR: 'Underlag för beslut om insatser för barn.',
  rationaleT: 'Handläggningen klarar en arbetsdag med reservrutin.',
  rationaleS: 'Logguppföljning krävs för att upptäcka obehörig läsning.',
};

const create = (user: string, body: object) => t.as(user).post('/api/classifications', body);
const act = (user: string, id: string, step: string, body: object = {}) =>
  t.as(user).post(`/api/classifications/${id}/${step}`, body);
const protection = async (user = 'cecilia.lund', asset = app) => {
  const res = await t.as(user).get(`/api/assets/${asset.id}/protection`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as {
    classificationComplete: boolean;
    aspects: {
      aspect: string;
      effective: number | null;
      derived: number | null;
      basis: string;
      sources: { kind: string; code: string }[];
    }[];
  };
};
const effective = async (asset = app) =>
  Object.fromEntries((await protection('cecilia.lund', asset)).aspects.map((a) => [a.aspect, a.effective]));
const storedLevels = async (asset: FixtureAsset) => {
  const [row] = await t.dataSource.query(
    'SELECT effective_levels, derived_levels, classification_complete FROM asset WHERE id = $1',
    [asset.id],
  );
  return row as { effective_levels: object; derived_levels: object; classification_complete: boolean };
};

beforeAll(async () => {
  t = await startTestApp();
  set = await createSet(t, { code: 'T-IM-1', unit: 'IFF-UTR', owner: 'petter.akesson' });
  app = await createAsset(t, {
    code: 'T-AS-1',
    unit: 'IFF',
    owner: 'helena.strand',
    systemManager: 'daniel.nyberg',
  });
  backup = await createAsset(t, {
    code: 'T-AS-2',
    unit: 'SK-DRIFT',
    type: 'IT_COMPONENT',
    owner: 'maja.fredriksson',
  });
  await link(t, app, set);
  await depend(t, app, backup);
});
afterAll(() => t?.close());

describe('a draft', () => {
  let id: string;

  it('is created by the samordnare of the set’s unit; others are refused', async () => {
    // Outside her scope the set does not exist for amir.haddad; the owner and a medarbetare lack the right.
    expectErrorBody(
      await create('amir.haddad', { informationSetId: set.id }),
      404,
      'INFORMATION_SET_NOT_FOUND',
    );
    expectErrorBody(await create('petter.akesson', { informationSetId: set.id }), 403, 'PERMISSION_DENIED');
    expectErrorBody(await create('emma.rahimi', { informationSetId: set.id }), 403, 'PERMISSION_DENIED');
    expectErrorBody(await create('hugo.palm', { informationSetId: set.id }), 403, 'PERMISSION_DENIED');
    const res = await create('nora.falk', { informationSetId: set.id, levelK: 3 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'DRAFT',
      trigger: 'INITIAL',
      levelK: 3,
      levelR: null,
      modelVersion: 1,
    });
    expect(res.body.informationSetCode).toBe('T-IM-1');
    id = res.body.id;
    // One open classification per set.
    expectErrorBody(
      await create('cecilia.lund', { informationSetId: set.id }),
      409,
      'CLASSIFICATION_OPEN_EXISTS',
    );
  });

  it('refuses bad input with 400', async () => {
    expectErrorBody(
      await t.as('nora.falk').patch(`/api/classifications/${id}`, { levelK: 4 }),
      400,
      'VALIDATION_FAILED',
    );
    expectErrorBody(
      await t.as('nora.falk').patch(`/api/classifications/${id}`, { consequenceCategories: ['påhittad'] }),
      400,
      'CONSEQUENCE_CATEGORY_INVALID',
    );
    expectErrorBody(
      await t.as('nora.falk').patch(`/api/classifications/${id}`, { status: 'DECIDED' }),
      400,
      'VALIDATION_FAILED',
    );
    expectErrorBody(await create('nora.falk', { informationSetId: 'nope' }), 400, 'VALIDATION_FAILED');
  });

  it('is edited by the samordnare and the CISO only; the version guards concurrent edits', async () => {
    expectErrorBody(
      await t.as('amir.haddad').patch(`/api/classifications/${id}`, { levelR: 1 }),
      404,
      'CLASSIFICATION_NOT_FOUND',
    );
    expectErrorBody(
      await t.as('petter.akesson').patch(`/api/classifications/${id}`, { levelR: 1 }),
      403,
      'PERMISSION_DENIED',
    );
    expectErrorBody(
      await t.as('helena.strand').patch(`/api/classifications/${id}`, { levelR: 1 }),
      403,
      'PERMISSION_DENIED',
    );
    const res = await t.as('nora.falk').patch(`/api/classifications/${id}`, {
      ...LEVELS,
      consequenceCategories: ['personskada', 'skadat förtroende'],
      legalRefs: ['OSL 26 kap. 1 §'],
      version: 1,
    });
    expect(res.status).toBe(200);
    expect(res.body.aspects[0]).toMatchObject({
      aspect: 'K',
      aspectName: 'Konfidentialitet',
      level: 3,
      levelName: 'Allvarlig',
    });
    expectErrorBody(
      await t.as('cecilia.lund').patch(`/api/classifications/${id}`, { version: 1 }),
      409,
      'VERSION_CONFLICT',
    );
  });

  it('is proposed only with all levels and rationales; the owner cannot propose', async () => {
    await t.as('nora.falk').patch(`/api/classifications/${id}`, { rationaleT: null });
    const missing = await act('nora.falk', id, 'propose');
    expectErrorBody(missing, 400, 'CLASSIFICATION_RATIONALES_INCOMPLETE');
    expect(missing.body.details).toEqual([{ field: 'rationaleT', messages: [expect.any(String)] }]);
    await t.as('nora.falk').patch(`/api/classifications/${id}`, { rationaleT: LEVELS.rationaleT });
    expectErrorBody(await act('petter.akesson', id, 'propose'), 403, 'PERMISSION_DENIED');
    const res = await act('nora.falk', id, 'propose');
    expect(res.body).toMatchObject({ status: 'PROPOSED', proposedById: await t.personId('nora.falk') });
    // A proposal is no longer edited.
    expectErrorBody(
      await t.as('nora.falk').patch(`/api/classifications/${id}`, { levelK: 1 }),
      409,
      'CLASSIFICATION_NOT_EDITABLE',
    );
  });

  it('is returned by the owner only, with a comment, and proposed again', async () => {
    expectErrorBody(await act('nora.falk', id, 'return', { returnComment: 'x' }), 403, 'PERMISSION_DENIED');
    expectErrorBody(
      await act('cecilia.lund', id, 'return', { returnComment: 'x' }),
      403,
      'PERMISSION_DENIED',
    );
    expectErrorBody(
      await act('petter.akesson', id, 'return', { returnComment: ' ' }),
      400,
      'CLASSIFICATION_RETURN_COMMENT_REQUIRED',
    );
    expectErrorBody(await act('petter.akesson', id, 'return', {}), 400, 'VALIDATION_FAILED');
    const back = await act('petter.akesson', id, 'return', { returnComment: 'Motivera tillgängligheten.' });
    expect(back.body).toMatchObject({ status: 'DRAFT', returnComment: 'Motivera tillgängligheten.' });
    expect((await act('nora.falk', id, 'propose')).body).toMatchObject({
      status: 'PROPOSED',
      returnComment: null,
    });
  });

  it('is decided by the set’s owner only, with the diarienummer, valid 12 months; assets follow at once', async () => {
    // Not the CISO, not the samordnare, not the head of the unit, not the asset owner.
    for (const user of ['cecilia.lund', 'nora.falk', 'helena.strand']) {
      expectErrorBody(await act(user, id, 'decide', {}), 403, 'PERMISSION_DENIED', { what: user });
    }
    // Everyone may decide what they own, so outside the reach it is simply not found.
    for (const user of ['amir.haddad', 'emma.rahimi']) {
      expectErrorBody(await act(user, id, 'decide', {}), 404, 'CLASSIFICATION_NOT_FOUND', { what: user });
    }
    const res = await act('petter.akesson', id, 'decide', { diarienummer: 'SOCN 2026-00042 1.2.3' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'DECIDED',
      decidedById: await t.personId('petter.akesson'),
      decidedAt: '2026-11-16T09:00:00.000Z',
      diarienummer: 'SOCN 2026-00042 1.2.3',
      validUntil: '2027-11-16',
      reviewState: 'CURRENT',
      supersedesId: null,
    });
    expect(await effective()).toEqual({ K: 3, R: 3, T: 2, S: 3 });
    // The backup carries what depends on it (D-13); both are stored, and complete.
    expect(await effective(backup)).toEqual({ K: 3, R: 3, T: 2, S: 3 });
    expect(await storedLevels(backup)).toEqual({
      effective_levels: { K: 3, R: 3, T: 2, S: 3 },
      derived_levels: { K: 3, R: 3, T: 2, S: 3 },
      classification_complete: true,
    });
    const k = (await protection()).aspects[0];
    expect(k).toMatchObject({ derived: 3, effective: 3, basis: 'DERIVED' });
    expect(k.sources).toEqual([
      expect.objectContaining({ kind: 'INFORMATION_SET', code: 'T-IM-1', level: 3 }),
    ]);
    expect((await protection('cecilia.lund', backup)).aspects[0].sources).toEqual([
      expect.objectContaining({ kind: 'DEPENDANT_ASSET', code: 'T-AS-1' }),
    ]);
    // The set points at its decision in force (4a).
    const [s] = await t.dataSource.query(
      `SELECT classification_id, to_char(classification_due_at, 'YYYY-MM-DD') AS classification_due_at
         FROM information_set WHERE id = $1`,
      [set.id],
    );
    expect(s.classification_id).toBe(id);
    expect(s.classification_due_at).toBe('2027-11-16');
  });

  it('is immutable once decided: the API refuses and so does the database', async () => {
    expectErrorBody(
      await t.as('nora.falk').patch(`/api/classifications/${id}`, { levelK: 1 }),
      409,
      'CLASSIFICATION_NOT_EDITABLE',
    );
    expectErrorBody(await act('petter.akesson', id, 'decide', {}), 409, 'CLASSIFICATION_WRONG_STATUS');
    expectErrorBody(
      await act('nora.falk', id, 'cancel', { reason: 'x' }),
      409,
      'CLASSIFICATION_WRONG_STATUS',
    );
    await expect(
      t.dataSource.query('UPDATE classification SET level_k = 1 WHERE id = $1', [id]),
    ).rejects.toThrow(/cannot be changed/);
    await expect(t.dataSource.query('DELETE FROM classification WHERE id = $1', [id])).rejects.toThrow(
      /cannot be deleted/,
    );
  });

  it('is read by the owner, the asset’s keepers, the unit’s roles and the auditor; not elsewhere', async () => {
    for (const user of [
      'petter.akesson',
      'helena.strand',
      'daniel.nyberg',
      'karin.vestberg',
      'hugo.palm',
      'nora.falk',
    ]) {
      expect((await t.as(user).get(`/api/classifications/${id}`)).status, user).toBe(200);
    }
    for (const user of ['amir.haddad', 'emma.rahimi', 'maria.ek', 'gunnar.alm', 'lars.oberg']) {
      const res = await t.as(user).get(`/api/classifications/${id}`);
      expect([403, 404], user).toContain(res.status);
    }
    expectErrorBody(
      await t.as('amir.haddad').get(`/api/classifications/${id}`),
      404,
      'CLASSIFICATION_NOT_FOUND',
    );
    expectErrorBody(
      await t.as('emma.rahimi').get(`/api/classifications/${id}`),
      404,
      'CLASSIFICATION_NOT_FOUND',
    );
    // Every account may read what it owns, so the förtroendevald, too, is told "not found".
    expectErrorBody(
      await t.as('gunnar.alm').get(`/api/classifications/${id}`),
      404,
      'CLASSIFICATION_NOT_FOUND',
    );
  });

  it('writes its decisions into the history, scoped like the classification', async () => {
    const res = await t.as('nora.falk').get('/api/history', { entity: 'Classification', id });
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'update',
      'update',
      'update',
      'propose',
      'return',
      'propose',
      'decide',
    ]);
    expect((await t.as('amir.haddad').get('/api/history', { entity: 'Classification', id })).status).toBe(
      404,
    );
  });
});

describe('a new decision of the same set', () => {
  it('supersedes the one in force and moves the assets', async () => {
    const [{ id: first }] = await t.dataSource.query(
      `SELECT id FROM classification WHERE information_set_id = $1 AND status = 'DECIDED'`,
      [set.id],
    );
    const draft = await create('nora.falk', { informationSetId: set.id, ...LEVELS, levelT: 3 });
    expect(draft.body.trigger).toBe('PERIODIC');
    await act('nora.falk', draft.body.id, 'propose');
    const second = await act('petter.akesson', draft.body.id, 'decide', {});
    expect(second.body).toMatchObject({ status: 'DECIDED', supersedesId: first, diarienummer: null });
    expect((await t.as('nora.falk').get(`/api/classifications/${first}`)).body.status).toBe('SUPERSEDED');
    expect((await effective()).T).toBe(3);
    const list = await t.as('nora.falk').get('/api/classifications', { informationSetId: set.id });
    expect(list.body.items.map((c: { status: string }) => c.status).sort()).toEqual([
      'DECIDED',
      'SUPERSEDED',
    ]);
    const history = await t.as('nora.falk').get('/api/history', { entity: 'Classification', id: first });
    expect(history.body.items.at(-1).action).toBe('supersede');
  });

  it('cancels a draft with a reason (samordnare, CISO)', async () => {
    const draft = await create('nora.falk', { informationSetId: set.id });
    expectErrorBody(
      await act('nora.falk', draft.body.id, 'cancel', { reason: '' }),
      400,
      'CLASSIFICATION_CANCEL_REASON_REQUIRED',
    );
    expectErrorBody(
      await act('petter.akesson', draft.body.id, 'cancel', { reason: 'x' }),
      403,
      'PERMISSION_DENIED',
    );
    const res = await act('cecilia.lund', draft.body.id, 'cancel', { reason: 'Påbörjad av misstag' });
    expect(res.body).toMatchObject({ status: 'CANCELLED', cancelReason: 'Påbörjad av misstag' });
  });
});

describe('review flags (BR-B5, D-54)', () => {
  it('a flagged decision is due; the owner confirms it unchanged and validUntil stays', async () => {
    const [{ id, valid_until: validUntil }] = await t.dataSource.query(
      `SELECT id, to_char(valid_until, 'YYYY-MM-DD') AS valid_until FROM classification
        WHERE information_set_id = $1 AND status = 'DECIDED'`,
      [set.id],
    );
    expectErrorBody(await act('petter.akesson', id, 'confirm-unchanged'), 409, 'CLASSIFICATION_NOT_FLAGGED');
    await t.dataSource.query(
      `UPDATE classification SET review_flagged_at = '2026-11-10T10:00:00Z', review_flag_reason = 'INCIDENT' WHERE id = $1`,
      [id],
    );
    const due = await t.as('nora.falk').get('/api/classifications', { due: true });
    expect(due.body.items.map((c: { id: string }) => c.id)).toContain(id);
    expect(due.body.items.find((c: { id: string }) => c.id === id).reviewState).toBe('FLAGGED');
    expectErrorBody(await act('nora.falk', id, 'confirm-unchanged'), 403, 'PERMISSION_DENIED');
    const res = await act('petter.akesson', id, 'confirm-unchanged');
    expect(res.body).toMatchObject({
      reviewFlaggedAt: null,
      reviewFlagReason: null,
      confirmedUnchangedById: await t.personId('petter.akesson'),
      confirmedUnchangedAt: '2026-11-16T09:00:00.000Z',
      validUntil,
      status: 'DECIDED',
    });
    const after = await t.as('nora.falk').get('/api/classifications', { due: true });
    expect(after.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
  });

  it('lists overdue decisions by validUntil (a date is the end of that day, Stockholm)', async () => {
    const old = await createSet(t, { code: 'T-IM-OLD', unit: 'IFF-FOR', owner: 'lena.holmgren' });
    const draft = await create('nora.falk', { informationSetId: old.id, ...LEVELS });
    await act('nora.falk', draft.body.id, 'propose');
    t.clock.set(new Date('2025-11-15T12:00:00Z'));
    try {
      expect((await act('lena.holmgren', draft.body.id, 'decide', {})).body.validUntil).toBe('2026-11-15');
    } finally {
      t.clock.set(new Date('2026-11-16T09:00:00Z'));
    }
    const overdue = await t.as('nora.falk').get('/api/classifications', { overdue: true });
    // The demo's two overdue IFF-FOR decisions (§6.3) and the new one.
    expect(overdue.body.items.map((c: { informationSetCode: string }) => c.informationSetCode)).toEqual([
      'IM-12',
      'IM-13',
      'T-IM-OLD',
    ]);
    expect(overdue.body.items.map((c: { reviewState: string }) => c.reviewState)).toEqual([
      'OVERDUE',
      'OVERDUE',
      'OVERDUE',
    ]);
    // Another coordinator sees the overdue decisions of her own units only (KLF: IM-02, IM-04).
    const amir = await t.as('amir.haddad').get('/api/classifications', { overdue: true });
    expect(amir.body.items.map((c: { informationSetCode: string }) => c.informationSetCode)).toEqual([
      'IM-02',
      'IM-04',
    ]);
  });
});

describe('special handling (level 4, BR-B6)', () => {
  it('the owner sends a set to special handling: no levels, counts as classified, assets lose its levels', async () => {
    const secret = await createSet(t, { code: 'T-IM-SEC', unit: 'IFF', owner: 'helena.strand' });
    const vault = await createAsset(t, {
      code: 'T-AS-SEC',
      unit: 'IFF',
      type: 'PHYSICAL_STORAGE',
      owner: 'helena.strand',
    });
    await link(t, vault, secret);
    const draft = await create('nora.falk', { informationSetId: secret.id, levelK: 3 });
    expectErrorBody(await act('nora.falk', draft.body.id, 'special-handling', {}), 403, 'PERMISSION_DENIED');
    const res = await act('helena.strand', draft.body.id, 'special-handling', {
      diarienummer: 'SOCN 2026-00099',
    });
    expect(res.body).toMatchObject({
      status: 'SPECIAL_HANDLING',
      specialHandling: true,
      levelK: null,
      decidedById: await t.personId('helena.strand'),
      validUntil: '2027-11-16',
    });
    const p = await protection('cecilia.lund', vault);
    expect(p.classificationComplete).toBe(true);
    expect(p.aspects.map((a) => a.effective)).toEqual([null, null, null, null]);
    const history = await t
      .as('cecilia.lund')
      .get('/api/history', { entity: 'Classification', id: draft.body.id });
    expect(history.body.items.at(-1)).toMatchObject({ action: 'special-handling' });
  });
});

describe('overrides (BR-B4, D-55)', () => {
  const overrides = (user: string, body: object) => t.as(user).post(`/api/assets/${app.id}/overrides`, body);
  const raise = {
    aspect: 'S',
    level: 3,
    direction: 'RAISE',
    reasonType: 'AGGREGATION',
    reason: 'Många akter samlas här.',
  };

  it('a RAISE by the asset owner is in force at once and shows as RAISED', async () => {
    expectErrorBody(await overrides('petter.akesson', raise), 403, 'PERMISSION_DENIED');
    expectErrorBody(await overrides('amir.haddad', raise), 404, 'ASSET_NOT_FOUND');
    expectErrorBody(
      await overrides('helena.strand', { ...raise, reason: ' ' }),
      400,
      'OVERRIDE_REASON_REQUIRED',
    );
    expectErrorBody(await overrides('helena.strand', { ...raise, level: 4 }), 400, 'VALIDATION_FAILED');
    // T is 3 already (derived): an equal RAISE is in force but changes nothing.
    const res = await overrides('helena.strand', { ...raise, aspect: 'T', level: 3 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'ACTIVE', direction: 'RAISE' });
    expect((await protection()).aspects[2]).toMatchObject({ derived: 3, effective: 3, basis: 'DERIVED' });
  });

  it('a LOWER is REQUESTED until the CISO approves; then it caps the level; withdrawing restores it', async () => {
    const lower = {
      aspect: 'K',
      level: 2,
      direction: 'LOWER',
      reasonType: 'SEGREGATION',
      reason: 'Segregerad miljö.',
    };
    expectErrorBody(await overrides('helena.strand', lower), 400, 'OVERRIDE_VALID_UNTIL_REQUIRED');
    expectErrorBody(
      await overrides('helena.strand', { ...lower, validUntil: '2027-12-31' }),
      400,
      'OVERRIDE_VALID_UNTIL_INVALID',
    );
    const res = await overrides('helena.strand', { ...lower, validUntil: '2027-06-30' });
    expect(res.body.status).toBe('REQUESTED');
    expect((await effective()).K).toBe(3);
    const id = res.body.id;
    const path = (step: string) => `/api/assets/${app.id}/overrides/${id}/${step}`;
    for (const user of ['helena.strand', 'nora.falk', 'petter.akesson']) {
      expectErrorBody(await t.as(user).post(path('approve')), 403, 'PERMISSION_DENIED', { what: user });
    }
    expect((await t.as('cecilia.lund').post(path('approve'))).body).toMatchObject({
      status: 'ACTIVE',
      approvedById: await t.personId('cecilia.lund'),
    });
    const k = (await protection()).aspects[0];
    expect(k).toMatchObject({ derived: 3, effective: 2, basis: 'LOWERED' });
    // The capped level travels to what supports the asset.
    expect((await effective(backup)).K).toBe(2);
    expectErrorBody(await t.as('cecilia.lund').post(path('approve')), 409, 'OVERRIDE_WRONG_STATUS');
    expectErrorBody(await t.as('maja.fredriksson').post(path('withdraw')), 404, 'OVERRIDE_NOT_FOUND');
    expect((await t.as('helena.strand').post(path('withdraw'))).body.status).toBe('WITHDRAWN');
    expect((await effective()).K).toBe(3);
    const history = await t.as('cecilia.lund').get('/api/history', { entity: 'ProtectionOverride', id });
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual([
      'request-lower',
      'approve',
      'withdraw',
    ]);
  });

  it('the CISO rejects a request with a reason', async () => {
    const res = await overrides('helena.strand', {
      aspect: 'R',
      level: 1,
      direction: 'LOWER',
      reasonType: 'OTHER',
      reason: 'Prov',
      validUntil: '2027-01-31',
    });
    const path = `/api/assets/${app.id}/overrides/${res.body.id}/reject`;
    expectErrorBody(await t.as('cecilia.lund').post(path, { reason: '' }), 400, 'OVERRIDE_REASON_REQUIRED');
    expect((await t.as('cecilia.lund').post(path, { reason: 'Inte motiverat' })).body).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'Inte motiverat',
    });
    const list = await t.as('helena.strand').get(`/api/assets/${app.id}/overrides`);
    expect(list.body.items.map((o: { status: string }) => o.status).sort()).toEqual([
      'ACTIVE',
      'REJECTED',
      'WITHDRAWN',
    ]);
    // The system manager reads the asset's overrides; a unit outside does not.
    expect((await t.as('daniel.nyberg').get(`/api/assets/${app.id}/overrides`)).body.items).toHaveLength(3);
    expectErrorBody(await t.as('amir.haddad').get(`/api/assets/${app.id}/overrides`), 404, 'ASSET_NOT_FOUND');
  });

  it('an expired LOWER no longer caps (the system expires it)', async () => {
    const res = await overrides('helena.strand', {
      aspect: 'S',
      level: 1,
      direction: 'LOWER',
      reasonType: 'OTHER',
      reason: 'Kort undantag',
      validUntil: '2026-11-20',
    });
    await t.as('cecilia.lund').post(`/api/assets/${app.id}/overrides/${res.body.id}/approve`);
    expect((await effective()).S).toBe(1);
    // Time passes: its last day was yesterday (end of day, Stockholm).
    await t.dataSource.query(`UPDATE protection_override SET valid_until = '2026-11-15' WHERE id = $1`, [
      res.body.id,
    ]);
    expect((await effective()).S).toBe(3);
    // The next recalculation marks it EXPIRED.
    await overrides('helena.strand', { ...raise, aspect: 'R' });
    const list = await t.as('helena.strand').get(`/api/assets/${app.id}/overrides`);
    expect(list.body.items.find((o: { id: string }) => o.id === res.body.id).status).toBe('EXPIRED');
  });
});

describe('action plans (BR-B7)', () => {
  let itemId: string;

  it('is started for an asset with levels and lists the requirements with their texts', async () => {
    expectErrorBody(
      await t.as('emma.rahimi').post('/api/action-plans', { assetId: app.id }),
      404,
      'ASSET_NOT_FOUND',
    );
    // The DPO reads the asset but does not keep its plan.
    expectErrorBody(
      await t.as('karin.vestberg').post('/api/action-plans', { assetId: app.id }),
      403,
      'PERMISSION_DENIED',
    );
    expectErrorBody(
      await t.as('amir.haddad').post('/api/action-plans', { assetId: app.id }),
      404,
      'ASSET_NOT_FOUND',
    );
    const res = await t.as('helena.strand').post('/api/action-plans', { assetId: app.id });
    expect(res.status).toBe(201);
    const codes = res.body.items.map((i: { requirementCode: string }) => i.requirementCode);
    expect(codes).toEqual(expect.arrayContaining(['VG-A1-01', 'VG-K3-04', 'VG-T3-03', 'VG-S3-02']));
    expect(new Set(codes).size).toBe(codes.length);
    expect(res.body.fulfilment).toBe(0);
    const item = res.body.items.find((i: { requirementCode: string }) => i.requirementCode === 'VG-K3-04');
    expect(item).toMatchObject({ status: 'NOT_MET', annexARefs: ['8.5'], aspect: 'K', minLevel: 3 });
    itemId = item.id;
    expectErrorBody(
      await t.as('helena.strand').post('/api/action-plans', { assetId: app.id }),
      409,
      'ACTION_PLAN_EXISTS',
    );
  });

  it('is assessed by the system manager and the asset owner; NOT_APPLICABLE needs a reason', async () => {
    expectErrorBody(
      await t.as('emma.rahimi').patch(`/api/action-plans/${itemId}`, { status: 'MET' }),
      404,
      'ACTION_PLAN_ITEM_NOT_FOUND',
    );
    expectErrorBody(
      await t.as('karin.vestberg').patch(`/api/action-plans/${itemId}`, { status: 'MET' }),
      403,
      'PERMISSION_DENIED',
    );
    expectErrorBody(
      await t.as('amir.haddad').patch(`/api/action-plans/${itemId}`, { status: 'MET' }),
      404,
      'ACTION_PLAN_ITEM_NOT_FOUND',
    );
    expectErrorBody(
      await t.as('daniel.nyberg').patch(`/api/action-plans/${itemId}`, { status: 'NOT_APPLICABLE' }),
      400,
      'NOT_APPLICABLE_REASON_REQUIRED',
    );
    const res = await t.as('daniel.nyberg').patch(`/api/action-plans/${itemId}`, {
      status: 'MET',
      how: 'BankID via kommunens IdP för all inloggning.',
      dueDate: '2027-03-31',
    });
    expect(res.body).toMatchObject({
      status: 'MET',
      assessedById: await t.personId('daniel.nyberg'),
      dueDate: '2027-03-31',
    });
    const plan = await t.as('helena.strand').get('/api/action-plans', { assetId: app.id });
    expect(plan.body.fulfilment).toBeGreaterThan(0);
  });

  it('follows a level change: lowered requirements become NOT_APPLICABLE "nivå sänkt", statuses kept', async () => {
    const res = await t.as('helena.strand').post(`/api/assets/${app.id}/overrides`, {
      aspect: 'K',
      level: 2,
      direction: 'LOWER',
      reasonType: 'SEGREGATION',
      reason: 'Segregerad miljö.',
      validUntil: '2027-06-30',
    });
    await t.as('cecilia.lund').post(`/api/assets/${app.id}/overrides/${res.body.id}/approve`);
    const plan = await t.as('helena.strand').get('/api/action-plans', { assetId: app.id });
    const k3 = plan.body.items.find((i: { requirementCode: string }) => i.requirementCode === 'VG-K3-04');
    expect(k3).toMatchObject({
      status: 'NOT_APPLICABLE',
      notApplicableReason: 'nivå sänkt',
      how: expect.any(String),
    });
    await t.as('helena.strand').post(`/api/assets/${app.id}/overrides/${res.body.id}/withdraw`);
    const again = await t.as('helena.strand').get('/api/action-plans', { assetId: app.id });
    expect(
      again.body.items.find((i: { requirementCode: string }) => i.requirementCode === 'VG-K3-04').status,
    ).toBe('NOT_MET');
  });
});
