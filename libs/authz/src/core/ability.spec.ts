import { subject as tag } from '@casl/ability';
import { describe, expect, it } from 'vitest';
import { abilityFromRules, type AppAbility, defineAbilityFor } from './ability';
import { ACTIONS, type Action } from './actions';
import { rolesAt, type Actor, type Grant } from './actor';
import { ROLES, type Role } from './roles';
import { type AppSubject, SUBJECT_NAMES, type SubjectName } from './subjects';

/*
 * What defineAbilityFor grants, role by role, checked on rows as the query filter would see them.
 * The tree: ROOT → A → A1, ROOT → B. Units are plain strings: conditions are evaluated in memory.
 */
const TENANT = 'tenant-exempelby';
const OTHER_TENANT = 'tenant-annanby';
const ROOT = 'unit-root';
const A = 'unit-a';
const A1 = 'unit-a1';
const B = 'unit-b';
const PATHS: Record<string, string[]> = {
  [ROOT]: [ROOT],
  [A]: [ROOT, A],
  [A1]: [ROOT, A, A1],
  [B]: [ROOT, B],
};
const ME = 'person-me';
const SOMEONE = 'person-someone';

function actorWith(grants: Grant[], overrides: Partial<Actor> = {}): Actor {
  return { personId: ME, tenantId: TENANT, homeOrgUnitId: A1, grants, ...overrides };
}
const grant = (role: Role, units: string[], includeSubtree = true): Grant => ({
  role,
  orgUnitIds: units,
  includeSubtree,
});
const abilityOf = (...grants: Grant[]) => defineAbilityFor(actorWith(grants));

/** A role assignment row placed on `units`, with the union of their paths as the app stores it. */
function assignment(
  units: string[],
  fields: { personId?: string; role?: Role; tenantId?: string } = {},
): AppSubject {
  return tag('RoleAssignment', {
    id: `ra-${units.join('-')}`,
    tenantId: fields.tenantId ?? TENANT,
    personId: fields.personId ?? SOMEONE,
    role: fields.role ?? 'MANAGER',
    orgUnitIds: units,
    orgUnitPaths: [...new Set(units.flatMap((u) => PATHS[u]))].sort(),
  });
}
const person = (tenantId = TENANT, id = SOMEONE): AppSubject =>
  tag('Person', { id, tenantId, homeOrgUnitId: A1 });

/** One row of each subject, as close to the actor as possible (own records, units in every scope). */
function rowOf(subject: SubjectName, tenantId: string, personId: string): AppSubject {
  switch (subject) {
    case 'Tenant':
      return tag('Tenant', { id: tenantId });
    case 'OrgUnit':
      return tag('OrgUnit', { id: A1, tenantId, path: PATHS[A1] });
    case 'Person':
      return tag('Person', { id: personId, tenantId, homeOrgUnitId: A1 });
    case 'RoleAssignment':
      return assignment([A1], { personId, tenantId, role: 'READER' });
    case 'HistoryEntry':
      return tag('HistoryEntry', { id: 'history-1', tenantId });
    case 'Session':
      return tag('Session', { id: 'session-1', tenantId, personId });
    case 'Credential':
      return tag('Credential', { tenantId, personId });
    case 'Incident':
      return incident({ tenantId, reporterId: personId });
    case 'IncidentTimelineEntry':
      return tag('IncidentTimelineEntry', {
        id: 'entry-1',
        tenantId,
        incidentId: 'incident-1',
        orgUnitId: A1,
        orgUnitPath: PATHS[A1],
        incidentType: 'PERSONAL_DATA_BREACH',
      });
    case 'RegulatoryObligation':
      return obligation({ tenantId });
    case 'IncidentStatistics':
      return tag('IncidentStatistics', {
        id: 'incident-1',
        tenantId,
        orgUnitId: A1,
        orgUnitPath: PATHS[A1],
        type: 'PERSONAL_DATA_BREACH',
      });
    case 'Notification':
      return tag('Notification', { id: 'notification-1', tenantId, recipientId: personId });
    case 'IncidentAttachment':
      return tag('IncidentAttachment', {
        id: 'attachment-1',
        tenantId,
        incidentId: 'incident-1',
        orgUnitId: A1,
        orgUnitPath: PATHS[A1],
        incidentType: 'PERSONAL_DATA_BREACH',
        incidentReporterId: personId,
        uploadedById: personId,
      });
    case 'InformationSet':
      return tag('InformationSet', {
        id: 'set-1',
        tenantId,
        orgUnitId: A1,
        orgUnitPath: PATHS[A1],
        informationOwnerId: personId,
        assetKeeperIds: [],
        specialHandling: false,
      });
    case 'Asset':
      return tag('Asset', {
        id: 'asset-1',
        tenantId,
        orgUnitId: A1,
        orgUnitPath: PATHS[A1],
        assetOwnerId: personId,
        systemManagerId: null,
        informationOwnerIds: [],
      });
    case 'Classification':
      return tag('Classification', {
        id: 'classification-1',
        tenantId,
        informationSetId: 'set-1',
        orgUnitId: A1,
        orgUnitPath: PATHS[A1],
        informationOwnerId: personId,
        assetKeeperIds: [],
        status: 'PROPOSED',
      });
    case 'ProtectionOverride':
      return tag('ProtectionOverride', {
        id: 'override-1',
        tenantId,
        assetId: 'asset-1',
        orgUnitId: A1,
        orgUnitPath: PATHS[A1],
        assetOwnerId: personId,
        systemManagerId: null,
        requestedById: personId,
        direction: 'RAISE',
      });
    case 'ActionPlanItem':
      return tag('ActionPlanItem', {
        id: 'item-1',
        tenantId,
        assetId: 'asset-1',
        orgUnitId: A1,
        orgUnitPath: PATHS[A1],
        assetOwnerId: personId,
        systemManagerId: null,
      });
    case 'ClassificationSettings':
      return tag('ClassificationSettings', { id: 'settings-1', tenantId });
    case 'IncidentClockRules':
      return tag('IncidentClockRules', { id: 'clock-rules-1', tenantId });
    case 'ClassificationSession':
      return tag('ClassificationSession', {
        id: 'session-1',
        tenantId,
        orgUnitId: A1,
        orgUnitPath: PATHS[A1],
        ledById: personId,
        participantIds: [],
        informationOwnerIds: [],
        assetKeeperIds: [],
        status: 'PLANNED',
      });
    case 'ClassificationStatistics':
      return tag('ClassificationStatistics', {
        id: 'set-1',
        tenantId,
        orgUnitId: A1,
        orgUnitPath: PATHS[A1],
      });
  }
}

/** An incident in A1 (a personal data breach unless told otherwise). */
function incident(
  fields: { tenantId?: string; reporterId?: string; unit?: string; type?: string | null } = {},
) {
  const unit = fields.unit ?? A1;
  return tag('Incident', {
    id: 'incident-1',
    tenantId: fields.tenantId ?? TENANT,
    orgUnitId: unit,
    orgUnitPath: PATHS[unit],
    reporterId: fields.reporterId ?? SOMEONE,
    type: fields.type === undefined ? 'PERSONAL_DATA_BREACH' : fields.type,
  }) as AppSubject;
}

/** A regulator stage of an incident in A1 (the IMY notification unless told otherwise). */
function obligation(
  fields: { tenantId?: string; unit?: string; regime?: string; decision?: string | null } = {},
) {
  const unit = fields.unit ?? A1;
  return tag('RegulatoryObligation', {
    id: 'obligation-1',
    tenantId: fields.tenantId ?? TENANT,
    incidentId: 'incident-1',
    orgUnitId: unit,
    orgUnitPath: PATHS[unit],
    regime: fields.regime ?? 'GDPR_ART33_IMY',
    decision: fields.decision === undefined ? null : fields.decision,
  }) as AppSubject;
}

/** Every (action, subject) the ability allows on a same-tenant row. */
function allowedPairs(ability: AppAbility): string[] {
  const pairs: string[] = [];
  for (const subject of SUBJECT_NAMES) {
    for (const action of ACTIONS) {
      const rows = [rowOf(subject, TENANT, ME), rowOf(subject, TENANT, SOMEONE)];
      if (rows.some((row) => ability.can(action, row))) pairs.push(`${action} ${subject}`);
    }
  }
  return pairs;
}

describe('tenant pin', () => {
  it.each(ROLES)('%s never reaches a row of another tenant, for any subject or action', (role) => {
    const grants = [grant(role, [ROOT]), grant(role, [A1], false)];
    const ability = abilityOf(...grants);
    const reached: string[] = [];
    for (const subject of SUBJECT_NAMES) {
      for (const action of ACTIONS) {
        for (const who of [ME, SOMEONE]) {
          if (ability.can(action, rowOf(subject, OTHER_TENANT, who))) reached.push(`${action} ${subject}`);
        }
      }
    }
    expect(reached).toEqual([]);
    // The same rows in the own tenant are reachable, so the check above is not vacuous.
    expect(ability.can('read', rowOf('OrgUnit', TENANT, ME))).toBe(true);
    expect(ability.can('read', rowOf('Tenant', TENANT, ME))).toBe(true);
    expect(ability.can('read', rowOf('Session', TENANT, ME))).toBe(true);
  });

  it('pins the Tenant subject by its id', () => {
    const ability = abilityOf(grant('ADMIN', [ROOT]));
    expect(ability.can('update', tag('Tenant', { id: TENANT }))).toBe(true);
    expect(ability.can('update', tag('Tenant', { id: OTHER_TENANT }))).toBe(false);
    expect(ability.can('read', tag('Tenant', { id: OTHER_TENANT }))).toBe(false);
  });

  it('is written into every allowing rule, so the SQL filter carries it too', () => {
    const ability = abilityOf(...ROLES.map((r) => grant(r, [A])));
    const allowing = ability.rules.filter((r) => !r.inverted);
    expect(allowing.length).toBeGreaterThan(10);
    for (const rule of allowing) {
      const conditions = rule.conditions as Record<string, unknown>;
      if (rule.subject === 'Tenant') expect(conditions.id).toBe(TENANT);
      else expect(conditions.tenantId).toBe(TENANT);
    }
  });
});

describe('what every account holds (EMPLOYEE)', () => {
  const employee = abilityOf();

  it('gives exactly the own-records rights and the org tree', () => {
    expect(allowedPairs(employee).sort()).toEqual(
      [
        'read Tenant',
        'read OrgUnit',
        'read RoleAssignment',
        'read HistoryEntry',
        'read Session',
        'delete Session',
        'update Credential',
        'read Notification',
        'update Notification',
        'create Incident',
        'read Incident',
        'read IncidentAttachment',
        'create IncidentAttachment',
        // Ownership (scope O): the row of each register is owned by the actor here.
        'read InformationSet',
        'update InformationSet',
        'export InformationSet',
        'read Asset',
        'update Asset',
        'export Asset',
        // Classification's scope O on the same owned rows, and its settings (read by everyone).
        'read Classification',
        'approve Classification',
        'read ProtectionOverride',
        'create ProtectionOverride',
        'update ProtectionOverride',
        'read ActionPlanItem',
        'update ActionPlanItem',
        'export ActionPlanItem',
        'read ClassificationSettings',
        'read IncidentClockRules',
        // A klassningstillfälle the actor leads (M); participants and owners read it too.
        'read ClassificationSession',
      ].sort(),
    );
  });

  it('cannot read Person, not even as a type', () => {
    expect(employee.can('read', 'Person')).toBe(false);
    expect(employee.can('read', person())).toBe(false);
    expect(employee.can('read', person(TENANT, ME))).toBe(false);
    expect(employee.can('export', 'Person')).toBe(false);
  });

  it('reads only its own role assignments, sessions and credential', () => {
    expect(employee.can('read', assignment([A1], { personId: ME }))).toBe(true);
    expect(employee.can('read', assignment([A1]))).toBe(false);
    expect(employee.can('delete', tag('Session', { id: 's', tenantId: TENANT, personId: ME }))).toBe(true);
    expect(employee.can('delete', tag('Session', { id: 's', tenantId: TENANT, personId: SOMEONE }))).toBe(
      false,
    );
    expect(employee.can('update', tag('Credential', { tenantId: TENANT, personId: ME }))).toBe(true);
    expect(employee.can('update', tag('Credential', { tenantId: TENANT, personId: SOMEONE }))).toBe(false);
  });

  it('is the same whether EMPLOYEE is granted explicitly or not', () => {
    expect(allowedPairs(abilityOf(grant('EMPLOYEE', [B])))).toEqual(allowedPairs(employee));
  });

  it('SECURITY_PROTECTION_OFFICER adds nothing in the foundation', () => {
    expect(allowedPairs(abilityOf(grant('SECURITY_PROTECTION_OFFICER', [ROOT])))).toEqual(
      allowedPairs(employee),
    );
  });

  it('ELECTED adds only incident and classification statistics (scope G), in the assignment’s scope', () => {
    const elected = abilityOf(grant('ELECTED', [A]));
    expect(allowedPairs(elected).sort()).toEqual(
      [...allowedPairs(employee), 'read IncidentStatistics', 'read ClassificationStatistics'].sort(),
    );
    const stats = (unit: string) =>
      tag('IncidentStatistics', {
        id: 'incident-1',
        tenantId: TENANT,
        orgUnitId: unit,
        orgUnitPath: PATHS[unit],
        type: null,
      }) as AppSubject;
    expect(elected.can('read', stats(A1))).toBe(true);
    expect(elected.can('read', stats(B))).toBe(false);
    expect(employee.can('read', 'IncidentStatistics')).toBe(false);
  });
});

describe('scope S', () => {
  it('with includeSubtree, reads assignments whose paths contain an assigned unit', () => {
    const coordinator = abilityOf(grant('COORDINATOR', [A]));
    expect(coordinator.can('read', assignment([A]))).toBe(true);
    expect(coordinator.can('read', assignment([A1]))).toBe(true);
    // Any assigned unit inside the scope is enough to see the assignment.
    expect(coordinator.can('read', assignment([B, A1]))).toBe(true);
    expect(coordinator.can('read', assignment([B]))).toBe(false);
    // Above the scope: the root's path does not contain A.
    expect(coordinator.can('read', assignment([ROOT]))).toBe(false);
  });

  it('without includeSubtree, reads only assignments on exactly the assigned units', () => {
    const coordinator = abilityOf(grant('COORDINATOR', [A], false));
    expect(coordinator.can('read', assignment([A]))).toBe(true);
    expect(coordinator.can('read', assignment([A, B]))).toBe(true);
    expect(coordinator.can('read', assignment([A1]))).toBe(false);
    expect(coordinator.can('read', assignment([B]))).toBe(false);
  });

  it.each(['COORDINATOR', 'DPO', 'HEAD', 'MANAGER', 'READER'] as const)(
    '%s reads role assignments in scope only, and people tenant-wide',
    (role) => {
      const ability = abilityOf(grant(role, [B]));
      expect(ability.can('read', assignment([B]))).toBe(true);
      expect(ability.can('read', assignment([A]))).toBe(false);
      expect(ability.can('read', person())).toBe(true);
      expect(ability.can('export', person())).toBe(false);
      expect(ability.can('export', assignment([B]))).toBe(false);
    },
  );

  it.each(['CISO', 'ADMIN', 'AUDITOR'] as const)('%s reads role assignments tenant-wide', (role) => {
    const ability = abilityOf(grant(role, [B], false));
    for (const units of [[ROOT], [A], [A1], [B]]) expect(ability.can('read', assignment(units))).toBe(true);
  });
});

describe('D-50: no changes to one’s own role assignments', () => {
  it.each(['ADMIN', 'CISO', 'HEAD'] as const)('%s may appoint others but not themself', (role) => {
    const ability = abilityOf(grant(role, [ROOT]));
    for (const action of ['create', 'update'] as const) {
      expect(ability.can(action, assignment([A1], { personId: SOMEONE, role: 'READER' }))).toBe(true);
      expect(ability.can(action, assignment([A1], { personId: ME, role: 'READER' }))).toBe(false);
    }
    expect(ability.can('delete', assignment([A1], { personId: ME, role: 'READER' }))).toBe(false);
    // Reading one's own assignments stays allowed.
    expect(ability.can('read', assignment([A1], { personId: ME }))).toBe(true);
  });

  it('holds whatever else the person is granted', () => {
    const ability = abilityOf(...ROLES.map((r) => grant(r, [ROOT])));
    for (const action of ACTIONS) {
      for (const role of ROLES) {
        expect(ability.can(action, assignment([A1], { personId: ME, role })), `${action} ${role}`).toBe(
          action === 'read' || action === 'export',
        );
      }
    }
  });
});

describe('HEAD appoints within scope', () => {
  const head = abilityOf(grant('HEAD', [A]));
  const appointable: Role[] = ['COORDINATOR', 'MANAGER', 'READER', 'EMPLOYEE'];

  it.each(ROLES)('%s in scope', (role) => {
    const expected = appointable.includes(role);
    expect(head.can('create', assignment([A1], { role }))).toBe(expected);
    expect(head.can('update', assignment([A], { role }))).toBe(expected);
  });

  it('never outside the scope, nor above it', () => {
    for (const role of appointable) {
      expect(head.can('create', assignment([B], { role }))).toBe(false);
      expect(head.can('create', assignment([ROOT], { role }))).toBe(false);
      expect(head.can('update', assignment([B], { role }))).toBe(false);
    }
  });

  it('without includeSubtree, only on the assigned units themselves', () => {
    const narrow = abilityOf(grant('HEAD', [A], false));
    expect(narrow.can('create', assignment([A], { role: 'MANAGER' }))).toBe(true);
    expect(narrow.can('create', assignment([A1], { role: 'MANAGER' }))).toBe(false);
  });

  it('cannot delete assignments, nor touch people or units', () => {
    expect(head.can('delete', assignment([A1], { role: 'MANAGER' }))).toBe(false);
    expect(head.can('create', 'Person')).toBe(false);
    expect(head.can('update', person())).toBe(false);
    expect(head.can('create', 'OrgUnit')).toBe(false);
  });
});

describe('AUDITOR', () => {
  const auditor = abilityOf(grant('AUDITOR', [ROOT]));

  it('reads and exports people and role assignments tenant-wide', () => {
    for (const action of ['read', 'export'] as const) {
      expect(auditor.can(action, person())).toBe(true);
      expect(auditor.can(action, assignment([B]))).toBe(true);
      expect(auditor.can(action, assignment([A1], { role: 'CISO' }))).toBe(true);
    }
  });

  it('changes nothing', () => {
    for (const action of ['create', 'update', 'delete'] as const) {
      expect(auditor.can(action, person())).toBe(false);
      expect(auditor.can(action, assignment([B]))).toBe(false);
      expect(auditor.can(action, rowOf('OrgUnit', TENANT, SOMEONE))).toBe(false);
    }
    expect(auditor.can('verify', 'HistoryEntry')).toBe(false);
  });
});

describe('ADMIN and CISO', () => {
  it('ADMIN administers units, people, assignments, sessions and passwords, and verifies history', () => {
    const admin = abilityOf(grant('ADMIN', [ROOT]));
    const expected: [Action, AppSubject][] = [
      ['update', tag('Tenant', { id: TENANT })],
      ['create', rowOf('OrgUnit', TENANT, SOMEONE)],
      ['export', rowOf('OrgUnit', TENANT, SOMEONE)],
      ['create', person()],
      ['update', person()],
      ['export', person()],
      ['export', assignment([B])],
      ['verify', rowOf('HistoryEntry', TENANT, SOMEONE)],
      ['delete', rowOf('Session', TENANT, SOMEONE)],
      ['update', rowOf('Credential', TENANT, SOMEONE)],
    ];
    for (const [action, row] of expected) expect(admin.can(action, row), action).toBe(true);
    expect(admin.can('delete', person())).toBe(false);
    expect(admin.can('manage', person())).toBe(false);
  });

  it('CISO reads people, appoints anyone else to any role, verifies history, but no accounts admin', () => {
    const ciso = abilityOf(grant('CISO', [ROOT]));
    expect(ciso.can('read', person())).toBe(true);
    expect(ciso.can('create', assignment([B], { role: 'ADMIN' }))).toBe(true);
    expect(ciso.can('verify', 'HistoryEntry')).toBe(true);
    expect(ciso.can('create', person())).toBe(false);
    expect(ciso.can('update', rowOf('Credential', TENANT, SOMEONE))).toBe(false);
    expect(ciso.can('delete', rowOf('Session', TENANT, SOMEONE))).toBe(false);
  });
});

describe('several grants', () => {
  it('union their rights, each in its own scope', () => {
    const ability = abilityOf(grant('COORDINATOR', [A]), grant('HEAD', [B]));
    expect(ability.can('read', assignment([A1]))).toBe(true);
    expect(ability.can('read', assignment([B]))).toBe(true);
    expect(ability.can('read', assignment([ROOT]))).toBe(false);
    // Appointment power comes only from the HEAD grant, so only in B.
    expect(ability.can('create', assignment([B], { role: 'MANAGER' }))).toBe(true);
    expect(ability.can('create', assignment([A1], { role: 'MANAGER' }))).toBe(false);
  });

  it('union across roles: HEAD (S) and AUDITOR (T) export what HEAD alone cannot', () => {
    const head = abilityOf(grant('HEAD', [B]));
    const both = abilityOf(grant('HEAD', [B]), grant('AUDITOR', [ROOT]));
    expect(head.can('export', person())).toBe(false);
    expect(both.can('export', person())).toBe(true);
    expect(both.can('read', assignment([A]))).toBe(true);
    expect(both.can('create', assignment([A], { role: 'MANAGER' }))).toBe(false);
  });

  it('two grants of one role cover both scopes', () => {
    const ability = abilityOf(grant('MANAGER', [A1], false), grant('MANAGER', [B]));
    expect(ability.can('read', assignment([A1]))).toBe(true);
    expect(ability.can('read', assignment([B]))).toBe(true);
    expect(ability.can('read', assignment([A]))).toBe(false);
  });

  it('a grant never removes what another grants', () => {
    const alone = allowedPairs(abilityOf(grant('ADMIN', [ROOT])));
    const combined = allowedPairs(abilityOf(grant('ADMIN', [ROOT]), grant('ELECTED', [A])));
    expect(combined).toEqual(expect.arrayContaining(alone));
  });
});

describe('incidents (§3.3 rows "Incident, timeline" and "Regulator notification")', () => {
  it('every account reports for any unit and reads only its own reports (D-08)', () => {
    const employee = abilityOf();
    expect(employee.can('create', incident({ unit: B }))).toBe(true);
    expect(employee.can('read', incident({ reporterId: ME }))).toBe(true);
    expect(employee.can('read', incident())).toBe(false);
    expect(employee.can('update', incident({ reporterId: ME }))).toBe(false);
    expect(employee.can('read', rowOf('IncidentTimelineEntry', TENANT, ME))).toBe(false);
    expect(employee.can('read', obligation())).toBe(false);
  });

  it('COORDINATOR handles the incidents of the scope, HEAD and MANAGER read and update them', () => {
    for (const role of ['COORDINATOR', 'HEAD', 'MANAGER'] as const) {
      const ability = abilityOf(grant(role, [A]));
      expect(ability.can('update', incident({ type: null })), role).toBe(true);
      expect(ability.can('read', incident({ unit: B })), role).toBe(false);
      expect(ability.can('read', obligation({ regime: 'CYBER_ACT' })), role).toBe(true);
      expect(ability.can('export', incident()), role).toBe(role === 'COORDINATOR');
    }
  });

  it('DPO reads and updates personal data breaches of the controllers served, nothing else (D-51)', () => {
    const dpo = abilityOf(grant('DPO', [A]));
    expect(dpo.can('update', incident())).toBe(true);
    expect(dpo.can('read', incident({ type: 'IT_INCIDENT' }))).toBe(false);
    expect(dpo.can('read', incident({ type: null }))).toBe(false);
    expect(dpo.can('read', incident({ unit: B }))).toBe(false);
    expect(dpo.can('read', obligation())).toBe(true);
    expect(dpo.can('read', obligation({ regime: 'CYBER_ACT' }))).toBe(false);
  });

  it('decisions on a stage follow the row as it will be: head submits, DPO/head/CISO waive per regime', () => {
    const dpo = abilityOf(grant('DPO', [A]));
    const head = abilityOf(grant('HEAD', [A]));
    const ciso = abilityOf(grant('CISO', [ROOT]));
    const coordinator = abilityOf(grant('COORDINATOR', [A]));
    const submitted = (regime: string) => obligation({ regime, decision: 'SUBMITTED' });
    const waived = (regime: string) => obligation({ regime, decision: 'NOT_REQUIRED' });
    expect(head.can('approve', submitted('GDPR_ART33_IMY'))).toBe(true);
    expect(dpo.can('approve', submitted('GDPR_ART33_IMY'))).toBe(false);
    expect(ciso.can('approve', submitted('CYBER_ACT'))).toBe(false);
    expect(dpo.can('approve', waived('GDPR_ART33_IMY'))).toBe(true);
    expect(head.can('approve', waived('GDPR_ART33_IMY'))).toBe(false);
    expect(head.can('approve', waived('IVO_LEX_SARAH'))).toBe(true);
    expect(ciso.can('approve', waived('CYBER_ACT'))).toBe(true);
    expect(ciso.can('approve', waived('GDPR_ART33_IMY'))).toBe(false);
    expect(coordinator.can('approve', 'RegulatoryObligation')).toBe(false);
    expect(coordinator.can('update', obligation())).toBe(true);
  });

  it('AUDITOR reads and exports incidents, timelines and stages, changes none', () => {
    const auditor = abilityOf(grant('AUDITOR', [ROOT]));
    for (const subject of ['Incident', 'IncidentTimelineEntry', 'RegulatoryObligation'] as const) {
      expect(auditor.can('export', rowOf(subject, TENANT, SOMEONE)), subject).toBe(true);
      expect(auditor.can('update', rowOf(subject, TENANT, SOMEONE)), subject).toBe(false);
      expect(auditor.can('create', rowOf(subject, TENANT, SOMEONE)), subject).toBe(subject === 'Incident');
    }
  });

  it('ADMIN and ELECTED have no incident rows beyond their own reports (D-02)', () => {
    for (const role of ['ADMIN', 'ELECTED', 'READER'] as const) {
      const ability = abilityOf(grant(role, [ROOT]));
      expect(ability.can('read', incident()), role).toBe(false);
      expect(ability.can('read', obligation()), role).toBe(false);
      expect(ability.can('read', rowOf('IncidentTimelineEntry', TENANT, SOMEONE)), role).toBe(false);
    }
  });
});

describe('rolesAt', () => {
  it('holds EMPLOYEE everywhere, tenant-wide roles anywhere, the others inside their scope', () => {
    const actor = actorWith([
      grant('COORDINATOR', [A]),
      grant('HEAD', [A1], false),
      grant('CISO', [B], false),
    ]);
    expect(rolesAt(actor, { id: A1, path: PATHS[A1] }).sort()).toEqual([
      'CISO',
      'COORDINATOR',
      'EMPLOYEE',
      'HEAD',
    ]);
    expect(rolesAt(actor, { id: A, path: PATHS[A] }).sort()).toEqual(['CISO', 'COORDINATOR', 'EMPLOYEE']);
    expect(rolesAt(actor, { id: B, path: PATHS[B] }).sort()).toEqual(['CISO', 'EMPLOYEE']);
  });
});

describe('abilityFromRules (GET /api/me/permissions, the web app)', () => {
  it('rebuilds the same decisions from the raw rules', () => {
    const original = abilityOf(grant('HEAD', [A]), grant('AUDITOR', [ROOT]));
    const rebuilt = abilityFromRules(JSON.parse(JSON.stringify(original.rules)));
    for (const subject of SUBJECT_NAMES) {
      for (const action of ACTIONS) {
        for (const row of [rowOf(subject, TENANT, ME), rowOf(subject, TENANT, SOMEONE)]) {
          expect(rebuilt.can(action, row)).toBe(original.can(action, row));
        }
      }
    }
  });
});

describe('comparison operators agree with SQL on missing values', () => {
  // The query filter translates $lt … $gte to SQL, where NULL compares to nothing. CASL's default
  // comparison coerces like JavaScript (null < 5); the app's matcher must not.
  const rows = [null, undefined, 3, 7].map((headcount) =>
    tag('OrgUnit', { id: 'u', tenantId: TENANT, headcount }),
  );
  const decide = (conditions: Record<string, unknown>, inverted = false) =>
    rows.map((row) =>
      abilityFromRules([
        ...(inverted ? [{ action: 'read', subject: 'OrgUnit' } as const] : []),
        { action: 'read', subject: 'OrgUnit', conditions, inverted },
      ] as never).can('read', row as never),
    );

  it('a missing value is neither less nor greater than anything', () => {
    expect(decide({ headcount: { $lt: 5 } })).toEqual([false, false, true, false]);
    expect(decide({ headcount: { $lte: 7 } })).toEqual([false, false, true, true]);
    expect(decide({ headcount: { $gt: -1 } })).toEqual([false, false, true, true]);
    expect(decide({ headcount: { $gte: 7 } })).toEqual([false, false, false, true]);
  });

  it('and a cannot rule on a comparison therefore does not apply to it', () => {
    expect(decide({ headcount: { $lt: 5 } }, true)).toEqual([true, true, false, true]);
  });

  it('equal dates are equal', () => {
    const at = (iso: string) =>
      tag('Session', { id: 's', tenantId: TENANT, personId: ME, expiresAt: new Date(iso) });
    const ability = abilityFromRules([
      { action: 'read', subject: 'Session', conditions: { expiresAt: new Date('2026-11-16T09:00:00Z') } },
    ] as never);
    expect(ability.can('read', at('2026-11-16T09:00:00Z') as never)).toBe(true);
    expect(ability.can('read', at('2026-11-16T09:00:01Z') as never)).toBe(false);
  });
});
