import { createMongoAbility, type MongoAbility, subject } from '@casl/ability';
import { unpackRules, type PackRule } from '@casl/ability/extra';
import { EXEMPELBY_PEOPLE, EXEMPELBY_TENANT } from '@varna/demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { DEMO_NOW, DEMO_PASSWORD } from '@varna/testing';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const TODAY = '2026-11-16';
let ipCounter = 0;
/** A fresh client address per call, so per-IP throttling stays out of these tests. */
const nextIp = () => {
  ipCounter += 1;
  return `172.16.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`;
};

const login = (body: Record<string, unknown>, ip = nextIp()) =>
  t.http.post('/api/auth/login').set('x-forwarded-for', ip).send(body);

function setCookies(res: { headers: Record<string, unknown> }): string[] {
  const raw = res.headers['set-cookie'];
  return Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
}

/** The Set-Cookie header for one cookie, split into its value and lower-cased attribute names/values. */
function cookie(res: { headers: Record<string, unknown> }, name: string) {
  const header = setCookies(res).find((c) => c.startsWith(`${name}=`));
  if (!header) throw new Error(`no Set-Cookie for ${name}: ${JSON.stringify(setCookies(res))}`);
  const [pair, ...attrs] = header.split(';').map((s) => s.trim());
  const attributes = new Map(
    attrs.map((a) => {
      const eq = a.indexOf('=');
      return eq < 0 ? [a.toLowerCase(), ''] : [a.slice(0, eq).toLowerCase(), a.slice(eq + 1)];
    }),
  );
  return { value: decodeURIComponent(pair.slice(name.length + 1)), attributes };
}

function expectedRoles(username: string): string[] {
  const person = EXEMPELBY_PEOPLE.find((p) => p.username === username);
  if (!person) throw new Error(username);
  const valid = person.assignments.filter(
    (a) => (a.validFrom ?? '0000-01-01') <= TODAY && (a.validTo ?? '9999-12-31') >= TODAY,
  );
  return [...new Set(['EMPLOYEE', ...valid.map((a) => a.role)])].sort();
}

describe('POST /api/auth/login', () => {
  it('covers all 29 demo users', () => {
    expect(EXEMPELBY_PEOPLE).toHaveLength(29);
  });

  it.each(EXEMPELBY_PEOPLE.map((p) => [p.username, p.displayName]))(
    'signs in %s and /api/me answers with their name and valid roles',
    async (username, displayName) => {
      const res = await login({ username, password: DEMO_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ username, displayName });

      const me = await t.http.get('/api/me').set('authorization', `Bearer ${res.body.accessToken}`);
      expect(me.status).toBe(200);
      expect(me.body.person.username).toBe(username);
      expect(me.body.person.displayName).toBe(displayName);
      expect(me.body.tenant.code).toBe(EXEMPELBY_TENANT.code);
      expect(me.body.roles[0]).toBe('EMPLOYEE');
      expect([...me.body.roles].sort()).toEqual(expectedRoles(username));
      expect(new Set(me.body.roles).size).toBe(me.body.roles.length);
    },
  );

  it('counts the auditor and the ADMIN among the valid roles at DEMO_NOW', async () => {
    const tove = await t.login('tove.granath');
    const me = await t.http.get('/api/me').set('authorization', tove.authorization);
    expect(me.body.roles).toEqual(['EMPLOYEE', 'AUDITOR']);
    expect(me.body.roleAssignments).toEqual([
      expect.objectContaining({ role: 'AUDITOR', validTo: '2026-12-31' }),
    ]);

    const viktor = await t.login('viktor.berglof');
    const meV = await t.http.get('/api/me').set('authorization', viktor.authorization);
    expect(meV.body.roles).toEqual(['EMPLOYEE', 'ADMIN']);

    const per = await t.login('per.dahlgren');
    const meP = await t.http.get('/api/me').set('authorization', per.authorization);
    expect([...meP.body.roles].sort()).toEqual(['EMPLOYEE', 'HEAD', 'READER']);
  });

  it('accepts the username in any case and with surrounding spaces', async () => {
    const res = await login({ username: '  Cecilia.LUND ', password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user.username).toBe('cecilia.lund');
  });

  it('returns a bearer token, a CSRF token and the expiry, and sets the two cookies', async () => {
    const res = await login({ username: 'cecilia.lund', password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      tokenType: 'Bearer',
      accessToken: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/),
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/),
      user: { username: 'cecilia.lund', displayName: 'Cecilia Lund', tenantId: expect.any(String) },
    });
    expect(res.body.csrfToken).not.toBe(res.body.accessToken);
    // Default sessionTtlMinutes: 8 hours from the (fixed) clock.
    expect(res.body.expiresAt).toBe(new Date(DEMO_NOW.getTime() + 8 * 60 * 60_000).toISOString());

    const session = cookie(res, 'varna_session');
    expect(session.value).toBe(res.body.accessToken);
    expect(session.attributes.has('httponly')).toBe(true);
    expect(session.attributes.get('samesite')).toBe('Strict');
    expect(session.attributes.get('path')).toBe('/');
    // The lifetime as Max-Age (seconds), independent of the browser's clock: 8 hours.
    expect(session.attributes.get('max-age')).toBe(String(8 * 60 * 60));

    const csrf = cookie(res, 'varna_csrf');
    expect(csrf.value).toBe(res.body.csrfToken);
    expect(csrf.attributes.has('httponly')).toBe(false);
    expect(csrf.attributes.get('samesite')).toBe('Strict');
    expect(csrf.attributes.get('path')).toBe('/');
  });

  it('issues a new, distinct token on every sign-in', async () => {
    const a = await t.login('nora.falk');
    const b = await t.login('nora.falk');
    expect(a.token).not.toBe(b.token);
    expect(a.csrfToken).not.toBe(b.csrfToken);
  });

  it('answers a wrong password and an unknown user alike: 401 INVALID_CREDENTIALS', async () => {
    const wrong = await login({ username: 'jonas.berg', password: 'not-the-password-1' });
    const unknown = await login({ username: 'nobody.here', password: 'not-the-password-1' });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ statusCode: 401, code: 'INVALID_CREDENTIALS', details: null });
      expect(setCookies(res).some((c) => c.startsWith('varna_session='))).toBe(false);
      expect(res.body.accessToken).toBeUndefined();
    }
    expect(unknown.body.message).toBe(wrong.body.message);
    expect(Object.keys(unknown.body).sort()).toEqual(Object.keys(wrong.body).sort());
    // The right password still works for jonas (one failure is far from the lockout).
    expect((await login({ username: 'jonas.berg', password: DEMO_PASSWORD })).status).toBe(200);
  });

  it('refuses a known user in a tenant that does not exist with the same 401', async () => {
    const res = await login({ username: 'emil.hagg', password: DEMO_PASSWORD, tenant: 'grannby' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('signs in with the right tenant code given explicitly', async () => {
    const res = await login({ username: 'emil.hagg', password: DEMO_PASSWORD, tenant: 'exempelby' });
    expect(res.status).toBe(200);
  });

  it('answers missing fields with 400 VALIDATION_FAILED and one detail per field', async () => {
    const res = await login({});
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = (res.body.details as { field: string; messages: string[] }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['password', 'username']);
    for (const d of res.body.details as { messages: string[] }[])
      expect(d.messages.length).toBeGreaterThan(0);
  });

  it('answers fields of the wrong type or length with per-field details', async () => {
    const res = await login({ username: 42, password: '', tenant: 'x'.repeat(41) });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = (res.body.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['password', 'tenant', 'username']);
  });

  it('refuses an unknown body field with 400', async () => {
    const res = await login({ username: 'cecilia.lund', password: DEMO_PASSWORD, remember: true });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'remember' })]);
    expect(setCookies(res).some((c) => c.startsWith('varna_session='))).toBe(false);
  });

  it('refuses malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send('{"username": "cecilia.lund",');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_JSON');
  });
});

describe('without a session', () => {
  it.each([
    ['get', '/api/me'],
    ['get', '/api/me/permissions'],
    ['get', '/api/me/sessions'],
    ['post', '/api/auth/logout'],
    ['post', '/api/me/password'],
  ] as const)('%s %s is 401 UNAUTHENTICATED', async (method, path) => {
    const res = await t.http[method](path);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an unknown bearer token and an unknown cookie with 401', async () => {
    const bearer = await t.http.get('/api/me').set('authorization', 'Bearer not-a-real-token');
    expect(bearer.status).toBe(401);
    expect(bearer.body.code).toBe('UNAUTHENTICATED');
    const cookieOnly = await t.http.get('/api/me').set('cookie', 'varna_session=not-a-real-token');
    expect(cookieOnly.status).toBe(401);
  });
});

describe('GET /api/me/permissions', () => {
  type Ability = MongoAbility;
  async function abilityOf(username: string): Promise<Ability> {
    const { authorization } = await t.login(username);
    const res = await t.http.get('/api/me/permissions').set('authorization', authorization);
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body.rules)).toBe(true);
    return createMongoAbility(unpackRules(res.body.rules as PackRule<never>[]));
  }

  it('gives the ADMIN account management and the medarbetare none', async () => {
    const viktor = await abilityOf('viktor.berglof');
    expect(viktor.can('create', 'OrgUnit')).toBe(true);
    expect(viktor.can('update', 'Person')).toBe(true);
    expect(viktor.can('update', 'Credential')).toBe(true);

    const emma = await abilityOf('emma.rahimi');
    expect(emma.can('create', 'OrgUnit')).toBe(false);
    expect(emma.can('update', 'Person')).toBe(false);
    expect(emma.can('read', 'OrgUnit')).toBe(true);
  });

  it('carries the conditions: own sessions only for the medarbetare, pinned to the tenant', async () => {
    const { authorization } = await t.login('emma.rahimi');
    const me = await t.http.get('/api/me').set('authorization', authorization);
    const res = await t.http.get('/api/me/permissions').set('authorization', authorization);
    const ability = createMongoAbility(unpackRules(res.body.rules as PackRule<never>[]));
    const tenantId = me.body.tenant.id as string;
    const personId = me.body.person.id as string;
    const session = (fields: Record<string, unknown>) => subject('Session', fields);
    expect(ability.can('delete', session({ tenantId, personId }))).toBe(true);
    expect(ability.can('delete', session({ tenantId, personId: crypto.randomUUID() }))).toBe(false);
    expect(ability.can('delete', session({ tenantId: crypto.randomUUID(), personId }))).toBe(false);
  });
});
