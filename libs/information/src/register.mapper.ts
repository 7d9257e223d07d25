import type { Principal } from '@varna/authz';
import type { PersonEntity } from '@varna/organisation';
import type { AssetEntity } from './asset.entity';
import { ASSET_TRANSITIONS, availableTransitions, INFORMATION_SET_TRANSITIONS } from './domain/lifecycle';
import { ASSET_STATUS_LABELS, ASSET_TYPE_LABELS, INFORMATION_SET_STATUS_LABELS } from './domain/enums';
import type { AssetDto, AssetNameDto } from './dto/asset.dto';
import type { InformationSetDto, InformationSetNameDto } from './dto/information-set.dto';
import type { InformationSetEntity } from './information-set.entity';
import { mayUpdateAsset, mayUpdateSet, readsWholeAsset, readsWholeSet, rolesFor } from './register-access';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
/** K03/K04: no owner, or an owner whose account is closed. */
const missing = (owner: PersonEntity | null | undefined) => !owner || owner.status !== 'ACTIVE';

/** The whole set, or its name view for a caller who reads no more (§3.3). Needs `informationOwner`. */
export function toInformationSetResponse(
  s: InformationSetEntity,
  principal: Principal,
): InformationSetDto | InformationSetNameDto {
  if (!readsWholeSet(principal.ability, s)) {
    return { view: 'NAME', id: s.id, code: s.code, name: s.name, orgUnitId: s.orgUnitId };
  }
  const isOwner = s.informationOwnerId === principal.actor.personId;
  return {
    view: 'FULL',
    id: s.id,
    code: s.code,
    name: s.name,
    description: s.description,
    orgUnitId: s.orgUnitId,
    informationOwnerId: s.informationOwnerId,
    informationOwnerName: s.informationOwner?.displayName ?? null,
    ownerMissing: missing(s.informationOwner),
    informationOwnerAppointedById: s.informationOwnerAppointedById,
    informationOwnerAppointedAt: iso(s.informationOwnerAppointedAt),
    informationOwnerAppointmentRef: s.informationOwnerAppointmentRef,
    recordsClassCode: s.recordsClassCode,
    containsPersonalData: s.containsPersonalData,
    personalDataCategories: s.personalDataCategories,
    specialCategoryData: s.specialCategoryData,
    criminalOffenceData: s.criminalOffenceData,
    concernsChildren: s.concernsChildren,
    protectedIdentity: s.protectedIdentity,
    secrecyProvisions: s.secrecyProvisions,
    legalBases: s.legalBases,
    specialHandling: s.specialHandling,
    retention: s.retention,
    status: s.status,
    statusLabel: INFORMATION_SET_STATUS_LABELS[s.status],
    classificationId: s.classificationId,
    classificationDueAt: s.classificationDueAt,
    allowedTransitions: mayUpdateSet(principal.ability, s, 'status')
      ? availableTransitions(INFORMATION_SET_TRANSITIONS, s.status, rolesFor(principal, s), isOwner)
      : [],
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    version: s.version,
  };
}

/** The whole asset, or its name view. Needs `assetOwner` and `systemManager`. */
export function toAssetResponse(a: AssetEntity, principal: Principal): AssetDto | AssetNameDto {
  if (!readsWholeAsset(principal.ability, a)) {
    return { view: 'NAME', id: a.id, code: a.code, name: a.name, orgUnitId: a.orgUnitId };
  }
  const isOwner = a.assetOwnerId === principal.actor.personId;
  return {
    view: 'FULL',
    id: a.id,
    code: a.code,
    name: a.name,
    description: a.description,
    type: a.type,
    typeLabel: ASSET_TYPE_LABELS[a.type],
    subtype: a.subtype,
    orgUnitId: a.orgUnitId,
    assetOwnerId: a.assetOwnerId,
    assetOwnerName: a.assetOwner?.displayName ?? null,
    ownerMissing: missing(a.assetOwner),
    assetOwnerAppointedById: a.assetOwnerAppointedById,
    assetOwnerAppointedAt: iso(a.assetOwnerAppointedAt),
    assetOwnerAppointmentRef: a.assetOwnerAppointmentRef,
    systemManagerId: a.systemManagerId,
    systemManagerName: a.systemManager?.displayName ?? null,
    systemManagerAppointedById: a.systemManagerAppointedById,
    systemManagerAppointedAt: iso(a.systemManagerAppointedAt),
    systemManagerAppointmentRef: a.systemManagerAppointmentRef,
    providerOrgUnitId: a.providerOrgUnitId,
    supplierName: a.supplierName,
    hosting: a.hosting,
    thirdCountryProcessing: a.thirdCountryProcessing,
    mfaRequired: a.mfaRequired,
    internetExposed: a.internetExposed,
    criticality: a.criticality,
    rtoHours: a.rtoHours,
    rpoHours: a.rpoHours,
    status: a.status,
    statusLabel: ASSET_STATUS_LABELS[a.status],
    containsPersonalData: a.containsPersonalData,
    specialCategoryData: a.specialCategoryData,
    derivedLevels: a.derivedLevels,
    effectiveLevels: a.effectiveLevels,
    classificationComplete: a.classificationComplete,
    allowedTransitions: mayUpdateAsset(principal.ability, a, 'status')
      ? availableTransitions(ASSET_TRANSITIONS, a.status, rolesFor(principal, a), isOwner)
      : [],
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    version: a.version,
  };
}
