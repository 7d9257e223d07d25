import type { Grant } from './actor';
import { inScope, type RuleWriter } from './rule-writer';
import type { Role } from './roles';

/**
 * One readable function per role (domain.md §3.3, D-06). Each receives one valid grant of that
 * role and writes its rules; scope T is `rules.allow(…)` alone, scope S adds `inScope(grant, …)`.
 * Ownership (scope O: informationsägare, tillgångsägare, riskägare …) is written by the modules'
 * rules as conditions on the owner columns, for every actor (see `ownerRules`).
 * Deviations from the matrix are recorded in docs/adr/0005-foundation-permissions.md.
 */
type RoleRules = (rules: RuleWriter, grant: Grant) => void;

const roleAssignmentScope = (grant: Grant) => inScope(grant, { unit: 'orgUnitIds', path: 'orgUnitPaths' });

/**
 * What every account may do, whatever its role: its tenant, the org tree, its own assignments and
 * sessions. Its own person record is read through /api/me (the session is the proof), so a
 * medarbetare has no `read Person` and cannot list the directory.
 */
function everyone(rules: RuleWriter): void {
  rules.allow('read', 'Tenant');
  rules.allow('read', 'OrgUnit');
  rules.allow('read', 'RoleAssignment', { personId: rules.actor.personId });
  // History is readable as far as the entity it describes is readable (checked per entity).
  rules.allow('read', 'HistoryEntry');
  rules.allow(['read', 'delete'], 'Session', { personId: rules.actor.personId });
  rules.allow('update', 'Credential', { personId: rules.actor.personId });
}

/** Roles that read the people directory tenant-wide (matrix row "Org tree, people, role assignments"). */
function readsPeople(rules: RuleWriter): void {
  rules.allow('read', 'Person');
}

export const ROLE_RULES: Record<Role, RoleRules> = {
  EMPLOYEE: (rules) => {
    everyone(rules);
  },

  ADMIN: (rules) => {
    // D-02: configuration and accounts, no business content.
    rules.allow(['read', 'update'], 'Tenant');
    rules.allow(['read', 'create', 'update', 'export'], 'OrgUnit');
    rules.allow(['read', 'create', 'update', 'export'], 'Person');
    rules.allow(['read', 'create', 'update', 'export'], 'RoleAssignment');
    rules.allow(['read', 'verify'], 'HistoryEntry');
    rules.allow(['read', 'delete'], 'Session');
    rules.allow('update', 'Credential');
  },

  CISO: (rules) => {
    readsPeople(rules);
    rules.allow(['read', 'create', 'update'], 'RoleAssignment');
    rules.allow(['read', 'verify'], 'HistoryEntry');
  },

  COORDINATOR: (rules, grant) => {
    readsPeople(rules);
    rules.allow('read', 'RoleAssignment', roleAssignmentScope(grant));
  },

  DPO: (rules, grant) => {
    readsPeople(rules);
    rules.allow('read', 'RoleAssignment', roleAssignmentScope(grant));
  },

  HEAD: (rules, grant) => {
    readsPeople(rules);
    rules.allow('read', 'RoleAssignment', roleAssignmentScope(grant));
    // Appointment power (seed 000 L507): coordinators, managers and readers within the own scope.
    rules.allow(['create', 'update'], 'RoleAssignment', {
      ...roleAssignmentScope(grant),
      role: { $in: ['COORDINATOR', 'MANAGER', 'READER', 'EMPLOYEE'] },
    });
  },

  MANAGER: (rules, grant) => {
    readsPeople(rules);
    rules.allow('read', 'RoleAssignment', roleAssignmentScope(grant));
  },

  AUDITOR: (rules) => {
    readsPeople(rules);
    rules.allow(['read', 'export'], 'Person');
    rules.allow(['read', 'export'], 'RoleAssignment');
  },

  ELECTED: () => {
    // Names of people and aggregated figures only; no directory rows (ADR 0005).
  },

  READER: (rules, grant) => {
    readsPeople(rules);
    rules.allow('read', 'RoleAssignment', roleAssignmentScope(grant));
  },

  SECURITY_PROTECTION_OFFICER: () => {
    // D-68: level-4 routing only; nothing in the foundation by virtue of this role.
  },
};
