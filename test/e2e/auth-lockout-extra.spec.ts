import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ config: { loginMaxFailures: 3, loginMaxFailuresPerIp: 4 } });
});
afterAll(() => t?.close());

const attempt = (username: string, password: string, ip: string) =>
  t.http.post('/api/auth/login').set('x-forwarded-for', ip).send({ username, password });

describe('throttling that a valid account cannot reset', () => {
  it('keeps counting an address’s failures across its successful sign-ins', async () => {
    const ip = '192.0.2.10';
    for (const username of ['cecilia.lund', 'nora.falk']) {
      expect((await attempt(username, 'wrong-password-123', ip)).status).toBe(401);
    }
    // The attacker's own valid account signs in from the same address …
    const own = await t.login('emma.rahimi'); // (from another address: login() varies it)
    expect(own.token).toBeTruthy();
    expect((await attempt('emma.rahimi', (await import('@varna/testing')).DEMO_PASSWORD, ip)).status).toBe(
      200,
    );
    // … which does not reset the address: two more failures lock it.
    for (const username of ['jonas.berg', 'amir.haddad']) {
      expect((await attempt(username, 'wrong-password-123', ip)).status).toBe(401);
    }
    const locked = await attempt('sofia.lindahl', 'wrong-password-123', ip);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('LOGIN_LOCKED');
  });

  it('counts wrong current passwords on /api/me/password as failed sign-ins of that user', async () => {
    const { authorization } = await t.login('lena.holmgren');
    for (let i = 0; i < 3; i++) {
      const res = await t.http
        .post('/api/me/password')
        .set('authorization', authorization)
        .send({ currentPassword: `guess-number-${i}`, newPassword: 'A-new-password-2026' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('CURRENT_PASSWORD_INVALID');
    }
    const fourth = await t.http
      .post('/api/me/password')
      .set('authorization', authorization)
      .send({ currentPassword: 'guess-number-4', newPassword: 'A-new-password-2026' });
    expect(fourth.status, JSON.stringify(fourth.body)).toBe(429);
    expect(fourth.body.code).toBe('LOGIN_LOCKED');
  });

  it('accepts the tenant code in any letter case', async () => {
    const { DEMO_PASSWORD } = await import('@varna/testing');
    const res = await t.http
      .post('/api/auth/login')
      .set('x-forwarded-for', '198.51.100.7')
      .send({ username: 'maria.ek', password: DEMO_PASSWORD, tenant: 'EXEMPELBY' });
    expect(res.status).toBe(200);
  });
});
