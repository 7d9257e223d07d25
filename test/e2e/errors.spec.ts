import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { expectErrorBody as expectTheErrorBody } from '../support/expect';

/*
 * The one error body `{ statusCode, code, message, correlationId, details }` for everything that can
 * go wrong before, in and after a handler (architecture §5).
 */
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const GENERIC_MESSAGE = 'Ett oväntat fel inträffade.';

let t: TestApp;
let admin: { authorization: string };

/** The shared error-body check, and here also: sent as JSON, with a message that says something. */
function expectErrorBody(res: Response, status: number, code: string) {
  expectTheErrorBody(res, status, code, { correlated: true });
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.body.message.length).toBeGreaterThan(0);
}

const json = (req: ReturnType<TestApp['http']['post']>) => req.set('content-type', 'application/json');

// One app at a time: the session strategy registers on passport's process-wide instance, so a second
// app started while another runs takes over its authentication (see the report on SessionStrategy).
describe('the demo app', () => {
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('viktor.berglof');
  });
  afterAll(() => t?.close());

  describe('unreadable requests', () => {
    it('malformed JSON is 400 MALFORMED_JSON, before authentication', async () => {
      const anonymous = await json(t.http.post('/api/auth/login')).send('{"username": "viktor.berglof",');
      expectErrorBody(anonymous, 400, 'MALFORMED_JSON');
      expect(anonymous.body.details).toBeNull();
      const signedIn = await json(
        t.http.post('/api/org-units').set('authorization', admin.authorization),
      ).send('{"code": "X" "name": "Y"}');
      expectErrorBody(signedIn, 400, 'MALFORMED_JSON');
      // A top-level string or number is not accepted as JSON here (strict parsing).
      expectErrorBody(
        await json(t.http.post('/api/auth/login')).send('"viktor.berglof"'),
        400,
        'MALFORMED_JSON',
      );
    });

    it('an unsupported charset is 415', async () => {
      const res = await t.http
        .post('/api/auth/login')
        .set('content-type', 'application/json; charset=latin1')
        .send('{"username":"a","password":"b"}');
      expectErrorBody(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('a body over 1 kB is fine under the default limit (1mb)', async () => {
      const res = await t.http
        .post('/api/auth/login')
        .send({ username: 'nobody', password: 'x'.repeat(1000) });
      expectErrorBody(res, 401, 'INVALID_CREDENTIALS');
    });
  });

  describe('routing and parameters', () => {
    it('an unknown route is 404 ROUTE_NOT_FOUND, for anonymous callers too', async () => {
      expectErrorBody(await t.http.get('/api/no-such-route'), 404, 'ROUTE_NOT_FOUND');
      expectErrorBody(await t.http.post('/api/no-such-route').send({}), 404, 'ROUTE_NOT_FOUND');
      // A known path with a method it does not have.
      expectErrorBody(
        await t.http.delete('/api/org-units').set('authorization', admin.authorization),
        404,
        'ROUTE_NOT_FOUND',
      );
    });

    it('an invalid uuid in the path is 400, not 404 or 500', async () => {
      for (const path of [
        '/api/org-units/not-a-uuid',
        '/api/users/123',
        '/api/role-assignments/%27%20OR%201=1',
      ]) {
        expectErrorBody(await t.http.get(path).set('authorization', admin.authorization), 400, 'INVALID_ID');
      }
      const patch = await t.http
        .patch('/api/org-units/zzz')
        .set('authorization', admin.authorization)
        .send({ version: 1, name: 'Nytt namn' });
      expectErrorBody(patch, 400, 'INVALID_ID');
    });

    it('the path is checked only after authentication: anonymous callers get 401', async () => {
      expectErrorBody(await t.http.get('/api/org-units/not-a-uuid'), 401, 'UNAUTHENTICATED');
    });

    it('invalid or unknown query parameters are 400 VALIDATION_FAILED with the field named', async () => {
      const bad = await t.http.get('/api/org-units?status=NOPE').set('authorization', admin.authorization);
      expectErrorBody(bad, 400, 'VALIDATION_FAILED');
      expect(bad.body.details).toEqual([expect.objectContaining({ field: 'status' })]);
      const unknown = await t.http.get('/api/org-units?sneaky=1').set('authorization', admin.authorization);
      expectErrorBody(unknown, 400, 'VALIDATION_FAILED');
      expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'sneaky' })]);
    });

    it('a record out of reach answers exactly like one that does not exist', async () => {
      const nora = await t.login('nora.falk');
      const [foreign] = await t.dataSource.query<{ id: string }[]>(
        `SELECT ra.id FROM role_assignment ra JOIN person p ON p.id = ra.person_id WHERE p.username = 'cecilia.lund'`,
      );
      const outOfReach = await t.http
        .get(`/api/role-assignments/${foreign.id}`)
        .set('authorization', nora.authorization);
      const missing = await t.http
        .get('/api/role-assignments/00000000-0000-4000-8000-000000000000')
        .set('authorization', nora.authorization);
      expectErrorBody(outOfReach, 404, 'ROLE_ASSIGNMENT_NOT_FOUND');
      expectErrorBody(missing, 404, 'ROLE_ASSIGNMENT_NOT_FOUND');
      expect(outOfReach.body.message).toBe(missing.body.message);
      // The CISO does reach it, so the 404 above is about scope.
      const cecilia = await t.login('cecilia.lund');
      expect(
        (await t.http.get(`/api/role-assignments/${foreign.id}`).set('authorization', cecilia.authorization))
          .status,
      ).toBe(200);
    });
  });

  describe('correlation id', () => {
    it('x-request-id passes through to the response header and the error body', async () => {
      const res = await t.http.get('/api/no-such-route').set('x-request-id', 'kund-4711:abc.DEF_9');
      expect(res.headers['x-request-id']).toBe('kund-4711:abc.DEF_9');
      expectErrorBody(res, 404, 'ROUTE_NOT_FOUND');
      expect(res.body.correlationId).toBe('kund-4711:abc.DEF_9');
      const ok = await t.http.get('/api/health/live').set('x-request-id', 'kund-4712');
      expect(ok.status).toBe(200);
      expect(ok.headers['x-request-id']).toBe('kund-4712');
    });

    it('also on errors raised before the route (body parser) and by the guards', async () => {
      const parser = await json(t.http.post('/api/auth/login').set('x-request-id', 'parse-1')).send('{');
      expect(parser.body.correlationId).toBe('parse-1');
      const guard = await t.http.get('/api/me').set('x-request-id', 'guard-1');
      expectErrorBody(guard, 401, 'UNAUTHENTICATED');
      expect(guard.body.correlationId).toBe('guard-1');
    });

    it('is generated when missing, fresh for every request', async () => {
      const a = await t.http.get('/api/me');
      const b = await t.http.get('/api/me');
      expect(a.headers['x-request-id']).toMatch(UUID_V4);
      expect(a.body.correlationId).toBe(a.headers['x-request-id']);
      expect(b.headers['x-request-id']).not.toBe(a.headers['x-request-id']);
    });

    it('is replaced when the incoming one is not a safe token', async () => {
      for (const incoming of ['has space', 'x'.repeat(101), 'semi;colon', '<script>', '']) {
        const res = await t.http.get('/api/me').set('x-request-id', incoming);
        expect(res.headers['x-request-id']).toMatch(UUID_V4);
        expect(res.body.correlationId).toBe(res.headers['x-request-id']);
      }
    });
  });

  describe('database errors', () => {
    it('a unique violation surfaces as 409, not 500', async () => {
      // An invariant the service does not pre-check: only the database knows, as in a race.
      await t.dataSource.query(`CREATE UNIQUE INDEX uq_test_org_unit__name ON org_unit (tenant_id, name)`);
      const historyBefore = await t.dataSource.query(`SELECT count(*)::int AS n FROM history_entry`);
      try {
        const res = await t.http
          .post('/api/org-units')
          .set('authorization', admin.authorization)
          .send({ code: 'KLF-DUP', name: 'Säkerhetsenheten', type: 'UNIT', parentId: await t.unitId('KLF') });
        expectErrorBody(res, 409, 'UNIQUE_VIOLATION');
        expect(res.body.details).toEqual({ constraint: 'uq_test_org_unit__name' });
        // Nothing was written, history included.
        expect(await t.dataSource.query(`SELECT 1 FROM org_unit WHERE code = 'KLF-DUP'`)).toHaveLength(0);
        expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM history_entry`)).toEqual(
          historyBefore,
        );
      } finally {
        await t.dataSource.query(`DROP INDEX uq_test_org_unit__name`);
      }
    });

    it('an unexpected error is 500 INTERNAL_ERROR with a generic message and nothing of the cause', async () => {
      await t.dataSource.query(`ALTER TABLE login_attempt RENAME TO login_attempt_away`);
      try {
        const res = await t.http
          .post('/api/auth/login')
          .set('x-request-id', 'boom-1')
          .send({ username: 'viktor.berglof', password: 'whatever' });
        expectErrorBody(res, 500, 'INTERNAL_ERROR');
        expect(res.body).toEqual({
          statusCode: 500,
          code: 'INTERNAL_ERROR',
          message: GENERIC_MESSAGE,
          correlationId: 'boom-1',
          details: null,
        });
        expect(res.text).not.toMatch(/login_attempt|does not exist|stack|QueryFailedError|\.ts:\d|at \w+ \(/);
      } finally {
        await t.dataSource.query(`ALTER TABLE login_attempt_away RENAME TO login_attempt`);
      }
      // And the app recovers once the cause is gone.
      expect(
        (await t.http.post('/api/auth/login').send({ username: 'viktor.berglof', password: 'whatever' }))
          .status,
      ).toBe(401);
    });
  });

  describe('health', () => {
    it('live and ready are 200 for anonymous callers', async () => {
      for (const path of ['/api/health/live', '/api/health/ready']) {
        const res = await t.http.get(path);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ status: 'ok' });
      }
    });
  });
});

describe('with bodyLimit 1kb', () => {
  let small: TestApp;
  beforeAll(async () => {
    small = await startTestApp({ config: { bodyLimit: '1kb' } });
  });
  afterAll(() => small?.close());

  it('a larger body is 413 PAYLOAD_TOO_LARGE, whoever sends it', async () => {
    const big = { username: 'viktor.berglof', password: 'x'.repeat(2000) };
    const res = await small.http.post('/api/auth/login').send(big);
    expectErrorBody(res, 413, 'PAYLOAD_TOO_LARGE');
    const unknownRoute = await small.http.post('/api/no-such-route').send(big);
    expectErrorBody(unknownRoute, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('a body under the limit is read as usual', async () => {
    const res = await small.http
      .post('/api/auth/login')
      .send({ username: 'nobody', password: 'x'.repeat(500) });
    expectErrorBody(res, 401, 'INVALID_CREDENTIALS');
  });
});

describe('when the database is gone', () => {
  let broken: TestApp;
  let token: { authorization: string };
  beforeAll(async () => {
    broken = await startTestApp();
    token = await broken.login('viktor.berglof');
    await broken.dataSource.destroy();
  });
  afterAll(() => broken?.close());

  it('requests that need it are 500 INTERNAL_ERROR without details', async () => {
    const me = await broken.http.get('/api/me').set('authorization', token.authorization);
    expectErrorBody(me, 500, 'INTERNAL_ERROR');
    expect(me.body.message).toBe(GENERIC_MESSAGE);
    expect(me.body.details).toBeNull();
  });

  it('health: live stays 200, ready says 503 NOT_READY', async () => {
    expect((await broken.http.get('/api/health/live')).status).toBe(200);
    expectErrorBody(await broken.http.get('/api/health/ready'), 503, 'NOT_READY');
  });
});
