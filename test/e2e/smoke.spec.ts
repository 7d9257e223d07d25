import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('the demo kommun over HTTP', () => {
  it('lets the CISO sign in and read /api/me', async () => {
    const { authorization } = await t.login('cecilia.lund');
    const res = await t.http.get('/api/me').set('authorization', authorization);
    expect(res.status).toBe(200);
    expect(res.body.person.displayName).toBe('Cecilia Lund');
    expect(res.body.roles).toEqual(['EMPLOYEE', 'CISO']);
  });
});
