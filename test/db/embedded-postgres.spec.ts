import { startEmbeddedPostgres } from '@varna/db';
import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const query = async (url: string, sql: string) => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
};

describe('the embedded PostgreSQL launcher', () => {
  let base: string;
  beforeAll(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'varna-launcher-'));
    await chmod(base, 0o755);
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('initialises on first start, keeps data across restarts and picks a free port each time', async () => {
    const dataDir = path.join(base, 'data', 'postgres');
    const first = await startEmbeddedPostgres({ dataDir, database: 'varna' });
    await query(first.url, 'CREATE TABLE kept (v text); INSERT INTO kept VALUES ($$Exempelby$$)');
    const version = await query(first.url, 'SHOW server_version');
    expect(String(version[0].server_version)).toMatch(/^1[5-9]/);
    await first.stop();
    await first.stop(); // stopping twice is harmless

    const second = await startEmbeddedPostgres({ dataDir, database: 'varna' });
    try {
      expect(await query(second.url, 'SELECT v FROM kept')).toEqual([{ v: 'Exempelby' }]);
      expect(second.url).toMatch(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/varna$/);
    } finally {
      await second.stop();
    }
  });

  it.runIf(os.userInfo().uid === 0)(
    'as root runs the server as the unprivileged postgres user, owning the data directory',
    async () => {
      const dataDir = path.join(base, 'root-owned', 'postgres');
      const pg = await startEmbeddedPostgres({ dataDir, database: 'varna' });
      try {
        const rows = await query(pg.url, 'SELECT current_setting($$data_directory$$) AS dir');
        expect(rows[0].dir).toBe(dataDir);
        expect((await stat(dataDir)).uid).not.toBe(0);
      } finally {
        await pg.stop();
      }
    },
  );

  it.runIf(os.userInfo().uid === 0)(
    'as root grants the postgres user passage through a private directory',
    async () => {
      const locked = path.join(base, 'locked');
      await mkdir(locked, { mode: 0o700 });
      await chmod(locked, 0o700);
      const lines: string[] = [];
      const pg = await startEmbeddedPostgres({
        dataDir: path.join(locked, 'postgres'),
        database: 'varna',
        log: (line) => lines.push(line),
      });
      try {
        expect((await stat(locked)).mode & 0o777).toBe(0o701); // search only, never read
        expect(lines.some((l) => l.includes(`o+x) on ${locked}`))).toBe(true);
        expect(await query(pg.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
      } finally {
        await pg.stop();
      }
    },
  );
});
