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

/** ISO date (YYYY-MM-DD) comparison: an assignment is valid at d when validFrom ≤ d ≤ validTo. */
export function isValidOn(
  assignment: { validFrom: string; validTo: string | null },
  isoDate: string,
): boolean {
  return assignment.validFrom <= isoDate && (assignment.validTo === null || assignment.validTo >= isoDate);
}
