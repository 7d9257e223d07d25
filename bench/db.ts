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

/** A value in COPY's text format: \N for null, backslash, tab and line breaks escaped. */
function copyText(value: unknown, type: string): string {
  const text = asText(value, type);
  if (text === null) return '\\N';
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/[\\\t\n\r]/g, (c) =>
        c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
      )
    : text;
}

/**
 * COPY … FROM STDIN through pg's query protocol (no extra dependency): `pg` hands a "submittable"
 * the connection, which sends the data once the server asks for it.
 */
class CopyIn {
  private error: Error | null = null;
  private settle!: { resolve: () => void; reject: (e: Error) => void };
  readonly done = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));

  constructor(
    private readonly text: string,
    private readonly data: Buffer,
  ) {}

  submit(connection: { query(text: string): void }) {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: { sendCopyFromChunk(b: Buffer): void; endCopyFrom(): void }) {
    const CHUNK = 1 << 20;
    for (let at = 0; at < this.data.length; at += CHUNK) {
      connection.sendCopyFromChunk(this.data.subarray(at, at + CHUNK));
    }
    connection.endCopyFrom();
  }
  handleCommandComplete() {}
  handleCopyData() {}
  handleError(error: Error) {
    this.error = error;
  }
  handleReadyForQuery() {
    if (this.error) this.settle.reject(this.error);
    else this.settle.resolve();
  }
}

/**
 * Bulk rows through COPY FROM STDIN in batches (text format, every value as text and converted by
 * the column's own type): one round trip per batch and the cheapest parse PostgreSQL has.
 */
export async function insertRows(
  pool: Pool,
  table: string,
  columns: BulkColumn[],
  rows: readonly Record<string, unknown>[],
  batchSize = 10_000,
): Promise<void> {
  const names = columns.map((c) => `"${snake(c.key)}"`).join(', ');
  const sql = `COPY "${table}" (${names}) FROM STDIN`;
  for (let start = 0; start < rows.length; start += batchSize) {
    const lines: string[] = [];
    for (const row of rows.slice(start, start + batchSize)) {
      lines.push(columns.map((c) => copyText(row[c.key], c.type)).join('\t'));
    }
    const copy = new CopyIn(sql, Buffer.from(lines.join('\n') + '\n', 'utf8'));
    const client = await pool.connect();
    try {
      void client.query(copy as never);
      await copy.done;
    } finally {
      client.release();
    }
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
  log?: (line: string) => void,
): Promise<T> {
  const { rows } = await pool.query<{ indexname: string; indexdef: string; tablename: string }>(
    `SELECT i.indexname, i.indexdef, i.tablename FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
        AND NOT EXISTS (SELECT 1 FROM pg_index x WHERE x.indexrelid = i.indexname::regclass AND x.indisunique)`,
    [tables],
  );
  for (const r of rows) await pool.query(`DROP INDEX "${r.indexname}"`);
  const result = await load();
  // Largest table first (the pool's queue keeps this order), as many at once as the pool has
  // connections (each build is one sort): the longest build does not start last.
  const sizes = await pool.query<{ table: string; bytes: string }>(
    `SELECT relname AS table, pg_relation_size(oid) AS bytes FROM pg_class WHERE relname = ANY($1)`,
    [tables],
  );
  const size = new Map(sizes.rows.map((r) => [r.table, Number(r.bytes)]));
  rows.sort((a, b) => (size.get(b.tablename) ?? 0) - (size.get(a.tablename) ?? 0));
  await Promise.all(
    rows.map(async (r) => {
      const client = await pool.connect();
      const t = Date.now(); // from the build's start, not from its turn in the pool's queue
      try {
        await client.query(r.indexdef);
      } finally {
        client.release();
      }
      if (Date.now() - t >= 500) log?.(`  index ${r.indexname}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }),
  );
  return result;
}
