import 'reflect-metadata';
import path from 'node:path';
import { ensureHistoryHead } from '@varna/history';
import { Client, Pool } from 'pg';
import { createDataSource } from '../../apps/api/src/data-source';
import { benchDatabase, withoutSecondaryIndexes } from '../db';
import { BENCH_NOW, BENCH_SEED, BENCH_TENANT } from '../fixture';
import { Prng } from '../prng';
import { parseArgs, parseScale } from '../profiles';
import { HistoryChain, type GenerationContext } from './context';
import { DATA_MODULES } from './registry';

/** The tables loaded in bulk: their secondary indexes are built once, after the load. */
const BULK_TABLES = [
  'incident',
  'incident_timeline_entry',
  'regulatory_obligation',
  'history_entry',
  'information_set',
  'asset',
  'asset_information_link',
  'asset_dependency',
  'classification',
];

/**
 * `npm run bench:data -- --scale small|medium|large`: a fresh schema (the app's migrations), then
 * every data module of the registry in bulk, deterministic from BENCH_SEED. The database may hold
 * nothing but an earlier bench dataset: it is dropped and rebuilt.
 */
export async function generate(scaleName: string | undefined, log = (line: string) => console.log(line)) {
  const profile = parseScale(scaleName);
  const db = await benchDatabase();
  const started = Date.now();
  try {
    let t = Date.now();
    await resetSchema(db.url);
    log(`schema (the app's migrations): ${since(t)} s`);
    // The embedded cluster (ours alone) gets room for the load's WAL between checkpoints; a server
    // named by DATABASE_URL is left as it is configured.
    if (db.embedded) await walRoom(db.url, '8GB');
    // Durability of each bulk statement is not needed: a crash means generating again. Index
    // builds get memory enough to sort in one pass.
    const client = new Pool({
      connectionString: db.url,
      max: 4,
      options: '-c synchronous_commit=off -c maintenance_work_mem=512MB',
    });
    client.on('error', () => undefined); // an idle connection closed as the embedded server stops
    try {
      const rng = new Prng(BENCH_SEED);
      const tenantId = rng.uuid();
      const ctx: GenerationContext = {
        client,
        profile,
        rng,
        tenantId,
        now: BENCH_NOW,
        history: new HistoryChain(client, tenantId, rng),
        units: [],
        persons: [],
        personsByUnit: new Map(),
        managerOf: new Map(),
        coordinatorOf: new Map(),
        headOf: new Map(),
        log,
      };
      const summary: Record<string, number> = {};
      await withoutSecondaryIndexes(
        client,
        BULK_TABLES,
        async () => {
          for (const module of DATA_MODULES) {
            t = Date.now();
            Object.assign(summary, await module.generate(ctx));
            log(`${module.name}: ${since(t)} s`);
          }
          await ctx.history.drain();
          log(`rebuilding the indexes of ${BULK_TABLES.join(', ')}`);
          t = Date.now();
        },
        log,
      );
      log(`indexes: ${since(t)} s`);
      // The chain's head as the app keeps it, so the API's first write chains on in one statement.
      await ensureHistoryHead(client, tenantId);
      summary.historyEntries = ctx.history.count;
      t = Date.now();
      // Statistics for the planner and the visibility map for index-only scans, as a settled
      // database has them.
      await client.query('VACUUM ANALYZE');
      log(`vacuum analyze: ${since(t)} s`);
      log(
        `${BENCH_TENANT.name} (${profile.name}) in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
          Object.entries(summary)
            .map(([k, v]) => `${v} ${k}`)
            .join(', '),
      );
      return summary;
    } finally {
      await client.end();
      if (db.embedded) await walRoom(db.url, null);
    }
  } finally {
    await db.stop();
  }
}

const since = (t: number) => ((Date.now() - t) / 1000).toFixed(1);

/** Sets (or with null resets) max_wal_size of the embedded cluster: fewer checkpoints during the load. */
async function walRoom(url: string, size: string | null): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      size ? `ALTER SYSTEM SET max_wal_size = '${size}'` : 'ALTER SYSTEM RESET max_wal_size',
    );
    await client.query('SELECT pg_reload_conf()');
  } finally {
    await client.end();
  }
}

/** Drops and re-migrates the schema, refusing a database that holds any other tenant. */
async function resetSchema(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ exists: boolean }>(
      `SELECT to_regclass('public.tenant') IS NOT NULL AS exists`,
    );
    if (rows[0].exists) {
      const others = await client.query(`SELECT code FROM tenant WHERE code <> $1`, [BENCH_TENANT.code]);
      if (others.rowCount) {
        throw new Error(
          `Refusing to replace a database with other tenants (${others.rows.map((r: { code: string }) => r.code).join(', ')}): point DATABASE_URL or VARNA_DATA_DIR at a bench database`,
        );
      }
    }
    await client.query('DROP SCHEMA public CASCADE');
    await client.query('CREATE SCHEMA public');
  } finally {
    await client.end();
  }
  const ds = createDataSource(url);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  const flags = parseArgs(process.argv.slice(2));
  // `--data-dir DIR`: where the embedded PostgreSQL keeps the dataset, as VARNA_DATA_DIR.
  if (flags['data-dir']) process.env.VARNA_DATA_DIR = path.resolve(flags['data-dir']);
  generate(flags.scale).catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  });
}
