import type { ClassificationSessionSubject } from '@varna/authz';
import type { ClassificationSessionEntity } from './session.entity';

/** The fields the rules look at, for assertCan on the session as it is or will be. */
export function sessionSubject(
  s: ClassificationSessionEntity,
): Omit<ClassificationSessionSubject, '__caslSubjectType__'> {
  return {
    id: s.id,
    tenantId: s.tenantId,
    orgUnitId: s.orgUnitId,
    orgUnitPath: s.orgUnitPath,
    ledById: s.ledById,
    participantIds: s.participantIds,
    informationOwnerIds: s.informationOwnerIds,
    assetKeeperIds: s.assetKeeperIds,
    status: s.status,
  };
}
