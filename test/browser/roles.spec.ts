import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserApp,
  expectNoAxeViolations,
  mainHeading,
  navLinks,
  signIn,
  startBrowserApp,
} from './support/browser';

/**
 * Every demo role in a real browser against the real API: where they land, what the menu offers, and
 * that a deep link outside their rights shows "Saknar behörighet" without fetching the page's data.
 */
/** Every account reads at least the names of its own unit's sets and assets (§3.3 "R S (name)"). */
const REGISTERS = ['Informationsmängder', 'Tillgångar'];
const ALL = [
  'Översikt',
  'Rapportera incident',
  'Mina rapporter',
  'Incidenter',
  'Incidentstatistik',
  'Granskningar',
  'Organisation',
  'Personer',
  ...REGISTERS,
  'Klassningstillfällen',
  'Att göra i klassningen',
  'Rapporteringsfrister',
  'Aviseringar',
];
const ROLES: { username: string; role: string; start: string; heading: string; nav: string[] }[] = [
  { username: 'cecilia.lund', role: 'CISO', start: '/oversikt', heading: 'Översikt', nav: ALL },
  { username: 'nora.falk', role: 'samordnare', start: '/oversikt', heading: 'Översikt', nav: ALL },
  {
    username: 'emma.rahimi',
    role: 'medarbetare',
    start: '/rapportera-incident',
    heading: 'Rapportera incident',
    nav: ['Rapportera incident', 'Mina rapporter', 'Organisation', ...REGISTERS, 'Aviseringar'],
  },
  { username: 'tove.granath', role: 'revisor', start: '/granskningar', heading: 'Granskningar', nav: ALL },
  {
    username: 'viktor.berglof',
    role: 'systemadministratör',
    start: '/organisation',
    heading: 'Organisation',
    nav: ['Rapportera incident', 'Mina rapporter', 'Organisation', 'Personer', ...REGISTERS, 'Aviseringar'],
  },
  {
    username: 'gunnar.alm',
    role: 'förtroendevald',
    start: '/oversikt',
    heading: 'Översikt',
    nav: [
      'Översikt',
      'Rapportera incident',
      'Mina rapporter',
      'Incidentstatistik',
      'Granskningar',
      'Organisation',
      ...REGISTERS,
      'Att göra i klassningen',
      'Aviseringar',
    ],
  },
  { username: 'karin.vestberg', role: 'dataskyddsombud', start: '/oversikt', heading: 'Översikt', nav: ALL },
  { username: 'petter.akesson', role: 'chef', start: '/oversikt', heading: 'Översikt', nav: ALL },
  {
    username: 'helena.strand',
    role: 'verksamhetsansvarig',
    start: '/oversikt',
    heading: 'Översikt',
    nav: ALL,
  },
];

describe('demo roles in the browser', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it.each(ROLES)(
    '$username ($role) lands on $start with the menu of the role',
    async ({ username, start, heading, nav }) => {
      const page = await app.newPage();
      await signIn(page, username);
      await page.waitForURL((url) => url.pathname === start);
      await expect.poll(() => mainHeading(page).textContent()).toBe(heading);
      await expect.poll(() => navLinks(page)).toEqual(nav);
      await expect.poll(() => page.title()).toBe(`${heading} – Värna`);
      await expectNoAxeViolations(page, `start page of ${username}`);
    },
  );

  it('the placeholder and incident pages pass axe', async () => {
    const page = await app.newPage();
    await signIn(page, 'cecilia.lund');
    for (const [path, heading] of [
      ['/oversikt', 'Översikt'],
      ['/rapportera-incident', 'Rapportera incident'],
      ['/mina-rapporter', 'Mina rapporter'],
      ['/incidenter', 'Incidenter'],
      ['/granskningar', 'Granskningar'],
      ['/finns-inte', 'Sidan finns inte'],
    ]) {
      await page.goto(path);
      await expect.poll(() => mainHeading(page).textContent()).toBe(heading);
      await expectNoAxeViolations(page, path);
    }
  });

  it.each([
    { username: 'emma.rahimi', path: '/personer' },
    { username: 'gunnar.alm', path: '/personer' },
    { username: 'emma.rahimi', path: '/granskningar' },
    { username: 'viktor.berglof', path: '/oversikt' },
  ])('$username deep-linking to $path sees "Saknar behörighet" and no data', async ({ username, path }) => {
    const page = await app.newPage();
    await signIn(page, username);
    // The start page's own requests are done before we listen (viktor's start page loads the tree).
    await page.waitForLoadState('networkidle');
    const apiCalls: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/')) apiCalls.push(new URL(r.url()).pathname);
    });
    await page.goto(path);
    await expect.poll(() => mainHeading(page).textContent()).toBe('Saknar behörighet');
    await expect
      .poll(() => page.getByRole('main').textContent())
      .toMatch(/saknar behörighet att se den här sidan/i);
    expect(await page.getByRole('table').count()).toBe(0);
    // A full page load asks who is signed in and the header's unread count, and nothing else: no
    // data of the page.
    expect([...new Set(apiCalls)].sort()).toEqual(['/api/me', '/api/me/permissions', '/api/notifications']);
    // The menu does not offer it either.
    expect(await navLinks(page)).not.toContain(path === '/personer' ? 'Personer' : 'Granskningar');
    await expectNoAxeViolations(page, `forbidden ${path}`);
  });

  it('a medarbetare sees the org tree and a unit, without people or admin actions', async () => {
    const page = await app.newPage();
    await signIn(page, 'emma.rahimi');
    const ifUtr = await app.t.unitId('IFF-UTR');
    const apiCalls: string[] = [];
    page.on('request', (r) => apiCalls.push(new URL(r.url()).pathname));
    await page.goto(`/organisation/${ifUtr}`);
    await expect.poll(() => mainHeading(page).textContent()).toBe('Utredningsenheten barn och unga');
    await page.getByRole('heading', { name: 'Rolltilldelningar på enheten' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Personer med enheten som hemenhet' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Byt namn' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Tilldela roll' }).count()).toBe(0);
    expect(apiCalls.filter((p) => p.startsWith('/api/users'))).toEqual([]);
    await expectNoAxeViolations(page, 'unit page as medarbetare');
  });
});
