import { Injectable } from '@nestjs/common';
import { Clock } from '@varna/core';
import { HistoryService } from '@varna/history';
import type {
  ActivationIssue,
  AssetEntity,
  InformationSetEntity,
  RegisterChangeListener,
} from '@varna/information';
import type { EntityManager } from 'typeorm';
import { ClassificationEntity } from './classification.entity';
import { flagForReview } from './domain';
import { ProtectionService } from './protection.service';
import { ReviewFlagService } from './review-flag.service';
import { ClassificationSessionService } from './session.service';

/** The set fields whose change calls for a review of its classification (BR-B5). */
const REVIEW_FIELDS: (keyof InformationSetEntity)[] = [
  'description',
  'containsPersonalData',
  'personalDataCategories',
  'specialCategoryData',
  'criminalOffenceData',
  'concernsChildren',
  'protectedIdentity',
];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What the classification context does when the registers change (BR-B3, BR-B5, BR-A5): it
 * recalculates protection in the same transaction, flags the decision in force of a set whose
 * description or personal-data flags changed, and refuses ACTIVE for an asset carrying an
 * unclassified set.
 */
@Injectable()
export class ClassificationRegisterListener implements RegisterChangeListener {
  constructor(
    private readonly protection: ProtectionService,
    private readonly history: HistoryService,
    private readonly clock: Clock,
    private readonly flags: ReviewFlagService,
    private readonly sessions: ClassificationSessionService,
  ) {}

  /** BR-B5 NEW_ASSET_LINK: a link to a more exposed system flags the set's decision in force. */
  informationSetLinked(m: EntityManager, asset: AssetEntity, informationSetId: string): Promise<void> {
    return this.flags.setLinked(m, asset, informationSetId);
  }

  /** BR-B5: an asset that becomes exposed flags the sets it carries. */
  assetUpdated(m: EntityManager, before: AssetEntity, after: AssetEntity): Promise<void> {
    return this.flags.assetUpdated(m, before, after);
  }

  async assetsChanged(m: EntityManager, tenantId: string): Promise<void> {
    await this.protection.refresh(m, tenantId);
    await this.sessions.refreshOwners(m, tenantId);
  }

  async informationSetChanged(
    m: EntityManager,
    before: InformationSetEntity | null,
    after: InformationSetEntity,
  ): Promise<void> {
    if (before && REVIEW_FIELDS.some((f) => !same(before[f], after[f]))) {
      const current = await m.findOneBy(ClassificationEntity, [
        { informationSetId: after.id, status: 'DECIDED' },
        { informationSetId: after.id, status: 'SPECIAL_HANDLING' },
      ]);
      const change = current ? flagForReview(current, 'INFORMATION_CHANGED', this.clock.now()) : null;
      if (current && change) {
        const snapshot = { ...current };
        Object.assign(current, change);
        const saved = await m.save(ClassificationEntity, current);
        await this.history.record(m, {
          tenantId: after.tenantId,
          actorId: null,
          actorRoles: ['SYSTEM'],
          action: 'flag-for-review',
          entityType: 'Classification',
          entityId: saved.id,
          before: snapshot,
          after: saved,
          reason: 'INFORMATION_CHANGED',
        });
      }
    }
    await this.protection.refresh(m, after.tenantId);
    await this.sessions.refreshOwners(m, after.tenantId, after.id);
  }

  /** BR-A5 (D-09): every linked ACTIVE set is classified (exceptions arrive with governance). */
  async activationIssues(m: EntityManager, asset: { id: string }): Promise<ActivationIssue[]> {
    const rows = await m.query<{ code: string }[]>(
      `SELECT s.code FROM asset_information_link l JOIN information_set s ON s.id = l.information_set_id
        WHERE l.asset_id = $1 AND s.status = 'ACTIVE'
          AND NOT EXISTS (SELECT 1 FROM classification c WHERE c.information_set_id = s.id
                           AND c.status IN ('DECIDED', 'SPECIAL_HANDLING'))
        ORDER BY s.code`,
      [asset.id],
    );
    return rows.length
      ? [
          {
            code: 'INFORMATION_SET_UNCLASSIFIED',
            message: `Kopplade informationsmängder saknar beslutad klassning: ${rows.map((r) => r.code).join(', ')}.`,
            details: { informationSetCodes: rows.map((r) => r.code) },
          },
        ]
      : [];
  }
}
