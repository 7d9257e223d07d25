import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { DEMO_PASSWORD } from '@varna/testing';

const MAX_FAILURES = 3;
const MAX_FAILURES_PER_IP = 4;
const LOCKOUT_MINUTES = 15;
const WINDOW_MINUTES = 15;
const MINUTE = 60_000;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    config: {
      loginMaxFailures: MAX_FAILURES,
      loginMaxFailuresPerIp: MAX_FAILURES_PER_IP,
      loginLockoutMinutes: LOCKOUT_MINUTES,
      loginWindowMinutes: WINDOW_MINUTES,
    },
  });
});
afterAll(() => t?.close());

let ipCounter = 0;
/** A client address no other attempt in this file has used. */
const freshIp = () => {
  ipCounter += 1;
  return `192.168.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`;
};

const attempt = (username: string, password: string, ip = freshIp()) =>
  t.http.post('/api/auth/login').set('x-forwarded-for', ip).send({ username, password });

const WRONG = 'definitely-wrong-password';

async function fail(username: string, times: number, ip?: string) {
  for (let i = 0; i < times; i += 1) {
    const res = await attempt(username, WRONG, ip);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('INVALID_CREDENTIALS');
  }
}

function expectLocked(res: { status: number; body: Record<string, unknown> }, retryAfterSeconds: number) {
  expect(res.status).toBe(429);
  expect(res.body).toMatchObject({
    statusCode: 429,
    code: 'LOGIN_LOCKED',
    details: { retryAfterSeconds },
  });
  expect(res.body.accessToken).toBeUndefined();
}

describe('lockout per username', () => {
  it('locks the username after loginMaxFailures failures from varied IPs, even for the right password', async () => {
    await fail('sara.ekstrom', MAX_FAILURES); // each from a fresh IP
    const locked = await attempt('sara.ekstrom', DEMO_PASSWORD);
    expectLocked(locked, LOCKOUT_MINUTES * 60);
    expect(locked.headers['set-cookie']).toBeUndefined();
    // The lock is on the username, not the address: the same address signs someone else in.
    const ip = freshIp();
    expectLocked(await attempt('sara.ekstrom', DEMO_PASSWORD, ip), LOCKOUT_MINUTES * 60);
    expect((await attempt('elsa.kronberg', DEMO_PASSWORD, ip)).status).toBe(200);
    // Case and spaces do not get around it.
    expectLocked(await attempt('  SARA.Ekstrom', DEMO_PASSWORD), LOCKOUT_MINUTES * 60);
  });

  it('stays locked until loginLockoutMinutes after the last failure, then the right password works', async () => {
    await fail('daniel.nyberg', MAX_FAILURES);
    t.clock.advance(10 * MINUTE);
    // Attempts while locked do not prolong the lock.
    expectLocked(await attempt('daniel.nyberg', DEMO_PASSWORD), 5 * 60);
    expectLocked(await attempt('daniel.nyberg', WRONG), 5 * 60);
    t.clock.advance(5 * MINUTE - 1000);
    expectLocked(await attempt('daniel.nyberg', DEMO_PASSWORD), 1);
    t.clock.advance(2000);
    const res = await attempt('daniel.nyberg', DEMO_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.user.username).toBe('daniel.nyberg');
  });

  it('locks unknown usernames the same way, so the answer does not tell who exists', async () => {
    await fail('no.such.person', MAX_FAILURES);
    const res = await attempt('no.such.person', WRONG);
    expectLocked(res, LOCKOUT_MINUTES * 60);
    await fail('oskar.lindqvist', MAX_FAILURES);
    const known = await attempt('oskar.lindqvist', WRONG);
    expectLocked(known, LOCKOUT_MINUTES * 60);
    expect(known.body.message).toBe(res.body.message);
    t.clock.advance(LOCKOUT_MINUTES * MINUTE + 1000);
  });

  it('resets the failure count after a successful sign-in', async () => {
    // One second between attempts, as between real ones (a failure at the very instant of a success
    // is not "after" it).
    const failOnce = async () => {
      t.clock.advance(1000);
      await fail('maria.ek', 1);
    };
    const succeed = async () => {
      t.clock.advance(1000);
      const res = await attempt('maria.ek', DEMO_PASSWORD);
      expect(res.status).toBe(200);
    };
    for (let i = 0; i < MAX_FAILURES - 1; i += 1) await failOnce();
    await succeed();
    for (let i = 0; i < MAX_FAILURES - 1; i += 1) await failOnce();
    // 4 failures in the window, but only 2 since the last success.
    await succeed();
    // The count starts again from the success: MAX_FAILURES more lock it.
    for (let i = 0; i < MAX_FAILURES; i += 1) await failOnce();
    t.clock.advance(1000);
    expectLocked(await attempt('maria.ek', DEMO_PASSWORD), LOCKOUT_MINUTES * 60 - 1);
  });

  it('counts only failures within loginWindowMinutes', async () => {
    await fail('lena.holmgren', MAX_FAILURES - 1);
    t.clock.advance(WINDOW_MINUTES * MINUTE + 1000);
    await fail('lena.holmgren', MAX_FAILURES - 1);
    expect((await attempt('lena.holmgren', DEMO_PASSWORD)).status).toBe(200);
  });
});

describe('lockout per IP address', () => {
  it('locks an address after loginMaxFailuresPerIp failures across usernames; other addresses still sign in', async () => {
    const attacker = freshIp();
    const victims = ['gunnar.alm', 'ingrid.wall', 'hugo.palm', 'birgitta.sundin'];
    expect(victims).toHaveLength(MAX_FAILURES_PER_IP);
    // One failure each: far below the per-username limit.
    for (const username of victims) await fail(username, 1, attacker);

    expectLocked(await attempt('jan.ahlberg', DEMO_PASSWORD, attacker), LOCKOUT_MINUTES * 60);
    expectLocked(await attempt('gunnar.alm', DEMO_PASSWORD, attacker), LOCKOUT_MINUTES * 60);

    const elsewhere = freshIp();
    expect((await attempt('jan.ahlberg', DEMO_PASSWORD, elsewhere)).status).toBe(200);
    expect((await attempt('gunnar.alm', DEMO_PASSWORD, elsewhere)).status).toBe(200);

    t.clock.advance(LOCKOUT_MINUTES * MINUTE + 1000);
    expect((await attempt('jan.ahlberg', DEMO_PASSWORD, attacker)).status).toBe(200);
  });

  it('does not lock an address below the limit', async () => {
    const ip = freshIp();
    for (const username of ['therese.blom', 'lars.oberg', 'annika.holmqvist']) await fail(username, 1, ip);
    expect((await attempt('therese.blom', DEMO_PASSWORD, ip)).status).toBe(200);
  });
});
