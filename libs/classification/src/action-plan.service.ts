import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertCan, type Principal, whereAllowed } from '@varna/authz';
import { badRequest, Clock } from '@varna/core';
import { changeBy, HistoryService } from '@varna/history';
import { PersonEntity } from '@varna/organisation';
import { DataSource } from 'typeorm';
import { ActionPlanItemEntity } from './action-plan-item.entity';
import { actionPlanItemSubject } from './classification-access';
import { ClassificationErrors } from './classification.errors';
import { highestLevel, isIsoDate, NO_LEVELS, type Levels } from './domain';
import type { UpdateActionPlanItemDto } from './dto/protection.dto';
import { OverrideService } from './override.service';
import { ProtectionService } from './protection.service';

/**
 * Action plans (BR-B7): started for an asset on request, then kept in step with its levels by the
 * recalculation; each item is assessed by the asset's owner, system manager or samordnare.
 */
@Injectable()
export class ActionPlanService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly history: HistoryService,
    private readonly protection: ProtectionService,
    private readonly overrides: OverrideService,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, assetId: string): Promise<ActionPlanItemEntity[]> {
    await this.overrides.readableAsset(principal, assetId);
    const qb = this.dataSource
      .getRepository(ActionPlanItemEntity)
      .createQueryBuilder('i')
      .where('i.asset_id = :assetId', { assetId });
    whereAllowed(qb, principal.ability, 'read', 'ActionPlanItem', 'i');
    return qb.orderBy('i.requirement_code', 'ASC').getMany();
  }

  /** Starts the asset's plan from its effective levels (BR-B7). */
  async generate(principal: Principal, assetId: string): Promise<ActionPlanItemEntity[]> {
    await this.dataSource.transaction(async (m) => {
      const asset = await this.overrides.readableAsset(principal, assetId, m);
      assertCan(principal.ability, 'update', 'ActionPlanItem', {
        id: '',
        tenantId: asset.tenantId,
        assetId: asset.id,
        orgUnitId: asset.orgUnitId,
        orgUnitPath: asset.orgUnitPath,
        assetOwnerId: asset.assetOwnerId,
        systemManagerId: asset.systemManagerId,
      });
      await m.query('SELECT 1 FROM asset WHERE id = $1 FOR UPDATE', [asset.id]);
      if (await m.exists(ActionPlanItemEntity, { where: { assetId: asset.id } })) {
        throw ClassificationErrors.planExists();
      }
      await this.protection.refresh(m, asset.tenantId);
      const [{ effective_levels: effective }] = await m.query<{ effective_levels: Levels | null }[]>(
        'SELECT effective_levels FROM asset WHERE id = $1',
        [asset.id],
      );
      if (highestLevel(effective ?? NO_LEVELS) === null) throw ClassificationErrors.planWithoutLevels();
      const result = await this.protection.syncPlan(m, asset.id, asset.type, effective ?? NO_LEVELS, true);
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'Asset',
          action: 'generate-action-plan',
          entityId: asset.id,
          before: null,
          after: { effectiveLevels: effective, requirements: result.added },
        }),
      );
    });
    return this.list(principal, assetId);
  }

  async update(
    principal: Principal,
    itemId: string,
    dto: UpdateActionPlanItemDto,
  ): Promise<ActionPlanItemEntity> {
    await this.dataSource.transaction(async (m) => {
      const qb = m
        .getRepository(ActionPlanItemEntity)
        .createQueryBuilder('i')
        .where('i.id = :id', { id: itemId });
      const readable = await whereAllowed(qb, principal.ability, 'read', 'ActionPlanItem', 'i').getOne();
      if (!readable) throw ClassificationErrors.actionPlanItemNotFound();
      assertCan(principal.ability, 'update', 'ActionPlanItem', actionPlanItemSubject(readable));
      await m.query('SELECT 1 FROM action_plan_item WHERE id = $1 FOR UPDATE', [itemId]);
      const item = await m.findOneByOrFail(ActionPlanItemEntity, { id: itemId });
      if (dto.version !== undefined && dto.version !== item.version)
        throw ClassificationErrors.versionConflict(item.version);
      const before = { ...item };
      if (dto.dueDate !== undefined && dto.dueDate !== null && !isIsoDate(dto.dueDate)) {
        throw badRequest('DUE_DATE_INVALID', 'Ogiltigt datum.', [
          { field: 'dueDate', messages: ['Ogiltigt datum.'] },
        ]);
      }
      if (dto.responsibleId) {
        const person = await m.findOneBy(PersonEntity, { tenantId: item.tenantId, id: dto.responsibleId });
        if (!person || person.status !== 'ACTIVE') throw ClassificationErrors.personInvalid('responsibleId');
      }
      if (dto.how !== undefined) item.how = dto.how;
      if (dto.responsibleId !== undefined) item.responsibleId = dto.responsibleId;
      if (dto.dueDate !== undefined) item.dueDate = dto.dueDate;
      if (dto.notApplicableReason !== undefined)
        item.notApplicableReason = dto.notApplicableReason?.trim() || null;
      if (dto.status !== undefined && dto.status !== item.status) {
        item.status = dto.status;
        item.assessedById = principal.actor.personId;
        item.assessedAt = this.clock.now();
      }
      if (item.status === 'NOT_APPLICABLE' && !item.notApplicableReason) {
        throw ClassificationErrors.notApplicableReasonRequired();
      }
      if (item.status !== 'NOT_APPLICABLE') item.notApplicableReason = null;
      const saved = await m.save(ActionPlanItemEntity, item);
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'ActionPlanItem',
          action: 'update',
          entityId: saved.id,
          before,
          after: saved,
        }),
      );
    });
    return this.dataSource.manager.findOneByOrFail(ActionPlanItemEntity, { id: itemId });
  }
}
