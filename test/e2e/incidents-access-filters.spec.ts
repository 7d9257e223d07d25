import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { expectErrorBody } from '../support/expect';
import { demoNumber, report } from '../support/incidents';

/**
 * D-08 through the query parameters: a caller who reads an incident only as its reporter sees its
 * status and outcome, not its type, severity or handling. A filter on a field the caller may not
 * read for a row must not match that row, or the counts would tell the field (the list, the
 * register export and the statistics alike). Filters on what the reporter does see (status, unit,
 * own reports) keep working.
 */

let t: TestApp;
/** emma.rahimi's reports: INC-01 of the demo (a personal data breach) and two new ones. */
let deviationId: string;
let untriagedId: string;
/** nora.falk (samordnare IFF, ALF) reports in SK-DRIFT, outside her scope; amir.haddad triages it. */
let noraOwnId: string;

const TYPES = ['PERSONAL_DATA_BREACH', 'INFOSEC_INCIDENT', 'IT_INCIDENT', 'DEVIATION', 'SECURITY_EVENT'];

const list = async (user: string, query: Record<string, unknown>) => {
  const res = await t.as(user).get('/api/incidents', { limit: 500, ...query });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { total: number; items: { id: string; number: string; view: string }[] };
};

async function triage(user: string, id: string, body: Record<string, unknown>) {
  const res = await t.as(user).post(`/api/incidents/${id}/triage`, { version: 1, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

beforeAll(async () => {
  t = await startTestApp();
  deviationId = (await report(t, 'emma.rahimi', { description: 'Ett brev gick till fel adress.' })).id;
  untriagedId = (await report(t, 'emma.rahimi', { description: 'Skrivaren stod olåst.' })).id;
  await triage('nora.falk', deviationId, {
    type: 'DEVIATION',
    subtype: 'SECRECY',
    severity: 'LOW',
    personalDataInvolved: 'NO',
  });
  noraOwnId = (
    await report(t, 'nora.falk', {
      description: 'En okänd person i serverhallen.',
      orgUnitId: await t.unitId('SK-DRIFT'),
      personalDataInvolved: 'NO',
    })
  ).id;
  await triage('amir.haddad', noraOwnId, { type: 'IT_INCIDENT', severity: 'MEDIUM' });
});
afterAll(() => t?.close());

describe('a reporter filters own reports (D-08)', () => {
  it('sees the own reports, in the reporter view', async () => {
    const mine = await list('emma.rahimi', { mine: true });
    expect(mine.items.map((i) => i.id).sort()).toEqual(
      [deviationId, untriagedId, mine.items.find((i) => i.number === demoNumber(1))?.id].sort(),
    );
    expect(new Set(mine.items.map((i) => i.view))).toEqual(new Set(['REPORTER']));
  });

  it('learns nothing of the type: every type filter (and UNTRIAGED) gives the same count', async () => {
    for (const mine of [true, undefined]) {
      const counts = new Map<string, number>();
      for (const type of [...TYPES, 'UNTRIAGED']) {
        counts.set(type, (await list('emma.rahimi', { type, ...(mine ? { mine } : {}) })).total);
      }
      // The deviation and the untriaged report, and INC-01 (a breach): without the fix these differ.
      expect(counts.get('DEVIATION'), JSON.stringify([...counts])).toBe(counts.get('IT_INCIDENT'));
      expect(new Set(counts.values()).size, JSON.stringify([...counts])).toBe(1);
      expect(counts.get('DEVIATION')).toBe(0);
    }
  });

  it('still filters by what the reporter sees: status, unit, own reports', async () => {
    const reported = await list('emma.rahimi', { mine: true, status: 'REPORTED' });
    expect(reported.items.map((i) => i.id)).toEqual([untriagedId]);
    const triaged = await list('emma.rahimi', { mine: true, status: 'TRIAGED' });
    expect(triaged.items.map((i) => i.id)).toEqual([deviationId]);
    const investigating = await list('emma.rahimi', { status: 'INVESTIGATING' });
    expect(investigating.items.map((i) => i.number)).toEqual([demoNumber(1)]);
    const utr = await list('emma.rahimi', { orgUnitId: await t.unitId('IFF-UTR') });
    expect(utr.total).toBe(3);
    const elsewhere = await list('emma.rahimi', { orgUnitId: await t.unitId('SK') });
    expect(elsewhere.total).toBe(0);
  });

  it('has no register export and no statistics (403), whatever the filter', async () => {
    expectErrorBody(await t.as('emma.rahimi').get('/api/incidents/export', { mine: 'true' }), 403);
    expectErrorBody(
      await t.as('emma.rahimi').get('/api/incidents/export', { mine: 'true', type: 'DEVIATION' }),
      403,
    );
    expectErrorBody(await t.as('emma.rahimi').get('/api/incident-statistics'), 403);
  });
});

describe('a handler who is also the reporter of an incident outside the own scope', () => {
  it('reads that incident in the reporter view', async () => {
    const res = await t.as('nora.falk').get(`/api/incidents/${noraOwnId}`);
    expect(res.status).toBe(200);
    expect(res.body.view).toBe('REPORTER');
  });

  it('a type filter matches only the incidents the handler reads the type of', async () => {
    const it = await list('nora.falk', { type: 'IT_INCIDENT' });
    expect(it.items.map((i) => i.id)).not.toContain(noraOwnId);
    const mineIt = await list('nora.falk', { type: 'IT_INCIDENT', mine: true });
    const mineDeviation = await list('nora.falk', { type: 'DEVIATION', mine: true });
    expect(mineIt.total).toBe(mineDeviation.total);
    expect(mineIt.total).toBe(0);
    // The handler's own scope is filtered as before.
    const deviations = await list('nora.falk', { type: 'DEVIATION' });
    expect(deviations.items.map((i) => i.id)).toContain(deviationId);
    for (const i of deviations.items) expect(i.view).toBe('HANDLER');
    // Own reports by status: the status is shown to the reporter, so it still matches.
    const mineTriaged = await list('nora.falk', { mine: true, status: 'TRIAGED' });
    expect(mineTriaged.items.map((i) => i.id)).toEqual([noraOwnId]);
  });

  it('the export with the same filters leaves it out', async () => {
    const res = await t
      .as('nora.falk')
      .get('/api/incidents/export', { format: 'csv', mine: 'true' })
      .buffer(true);
    expect(res.status).toBe(200);
    const csv = String(res.text);
    const number = (await list('nora.falk', { mine: true })).items.find((i) => i.id === noraOwnId)?.number;
    expect(number).toBeTruthy();
    expect(csv).not.toContain(number as string);
    const typed = await t
      .as('nora.falk')
      .get('/api/incidents/export', { format: 'csv', type: 'IT_INCIDENT' })
      .buffer(true);
    expect(typed.status).toBe(200);
    expect(String(typed.text)).not.toContain(number as string);
  });

  it('the statistics do not count it', async () => {
    const res = await t.as('nora.falk').get('/api/incident-statistics');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const units = (res.body.byOrgUnit as { code: string }[]).map((u) => u.code);
    expect(units).not.toContain('SK-DRIFT');
    const types = (res.body.byType as { type: string }[]).map((r) => r.type);
    expect(types).not.toContain('IT_INCIDENT');
  });
});

describe('a DPO who reported an incident that is not a breach', () => {
  it('does not find it by type', async () => {
    const own = await report(t, 'karin.vestberg', {
      description: 'Min dator startar inte.',
      orgUnitId: await t.unitId('IFF-UTR'),
      personalDataInvolved: 'NO',
    });
    await triage('nora.falk', own.id, { type: 'IT_INCIDENT', severity: 'LOW' });
    const mine = await list('karin.vestberg', { mine: true });
    expect(mine.items.map((i) => i.id)).toContain(own.id);
    expect(mine.items.find((i) => i.id === own.id)?.view).toBe('REPORTER');
    expect((await list('karin.vestberg', { mine: true, type: 'IT_INCIDENT' })).total).toBe(0);
    expect((await list('karin.vestberg', { type: 'IT_INCIDENT' })).total).toBe(0);
    // The breaches the DPO reads are still found by type.
    const breaches = await list('karin.vestberg', { type: 'PERSONAL_DATA_BREACH' });
    expect(breaches.items.map((i) => i.number)).toContain(demoNumber(1));
  });
});

describe('handling fields set through PATCH stay out of the reporter view', () => {
  it('crisisEscalation and qualityDeviationRef are set by the handler, refused when invalid, not shown to the reporter', async () => {
    const current = await t.as('nora.falk').get(`/api/incidents/${deviationId}`);
    const bad = await t.as('nora.falk').patch(`/api/incidents/${deviationId}`, {
      version: current.body.version,
      crisisEscalation: 'PANIC',
    });
    expectErrorBody(bad, 400, 'VALIDATION_FAILED');
    const tooLong = await t.as('nora.falk').patch(`/api/incidents/${deviationId}`, {
      version: current.body.version,
      qualityDeviationRef: 'x'.repeat(101),
    });
    expectErrorBody(tooLong, 400, 'VALIDATION_FAILED');
    const res = await t.as('nora.falk').patch(`/api/incidents/${deviationId}`, {
      version: current.body.version,
      crisisEscalation: 'TIB_INFORMED',
      qualityDeviationRef: 'AVV-2026-0200',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      view: 'HANDLER',
      crisisEscalation: 'TIB_INFORMED',
      qualityDeviationRef: 'AVV-2026-0200',
      version: current.body.version + 1,
    });
    const cleared = await t.as('nora.falk').patch(`/api/incidents/${deviationId}`, {
      version: res.body.version,
      crisisEscalation: null,
    });
    expect(cleared.body.crisisEscalation).toBeNull();
    const own = await t.as('emma.rahimi').get(`/api/incidents/${deviationId}`);
    expect(own.body.view).toBe('REPORTER');
    expect(own.body).not.toHaveProperty('crisisEscalation');
    expect(own.body).not.toHaveProperty('qualityDeviationRef');
    expect(own.body).not.toHaveProperty('type');
  });
});
