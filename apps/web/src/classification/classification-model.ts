import { subject } from '@casl/ability';
import type { Classification, ClassificationStatus, InformationSet } from '../api/register-types';
import type { OrgUnit } from '../api/types';

/** Open for work: a set has at most one draft or proposal at a time (§4b). */
export const OPEN_STATUSES: readonly ClassificationStatus[] = ['DRAFT', 'PROPOSED'];
/** A decision, with a decision document. */
export const DECIDED_STATUSES: readonly ClassificationStatus[] = ['DECIDED', 'SPECIAL_HANDLING'];

export const openClassification = (versions: readonly Classification[]) =>
  versions.find((c) => OPEN_STATUSES.includes(c.status)) ?? null;

/** The CASL subject of a classification (as the server builds it; the path from the org tree). */
export function classificationSubject(
  c: Pick<Classification, 'id' | 'informationSetId' | 'orgUnitId' | 'informationOwnerId' | 'status'>,
  units: ReadonlyMap<string, Pick<OrgUnit, 'path'>>,
  tenantId: string,
) {
  return subject('Classification', {
    id: c.id,
    tenantId,
    informationSetId: c.informationSetId,
    orgUnitId: c.orgUnitId,
    orgUnitPath: units.get(c.orgUnitId)?.path ?? [c.orgUnitId],
    informationOwnerId: c.informationOwnerId,
    assetKeeperIds: [] as string[],
    status: c.status,
  });
}

/** A classification not yet created for `set`: what `create` is checked on. */
export const newClassificationOf = (
  set: Pick<InformationSet, 'id' | 'orgUnitId' | 'informationOwnerId'>,
) => ({
  id: '',
  informationSetId: set.id,
  orgUnitId: set.orgUnitId,
  informationOwnerId: set.informationOwnerId,
  status: 'DRAFT' as const,
});

/** Newest first: the open version on top, then decisions by date. */
export const byNewest = (a: Classification, b: Classification) => b.createdAt.localeCompare(a.createdAt);
