import { DEMO_NOW } from '@varna/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { expectErrorBody } from '../support/expect';
import { incidentAs, incidentCounts, obligationsAs, report, timelineAs } from '../support/incidents';

/**
 * BR-D4, the quality bridge: a SECRECY or REGISTRATION_ARCHIVE deviation asks "Är detta en
 * personuppgiftsincident?"; "Ja" creates a linked personal data breach (channel QUALITY_BRIDGE,
 * awareAt copied, its IMY clock running from it). BR-D5: information notices, not transfers.
 */

const HOUR = 3_600_000;
let t: TestApp;

async function deviation(subtype: string, hoursBefore = 0): Promise<string> {
  t.clock.set(new Date(DEMO_NOW.getTime() - hoursBefore * HOUR));
  const id = (
    await report(t, 'emma.rahimi', {
      description: 'Brev om ett ärende skickades till fel person.',
      orgUnitId: await t.unitId('IFF-MOT'),
    })
  ).id;
  const res = await t.as('nora.falk').post(`/api/incidents/${id}/triage`, {
    version: 1,
    type: 'DEVIATION',
    subtype,
    severity: 'LOW',
    personalDataInvolved: 'NO',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  t.clock.set(DEMO_NOW);
  return id;
}
const answer = async (user: string, id: string, value: string) =>
  t.as(user).post(`/api/incidents/${id}/quality-bridge`, {
    version: (await incidentAs(t, 'cecilia.lund', id)).version,
    answer: value,
  });

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('the quality bridge (BR-D4)', () => {
  it('asks on SECRECY and REGISTRATION_ARCHIVE deviations only', async () => {
    expect((await incidentAs(t, 'nora.falk', await deviation('SECRECY'))).qualityBridgeAsked).toBe(true);
    expect(
      (await incidentAs(t, 'nora.falk', await deviation('REGISTRATION_ARCHIVE'))).qualityBridgeAsked,
    ).toBe(true);
    const sarah = await deviation('LEX_SARAH');
    expect((await incidentAs(t, 'nora.falk', sarah)).qualityBridgeAsked).toBe(false);
    expectErrorBody(await answer('nora.falk', sarah, 'YES'), 409, 'INCIDENT_QUALITY_BRIDGE_NOT_APPLICABLE');
  });

  it('is refused to those who may not change the deviation, and for bad answers, writing nothing', async () => {
    const id = await deviation('SECRECY');
    const before = await incidentCounts(t);
    for (const user of ['emma.rahimi', 'tove.granath', 'gunnar.alm']) {
      expectErrorBody(await answer(user, id, 'YES'), 403);
    }
    for (const user of ['amir.haddad', 'karin.vestberg']) {
      expectErrorBody(await answer(user, id, 'YES'), 404, 'INCIDENT_NOT_FOUND');
    }
    expectErrorBody(await answer('nora.falk', id, 'KANSKE'), 400, 'VALIDATION_FAILED');
    expect(await incidentCounts(t)).toEqual(before);
  });

  it('"Ja" creates a linked breach with the deviation’s awareAt and its IMY clock; both count in K10', async () => {
    const id = await deviation('SECRECY', 10);
    const dev = await incidentAs(t, 'nora.falk', id);
    const k10 = async () => {
      const res = await t.as('cecilia.lund').get('/api/incident-statistics');
      const rows = res.body.byType as { type: string; year: { count: number } }[];
      return Object.fromEntries(rows.map((r) => [r.type, r.year.count]));
    };
    const before = await k10();
    const res = await answer('helena.strand', id, 'YES');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.deviation).toMatchObject({ id, qualityBridgeAnswer: 'YES', qualityBridgeAsked: false });
    const breachId = res.body.breachId as string;
    const breach = await incidentAs(t, 'nora.falk', breachId);
    expect(breach).toMatchObject({
      type: 'PERSONAL_DATA_BREACH',
      channel: 'QUALITY_BRIDGE',
      status: 'TRIAGED',
      awareAt: dev.awareAt,
      reportedAt: DEMO_NOW.toISOString(),
      bridgedFromId: id,
      orgUnitId: dev.orgUnitId,
      personalDataInvolved: 'YES',
    });
    expect(breach.number).not.toBe(dev.number);
    const imy = (await obligationsAs(t, 'karin.vestberg', breachId)).find(
      (o) => o.regime === 'GDPR_ART33_IMY',
    );
    expect(imy?.deadlineAt).toBe(
      new Date(new Date(dev.awareAt as string).getTime() + 72 * HOUR).toISOString(),
    );
    expect((await timelineAs(t, 'nora.falk', id)).at(-1)).toMatchObject({
      kind: 'QUALITY_BRIDGE',
      data: { answer: 'YES', breachId },
    });
    expect(await k10()).toMatchObject({
      PERSONAL_DATA_BREACH: before.PERSONAL_DATA_BREACH + 1,
      DEVIATION: before.DEVIATION,
    });
    // BR-D6: a breach notifies the CISO and the DPO at once.
    const notified = await t.dataSource.query<{ username: string }[]>(
      `SELECT p.username FROM notification n JOIN person p ON p.id = n.recipient_id WHERE n.subject_id = $1 ORDER BY 1`,
      [breachId],
    );
    expect(notified.map((r) => r.username)).toEqual(['cecilia.lund', 'karin.vestberg']);
    expectErrorBody(await answer('nora.falk', id, 'NO'), 409, 'INCIDENT_QUALITY_BRIDGE_NOT_APPLICABLE');
  });

  it('"Nej" is recorded and creates nothing', async () => {
    const id = await deviation('REGISTRATION_ARCHIVE');
    const before = await incidentCounts(t);
    const res = await answer('nora.falk', id, 'NO');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ breachId: null, deviation: { qualityBridgeAnswer: 'NO' } });
    expect((await incidentCounts(t)).incidents).toBe(before.incidents);
  });
});

describe('information notices (BR-D5)', () => {
  let id: string;
  beforeAll(async () => {
    id = await deviation('CASE_HANDLING');
  });

  it('records a notice with a timeline entry; the incident stays where it is', async () => {
    const res = await t.as('nora.falk').post(`/api/incidents/${id}/notices`, {
      recipient: 'Vård- och omsorgsförvaltningen',
      text: 'Information om avvikelsen för kännedom.',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      incidentId: id,
      recipient: 'Vård- och omsorgsförvaltningen',
      sentAt: DEMO_NOW.toISOString(),
      sentById: await t.personId('nora.falk'),
    });
    expect((await timelineAs(t, 'nora.falk', id)).at(-1)).toMatchObject({
      kind: 'NOTICE_SENT',
      data: { noticeId: res.body.id, recipient: 'Vård- och omsorgsförvaltningen' },
    });
    expect((await incidentAs(t, 'nora.falk', id)).orgUnitId).toBe(await t.unitId('IFF-MOT'));
  });

  it('lists notices to handlers and auditors; others are refused', async () => {
    for (const user of ['nora.falk', 'cecilia.lund', 'helena.strand', 'tove.granath']) {
      const res = await t.as(user).get(`/api/incidents/${id}/notices`);
      expect(res.status, user).toBe(200);
      expect(res.body.items, user).toHaveLength(1);
    }
    expectErrorBody(await t.as('emma.rahimi').get(`/api/incidents/${id}/notices`), 403);
    expectErrorBody(await t.as('amir.haddad').get(`/api/incidents/${id}/notices`), 404, 'INCIDENT_NOT_FOUND');
  });

  it('refuses senders without the right and bad bodies, writing nothing', async () => {
    const before = await incidentCounts(t);
    const body = { recipient: 'IVO', text: 'Text' };
    expectErrorBody(await t.as('tove.granath').post(`/api/incidents/${id}/notices`, body), 403);
    expectErrorBody(await t.as('emma.rahimi').post(`/api/incidents/${id}/notices`, body), 403);
    expectErrorBody(
      await t.as('amir.haddad').post(`/api/incidents/${id}/notices`, body),
      404,
      'INCIDENT_NOT_FOUND',
    );
    expectErrorBody(
      await t.as('nora.falk').post(`/api/incidents/${id}/notices`, { recipient: 'IVO' }),
      400,
      'VALIDATION_FAILED',
    );
    expectErrorBody(
      await t.as('nora.falk').post(`/api/incidents/${id}/notices`, { ...body, recipient: '  ' }),
      400,
      'INCIDENT_REASON_REQUIRED',
    );
    expect(await incidentCounts(t)).toEqual(before);
  });
});
