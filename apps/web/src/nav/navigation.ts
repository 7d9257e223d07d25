import type { AppAbility, Role } from '@varna/authz/core';
import type { MessageKey } from '../i18n/messages';
import { readsIncidentsBeyondOwn } from '../incident/incident-model';

/** What a navigation decision may look at: the CASL ability, and the roles for module placeholders. */
export interface NavContext {
  ability: AppAbility;
  roles: readonly Role[];
}

export type NavId =
  | 'dashboard'
  | 'reportIncident'
  | 'myReports'
  | 'incidents'
  | 'incidentStatistics'
  | 'audits'
  | 'organisation'
  | 'people'
  | 'informationSets'
  | 'assets'
  | 'classificationSessions'
  | 'classificationWork'
  | 'clockRules'
  | 'notifications';

export interface NavItem {
  id: NavId;
  path: string;
  label: MessageKey;
  allowed: (ctx: NavContext) => boolean;
}

/** Rules on the person's own link to a session (leader, participant, owner): not a reason for the list. */
const OWN_SESSION_FIELDS = ['ledById', 'participantIds', 'informationOwnerIds', 'assetKeeperIds'];

/** The list of klassningstillfällen: for those who read sessions in a scope, not only their own. */
export function readsSessionsInScope(ability: AppAbility): boolean {
  return ability
    .rulesFor('read', 'ClassificationSession')
    .some(
      (rule) =>
        !rule.inverted && !(rule.conditions && OWN_SESSION_FIELDS.some((f) => f in (rule.conditions ?? {}))),
    );
}

const hasAny = (roles: readonly Role[], audience: readonly Role[]) => roles.some((r) => audience.includes(r));

/**
 * Module placeholders (dashboard, audits) have no CASL subject yet: the foundation's core knows only
 * Tenant, OrgUnit, Person, RoleAssignment, HistoryEntry, Session and Credential. Until the module issue
 * adds its subject, the audience is the matrix column set of domain.md §3.3 (ADR 0009). These lists
 * decide only what the menu shows; the server decides everything else.
 */
export const DASHBOARD_AUDIENCE: readonly Role[] = [
  'CISO',
  'COORDINATOR',
  'DPO',
  'HEAD',
  'MANAGER',
  'AUDITOR',
  'ELECTED',
  'READER',
];
export const AUDITS_AUDIENCE: readonly Role[] = [
  'CISO',
  'COORDINATOR',
  'DPO',
  'HEAD',
  'MANAGER',
  'AUDITOR',
  'ELECTED',
  'READER',
];

export const NAV_ITEMS: readonly NavItem[] = [
  {
    id: 'dashboard',
    path: '/oversikt',
    label: 'nav.dashboard',
    allowed: ({ roles }) => hasAny(roles, DASHBOARD_AUDIENCE),
  },
  {
    // Every account may report an incident (matrix: C T).
    id: 'reportIncident',
    path: '/rapportera-incident',
    label: 'nav.reportIncident',
    allowed: ({ ability }) => ability.can('create', 'Incident'),
  },
  {
    // Everyone reads their own reports (D-08: status and outcome).
    id: 'myReports',
    path: '/mina-rapporter',
    label: 'nav.myReports',
    allowed: ({ ability }) => ability.can('create', 'Incident') && ability.can('read', 'Incident'),
  },
  {
    // The handlers' list: only for those who read incidents beyond their own reports.
    id: 'incidents',
    path: '/incidenter',
    label: 'nav.incidents',
    allowed: ({ ability }) => readsIncidentsBeyondOwn(ability),
  },
  {
    // Aggregated figures (scope G for förtroendevalda; the handlers' scopes): `read IncidentStatistics`.
    id: 'incidentStatistics',
    path: '/incidentstatistik',
    label: 'nav.incidentStatistics',
    allowed: ({ ability }) => ability.can('read', 'IncidentStatistics'),
  },
  {
    id: 'audits',
    path: '/granskningar',
    label: 'nav.audits',
    allowed: ({ roles }) => hasAny(roles, AUDITS_AUDIENCE),
  },
  {
    id: 'organisation',
    path: '/organisation',
    label: 'nav.organisation',
    allowed: ({ ability }) => ability.can('read', 'OrgUnit'),
  },
  {
    id: 'people',
    path: '/personer',
    label: 'nav.people',
    allowed: ({ ability }) => ability.can('read', 'Person'),
  },
  {
    // Every account reads at least the names of its own unit's sets (§3.3 "R S (name)").
    id: 'informationSets',
    path: '/informationsmangder',
    label: 'infoSets.nav',
    allowed: ({ ability }) => ability.can('read', 'InformationSet'),
  },
  {
    id: 'assets',
    path: '/tillgangar',
    label: 'assets.nav',
    allowed: ({ ability }) => ability.can('read', 'Asset'),
  },
  {
    // Klassningstillfällen (§4b): the samordnare's list, and everyone reading sessions in a scope.
    id: 'classificationSessions',
    path: '/klassningstillfallen',
    label: 'nav.classificationSessions',
    allowed: ({ ability }) => ability.can('read', 'ClassificationSession') && readsSessionsInScope(ability),
  },
  {
    // The worklist: for who leads classification (update) or follows it (the KPIs' readers).
    id: 'classificationWork',
    path: '/att-gora-i-klassningen',
    label: 'work.nav',
    allowed: ({ ability }) =>
      ability.can('update', 'Classification') || ability.can('read', 'ClassificationStatistics'),
  },
  {
    // Tenant configuration (ADR 0015): read by everyone through the API; the page is for those who
    // handle or audit incidents (a medarbetare has no use for it), changed by the CISO.
    id: 'clockRules',
    path: '/regler/rapporteringsfrister',
    label: 'nav.clockRules',
    allowed: ({ ability }) => ability.can('read', 'IncidentClockRules') && readsIncidentsBeyondOwn(ability),
  },
  {
    // The in-app inbox (§5.5): every account reads its own notifications.
    id: 'notifications',
    path: '/aviseringar',
    label: 'nav.notifications',
    allowed: ({ ability }) => ability.can('read', 'Notification'),
  },
];

export function navItem(id: NavId): NavItem {
  const item = NAV_ITEMS.find((i) => i.id === id);
  if (!item) throw new Error(`unknown navigation item ${id}`);
  return item;
}

export function visibleNavItems(ctx: NavContext): NavItem[] {
  return NAV_ITEMS.filter((item) => item.allowed(ctx));
}

/**
 * The start page (docs/web.md): the first matching rule wins, so a person with several roles lands
 * where their broadest role works. CISO → Översikt; revisor → Granskningar; the other business roles →
 * Översikt; a systemadministratör → Organisation; everyone else (medarbetare) → Rapportera incident.
 * Only pages the person may open are candidates.
 */
export function startPage(ctx: NavContext): string {
  const { roles } = ctx;
  const order: NavId[] = roles.includes('CISO')
    ? ['dashboard']
    : roles.includes('AUDITOR')
      ? ['audits', 'dashboard']
      : hasAny(roles, DASHBOARD_AUDIENCE)
        ? ['dashboard']
        : roles.includes('ADMIN')
          ? ['organisation']
          : [];
  for (const id of [...order, 'reportIncident' as const]) {
    const item = navItem(id);
    if (item.allowed(ctx)) return item.path;
  }
  return navItem('reportIncident').path;
}
