import { subject } from '@casl/ability';
import type { AppAbility, Role } from '@varna/authz/core';
import type { OrgUnit, RoleAssignment } from '../api/types';

/** CASL subjects built from API rows, so the checks see the same fields as the server's rules. */
export const unitSubject = (unit: Pick<OrgUnit, 'id' | 'path'>, tenantId: string) =>
  subject('OrgUnit', { id: unit.id, tenantId, path: unit.path });

export function assignmentSubject(
  a: { id?: string; personId: string; role: Role; orgUnitIds: string[] },
  units: ReadonlyMap<string, Pick<OrgUnit, 'path'>>,
  tenantId: string,
) {
  const paths = [...new Set(a.orgUnitIds.flatMap((id) => units.get(id)?.path ?? [id]))].sort();
  return subject('RoleAssignment', {
    id: a.id ?? '',
    tenantId,
    personId: a.personId,
    role: a.role,
    orgUnitIds: a.orgUnitIds,
    orgUnitPaths: paths,
  });
}

/** The roles `ability` lets the person appoint on `unit` (for `personId`, or anyone but themself). */
export function appointableRoles(
  ability: AppAbility,
  roles: readonly Role[],
  unit: Pick<OrgUnit, 'id' | 'path'>,
  units: ReadonlyMap<string, Pick<OrgUnit, 'path'>>,
  tenantId: string,
  personId = '',
): Role[] {
  return roles.filter((role) =>
    ability.can('create', assignmentSubject({ personId, role, orgUnitIds: [unit.id] }, units, tenantId)),
  );
}

export type AssignmentState = 'current' | 'ended' | 'upcoming';

export function assignmentState(
  a: Pick<RoleAssignment, 'validFrom' | 'validTo'>,
  today: string,
): AssignmentState {
  if (a.validFrom > today) return 'upcoming';
  if (a.validTo !== null && a.validTo < today) return 'ended';
  return 'current';
}

/** Every unit below `unitId` (not itself), in any status. */
export function descendantsOf(unitId: string, units: ReadonlyMap<string, OrgUnit>): OrgUnit[] {
  return [...units.values()].filter((u) => u.id !== unitId && u.path.includes(unitId));
}
