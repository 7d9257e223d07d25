import type { Role } from '@varna/authz/core';

/** The API's shapes as the web app reads them (docs/openapi.json). */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  correlationId: string | null;
  details: unknown;
}

export type OrgUnitType =
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

export interface OrgUnit {
  id: string;
  code: string;
  name: string;
  shortName: string;
  type: OrgUnitType;
  typeLabel: string;
  parentId: string | null;
  path: string[];
  depth: number;
  isDataController: boolean;
  servesCommitteeId: string | null;
  coveredByCyberSecurityAct: boolean;
  nisSector: string | null;
  headcount: number;
  aliases: string[];
  status: 'ACTIVE' | 'DISSOLVED';
  validFrom: string;
  validTo: string | null;
  version: number;
}

export interface OrgUnitTreeNode extends OrgUnit {
  children: OrgUnitTreeNode[];
}

export interface Person {
  id: string;
  username: string;
  displayName: string;
  email: string;
  phone: string | null;
  employeeNumber: string | null;
  homeOrgUnitId: string;
  hasOwnComputer: boolean;
  isElected: boolean;
  externalOrganisation: string | null;
  status: 'ACTIVE' | 'INACTIVE';
  version: number;
}

export interface RoleAssignment {
  id: string;
  personId: string;
  role: Role;
  roleLabel: string;
  orgUnitIds: string[];
  includeSubtree: boolean;
  validFrom: string;
  validTo: string | null;
  appointedById: string | null;
  appointmentRef: string | null;
  deputyForId: string | null;
  isActing: boolean;
  version: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface Me {
  person: Person;
  tenant: { id: string; code: string; name: string };
  roles: Role[];
  roleAssignments: RoleAssignment[];
}

export interface LoginResponse {
  expiresAt: string;
  csrfToken: string;
  user: { id: string; username: string; displayName: string; tenantId: string };
}
