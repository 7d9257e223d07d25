import { extractPdfText } from '@varna/documents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { expectErrorBody } from '../support/expect';
import { createSet, type FixtureSet } from '../support/registers-fixture';

/*
 * Klassningstillfällen over HTTP (domain.md §4b): plan, hold, close with minutes, cancel; the
 * validation of unit, sets, leader and participants; classifications started from a session; who
 * may do what (404 outside reach); the list filtered in SQL. DEMO_NOW is 2026-11-16.
 *
 * Fixtures: T-KT-1 and T-KT-2 in IFF-UTR (owner petter.akesson), T-KT-3 in ALF (no owner), T-KT-4
 * in SK-DRIFT (owner maja.fredriksson), T-KT-5 in IFF-UTR retired.
 */

let t: TestApp;
let iffUtr: FixtureSet;
let iffUtr2: FixtureSet;
let alf: FixtureSet;
let skDrift: FixtureSet;
let retired: FixtureSet;
const unit: Record<string, string> = {};
const person: Record<string, string> = {};

interface SessionBody {
  id: string;
  version: number;
  code: string;
  status: string;
  statusLabel: string;
  heldAt: string | null;
  minutes: string | null;
  cancelReason: string | null;
  ledBy: { id: string; displayName: string };
  participants: { id: string; displayName: string }[];
  informationSets: { id: string; code: string; classifications: { id: string; status: string }[] }[];
}

const plan = (user: string, body: Record<string, unknown> = {}) =>
  t.as(user).post('/api/classification-sessions', {
    title: 'Klassning av utredningsinformation',
    orgUnitId: unit.IFF,
    informationSetIds: [iffUtr.id, iffUtr2.id],
    participantIds: [person['petter.akesson']],
    plannedAt: '2026-11-20T09:00:00+01:00',
    ...body,
  });
const step = (user: string, id: string, name: string, body: object = {}) =>
  t.as(user).post(`/api/classification-sessions/${id}/${name}`, body);
const history = async (id: string) =>
  (
    await t.dataSource.query<{ action: string }[]>(
      `SELECT action FROM history_entry WHERE entity_type = 'ClassificationSession' AND entity_id = $1 ORDER BY seq`,
      [id],
    )
  ).map((r) => r.action);

async function planned(user = 'nora.falk', body: Record<string, unknown> = {}): Promise<SessionBody> {
  const res = await plan(user, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as SessionBody;
}

beforeAll(async () => {
  // Uncompressed PDFs, so the protokoll's text can be read back.
  t = await startTestApp({ config: { pdfCompress: false } });
  for (const code of ['ROOT', 'IFF', 'IFF-UTR', 'ALF', 'SK', 'KLF']) unit[code] = await t.unitId(code);
  for (const u of [
    'nora.falk',
    'petter.akesson',
    'helena.strand',
    'amir.haddad',
    'cecilia.lund',
    'emma.rahimi',
  ])
    person[u] = await t.personId(u);
  iffUtr = await createSet(t, { code: 'T-KT-1', unit: 'IFF-UTR', owner: 'petter.akesson' });
  iffUtr2 = await createSet(t, { code: 'T-KT-2', unit: 'IFF-UTR', owner: 'petter.akesson' });
  alf = await createSet(t, { code: 'T-KT-3', unit: 'ALF' });
  skDrift = await createSet(t, { code: 'T-KT-4', unit: 'SK-DRIFT', owner: 'maja.fredriksson' });
  retired = await createSet(t, { code: 'T-KT-5', unit: 'IFF-UTR', status: 'RETIRED' });
}, 120_000);

afterAll(() => t?.close());

describe('the demo sessions (§6.3)', () => {
  it('has KT-2026-001..003: two closed with their decisions, IM-14 planned for 2026-12-03', async () => {
    const res = await t.as('cecilia.lund').get('/api/classification-sessions');
    expect(res.status).toBe(200);
    const items = res.body.items as { code: string; status: string; plannedAt: string }[];
    expect(items.map((s) => [s.code, s.status])).toEqual([
      ['KT-2026-003', 'PLANNED'],
      ['KT-2026-002', 'CLOSED'],
      ['KT-2026-001', 'CLOSED'],
    ]);
    const kt2 = items.find((s) => s.code === 'KT-2026-002') as { code: string } & { id?: string };
    const detail = await t.as('nora.falk').get(`/api/classification-sessions/${(kt2 as { id: string }).id}`);
    expect(detail.status).toBe(200);
    expect(
      (detail.body as SessionBody).informationSets.map((s) => [
        s.code,
        s.classifications.map((c) => c.status),
      ]),
    ).toEqual([
      ['IM-09', ['DECIDED']],
      ['IM-10', ['DECIDED']],
      ['IM-11', ['DECIDED']],
    ]);
    expect((detail.body as SessionBody).ledBy.displayName).toBe('Nora Falk');
  });
});

describe('the life cycle', () => {
  it('plans with a generated code, holds, closes with minutes; every step in the history', async () => {
    const s = await planned();
    expect(s.code).toMatch(/^KT-2026-\d{3}$/);
    expect(Number(s.code.slice(-3))).toBeGreaterThanOrEqual(4);
    expect(s.status).toBe('PLANNED');
    expect(s.statusLabel).toBe('Planerat');
    expect(s.ledBy).toEqual({ id: person['nora.falk'], displayName: 'Nora Falk' });
    expect(s.participants).toEqual([{ id: person['petter.akesson'], displayName: 'Petter Åkesson' }]);
    expect(s.informationSets.map((x) => x.code)).toEqual(['T-KT-1', 'T-KT-2']);

    // Closing a planned session skips a step: 409.
    expectErrorBody(await step('nora.falk', s.id, 'close', { minutes: 'x' }), 409, 'SESSION_WRONG_STATUS');
    // Held in the future: 400 on heldAt.
    const future = await step('nora.falk', s.id, 'hold', { heldAt: '2026-11-17T09:00:00+01:00' });
    expectErrorBody(future, 400, 'SESSION_HELD_IN_FUTURE');
    expect(future.body.details[0].field).toBe('heldAt');

    const held = await step('nora.falk', s.id, 'hold', { heldAt: '2026-11-16T08:30:00+01:00' });
    expect(held.status, JSON.stringify(held.body)).toBe(200);
    expect(held.body.status).toBe('HELD');
    expect(held.body.heldAt).toBe('2026-11-16T07:30:00.000Z');
    expect(held.body.minutes).toBeNull();
    expectErrorBody(await step('nora.falk', s.id, 'hold', { heldAt: '2026-11-16T08:30:00+01:00' }), 409);

    // Closing requires the minutes.
    const noMinutes = await step('nora.falk', s.id, 'close', {});
    expectErrorBody(noMinutes, 400, 'SESSION_FIELD_REQUIRED');
    expect(noMinutes.body.details[0].field).toBe('minutes');
    expectErrorBody(
      await step('nora.falk', s.id, 'close', { minutes: '   ' }),
      400,
      'SESSION_FIELD_REQUIRED',
    );

    const closed = await step('nora.falk', s.id, 'close', { minutes: 'Båda mängderna gicks igenom.' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.status).toBe('CLOSED');
    expect(closed.body.minutes).toBe('Båda mängderna gicks igenom.');
    // Closed is final: no PATCH, no cancel.
    expectErrorBody(
      await t.as('nora.falk').patch(`/api/classification-sessions/${s.id}`, { title: 'Ny' }),
      409,
    );
    expectErrorBody(await step('nora.falk', s.id, 'cancel', { reason: 'Sent påkommet' }), 409);
    expect(await history(s.id)).toEqual(['create', 'hold', 'close']);
  });

  it('closes with minutes written at the hold', async () => {
    const s = await planned();
    await step('nora.falk', s.id, 'hold', { heldAt: '2026-11-16T08:00:00+01:00', minutes: 'Anteckningar' });
    const closed = await step('nora.falk', s.id, 'close');
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.minutes).toBe('Anteckningar');
  });

  it('cancels a planned or held session with a reason (required)', async () => {
    const a = await planned();
    expectErrorBody(await step('nora.falk', a.id, 'cancel', {}), 400, 'VALIDATION_FAILED');
    expectErrorBody(await step('nora.falk', a.id, 'cancel', { reason: '  ' }), 400, 'SESSION_FIELD_REQUIRED');
    const cancelled = await step('nora.falk', a.id, 'cancel', { reason: 'Informationsägaren är sjuk' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('CANCELLED');
    expect(cancelled.body.cancelReason).toBe('Informationsägaren är sjuk');
    expectErrorBody(await step('nora.falk', a.id, 'hold', { heldAt: '2026-11-16T08:00:00+01:00' }), 409);

    const b = await planned();
    await step('nora.falk', b.id, 'hold', { heldAt: '2026-11-16T08:00:00+01:00' });
    expect((await step('nora.falk', b.id, 'cancel', { reason: 'Dubblett' })).body.status).toBe('CANCELLED');
    expect(await history(b.id)).toEqual(['create', 'hold', 'cancel']);
  });

  it('PATCH changes the plan while planned or held, with the optimistic lock', async () => {
    const s = await planned();
    const res = await t.as('nora.falk').patch(`/api/classification-sessions/${s.id}`, {
      version: s.version,
      title: 'Ändrad titel',
      informationSetIds: [iffUtr.id],
      participantIds: [person['petter.akesson'], person['helena.strand']],
      plannedAt: '2026-11-25T13:00:00+01:00',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.title).toBe('Ändrad titel');
    expect(res.body.plannedAt).toBe('2026-11-25T12:00:00.000Z');
    expect(res.body.informationSets.map((x: { code: string }) => x.code)).toEqual(['T-KT-1']);
    expect(res.body.participants.map((p: { displayName: string }) => p.displayName)).toEqual([
      'Petter Åkesson',
      'Helena Strand',
    ]);
    const stale = await t.as('nora.falk').patch(`/api/classification-sessions/${s.id}`, {
      version: s.version,
      title: 'Igen',
    });
    expectErrorBody(stale, 409, 'VERSION_CONFLICT');
    expect(await history(s.id)).toEqual(['create', 'update']);
  });
});

describe('validation', () => {
  it('refuses unknown fields, a missing title, no sets and a bad instant', async () => {
    expectErrorBody(await plan('nora.falk', { colour: 'blå' }), 400, 'VALIDATION_FAILED');
    expectErrorBody(await plan('nora.falk', { title: '' }), 400, 'VALIDATION_FAILED');
    expectErrorBody(await plan('nora.falk', { informationSetIds: [] }), 400, 'VALIDATION_FAILED');
    expectErrorBody(
      await plan('nora.falk', { informationSetIds: [iffUtr.id, iffUtr.id] }),
      400,
      'VALIDATION_FAILED',
    );
    expectErrorBody(await plan('nora.falk', { plannedAt: '2026-11-20 09:00' }), 400, 'VALIDATION_FAILED');
  });

  it('sets must lie in the unit’s subtree (400 naming them), be known and not retired', async () => {
    const outside = await plan('cecilia.lund', { informationSetIds: [iffUtr.id, skDrift.id] });
    expectErrorBody(outside, 400, 'INFORMATION_SETS_INVALID');
    expect(outside.body.details[0].field).toBe('informationSetIds');
    expect(outside.body.details[0].messages).toHaveLength(1);
    expect(outside.body.details[0].messages[0]).toMatch(/^T-KT-4: /);

    const unknown = await plan('nora.falk', { informationSetIds: ['00000000-0000-4000-8000-000000000000'] });
    expectErrorBody(unknown, 400, 'INFORMATION_SETS_INVALID');
    // A set outside her reach is as unknown to the samordnare (no code leaks).
    const foreign = await plan('nora.falk', { informationSetIds: [skDrift.id] });
    expectErrorBody(foreign, 400, 'INFORMATION_SETS_INVALID');
    expect(foreign.body.details[0].messages[0]).not.toContain('T-KT-4');

    expectErrorBody(
      await plan('nora.falk', { informationSetIds: [retired.id] }),
      400,
      'INFORMATION_SETS_INVALID',
    );
    expectErrorBody(
      await plan('nora.falk', { orgUnitId: '00000000-0000-4000-8000-000000000000' }),
      400,
      'ORG_UNIT_INVALID',
    );
  });

  it('the leader holds COORDINATOR over the unit or CISO; participants are active people', async () => {
    // amir.haddad coordinates KLF and SK, not IFF.
    const wrongLeader = await plan('nora.falk', { ledById: person['amir.haddad'] });
    expectErrorBody(wrongLeader, 400, 'SESSION_LEADER_INVALID');
    expect(wrongLeader.body.details[0].field).toBe('ledById');
    expectErrorBody(
      await plan('nora.falk', { ledById: person['emma.rahimi'] }),
      400,
      'SESSION_LEADER_INVALID',
    );
    // The CISO may lead, and a CISO may plan a session led by the unit's samordnare.
    expect((await planned('nora.falk', { ledById: person['cecilia.lund'] })).ledBy.displayName).toBe(
      'Cecilia Lund',
    );
    expect((await planned('cecilia.lund', { ledById: person['nora.falk'] })).ledBy.displayName).toBe(
      'Nora Falk',
    );
    // The CISO planning without ledById leads it.
    expect((await planned('cecilia.lund')).ledBy.displayName).toBe('Cecilia Lund');

    await t.dataSource.query(`UPDATE person SET status = 'INACTIVE' WHERE username = 'sara.ekstrom'`);
    const gone = await plan('nora.falk', {
      participantIds: [person['helena.strand'], await t.personId('sara.ekstrom')],
    });
    expectErrorBody(gone, 400, 'PARTICIPANT_INVALID');
    expect(gone.body.details[0].messages).toHaveLength(1);
    expectErrorBody(
      await plan('nora.falk', { participantIds: ['00000000-0000-4000-8000-000000000000'] }),
      400,
      'PARTICIPANT_INVALID',
    );
    await t.dataSource.query(`UPDATE person SET status = 'ACTIVE' WHERE username = 'sara.ekstrom'`);
  });

  it('a PATCH that moves the session out of the samordnare’s scope is refused', async () => {
    const s = await planned();
    const res = await t.as('nora.falk').patch(`/api/classification-sessions/${s.id}`, {
      orgUnitId: unit.KLF,
    });
    // The sets of IFF-UTR do not lie under KLF: 400 before the scope is even judged.
    expectErrorBody(res, 400, 'INFORMATION_SETS_INVALID');
    const moved = await t.as('nora.falk').patch(`/api/classification-sessions/${s.id}`, {
      orgUnitId: unit['IFF-UTR'],
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  });

  it('never answers a non-uuid id with 500', async () => {
    expectErrorBody(await t.as('nora.falk').get('/api/classification-sessions/abc'), 400, 'INVALID_ID');
    expectErrorBody(
      await t.as('nora.falk').get('/api/classification-sessions/00000000-0000-4000-8000-000000000000'),
      404,
      'CLASSIFICATION_SESSION_NOT_FOUND',
    );
  });
});

describe('classifications started from a session', () => {
  it('links the draft; the set must belong to the session and the session be planned or held', async () => {
    const s = await planned();
    const draft = await t.as('nora.falk').post('/api/classifications', {
      informationSetId: iffUtr.id,
      sessionId: s.id,
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect(draft.body.sessionId).toBe(s.id);
    const detail = await t.as('nora.falk').get(`/api/classification-sessions/${s.id}`);
    expect(
      (detail.body as SessionBody).informationSets.map((x) => [
        x.code,
        x.classifications.map((c) => c.status),
      ]),
    ).toEqual([
      ['T-KT-1', ['DRAFT']],
      ['T-KT-2', []],
    ]);

    // A set outside the session.
    const alfDraft = await t.as('nora.falk').post('/api/classifications', {
      informationSetId: alf.id,
      sessionId: s.id,
    });
    expectErrorBody(alfDraft, 400, 'INFORMATION_SET_NOT_IN_SESSION');
    // An unknown session.
    expectErrorBody(
      await t.as('nora.falk').post('/api/classifications', {
        informationSetId: iffUtr2.id,
        sessionId: '00000000-0000-4000-8000-000000000000',
      }),
      400,
      'CLASSIFICATION_SESSION_INVALID',
    );
    // A cancelled session.
    await step('nora.falk', s.id, 'cancel', { reason: 'Flyttas' });
    expectErrorBody(
      await t.as('nora.falk').post('/api/classifications', { informationSetId: iffUtr2.id, sessionId: s.id }),
      409,
      'CLASSIFICATION_SESSION_NOT_OPEN',
    );
    // Nothing was written by the refused requests.
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM classification WHERE information_set_id = ANY($1::uuid[])`,
      [[iffUtr2.id, alf.id]],
    );
    expect(n).toBe(0);
  });
});

describe('who may do what', () => {
  let s: SessionBody;
  beforeAll(async () => {
    s = await planned('nora.falk', { participantIds: [person['emma.rahimi']] });
  });

  it('the samordnare of another unit, a manager outside, an elected member, the ADMIN: 404', async () => {
    for (const user of ['amir.haddad', 'lena.holmgren', 'gunnar.alm', 'viktor.berglof']) {
      expectErrorBody(
        await t.as(user).get(`/api/classification-sessions/${s.id}`),
        404,
        'CLASSIFICATION_SESSION_NOT_FOUND',
        { what: user },
      );
    }
    expectErrorBody(await step('amir.haddad', s.id, 'cancel', { reason: 'x' }), 404);
  });

  it('participants, set owners, the head and the auditor read but do not change it', async () => {
    for (const user of ['emma.rahimi', 'petter.akesson', 'helena.strand', 'tove.granath', 'karin.vestberg']) {
      const res = await t.as(user).get(`/api/classification-sessions/${s.id}`);
      expect(res.status, `${user} ${JSON.stringify(res.body)}`).toBe(200);
    }
    // emma.rahimi holds only EMPLOYEE: refused at the guard. The others may update nothing here.
    expectErrorBody(await step('emma.rahimi', s.id, 'cancel', { reason: 'x' }), 403, 'PERMISSION_DENIED');
    for (const user of ['petter.akesson', 'helena.strand', 'tove.granath']) {
      const res = await step(user, s.id, 'cancel', { reason: 'x' });
      expect([403], `${user} ${JSON.stringify(res.body)}`).toContain(res.status);
    }
    expectErrorBody(await plan('helena.strand'), 403, 'PERMISSION_DENIED');
    expectErrorBody(await plan('tove.granath'), 403, 'PERMISSION_DENIED');
    expectErrorBody(await plan('emma.rahimi'), 403, 'PERMISSION_DENIED');
  });

  it('a samordnare cannot plan for a unit outside the own scope (403); the CISO can', async () => {
    expectErrorBody(
      await plan('amir.haddad', {
        orgUnitId: unit.ALF,
        informationSetIds: [alf.id],
        ledById: person['nora.falk'],
      }),
      400,
      'INFORMATION_SETS_INVALID',
    );
    // The whole kommun, led by the CISO: the sets lie under it, the leader is valid, the unit is
    // outside nora.falk's scope.
    expectErrorBody(
      await plan('nora.falk', { orgUnitId: unit.ROOT, ledById: person['cecilia.lund'] }),
      403,
      'PERMISSION_DENIED',
    );
    const ciso = await planned('cecilia.lund', {
      orgUnitId: unit.ALF,
      informationSetIds: [alf.id],
      ledById: person['nora.falk'],
    });
    expect(ciso.status).toBe('PLANNED');
  });
});

describe('scope O follows the sets', () => {
  it('a new owner of a set reads the sessions covering it', async () => {
    const s = await planned('cecilia.lund', {
      orgUnitId: unit.ALF,
      informationSetIds: [alf.id],
      ledById: person['nora.falk'],
      participantIds: [],
    });
    expectErrorBody(await t.as('lars.oberg').get(`/api/classification-sessions/${s.id}`), 404);
    const [{ version }] = await t.dataSource.query(`SELECT version FROM information_set WHERE id = $1`, [
      alf.id,
    ]);
    const owner = await t.as('cecilia.lund').patch(`/api/information-sets/${alf.id}`, {
      version,
      informationOwnerId: await t.personId('lars.oberg'),
    });
    expect(owner.status, JSON.stringify(owner.body)).toBe(200);
    expect((await t.as('lars.oberg').get(`/api/classification-sessions/${s.id}`)).status).toBe(200);
  });
});

describe('the protokoll (PDF)', () => {
  const pdf = (user: string, id: string) =>
    t
      .as(user)
      .get(`/api/classification-sessions/${id}/minutes.pdf`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  it('prints the closed demo session in Swedish; a draft until closed; export rights only', async () => {
    const [{ id }] = await t.dataSource.query(
      `SELECT id FROM classification_session WHERE code = 'KT-2026-002'`,
    );
    const res = await pdf('nora.falk', id);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('filename="KT-2026-002-protokoll.pdf"');
    const text = extractPdfText(res.body as Buffer);
    for (const row of [
      'Exempelby kommun',
      'Protokoll från klassningstillfälle',
      'KT-2026-002',
      'Nora Falk',
      'Petter Åkesson, Helena Strand',
      '2026-03-02 09:00',
      'Avslutat',
      'IM-09',
      'Barnavårdsutredningar: Beslutad',
      'Konfidentialitet bedömdes som allvarlig',
    ])
      expect(text, row).toContain(row);
    expect(text).not.toContain('UTKAST');

    const s = await planned();
    expect(extractPdfText((await pdf('nora.falk', s.id)).body as Buffer)).toContain('UTKAST');
    // The auditor exports; a participant (and the head) reads the session but does not export it.
    expect((await pdf('tove.granath', id)).status).toBe(200);
    expect((await pdf('helena.strand', id)).status).toBe(403);
    expect((await pdf('amir.haddad', id)).status).toBe(404);
  });
});

describe('the list, filtered in SQL', () => {
  it('shows each caller the sessions in reach, with filters and paging', async () => {
    const codes = async (user: string, query: Record<string, unknown> = {}) => {
      const res = await t.as(user).get('/api/classification-sessions', { limit: 500, ...query });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body as { items: { code: string; status: string; title: string }[]; total: number };
    };
    const all = await codes('cecilia.lund');
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThan(8);
    // amir.haddad (KLF, SK): only the demo KLF session.
    expect((await codes('amir.haddad')).items.map((s) => s.code)).toEqual(['KT-2026-001']);
    // emma.rahimi: only the one she attends.
    expect((await codes('emma.rahimi')).total).toBe(1);
    expect((await codes('gunnar.alm')).total).toBe(0);
    // nora.falk: every IFF and ALF session, none of KLF.
    const nora = await codes('nora.falk');
    expect(nora.items.map((s) => s.code)).not.toContain('KT-2026-001');
    expect(nora.total).toBe(all.total - 1);

    expect(
      (await codes('cecilia.lund', { status: 'CLOSED' })).items.every((s) => s.status === 'CLOSED'),
    ).toBe(true);
    expect((await codes('cecilia.lund', { orgUnitId: unit.KLF })).items.map((s) => s.code)).toEqual([
      'KT-2026-001',
    ]);
    expect((await codes('cecilia.lund', { q: 'familjehem' })).items.map((s) => s.code)).toEqual([
      'KT-2026-003',
    ]);
    expect((await codes('cecilia.lund', { q: 'KT-2026-002' })).items.map((s) => s.code)).toEqual([
      'KT-2026-002',
    ]);
    // % is literal.
    expect((await codes('cecilia.lund', { q: '%' })).total).toBe(0);

    const page = await t.as('cecilia.lund').get('/api/classification-sessions', { limit: 2, offset: 1 });
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBe(all.total);
    expect(page.body.items[0].code).toBe(all.items[1].code);
    expectErrorBody(await t.as('cecilia.lund').get('/api/classification-sessions', { status: 'DONE' }), 400);
    expectErrorBody(await t.as('cecilia.lund').get('/api/classification-sessions', { limit: 0 }), 400);
  });
});
