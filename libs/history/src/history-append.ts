import { randomUUID } from 'node:crypto';
import { canonicalJson, type ChainedFields, GENESIS_HASH } from './hash-chain';

/** An entry's hashed fields but its place in the chain, which the append statement sets. */
export type UnchainedEntry = Omit<ChainedFields, 'seq' | 'prevHash'>;

/** The parameters of one statement, numbered as they are added. */
export class SqlParams {
  /** `values`: parameters the statement already has ($1 … $n), e.g. of a query builder's part. */
  constructor(readonly values: unknown[] = []) {}

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * A value the statement computes itself (e.g. the number a report takes from its counter in the
 * same statement): the entry holds `token` wherever the value goes, `sql` is the expression (text).
 */
export interface HistoryHole {
  token: string;
  sql: string;
}

/** A fresh token for a hole: random, so no text a user wrote can contain it. */
export function holeToken(name: string): string {
  return `history-hole-${name}-${randomUUID()}`;
}

/**
 * The SQL text expression `textSql` (JSON) with every hole's quoted token replaced by the JSON
 * string of the hole's value, so the statement stores and hashes the same text.
 */
export function fillHoles(p: SqlParams, textSql: string, holes: HistoryHole[]): string {
  return holes.reduce(
    (sql, hole) =>
      `replace(${sql}, ${p.add(JSON.stringify(hole.token))}, to_jsonb((${hole.sql})::text)::text)`,
    textSql,
  );
}

/**
 * One entry appended in SQL, as CTEs for the caller's statement: `history_head` moves the tenant's
 * head row on by one (its row lock serialises the tenant's writers until commit; a concurrent
 * writer waits and then sees the moved head) and computes the entry's hash there over the same
 * canonical JSON `entryHash` hashes, with seq, prevHash and the holes filled in; `history_insert`
 * writes the entry (RETURNING id, seq, prev_hash, hash). `from` names further FROM items the holes
 * read (a CTE of the same statement); with none of their rows, nothing is appended. No head row
 * (see `ensureHistoryHead`) appends nothing either.
 */
export function historyAppendSql(
  p: SqlParams,
  entry: UnchainedEntry,
  options: { holes?: HistoryHole[]; from?: string } = {},
): { ctes: string; inserted: string } {
  const seq = holeToken('seq');
  const prevHash = holeToken('prev');
  const canonical = canonicalJson({
    ...entry,
    occurredAt: entry.occurredAt.toISOString(),
    seq,
    prevHash,
  });
  const holes = options.holes ?? [];
  const hashInput = fillHoles(p, p.add(canonical), [
    ...holes,
    { token: prevHash, sql: 'h.hash' },
    { token: seq, sql: 'h.seq + 1' },
  ]);
  const snapshotSql = (value: unknown) =>
    value === null ? 'NULL::jsonb' : `${fillHoles(p, p.add(JSON.stringify(value)), holes)}::jsonb`;
  const tenant = p.add(entry.tenantId);
  const ctes = `history_head AS (
      UPDATE history_chain_head h
         SET seq = h.seq + 1, prev_hash = h.hash,
             hash = encode(sha256(convert_to(${hashInput}, 'UTF8')), 'hex')
        ${options.from ? `FROM ${options.from}` : ''}
       WHERE h.tenant_id = ${tenant}
      RETURNING h.seq, h.prev_hash, h.hash),
    history_insert AS (
      INSERT INTO history_entry (tenant_id, seq, occurred_at, actor_id, actor_roles, action, entity_type,
                                 entity_id, before, after, reason, correlation_id, prev_hash, hash)
      SELECT ${tenant}, history_head.seq, ${p.add(entry.occurredAt)}, ${p.add(entry.actorId)},
             ${p.add(entry.actorRoles)}::text[], ${p.add(entry.action)}, ${p.add(entry.entityType)},
             ${p.add(entry.entityId)}, ${snapshotSql(entry.before)}, ${snapshotSql(entry.after)},
             ${p.add(entry.reason)}, ${p.add(entry.correlationId)}, history_head.prev_hash, history_head.hash
        FROM history_head${options.from ? `, ${options.from}` : ''}
      RETURNING id, seq, prev_hash, hash)`;
  return { ctes, inserted: 'history_insert' };
}

/**
 * Makes the tenant's head row if it has none, from its last entry (or the genesis): for a tenant's
 * first entry, and after entries were loaded in bulk without the head (the benchmark generator).
 */
export async function ensureHistoryHead(
  m: { query(sql: string, parameters: unknown[]): Promise<unknown> },
  tenantId: string,
): Promise<void> {
  await m.query(
    `INSERT INTO history_chain_head (tenant_id, seq, hash, prev_hash)
     SELECT $1::uuid, COALESCE(last.seq, 0), COALESCE(last.hash, $2), COALESCE(last.prev_hash, $2)
       FROM (SELECT 1) AS one
       LEFT JOIN LATERAL (SELECT seq, hash, prev_hash FROM history_entry
                           WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1) last ON true
     ON CONFLICT (tenant_id) DO NOTHING`,
    [tenantId, GENESIS_HASH],
  );
}
