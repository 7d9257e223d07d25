import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertCan, type Principal, whereAllowed } from '@varna/authz';
import { badRequest, Clock, forbidden } from '@varna/core';
import { changeBy, HistoryService } from '@varna/history';
import type { IncidentEntity, TimelineEvent } from '@varna/incident';
import { type AssetEntity, InformationSetEntity } from '@varna/information';
import { DataSource, EntityManager, In } from 'typeorm';
import { classificationSubject } from './classification-access';
import { ClassificationErrors } from './classification.errors';
import { ClassificationEntity } from './classification.entity';
import {
  DECIDED_STATUSES,
  exposureGained,
  exposureOf,
  flagForReview,
  raisesExposure,
  type ReviewTrigger,
} from './domain';
import type { FlagReviewDto, FlagReviewResultDto } from './dto/classification.dto';

/** A decision in force flagged by one call. */
export interface FlaggedDecision {
  classificationId: string;
  informationSetId: string;
  informationSetCode: string;
}

/** Whether the caller may work on the classifications of a set (out of reach is 404, not 403). */
function mayUpdate(principal: Principal, row: Parameters<typeof assertCan<'Classification'>>[3]): boolean {
  try {
    assertCan(principal.ability, 'update', 'Classification', row);
    return true;
  } catch {
    return false;
  }
}

/** The aspects whose harm in a closed incident calls for a review (BR-D7). */
const REVIEW_ASPECTS: readonly string[] = ['K', 'R', 'T', 'S'];

/**
 * BR-B5 change flags (D-54) on the decision in force of a set, inside the caller's transaction: a
 * link to a more exposed system, an asset that becomes exposed, a closed incident (BR-D7), and the
 * CISO's legal-change or a samordnare's manual flag. A decision already flagged keeps its first flag.
 */
@Injectable()
export class ReviewFlagService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly history: HistoryService,
    private readonly clock: Clock,
  ) {}

  /**
   * Flags the decisions in force of `setIds` (system when `by` is null), one history entry each;
   * returns those flagged now, by set code.
   */
  async flagSets(
    m: EntityManager,
    tenantId: string,
    setIds: readonly string[],
    reason: ReviewTrigger,
    by: Principal | null = null,
    note: string | null = null,
  ): Promise<FlaggedDecision[]> {
    if (setIds.length === 0) return [];
    const decisions = await m.find(ClassificationEntity, {
      where: { tenantId, informationSetId: In([...new Set(setIds)]), status: In([...DECIDED_STATUSES]) },
      relations: { informationSet: true },
    });
    const now = this.clock.now();
    const flagged: FlaggedDecision[] = [];
    for (const current of decisions.sort((a, b) =>
      (a.informationSet?.code ?? '').localeCompare(b.informationSet?.code ?? ''),
    )) {
      const change = flagForReview(current, reason, now, note);
      if (!change) continue;
      await m.query('SELECT 1 FROM classification WHERE id = $1 FOR UPDATE', [current.id]);
      const { informationSet, ...before } = current;
      const row = Object.assign(m.create(ClassificationEntity, { ...before }), change);
      const saved = await m.save(ClassificationEntity, row);
      const entry = {
        entityType: 'Classification',
        action: 'flag-for-review',
        entityId: saved.id,
        before,
        after: saved,
        reason: note ? `${reason}: ${note}` : reason,
      };
      await this.history.record(
        m,
        by ? changeBy(by, entry) : { ...entry, tenantId, actorId: null, actorRoles: ['SYSTEM'] },
      );
      flagged.push({
        classificationId: saved.id,
        informationSetId: saved.informationSetId,
        informationSetCode: informationSet?.code ?? '',
      });
    }
    return flagged;
  }

  /**
   * BR-B5 NEW_ASSET_LINK: the set now carried by `asset` is flagged when the asset is exposed (third
   * country, internet) and no other asset carrying the set is at least as exposed.
   */
  async setLinked(m: EntityManager, asset: AssetEntity, setId: string): Promise<void> {
    const next = exposureOf(asset);
    const others = await this.otherCarriers(m, setId, asset.id);
    if (raisesExposure(next, others)) await this.flagSets(m, asset.tenantId, [setId], 'NEW_ASSET_LINK');
  }

  /** BR-B5: an asset that gained an exposure flags the sets it carries (same rule per set). */
  async assetUpdated(m: EntityManager, before: AssetEntity, after: AssetEntity): Promise<void> {
    const next = exposureOf(after);
    if (!exposureGained(exposureOf(before), next)) return;
    const rows = await m.query<{ information_set_id: string }[]>(
      'SELECT information_set_id FROM asset_information_link WHERE asset_id = $1',
      [after.id],
    );
    const due: string[] = [];
    for (const { information_set_id: setId } of rows) {
      if (raisesExposure(next, await this.otherCarriers(m, setId, after.id))) due.push(setId);
    }
    await this.flagSets(m, after.tenantId, due, 'NEW_ASSET_LINK');
  }

  /**
   * BR-D7: a closed incident with K, R, T or S among aspectsAffected flags its linked sets and the
   * sets carried by its linked assets; a timeline entry names the sets flagged.
   */
  async incidentClosed(m: EntityManager, incident: IncidentEntity): Promise<TimelineEvent[]> {
    if (!incident.aspectsAffected.some((a) => REVIEW_ASPECTS.includes(a))) return [];
    const carried = incident.assetIds.length
      ? await m.query<{ information_set_id: string }[]>(
          `SELECT DISTINCT l.information_set_id FROM asset_information_link l
            WHERE l.tenant_id = $1 AND l.asset_id = ANY($2::uuid[])`,
          [incident.tenantId, incident.assetIds],
        )
      : [];
    const setIds = [...incident.informationSetIds, ...carried.map((r) => r.information_set_id)];
    const flagged = await this.flagSets(m, incident.tenantId, setIds, 'INCIDENT');
    if (flagged.length === 0) return [];
    const codes = flagged.map((f) => f.informationSetCode);
    return [
      {
        kind: 'CLASSIFICATION_FLAGGED',
        text: `Klassningen av ${codes.join(', ')} flaggades för omprövning (BR-D7).`,
        data: {
          informationSetCodes: codes,
          informationSetIds: flagged.map((f) => f.informationSetId),
          classificationIds: flagged.map((f) => f.classificationId),
        },
      },
    ];
  }

  /**
   * `POST /api/classifications/flag-review`: LEGAL_CHANGE by the CISO only, MANUAL by the CISO or a
   * samordnare whose scope covers every set; a set out of reach is 404 for the whole request.
   */
  async flagByRequest(principal: Principal, dto: FlagReviewDto): Promise<FlagReviewResultDto> {
    const note = dto.note.trim();
    if (!note) {
      throw badRequest('NOTE_REQUIRED', 'Ange en anteckning.', [
        { field: 'note', messages: ['Ange en anteckning.'] },
      ]);
    }
    if (dto.reason === 'LEGAL_CHANGE' && !principal.actor.grants.some((g) => g.role === 'CISO')) {
      throw forbidden(
        'PERMISSION_DENIED',
        'Endast informationssäkerhetschefen flaggar för ändrade rättsliga krav.',
      );
    }
    const ids = [...new Set(dto.informationSetIds)];
    return this.dataSource.transaction(async (m) => {
      const qb = m
        .getRepository(InformationSetEntity)
        .createQueryBuilder('s')
        .where('s.id IN (:...ids)', { ids });
      const sets = await whereAllowed(qb, principal.ability, 'read', 'InformationSet', 's').getMany();
      const reach = new Map(sets.map((s) => [s.id, s]));
      for (const id of ids) {
        const s = reach.get(id);
        const subject = s && {
          id: '',
          tenantId: s.tenantId,
          informationSetId: s.id,
          orgUnitId: s.orgUnitId,
          orgUnitPath: s.orgUnitPath,
          informationOwnerId: s.informationOwnerId,
          assetKeeperIds: s.assetKeeperIds,
          status: 'DECIDED' as const,
        };
        if (!subject || !mayUpdate(principal, subject)) throw ClassificationErrors.setNotFound();
      }
      const inForce = await m.find(ClassificationEntity, {
        where: { informationSetId: In(ids), status: In([...DECIDED_STATUSES]) },
      });
      for (const c of inForce)
        assertCan(principal.ability, 'update', 'Classification', classificationSubject(c));
      const bySet = new Map(inForce.map((c) => [c.informationSetId, c]));
      const skipped = ids.flatMap((id) => {
        const c = bySet.get(id);
        if (!c) return [{ informationSetId: id, reason: 'NO_DECISION_IN_FORCE' }];
        if (c.reviewFlaggedAt) return [{ informationSetId: id, reason: 'ALREADY_FLAGGED' }];
        return [];
      });
      const flagged = await this.flagSets(
        m,
        principal.actor.tenantId,
        ids.filter((id) => !skipped.some((s) => s.informationSetId === id)),
        dto.reason,
        principal,
        note,
      );
      return { flagged: flagged.map((f) => f.classificationId), skipped };
    });
  }

  /** The exposures of the other non-retired assets carrying `setId`. */
  private async otherCarriers(m: EntityManager, setId: string, assetId: string) {
    const rows = await m.query<{ hosting: string | null; internet_exposed: boolean }[]>(
      `SELECT a.hosting, a.internet_exposed FROM asset_information_link l JOIN asset a ON a.id = l.asset_id
        WHERE l.information_set_id = $1 AND l.asset_id <> $2 AND a.status <> 'RETIRED'`,
      [setId, assetId],
    );
    return rows.map((r) => exposureOf({ hosting: r.hosting, internetExposed: r.internet_exposed }));
  }
}
