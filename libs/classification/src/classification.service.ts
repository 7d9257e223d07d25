import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertCan, type Action, type Principal, whereAllowed } from '@varna/authz';
import { Clock, stockholmDate } from '@varna/core';
import { changeBy, HistoryService } from '@varna/history';
import { InformationSetEntity } from '@varna/information';
import { DataSource, EntityManager } from 'typeorm';
import { classificationSubject } from './classification-access';
import { ClassificationErrors, guarded } from './classification.errors';
import { ClassificationEntity } from './classification.entity';
import { ClassificationSettingsService } from './classification-settings.service';
import { ClassificationReviewService } from './classification-review.service';
import {
  assertEditable,
  cancel,
  confirmUnchanged,
  decide,
  DEFAULT_CLASSIFICATION_MODEL,
  DUE_SOON_DAYS,
  propose,
  returnToDraft,
  specialHandling,
  supersede,
  type ClassificationChange,
} from './domain';
import type {
  ClassificationFieldsDto,
  CreateClassificationDto,
  ListClassificationsQueryDto,
  UpdateClassificationDto,
} from './dto/classification.dto';
import { ProtectionService } from './protection.service';
import { ClassificationSessionService } from './session.service';

const FIELDS: (keyof ClassificationFieldsDto)[] = [
  'levelK',
  'levelR',
  'levelT',
  'levelS',
  'rationaleK',
  'rationaleR',
  'rationaleT',
  'rationaleS',
  'consequenceCategories',
  'legalRefs',
];

/** Classifications of information sets: drafts, the state machine, review flags (domain.md §4b). */
@Injectable()
export class ClassificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly history: HistoryService,
    private readonly protection: ProtectionService,
    private readonly settings: ClassificationSettingsService,
    private readonly clock: Clock,
    private readonly reviews: ClassificationReviewService,
    private readonly sessions: ClassificationSessionService,
  ) {}

  async list(principal: Principal, query: ListClassificationsQueryDto) {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const qb = this.dataSource
      .getRepository(ClassificationEntity)
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.informationSet', 'set');
    whereAllowed(qb, principal.ability, 'read', 'Classification', 'c');
    if (query.informationSetId) qb.andWhere('c.information_set_id = :set', { set: query.informationSetId });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.orgUnitId) qb.andWhere('c.org_unit_path @> ARRAY[:unit]::uuid[]', { unit: query.orgUnitId });
    const today = stockholmDate(this.clock.now());
    if (query.overdue !== undefined) {
      qb.andWhere(
        query.overdue
          ? `c.status IN ('DECIDED', 'SPECIAL_HANDLING') AND c.valid_until < :today`
          : `NOT (c.status IN ('DECIDED', 'SPECIAL_HANDLING') AND c.valid_until < :today)`,
        { today },
      );
    }
    if (query.due !== undefined) {
      const due = `c.status IN ('DECIDED', 'SPECIAL_HANDLING') AND (c.review_flagged_at IS NOT NULL OR c.valid_until <= :soon)`;
      qb.andWhere(query.due ? due : `NOT (${due})`, { soon: this.soon(today) });
    }
    const [items, total] = await qb
      .orderBy('set.code', 'ASC')
      .addOrderBy('c.created_at', 'DESC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    return { items, total, limit, offset };
  }

  /** One classification the caller may read (with its set), else 404. */
  async get(principal: Principal, id: string, m: EntityManager = this.dataSource.manager) {
    const qb = m
      .getRepository(ClassificationEntity)
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.informationSet', 'set')
      .where('c.id = :id', { id });
    const found = await whereAllowed(qb, principal.ability, 'read', 'Classification', 'c').getOne();
    if (!found) throw ClassificationErrors.notFound();
    return found;
  }

  /** A new draft for a set the caller may read and classify. */
  async create(principal: Principal, dto: CreateClassificationDto): Promise<ClassificationEntity> {
    const id = await this.dataSource.transaction(async (m) => {
      const set = await this.readableSet(principal, m, dto.informationSetId);
      if (set.status === 'RETIRED') throw ClassificationErrors.setNotActive();
      await m.query('SELECT 1 FROM information_set WHERE id = $1 FOR UPDATE', [set.id]);
      const open = await m.exists(ClassificationEntity, {
        where: [
          { informationSetId: set.id, status: 'DRAFT' },
          { informationSetId: set.id, status: 'PROPOSED' },
        ],
      });
      if (open) throw ClassificationErrors.openExists();
      if (dto.sessionId) await this.sessions.assertOpenFor(principal, m, dto.sessionId, set.id);
      const previous = await m.findOneBy(ClassificationEntity, [
        { informationSetId: set.id, status: 'DECIDED' },
        { informationSetId: set.id, status: 'SPECIAL_HANDLING' },
      ]);
      const settings = await this.settings.forTenant(m, principal.actor.tenantId);
      const row = m.create(ClassificationEntity, {
        tenantId: principal.actor.tenantId,
        informationSetId: set.id,
        sessionId: dto.sessionId ?? null,
        orgUnitId: set.orgUnitId,
        orgUnitPath: set.orgUnitPath,
        informationOwnerId: set.informationOwnerId,
        assetKeeperIds: set.assetKeeperIds,
        modelVersion: settings.modelVersion,
        levelK: null,
        levelR: null,
        levelT: null,
        levelS: null,
        specialHandling: false,
        rationaleK: null,
        rationaleR: null,
        rationaleT: null,
        rationaleS: null,
        consequenceCategories: [],
        legalRefs: [],
        trigger: dto.trigger ?? (previous ? 'PERIODIC' : 'INITIAL'),
        status: 'DRAFT',
        proposedById: null,
        proposedAt: null,
        decidedById: null,
        decidedAt: null,
        diarienummer: null,
        validUntil: null,
        returnComment: null,
        cancelReason: null,
        reviewFlaggedAt: null,
        reviewFlagReason: null,
        reviewFlagNote: null,
        confirmedUnchangedById: null,
        confirmedUnchangedAt: null,
        supersedesId: null,
      });
      this.applyFields(row, dto);
      assertCan(principal.ability, 'create', 'Classification', classificationSubject(row));
      const saved = await m.save(ClassificationEntity, row);
      await this.record(m, principal, 'create', null, saved);
      return saved.id;
    });
    return this.get(principal, id);
  }

  async update(principal: Principal, id: string, dto: UpdateClassificationDto) {
    await this.dataSource.transaction(async (m) => {
      const current = await this.getForChange(principal, m, id, 'update', dto.version);
      guarded(() => assertEditable(current));
      const before = { ...current };
      this.applyFields(current, dto);
      const saved = await m.save(ClassificationEntity, current);
      await this.record(m, principal, 'update', before, saved);
    });
    return this.get(principal, id);
  }

  /** DRAFT → PROPOSED (samordnare, CISO). */
  propose(principal: Principal, id: string, comment?: string) {
    return this.step(
      principal,
      id,
      'update',
      'propose',
      (c, now) => propose(c, principal.actor.personId, now),
      comment,
    );
  }

  /** PROPOSED → DRAFT with a comment (informationsägare). */
  returnToDraft(principal: Principal, id: string, comment: string) {
    return this.step(principal, id, 'approve', 'return', (c) => returnToDraft(c, comment));
  }

  /** DRAFT/PROPOSED → CANCELLED with a reason (samordnare, CISO). */
  cancel(principal: Principal, id: string, reason: string) {
    return this.step(principal, id, 'update', 'cancel', (c) => cancel(c, reason));
  }

  /** D-54: the owner confirms a flagged decision unchanged (validUntil is not extended). */
  confirmUnchanged(principal: Principal, id: string, comment?: string) {
    return this.step(
      principal,
      id,
      'approve',
      'confirm-unchanged',
      (c, now) => confirmUnchanged(c, principal.actor.personId, now),
      comment,
    );
  }

  /**
   * PROPOSED → DECIDED (informationsägare) with the diarienummer; the previous decision of the set
   * becomes SUPERSEDED and the assets carrying the set are recalculated in the same transaction.
   */
  decide(principal: Principal, id: string, diarienummer: string | null | undefined) {
    return this.step(principal, id, 'approve', 'decide', (c, now, months) => ({
      ...decide(c, principal.actor.personId, now, months),
      diarienummer: diarienummer?.trim() || null,
    }));
  }

  /** DRAFT/PROPOSED → SPECIAL_HANDLING (level 4, BR-B6): routed to the säkerhetsskyddschef. */
  specialHandling(principal: Principal, id: string, diarienummer: string | null | undefined) {
    return this.step(principal, id, 'approve', 'special-handling', (c, now, months) => ({
      ...specialHandling(c, principal.actor.personId, now, months),
      diarienummer: diarienummer?.trim() || null,
    }));
  }

  /**
   * One life-cycle step in one transaction: readable (404), allowed on the row (403), locked, the
   * domain guard (409/400), supersede on a decision, history, and the BR-B3 recalculation.
   */
  private async step(
    principal: Principal,
    id: string,
    action: Action,
    historyAction: string,
    change: (
      c: ClassificationEntity,
      now: Date,
      reviewIntervalMonths: number,
    ) => ClassificationChange & { diarienummer?: string | null },
    comment?: string,
  ) {
    await this.dataSource.transaction(async (m) => {
      const current = await this.getForChange(principal, m, id, action);
      const now = this.clock.now();
      const settings = await this.settings.forTenant(m, current.tenantId);
      const before = { ...current };
      const next: ClassificationChange & { supersedesId?: string } = guarded(() =>
        change(current, now, settings.reviewIntervalMonths),
      );
      const decides = next.status === 'DECIDED' || next.status === 'SPECIAL_HANDLING';
      if (decides) {
        await m.query('SELECT 1 FROM information_set WHERE id = $1 FOR UPDATE', [current.informationSetId]);
        const previous = await m.findOneBy(ClassificationEntity, [
          { informationSetId: current.informationSetId, status: 'DECIDED' },
          { informationSetId: current.informationSetId, status: 'SPECIAL_HANDLING' },
        ]);
        if (previous) {
          const prevBefore = { ...previous };
          Object.assign(previous, supersede(previous));
          const superseded = await m.save(ClassificationEntity, previous);
          await this.history.record(
            m,
            changeBy(principal, {
              entityType: 'Classification',
              action: 'supersede',
              entityId: superseded.id,
              before: prevBefore,
              after: superseded,
              reason: `Ersatt av klassning ${current.id}`,
            }),
          );
          next.supersedesId = previous.id;
        }
      }
      Object.assign(current, next);
      const saved = await m.save(ClassificationEntity, current);
      await this.record(
        m,
        principal,
        historyAction,
        before,
        saved,
        next.status === 'SPECIAL_HANDLING'
          ? 'Nivå 4: routed to SECURITY_PROTECTION_OFFICER'
          : comment?.trim(),
      );
      if (decides) await this.protection.refresh(m, current.tenantId);
      // BR-A6: the routing task to the säkerhetsskyddschef, in the deciding transaction.
      if (saved.status === 'SPECIAL_HANDLING') await this.reviews.routeSpecialHandling(m, saved);
    });
    return this.get(principal, id);
  }

  /** Readable (else 404), allowed as it is (else 403), row-locked, at the version read (else 409). */
  private async getForChange(
    principal: Principal,
    m: EntityManager,
    id: string,
    action: Action,
    version?: number,
  ): Promise<ClassificationEntity> {
    const readable = await this.get(principal, id, m);
    assertCan(principal.ability, action, 'Classification', classificationSubject(readable));
    await m.query('SELECT 1 FROM classification WHERE id = $1 FOR UPDATE', [id]);
    const current = await m.findOneByOrFail(ClassificationEntity, { id });
    if (version !== undefined && current.version !== version)
      throw ClassificationErrors.versionConflict(current.version);
    return current;
  }

  private async readableSet(principal: Principal, m: EntityManager, id: string) {
    const qb = m.getRepository(InformationSetEntity).createQueryBuilder('s').where('s.id = :id', { id });
    const set = await whereAllowed(qb, principal.ability, 'read', 'InformationSet', 's').getOne();
    if (!set) throw ClassificationErrors.setNotFound();
    return set;
  }

  private applyFields(row: ClassificationEntity, dto: ClassificationFieldsDto): void {
    if (dto.consequenceCategories) {
      const known = DEFAULT_CLASSIFICATION_MODEL.consequenceCategories;
      if (dto.consequenceCategories.some((c) => !known.includes(c)))
        throw ClassificationErrors.categoryInvalid();
    }
    for (const field of FIELDS) {
      if (dto[field] !== undefined) (row as unknown as Record<string, unknown>)[field] = dto[field];
    }
  }

  private soon(today: string): string {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + DUE_SOON_DAYS);
    return d.toISOString().slice(0, 10);
  }

  private record(
    m: EntityManager,
    principal: Principal,
    action: string,
    before: object | null,
    after: ClassificationEntity,
    reason?: string,
  ) {
    return this.history.record(
      m,
      changeBy(principal, {
        entityType: 'Classification',
        action,
        entityId: after.id,
        before,
        after,
        reason,
      }),
    );
  }
}
