import type { Role } from './roles';

/** One role assignment valid today, as far as access is concerned. */
export interface Grant {
  role: Role;
  orgUnitIds: string[];
  includeSubtree: boolean;
}

/** The signed-in person as the rules see them. */
export interface Actor {
  personId: string;
  tenantId: string;
  homeOrgUnitId: string;
  grants: Grant[];
}

/** Roles whose rules do not depend on the units of the assignment (scope T, domain.md §3.3). */
export const TENANT_WIDE_ROLES: readonly Role[] = ['ADMIN', 'CISO', 'AUDITOR'];

/**
 * The roles an actor holds at a unit: EMPLOYEE always, the tenant-wide roles anywhere, every other
 * role where the unit lies in the grant's scope (the same test `inScope` writes as a condition).
 * For decisions that depend on the role held for the record, e.g. who may close an incident or
 * decide that a regulator stage is not required (§4d).
 */
export function rolesAt(actor: Actor, unit: { id: string; path: string[] }): Role[] {
  const roles = new Set<Role>(['EMPLOYEE']);
  for (const grant of actor.grants) {
    const reaches =
      TENANT_WIDE_ROLES.includes(grant.role) ||
      grant.orgUnitIds.some((id) => (grant.includeSubtree ? unit.path.includes(id) : unit.id === id));
    if (reaches) roles.add(grant.role);
  }
  return [...roles];
}

/** ISO date (YYYY-MM-DD) comparison: an assignment is valid at d when validFrom ≤ d ≤ validTo. */
export function isValidOn(
  assignment: { validFrom: string; validTo: string | null },
  isoDate: string,
): boolean {
  return assignment.validFrom <= isoDate && (assignment.validTo === null || assignment.validTo >= isoDate);
}
