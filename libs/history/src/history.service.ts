import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@varna/authz';
import { Clock, RequestContext } from '@varna/core';
import { DataSource, EntityManager } from 'typeorm';
import { HistoryEntryEntity } from './history-entry.entity';
import { entryHash, GENESIS_HASH, snapshot } from './hash-chain';

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
   * Appends one entry inside the caller's transaction. The per-tenant advisory lock serialises
   * writers of one tenant so the chain has exactly one head; it is released at commit.
   */
  async record(manager: EntityManager, record: HistoryRecord): Promise<HistoryEntryEntity> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('HistoryService.record must run inside the transaction of the change it records');
    }
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('history:' || $1, 0))`, [
      record.tenantId,
    ]);
    const head = await manager.query<{ seq: string; hash: string }[]>(
      `SELECT seq, hash FROM history_entry WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1`,
      [record.tenantId],
    );
    const fields = {
      tenantId: record.tenantId,
      seq: String(head.length ? BigInt(head[0].seq) + 1n : 1n),
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
      prevHash: head.length ? head[0].hash : GENESIS_HASH,
    };
    const entry = manager.create(HistoryEntryEntity, { ...fields, hash: entryHash(fields) });
    return manager.save(HistoryEntryEntity, entry);
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
