import { subject as tag } from '@casl/ability';
import {
  rolesAt,
  type AppAbility,
  type AppSubject,
  type AssetSubject,
  type InformationSetSubject,
  type Principal,
} from '@varna/authz';
import { forbidden } from '@varna/core';
import type { AssetEntity } from './asset.entity';
import { InformationErrors } from './information.errors';
import type { InformationSetEntity } from './information-set.entity';

type Untagged<T> = Omit<T, '__caslSubjectType__'>;

/**
 * A field outside the name view (code, name, unit): who may read it reads the whole row; who may
 * not gets the name view (§3.3 "R S (name)"). Lists filtered by anything but names, and history,
 * are narrowed to whole-row readers with the same field.
 */
export const FULL_VIEW_FIELD = 'description';

export function informationSetSubject(s: InformationSetEntity): Untagged<InformationSetSubject> {
  return {
    id: s.id,
    tenantId: s.tenantId,
    orgUnitId: s.orgUnitId,
    orgUnitPath: s.orgUnitPath,
    informationOwnerId: s.informationOwnerId,
    assetKeeperIds: s.assetKeeperIds,
    specialHandling: s.specialHandling,
  };
}

export function assetSubject(a: AssetEntity): Untagged<AssetSubject> {
  return {
    id: a.id,
    tenantId: a.tenantId,
    orgUnitId: a.orgUnitId,
    orgUnitPath: a.orgUnitPath,
    assetOwnerId: a.assetOwnerId,
    systemManagerId: a.systemManagerId,
    informationOwnerIds: a.informationOwnerIds,
  };
}

const taggedSet = (s: InformationSetEntity) =>
  tag('InformationSet', informationSetSubject(s)) as unknown as AppSubject;
const taggedAsset = (a: AssetEntity) => tag('Asset', assetSubject(a)) as unknown as AppSubject;

export const readsWholeSet = (ability: AppAbility, s: InformationSetEntity) =>
  ability.can('read', taggedSet(s), FULL_VIEW_FIELD);
export const readsWholeAsset = (ability: AppAbility, a: AssetEntity) =>
  ability.can('read', taggedAsset(a), FULL_VIEW_FIELD);

export const mayUpdateSet = (ability: AppAbility, s: InformationSetEntity, field?: string) =>
  ability.can('update', taggedSet(s), field);
export const mayUpdateAsset = (ability: AppAbility, a: AssetEntity, field?: string) =>
  ability.can('update', taggedAsset(a), field);

/**
 * A change of `fields` on a row: each field must be changeable on the row as it is and as it will
 * be (rules limited to fields: the DPO's personal-data fields, the system manager's technical ones).
 */
export function assertMayChange(
  allowed: (field: string, row: 'before' | 'after') => boolean,
  fields: string[],
): void {
  for (const f of fields) {
    if (!allowed(f, 'before') || !allowed(f, 'after')) throw forbidden('PERMISSION_DENIED');
  }
}

/** BR-A2: owners and system managers are appointed by the unit's HEAD or by the CISO. */
export function assertMayAppoint(principal: Principal, unit: { id: string; path: string[] }): void {
  const roles = rolesAt(principal.actor, unit);
  if (!roles.includes('HEAD') && !roles.includes('CISO')) throw InformationErrors.appointmentForbidden();
}

/** The caller's roles for a row's unit (for the state machines). */
export const rolesFor = (principal: Principal, row: { orgUnitId: string; orgUnitPath: string[] }) =>
  rolesAt(principal.actor, { id: row.orgUnitId, path: row.orgUnitPath });
