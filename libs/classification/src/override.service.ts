import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertCan, type Action, type Principal, whereAllowed } from '@varna/authz';
import { Clock } from '@varna/core';
import { changeBy, HistoryService } from '@varna/history';
import { AssetEntity } from '@varna/information';
import { DataSource, EntityManager } from 'typeorm';
import { overrideSubject } from './classification-access';
import { ClassificationErrors, guarded } from './classification.errors';
import {
  approveOverride,
  initialOverrideStatus,
  rejectOverride,
  withdrawOverride,
  type Level,
  type OverrideStatus,
} from './domain';
import type { CreateOverrideDto } from './dto/protection.dto';
import { ProtectionOverrideEntity } from './protection-override.entity';
import { ProtectionService } from './protection.service';

/** Protection overrides of an asset (BR-B4, D-55); every change recalculates (BR-B3). */
@Injectable()
export class OverrideService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly history: HistoryService,
    private readonly protection: ProtectionService,
    private readonly clock: Clock,
  ) {}

  /** An asset the caller may read, else 404. */
  async readableAsset(principal: Principal, id: string, m: EntityManager = this.dataSource.manager) {
    const qb = m.getRepository(AssetEntity).createQueryBuilder('a').where('a.id = :id', { id });
    const asset = await whereAllowed(qb, principal.ability, 'read', 'Asset', 'a').getOne();
    if (!asset) throw ClassificationErrors.assetNotFound();
    return asset;
  }

  async list(principal: Principal, assetId: string): Promise<ProtectionOverrideEntity[]> {
    await this.readableAsset(principal, assetId);
    const qb = this.dataSource
      .getRepository(ProtectionOverrideEntity)
      .createQueryBuilder('o')
      .where('o.asset_id = :assetId', { assetId });
    whereAllowed(qb, principal.ability, 'read', 'ProtectionOverride', 'o');
    return qb.orderBy('o.requested_at', 'DESC').getMany();
  }

  async create(principal: Principal, assetId: string, dto: CreateOverrideDto) {
    const id = await this.dataSource.transaction(async (m) => {
      const asset = await this.readableAsset(principal, assetId, m);
      const now = this.clock.now();
      const status = guarded(() => initialOverrideStatus(dto, now));
      const row = m.create(ProtectionOverrideEntity, {
        tenantId: asset.tenantId,
        assetId: asset.id,
        orgUnitId: asset.orgUnitId,
        orgUnitPath: asset.orgUnitPath,
        assetOwnerId: asset.assetOwnerId,
        systemManagerId: asset.systemManagerId,
        aspect: dto.aspect,
        level: dto.level as Level,
        direction: dto.direction,
        reasonType: dto.reasonType,
        reason: dto.reason.trim(),
        requestedById: principal.actor.personId,
        requestedAt: now,
        approvedById: null,
        decidedAt: null,
        rejectionReason: null,
        validUntil: dto.validUntil ?? null,
        status,
      });
      assertCan(principal.ability, 'create', 'ProtectionOverride', overrideSubject(row));
      const saved = await m.save(ProtectionOverrideEntity, row);
      await this.record(m, principal, dto.direction === 'RAISE' ? 'raise' : 'request-lower', null, saved);
      await this.protection.refresh(m, asset.tenantId);
      return saved.id;
    });
    return this.dataSource.manager.findOneByOrFail(ProtectionOverrideEntity, { id });
  }

  approve(principal: Principal, assetId: string, id: string, comment?: string) {
    return this.step(principal, assetId, id, 'approve', 'approve', comment, (o, now) => ({
      status: approveOverride(o, now),
      approvedById: principal.actor.personId,
      decidedAt: now,
    }));
  }

  reject(principal: Principal, assetId: string, id: string, reason: string) {
    return this.step(principal, assetId, id, 'approve', 'reject', reason, (o, now) => ({
      status: rejectOverride(o, reason),
      approvedById: principal.actor.personId,
      decidedAt: now,
      rejectionReason: reason.trim(),
    }));
  }

  withdraw(principal: Principal, assetId: string, id: string, comment?: string) {
    return this.step(principal, assetId, id, 'update', 'withdraw', comment, (o) => ({
      status: withdrawOverride(o),
    }));
  }

  private async step(
    principal: Principal,
    assetId: string,
    id: string,
    action: Action,
    historyAction: string,
    comment: string | undefined,
    change: (
      o: ProtectionOverrideEntity,
      now: Date,
    ) => Partial<ProtectionOverrideEntity> & { status: OverrideStatus },
  ) {
    await this.dataSource.transaction(async (m) => {
      const qb = m
        .getRepository(ProtectionOverrideEntity)
        .createQueryBuilder('o')
        .where('o.id = :id AND o.asset_id = :assetId', { id, assetId });
      const readable = await whereAllowed(qb, principal.ability, 'read', 'ProtectionOverride', 'o').getOne();
      if (!readable) throw ClassificationErrors.overrideNotFound();
      assertCan(principal.ability, action, 'ProtectionOverride', overrideSubject(readable));
      await m.query('SELECT 1 FROM protection_override WHERE id = $1 FOR UPDATE', [id]);
      const current = await m.findOneByOrFail(ProtectionOverrideEntity, { id });
      const before = { ...current };
      Object.assign(
        current,
        guarded(() => change(current, this.clock.now())),
      );
      const saved = await m.save(ProtectionOverrideEntity, current);
      await this.record(m, principal, historyAction, before, saved, comment?.trim());
      await this.protection.refresh(m, current.tenantId);
    });
    return this.dataSource.manager.findOneByOrFail(ProtectionOverrideEntity, { id });
  }

  private record(
    m: EntityManager,
    principal: Principal,
    action: string,
    before: object | null,
    after: ProtectionOverrideEntity,
    reason?: string,
  ) {
    return this.history.record(
      m,
      changeBy(principal, {
        entityType: 'ProtectionOverride',
        action,
        entityId: after.id,
        before,
        after,
        reason,
      }),
    );
  }
}
