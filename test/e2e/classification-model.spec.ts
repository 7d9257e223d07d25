import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { expectErrorBody } from '../support/expect';

/*
 * GET /api/classification-model: the model the wizard walks through (D-11): four aspects with their
 * questions, levels 0–4 (4 handled outside the platform), guiding questions per aspect and level
 * band, and the tenant's review interval. Tenant configuration: every account reads it.
 */

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

interface Model {
  version: number;
  aspects: { code: string; questionSv: string }[];
  levels: { value: number; nameSv: string; handledInPlatform: boolean }[];
  guidingQuestions: { aspect: string; level: number; questionsSv: string[] }[];
  reviewIntervalMonths: number;
}

describe('the classification model', () => {
  it('is read by a medarbetare as by the samordnare, with guiding questions for every aspect', async () => {
    for (const user of ['emma.rahimi', 'nora.falk']) {
      const res = await t.as(user).get('/api/classification-model');
      expect(res.status).toBe(200);
      const model = res.body as Model;
      expect(model.aspects.map((a) => a.code)).toEqual(['K', 'R', 'T', 'S']);
      expect(model.aspects[0].questionSv).toBe('Vad blir skadan om informationen hamnar i orätta händer?');
      expect(model.levels.map((l) => [l.value, l.nameSv, l.handledInPlatform])).toEqual([
        [0, 'Försumbar', true],
        [1, 'Måttlig', true],
        [2, 'Betydande', true],
        [3, 'Allvarlig', true],
        [4, 'Synnerligen allvarlig', false],
      ]);
      for (const aspect of ['K', 'R', 'T', 'S']) {
        const bands = model.guidingQuestions.filter((g) => g.aspect === aspect);
        expect(bands.length, aspect).toBeGreaterThan(0);
        for (const band of bands) expect(band.questionsSv.length).toBeGreaterThanOrEqual(1);
      }
      expect(model.reviewIntervalMonths).toBe(12);
    }
  });

  it('is refused without a session', async () => {
    expectErrorBody(await t.http.get('/api/classification-model'), 401);
  });
});

describe('the classification settings', () => {
  it('are changed by the CISO only, and the model then carries the new review interval', async () => {
    expect((await t.as('emma.rahimi').get('/api/classification-settings')).body).toMatchObject({
      reviewIntervalMonths: 12,
    });
    expectErrorBody(
      await t.as('nora.falk').patch('/api/classification-settings', { reviewIntervalMonths: 24 }),
      403,
      'PERMISSION_DENIED',
    );
    expectErrorBody(
      await t.as('cecilia.lund').patch('/api/classification-settings', { reviewIntervalMonths: 0 }),
      400,
    );
    expectErrorBody(
      await t.as('cecilia.lund').patch('/api/classification-settings', { reviewIntervalMonths: '24' }),
      400,
    );
    expect((await t.as('emma.rahimi').get('/api/classification-model')).body).toMatchObject({
      reviewIntervalMonths: 12,
    });
    const res = await t
      .as('cecilia.lund')
      .patch('/api/classification-settings', { reviewIntervalMonths: 24 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ reviewIntervalMonths: 24 });
    expect((await t.as('emma.rahimi').get('/api/classification-model')).body).toMatchObject({
      reviewIntervalMonths: 24,
    });
  });
});
