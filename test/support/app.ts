import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig, type VarnaConfig } from '@varna/config';
import { FixedClock } from '@varna/core';
import { EXEMPELBY_TENANT } from '@varna/demo';
import type { AttachmentScanner } from '@varna/incident';
import request, { type Test } from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';
import { createTestDatabase, DEMO_NOW, DEMO_PASSWORD } from '@varna/testing';

/**
 * Requests made as one signed-in user: each carries `authorization: Bearer …`. A body (or, for
 * `get`, a query) may be given right away; the result is the ordinary supertest request.
 */
export interface UserHttp {
  get(path: string, query?: Record<string, unknown>): Test;
  post(path: string, body?: object): Test;
  patch(path: string, body?: object): Test;
  put(path: string, body?: object): Test;
  delete(path: string, body?: object): Test;
}

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  dataSource: DataSource;
  clock: FixedClock;
  databaseUrl: string;
  /** Signs in and returns the bearer header for the user. */
  login(
    username: string,
    password?: string,
  ): Promise<{ authorization: string; token: string; csrfToken: string }>;
  /**
   * Requests as `username`, signed in on first use (with the demo password) and then reusing that
   * one session for every later call, so the session is shared by all `as(username)` requests;
   * use `login()` where a test needs a session of its own.
   */
  as(username: string): UserHttp;
  /** Id of the demo tenant (code 'exempelby'). */
  demoTenantId(): Promise<string>;
  /** Id of a demo org unit by its code (only the demo tenant is searched). */
  unitId(code: string): Promise<string>;
  /** Id of a demo person by username (only the demo tenant is searched). */
  personId(username: string): Promise<string>;
  close(): Promise<void>;
}

/** The whole application on a database of its own, clock fixed at DEMO_NOW, demo kommun seeded. */
export async function startTestApp(
  options: {
    template?: 'empty' | 'demo';
    config?: Partial<VarnaConfig>;
    /** A virus-scan hook for incident attachments (default none: NOT_SCANNED). */
    attachmentScanner?: AttachmentScanner;
  } = {},
): Promise<TestApp> {
  const databaseUrl = await createTestDatabase(options.template ?? 'demo');
  const config = loadConfig(
    { NODE_ENV: 'test', LOG_LEVEL: 'silent' },
    { databaseUrl, trustProxy: true, ...options.config },
  );
  const clock = new FixedClock(DEMO_NOW);
  const app = await createApp({ config, databaseUrl, clock, attachmentScanner: options.attachmentScanner });
  await app.init();
  const dataSource = app.get(DataSource);
  const http = request(app.getHttpServer());
  let ipCounter = 0;
  const tokens = new Map<string, Promise<string>>();
  let demoTenant: Promise<string> | undefined;

  /** The one id `sql` finds for `value` in the demo tenant ($1 is the tenant code, $2 the value). */
  const demoId = async (sql: string, value: string, what: string) => {
    const rows = await dataSource.query<{ id: string }[]>(sql, [EXEMPELBY_TENANT.code, value]);
    if (rows.length !== 1) throw new Error(`no unique demo ${what} ${value}`);
    return rows[0].id;
  };

  const testApp: TestApp = {
    app,
    http,
    dataSource,
    clock,
    databaseUrl,
    async login(username, password = DEMO_PASSWORD) {
      // A distinct client address per sign-in keeps per-IP throttling out of unrelated tests.
      ipCounter += 1;
      const res = await http
        .post('/api/auth/login')
        .set('x-forwarded-for', `10.0.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`)
        .send({ username, password });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      const body = res.body as { accessToken: string; csrfToken: string };
      return {
        authorization: `Bearer ${body.accessToken}`,
        token: body.accessToken,
        csrfToken: body.csrfToken,
      };
    },
    as(username) {
      const authorization = () => {
        let token = tokens.get(username);
        if (!token) {
          token = testApp.login(username).then((auth) => auth.authorization);
          tokens.set(username, token);
        }
        return token;
      };
      const signed = (req: Test, payload: object | undefined, verb: 'send' | 'query') =>
        withAuthorization(payload === undefined ? req : req[verb](payload), authorization);
      return {
        get: (path, query) => signed(http.get(path), query, 'query'),
        post: (path, body) => signed(http.post(path), body, 'send'),
        patch: (path, body) => signed(http.patch(path), body, 'send'),
        put: (path, body) => signed(http.put(path), body, 'send'),
        delete: (path, body) => signed(http.delete(path), body, 'send'),
      };
    },
    demoTenantId() {
      demoTenant ??= dataSource
        .query<{ id: string }[]>('SELECT id FROM tenant WHERE code = $1', [EXEMPELBY_TENANT.code])
        .then((rows) => {
          if (rows.length !== 1) throw new Error(`no demo tenant ${EXEMPELBY_TENANT.code}`);
          return rows[0].id;
        });
      return demoTenant;
    },
    unitId: (code) =>
      demoId(
        'SELECT u.id FROM org_unit u JOIN tenant t ON t.id = u.tenant_id WHERE t.code = $1 AND u.code = $2',
        code,
        'unit',
      ),
    personId: (username) =>
      demoId(
        'SELECT p.id FROM person p JOIN tenant t ON t.id = p.tenant_id WHERE t.code = $1 AND p.username = $2',
        username,
        'person',
      ),
    close: () => app.close(),
  };
  return testApp;
}

/**
 * Sets the authorization header once the (lazily obtained) value is there, just before the request
 * goes out: supertest sends on `end()`, which `await`/`then()` call too. A header the test set
 * itself is left as it is.
 */
function withAuthorization(req: Test, authorization: () => Promise<string>): Test {
  const end = req.end.bind(req);
  req.end = (callback) => {
    authorization().then(
      (value) => {
        if (req.get('authorization') === undefined) req.set('authorization', value);
        end(callback);
      },
      (err: Error) => callback?.(err, undefined as never),
    );
    return req;
  };
  return req;
}
