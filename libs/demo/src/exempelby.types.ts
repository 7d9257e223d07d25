/**
 * Shapes of the demo dataset "Exempelby kommun" (../shared/docs/domain.md §6). Plain data only:
 * the seeder turns it into rows. Units and people refer to each other by code and username.
 */
export type DemoOrgUnitType =
  | 'TENANT_ROOT'
  | 'COUNCIL'
  | 'EXECUTIVE_BOARD'
  | 'COMMITTEE'
  | 'AUDIT_BODY'
  | 'ADMINISTRATION'
  | 'DIVISION'
  | 'UNIT'
  | 'COMPANY'
  | 'JOINT_BODY'
  | 'PROJECT';

export type DemoRole =
  | 'ADMIN'
  | 'CISO'
  | 'COORDINATOR'
  | 'DPO'
  | 'HEAD'
  | 'MANAGER'
  | 'EMPLOYEE'
  | 'AUDITOR'
  | 'ELECTED'
  | 'READER'
  | 'SECURITY_PROTECTION_OFFICER';

export interface DemoOrgUnit {
  code: string;
  name: string;
  shortName: string;
  type: DemoOrgUnitType;
  /** Code of the parent unit; null only for the root. */
  parent: string | null;
  isDataController: boolean;
  /** For an ADMINISTRATION: code of the nämnd it serves. */
  servesCommittee?: string;
  coveredByCyberSecurityAct: boolean;
  nisSector?: string;
  headcount: number;
  /** Dormant units (KLN) are still ACTIVE org units. */
  aliases?: string[];
}

export interface DemoRoleAssignment {
  role: DemoRole;
  units: string[];
  includeSubtree: boolean;
  /** ISO dates; validFrom defaults to the seed's start date when absent. */
  validFrom?: string;
  validTo?: string;
}

export interface DemoPerson {
  username: string;
  displayName: string;
  homeUnit: string;
  isElected: boolean;
  hasOwnComputer: boolean;
  externalOrganisation?: string;
  /** Free-text note from §6.2 (title, ownership) – informative only. */
  note?: string;
  assignments: DemoRoleAssignment[];
}
