import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { DEMO_NOW, DEMO_PASSWORD } from '@varna/testing';

const SESSION_TTL_MINUTES = 60;
const MINUTE = 60_000;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ config: { sessionTtlMinutes: SESSION_TTL_MINUTES } });
});
afterAll(() => t?.close());
beforeEach(() => t.clock.set(DEMO_NOW));

interface SessionItem {
  id: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

const me = (auth: { authorization: string }) =>
  t.http.get('/api/me').set('authorization', auth.authorization);
const withCookie = (token: string) => `varna_session=${token}`;

async function sessionsOf(auth: { authorization: string }): Promise<SessionItem[]> {
  const res = await t.http.get('/api/me/sessions').set('authorization', auth.authorization);
  expect(res.status).toBe(200);
  return res.body.items as SessionItem[];
}

/** The session id behind a token, as its holder sees it. */
async function sessionIdOf(auth: { authorization: string }): Promise<string> {
  const current = (await sessionsOf(auth)).filter((s) => s.current);
  expect(current).toHaveLength(1);
  return current[0].id;
}

describe('cookie authentication and CSRF', () => {
  it('reads /api/me with the session cookie alone', async () => {
    const { token } = await t.login('cecilia.lund');
    const res = await t.http.get('/api/me').set('cookie', withCookie(token));
    expect(res.status).toBe(200);
    expect(res.body.person.username).toBe('cecilia.lund');
  });

  it('refuses a cookie-authenticated write without, or with a wrong, X-CSRF-Token', async () => {
    const { token, csrfToken } = await t.login('amir.haddad');
    const other = await t.login('amir.haddad'); // a second session of the same person

    const cases: Record<string, string | undefined> = {
      missing: undefined,
      empty: '',
      wrong: 'x'.repeat(43),
      'the token itself': token,
      "another session's token": other.csrfToken,
    };
    for (const [label, header] of Object.entries(cases)) {
      let req = t.http.post('/api/auth/logout').set('cookie', withCookie(token));
      if (header !== undefined) req = req.set('x-csrf-token', header);
      const res = await req;
      expect(res.status, label).toBe(403);
      expect(res.body.code, label).toBe('CSRF_TOKEN_INVALID');
    }
    // Echoing the CSRF cookie as a cookie is not enough: it must come back in the header.
    const cookieOnly = await t.http
      .post('/api/auth/logout')
      .set('cookie', `${withCookie(token)}; varna_csrf=${csrfToken}`);
    expect(cookieOnly.status).toBe(403);
    expect(cookieOnly.body.code).toBe('CSRF_TOKEN_INVALID');

    // None of the refused requests signed the session out.
    expect((await t.http.get('/api/me').set('cookie', withCookie(token))).status).toBe(200);

    const ok = await t.http
      .post('/api/auth/logout')
      .set('cookie', withCookie(token))
      .set('x-csrf-token', csrfToken);
    expect(ok.status).toBe(204);
    const cleared = (ok.headers['set-cookie'] as unknown as string[]) ?? [];
    for (const name of ['varna_session', 'varna_csrf']) {
      const header = cleared.find((c) => c.startsWith(`${name}=`));
      expect(header, name).toMatch(/expires=Thu, 01 Jan 1970/i);
    }
    expect((await t.http.get('/api/me').set('cookie', withCookie(token))).status).toBe(401);
    // The other session of the same person is untouched.
    expect((await me(other)).status).toBe(200);
  });

  it('checks CSRF before anything else on POST /api/me/password, and lets the right token through', async () => {
    const { token, csrfToken } = await t.login('nora.falk');
    const body = { currentPassword: 'not-my-password-at-all', newPassword: 'a-brand-new-password-1' };
    const without = await t.http.post('/api/me/password').set('cookie', withCookie(token)).send(body);
    expect(without.status).toBe(403);
    expect(without.body.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await t.http
      .post('/api/me/password')
      .set('cookie', withCookie(token))
      .set('x-csrf-token', 'wrong')
      .send(body);
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('CSRF_TOKEN_INVALID');
    // With the token the request reaches the handler (which then refuses the wrong current password).
    const reached = await t.http
      .post('/api/me/password')
      .set('cookie', withCookie(token))
      .set('x-csrf-token', csrfToken)
      .send(body);
    expect(reached.status).toBe(400);
    expect(reached.body.code).toBe('CURRENT_PASSWORD_INVALID');

    const changed = await t.http
      .post('/api/me/password')
      .set('cookie', withCookie(token))
      .set('x-csrf-token', csrfToken)
      .send({ currentPassword: DEMO_PASSWORD, newPassword: 'nora-has-a-new-one-2026' });
    expect(changed.status).toBe(204);
    const relogin = await t.http
      .post('/api/auth/login')
      .set('x-forwarded-for', '10.99.0.1')
      .send({ username: 'nora.falk', password: 'nora-has-a-new-one-2026' });
    expect(relogin.status).toBe(200);
  });

  it('needs no CSRF token for bearer-authenticated writes', async () => {
    const auth = await t.login('emil.hagg');
    const res = await t.http.post('/api/auth/logout').set('authorization', auth.authorization);
    expect(res.status).toBe(204);
    expect((await me(auth)).status).toBe(401);
  });

  it('prefers the bearer token over a cookie when both are sent', async () => {
    const cecilia = await t.login('cecilia.lund');
    const emma = await t.login('emma.rahimi');
    const res = await t.http
      .get('/api/me')
      .set('authorization', cecilia.authorization)
      .set('cookie', withCookie(emma.token));
    expect(res.status).toBe(200);
    expect(res.body.person.username).toBe('cecilia.lund');
  });
});

describe('logout and own sessions', () => {
  it('revokes the session on logout: the same token is then 401, other sessions stay valid', async () => {
    const first = await t.login('sofia.lindahl');
    const second = await t.login('sofia.lindahl');
    const out = await t.http.post('/api/auth/logout').set('authorization', first.authorization);
    expect(out.status).toBe(204);

    const after = await me(first);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('UNAUTHENTICATED');
    // Logging out twice is not possible either.
    expect((await t.http.post('/api/auth/logout').set('authorization', first.authorization)).status).toBe(
      401,
    );
    const still = await me(second);
    expect(still.status).toBe(200);
    expect(still.body.person.username).toBe('sofia.lindahl');
  });

  it('lists own open sessions with the current one flagged', async () => {
    const ip1 = '10.200.0.1';
    const ip2 = '10.200.0.2';
    const signIn = async (ip: string, agent: string) => {
      const res = await t.http
        .post('/api/auth/login')
        .set('x-forwarded-for', ip)
        .set('user-agent', agent)
        .send({ username: 'helena.strand', password: DEMO_PASSWORD });
      expect(res.status).toBe(200);
      return { authorization: `Bearer ${res.body.accessToken as string}` };
    };
    const a = await signIn(ip1, 'Browser A');
    const b = await signIn(ip2, 'Browser B');
    const revoked = await signIn(ip2, 'Browser C');
    await t.http.post('/api/auth/logout').set('authorization', revoked.authorization).expect(204);
    const someoneElse = await t.login('annika.holmqvist');

    const seenByA = await sessionsOf(a);
    expect(seenByA).toHaveLength(2);
    expect(seenByA.map((s) => s.userAgent).sort()).toEqual(['Browser A', 'Browser B']);
    const [current] = seenByA.filter((s) => s.current);
    expect(current).toMatchObject({ ip: ip1, userAgent: 'Browser A', current: true });
    expect(seenByA.find((s) => !s.current)).toMatchObject({ ip: ip2, userAgent: 'Browser B' });
    for (const s of seenByA) {
      expect(s.expiresAt).toBe(new Date(DEMO_NOW.getTime() + SESSION_TTL_MINUTES * MINUTE).toISOString());
      expect(s.lastSeenAt).toBe(DEMO_NOW.toISOString());
      expect(s.createdAt).toBe(DEMO_NOW.toISOString());
    }

    const seenByB = await sessionsOf(b);
    expect(seenByB.map((s) => s.id).sort()).toEqual(seenByA.map((s) => s.id).sort());
    expect(seenByB.find((s) => s.current)?.userAgent).toBe('Browser B');

    const other = await sessionsOf(someoneElse);
    expect(other).toHaveLength(1);
    expect(seenByA.map((s) => s.id)).not.toContain(other[0].id);
  });

  it('lets a person revoke another of their own sessions', async () => {
    const keep = await t.login('lars.oberg');
    const drop = await t.login('lars.oberg');
    const dropId = await sessionIdOf(drop);

    const res = await t.http.delete(`/api/me/sessions/${dropId}`).set('authorization', keep.authorization);
    expect(res.status).toBe(204);
    expect((await me(drop)).status).toBe(401);
    expect((await me(keep)).status).toBe(200);
    expect((await sessionsOf(keep)).map((s) => s.id)).not.toContain(dropId);
  });

  it("answers 404 for another person's session and leaves it alone", async () => {
    const emma = await t.login('emma.rahimi');
    const viktor = await t.login('viktor.berglof');
    const emmaSession = await sessionIdOf(emma);
    const viktorSession = await sessionIdOf(viktor);

    const byEmma = await t.http
      .delete(`/api/me/sessions/${viktorSession}`)
      .set('authorization', emma.authorization);
    expect(byEmma.status).toBe(404);
    expect(byEmma.body.code).toBe('SESSION_NOT_FOUND');
    // Not even the ADMIN revokes someone else's session through /api/me.
    const byViktor = await t.http
      .delete(`/api/me/sessions/${emmaSession}`)
      .set('authorization', viktor.authorization);
    expect(byViktor.status).toBe(404);
    expect((await me(viktor)).status).toBe(200);
    expect((await me(emma)).status).toBe(200);

    const unknown = await t.http
      .delete(`/api/me/sessions/${crypto.randomUUID()}`)
      .set('authorization', emma.authorization);
    expect(unknown.status).toBe(404);
    const notAnId = await t.http
      .delete('/api/me/sessions/not-a-uuid')
      .set('authorization', emma.authorization);
    expect(notAnId.status).toBe(400);
  });
});

describe('session expiry', () => {
  it('answers 401 SESSION_EXPIRED once sessionTtlMinutes have passed', async () => {
    const auth = await t.login('petter.akesson');
    t.clock.advance(SESSION_TTL_MINUTES * MINUTE - 1000);
    expect((await me(auth)).status).toBe(200);
    t.clock.advance(1000);
    const expired = await me(auth);
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('SESSION_EXPIRED');
    // Also through the cookie, and for writes.
    const byCookie = await t.http.get('/api/me').set('cookie', withCookie(auth.token));
    expect(byCookie.body.code).toBe('SESSION_EXPIRED');
    const write = await t.http.post('/api/auth/logout').set('authorization', auth.authorization);
    expect(write.status).toBe(401);

    // Signing in again gives a fresh session.
    const fresh = await t.login('petter.akesson');
    expect((await me(fresh)).status).toBe(200);
  });

  it('leaves expired sessions out of the list', async () => {
    const old = await t.login('jonas.berg');
    t.clock.advance(SESSION_TTL_MINUTES * MINUTE + MINUTE);
    const fresh = await t.login('jonas.berg');
    expect((await me(old)).body.code).toBe('SESSION_EXPIRED');
    const items = await sessionsOf(fresh);
    expect(items).toHaveLength(1);
    expect(items[0].current).toBe(true);
  });

  it('reports a revoked session as UNAUTHENTICATED even after it would have expired', async () => {
    const auth = await t.login('karin.vestberg');
    await t.http.post('/api/auth/logout').set('authorization', auth.authorization).expect(204);
    t.clock.advance(SESSION_TTL_MINUTES * MINUTE + MINUTE);
    const res = await me(auth);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });
});
