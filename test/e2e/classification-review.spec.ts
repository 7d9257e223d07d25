import { ClassificationReviewService } from '@varna/classification';
import { DEMO_NOW } from '@varna/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { expectErrorBody } from '../support/expect';
import { report } from '../support/incidents';
import {
  createAsset,
  createSet,
  link,
  type FixtureAsset,
  type FixtureSet,
} from '../support/registers-fixture';

/*
 * Review of classifications (domain.md §4b BR-B5, D-54): the change flags (a link to a more exposed
 * system, an asset that becomes exposed, a closed incident BR-D7, the CISO's legal change and the
 * manual flag), the review tasks as in-app notifications from an idempotent job step, the BR-A6
 * routing to the säkerhetsskyddschef (D-68), and K26 Handlingsplansuppfyllnad (no demo value, §6.11:
 * the fixtures below are the test's own).
 *
 * Every set is in IFF-UTR, owned by petter.akesson; nora.falk coordinates IFF; cecilia.lund is the CISO.
 */

let t: TestApp;
let reviews: ClassificationReviewService;

const LEVELS = {
  levelK: 2,
  levelR: 2,
  levelT: 1,
  levelS: 2,
  rationaleK: 'Uppgifter om enskildas förhållanden.',
  rationaleR: 'Underlag för beslut.',
  rationaleT: 'Reservrutin finns.',
  rationaleS: 'Loggning krävs.',
};

interface Classification {
  id: string;
  version: number;
  reviewFlaggedAt: string | null;
  reviewFlagReason: string | null;
  reviewFlagNote: string | null;
  reviewState: string | null;
  validUntil: string | null;
}

/** A set of IFF-UTR with a decision in force (drafted by nora.falk, decided by petter.akesson). */
async function decidedSet(code: string, unit = 'IFF-UTR', coordinator = 'nora.falk'): Promise<FixtureSet> {
  const set = await createSet(t, { code, unit, owner: 'petter.akesson' });
  const draft = await t.as(coordinator).post('/api/classifications', { informationSetId: set.id, ...LEVELS });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  const proposed = await t.as(coordinator).post(`/api/classifications/${draft.body.id}/propose`, {});
  expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);
  const decided = await t.as('petter.akesson').post(`/api/classifications/${draft.body.id}/decide`, {});
  expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  return set;
}

/** The set's decision in force as the CISO reads it. */
async function inForce(set: FixtureSet): Promise<Classification> {
  const res = await t.as('cecilia.lund').get('/api/classifications', { informationSetId: set.id });
  expect(res.status).toBe(200);
  const found = (res.body.items as (Classification & { status: string })[]).find((c) =>
    ['DECIDED', 'SPECIAL_HANDLING'].includes(c.status),
  );
  if (!found) throw new Error(`no decision in force for ${set.code}`);
  return found;
}

async function confirm(set: FixtureSet): Promise<void> {
  const c = await inForce(set);
  const res = await t.as('petter.akesson').post(`/api/classifications/${c.id}/confirm-unchanged`, {});
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function exposedAsset(code: string, hosting: string | null, internetExposed: boolean) {
  const asset = await createAsset(t, { code, unit: 'IFF', owner: 'helena.strand' });
  await t.dataSource.query('UPDATE asset SET hosting = $2, internet_exposed = $3 WHERE id = $1', [
    asset.id,
    hosting,
    internetExposed,
  ]);
  return asset;
}

const linkByApi = async (asset: FixtureAsset, set: FixtureSet) => {
  const res = await t
    .as('cecilia.lund')
    .post(`/api/assets/${asset.id}/information-sets`, { informationSetId: set.id, role: 'STORES' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
};

const historyOf = async (classificationId: string) =>
  (
    await t.dataSource.query<{ action: string; reason: string | null; actor_roles: string[] }[]>(
      `SELECT action, reason, actor_roles FROM history_entry WHERE entity_id = $1 ORDER BY seq`,
      [classificationId],
    )
  ).filter((h) => h.action === 'flag-for-review');

/** Notifications about a set, as `kind username`, sorted. */
async function notified(setId: string): Promise<string[]> {
  const rows = await t.dataSource.query<{ kind: string; username: string }[]>(
    `SELECT n.kind, p.username FROM notification n JOIN person p ON p.id = n.recipient_id
      WHERE n.subject_id = $1 ORDER BY 1, 2`,
    [setId],
  );
  return rows.map((r) => `${r.kind} ${r.username}`);
}

beforeAll(async () => {
  t = await startTestApp({ config: { sessionTtlMinutes: 800 * 24 * 60 } });
  reviews = t.app.get(ClassificationReviewService);
});
afterAll(() => t?.close());
afterEach(() => t.clock.set(DEMO_NOW));

describe('BR-B5 NEW_ASSET_LINK', () => {
  it('a link to an exposed system flags the decision unless a carrier is already as exposed', async () => {
    const set = await decidedSet('T-RV-1');
    const internal = await exposedAsset('T-RVA-1', 'ON_PREMISES', false);
    const web = await exposedAsset('T-RVA-2', 'SWEDISH_SUPPLIER', true);
    const web2 = await exposedAsset('T-RVA-3', 'EU_SUPPLIER', true);

    await linkByApi(internal, set);
    expect((await inForce(set)).reviewFlaggedAt).toBeNull();

    await linkByApi(web, set);
    const flagged = await inForce(set);
    expect(flagged).toMatchObject({
      reviewFlagReason: 'NEW_ASSET_LINK',
      reviewFlaggedAt: DEMO_NOW.toISOString(),
      reviewState: 'FLAGGED',
      reviewFlagNote: null,
    });
    expect(await historyOf(flagged.id)).toEqual([
      { action: 'flag-for-review', reason: 'NEW_ASSET_LINK', actor_roles: ['SYSTEM'] },
    ]);

    // Confirmed unchanged: another internet-facing system adds no exposure the set did not have.
    await confirm(set);
    await linkByApi(web2, set);
    expect((await inForce(set)).reviewFlaggedAt).toBeNull();
  });

  it('an asset that becomes exposed (PATCH hosting) flags the sets it carries, in the same request', async () => {
    const set = await decidedSet('T-RV-2');
    const other = await decidedSet('T-RV-3');
    const system = await exposedAsset('T-RVA-4', 'ON_PREMISES', false);
    const abroad = await exposedAsset('T-RVA-5', 'THIRD_COUNTRY', false);
    await link(t, system, set);
    await link(t, system, other);
    // `other` is already carried by a third-country system: moving `system` abroad adds nothing to it.
    await link(t, abroad, other);

    const read = await t.as('cecilia.lund').get(`/api/assets/${system.id}`);
    // A change of name only is no exposure.
    let res = await t
      .as('cecilia.lund')
      .patch(`/api/assets/${system.id}`, { version: read.body.version, name: 'Nytt namn' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await inForce(set)).reviewFlaggedAt).toBeNull();

    res = await t
      .as('cecilia.lund')
      .patch(`/api/assets/${system.id}`, { version: res.body.version, hosting: 'THIRD_COUNTRY' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await inForce(set)).reviewFlagReason).toBe('NEW_ASSET_LINK');
    expect((await inForce(other)).reviewFlaggedAt).toBeNull();

    // Internet exposure is a new exposure for both sets.
    await confirm(set);
    res = await t
      .as('cecilia.lund')
      .patch(`/api/assets/${system.id}`, { version: res.body.version, internetExposed: true });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await inForce(set)).reviewFlagReason).toBe('NEW_ASSET_LINK');
    expect((await inForce(other)).reviewFlagReason).toBe('NEW_ASSET_LINK');
  });
});

describe('BR-D7 closing an incident', () => {
  async function closeIncident(body: { aspectsAffected: string[]; assetIds: string[]; setIds: string[] }) {
    const incident = await report(t, 'emma.rahimi', {
      description: 'Obehörig åtkomst till verksamhetssystemet.',
      orgUnitId: await t.unitId('IFF-UTR'),
    });
    let res = await t.as('nora.falk').post(`/api/incidents/${incident.id}/triage`, {
      version: 1,
      type: 'INFOSEC_INCIDENT',
      severity: 'LOW',
      personalDataInvolved: 'NO',
      aspectsAffected: body.aspectsAffected,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    res = await t.as('nora.falk').patch(`/api/incidents/${incident.id}`, {
      version: res.body.version,
      assetIds: body.assetIds,
      informationSetIds: body.setIds,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    for (const to of ['INVESTIGATING', 'ACTIONS', 'CLOSED']) {
      res = await t.as('nora.falk').post(`/api/incidents/${incident.id}/transition`, {
        version: res.body.version,
        to,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    return incident.id;
  }

  it('flags the linked sets and the sets of the linked assets; the timeline names them', async () => {
    const direct = await decidedSet('T-RV-4');
    const carried = await decidedSet('T-RV-5');
    const untouched = await decidedSet('T-RV-6');
    const asset = await createAsset(t, { code: 'T-RVA-6', unit: 'IFF', owner: 'helena.strand' });
    await link(t, asset, carried);

    const id = await closeIncident({ aspectsAffected: ['K'], assetIds: [asset.id], setIds: [direct.id] });
    expect((await inForce(direct)).reviewFlagReason).toBe('INCIDENT');
    expect((await inForce(carried)).reviewFlagReason).toBe('INCIDENT');
    expect((await inForce(untouched)).reviewFlaggedAt).toBeNull();

    const timeline = await t.as('nora.falk').get(`/api/incidents/${id}/timeline`);
    expect(timeline.status).toBe(200);
    const entries = (timeline.body.items ?? timeline.body) as { kind: string; text: string; data: object }[];
    const entry = entries.find((e) => e.kind === 'CLASSIFICATION_FLAGGED');
    expect(entry?.text).toBe('Klassningen av T-RV-4, T-RV-5 flaggades för omprövning (BR-D7).');
    expect(entries.map((e) => e.kind).slice(-2)).toEqual(['STATUS_CHANGED', 'CLASSIFICATION_FLAGGED']);
  });

  it('flags nothing when no aspect was affected', async () => {
    const set = await decidedSet('T-RV-7');
    const id = await closeIncident({ aspectsAffected: [], assetIds: [], setIds: [set.id] });
    expect((await inForce(set)).reviewFlaggedAt).toBeNull();
    const timeline = await t.as('nora.falk').get(`/api/incidents/${id}/timeline`);
    const entries = (timeline.body.items ?? timeline.body) as { kind: string }[];
    expect(entries.some((e) => e.kind === 'CLASSIFICATION_FLAGGED')).toBe(false);
  });
});

describe('POST /api/classifications/flag-review', () => {
  const flag = (user: string, body: object) => t.as(user).post('/api/classifications/flag-review', body);
  let a: FixtureSet;
  let b: FixtureSet;
  let undecided: FixtureSet;
  let elsewhere: FixtureSet;

  beforeAll(async () => {
    a = await decidedSet('T-RV-8');
    b = await decidedSet('T-RV-9');
    undecided = await createSet(t, { code: 'T-RV-10', unit: 'IFF-UTR', owner: 'petter.akesson' });
    elsewhere = await decidedSet('T-RV-11', 'GSF-EKB', 'sofia.lindahl');
  });

  it('refuses bad input with 400', async () => {
    const ok = { reason: 'MANUAL', note: 'Ny rutin.', informationSetIds: [a.id] };
    for (const body of [
      { ...ok, reason: 'INCIDENT' },
      { ...ok, note: '' },
      { ...ok, note: 'x'.repeat(2001) },
      { ...ok, informationSetIds: [] },
      { ...ok, informationSetIds: ['not-a-uuid'] },
      { ...ok, informationSetIds: Array.from({ length: 501 }, () => a.id) },
      { ...ok, extra: true },
    ]) {
      expectErrorBody(await flag('cecilia.lund', body), 400, 'VALIDATION_FAILED');
    }
    expectErrorBody(await flag('cecilia.lund', { ...ok, note: '   ' }), 400, 'NOTE_REQUIRED');
    expect((await inForce(a)).reviewFlaggedAt).toBeNull();
  });

  it('LEGAL_CHANGE is the CISO’s; the note shows on the classification and clears with the flag', async () => {
    const body = {
      reason: 'LEGAL_CHANGE',
      note: 'Ny lag om skydd för barns uppgifter gäller från 2027-01-01.',
      informationSetIds: [a.id, undecided.id, a.id],
    };
    expectErrorBody(await flag('nora.falk', body), 403, 'PERMISSION_DENIED');
    expectErrorBody(await flag('petter.akesson', body), 403, 'PERMISSION_DENIED');
    const res = await flag('cecilia.lund', body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const c = await inForce(a);
    expect(res.body).toEqual({
      flagged: [c.id],
      skipped: [{ informationSetId: undecided.id, reason: 'NO_DECISION_IN_FORCE' }],
    });
    expect(c).toMatchObject({ reviewFlagReason: 'LEGAL_CHANGE', reviewFlagNote: body.note });
    expect(await historyOf(c.id)).toEqual([
      { action: 'flag-for-review', reason: `LEGAL_CHANGE: ${body.note}`, actor_roles: ['CISO'] },
    ]);
    // Flagged already: skipped, the first flag stays.
    const again = await flag('cecilia.lund', { ...body, reason: 'MANUAL', informationSetIds: [a.id] });
    expect(again.body).toEqual({
      flagged: [],
      skipped: [{ informationSetId: a.id, reason: 'ALREADY_FLAGGED' }],
    });
    await confirm(a);
    expect(await inForce(a)).toMatchObject({ reviewFlaggedAt: null, reviewFlagNote: null });
  });

  it('MANUAL by a samordnare within the own scope; a set out of reach is 404 and nothing is written', async () => {
    const body = {
      reason: 'MANUAL',
      note: 'Verksamheten har ändrats.',
      informationSetIds: [b.id, elsewhere.id],
    };
    expectErrorBody(await flag('nora.falk', body), 404, 'INFORMATION_SET_NOT_FOUND');
    expectErrorBody(
      await flag('nora.falk', { ...body, informationSetIds: [b.id, '00000000-0000-4000-8000-000000000000'] }),
      404,
      'INFORMATION_SET_NOT_FOUND',
    );
    expect((await inForce(b)).reviewFlaggedAt).toBeNull();
    const res = await flag('nora.falk', { ...body, informationSetIds: [b.id] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.flagged).toEqual([(await inForce(b)).id]);
    expect(await inForce(b)).toMatchObject({
      reviewFlagReason: 'MANUAL',
      reviewFlagNote: 'Verksamheten har ändrats.',
    });
    // The CISO reaches every unit.
    const ciso = await flag('cecilia.lund', { ...body, informationSetIds: [elsewhere.id] });
    expect(ciso.body.flagged).toHaveLength(1);
  });
});

describe('review tasks (BR-B5 "due classifications create tasks")', () => {
  it('notify the owner and the coordinators once per decision, reason and period; idempotent', async () => {
    const set = await decidedSet('T-RV-12');
    await reviews.runReviews();
    expect(await notified(set.id)).toEqual([]);

    // Flagged: a task for petter.akesson (owner) and nora.falk (COORDINATOR of IFF).
    await t.as('cecilia.lund').post('/api/classifications/flag-review', {
      reason: 'MANUAL',
      note: 'Kontrollera.',
      informationSetIds: [set.id],
    });
    const first = await reviews.runReviews();
    expect(first.created).toBeGreaterThanOrEqual(2);
    expect(await notified(set.id)).toEqual([
      'CLASSIFICATION_FLAGGED nora.falk',
      'CLASSIFICATION_FLAGGED petter.akesson',
    ]);
    expect((await reviews.runReviews()).created).toBe(0);
    const [row] = await t.dataSource.query<{ text: string; link: string }[]>(
      `SELECT text, link FROM notification WHERE subject_id = $1 LIMIT 1`,
      [set.id],
    );
    expect(row.text).toBe(`T-RV-12 Testmängd T-RV-12: klassningen är flaggad för omprövning (manuell).`);
    expect(row.link).toBe(`/informationsmangder/${set.id}`);
    // The owner sees it in the own inbox.
    const inbox = await t.as('petter.akesson').get('/api/notifications');
    expect(inbox.body.items.some((n: { subjectId: string }) => n.subjectId === set.id)).toBe(true);
    await confirm(set);

    // validUntil 2027-11-16: within the 30-day notice window from 2027-10-17, overdue from 2027-11-17.
    t.clock.set(new Date('2027-10-16T10:00:00Z'));
    await reviews.runReviews();
    expect(await notified(set.id)).toHaveLength(2);
    t.clock.set(new Date('2027-10-17T10:00:00Z'));
    await reviews.runReviews();
    t.clock.set(new Date('2027-10-20T10:00:00Z'));
    await reviews.runReviews();
    t.clock.set(new Date('2027-11-17T10:00:00Z'));
    await reviews.runReviews();
    await reviews.runReviews();
    expect(await notified(set.id)).toEqual([
      'CLASSIFICATION_DUE_SOON nora.falk',
      'CLASSIFICATION_DUE_SOON petter.akesson',
      'CLASSIFICATION_FLAGGED nora.falk',
      'CLASSIFICATION_FLAGGED petter.akesson',
      'CLASSIFICATION_OVERDUE nora.falk',
      'CLASSIFICATION_OVERDUE petter.akesson',
    ]);
  });
});

describe('BR-A6 routing of a special-handling decision (D-68)', () => {
  it('notifies the säkerhetsskyddschef with code, name, owner and unit only', async () => {
    const set = await createSet(t, { code: 'T-RV-13', unit: 'IFF-UTR', owner: 'petter.akesson' });
    const draft = await t.as('nora.falk').post('/api/classifications', { informationSetId: set.id });
    const res = await t
      .as('petter.akesson')
      .post(`/api/classifications/${draft.body.id}/special-handling`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await notified(set.id)).toEqual(['CLASSIFICATION_SPECIAL_HANDLING rasmus.ohman']);
    const inbox = await t.as('rasmus.ohman').get('/api/notifications');
    const task = inbox.body.items.find((n: { subjectId: string }) => n.subjectId === set.id);
    expect(task).toMatchObject({
      kind: 'CLASSIFICATION_SPECIAL_HANDLING',
      subjectType: 'InformationSet',
      link: `/informationsmangder/${set.id}`,
    });
    expect(task.text).toBe(
      `Särskild hantering (säkerhetsskydd): T-RV-13 Testmängd T-RV-13, informationsägare Petter Åkesson, ` +
        `IFF-UTR Utredningsenheten barn och unga.`,
    );
  });

  it('the säkerhetsskyddschef reads special-handling sets and nothing else by that role', async () => {
    const secret = await createSet(t, { code: 'T-RV-14', unit: 'IFF-UTR', owner: 'petter.akesson' });
    await t.dataSource.query('UPDATE information_set SET special_handling = true WHERE id = $1', [secret.id]);
    const plain = await createSet(t, { code: 'T-RV-15', unit: 'IFF-UTR', owner: 'petter.akesson' });
    const read = await t.as('rasmus.ohman').get(`/api/information-sets/${secret.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ code: 'T-RV-14', specialHandling: true });
    expectErrorBody(await t.as('rasmus.ohman').get(`/api/information-sets/${plain.id}`), 404);
    // No classification rows by that role (the routing task carries what the officer needs): what he
    // reads is his MANAGER scope KLF-SAK only, not the special-handling decision of IFF-UTR above.
    const list = await t.as('rasmus.ohman').get('/api/classifications', { limit: 500 });
    expect(list.status).toBe(200);
    const units = new Set(list.body.items.map((c: { orgUnitId: string }) => c.orgUnitId));
    expect([...units]).toEqual([await t.unitId('KLF-SAK')]);
    const routed = await t.dataSource.query<{ id: string }[]>(
      `SELECT c.id FROM classification c JOIN information_set s ON s.id = c.information_set_id
        WHERE s.code = 'T-RV-13'`,
    );
    expectErrorBody(
      await t.as('rasmus.ohman').get(`/api/classifications/${routed[0].id}`),
      404,
      'CLASSIFICATION_NOT_FOUND',
    );
  });
});

describe('K26 Handlingsplansuppfyllnad', () => {
  let asset: FixtureAsset;
  let items: Record<string, string>;

  beforeAll(async () => {
    asset = await createAsset(t, { code: 'T-RVA-7', unit: 'IFF-UTR', owner: 'helena.strand' });
    const [u] = await t.dataSource.query<{ id: string; path: string[] }[]>(
      'SELECT org_unit_id AS id, org_unit_path AS path FROM asset WHERE id = $1',
      [asset.id],
    );
    items = {};
    const statuses: [string, string, string | null][] = [
      ['VG-A1-01', 'MET', null],
      ['VG-A1-02', 'MET', null],
      ['VG-A1-03', 'PARTLY', null],
      ['VG-A1-04', 'NOT_MET', null],
      ['VG-A1-05', 'NOT_APPLICABLE', 'Ingen extern åtkomst.'],
    ];
    for (const [code, status, reason] of statuses) {
      const [{ id }] = await t.dataSource.query<{ id: string }[]>(
        `INSERT INTO action_plan_item (tenant_id, asset_id, org_unit_id, org_unit_path, asset_owner_id,
           requirement_code, catalogue_version, status, not_applicable_reason)
         VALUES ($1, $2, $3, $4::uuid[], $5, $6, '2026.1', $7, $8) RETURNING id`,
        [
          await t.demoTenantId(),
          asset.id,
          u.id,
          u.path,
          await t.personId('helena.strand'),
          code,
          status,
          reason,
        ],
      );
      items[code] = id;
    }
  });

  it('is MET / not NOT_APPLICABLE per unit, rolled up like K01, and on the asset’s plan', async () => {
    const iff = await t
      .as('cecilia.lund')
      .get('/api/classification-kpis', { orgUnitId: await t.unitId('IFF') });
    expect(iff.status).toBe(200);
    expect(iff.body.k26).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    const utr = iff.body.units.find((u: { code: string }) => u.code === 'IFF-UTR');
    expect(utr.k26).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    const mot = iff.body.units.find((u: { code: string }) => u.code === 'IFF-MOT');
    expect(mot.k26).toEqual({ numerator: 0, denominator: 0, value: null });
    const root = await t.as('cecilia.lund').get('/api/classification-kpis');
    expect(root.body.k26).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    // Outside the coordinator's scope nothing is counted.
    const gsf = await t
      .as('sofia.lindahl')
      .get('/api/classification-kpis', { orgUnitId: await t.unitId('IFF') });
    expect(gsf.body.k26).toEqual({ numerator: 0, denominator: 0, value: null });

    const plan = await t.as('helena.strand').get('/api/action-plans', { assetId: asset.id });
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({ fulfilment: 0.5, k26: { numerator: 2, denominator: 4, value: 0.5 } });
  });

  it('PATCH sets the responsible person (active, of the tenant) and the due date (ISO date)', async () => {
    const id = items['VG-A1-04'];
    const patch = (body: object) => t.as('helena.strand').patch(`/api/action-plans/${id}`, body);
    expectErrorBody(
      await patch({ responsibleId: '00000000-0000-4000-8000-000000000000' }),
      400,
      'PERSON_INVALID',
    );
    await t.dataSource.query(`UPDATE person SET status = 'INACTIVE' WHERE username = 'hugo.palm'`);
    try {
      expectErrorBody(await patch({ responsibleId: await t.personId('hugo.palm') }), 400, 'PERSON_INVALID');
    } finally {
      await t.dataSource.query(`UPDATE person SET status = 'ACTIVE' WHERE username = 'hugo.palm'`);
    }
    expect((await patch({ dueDate: '2027-02-30' })).status).toBe(400);
    expect((await patch({ dueDate: '15/03/2027' })).status).toBe(400);
    const res = await patch({ responsibleId: await t.personId('daniel.nyberg'), dueDate: '2027-03-15' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      responsibleId: await t.personId('daniel.nyberg'),
      dueDate: '2027-03-15',
    });
  });
});
