import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so jsonb's key reordering never changes a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The fields an entry's hash covers: everything but its own id and hash. */
export interface ChainedFields {
  tenantId: string;
  seq: string;
  occurredAt: Date;
  actorId: string | null;
  actorRoles: string[];
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  correlationId: string | null;
  prevHash: string;
}

export function entryHash(fields: ChainedFields): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        ...fields,
        occurredAt: fields.occurredAt.toISOString(),
      }),
    )
    .digest('hex');
}

/** Plain JSON snapshot of a record for before/after (dates as ISO strings, no class instances). */
export function snapshot<T extends object>(record: T | null | undefined): Record<string, unknown> | null {
  if (!record) return null;
  return JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
}

/** Whether an update changed anything worth a history entry (and a version bump). */
export function hasChanges(before: object, after: object): boolean {
  return canonicalJson(snapshot(before)) !== canonicalJson(snapshot(after));
}
