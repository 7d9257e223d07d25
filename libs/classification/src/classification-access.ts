import type { ActionPlanItemSubject, ClassificationSubject, ProtectionOverrideSubject } from '@varna/authz';
import type { ActionPlanItemEntity } from './action-plan-item.entity';
import type { ClassificationEntity } from './classification.entity';
import type { ProtectionOverrideEntity } from './protection-override.entity';

type Untagged<T> = Omit<T, '__caslSubjectType__'>;

/** The fields the rules look at, for assertCan on the row as it is or will be. */
export function classificationSubject(c: ClassificationEntity): Untagged<ClassificationSubject> {
  return {
    id: c.id,
    tenantId: c.tenantId,
    informationSetId: c.informationSetId,
    orgUnitId: c.orgUnitId,
    orgUnitPath: c.orgUnitPath,
    informationOwnerId: c.informationOwnerId,
    assetKeeperIds: c.assetKeeperIds,
    status: c.status,
  };
}

export function overrideSubject(o: ProtectionOverrideEntity): Untagged<ProtectionOverrideSubject> {
  return {
    id: o.id,
    tenantId: o.tenantId,
    assetId: o.assetId,
    orgUnitId: o.orgUnitId,
    orgUnitPath: o.orgUnitPath,
    assetOwnerId: o.assetOwnerId,
    systemManagerId: o.systemManagerId,
    requestedById: o.requestedById,
    direction: o.direction,
  };
}

export function actionPlanItemSubject(i: ActionPlanItemEntity): Untagged<ActionPlanItemSubject> {
  return {
    id: i.id,
    tenantId: i.tenantId,
    assetId: i.assetId,
    orgUnitId: i.orgUnitId,
    orgUnitPath: i.orgUnitPath,
    assetOwnerId: i.assetOwnerId,
    systemManagerId: i.systemManagerId,
  };
}
