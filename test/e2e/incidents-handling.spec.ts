import { Client } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NOW } from '@varna/testing';
import { startTestApp, type TestApp } from '../support/app';
import { expectErrorBody } from '../support/expect';
import {
  incidentAs,
  incidentCounts,
  obligationsAs,
  report,
  timelineAs,
  type Obligation,
} from '../support/incidents';

/**
 * Handling incidents over HTTP (domain.md §4d): triage and the clocks it starts, the state machine
 * with its guards, the timeline of every change, submitting stages on time and late, deciding that
 * a stage is not required (by the right decider only), and awareAt changes that move the deadlines.
 */

const HOUR = 3_600_000;
const at = (ms: number) => new Date(DEMO_NOW.getTime() + ms).toISOString();

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());
afterEach(() => t.clock.set(DEMO_NOW));

const triage = (user: string, id: string, body: Record<string, unknown>) =>
  t.as(user).post(`/api/incidents/${id}/triage`, body);
const transition = (user: string, id: string, body: Record<string, unknown>) =>
  t.as(user).post(`/api/incidents/${id}/transition`, body);
const stage = (list: Obligation[], regime: string, name: string) => {
  const found = list.find((o) => o.regime === regime && o.stage === name);
  if (!found) throw new Error(`no ${regime} ${name} in ${JSON.stringify(list)}`);
  return found;
};
const versionOf = async (user: string, id: string) => (await incidentAs(t, user, id)).version as number;

describe('a personal data breach in IFF, reported by emma.rahimi and triaged by nora.falk', () => {
  let id: string;

  beforeAll(async () => {
    id = (
      await report(t, 'emma.rahimi', {
        description: 'Utredning skickad till fel adress.',
        personalDataInvolved: 'YES',
      })
    ).id;
  });

  it('is refused triage by those outside the scope (404) or without the right (403)', async () => {
    for (const user of ['amir.haddad', 'jonas.berg', 'karin.vestberg', 'maria.ek']) {
      expectErrorBody(
        await triage(user, id, { version: 1, type: 'PERSONAL_DATA_BREACH', severity: 'HIGH' }),
        404,
        'INCIDENT_NOT_FOUND',
      );
    }
    for (const user of ['emma.rahimi', 'tove.granath', 'gunnar.alm', 'viktor.berglof']) {
      expectErrorBody(
        await triage(user, id, { version: 1, type: 'PERSONAL_DATA_BREACH', severity: 'HIGH' }),
        403,
      );
    }
  });

  it('refuses bad triage input with 400 and writes nothing', async () => {
    const before = await incidentCounts(t);
    const bad = await triage('nora.falk', id, {
      version: 1,
      type: 'BREACH',
      severity: 5,
      aspectsAffected: ['X'],
    });
    expectErrorBody(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'aspectsAffected',
      'severity',
      'type',
    ]);
    expectErrorBody(
      await triage('nora.falk', id, {
        version: 1,
        type: 'PERSONAL_DATA_BREACH',
        severity: 'HIGH',
        personalDataInvolved: 'NO',
      }),
      400,
      'INCIDENT_PERSONAL_DATA_CONTRADICTION',
    );
    expectErrorBody(
      await triage('nora.falk', id, {
        version: 1,
        type: 'IT_INCIDENT',
        subtype: 'LEX_SARAH',
        severity: 'LOW',
      }),
      400,
      'INCIDENT_SUBTYPE_INVALID',
    );
    expectErrorBody(
      await triage('nora.falk', id, {
        version: 1,
        type: 'PERSONAL_DATA_BREACH',
        severity: 'HIGH',
        awareAt: at(-5 * HOUR),
      }),
      400,
      'INCIDENT_REASON_REQUIRED',
    );
    expectErrorBody(
      await triage('nora.falk', id, { version: 7, type: 'PERSONAL_DATA_BREACH', severity: 'HIGH' }),
      409,
      'VERSION_CONFLICT',
    );
    expect(await incidentCounts(t)).toEqual(before);
  });

  it('triage starts the GDPR clocks: IMY notification due awareAt + 72 h, Art. 34 target, breach log', async () => {
    const res = await triage('nora.falk', id, {
      version: 1,
      type: 'PERSONAL_DATA_BREACH',
      subtype: 'WRONG_RECIPIENT',
      severity: 'HIGH',
      aspectsAffected: ['K'],
      breachRiskAssessment: 'HIGH_RISK',
      handlerId: await t.personId('petter.akesson'),
      coordinatorId: await t.personId('nora.falk'),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      view: 'HANDLER',
      status: 'TRIAGED',
      type: 'PERSONAL_DATA_BREACH',
      typeLabel: 'Personuppgiftsincident',
      severity: 'HIGH',
      personalDataInvolved: 'YES',
      awareAt: DEMO_NOW.toISOString(),
      triagedAt: DEMO_NOW.toISOString(),
      // IFF is covered by cybersäkerhetslagen (D-05): triage still has to answer that question.
      pendingAssessments: ['SIGNIFICANT_UNDER_CYBER_ACT'],
      allowedTransitions: ['REJECTED', 'INVESTIGATING'],
      version: 2,
    });
    const obligations = await obligationsAs(t, 'nora.falk', id);
    expect(obligations.map((o) => `${o.regime} ${o.stage}`)).toEqual([
      'GDPR_ART33_IMY NOTIFICATION',
      'GDPR_ART34_SUBJECTS COMMUNICATION',
      'GDPR_ART33_5_LOG BREACH_LOG',
    ]);
    expect(stage(obligations, 'GDPR_ART33_IMY', 'NOTIFICATION')).toMatchObject({
      anchor: 'AWARE_AT',
      anchorAt: DEMO_NOW.toISOString(),
      deadlineAt: at(72 * HOUR),
      targetAt: null,
      clock: 'DEADLINE',
      status: 'PENDING',
      timeLeftSeconds: 72 * 3600,
      receiver: 'IMY',
      regimeApplies: true,
    });
    expect(stage(obligations, 'GDPR_ART34_SUBJECTS', 'COMMUNICATION')).toMatchObject({
      deadlineAt: null,
      targetAt: at(72 * HOUR),
      clock: 'TARGET',
    });
    expect(stage(obligations, 'GDPR_ART33_5_LOG', 'BREACH_LOG')).toMatchObject({
      clock: 'NONE',
      status: 'PENDING',
    });
  });

  it('wrote the triage to the timeline and the history', async () => {
    const entries = await timelineAs(t, 'nora.falk', id);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(entries.map((e) => e.kind)).toEqual([
      'CREATED',
      'STATUS_CHANGED',
      'TYPE_CHANGED',
      'SEVERITY_CHANGED',
      'ASSIGNED',
      'FIELDS_UPDATED',
      'OBLIGATION_CREATED',
      'OBLIGATION_CREATED',
      'OBLIGATION_CREATED',
    ]);
    expect(entries[1].data).toEqual({ from: 'REPORTED', to: 'TRIAGED' });
    expect(entries[2].data).toMatchObject({ from: null, to: 'PERSONAL_DATA_BREACH' });
    const history = await t.as('nora.falk').get('/api/history', { entity: 'Incident', id });
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['report', 'triage']);
    // Triage again: not from TRIAGED.
    expectErrorBody(
      await triage('nora.falk', id, {
        version: await versionOf('nora.falk', id),
        type: 'IT_INCIDENT',
        severity: 'LOW',
      }),
      409,
      'INCIDENT_INVALID_TRANSITION',
    );
  });

  it('the DPO of the controller reads it now that it is a breach; the bolag’s DPO does not', async () => {
    expect((await incidentAs(t, 'karin.vestberg', id)).view).toBe('HANDLER');
    expect((await obligationsAs(t, 'karin.vestberg', id)).map((o) => o.regime)).toEqual([
      'GDPR_ART33_IMY',
      'GDPR_ART34_SUBJECTS',
      'GDPR_ART33_5_LOG',
    ]);
    expectErrorBody(
      await t.as('maria.ek').get(`/api/incidents/${id}/obligations`),
      404,
      'INCIDENT_NOT_FOUND',
    );
  });

  it('awareAt set earlier (BR-D2, D-26): reason required, never after the report, deadlines recomputed and logged', async () => {
    const version = await versionOf('nora.falk', id);
    expectErrorBody(
      await t.as('nora.falk').patch(`/api/incidents/${id}`, { version, awareAt: at(-10 * HOUR) }),
      400,
      'INCIDENT_REASON_REQUIRED',
    );
    expectErrorBody(
      await t
        .as('nora.falk')
        .patch(`/api/incidents/${id}`, { version, awareAt: at(HOUR), awareAtReason: 'Fel' }),
      400,
      'INCIDENT_AWARE_AT_AFTER_REPORTED_AT',
    );
    const reason = 'Handläggaren såg felet redan i går kväll men rapporterade i dag.';
    const res = await t
      .as('nora.falk')
      .patch(`/api/incidents/${id}`, { version, awareAt: at(-10 * HOUR), awareAtReason: reason });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.awareAt).toBe(at(-10 * HOUR));
    const obligations = await obligationsAs(t, 'nora.falk', id);
    expect(stage(obligations, 'GDPR_ART33_IMY', 'NOTIFICATION')).toMatchObject({
      anchorAt: at(-10 * HOUR),
      deadlineAt: at(62 * HOUR),
      timeLeftSeconds: 62 * 3600,
    });
    expect(stage(obligations, 'GDPR_ART34_SUBJECTS', 'COMMUNICATION').targetAt).toBe(at(62 * HOUR));
    const entry = (await timelineAs(t, 'nora.falk', id)).at(-1)!;
    expect(entry).toMatchObject({ kind: 'AWARE_AT_CHANGED', text: reason });
    expect(entry.data).toMatchObject({ from: DEMO_NOW.toISOString(), to: at(-10 * HOUR) });
    // The two clocks and the breach log are counted from awareAt.
    expect(entry.data.obligations.map((o: { regime: string }) => o.regime)).toEqual([
      'GDPR_ART33_IMY',
      'GDPR_ART34_SUBJECTS',
      'GDPR_ART33_5_LOG',
    ]);
    const history = await t.as('nora.falk').get('/api/history', { entity: 'Incident', id });
    expect(history.body.items.at(-1)).toMatchObject({ action: 'change-aware-at', reason });
    const imy = stage(obligations, 'GDPR_ART33_IMY', 'NOTIFICATION');
    const obligationHistory = await t
      .as('nora.falk')
      .get('/api/history', { entity: 'RegulatoryObligation', id: imy.id });
    expect(obligationHistory.body.items.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'reschedule',
    ]);
  });

  it('NOT_REQUIRED only by the right decider with a reason: the DPO for GDPR, and only when unlikely', async () => {
    const imy = stage(await obligationsAs(t, 'nora.falk', id), 'GDPR_ART33_IMY', 'NOTIFICATION');
    const url = `/api/incidents/${id}/obligations/${imy.id}/not-required`;
    const body = { version: imy.version, reason: 'Uppgifterna var krypterade.' };
    // Guard: coordinators, managers and reporters have no decision right at all.
    for (const user of ['nora.falk', 'petter.akesson', 'emma.rahimi']) {
      expectErrorBody(await t.as(user).post(url, body), 403, 'PERMISSION_DENIED');
    }
    // The head decides submissions and IVO waivers, the CISO the other regimes: not this one.
    for (const user of ['helena.strand', 'cecilia.lund']) {
      expectErrorBody(await t.as(user).post(url, body), 403, 'PERMISSION_DENIED');
    }
    expectErrorBody(await t.as('maria.ek').post(url, body), 404, 'INCIDENT_NOT_FOUND');
    const noReason = await t.as('karin.vestberg').post(url, { version: imy.version });
    expectErrorBody(noReason, 400, 'VALIDATION_FAILED');
    expect(noReason.body.details[0].field).toBe('reason');
    // The risk is assessed HIGH_RISK: IMY must be notified.
    expectErrorBody(
      await t.as('karin.vestberg').post(url, body),
      400,
      'OBLIGATION_RISK_NOT_ASSESSED_UNLIKELY',
    );
    const log = stage(await obligationsAs(t, 'karin.vestberg', id), 'GDPR_ART33_5_LOG', 'BREACH_LOG');
    expectErrorBody(
      await t.as('karin.vestberg').post(`/api/incidents/${id}/obligations/${log.id}/not-required`, {
        version: log.version,
        reason: 'x',
      }),
      400,
      'OBLIGATION_DISPOSITION_NOT_ALLOWED',
    );
  });

  it('the DPO reassesses the risk as UNLIKELY: Art. 34 no longer applies (withdrawn), IMY not required', async () => {
    const patched = await t.as('karin.vestberg').patch(`/api/incidents/${id}`, {
      version: await versionOf('karin.vestberg', id),
      breachRiskAssessment: 'UNLIKELY',
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    let obligations = await obligationsAs(t, 'karin.vestberg', id);
    const art34 = stage(obligations, 'GDPR_ART34_SUBJECTS', 'COMMUNICATION');
    expect(art34.regimeApplies).toBe(false);
    const withdrawn = await t
      .as('karin.vestberg')
      .post(`/api/incidents/${id}/obligations/${art34.id}/withdraw`, {
        version: art34.version,
        reason: 'Risken bedöms nu som osannolik.',
      });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'WITHDRAWN', decision: 'WITHDRAWN' });

    const imy = stage(obligations, 'GDPR_ART33_IMY', 'NOTIFICATION');
    const res = await t.as('karin.vestberg').post(`/api/incidents/${id}/obligations/${imy.id}/not-required`, {
      version: imy.version,
      reason: 'Mottagaren är en myndighet med tystnadsplikt som raderat uppgifterna.',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      status: 'NOT_REQUIRED',
      statusLabel: 'Krävs inte',
      decision: 'NOT_REQUIRED',
      decidedById: await t.personId('karin.vestberg'),
      decidedAt: DEMO_NOW.toISOString(),
      notRequiredReason: 'Mottagaren är en myndighet med tystnadsplikt som raderat uppgifterna.',
      timeLeftSeconds: null,
    });
    // Decided once: a second decision is a conflict.
    expectErrorBody(
      await t.as('karin.vestberg').post(`/api/incidents/${id}/obligations/${imy.id}/not-required`, {
        version: res.body.version,
        reason: 'x',
      }),
      409,
      'OBLIGATION_ALREADY_CLOSED',
    );
    obligations = await obligationsAs(t, 'nora.falk', id);
    expect(obligations.map((o) => o.status)).toEqual(['NOT_REQUIRED', 'WITHDRAWN', 'PENDING']);
    const kinds = (await timelineAs(t, 'nora.falk', id)).map((e) => e.kind);
    expect(kinds.slice(-3)).toEqual(['FIELDS_UPDATED', 'OBLIGATION_WITHDRAWN', 'OBLIGATION_NOT_REQUIRED']);
  });

  it('runs the state machine with its guards, timeline entries and history', async () => {
    let version = await versionOf('nora.falk', id);
    expectErrorBody(
      await transition('nora.falk', id, { version, to: 'ACTIONS' }),
      409,
      'INCIDENT_INVALID_TRANSITION',
    );
    expectErrorBody(
      await transition('nora.falk', id, { version, to: 'CLOSED' }),
      409,
      'INCIDENT_INVALID_TRANSITION',
    );
    expectErrorBody(await transition('nora.falk', id, { version, to: 'MERGED' }), 400, 'VALIDATION_FAILED');
    // The named handler (petter.akesson, MANAGER of IFF-UTR) drives the investigation.
    let res = await transition('petter.akesson', id, { version, to: 'INVESTIGATING' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'INVESTIGATING', allowedTransitions: ['ACTIONS'] });
    res = await transition('petter.akesson', id, { version: res.body.version, to: 'ACTIONS' });
    expect(res.body.status).toBe('ACTIONS');
    version = res.body.version;
    // Closing is for the samordnare and the CISO.
    expectErrorBody(
      await transition('petter.akesson', id, { version, to: 'CLOSED' }),
      403,
      'INCIDENT_TRANSITION_FORBIDDEN',
    );
    expectErrorBody(
      await transition('helena.strand', id, { version, to: 'CLOSED' }),
      403,
      'INCIDENT_TRANSITION_FORBIDDEN',
    );

    // The guard: the breach log is open, root cause and lessons are missing (breach, severity HIGH).
    const before = await incidentCounts(t);
    const blocked = await transition('nora.falk', id, { version, to: 'CLOSED' });
    expectErrorBody(blocked, 409, 'INCIDENT_CLOSE_BLOCKED');
    expect(blocked.body.details.map((d: { code: string }) => d.code)).toEqual([
      'OBLIGATION_OPEN',
      'ROOT_CAUSE_REQUIRED',
      'LESSONS_LEARNED_REQUIRED',
    ]);
    expect(await incidentCounts(t)).toEqual(before);

    // The investigation fills in the facts: the Art. 33(5) breach log completes by itself.
    res = await t.as('nora.falk').patch(`/api/incidents/${id}`, {
      version,
      rootCauseCategory: 'HUMAN_ERROR',
      rootCause: 'Fel adress valdes i adressboken.',
      consequences: 'En utomstående kunde läsa utredningen.',
      measures: 'Mottagaren raderade mejlet; adressboken rensades.',
      lessonsLearned: 'Kontrollera mottagaren innan utredningar skickas.',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const log = stage(await obligationsAs(t, 'nora.falk', id), 'GDPR_ART33_5_LOG', 'BREACH_LOG');
    expect(log).toMatchObject({ status: 'MET', decision: 'SUBMITTED', submittedAt: DEMO_NOW.toISOString() });

    res = await transition('nora.falk', id, { version: res.body.version, to: 'CLOSED' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      status: 'CLOSED',
      closedAt: DEMO_NOW.toISOString(),
      allowedTransitions: ['INVESTIGATING'],
    });
    expect((await incidentAs(t, 'emma.rahimi', id)).status).toBe('CLOSED');

    // Closed is closed: reopen (with a reason) before changing anything.
    expectErrorBody(
      await t.as('nora.falk').patch(`/api/incidents/${id}`, { version: res.body.version, title: 'Ny titel' }),
      409,
      'INCIDENT_CLOSED',
    );
    expectErrorBody(
      await transition('nora.falk', id, { version: res.body.version, to: 'INVESTIGATING' }),
      400,
      'INCIDENT_REASON_REQUIRED',
    );
    expectErrorBody(
      await transition('petter.akesson', id, { version: res.body.version, to: 'INVESTIGATING', reason: 'x' }),
      403,
      'INCIDENT_TRANSITION_FORBIDDEN',
    );
    res = await transition('nora.falk', id, {
      version: res.body.version,
      to: 'INVESTIGATING',
      reason: 'Fler mottagare har hittats.',
    });
    expect(res.body).toMatchObject({ status: 'INVESTIGATING', closedAt: null });

    const statusEntries = (await timelineAs(t, 'nora.falk', id)).filter((e) => e.kind === 'STATUS_CHANGED');
    expect(statusEntries.map((e) => [e.data.from, e.data.to, e.text])).toEqual([
      ['REPORTED', 'TRIAGED', null],
      ['TRIAGED', 'INVESTIGATING', null],
      ['INVESTIGATING', 'ACTIONS', null],
      ['ACTIONS', 'CLOSED', null],
      ['CLOSED', 'INVESTIGATING', 'Fler mottagare har hittats.'],
    ]);
    const history = await t.as('cecilia.lund').get('/api/history', { entity: 'Incident', id });
    expect(history.body.items.map((e: { action: string }) => e.action).slice(-3)).toEqual([
      'update',
      'close',
      'reopen',
    ]);
    expect(history.body.items.at(-1).reason).toBe('Fler mottagare har hittats.');
  });
});

describe('a significant incident in a unit covered by cybersäkerhetslagen (SK-DRIFT)', () => {
  let id: string;
  let obligations: Obligation[];

  beforeAll(async () => {
    id = (
      await report(t, 'daniel.nyberg', {
        description: 'Servrarna krypteras av utpressningsvirus.',
        ongoing: 'YES',
      })
    ).id;
    const res = await triage('amir.haddad', id, {
      version: 1,
      type: 'IT_INCIDENT',
      subtype: 'RANSOMWARE',
      severity: 'CRITICAL',
      personalDataInvolved: 'NO',
      significantUnderCyberAct: true,
      aspectsAffected: ['T', 'R'],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.pendingAssessments).toEqual([]);
    obligations = await obligationsAs(t, 'amir.haddad', id);
  });

  it('has the three CYBER_ACT stages: early warning 24 h, notification 72 h, final report after it', () => {
    expect(obligations.map((o) => [o.stage, o.anchor, o.deadlineAt, o.receiver])).toEqual([
      ['EARLY_WARNING', 'AWARE_AT', at(24 * HOUR), 'CSIRT'],
      ['INCIDENT_NOTIFICATION', 'AWARE_AT', at(72 * HOUR), 'CSIRT'],
      ['FINAL_REPORT', 'PREVIOUS_STAGE_SUBMITTED', null, 'CSIRT'],
    ]);
    expect(obligations.every((o) => o.regime === 'CYBER_ACT')).toBe(true);
  });

  it('is submitted by the head of the unit only (D-07): not the samordnare, not the CISO', async () => {
    const early = stage(obligations, 'CYBER_ACT', 'EARLY_WARNING');
    const url = `/api/incidents/${id}/obligations/${early.id}/submit`;
    expectErrorBody(
      await t.as('amir.haddad').post(url, { version: early.version }),
      403,
      'PERMISSION_DENIED',
    );
    expectErrorBody(
      await t.as('cecilia.lund').post(url, { version: early.version }),
      403,
      'PERMISSION_DENIED',
    );
    expectErrorBody(
      await t.as('helena.strand').post(url, { version: early.version }),
      404,
      'INCIDENT_NOT_FOUND',
    );
    expectErrorBody(
      await t.as('lars.oberg').post(url, { version: early.version, submittedAt: at(HOUR) }),
      400,
      'INCIDENT_TIME_INVALID',
    );
    t.clock.advance(3 * HOUR);
    const res = await t
      .as('lars.oberg')
      .post(url, { version: early.version, externalReference: 'CERT-2026-118' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      status: 'MET',
      decision: 'SUBMITTED',
      submittedAt: at(3 * HOUR),
      submittedById: await t.personId('lars.oberg'),
      externalReference: 'CERT-2026-118',
    });
  });

  /** Sessions expire when the clock moves on: sign in again at the new time. */
  const signedIn = async (user: string) => {
    const { authorization } = await t.login(user);
    return {
      get: (path: string) => t.http.get(path).set('authorization', authorization),
      post: (path: string, body: object) => t.http.post(path).set('authorization', authorization).send(body),
    };
  };

  it('submitting the notification anchors the final report: one month later, Stockholm time', async () => {
    const notification = stage(obligations, 'CYBER_ACT', 'INCIDENT_NOTIFICATION');
    const url = `/api/incidents/${id}/obligations/${notification.id}/submit`;
    const future = await t
      .as('lars.oberg')
      .post(url, { version: notification.version, submittedAt: at(30 * HOUR) });
    expectErrorBody(future, 400, 'INCIDENT_TIME_INVALID');
    t.clock.advance(48 * HOUR); // 2026-11-18 10:00 Stockholm
    const ok = await (await signedIn('lars.oberg')).post(url, { version: notification.version });
    expect(ok.body).toMatchObject({ status: 'MET', submittedAt: at(48 * HOUR) });
    const amir = await signedIn('amir.haddad');
    const list = await amir.get(`/api/incidents/${id}/obligations`);
    const finalReport = stage(list.body.items as Obligation[], 'CYBER_ACT', 'FINAL_REPORT');
    // 2026-11-18 10:00 + 1 month = 2026-12-18 10:00 (both winter time).
    expect(finalReport).toMatchObject({ anchorAt: at(48 * HOUR), deadlineAt: '2026-12-18T09:00:00.000Z' });
    const timeline = await amir.get(`/api/incidents/${id}/timeline`);
    const kinds = (timeline.body.items as { kind: string }[]).map((e) => e.kind);
    expect(kinds.slice(-2)).toEqual(['OBLIGATION_SUBMITTED', 'OBLIGATION_RESCHEDULED']);
  });

  it('a stage past its deadline is OVERDUE, and submitting it needs a reason and makes it MISSED', async () => {
    t.clock.set(new Date('2026-12-19T09:00:00Z'));
    const amir = await signedIn('amir.haddad');
    const lars = await signedIn('lars.oberg');
    const list = await amir.get(`/api/incidents/${id}/obligations`);
    const finalReport = stage(list.body.items as Obligation[], 'CYBER_ACT', 'FINAL_REPORT');
    expect(finalReport).toMatchObject({ status: 'OVERDUE', timeLeftSeconds: -24 * 3600 });
    const url = `/api/incidents/${id}/obligations/${finalReport.id}/submit`;
    const before = await incidentCounts(t);
    const noReason = await lars.post(url, { version: finalReport.version });
    expectErrorBody(noReason, 400, 'OBLIGATION_LATE_REASON_REQUIRED');
    expect(noReason.body.details[0]).toMatchObject({ code: 'LATE_REASON_REQUIRED', field: 'lateReason' });
    expect(await incidentCounts(t)).toEqual(before);
    const res = await lars.post(url, {
      version: finalReport.version,
      lateReason: 'Återställningen pågick längre än väntat.',
    });
    expect(res.body).toMatchObject({
      status: 'MISSED',
      lateReason: 'Återställningen pågick längre än väntat.',
    });
  });

  it('the CISO decides that a cyber act stage is not required; the head may not', async () => {
    const other = (await report(t, 'daniel.nyberg', { description: 'Intrångsförsök mot VPN.' })).id;
    await triage('amir.haddad', other, {
      version: 1,
      type: 'IT_INCIDENT',
      severity: 'HIGH',
      personalDataInvolved: 'NO',
      significantUnderCyberAct: true,
    });
    const early = stage(await obligationsAs(t, 'amir.haddad', other), 'CYBER_ACT', 'EARLY_WARNING');
    const url = `/api/incidents/${other}/obligations/${early.id}/not-required`;
    expectErrorBody(
      await t.as('lars.oberg').post(url, { version: early.version, reason: 'x' }),
      403,
      'PERMISSION_DENIED',
    );
    const res = await t
      .as('cecilia.lund')
      .post(url, { version: early.version, reason: 'Försöket stoppades i brandväggen.' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'NOT_REQUIRED', decidedById: await t.personId('cecilia.lund') });
  });
});

describe('rejecting a report that is not an incident', () => {
  it('needs the samordnare or the CISO and a reason; the reporter sees the outcome', async () => {
    const id = (
      await report(t, 'oskar.lindqvist', {
        orgUnitId: await t.unitId('VOF-HEM'),
        description: 'Skrivaren är trasig.',
      })
    ).id;
    expectErrorBody(
      await transition('jonas.berg', id, { version: 1, to: 'REJECTED' }),
      400,
      'INCIDENT_REASON_REQUIRED',
    );
    expectErrorBody(
      await transition('birgitta.sundin', id, { version: 1, to: 'REJECTED', reason: 'x' }),
      403,
      'INCIDENT_TRANSITION_FORBIDDEN',
    );
    const res = await transition('jonas.berg', id, {
      version: 1,
      to: 'REJECTED',
      reason: 'Ej incident, hänvisad till servicedesk.',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'Ej incident, hänvisad till servicedesk.',
    });
    expect(await incidentAs(t, 'oskar.lindqvist', id)).toMatchObject({
      view: 'REPORTER',
      status: 'REJECTED',
      outcome: 'Ej incident, hänvisad till servicedesk.',
    });
    expectErrorBody(
      await transition('jonas.berg', id, { version: 2, to: 'INVESTIGATING', reason: 'x' }),
      409,
      'INCIDENT_INVALID_TRANSITION',
    );
  });
});

describe('the timeline', () => {
  let id: string;

  beforeAll(async () => {
    id = (await report(t, 'emma.rahimi', { description: 'Dörren till arkivet stod öppen.' })).id;
  });

  it('takes manual notes from those who handle the incident, never from the reporter or the auditor', async () => {
    const res = await t
      .as('nora.falk')
      .post(`/api/incidents/${id}/timeline`, { text: 'Ringde fastighetsjouren.' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      seq: 2,
      kind: 'NOTE',
      kindLabel: 'Anteckning',
      text: 'Ringde fastighetsjouren.',
      actorId: await t.personId('nora.falk'),
      actorName: 'Nora Falk',
      actorMasked: false,
    });
    expectErrorBody(await t.as('emma.rahimi').post(`/api/incidents/${id}/timeline`, { text: 'x' }), 403);
    expectErrorBody(await t.as('tove.granath').post(`/api/incidents/${id}/timeline`, { text: 'x' }), 403);
    expectErrorBody(await t.as('amir.haddad').post(`/api/incidents/${id}/timeline`, { text: 'x' }), 404);
    const empty = await t.as('nora.falk').post(`/api/incidents/${id}/timeline`, { text: '' });
    expectErrorBody(empty, 400, 'VALIDATION_FAILED');
    expect(empty.body.details[0].field).toBe('text');
    const history = await t
      .as('nora.falk')
      .get('/api/history', { entity: 'IncidentTimelineEntry', id: res.body.id });
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['note']);
  });

  it('is append-only in the database: no UPDATE of content, no DELETE, no TRUNCATE', async () => {
    const [entry] = await t.dataSource.query(
      `SELECT id FROM incident_timeline_entry WHERE incident_id = $1 AND seq = 1`,
      [id],
    );
    // A client of its own, so the refusals are not logged as the app's failed queries.
    const client = new Client({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      for (const sql of [
        `UPDATE incident_timeline_entry SET text = 'ändrad' WHERE id = '${entry.id}'`,
        `DELETE FROM incident_timeline_entry WHERE id = '${entry.id}'`,
        `TRUNCATE incident_timeline_entry CASCADE`,
      ]) {
        await expect(client.query(sql), sql).rejects.toThrow(/append-only/);
      }
    } finally {
      await client.end();
    }
    // The scope columns follow the incident (org moves, re-triage).
    await expect(
      t.dataSource.query(`UPDATE incident_timeline_entry SET incident_type = 'IT_INCIDENT' WHERE id = $1`, [
        entry.id,
      ]),
    ).resolves.toBeDefined();
  });
});

describe('what a DPO may change', () => {
  it('only breaches, and not out of reach: a type change away from breach is refused (403)', async () => {
    const id = (
      await report(t, 'emma.rahimi', { description: 'Fel akt öppnad.', personalDataInvolved: 'YES' })
    ).id;
    await triage('nora.falk', id, { version: 1, type: 'PERSONAL_DATA_BREACH', severity: 'MEDIUM' });
    const version = await versionOf('karin.vestberg', id);
    const before = await incidentCounts(t);
    expectErrorBody(
      await t
        .as('karin.vestberg')
        .patch(`/api/incidents/${id}`, { version, type: 'IT_INCIDENT', personalDataInvolved: 'NO' }),
      403,
      'PERMISSION_DENIED',
    );
    expect(await incidentCounts(t)).toEqual(before);
    // The samordnare may re-triage; the breach stages then no longer apply.
    const res = await t
      .as('nora.falk')
      .patch(`/api/incidents/${id}`, { version, type: 'INFOSEC_INCIDENT', personalDataInvolved: 'NO' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expectErrorBody(await t.as('karin.vestberg').get(`/api/incidents/${id}`), 404);
    const stages = await obligationsAs(t, 'nora.falk', id);
    expect(stages.map((o) => [o.regime, o.regimeApplies])).toEqual([
      ['GDPR_ART33_IMY', false],
      ['GDPR_ART33_5_LOG', false],
    ]);
    // The DPO, the decider for the GDPR regimes, still reads those stages and withdraws them.
    expectErrorBody(
      await t.as('nora.falk').post(`/api/incidents/${id}/obligations/${stages[0].id}/withdraw`, {
        version: stages[0].version,
        reason: 'x',
      }),
      403,
      'PERMISSION_DENIED',
    );
    for (const o of await obligationsAs(t, 'karin.vestberg', id)) {
      const res = await t.as('karin.vestberg').post(`/api/incidents/${id}/obligations/${o.id}/withdraw`, {
        version: o.version,
        reason: 'Ingen personuppgiftsincident.',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ status: 'WITHDRAWN', regimeApplies: false });
    }
    expectErrorBody(
      await t.as('maria.ek').get(`/api/incidents/${id}/obligations`),
      404,
      'INCIDENT_NOT_FOUND',
    );
  });

  it('a stage whose regime still applies cannot be withdrawn', async () => {
    const id = (await report(t, 'emma.rahimi', { description: 'Lista med personnummer i papperskorgen.' }))
      .id;
    await triage('nora.falk', id, { version: 1, type: 'PERSONAL_DATA_BREACH', severity: 'LOW' });
    const [imy] = await obligationsAs(t, 'karin.vestberg', id);
    expectErrorBody(
      await t
        .as('karin.vestberg')
        .post(`/api/incidents/${id}/obligations/${imy.id}/withdraw`, { version: imy.version, reason: 'x' }),
      400,
      'OBLIGATION_REGIME_STILL_APPLIES',
    );
  });
});
