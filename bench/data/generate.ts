import 'reflect-metadata';
import { Client, Pool } from 'pg';
import { createDataSource } from '../../apps/api/src/data-source';
import { benchDatabase, withoutSecondaryIndexes } from '../db';
import { BENCH_NOW, BENCH_SEED, BENCH_TENANT } from '../fixture';
import { Prng } from '../prng';
import { parseArgs, parseScale } from '../profiles';
import { HistoryChain, type GenerationContext } from './context';
import { DATA_MODULES } from './registry';

/** The tables with a million rows and more at "large": loaded first, indexed after. */
const BULK_TABLES = ['incident', 'incident_timeline_entry', 'regulatory_obligation', 'history_entry'];

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
    await resetSchema(db.url);
    // Durability of each bulk statement is not needed: a crash means generating again.
    const client = new Pool({ connectionString: db.url, max: 4, options: '-c synchronous_commit=off' });
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
      await withoutSecondaryIndexes(client, BULK_TABLES, async () => {
        for (const module of DATA_MODULES) {
          const t = Date.now();
          Object.assign(summary, await module.generate(ctx));
          log(`${module.name}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
        }
        await ctx.history.flush();
        log(`rebuilding the indexes of ${BULK_TABLES.join(', ')}`);
      });
      summary.historyEntries = ctx.history.count;
      const t = Date.now();
      await client.query('VACUUM ANALYZE');
      log(`vacuum analyze: ${((Date.now() - t) / 1000).toFixed(1)} s`);
      log(
        `${BENCH_TENANT.name} (${profile.name}) in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
          Object.entries(summary)
            .map(([k, v]) => `${v} ${k}`)
            .join(', '),
      );
      return summary;
    } finally {
      await client.end();
    }
  } finally {
    await db.stop();
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
  generate(flags.scale).catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  });
}
