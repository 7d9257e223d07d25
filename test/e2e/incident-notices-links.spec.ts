import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { expectErrorBody } from '../support/expect';
import { incidentAs, report } from '../support/incidents';

/**
 * Links from an incident to assets and information sets (§4d `assetIds`, `informationSetIds`):
 * uuid arrays on the incident until the registers of §4a exist, validated as uuids.
 */

let t: TestApp;
let id: string;

beforeAll(async () => {
  t = await startTestApp();
  id = (await report(t, 'emma.rahimi', { personalDataInvolved: 'NO' })).id;
  const res = await t.as('nora.falk').post(`/api/incidents/${id}/triage`, {
    version: 1,
    type: 'IT_INCIDENT',
    severity: 'LOW',
  });
  expect(res.status).toBe(200);
});
afterAll(() => t?.close());

describe('asset and information-set links', () => {
  it('start empty, are set and cleared by the handler, and listed in the handler and auditor views', async () => {
    expect(await incidentAs(t, 'nora.falk', id)).toMatchObject({ assetIds: [], informationSetIds: [] });
    const assets = [randomUUID(), randomUUID()];
    const sets = [randomUUID()];
    const version = (await incidentAs(t, 'nora.falk', id)).version as number;
    const res = await t.as('nora.falk').patch(`/api/incidents/${id}`, {
      version,
      assetIds: assets,
      informationSetIds: sets,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ assetIds: assets, informationSetIds: sets });
    expect(await incidentAs(t, 'tove.granath', id)).toMatchObject({
      assetIds: assets,
      informationSetIds: sets,
    });
    const cleared = await t.as('nora.falk').patch(`/api/incidents/${id}`, {
      version: res.body.version,
      assetIds: [],
    });
    expect(cleared.body).toMatchObject({ assetIds: [], informationSetIds: sets });
  });

  it('refuses what is not a list of uuids (400)', async () => {
    const version = (await incidentAs(t, 'nora.falk', id)).version as number;
    for (const body of [
      { assetIds: ['AS-10'] },
      { assetIds: 'x' },
      { informationSetIds: [1] },
      { assetIds: null },
      { informationSetIds: Array.from({ length: 101 }, () => randomUUID()) },
    ]) {
      expectErrorBody(
        await t.as('nora.falk').patch(`/api/incidents/${id}`, { version, ...body }),
        400,
        'VALIDATION_FAILED',
      );
    }
  });
});
