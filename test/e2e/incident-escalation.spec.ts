import { IncidentAlertsService } from '@varna/incident';
import { DEMO_NOW } from '@varna/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { expectErrorBody } from '../support/expect';
import { obligationsAs, report, type Obligation } from '../support/incidents';

/**
 * Escalation (§4d: 50 % and 90 % of the time to a deadline, and past it) on every stage view and as
 * in-app notifications from an idempotent job step; BR-D6 (severe incidents and breaches notify
 * the CISO and the DPO at once) and D-27 (untriaged after one business day notifies the
 * coordinator). DEMO_NOW is Monday 2026-11-16 10:00 in Stockholm.
 */

const HOUR = 3_600_000;
const at = (ms: number) => new Date(DEMO_NOW.getTime() + ms);

let t: TestApp;
let alerts: IncidentAlertsService;
let breach: string;

/** Notifications about one incident, as `kind recipient` (usernames), sorted. */
async function sent(incidentId: string, kind?: string): Promise<string[]> {
  const rows = await t.dataSource.query<{ kind: string; username: string }[]>(
    `SELECT n.kind, p.username FROM notification n JOIN person p ON p.id = n.recipient_id
      WHERE n.subject_id = $1 AND ($2::text IS NULL OR n.kind = $2) ORDER BY 1, 2`,
    [incidentId, kind ?? null],
  );
  return rows.map((r) => `${r.kind} ${r.username}`);
}
const imy = (list: Obligation[]) => {
  const found = list.find((o) => o.regime === 'GDPR_ART33_IMY' && o.stage === 'NOTIFICATION');
  if (!found) throw new Error('no IMY stage');
  return found;
};

beforeAll(async () => {
  // Sessions outlive the clock's jumps of several days.
  t = await startTestApp({ config: { sessionTtlMinutes: 14 * 24 * 60 } });
  alerts = t.app.get(IncidentAlertsService);
  breach = (
    await report(t, 'emma.rahimi', { description: 'Brev till fel adress.', personalDataInvolved: 'YES' })
  ).id;
  const triaged = await t.as('nora.falk').post(`/api/incidents/${breach}/triage`, {
    version: 1,
    type: 'PERSONAL_DATA_BREACH',
    severity: 'MEDIUM',
    coordinatorId: await t.personId('nora.falk'),
    handlerId: await t.personId('petter.akesson'),
  });
  expect(triaged.status, JSON.stringify(triaged.body)).toBe(200);
});
afterAll(() => t?.close());
afterEach(() => t.clock.set(DEMO_NOW));

describe('escalation on the stage view', () => {
  it('is NONE, HALF, NINETY and OVERDUE at the exact instants (IMY: 72 h, thresholds 36 h and 64 h 48 min)', async () => {
    const cases: [number, string, number | null][] = [
      [0, 'NONE', 0],
      [36 * HOUR - 1, 'NONE', 0.5],
      [36 * HOUR, 'HALF', 0.5],
      [64.8 * HOUR - 1, 'HALF', 0.9],
      [64.8 * HOUR, 'NINETY', 0.9],
      [72 * HOUR, 'NINETY', 1],
      [72 * HOUR + 1, 'OVERDUE', 1],
      [80 * HOUR, 'OVERDUE', 1.1111],
    ];
    for (const [offset, escalation, share] of cases) {
      t.clock.set(at(offset));
      const stage = imy(await obligationsAs(t, 'nora.falk', breach));
      expect({ offset, escalation: stage.escalation, share: stage.elapsedShare }).toEqual({
        offset,
        escalation,
        share,
      });
    }
  });

  it('is NONE with no share for a submitted stage', async () => {
    const demo = await obligationsAs(
      t,
      'cecilia.lund',
      (
        await t.dataSource.query<{ id: string }[]>(`SELECT id FROM incident WHERE number = 'INC-2026-0002'`)
      )[0].id,
    );
    expect(imy(demo)).toMatchObject({ status: 'MET', escalation: 'NONE', elapsedShare: null });
  });
});

describe('BR-D6: severe incidents and breaches notify the CISO and the DPO at once', () => {
  it('notified cecilia.lund and karin.vestberg when the breach was triaged', async () => {
    expect(await sent(breach, 'INCIDENT_SEVERE')).toEqual([
      'INCIDENT_SEVERE cecilia.lund',
      'INCIDENT_SEVERE karin.vestberg',
    ]);
  });

  it('notifies nobody for a minor IT incident, and the CISO (and the DPO) once it is raised to HIGH', async () => {
    const id = (
      await report(t, 'daniel.nyberg', { description: 'Skrivaren är trasig.', personalDataInvolved: 'NO' })
    ).id;
    const triaged = await t.as('amir.haddad').post(`/api/incidents/${id}/triage`, {
      version: 1,
      type: 'IT_INCIDENT',
      severity: 'LOW',
    });
    expect(triaged.status, JSON.stringify(triaged.body)).toBe(200);
    expect(await sent(id)).toEqual([]);
    const raised = await t
      .as('amir.haddad')
      .patch(`/api/incidents/${id}`, { version: triaged.body.version, severity: 'HIGH' });
    expect(raised.status, JSON.stringify(raised.body)).toBe(200);
    expect(await sent(id)).toEqual(['INCIDENT_SEVERE cecilia.lund', 'INCIDENT_SEVERE karin.vestberg']);
    // Once per incident: a further change sends nothing new.
    const again = await t
      .as('amir.haddad')
      .patch(`/api/incidents/${id}`, { version: raised.body.version, severity: 'CRITICAL' });
    expect(again.status).toBe(200);
    expect(await sent(id)).toHaveLength(2);
  });
});

describe('the escalation job step', () => {
  it('sends nothing for the new breach before half the time', async () => {
    t.clock.set(at(36 * HOUR - 1));
    await alerts.runEscalations();
    expect(await sent(breach, 'OBLIGATION_HALF')).toEqual([]);
  });

  it('at half the time notifies the coordinator, the handler and the DPO, once however often it runs', async () => {
    t.clock.set(at(36 * HOUR));
    await alerts.runEscalations();
    const expected = [
      'OBLIGATION_HALF karin.vestberg',
      'OBLIGATION_HALF nora.falk',
      'OBLIGATION_HALF petter.akesson',
    ];
    expect(await sent(breach, 'OBLIGATION_HALF')).toEqual(expected);
    const again = await alerts.runEscalations();
    expect(again.created).toBe(0);
    expect(await sent(breach, 'OBLIGATION_HALF')).toEqual(expected);
  });

  it('at 90 % and past the deadline sends the next levels, each once', async () => {
    t.clock.set(at(64.8 * HOUR));
    await alerts.runEscalations();
    await alerts.runEscalations();
    expect(await sent(breach, 'OBLIGATION_NINETY')).toHaveLength(3);
    t.clock.set(at(72 * HOUR + 1));
    await alerts.runEscalations();
    expect(await sent(breach, 'OBLIGATION_OVERDUE')).toEqual([
      'OBLIGATION_OVERDUE karin.vestberg',
      'OBLIGATION_OVERDUE nora.falk',
      'OBLIGATION_OVERDUE petter.akesson',
    ]);
    expect(await sent(breach, 'OBLIGATION_HALF')).toHaveLength(3);
  });

  it('reminds the unit’s coordinator of an untriaged report after one business day, the CISO where there is none', async () => {
    const iff = (await report(t, 'emma.rahimi', { description: 'Något konstigt hände.' })).id;
    const kff = (
      await report(t, 'emma.rahimi', {
        description: 'Biblioteksdatorn var olåst.',
        orgUnitId: await t.unitId('KFF-BIB'),
      })
    ).id;
    // Reported Monday 10:00: one business day later is Tuesday 10:00.
    t.clock.set(at(24 * HOUR - 1));
    await alerts.runEscalations();
    expect(await sent(iff)).toEqual([]);
    t.clock.set(at(24 * HOUR));
    const first = await alerts.runEscalations();
    const again = await alerts.runEscalations();
    expect(await sent(iff)).toEqual(['INCIDENT_UNTRIAGED nora.falk']);
    expect(await sent(kff)).toEqual(['INCIDENT_UNTRIAGED cecilia.lund']);
    // A reminded report is not read again (issue 6: a backlog costs one pass, not one per run).
    expect(first.untriagedChecked).toBeGreaterThanOrEqual(2);
    expect(again.untriagedChecked).toBe(first.untriagedChecked - 2);
  });
});

describe('the notification inbox', () => {
  it('lists only the caller’s own notifications, newest first, with the unread count', async () => {
    const res = await t.as('petter.akesson').get('/api/notifications');
    expect(res.status).toBe(200);
    const petter = await t.personId('petter.akesson');
    const own = await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM notification WHERE recipient_id = $1',
      [petter],
    );
    expect(res.body.total).toBe(own[0].n);
    expect(res.body.unread).toBe(own[0].n);
    expect(res.body.items.map((n: { kind: string }) => n.kind)).toEqual(
      expect.arrayContaining(['OBLIGATION_HALF', 'OBLIGATION_NINETY', 'OBLIGATION_OVERDUE']),
    );
    expect(res.body.items[0].text).toMatch(/^INC-2026-\d{4}: /);
    const emma = await t.as('emma.rahimi').get('/api/notifications');
    expect(emma.body).toMatchObject({ total: 0, unread: 0, items: [] });
  });

  it('marks one read (again: unchanged); another person’s is 404', async () => {
    const list = await t.as('nora.falk').get('/api/notifications', { limit: 1 });
    const [first] = list.body.items as { id: string }[];
    expectErrorBody(
      await t.as('petter.akesson').post(`/api/notifications/${first.id}/read`),
      404,
      'NOTIFICATION_NOT_FOUND',
    );
    expectErrorBody(
      await t.as('gunnar.alm').post(`/api/notifications/${first.id}/read`),
      404,
      'NOTIFICATION_NOT_FOUND',
    );
    t.clock.set(at(HOUR));
    const read = await t.as('nora.falk').post(`/api/notifications/${first.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).toBe(at(HOUR).toISOString());
    t.clock.set(at(2 * HOUR));
    const again = await t.as('nora.falk').post(`/api/notifications/${first.id}/read`);
    expect(again.body.readAt).toBe(at(HOUR).toISOString());
    const unread = await t.as('nora.falk').get('/api/notifications', { unread: true, limit: 500 });
    expect(unread.body.items.map((n: { id: string }) => n.id)).not.toContain(first.id);
    expect(unread.body.total).toBe(list.body.total - 1);
    expectErrorBody(
      await t.as('nora.falk').get('/api/notifications', { unread: 'maybe' }),
      400,
      'VALIDATION_FAILED',
    );
  });
});
