import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { AppHarness, signedInAs } from '../test-support';
import { type NavId, startPage, visibleNavItems } from './navigation';

const ALL: NavId[] = [
  'dashboard',
  'reportIncident',
  'myReports',
  'incidents',
  'incidentStatistics',
  'audits',
  'organisation',
  'people',
  'informationSets',
  'assets',
  'classificationSessions',
  'classificationWork',
  'clockRules',
  'notifications',
];
/** Every account reads at least the names of its own unit's sets and assets (§3.3 "R S (name)"). */
const REGISTERS: NavId[] = ['informationSets', 'assets'];

/** Demo roles → menu and start page (docs/web.md), from packed rules as GET /api/me/permissions sends them. */
const EXPECTED: Record<string, { nav: NavId[]; start: string }> = {
  'cecilia.lund': { nav: ALL, start: '/oversikt' },
  'nora.falk': { nav: ALL, start: '/oversikt' },
  'emma.rahimi': {
    nav: ['reportIncident', 'myReports', 'organisation', ...REGISTERS, 'notifications'],
    start: '/rapportera-incident',
  },
  'tove.granath': { nav: ALL, start: '/granskningar' },
  'viktor.berglof': {
    nav: ['reportIncident', 'myReports', 'organisation', 'people', ...REGISTERS, 'notifications'],
    start: '/organisation',
  },
  'gunnar.alm': {
    nav: [
      'dashboard',
      'reportIncident',
      'myReports',
      'incidentStatistics',
      'audits',
      'organisation',
      ...REGISTERS,
      'classificationWork',
      'notifications',
    ],
    start: '/oversikt',
  },
  'karin.vestberg': { nav: ALL, start: '/oversikt' },
  'petter.akesson': { nav: ALL, start: '/oversikt' },
  'helena.strand': { nav: ALL, start: '/oversikt' },
};

const LABELS: Record<NavId, string> = {
  dashboard: 'Översikt',
  reportIncident: 'Rapportera incident',
  myReports: 'Mina rapporter',
  incidents: 'Incidenter',
  incidentStatistics: 'Incidentstatistik',
  audits: 'Granskningar',
  organisation: 'Organisation',
  people: 'Personer',
  informationSets: 'Informationsmängder',
  assets: 'Tillgångar',
  classificationSessions: 'Klassningstillfällen',
  clockRules: 'Rapporteringsfrister',
  classificationWork: 'Att göra i klassningen',
  notifications: 'Aviseringar',
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('navigation from the CASL rules', () => {
  it.each(Object.entries(EXPECTED))('%s sees %j', (username, expected) => {
    const { me, ability } = signedInAs(username);
    const ctx = { ability, roles: me.roles };
    expect(visibleNavItems(ctx).map((i) => i.id)).toEqual(expected.nav);
    expect(startPage(ctx)).toBe(expected.start);
  });

  it("the handlers' incident list follows a `read Incident` rule beyond the own reports", () => {
    const reads = (username: string) => {
      const { me, ability } = signedInAs(username);
      return visibleNavItems({ ability, roles: me.roles }).some((i) => i.id === 'incidents');
    };
    expect(['emma.rahimi', 'viktor.berglof', 'gunnar.alm'].map(reads)).toEqual([false, false, false]);
    expect(['nora.falk', 'karin.vestberg', 'tove.granath', 'helena.strand'].map(reads)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    // Every account reads its own reports: that rule alone does not open the list.
    expect(signedInAs('emma.rahimi').ability.can('read', 'Incident')).toBe(true);
  });

  it('klassningstillfällen follow a `read ClassificationSession` rule beyond the own sessions', () => {
    const reads = (username: string) => {
      const { me, ability } = signedInAs(username);
      return visibleNavItems({ ability, roles: me.roles }).some((i) => i.id === 'classificationSessions');
    };
    expect(['emma.rahimi', 'viktor.berglof', 'gunnar.alm'].map(reads)).toEqual([false, false, false]);
    expect(['nora.falk', 'cecilia.lund', 'tove.granath', 'helena.strand'].map(reads)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    // Every account reads the sessions it leads or attends: that rule alone does not open the list.
    expect(signedInAs('emma.rahimi').ability.can('read', 'ClassificationSession')).toBe(true);
  });

  it('people follow `read Person`, not a role name', () => {
    const emma = signedInAs('emma.rahimi');
    const viktor = signedInAs('viktor.berglof');
    expect(emma.ability.can('read', 'Person')).toBe(false);
    expect(viktor.ability.can('read', 'Person')).toBe(true);
  });
});

describe('the rendered layout', () => {
  it.each(Object.entries(EXPECTED))(
    '%s: the menu shows exactly the allowed items',
    async (username, expected) => {
      vi.stubGlobal(
        'fetch',
        vi.fn(() => Promise.reject(new Error('no network in component tests'))),
      );
      render(
        <AppHarness username={username} path="/rapportera-incident">
          <App />
        </AppHarness>,
      );
      const nav = screen.getByRole('navigation', { name: 'Huvudmeny' });
      const links = within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent);
      expect(links).toEqual(expected.nav.map((id) => LABELS[id]));
      // The page is its own chunk (React.lazy): the layout first, then the page's heading.
      expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Rapportera incident');
    },
  );

  it('an unauthorised deep link says "Saknar behörighet" and fetches nothing of the page', () => {
    const fetch = vi.fn((_url: string) => Promise.reject(new Error('must not be called')));
    vi.stubGlobal('fetch', fetch);
    render(
      <AppHarness username="emma.rahimi" path="/personer">
        <App />
      </AppHarness>,
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Saknar behörighet');
    expect(screen.queryByRole('table')).toBeNull();
    // Only the header's unread count (every page asks for it), nothing of the page.
    expect(fetch.mock.calls.map(([url]) => url)).toEqual(['/api/notifications?unread=true&limit=1']);
  });

  it('the start route sends each person to their start page', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new Error('no network'))),
    );
    render(
      <AppHarness username="tove.granath" path="/">
        <App />
      </AppHarness>,
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Granskningar');
  });

  it('speaks English when asked', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new Error('no network'))),
    );
    render(
      <AppHarness username="emma.rahimi" path="/rapportera-incident" locale="en">
        <App />
      </AppHarness>,
    );
    const nav = screen.getByRole('navigation', { name: 'Main menu' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'Report an incident',
      'My reports',
      'Organisation',
      'Information sets',
      'Assets',
      'Notifications',
    ]);
  });
});
