import { ACTIONS, type Action } from './actions';
import { defineAbilityFor } from './ability';
import { ROLE_LABELS, ROLES, type Role } from './roles';
import { SUBJECT_NAMES, type SubjectName } from './subjects';

const TENANT = 'TENANT';
const SCOPE_UNIT = 'SCOPE_UNIT';
const ME = 'ME';
const HOME = 'HOME_UNIT';

type Raw = {
  action: string | string[];
  subject: string | string[];
  conditions?: Record<string, unknown>;
  fields?: string | string[];
  inverted?: boolean;
};

/** Columns that name the actor as the person of the record (M); any other names an owner (O). */
const OWN_RECORD_FIELDS = new Set(['id', 'personId', 'reporterId', 'ledById', 'participantIds']);

/**
 * Describes one rule's conditions as a scope: T (tenant), S (assigned units and subtree), M (own),
 * O (owned or linked to the owner), followed by any further condition (a tenant-wide rule with
 * conditions reads `T (…)`).
 */
function describe(conditions: Record<string, unknown> | undefined): string {
  const rest = Object.entries(conditions ?? {}).filter(
    ([k, v]) => !(k === 'tenantId' && v === TENANT) && !(k === 'id' && v === TENANT),
  );
  if (rest.length === 0) return 'T';
  const parts: string[] = [];
  let scope = '';
  for (const [field, value] of rest) {
    const text = JSON.stringify(value);
    if (text.includes(SCOPE_UNIT)) scope = 'S';
    else if (text.includes(HOME)) {
      scope = 'S';
      parts.push('home unit');
    } else if (text === JSON.stringify(ME)) scope = OWN_RECORD_FIELDS.has(field) ? 'M' : 'O';
    else parts.push(`${field} ${text.replace(/"\$in":/g, '∈ ').replace(/[{}"]/g, '')}`);
  }
  return parts.length ? `${scope || 'T'} (${parts.join('; ')})` : scope;
}

function cell(role: Role, subject: SubjectName, action: Action): string {
  const ability = defineAbilityFor({
    personId: ME,
    tenantId: TENANT,
    homeOrgUnitId: HOME,
    grants: role === 'EMPLOYEE' ? [] : [{ role, orgUnitIds: [SCOPE_UNIT], includeSubtree: true }],
  });
  const rules = ability.rulesFor(action, subject) as unknown as Raw[];
  const fieldsOf = (r: Raw) => (r.fields ? ` [${[r.fields].flat().join(', ')}]` : '');
  const allowed = [
    ...new Set(rules.filter((r) => !r.inverted).map((r) => describe(r.conditions) + fieldsOf(r))),
  ];
  if (allowed.length === 0) return '–';
  const denied = rules.filter((r) => r.inverted).map((r) => describe(r.conditions));
  const order = (s: string) => ['T', 'S', 'O', 'M'].indexOf(s[0]);
  // A tenant-wide right already covers the narrower ones.
  const shown = allowed.includes('T') ? ['T'] : allowed.sort((a, b) => order(a) - order(b));
  const text = shown.join(', ');
  return denied.length ? `${text}; not ${denied.join(', ')}` : text;
}

const SUBJECT_NOTES: Partial<Record<SubjectName, string>> = {
  HistoryEntry:
    'GET /api/history returns the entries of one record only when the person may read that record itself ' +
    '("scoped like the entity"), so `read T` here is narrowed per record.',
  OrgUnit: 'The org tree is readable by every account (matrix row "Org tree, people, role assignments").',
  RoleAssignment:
    'Own assignments (M) are always readable. HEAD appoints only the listed roles, unit by unit inside the scope.',
  Incident:
    'Every account reports (create T) and reads its own reports (M), as the reporter view: status and outcome ' +
    'only (D-08). `update` gives the handler view; `export` without `update` (AUDITOR) the full record with the ' +
    "reporter's identity masked. Closing, rejecting and reopening are for COORDINATOR and CISO (state machine, 4d).",
  IncidentTimelineEntry: '`create` adds a manual note; entries are never changed (BR-D3).',
  RegulatoryObligation:
    '`approve` is checked on the stage as it will be: `decision SUBMITTED` records the notification as sent (the ' +
    'head of the unit, D-07); `decision NOT_REQUIRED/WITHDRAWN` decides that no report is due (DPO for the GDPR ' +
    'regimes, head for IVO, CISO for the rest, 4d Clock rules).',
  IncidentAttachment:
    'Files of an incident. The reporter adds to the own report while it is open and lists the own uploads (M); ' +
    'handlers read, add and remove in their scope. AUDITOR reads the list, and the content only of incidents ' +
    'without secrecy markings (ADR 0013).',
  Notification: 'Own notifications only (M): `update` marks one read. They are created by the system.',
  InformationSet:
    'A rule with [fields] allows only those fields: the name view (code, name, unit) of a medarbetare, the ' +
    "DPO's personal-data fields. The API answers a caller who may not read `description` with the name view. " +
    "O: the set's owner (RU E), and the owners and system managers of the assets carrying it (R, BR-A3). " +
    'Special-handling sets keep only code, name, owner and unit (BR-A6). ADR 0011.',
  Asset:
    'Links to information sets and dependencies are parts of the asset (`update`, not for the system ' +
    "manager, whose update is limited to the technical fields). O: the asset's owner (RU E), its system " +
    'manager, the owners of the sets it carries (R). ADR 0011.',
  Classification:
    "Placed by the information set's unit. `update` edits, proposes and cancels drafts (samordnare, CISO); `approve` " +
    "decides, returns, sends to special handling and confirms unchanged: the set's owner only (O), not the CISO. " +
    'O also gives the owners and system managers of the assets carrying the set read (BR-A3). ADR 0012.',
  ProtectionOverride:
    "Placed by the asset's unit. A RAISE is in force at once; `approve` (the CISO, LOWER only) approves or rejects a " +
    'requested LOWER; `update` withdraws (the requester, or the CISO) (D-55). ADR 0012.',
  ActionPlanItem:
    "Placed by the asset's unit. `update` starts an asset's plan and assesses its items (asset owner, system " +
    'manager, samordnare, verksamhetsansvarig, CISO). ADR 0012.',
  ClassificationSession:
    'A klassningstillfälle, placed by its unit. `update` edits, holds, closes and cancels it (samordnare in scope, ' +
    'CISO). M: its leader and participants read it; O: the owners of its sets and the keepers of their assets ' +
    'read it. ADR 0014.',
  ClassificationStatistics:
    'GET /api/classification-kpis counts the information sets these rules reach (K01, K02); its lists of rows are ' +
    'narrowed by `read Classification` and `read Asset`, so ELECTED and READER get figures only (scope G, D-68).',
  IncidentStatistics:
    'GET /api/incident-statistics counts the incident rows these rules reach. A caller who may not read those ' +
    'rows as a handler or auditor (ELECTED, READER: scope G of §3.3, D-68) gets every count below 5 suppressed.',
};

/** docs/authz-matrix.md, generated from the role rules themselves (CI checks it is current). */
export function renderAuthzMatrix(): string {
  const lines = [
    '# Behörighetsmatris (generated)',
    '',
    'Generated by `npm run docs:authz-matrix` from `libs/authz/src/core/role-rules.ts`; CI fails when it is out of date.',
    "Every rule is also limited to the actor's own tenant.",
    '',
    'Scopes: **T** whole tenant; **S** the units of the role assignment and (with includeSubtree) their subtrees;',
    '**M** own records (the person themself, own sessions, own assignments); **O** objects the person owns or',
    'that are linked to what they own (D-06); `[fields]` limits a rule to those fields. "not M" marks a rule that',
    'forbids the action on own records (D-50). Every account holds EMPLOYEE, so each row includes the EMPLOYEE rights.',
    '',
  ];
  for (const subject of SUBJECT_NAMES) {
    const actions = ACTIONS.filter((a) => a !== 'manage' && ROLES.some((r) => cell(r, subject, a) !== '–'));
    if (actions.length === 0) continue;
    lines.push(`## ${subject}`, '');
    const note = SUBJECT_NOTES[subject];
    if (note) lines.push(note, '');
    lines.push(`| Roll | ${actions.join(' | ')} |`, `|---|${actions.map(() => '---').join('|')}|`);
    for (const role of ROLES) {
      lines.push(
        `| ${ROLE_LABELS[role].sv} (\`${role}\`) | ${actions.map((a) => cell(role, subject, a)).join(' | ')} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
