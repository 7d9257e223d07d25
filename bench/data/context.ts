import { entryHash, GENESIS_HASH, snapshot } from '@varna/history';
import type { Pool } from 'pg';
import { insertRows } from '../db';
import { BENCH_NOW } from '../fixture';
import type { Prng } from '../prng';
import type { ScaleProfile } from '../profiles';

export interface GeneratedUnit {
  id: string;
  code: string;
  type: string;
  path: string[];
  parentId: string | null;
  headcount: number;
  /** The förvaltning or bolag the unit belongs to (itself for one), for coordinators and handlers. */
  administrationId: string | null;
}

export interface GeneratedPerson {
  id: string;
  homeOrgUnitId: string;
}

/** What one module's generator leaves for the next ones (organisation first, then the rest). */
export interface GenerationContext {
  /** A few connections: the generator writes one chunk while it builds the next. */
  client: Pool;
  profile: ScaleProfile;
  rng: Prng;
  tenantId: string;
  now: Date;
  history: HistoryChain;
  units: GeneratedUnit[];
  persons: GeneratedPerson[];
  /** Persons by home unit, for reporters. */
  personsByUnit: Map<string, GeneratedPerson[]>;
  /** Who handles what: the MANAGER of a unit, the COORDINATOR and HEAD of a förvaltning/bolag. */
  managerOf: Map<string, string>;
  coordinatorOf: Map<string, string>;
  headOf: Map<string, string>;
  log(line: string): void;
}

/** One module's part of the dataset; `bench/data/registry.ts` lists them in dependency order. */
export interface DataModule {
  name: string;
  generate(ctx: GenerationContext): Promise<Record<string, number>>;
}

const HISTORY_COLUMNS = [
  { key: 'id', type: 'uuid' },
  { key: 'tenantId', type: 'uuid' },
  { key: 'seq', type: 'bigint' },
  { key: 'occurredAt', type: 'timestamptz' },
  { key: 'actorId', type: 'uuid' },
  { key: 'actorRoles', type: 'text[]' },
  { key: 'action', type: 'varchar' },
  { key: 'entityType', type: 'varchar' },
  { key: 'entityId', type: 'uuid' },
  { key: 'before', type: 'jsonb' },
  { key: 'after', type: 'jsonb' },
  { key: 'reason', type: 'text' },
  { key: 'correlationId', type: 'varchar' },
  { key: 'prevHash', type: 'char(64)' },
  { key: 'hash', type: 'char(64)' },
];

/**
 * The tenant's history chain, written in bulk with the app's own `entryHash` (libs/history): the
 * generated rows are recorded as the demo seeder records its rows (SYSTEM actor, action `seed`),
 * so `history-verify` passes and the API's later entries chain on from the head.
 */
export class HistoryChain {
  private seq = 0n;
  private prevHash = GENESIS_HASH;
  private buffer: Record<string, unknown>[] = [];
  /** The batch being written while the next one is hashed (one in flight). */
  private pending: Promise<void> = Promise.resolve();
  count = 0;
  /** Milliseconds the generator waited for history batches to be written (DB-bound). */
  waitedMs = 0;

  constructor(
    private readonly client: Pool,
    private readonly tenantId: string,
    private readonly rng: Prng,
  ) {}

  async add(entityType: string, entityId: string, after: object): Promise<void> {
    const fields = {
      tenantId: this.tenantId,
      seq: String((this.seq += 1n)),
      occurredAt: BENCH_NOW,
      actorId: null,
      actorRoles: ['SYSTEM'],
      action: 'seed',
      entityType,
      entityId,
      before: null,
      after: snapshot(after),
      reason: null,
      correlationId: null,
      prevHash: this.prevHash,
    };
    this.prevHash = entryHash(fields);
    this.buffer.push({ id: this.rng.uuid(), ...fields, hash: this.prevHash });
    this.count += 1;
    if (this.buffer.length >= 5_000) await this.flush();
  }

  /** Hands the buffered entries to the database; waits only for the batch before them. */
  async flush(): Promise<void> {
    const rows = this.buffer;
    this.buffer = [];
    const t = Date.now();
    await this.pending;
    this.waitedMs += Date.now() - t;
    this.pending = insertRows(this.client, 'history_entry', HISTORY_COLUMNS, rows);
  }

  /** Every entry written. */
  async drain(): Promise<void> {
    await this.flush();
    await this.pending;
  }
}
