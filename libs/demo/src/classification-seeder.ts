import { Injectable } from '@nestjs/common';
import {
  ASPECT_LABELS,
  ASPECTS,
  ClassificationEntity,
  ClassificationSessionEntity,
  levelName,
  ProtectionOverrideEntity,
  ProtectionService,
  validUntilFor,
  type Level,
} from '@varna/classification';
import { HistoryService } from '@varna/history';
import { parseStockholm } from '@varna/incident';
import { AssetEntity, InformationSetEntity } from '@varna/information';
import { OrgUnitEntity, PersonEntity } from '@varna/organisation';
import type { EntityManager } from 'typeorm';
import {
  EXEMPELBY_CLASSIFICATIONS,
  EXEMPELBY_OVERRIDES,
  EXEMPELBY_PROPOSALS,
  EXEMPELBY_REVIEW_FLAGS,
  EXEMPELBY_SESSIONS,
} from './exempelby-classifications.data';

const SYSTEM = { actorId: null, actorRoles: ['SYSTEM'] };
/** The organ of a registry number (5.1): the nämnd, KS or bolag above the unit. */
const ORGAN_TYPES = ['EXECUTIVE_BOARD', 'COMMITTEE', 'COMPANY'];

/**
 * Seeds §6.3's classifications (decided as of their dates, 10:00 Stockholm), IM-22's proposal, the
 * AS-10 override and the BR-D7 flags confirmed unchanged, then lets propagation compute every
 * asset's levels (§6.4 comes out of BR-B2, it is not written down).
 */
@Injectable()
export class DemoClassificationSeeder {
  constructor(
    private readonly history: HistoryService,
    private readonly protection: ProtectionService,
  ) {}

  async seed(m: EntityManager, tenantId: string, shift: number): Promise<number> {
    const at = (local: string) =>
      parseStockholm(
        `${Number(local.slice(0, 4)) + shift}${local.slice(4)}${local.length === 10 ? ' 10:00' : ''}`,
      );
    const sets = new Map((await m.findBy(InformationSetEntity, { tenantId })).map((s) => [s.code, s]));
    const people = new Map((await m.findBy(PersonEntity, { tenantId })).map((p) => [p.username, p.id]));
    const units = new Map((await m.findBy(OrgUnitEntity, { tenantId })).map((u) => [u.id, u]));
    const set = (code: string) => {
      const found = sets.get(code);
      if (!found) throw new Error(`Demo data: no information set ${code}`);
      return found;
    };
    const person = (username: string) => {
      const found = people.get(username);
      if (!found) throw new Error(`Demo data: no person ${username}`);
      return found;
    };
    const organ = (s: InformationSetEntity) =>
      [...s.orgUnitPath]
        .reverse()
        .map((id) => units.get(id))
        .find((u) => u && ORGAN_TYPES.includes(u.type))?.code ?? 'KS';
    const sequence = new Map<string, number>();
    const registryNumber = (s: InformationSetEntity, decidedAt: Date) => {
      const key = `${organ(s)} ${decidedAt.getUTCFullYear()}`;
      const next = (sequence.get(key) ?? 0) + 1;
      sequence.set(key, next);
      return `${key}-${String(next).padStart(5, '0')}`;
    };
    const levelsOf = (digits: string | null) =>
      Object.fromEntries(
        ASPECTS.map((a, i) => [a, digits === null ? null : (Number(digits[i]) as Level)]),
      ) as Record<(typeof ASPECTS)[number], Level | null>;
    const rationale = (digits: string | null, i: number, when: string) =>
      digits === null
        ? null
        : `${ASPECT_LABELS[ASPECTS[i]].sv}: ${levelName(Number(digits[i]))}, bedömt vid klassningstillfället ${when}.`;

    // The klassningstillfällen first: a held session carries the classifications of its sets.
    const sessionOf = new Map<string, string>();
    for (const k of EXEMPELBY_SESSIONS) {
      const unit = [...units.values()].find((u) => u.code === k.unit);
      if (!unit) throw new Error(`Demo data: no unit ${k.unit}`);
      const sets = k.sets.map(set);
      const row = await m.save(
        ClassificationSessionEntity,
        m.create(ClassificationSessionEntity, {
          tenantId,
          code: `KT-${Number(k.code.slice(3, 7)) + shift}${k.code.slice(7)}`,
          title: k.title,
          orgUnitId: unit.id,
          orgUnitPath: unit.path,
          informationSetIds: sets.map((x) => x.id),
          informationOwnerIds: [
            ...new Set(sets.map((x) => x.informationOwnerId).filter((id): id is string => id !== null)),
          ],
          assetKeeperIds: [...new Set(sets.flatMap((x) => x.assetKeeperIds))],
          ledById: person(k.ledBy),
          participantIds: k.participants.map(person),
          plannedAt: at(k.planned),
          heldAt: k.held ? at(k.held) : null,
          minutes: k.minutes ?? null,
          status: k.status,
          closedAt: k.status === 'CLOSED' && k.held ? at(k.held) : null,
          cancelReason: null,
          cancelledAt: null,
        }),
      );
      await this.record(m, tenantId, 'ClassificationSession', row.id, row);
      if (k.status !== 'PLANNED') for (const code of k.sets) sessionOf.set(code, row.id);
    }

    const base = (s: InformationSetEntity) => ({
      tenantId,
      informationSetId: s.id,
      sessionId: sessionOf.get(s.code) ?? null,
      orgUnitId: s.orgUnitId,
      orgUnitPath: s.orgUnitPath,
      informationOwnerId: s.informationOwnerId,
      assetKeeperIds: s.assetKeeperIds,
      modelVersion: 1,
      consequenceCategories: [],
      returnComment: null,
      cancelReason: null,
      reviewFlaggedAt: null,
      reviewFlagReason: null,
      confirmedUnchangedById: null,
      confirmedUnchangedAt: null,
      supersedesId: null,
    });

    let count = 0;
    for (const c of EXEMPELBY_CLASSIFICATIONS) {
      const s = set(c.set);
      const decidedAt = at(c.decided);
      const levels = levelsOf(c.levels);
      const row = await m.save(
        ClassificationEntity,
        m.create(ClassificationEntity, {
          ...base(s),
          levelK: levels.K,
          levelR: levels.R,
          levelT: levels.T,
          levelS: levels.S,
          specialHandling: c.levels === null,
          rationaleK: rationale(c.levels, 0, c.decided),
          rationaleR: rationale(c.levels, 1, c.decided),
          rationaleT: rationale(c.levels, 2, c.decided),
          rationaleS: rationale(c.levels, 3, c.decided),
          legalRefs: c.legalRefs ?? [],
          trigger: 'INITIAL',
          status: c.levels === null ? 'SPECIAL_HANDLING' : 'DECIDED',
          proposedById: person(c.ledBy),
          proposedAt: decidedAt,
          decidedById: c.decidedBy ? person(c.decidedBy) : null,
          decidedAt,
          diarienummer: registryNumber(s, decidedAt),
          validUntil: validUntilFor(decidedAt, 12),
        }),
      );
      await this.record(m, tenantId, 'Classification', row.id, row);
      count += 1;
    }

    for (const p of EXEMPELBY_PROPOSALS) {
      const s = set(p.set);
      const levels = levelsOf(p.levels);
      const row = await m.save(
        ClassificationEntity,
        m.create(ClassificationEntity, {
          ...base(s),
          levelK: levels.K,
          levelR: levels.R,
          levelT: levels.T,
          levelS: levels.S,
          specialHandling: false,
          rationaleK: rationale(p.levels, 0, p.proposed),
          rationaleR: rationale(p.levels, 1, p.proposed),
          rationaleT: rationale(p.levels, 2, p.proposed),
          rationaleS: rationale(p.levels, 3, p.proposed),
          legalRefs: [],
          trigger: 'INITIAL',
          status: 'PROPOSED',
          proposedById: person(p.proposedBy),
          proposedAt: at(p.proposed),
          decidedById: null,
          decidedAt: null,
          diarienummer: null,
          validUntil: null,
        }),
      );
      await this.record(m, tenantId, 'Classification', row.id, row);
      count += 1;
    }

    // BR-D7: the flags raised when the incidents closed, each confirmed unchanged by the owner (D-54).
    for (const flag of EXEMPELBY_REVIEW_FLAGS) {
      for (const code of flag.sets) {
        const current = await m.findOneByOrFail(ClassificationEntity, {
          informationSetId: set(code).id,
          status: 'DECIDED',
        });
        const before = {
          ...current,
          reviewFlaggedAt: at(flag.flagged),
          reviewFlagReason: 'INCIDENT' as const,
        };
        current.confirmedUnchangedById = current.informationOwnerId;
        current.confirmedUnchangedAt = at(flag.confirmed);
        const saved = await m.save(ClassificationEntity, current);
        await this.history.record(m, {
          ...SYSTEM,
          tenantId,
          action: 'seed-confirm-unchanged',
          entityType: 'Classification',
          entityId: saved.id,
          before,
          after: saved,
          reason: 'INCIDENT',
        });
      }
    }

    const assets = new Map((await m.findBy(AssetEntity, { tenantId })).map((a) => [a.code, a]));
    for (const o of EXEMPELBY_OVERRIDES) {
      const asset = assets.get(o.asset);
      if (!asset) throw new Error(`Demo data: no asset ${o.asset}`);
      const row = await m.save(
        ProtectionOverrideEntity,
        m.create(ProtectionOverrideEntity, {
          tenantId,
          assetId: asset.id,
          orgUnitId: asset.orgUnitId,
          orgUnitPath: asset.orgUnitPath,
          assetOwnerId: asset.assetOwnerId,
          systemManagerId: asset.systemManagerId,
          aspect: o.aspect,
          level: o.level as Level,
          direction: o.direction,
          reasonType: o.reasonType,
          reason: o.reason,
          requestedById: person(o.requestedBy),
          requestedAt: at(o.requested),
          approvedById: null,
          decidedAt: null,
          rejectionReason: null,
          validUntil: null,
          status: 'ACTIVE',
        }),
      );
      await this.record(m, tenantId, 'ProtectionOverride', row.id, row);
    }

    await this.protection.refresh(m, tenantId);
    return count;
  }

  private record(m: EntityManager, tenantId: string, entityType: string, entityId: string, after: object) {
    return this.history.record(m, {
      ...SYSTEM,
      tenantId,
      action: 'seed',
      entityType,
      entityId,
      before: null,
      after,
    });
  }
}
