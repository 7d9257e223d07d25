import { PasswordService } from '@varna/auth';
import { FixedClock } from '@varna/core';
import { startEmbeddedPostgres } from '@varna/db';
import { ProtectionService } from '@varna/classification';
import { DemoClassificationSeeder, DemoSeeder } from '@varna/demo';
import { HistoryService } from '@varna/history';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { TestProject } from 'vitest/node';
import { createDataSource } from '../../apps/api/src/data-source';
import { DEMO_NOW, DEMO_PASSWORD, TEMPLATE_DEMO, TEMPLATE_EMPTY, TEST_DB_PREFIX } from '@varna/testing';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL of the test cluster (database part replaced per test file). */
    pgAdminUrl: string;
  }
}

const withDatabase = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

async function admin<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function recreate(url: string, name: string): Promise<void> {
  await admin(url, async (c) => {
    await c.query(`UPDATE pg_database SET datistemplate = false WHERE datname = $1`, [name]);
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  });
}

/**
 * One PostgreSQL for the whole run: DATABASE_URL when given, else the embedded launcher with
 * durability off. Two migrated template databases (empty, and with the demo kommun seeded at
 * DEMO_NOW); every test file clones its own from one of them.
 */
export default async function setup(project: TestProject) {
  let stop = (): Promise<void> => Promise.resolve();
  let url = process.env.DATABASE_URL;
  let dir: string | undefined;
  if (!url) {
    dir = await mkdtemp(path.join(os.tmpdir(), 'varna-test-pg-'));
    await chmod(dir, 0o755); // as root, PostgreSQL runs as "postgres" and must enter it
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(dir, 'postgres'),
      database: 'postgres',
      fast: true,
    });
    url = pg.url;
    stop = () => pg.stop();
  }

  await recreate(url, TEMPLATE_EMPTY);
  const empty = createDataSource(withDatabase(url, TEMPLATE_EMPTY));
  await empty.initialize();
  await empty.runMigrations({ transaction: 'each' });
  await empty.destroy();

  await recreate(url, TEMPLATE_DEMO);
  const demo = createDataSource(withDatabase(url, TEMPLATE_DEMO));
  await demo.initialize();
  await demo.runMigrations({ transaction: 'each' });
  const clock = new FixedClock(DEMO_NOW);
  const history = new HistoryService(demo, clock);
  const classifications = new DemoClassificationSeeder(history, new ProtectionService(clock));
  await new DemoSeeder(demo, history, new PasswordService(), clock, classifications).seed({
    password: DEMO_PASSWORD,
    yearShift: 0,
  });
  await demo.destroy();

  await admin(url, async (c) => {
    await c.query(`UPDATE pg_database SET datistemplate = true WHERE datname IN ($1, $2)`, [
      TEMPLATE_EMPTY,
      TEMPLATE_DEMO,
    ]);
  });
  project.provide('pgAdminUrl', url);

  return async () => {
    if (dir) {
      await stop();
      await rm(dir, { recursive: true, force: true });
      return;
    }
    // An external server: leave it as we found it.
    await admin(url, async (c) => {
      const rows = await c.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname IN ($2, $3)`,
        [`${TEST_DB_PREFIX}%`, TEMPLATE_EMPTY, TEMPLATE_DEMO],
      );
      for (const { datname } of rows.rows) {
        await c.query(`UPDATE pg_database SET datistemplate = false WHERE datname = $1`, [datname]);
        await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    });
  };
}
