import { loadConfig } from '@varna/config';
import type { Pool } from 'pg';
import { resolveDatabase, type ResolvedDatabase } from '../apps/api/src/database';

/**
 * The benchmark's database, found like the app finds its own: DATABASE_URL, else the embedded
 * PostgreSQL under VARNA_DATA_DIR (default `.data/bench`, apart from `npm start`'s `.data`).
 */
export function benchDatabase(): Promise<ResolvedDatabase> {
  const env = { ...process.env, VARNA_DATA_DIR: process.env.VARNA_DATA_DIR || '.data/bench' };
  return resolveDatabase(loadConfig(env, { logLevel: 'warn' }));
}

/** A column to insert: the row object's key (the table column is its snake_case) and its SQL type. */
export interface BulkColumn {
  key: string;
  type: string;
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A PostgreSQL array literal of plain tokens (uuids, enum codes): nothing in them needs quoting. */
export const pgArray = (values: readonly string[]) => `{${values.join(',')}}`;

function asText(value: unknown, type: string): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (type.endsWith('[]')) return pgArray(value as string[]);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${value}`;
  return JSON.stringify(value);
}

/**
 * Multi-row INSERT … SELECT FROM unnest(…) in batches: one round trip per batch, every column sent
 * as text[] and cast in SQL (arrays as literals, since unnest flattens a two-dimensional array).
 */
export async function insertRows(
  client: Pool,
  table: string,
  columns: BulkColumn[],
  rows: readonly Record<string, unknown>[],
  batchSize = 5_000,
): Promise<void> {
  const names = columns.map((c) => `"${snake(c.key)}"`).join(', ');
  const params = columns.map((_, i) => `$${i + 1}::text[]`).join(', ');
  const casts = columns.map((c, i) => `c${i}::${c.type}`).join(', ');
  const aliases = columns.map((_, i) => `c${i}`).join(', ');
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${casts} FROM unnest(${params}) AS t(${aliases})`;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const values = columns.map((c) => batch.map((row) => asText(row[c.key], c.type)));
    await client.query(sql, values);
  }
}

/**
 * Runs `load` without the secondary indexes of `tables` and rebuilds them afterwards from their own
 * definitions (pg_get_indexdef), the usual bulk-load order: one sort per index instead of a GIN
 * insert per row. Unique and primary-key indexes stay, so duplicates still fail at once.
 */
export async function withoutSecondaryIndexes<T>(
  pool: Pool,
  tables: string[],
  load: () => Promise<T>,
): Promise<T> {
  const { rows } = await pool.query<{ indexname: string; indexdef: string }>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
        AND NOT EXISTS (SELECT 1 FROM pg_index x WHERE x.indexrelid = i.indexname::regclass AND x.indisunique)`,
    [tables],
  );
  for (const r of rows) await pool.query(`DROP INDEX "${r.indexname}"`);
  const result = await load();
  await Promise.all(rows.map((r) => pool.query(r.indexdef)));
  return result;
}
