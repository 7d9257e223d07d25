import { extractPdfText } from '@varna/documents';
import { IncidentAlertsService } from '@varna/incident';
import { DEMO_NOW } from '@varna/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { expectErrorBody } from '../support/expect';
import { incidentAs, obligationsAs, report, timelineAs, type Obligation } from '../support/incidents';

/**
 * The tenant's regulator clock rules (domain.md §4d "Clock rules", D-24, D-25, D-60; ADR 0015): read
 * by everyone, changed by the CISO; statutory deadlines refused with the domain's issue codes; the
 * MSBFS 2020:8 model on triage when switched on; a target period used for stages created afterwards;
 * the receivers named; the CSIRT's intermediate request and the progress report that takes over the
 * final report's deadline while the incident is ongoing (NIS2 Art. 23(4)(c), (e)), with their drafts.
 * DEMO_NOW is Monday 2026-11-16 10:00 in Stockholm (09:00Z).
 */

const HOUR = 3_600_000;
const at = (ms: number) => new Date(DEMO_NOW.getTime() + ms).toISOString();

let t: TestApp;

beforeAll(async () => {
  // Uncompressed PDFs (the text is read back); sessions outlive the clock's jump of a month.
  t = await startTestApp({ config: { pdfCompress: false, sessionTtlMinutes: 90 * 24 * 60 } });
});
afterAll(() => t?.close());

const rulesPath = '/api/incident-clock-rules';
const historyCount = async () => {
  const [row] = await t.dataSource.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM history_entry WHERE entity_type = 'IncidentClockRules'`,
  );
  return row.n;
};
const stage = (list: Obligation[], regime: string, name: string) => {
  const found = list.filter((o) => o.regime === regime && o.stage === name);
  if (found.length === 0) throw new Error(`no ${regime} ${name} in ${JSON.stringify(list)}`);
  return found[found.length - 1];
};

/** An IT incident in SK-DRIFT (covered by the cyber act), triaged by its samordnare. */
async function itIncident(body: Record<string, unknown> = {}, significant = false) {
  const { id } = await report(t, 'daniel.nyberg', { description: 'Servern svarar inte.', ...body });
  const res = await t.as('amir.haddad').post(`/api/incidents/${id}/triage`, {
    version: 1,
    type: 'IT_INCIDENT',
    severity: 'HIGH',
    personalDataInvolved: 'NO',
    significantUnderCyberAct: significant,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return id;
}

const draft = (user: string, id: string, name: string) =>
  t
    .as(user)
    .get(`/api/incidents/${id}/drafts/${name}.pdf`)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      const json = String(res.headers['content-type'] ?? '').startsWith('application/json');
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        done(null, json ? JSON.parse(bytes.toString('utf8')) : bytes);
      });
    });

async function textOf(user: string, id: string, name: string): Promise<string> {
  const res = await draft(user, id, name);
  expect(res.status, `${user} ${name}: ${JSON.stringify(res.body)}`).toBe(200);
  return extractPdfText(res.body as Buffer);
}

describe('reading and changing the rules', () => {
  it('everyone signed in reads the defaults: MSBFS off, the D-24 targets, IMY, CERT-SE (MCF), IVO', async () => {
    const res = await t.as('emma.rahimi').get(rulesPath);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      msbfsEnabled: false,
      msbfsIncidentTypes: ['INFOSEC_INCIDENT', 'IT_INCIDENT', 'PERSONAL_DATA_BREACH'],
      updatedAt: null,
      version: 0,
    });
    const targets = (res.body.targets as { regime: string; stage: string; period: object }[]).map(
      (s) => `${s.regime}.${s.stage} ${JSON.stringify(s.period)}`,
    );
    expect(targets).toEqual([
      'GDPR_ART33_IMY.SUPPLEMENT {"unit":"DAYS","amount":28}',
      'GDPR_ART34_SUBJECTS.COMMUNICATION {"unit":"HOURS","amount":72}',
      'MSBFS_2020_8_MODEL.NOTIFICATION {"unit":"HOURS","amount":6}',
      'MSBFS_2020_8_MODEL.FINAL_REPORT {"unit":"DAYS","amount":28}',
      'IVO_LEX_SARAH.REPORT {"unit":"DAYS","amount":14}',
      'IVO_LEX_MARIA.REPORT {"unit":"DAYS","amount":14}',
    ]);
    expect((res.body.deadlines as { regime: string; stage: string }[]).map((s) => s.stage)).toEqual([
      'NOTIFICATION',
      'EARLY_WARNING',
      'INCIDENT_NOTIFICATION',
      'FINAL_REPORT',
      'PROGRESS_REPORT',
    ]);
    expect(
      (res.body.receivers as { kind: string; name: string; configured: boolean }[]).map((r) => [
        r.kind,
        r.name,
        r.configured,
      ]),
    ).toEqual([
      ['IMY', 'Integritetsskyddsmyndigheten (IMY)', false],
      ['CSIRT', 'CERT-SE (MCF)', false],
      ['IVO', 'Inspektionen för vård och omsorg (IVO)', false],
      ['SECURITY_SERVICE', 'Säkerhetspolisen (via säkerhetsskyddschefen)', false],
      ['POLICE', 'Polismyndigheten', false],
    ]);
    expect((await t.as('tove.granath').get(rulesPath)).status).toBe(200);
    expect((await t.as('viktor.berglof').get(rulesPath)).status).toBe(200);
    expectErrorBody(await t.http.get(rulesPath), 401);
  });

  it('only the CISO changes them: samordnare, DPO, medarbetare, revisor and admin get 403', async () => {
    for (const user of ['nora.falk', 'karin.vestberg', 'emma.rahimi', 'tove.granath', 'viktor.berglof']) {
      expectErrorBody(await t.as(user).patch(rulesPath, { msbfsEnabled: true }), 403, 'PERMISSION_DENIED', {
        what: user,
      });
    }
    expectErrorBody(await t.http.patch(rulesPath).send({ msbfsEnabled: true }), 401);
    expect(await historyCount()).toBe(0);
  });

  it('refuses statutory deadlines and invalid periods with the domain’s issue codes, writing nothing', async () => {
    const cecilia = t.as('cecilia.lund');
    const refused = await cecilia.patch(rulesPath, {
      periodOverrides: [
        { regime: 'GDPR_ART33_IMY', stage: 'NOTIFICATION', period: { unit: 'HOURS', amount: 96 } },
        { regime: 'CYBER_ACT', stage: 'EARLY_WARNING', period: { unit: 'HOURS', amount: 48 } },
      ],
    });
    expectErrorBody(refused, 400, 'CLOCK_RULES_PERIOD_NOT_OVERRIDABLE');
    expect(refused.body.details).toEqual([
      expect.objectContaining({
        code: 'PERIOD_NOT_OVERRIDABLE',
        regime: 'GDPR_ART33_IMY',
        stage: 'NOTIFICATION',
        field: 'periodOverrides',
      }),
      expect.objectContaining({
        code: 'PERIOD_NOT_OVERRIDABLE',
        regime: 'CYBER_ACT',
        stage: 'EARLY_WARNING',
      }),
    ]);
    const notInRegime = await cecilia.patch(rulesPath, {
      periodOverrides: [
        { regime: 'IVO_LEX_SARAH', stage: 'NOTIFICATION', period: { unit: 'DAYS', amount: 7 } },
      ],
    });
    expectErrorBody(notInRegime, 400, 'CLOCK_RULES_STAGE_NOT_IN_REGIME');
    const zero = await cecilia.patch(rulesPath, {
      periodOverrides: [{ regime: 'IVO_LEX_SARAH', stage: 'REPORT', period: { unit: 'DAYS', amount: 0 } }],
    });
    expectErrorBody(zero, 400, 'CLOCK_RULES_INVALID_PERIOD');
    expect(zero.body.details[0]).toMatchObject({ code: 'INVALID_PERIOD', regime: 'IVO_LEX_SARAH' });
    // Input the DTOs refuse.
    for (const body of [
      {},
      { msbfsEnabled: 'ja' },
      { msbfsEnabled: null },
      { unknown: true },
      { msbfsIncidentTypes: [] },
      { msbfsIncidentTypes: ['NOT_A_TYPE'] },
      {
        periodOverrides: [{ regime: 'IVO_LEX_SARAH', stage: 'REPORT', period: { unit: 'WEEKS', amount: 2 } }],
      },
      {
        periodOverrides: [
          { regime: 'IVO_LEX_SARAH', stage: 'REPORT', period: { unit: 'DAYS', amount: 1.5 } },
        ],
      },
      { receivers: [{ kind: 'DATA_SUBJECTS', name: 'De registrerade' }] },
      { receivers: [{ kind: 'CSIRT', name: '' }] },
      { receivers: [{ kind: 'CSIRT', name: 'CERT-SE', extra: 1 }] },
    ]) {
      expectErrorBody(await cecilia.patch(rulesPath, body), 400, 'VALIDATION_FAILED', {
        what: JSON.stringify(body),
      });
    }
    expectErrorBody(
      await cecilia.patch(rulesPath, {
        receivers: [
          { kind: 'CSIRT', name: 'A' },
          { kind: 'CSIRT', name: 'B' },
        ],
      }),
      400,
      'CLOCK_RULES_RECEIVER_DUPLICATE',
    );
    expect(await historyCount()).toBe(0);
    expect(await t.dataSource.query(`SELECT id FROM incident_clock_rules`)).toEqual([]);
  });
});

describe('the MSBFS 2020:8 model', () => {
  let before: string;

  it('is off: a triaged IT incident has no MSBFS stages', async () => {
    before = await itIncident();
    expect((await obligationsAs(t, 'amir.haddad', before)).map((o) => o.regime)).toEqual([]);
  });

  it('switched on by the CISO (one history entry), a triaged IT incident gets NOTIFICATION 6 h and FINAL_REPORT 28 days', async () => {
    const res = await t.as('cecilia.lund').patch(rulesPath, { msbfsEnabled: true });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ msbfsEnabled: true, version: 1 });
    expect(await historyCount()).toBe(1);
    // The same again changes nothing and writes no history.
    expect((await t.as('cecilia.lund').patch(rulesPath, { msbfsEnabled: true })).status).toBe(200);
    expect(await historyCount()).toBe(1);
    expect((await t.as('emma.rahimi').get(rulesPath)).body.msbfsEnabled).toBe(true);

    const id = await itIncident();
    const stages = await obligationsAs(t, 'amir.haddad', id);
    expect(stages.map((o) => [o.regime, o.stage, o.anchor, o.clock, o.targetAt, o.deadlineAt])).toEqual([
      ['MSBFS_2020_8_MODEL', 'NOTIFICATION', 'IDENTIFIED_AT', 'TARGET', at(6 * HOUR), null],
      // 28 calendar days at the same Stockholm time: 2026-12-14 10:00.
      ['MSBFS_2020_8_MODEL', 'FINAL_REPORT', 'IDENTIFIED_AT', 'TARGET', '2026-12-14T09:00:00.000Z', null],
    ]);
    expect(stages[0]).toMatchObject({
      receiver: 'CSIRT',
      receiverLabel: 'CERT-SE (MCF)',
      regimeApplies: true,
    });
    const timeline = await timelineAs(t, 'amir.haddad', id);
    expect(timeline.filter((e) => e.kind === 'OBLIGATION_CREATED')).toHaveLength(2);
    // A deviation is not a type the model covers.
    const { id: deviation } = await report(t, 'daniel.nyberg', { description: 'Fel i diariet.' });
    const triaged = await t.as('amir.haddad').post(`/api/incidents/${deviation}/triage`, {
      version: 1,
      type: 'DEVIATION',
      subtype: 'CASE_HANDLING',
      severity: 'LOW',
      personalDataInvolved: 'NO',
    });
    expect(triaged.status, JSON.stringify(triaged.body)).toBe(200);
    expect(await obligationsAs(t, 'amir.haddad', deviation)).toEqual([]);
  });

  it('a changed target period applies to stages created afterwards; earlier stages keep theirs', async () => {
    const earlier = await itIncident();
    const res = await t.as('cecilia.lund').patch(rulesPath, {
      periodOverrides: [
        { regime: 'MSBFS_2020_8_MODEL', stage: 'NOTIFICATION', period: { unit: 'HOURS', amount: 4 } },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const notification = (res.body.targets as { regime: string; stage: string }[]).find(
      (s) => s.regime === 'MSBFS_2020_8_MODEL' && s.stage === 'NOTIFICATION',
    );
    expect(notification).toMatchObject({
      period: { unit: 'HOURS', amount: 4 },
      defaultPeriod: { unit: 'HOURS', amount: 6 },
      overridden: true,
    });
    // The same overrides again (jsonb keeps its own key order) change nothing and write no history.
    const entries = await historyCount();
    const again = await t.as('cecilia.lund').patch(rulesPath, {
      periodOverrides: [
        { regime: 'MSBFS_2020_8_MODEL', stage: 'NOTIFICATION', period: { amount: 4, unit: 'HOURS' } },
      ],
    });
    expect(again.body.version).toBe(res.body.version);
    expect(await historyCount()).toBe(entries);
    const later = await itIncident();
    expect(
      stage(await obligationsAs(t, 'amir.haddad', later), 'MSBFS_2020_8_MODEL', 'NOTIFICATION'),
    ).toMatchObject({ targetAt: at(4 * HOUR) });
    expect(
      stage(await obligationsAs(t, 'amir.haddad', earlier), 'MSBFS_2020_8_MODEL', 'NOTIFICATION'),
    ).toMatchObject({ targetAt: at(6 * HOUR) });
    // D-26: a later awareAt change recomputes with the rules in force.
    const current = await incidentAs(t, 'amir.haddad', earlier);
    const moved = await t.as('amir.haddad').patch(`/api/incidents/${earlier}`, {
      version: current.version,
      awareAt: at(-HOUR),
      awareAtReason: 'Larmet kom en timme före anmälan.',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(
      stage(await obligationsAs(t, 'amir.haddad', earlier), 'MSBFS_2020_8_MODEL', 'NOTIFICATION'),
    ).toMatchObject({ targetAt: at(3 * HOUR) });
  });

  it('switched off again: new incidents get no MSBFS stages, existing ones show that the regime no longer applies', async () => {
    const res = await t.as('cecilia.lund').patch(rulesPath, { msbfsEnabled: false, periodOverrides: [] });
    expect(res.status).toBe(200);
    expect(await historyCount()).toBe(3);
    expect(await obligationsAs(t, 'amir.haddad', await itIncident())).toEqual([]);
    const [row] = await t.dataSource.query<{ id: string }[]>(
      `SELECT o.incident_id AS id FROM regulatory_obligation o WHERE o.regime = 'MSBFS_2020_8_MODEL' LIMIT 1`,
    );
    const stages = await obligationsAs(t, 'amir.haddad', row.id);
    expect(stages.every((o) => o.regimeApplies === false)).toBe(true);
  });
});

describe('the cyber act: intermediate report on request, progress report while ongoing (D-60)', () => {
  let id: string;
  const obligations = () => obligationsAs(t, 'amir.haddad', id);

  beforeAll(async () => {
    id = await itIncident({ description: 'Servrarna krypteras av utpressningsvirus.', ongoing: 'YES' }, true);
  });

  it('a handler records the CSIRT’s request: an INTERMEDIATE_REPORT with the stated deadline', async () => {
    const url = `/api/incidents/${id}/obligations/intermediate-request`;
    const body = {
      requestedAt: at(-HOUR),
      deadlineAt: at(47 * HOUR),
      note: 'CERT-SE vill veta vilka system som är krypterade.',
    };
    expectErrorBody(await t.as('daniel.nyberg').post(url, body), 403, 'PERMISSION_DENIED');
    expectErrorBody(await t.as('helena.strand').post(url, body), 404, 'INCIDENT_NOT_FOUND');
    expectErrorBody(
      await t.as('amir.haddad').post(url, { ...body, deadlineAt: at(-2 * HOUR) }),
      400,
      'INCIDENT_TIME_INVALID',
    );
    expectErrorBody(
      await t.as('amir.haddad').post(url, { ...body, requestedAt: at(HOUR) }),
      400,
      'INCIDENT_TIME_INVALID',
    );
    expectErrorBody(
      await t.as('amir.haddad').post(url, { ...body, deadlineAt: 'i morgon' }),
      400,
      'VALIDATION_FAILED',
    );
    const notCyber = await itIncident();
    expectErrorBody(
      await t.as('amir.haddad').post(`/api/incidents/${notCyber}/obligations/intermediate-request`, body),
      409,
      'OBLIGATION_CYBER_ACT_NOT_APPLICABLE',
    );
    expect((await obligations()).some((o) => o.stage === 'INTERMEDIATE_REPORT')).toBe(false);

    const res = await t.as('amir.haddad').post(url, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      regime: 'CYBER_ACT',
      stage: 'INTERMEDIATE_REPORT',
      anchor: 'DECISION_DATE',
      anchorAt: at(-HOUR),
      deadlineAt: at(47 * HOUR),
      clock: 'DEADLINE',
      receiverLabel: 'CERT-SE (MCF)',
      status: 'PENDING',
    });
    const entry = (await timelineAs(t, 'amir.haddad', id)).at(-1);
    expect(entry).toMatchObject({
      kind: 'OBLIGATION_CREATED',
      text: body.note,
      data: expect.objectContaining({ stage: 'INTERMEDIATE_REPORT', requestedBy: 'CSIRT' }),
    });
  });

  it('the intermediate report draft (Swedish) names the receiver, the request and the deadline', async () => {
    const text = await textOf('amir.haddad', id, 'csirt-intermediate-report');
    for (const row of [
      'Delrapport om betydande incident',
      'till CERT-SE (MCF)',
      'CSIRT-enhet CERT-SE (MCF)',
      'Tidsfrist: den tidsfrist CSIRT-enhetens begäran anger (art. 23.4 c)',
      'Sista tidpunkt (lagkrav) 2026-11-18 09:00',
      'Begäran mottagen 2026-11-16 09:00',
      'Vad CSIRT-enheten begär CERT-SE vill veta vilka system som är krypterade.',
      'UTKAST',
    ]) {
      expect(text, row).toContain(row);
    }
  });

  it('ongoing when the final report falls due: a PROGRESS_REPORT takes the deadline, the final report waits for HANDLED_AT', async () => {
    const notification = stage(await obligations(), 'CYBER_ACT', 'INCIDENT_NOTIFICATION');
    t.clock.set(new Date(at(48 * HOUR))); // 2026-11-18 10:00 Stockholm
    const sent = await t
      .as('lars.oberg')
      .post(`/api/incidents/${id}/obligations/${notification.id}/submit`, { version: notification.version });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const alerts = t.app.get(IncidentAlertsService);
    // Before the deadline nothing is taken over.
    t.clock.set(new Date('2026-12-18T08:59:59Z'));
    expect((await alerts.runEscalations()).progressReports).toBe(0);
    // 2026-12-18 10:00 Stockholm: one month after the notification.
    t.clock.set(new Date('2026-12-18T09:00:00Z'));
    expect((await alerts.runEscalations()).progressReports).toBe(1);
    expect((await alerts.runEscalations()).progressReports).toBe(0);
    const list = await obligations();
    expect(stage(list, 'CYBER_ACT', 'PROGRESS_REPORT')).toMatchObject({
      anchor: 'PREVIOUS_STAGE_SUBMITTED',
      anchorAt: at(48 * HOUR),
      deadlineAt: '2026-12-18T09:00:00.000Z',
      status: 'DUE_SOON',
      receiverLabel: 'CERT-SE (MCF)',
    });
    expect(stage(list, 'CYBER_ACT', 'FINAL_REPORT')).toMatchObject({
      anchor: 'HANDLED_AT',
      anchorAt: null,
      deadlineAt: null,
      status: 'PENDING',
    });
    const kinds = (await timelineAs(t, 'amir.haddad', id)).slice(-2).map((e) => [e.kind, e.data.stage]);
    expect(kinds).toEqual([
      ['OBLIGATION_CREATED', 'PROGRESS_REPORT'],
      ['OBLIGATION_RESCHEDULED', 'FINAL_REPORT'],
    ]);
  });

  it('the progress report draft (Swedish) says the incident is ongoing and when the final report follows', async () => {
    const text = await textOf('cecilia.lund', id, 'csirt-progress-report');
    for (const row of [
      'Lägesrapport om betydande incident',
      'Tidsfrist: senast en månad efter incidentanmälan, i stället för slutrapporten (art. 23.4 e)',
      'Sista tidpunkt (lagkrav) 2026-12-18 10:00',
      'Incidenten pågår när slutrapporten ska lämnas.',
      'Pågår incidenten? Pågår fortfarande',
    ]) {
      expect(text, row).toContain(row);
    }
  });

  it('ongoing set to NO re-anchors the final report on HANDLED_AT: one month later', async () => {
    t.clock.set(new Date('2026-12-20T13:30:00Z')); // 14:30 Stockholm
    const current = await incidentAs(t, 'amir.haddad', id);
    const res = await t
      .as('amir.haddad')
      .patch(`/api/incidents/${id}`, { version: current.version, ongoing: 'NO' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(stage(await obligations(), 'CYBER_ACT', 'FINAL_REPORT')).toMatchObject({
      anchor: 'HANDLED_AT',
      anchorAt: '2026-12-20T13:30:00.000Z',
      deadlineAt: '2027-01-20T13:30:00.000Z',
      status: 'PENDING',
    });
    const last = (await timelineAs(t, 'amir.haddad', id)).at(-1);
    expect(last).toMatchObject({
      kind: 'OBLIGATION_RESCHEDULED',
      data: expect.objectContaining({ anchor: 'HANDLED_AT' }),
    });
    t.clock.set(DEMO_NOW);
  });

  it('a renamed receiver (D-25) is what the stages and the drafts name', async () => {
    const res = await t.as('cecilia.lund').patch(rulesPath, {
      receivers: [{ kind: 'CSIRT', name: 'Nationell CSIRT-enhet (FRA)', contact: 'csirt@fra.example' }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.receivers[1]).toMatchObject({
      kind: 'CSIRT',
      name: 'Nationell CSIRT-enhet (FRA)',
      contact: 'csirt@fra.example',
      configured: true,
    });
    expect(stage(await obligations(), 'CYBER_ACT', 'EARLY_WARNING').receiverLabel).toBe(
      'Nationell CSIRT-enhet (FRA)',
    );
    const text = await textOf('amir.haddad', id, 'csirt-early-warning');
    expect(text).toContain('CSIRT-enhet Nationell CSIRT-enhet (FRA) Kontakt csirt@fra.example');
  });
});
