import { packRules } from '@casl/ability/extra';
import { QueryClientProvider } from '@tanstack/react-query';
import { configure } from '@testing-library/react';
import { defineAbilityFor, type Grant, type Role } from '@varna/authz/core';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { createQueryClient } from './api/queries';
import type { Me } from './api/types';
import { abilityFromPacked } from './auth/ability';
import { SESSION_KEY, SessionProvider, type SignedIn } from './auth/session';
import { I18nProvider } from './i18n/i18n';
import type { Locale } from './i18n/messages';
import { NoticeProvider } from './layout/notice';

/** Test helpers for the web app's component tests (not shipped: nothing in src imports this). */

// The pages are lazy chunks (App.tsx): the first render of a page imports its module graph, which
// on a loaded machine (the full suite, browser tests beside) takes longer than findBy's default 1 s.
configure({ asyncUtilTimeout: 5000 });

export const TENANT = 'tenant-exempelby';
export const UNITS = {
  ROOT: 'u-root',
  KS: 'u-ks',
  SOCN: 'u-socn',
  IFF: 'u-iff',
  IFF_UTR: 'u-iff-utr',
  ALF: 'u-alf',
};

export interface DemoPerson {
  username: string;
  displayName: string;
  homeOrgUnitId: string;
  grants: Grant[];
}

const g = (role: Role, orgUnitIds: string[]): Grant => ({ role, orgUnitIds, includeSubtree: true });

/** Demo people of domain.md §6.2 with their grants (scopes on a small stand-in tree). */
export const DEMO: Record<string, DemoPerson> = {
  'cecilia.lund': {
    username: 'cecilia.lund',
    displayName: 'Cecilia Lund',
    homeOrgUnitId: UNITS.KS,
    grants: [g('CISO', [UNITS.ROOT])],
  },
  'nora.falk': {
    username: 'nora.falk',
    displayName: 'Nora Falk',
    homeOrgUnitId: UNITS.IFF,
    grants: [g('COORDINATOR', [UNITS.IFF, UNITS.ALF])],
  },
  'emma.rahimi': {
    username: 'emma.rahimi',
    displayName: 'Emma Rahimi',
    homeOrgUnitId: UNITS.IFF_UTR,
    grants: [g('EMPLOYEE', [UNITS.IFF_UTR])],
  },
  'tove.granath': {
    username: 'tove.granath',
    displayName: 'Tove Granath',
    homeOrgUnitId: UNITS.ROOT,
    grants: [g('AUDITOR', [UNITS.ROOT])],
  },
  'viktor.berglof': {
    username: 'viktor.berglof',
    displayName: 'Viktor Berglöf',
    homeOrgUnitId: UNITS.KS,
    grants: [g('ADMIN', [UNITS.ROOT])],
  },
  'gunnar.alm': {
    username: 'gunnar.alm',
    displayName: 'Gunnar Alm',
    homeOrgUnitId: UNITS.SOCN,
    grants: [g('ELECTED', [UNITS.SOCN])],
  },
  'karin.vestberg': {
    username: 'karin.vestberg',
    displayName: 'Karin Vestberg',
    homeOrgUnitId: UNITS.KS,
    grants: [g('DPO', [UNITS.KS, UNITS.SOCN])],
  },
  'petter.akesson': {
    username: 'petter.akesson',
    displayName: 'Petter Åkesson',
    homeOrgUnitId: UNITS.IFF_UTR,
    grants: [g('MANAGER', [UNITS.IFF_UTR])],
  },
  'helena.strand': {
    username: 'helena.strand',
    displayName: 'Helena Strand',
    homeOrgUnitId: UNITS.IFF,
    grants: [g('HEAD', [UNITS.IFF])],
  },
};

/** What the API would answer for the person: packed rules through the same path as the browser. */
export function signedInAs(username: string): SignedIn {
  const person = DEMO[username];
  const personId = `p-${username}`;
  const server = defineAbilityFor({
    personId,
    tenantId: TENANT,
    homeOrgUnitId: person.homeOrgUnitId,
    grants: person.grants,
  });
  const packed = JSON.parse(JSON.stringify({ rules: packRules(server.rules) })) as Parameters<
    typeof abilityFromPacked
  >[0];
  const roles = [...new Set<Role>(['EMPLOYEE', ...person.grants.map((x) => x.role)])];
  const me: Me = {
    person: {
      id: personId,
      username,
      displayName: person.displayName,
      email: `${username}@exempelby.example`,
      phone: null,
      employeeNumber: null,
      homeOrgUnitId: person.homeOrgUnitId,
      hasOwnComputer: true,
      isElected: false,
      externalOrganisation: null,
      status: 'ACTIVE',
      version: 1,
    },
    tenant: { id: TENANT, code: 'exempelby', name: 'Exempelby kommun' },
    roles,
    roleAssignments: [],
  };
  return { me, ability: abilityFromPacked(packed) };
}

/** The whole app at `path` with the person signed in (the session query answered up front). */
export function AppHarness({
  username,
  path,
  locale = 'sv',
  children,
}: {
  username: string;
  path: string;
  locale?: Locale;
  children: ReactNode;
}) {
  const client = createQueryClient();
  client.setQueryData(SESSION_KEY, signedInAs(username));
  return (
    <I18nProvider locale={locale}>
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[path]}>
          <SessionProvider>
            <NoticeProvider>{children}</NoticeProvider>
          </SessionProvider>
        </MemoryRouter>
      </QueryClientProvider>
    </I18nProvider>
  );
}
