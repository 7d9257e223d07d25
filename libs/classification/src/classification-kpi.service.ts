import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal, whereAllowed } from '@varna/authz';
import { Clock, notFound, stockholmDate } from '@varna/core';
import { AssetEntity, InformationSetEntity } from '@varna/information';
import { OrgUnitEntity } from '@varna/organisation';
import { DataSource, IsNull } from 'typeorm';
import { ActionPlanItemEntity } from './action-plan-item.entity';
import { ClassificationEntity } from './classification.entity';
import { KPI_LIST_DEFAULT_LIMIT } from './dto/kpi.dto';

export interface Ratio {
  numerator: number;
  denominator: number;
  /** numerator / denominator, null when there is nothing to count. */
  value: number | null;
}

export interface UnitKpis {
  orgUnitId: string;
  code: string;
  name: string;
  k01: Ratio;
  k02: Ratio;
  /** K26 Handlingsplansuppfyllnad: action-plan items MET / items not NOT_APPLICABLE (asset's unit). */
  k26: Ratio;
}

const ratio = (numerator: number, denominator: number): Ratio => ({
  numerator,
  denominator,
  value: denominator ? numerator / denominator : null,
});

/**
 * K01 (klassningstäckning), K02 (aktuell klassning) and K26 (handlingsplansuppfyllnad) for a unit and its subtree, with each child
 * unit's subtree beside it (D-35: numerators and denominators summed, never ratios averaged), the
 * overdue decisions and the assets with incomplete classification. Every query is narrowed by the
 * caller's rules: the sets counted by `read ClassificationStatistics`, the rows listed by `read
 * Classification` and `read Asset`, so an aggregate-only caller (ELECTED, READER) gets figures only.
 */
@Injectable()
export class ClassificationKpiService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async kpis(principal: Principal, orgUnitId?: string, limit = KPI_LIST_DEFAULT_LIMIT) {
    const m = this.dataSource.manager;
    const tenantId = principal.actor.tenantId;
    const node = orgUnitId
      ? await m.findOneBy(OrgUnitEntity, { tenantId, id: orgUnitId })
      : await m.findOneBy(OrgUnitEntity, { tenantId, parentId: IsNull() });
    if (!node) throw notFound('ORG_UNIT_NOT_FOUND', 'Enheten finns inte.');
    const today = stockholmDate(this.clock.now());

    const sets = m
      .getRepository(InformationSetEntity)
      .createQueryBuilder('s')
      .select('s.id', 'id')
      .addSelect('s.org_unit_path', 'path')
      .addSelect(
        `EXISTS (SELECT 1 FROM classification c WHERE c.information_set_id = s.id
                  AND c.status IN ('DECIDED', 'SPECIAL_HANDLING'))`,
        'classified',
      )
      .addSelect(
        `EXISTS (SELECT 1 FROM classification c WHERE c.information_set_id = s.id
                  AND c.status IN ('DECIDED', 'SPECIAL_HANDLING') AND c.valid_until >= :today
                  AND c.review_flagged_at IS NULL)`,
        'current',
      )
      .where(`s.status = 'ACTIVE'`)
      .andWhere('s.org_unit_path @> ARRAY[:node]::uuid[]', { node: node.id, today });
    whereAllowed(sets, principal.ability, 'read', 'ClassificationStatistics', 's');
    const rows = await sets.getRawMany<{
      id: string;
      path: string[];
      classified: boolean;
      current: boolean;
    }>();

    // K26 counts the items of ACTIVE assets placed in the subtree (an item is placed by its asset's unit).
    const items = m
      .getRepository(ActionPlanItemEntity)
      .createQueryBuilder('i')
      .innerJoin('i.asset', 'a')
      .select('i.org_unit_path', 'path')
      .addSelect('i.status', 'status')
      .where(`a.status <> 'RETIRED' AND i.status <> 'NOT_APPLICABLE'`)
      .andWhere('i.org_unit_path @> ARRAY[:node]::uuid[]', { node: node.id });
    whereAllowed(items, principal.ability, 'read', 'ClassificationStatistics', 'i');
    const itemRows = await items.getRawMany<{ path: string[]; status: string }>();

    const count = (inUnit: (path: string[]) => boolean) => {
      const within = rows.filter((r) => inUnit(r.path));
      const plan = itemRows.filter((r) => inUnit(r.path));
      return {
        k01: ratio(within.filter((r) => r.classified).length, within.length),
        k02: ratio(within.filter((r) => r.current).length, within.length),
        k26: ratio(plan.filter((r) => r.status === 'MET').length, plan.length),
      };
    };
    const children = await m.find(OrgUnitEntity, {
      where: { tenantId, parentId: node.id },
      order: { code: 'ASC' },
    });

    const overdue = m
      .getRepository(ClassificationEntity)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.informationSet', 'set')
      .where(`c.status IN ('DECIDED', 'SPECIAL_HANDLING') AND c.valid_until < :today`, { today })
      .andWhere(`set.status = 'ACTIVE'`)
      .andWhere('c.org_unit_path @> ARRAY[:node]::uuid[]', { node: node.id });
    whereAllowed(overdue, principal.ability, 'read', 'Classification', 'c');
    const incomplete = m
      .getRepository(AssetEntity)
      .createQueryBuilder('a')
      .select(['a.id', 'a.code', 'a.name', 'a.orgUnitId'])
      .where(`a.status = 'ACTIVE' AND NOT a.classification_complete`)
      .andWhere('a.org_unit_path @> ARRAY[:node]::uuid[]', { node: node.id });
    whereAllowed(incomplete, principal.ability, 'read', 'Asset', 'a');

    // The lists are paged (issue 6): the set join is many-to-one, so LIMIT goes straight into the SQL;
    // the totals count every row the caller may read.
    const [[overdueRows, overdueTotal], [incompleteRows, incompleteAssetsTotal]] = await Promise.all([
      overdue
        .orderBy('c.valid_until', 'ASC')
        .addOrderBy('set.code', 'ASC')
        .addOrderBy('c.id', 'ASC')
        .limit(limit)
        .getManyAndCount(),
      incomplete.orderBy('a.code', 'ASC').limit(limit).getManyAndCount(),
    ]);

    return {
      asOf: today,
      orgUnitId: node.id,
      code: node.code,
      name: node.name,
      ...count(() => true),
      units: children.map((u): UnitKpis => ({
        orgUnitId: u.id,
        code: u.code,
        name: u.name,
        ...count((path) => path.includes(u.id)),
      })),
      overdue: overdueRows.map((c) => ({
        classificationId: c.id,
        informationSetId: c.informationSetId,
        informationSetCode: c.informationSet?.code ?? '',
        informationSetName: c.informationSet?.name ?? '',
        validUntil: c.validUntil as string,
      })),
      overdueTotal,
      incompleteAssets: incompleteRows.map((a) => ({
        assetId: a.id,
        code: a.code,
        name: a.name,
      })),
      incompleteAssetsTotal,
      limit,
    };
  }
}
