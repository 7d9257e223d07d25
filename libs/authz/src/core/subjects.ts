import type { ForcedSubject } from '@casl/ability';
import type { Role } from './roles';

/**
 * The subjects rules are written for, as the fields the rules may look at. Conditions use only a
 * subject's own columns (org scope is denormalised onto the row as `…Path` arrays of ancestor ids).
 */
export interface TenantSubject extends ForcedSubject<'Tenant'> {
  id: string;
}

export interface OrgUnitSubject extends ForcedSubject<'OrgUnit'> {
  id: string;
  tenantId: string;
  /** Ancestor ids from the root down to and including the unit itself. */
  path: string[];
}

export interface PersonSubject extends ForcedSubject<'Person'> {
  id: string;
  tenantId: string;
  homeOrgUnitId: string;
}

export interface RoleAssignmentSubject extends ForcedSubject<'RoleAssignment'> {
  id: string;
  tenantId: string;
  personId: string;
  role: Role;
  orgUnitIds: string[];
  /** Union of the paths of every assigned unit: overlaps a scope when any assigned unit lies in it. */
  orgUnitPaths: string[];
}

export interface HistoryEntrySubject extends ForcedSubject<'HistoryEntry'> {
  id: string;
  tenantId: string;
}

/** A sign-in session (cookie or bearer token): its owner may list and revoke it. */
export interface SessionSubject extends ForcedSubject<'Session'> {
  id: string;
  tenantId: string;
  personId: string;
}

/** A person's password. */
export interface CredentialSubject extends ForcedSubject<'Credential'> {
  tenantId: string;
  personId: string;
}

export type AppSubject =
  | TenantSubject
  | OrgUnitSubject
  | PersonSubject
  | RoleAssignmentSubject
  | HistoryEntrySubject
  | SessionSubject
  | CredentialSubject;

export const SUBJECT_NAMES = [
  'Tenant',
  'OrgUnit',
  'Person',
  'RoleAssignment',
  'HistoryEntry',
  'Session',
  'Credential',
] as const;
export type SubjectName = (typeof SUBJECT_NAMES)[number];
