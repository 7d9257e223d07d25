import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@varna/authz';
import { Clock, RequestContext } from '@varna/core';
import { DataSource, EntityManager } from 'typeorm';
import { HistoryEntryEntity } from './history-entry.entity';
import { entryHash, GENESIS_HASH, snapshot } from './hash-chain';
import { ensureHistoryHead, historyAppendSql, SqlParams, type UnchainedEntry } from './history-append';

export interface HistoryRecord {
  tenantId: string;
  actorId: string | null;
  actorRoles?: string[];
  action: string;
  entityType: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
  reason?: string | null;
}

export interface ChainBreak {
  tenantId: string;
  seq: string;
  entryId: string;
  reason: 'HASH_MISMATCH' | 'PREVIOUS_HASH_MISMATCH' | 'SEQUENCE_GAP';
}

export interface VerifyResult {
  tenantId: string;
  entriesChecked: number;
  ok: boolean;
  firstBreak: ChainBreak | null;
}

const BATCH = 2000;

@Injectable()
export class HistoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends one entry inside the caller's transaction, in one statement (`historyAppendSql`): the
   * tenant's head row is locked by that statement until commit, so the chain has exactly one head
   * and a writer holds the lock only from its last statement to its commit.
   */
  async record(manager: EntityManager, record: HistoryRecord): Promise<HistoryEntryEntity> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('HistoryService.record must run inside the transaction of the change it records');
    }
    // One read of the clock and the request context: the stored entry and the returned one agree.
    const entry = this.entryOf(record);
    const append = () => {
      const params = new SqlParams();
      const sql = historyAppendSql(params, entry);
      return manager.query<{ id: string; seq: string; prev_hash: string; hash: string }[]>(
        `WITH ${sql.ctes} SELECT id, seq, prev_hash, hash FROM ${sql.inserted}`,
        params.values,
      );
    };
    let written = await append();
    if (written.length === 0) {
      // The tenant's first entry since the head table exists (or since a bulk load): make the head.
      await ensureHistoryHead(manager, record.tenantId);
      written = await append();
    }
    if (written.length !== 1) throw new Error(`history head of tenant ${record.tenantId} is missing`);
    const [row] = written;
    return Object.assign(new HistoryEntryEntity(), {
      ...entry,
      id: row.id,
      seq: String(row.seq),
      prevHash: row.prev_hash,
      hash: row.hash,
    });
  }

  /** The fields of a record's entry but its place in the chain (seq, prevHash), which SQL sets. */
  entryOf(record: HistoryRecord): UnchainedEntry {
    return {
      tenantId: record.tenantId,
      occurredAt: this.truncatedNow(),
      actorId: record.actorId,
      actorRoles: record.actorRoles ?? [],
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      before: snapshot(record.before),
      after: snapshot(record.after),
      reason: record.reason ?? null,
      correlationId: RequestContext.correlationId() ?? null,
    };
  }

  /** Entries of one entity, oldest first. The caller has checked that the entity is readable. */
  async forEntity(tenantId: string, entityType: string, entityId: string): Promise<HistoryEntryEntity[]> {
    return this.dataSource.getRepository(HistoryEntryEntity).find({
      where: { tenantId, entityType, entityId },
      order: { seq: 'ASC' },
    });
  }

  /** Walks a tenant's chain in order and reports the first broken link. */
  async verify(tenantId: string): Promise<VerifyResult> {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1n;
    let checked = 0;
    for (;;) {
      const rows = await this.dataSource
        .getRepository(HistoryEntryEntity)
        .createQueryBuilder('h')
        .where('h.tenant_id = :tenantId', { tenantId })
        .andWhere('h.seq >= :from', { from: String(expectedSeq) })
        .orderBy('h.seq', 'ASC')
        .limit(BATCH)
        .getMany();
      for (const row of rows) {
        const broken = (reason: ChainBreak['reason']): VerifyResult => ({
          tenantId,
          entriesChecked: checked,
          ok: false,
          firstBreak: { tenantId, seq: row.seq, entryId: row.id, reason },
        });
        if (BigInt(row.seq) !== expectedSeq) return broken('SEQUENCE_GAP');
        if (row.prevHash !== prevHash) return broken('PREVIOUS_HASH_MISMATCH');
        const { id: _id, hash, ...fields } = row;
        if (entryHash(fields) !== hash) return broken('HASH_MISMATCH');
        prevHash = hash;
        expectedSeq += 1n;
        checked += 1;
      }
      if (rows.length < BATCH) return { tenantId, entriesChecked: checked, ok: true, firstBreak: null };
    }
  }

  /** timestamptz keeps microseconds, JS dates milliseconds: hash what survives the round trip. */
  private truncatedNow(): Date {
    return new Date(Math.floor(this.clock.now().getTime()));
  }
}

/** The history record of a change made by a signed-in person. */
export function changeBy(
  principal: Principal,
  change: {
    entityType: string;
    action: string;
    entityId: string;
    before: object | null;
    after: object | null;
    reason?: string;
  },
): HistoryRecord {
  return {
    tenantId: principal.actor.tenantId,
    actorId: principal.actor.personId,
    actorRoles: [...new Set(principal.actor.grants.map((g) => g.role))],
    ...change,
  };
}
