import { DEMO_NOW } from '@varna/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { expectErrorBody } from '../support/expect';
import {
  demoNumber,
  incidentAs,
  incidentCounts,
  incidentId,
  obligationsAs,
  report,
  timelineAs,
} from '../support/incidents';

/**
 * Merging (§4d: any open → MERGED, samordnare or CISO, target given, clocks move to the target):
 * open stages the target lacks are re-pointed to it, twins are withdrawn on the source and the
 * target's kännedom moves to the earlier one; both timelines tell it; K10 drops the merged one.
 */

const HOUR = 3_600_000;
const at = (ms: number) => new Date(DEMO_NOW.getTime() + ms);

let t: TestApp;

async function reportAndTriage(hoursLater: number, type: string, severity = 'MEDIUM') {
  t.clock.set(at(hoursLater * HOUR));
  const id = (
    await report(t, 'emma.rahimi', { description: `Händelse ${hoursLater}`, personalDataInvolved: 'YES' })
  ).id;
  const res = await t.as('nora.falk').post(`/api/incidents/${id}/triage`, { version: 1, type, severity });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  t.clock.set(DEMO_NOW);
  return id;
}
const merge = (user: string, id: string, body: Record<string, unknown>) =>
  t.as(user).post(`/api/incidents/${id}/merge`, body);
const versionOf = async (id: string) => (await incidentAs(t, 'cecilia.lund', id)).version as number;
async function breachesCounted(): Promise<number> {
  const res = await t.as('cecilia.lund').get('/api/incident-statistics');
  expect(res.status).toBe(200);
  const row = (res.body.byType as { type: string; year: { count: number } }[]).find(
    (r) => r.type === 'PERSONAL_DATA_BREACH',
  );
  return row?.year.count ?? 0;
}

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());
afterEach(() => t.clock.set(DEMO_NOW));

describe('who may merge, and what', () => {
  let a: string;
  let b: string;
  beforeAll(async () => {
    a = await reportAndTriage(0, 'PERSONAL_DATA_BREACH');
    b = await reportAndTriage(1, 'INFOSEC_INCIDENT');
  });

  it('is refused to those without the right (403), outside the scope (404), and for bad input, writing nothing', async () => {
    const before = await incidentCounts(t);
    const body = { version: await versionOf(a), targetId: b, reason: 'Samma händelse' };
    for (const user of ['emma.rahimi', 'tove.granath', 'gunnar.alm', 'viktor.berglof']) {
      expectErrorBody(await merge(user, a, body), 403);
    }
    // Update rights, but not samordnare or CISO (state machine).
    for (const user of ['helena.strand', 'petter.akesson']) {
      expectErrorBody(await merge(user, a, body), 403, 'INCIDENT_TRANSITION_FORBIDDEN');
    }
    // The DPO reads the breach but not the target (not a breach): out of reach.
    for (const user of ['amir.haddad', 'jonas.berg', 'karin.vestberg']) {
      expectErrorBody(await merge(user, a, body), 404, 'INCIDENT_NOT_FOUND');
    }
    // A target out of the caller's reach is not found either.
    const sk = await incidentId(t, demoNumber(10));
    expectErrorBody(await merge('nora.falk', a, { ...body, targetId: sk }), 404, 'INCIDENT_NOT_FOUND');
    expectErrorBody(await merge('nora.falk', a, { ...body, targetId: a }), 409, 'INCIDENT_MERGE_INVALID');
    const closed = await incidentId(t, demoNumber(3));
    expectErrorBody(
      await merge('nora.falk', a, { ...body, targetId: closed }),
      409,
      'INCIDENT_MERGE_INVALID',
    );
    expectErrorBody(await merge('nora.falk', a, { ...body, version: 99 }), 409, 'VERSION_CONFLICT');
    expectErrorBody(await merge('nora.falk', a, { ...body, reason: '  ' }), 400, 'INCIDENT_REASON_REQUIRED');
    expectErrorBody(
      await merge('nora.falk', a, { version: 1, targetId: 'x', reason: 'r' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(await incidentCounts(t)).toEqual(before);
  });

  it('merges a breach into an incident without GDPR stages: the stages move with their deadlines', async () => {
    const countedBefore = await breachesCounted();
    const stagesBefore = await obligationsAs(t, 'nora.falk', a);
    const imyBefore = stagesBefore.find((o) => o.regime === 'GDPR_ART33_IMY');
    expect(imyBefore?.deadlineAt).toBe(at(72 * HOUR).toISOString());
    const res = await merge('nora.falk', a, {
      version: await versionOf(a),
      targetId: b,
      reason: 'Samma händelse',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'MERGED', mergedIntoId: b, allowedTransitions: [] });
    expect(await obligationsAs(t, 'nora.falk', a)).toEqual([]);
    const moved = await obligationsAs(t, 'nora.falk', b);
    expect(moved.map((o) => `${o.regime} ${o.stage}`).sort()).toEqual(
      stagesBefore.map((o) => `${o.regime} ${o.stage}`).sort(),
    );
    expect(moved.find((o) => o.regime === 'GDPR_ART33_IMY')).toMatchObject({
      id: imyBefore?.id,
      deadlineAt: at(72 * HOUR).toISOString(),
      incidentId: b,
    });
    // The target's kännedom moved to the earlier one.
    expect((await incidentAs(t, 'nora.falk', b)).awareAt).toBe(DEMO_NOW.toISOString());
    expect((await timelineAs(t, 'nora.falk', a)).at(-1)).toMatchObject({
      kind: 'MERGED',
      text: 'Samma händelse',
      data: { targetId: b },
    });
    expect((await timelineAs(t, 'nora.falk', b)).at(-1)).toMatchObject({
      kind: 'MERGED_FROM',
      data: { sourceId: a },
    });
    // K10 no longer counts the merged breach.
    expect(await breachesCounted()).toBe(countedBefore - 1);
    // A merged incident is not merged or changed again.
    expectErrorBody(
      await merge('nora.falk', a, { version: await versionOf(a), targetId: b, reason: 'Igen' }),
      409,
      'INCIDENT_MERGE_INVALID',
    );
    expectErrorBody(
      await t.as('nora.falk').patch(`/api/incidents/${a}`, { version: await versionOf(a), title: 'X' }),
      409,
      'INCIDENT_CLOSED',
    );
  });
});

describe('merging two breaches', () => {
  it('withdraws the source’s twin stages with the merge as reason and moves the target’s deadline earlier', async () => {
    const c = await reportAndTriage(2, 'PERSONAL_DATA_BREACH');
    const d = await reportAndTriage(5, 'PERSONAL_DATA_BREACH');
    const res = await merge('cecilia.lund', c, {
      version: await versionOf(c),
      targetId: d,
      reason: 'Dubbelrapport',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const source = await obligationsAs(t, 'cecilia.lund', c);
    const imy = source.find((o) => o.regime === 'GDPR_ART33_IMY');
    expect(imy).toMatchObject({ decision: 'WITHDRAWN', status: 'WITHDRAWN' });
    expect(imy?.notRequiredReason).toContain('Dubbelrapport');
    const target = (await obligationsAs(t, 'cecilia.lund', d)).find((o) => o.regime === 'GDPR_ART33_IMY');
    expect(target).toMatchObject({ deadlineAt: at((2 + 72) * HOUR).toISOString(), status: 'PENDING' });
    expect((await incidentAs(t, 'cecilia.lund', d)).awareAt).toBe(at(2 * HOUR).toISOString());
    const history = await t.dataSource.query<{ action: string }[]>(
      `SELECT action FROM history_entry WHERE entity_id = ANY($1::uuid[]) ORDER BY seq DESC LIMIT 2`,
      [[c, d]],
    );
    expect(history.map((h) => h.action).sort()).toEqual(['merge', 'merged-into']);
  });
});
