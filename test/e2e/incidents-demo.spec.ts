import { DemoSeeder } from '@varna/demo';
import { DEMO_NOW, DEMO_PASSWORD } from '@varna/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { demoNumber, incidentAs, incidentId, obligationsAs, type Obligation } from '../support/incidents';

/**
 * The demo incidents (domain.md §6.6) as the API shows them at DEMO_NOW, and the incident KPIs of
 * §6.11 computed from what the CISO reads (K10–K13, K15; K14 has no demo value). The statistics
 * endpoint arrives later; these figures prove the seeded data carries them.
 */

const HOUR = 3_600_000;

interface Incident {
  id: string;
  number: string;
  type: string | null;
  status: string;
  severity: string | null;
  reportedAt: string;
  awareAt: string;
  closedAt: string | null;
  rootCause: string | null;
  lessonsLearned: string | null;
  orgUnitId: string;
}

let t: TestApp;
let incidents: Incident[];
const stages = new Map<string, Obligation[]>();

/** Tertial (1–3) and year of an instant, in Europe/Stockholm. */
function tertialOf(iso: string): { year: number; tertial: number } {
  const [year, month] = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
  })
    .format(new Date(iso))
    .split('-')
    .map(Number);
  return { year, tertial: Math.ceil(month / 4) };
}

beforeAll(async () => {
  t = await startTestApp();
  const res = await t.as('cecilia.lund').get('/api/incidents', { limit: 500 });
  incidents = res.body.items;
  for (const i of incidents) stages.set(i.number, await obligationsAs(t, 'cecilia.lund', i.id));
});
afterAll(() => t?.close());

describe('the demo incidents (§6.6)', () => {
  it('are the 15 of the table, numbered INC-2026-0001 … 0015 after their demo ids', () => {
    expect(incidents.map((i) => i.number).sort()).toEqual(
      Array.from({ length: 15 }, (_, i) => demoNumber(i + 1)),
    );
    const byNumber = new Map(incidents.map((i) => [i.number, i]));
    expect(byNumber.get(demoNumber(15))).toMatchObject({ type: null, status: 'REPORTED', severity: null });
    expect(byNumber.get(demoNumber(14))).toMatchObject({ status: 'REJECTED' });
    expect(byNumber.get(demoNumber(9))).toMatchObject({
      type: 'IT_INCIDENT',
      status: 'CLOSED',
      severity: 'HIGH',
    });
  });

  it('INC-01 is a personuppgiftsincident with a running IMY clock: 72 h from awareAt, 42 h left at DEMO_NOW', async () => {
    const inc01 = await incidentAs(t, 'nora.falk', await incidentId(t, demoNumber(1)));
    const awareAt = new Date(DEMO_NOW.getTime() - 30 * HOUR);
    expect(inc01).toMatchObject({
      type: 'PERSONAL_DATA_BREACH',
      subtype: 'WRONG_RECIPIENT',
      status: 'INVESTIGATING',
      severity: 'HIGH',
      breachRiskAssessment: 'HIGH_RISK',
      awareAt: awareAt.toISOString(), // 2026-11-15 04:00 Stockholm (D-67)
      reporterId: await t.personId('emma.rahimi'),
      orgUnitId: await t.unitId('IFF-UTR'),
    });
    const [imy, art34, log] = stages.get(demoNumber(1)) as Obligation[];
    expect(imy).toMatchObject({
      regime: 'GDPR_ART33_IMY',
      status: 'PENDING',
      deadlineAt: new Date(awareAt.getTime() + 72 * HOUR).toISOString(),
      timeLeftSeconds: 42 * 3600,
    });
    expect(art34).toMatchObject({
      regime: 'GDPR_ART34_SUBJECTS',
      status: 'PENDING',
      targetAt: new Date(awareAt.getTime() + 72 * HOUR).toISOString(),
    });
    expect(log).toMatchObject({ regime: 'GDPR_ART33_5_LOG', status: 'PENDING' });
    // Its reporter follows it, in the reporter's view.
    expect(await incidentAs(t, 'emma.rahimi', inc01.id as string)).toMatchObject({
      view: 'REPORTER',
      status: 'INVESTIGATING',
    });
  });

  it('INC-05’s IMY notification was MISSED with its reason; INC-09’s three cyber act stages were MET', () => {
    const [imy] = stages.get(demoNumber(5)) as Obligation[];
    expect(imy).toMatchObject({
      status: 'MISSED',
      submittedAt: '2026-02-25T08:00:00.000Z',
      lateReason: 'Rapporten nådde ansvarig chef först på måndagen.',
    });
    expect((stages.get(demoNumber(9)) as Obligation[]).map((o) => [o.stage, o.status])).toEqual([
      ['EARLY_WARNING', 'MET'],
      ['INCIDENT_NOTIFICATION', 'MET'],
      ['FINAL_REPORT', 'MET'],
    ]);
    const final = (stages.get(demoNumber(9)) as Obligation[])[2];
    expect(final.deadlineAt).toBe('2026-11-08T08:30:00.000Z'); // 2026-11-08 09:30 Stockholm
  });

  it('every closed incident’s stages are decided (the closing guard of §4d holds for the demo)', () => {
    for (const i of incidents.filter((x) => x.status === 'CLOSED')) {
      for (const o of stages.get(i.number) as Obligation[]) {
        expect(
          ['MET', 'MISSED', 'NOT_REQUIRED', 'WITHDRAWN'],
          `${i.number} ${o.regime} ${o.stage}`,
        ).toContain(o.status);
      }
    }
  });
});

describe('KPIs at DEMO_NOW (§6.11)', () => {
  it('K10 (2026): incidents per type and tertial, REJECTED excluded, untriaged as UNTRIAGED', () => {
    const counts: Record<string, Record<string, number>> = {};
    for (const i of incidents.filter((x) => !['REJECTED', 'MERGED'].includes(x.status))) {
      const { year, tertial } = tertialOf(i.reportedAt);
      if (year !== 2026) continue;
      const type = i.type ?? 'UNTRIAGED';
      counts[`T${tertial}`] ??= {};
      counts[`T${tertial}`][type] = (counts[`T${tertial}`][type] ?? 0) + 1;
    }
    expect(counts).toEqual({
      T1: { PERSONAL_DATA_BREACH: 2 },
      T2: { PERSONAL_DATA_BREACH: 2, IT_INCIDENT: 1, DEVIATION: 1 },
      T3: { PERSONAL_DATA_BREACH: 2, INFOSEC_INCIDENT: 1, IT_INCIDENT: 3, DEVIATION: 1, UNTRIAGED: 1 },
    });
  });

  it('K11: 14 incidents in the 12 months to DEMO_NOW over 5 170 employees = 0.27 per 100', async () => {
    const from = new Date(DEMO_NOW);
    from.setUTCFullYear(from.getUTCFullYear() - 1);
    const counted = incidents.filter(
      (i) =>
        i.status !== 'REJECTED' &&
        i.type !== 'SECURITY_EVENT' &&
        new Date(i.reportedAt) > from &&
        new Date(i.reportedAt) <= DEMO_NOW,
    );
    const units = await t.as('cecilia.lund').get('/api/org-units');
    const headcount = (units.body.items as { headcount: number }[]).reduce((sum, u) => sum + u.headcount, 0);
    expect([counted.length, headcount]).toEqual([14, 5170]);
    expect(((counted.length / headcount) * 100).toFixed(2)).toBe('0.27');
  });

  it('K12 (2026): MET / (MET + MISSED + OVERDUE) over statutory deadlines = 5/6', () => {
    const outcomes = [...stages.values()]
      .flat()
      .filter(
        (o) =>
          o.deadlineAt && o.deadlineAt.startsWith('2026') && ['MET', 'MISSED', 'OVERDUE'].includes(o.status),
      )
      .map((o) => o.status);
    expect(outcomes.filter((s) => s === 'MET')).toHaveLength(5);
    expect(outcomes).toHaveLength(6);
  });

  it('K13 (2026): median time from awareness to the IMY notification = 52.4 h', () => {
    const hours = incidents
      .flatMap((i) =>
        (stages.get(i.number) as Obligation[])
          .filter((o) => o.regime === 'GDPR_ART33_IMY' && o.stage === 'NOTIFICATION' && o.submittedAt)
          .map((o) => (new Date(o.submittedAt as string).getTime() - new Date(i.awareAt).getTime()) / HOUR),
      )
      .sort((a, b) => a - b);
    expect(hours.map((h) => h.toFixed(1))).toEqual(['43.7', '52.4', '85.5']);
    expect(hours[1].toFixed(1)).toBe('52.4');
  });

  it('K15 (2026): every closed incident with severity ≥ 2 or a breach has root cause and lessons = 8/8', () => {
    const due = incidents.filter(
      (i) =>
        i.status === 'CLOSED' &&
        i.closedAt?.startsWith('2026') &&
        (i.type === 'PERSONAL_DATA_BREACH' || ['MEDIUM', 'HIGH', 'CRITICAL'].includes(i.severity ?? '')),
    );
    expect(due.map((i) => i.number).sort()).toEqual([2, 3, 4, 5, 7, 9, 11, 13].map(demoNumber));
    expect(due.filter((i) => i.rootCause && i.lessonsLearned)).toHaveLength(8);
  });
});

describe('the seeder', () => {
  it('changes nothing on a second run', async () => {
    const count = async () =>
      (
        await t.dataSource.query(
          `SELECT (SELECT count(*) FROM incident) + (SELECT count(*) FROM history_entry) AS n`,
        )
      )[0].n;
    const before = await count();
    const result = await t.app.get(DemoSeeder).seed({ password: DEMO_PASSWORD, yearShift: 0 });
    expect(result).toMatchObject({ created: false, incidents: 0 });
    expect(await count()).toBe(before);
  });

  it('adds the incidents to a demo kommun seeded before they existed, once', async () => {
    await t.dataSource.transaction(async (m) => {
      await m.query('ALTER TABLE incident_timeline_entry DISABLE TRIGGER USER');
      await m.query('DELETE FROM incident_timeline_entry');
      await m.query('ALTER TABLE incident_timeline_entry ENABLE TRIGGER USER');
      await m.query('DELETE FROM regulatory_obligation');
      await m.query('DELETE FROM incident_secrecy_marking');
      await m.query('DELETE FROM incident');
      await m.query('DELETE FROM incident_number_counter');
    });
    const seeder = t.app.get(DemoSeeder);
    expect(await seeder.seed({ password: DEMO_PASSWORD, yearShift: 0 })).toMatchObject({
      created: false,
      incidents: 15,
    });
    expect(await seeder.seed({ password: DEMO_PASSWORD, yearShift: 0 })).toMatchObject({
      created: false,
      incidents: 0,
    });
    const [{ n, stages: s }] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM incident) AS n, (SELECT count(*)::int FROM regulatory_obligation) AS stages`,
    );
    expect([n, s]).toEqual([15, 20]);
    const verify = await t.as('viktor.berglof').get('/api/admin/history/verify');
    expect(verify.body.ok).toBe(true);
  });
});
