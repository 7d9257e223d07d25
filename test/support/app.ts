import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig, type VarnaConfig } from '@varna/config';
import { FixedClock } from '@varna/core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';
import { createTestDatabase, DEMO_NOW, DEMO_PASSWORD } from '@varna/testing';

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
  /** Id of a demo org unit by its code. */
  unitId(code: string): Promise<string>;
  /** Id of a demo person by username. */
  personId(username: string): Promise<string>;
  close(): Promise<void>;
}

/** The whole application on a database of its own, clock fixed at DEMO_NOW, demo kommun seeded. */
export async function startTestApp(
  options: { template?: 'empty' | 'demo'; config?: Partial<VarnaConfig> } = {},
): Promise<TestApp> {
  const databaseUrl = await createTestDatabase(options.template ?? 'demo');
  const config = loadConfig(
    { NODE_ENV: 'test', LOG_LEVEL: 'silent' },
    { databaseUrl, trustProxy: true, ...options.config },
  );
  const clock = new FixedClock(DEMO_NOW);
  const app = await createApp({ config, databaseUrl, clock });
  await app.init();
  const dataSource = app.get(DataSource);
  const http = request(app.getHttpServer());
  let ipCounter = 0;

  return {
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
    async unitId(code) {
      const rows = await dataSource.query<{ id: string }[]>('SELECT id FROM org_unit WHERE code = $1', [
        code,
      ]);
      if (rows.length !== 1) throw new Error(`no unique unit ${code}`);
      return rows[0].id;
    },
    async personId(username) {
      const rows = await dataSource.query<{ id: string }[]>('SELECT id FROM person WHERE username = $1', [
        username,
      ]);
      if (rows.length !== 1) throw new Error(`no unique person ${username}`);
      return rows[0].id;
    },
    close: () => app.close(),
  };
}
