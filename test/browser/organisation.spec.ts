import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserApp,
  expectNoAxeViolations,
  mainHeading,
  signIn,
  startBrowserApp,
} from './support/browser';

/**
 * The organisation pages in a real browser: the tree (keyboard, search), a unit's page, and the
 * administrator's changes, each through its confirmation, against the real API and database.
 */
const focusedCode = (page: Page) => page.locator(':focus').getAttribute('data-code');
const notice = (page: Page) => page.locator('.notice').textContent();
const parentOf = async (app: BrowserApp, code: string) => {
  const rows = await app.t.dataSource.query<{ parent: string | null; status: string }[]>(
    `SELECT p.code AS parent, u.status FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id WHERE u.code = $1`,
    [code],
  );
  return rows[0];
};

describe('organisation pages in the browser', () => {
  let app: BrowserApp;
  let page: Page;
  beforeAll(async () => {
    app = await startBrowserApp();
    page = await app.newPage();
    await signIn(page, 'viktor.berglof');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the tree: keyboard operable as a WAI-ARIA tree, accessible', async () => {
    await page.goto('/organisation');
    const tree = page.getByRole('tree', { name: 'Organisationsträd' });
    await tree.waitFor();
    await expectNoAxeViolations(page, 'org tree');
    const root = tree.getByRole('treeitem', { name: /^Exempelby kommun/ });
    expect(await root.getAttribute('tabindex')).toBe('0');
    expect(await root.getAttribute('aria-expanded')).toBe('true');
    // One tab stop: every other item is out of the tab order.
    expect(await tree.locator('[role=treeitem][tabindex="0"]').count()).toBe(1);
    await root.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedCode(page)).toBe('BUN');
    await page.keyboard.press('ArrowRight'); // BUN is open: to its first child
    await expect.poll(() => focusedCode(page)).toBe('FSF');
    const fsf = tree.getByRole('treeitem', { name: /^Förskoleförvaltningen/ });
    expect(await fsf.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('ArrowRight'); // FSF is closed: open it
    await expect.poll(() => fsf.getAttribute('aria-expanded')).toBe('true');
    await tree.getByRole('treeitem', { name: /^Förskoleområde Norr/ }).waitFor();
    await page.keyboard.press('ArrowLeft'); // close again
    await expect.poll(() => fsf.getAttribute('aria-expanded')).toBe('false');
    expect(await tree.getByRole('treeitem', { name: /^Förskoleområde Norr/ }).count()).toBe(0);
    await page.keyboard.press('ArrowLeft'); // to the parent
    await expect.poll(() => focusedCode(page)).toBe('BUN');
    await page.keyboard.press('End');
    await expect.poll(() => focusedCode(page)).toBe('VOF');
    await page.keyboard.press('Home');
    await expect.poll(() => focusedCode(page)).toBe('ROOT');
    await page.keyboard.press('s'); // type-ahead: the next unit starting with S
    await expect.poll(() => focusedCode(page)).toBe('SBN');
    await page.keyboard.press('Enter'); // items are links: Enter opens the unit
    await expect.poll(() => mainHeading(page).textContent()).toBe('Samhällsbyggnadsnämnden');
    // The new page's heading has the focus.
    await expect.poll(() => page.locator('h1:focus').count()).toBe(1);
  });

  it('the tree: search shows matches with their ancestors; collapse and expand all', async () => {
    await page.goto('/organisation');
    const tree = page.getByRole('tree', { name: 'Organisationsträd' });
    await tree.waitFor();
    await page.getByLabel('Sök enhet').fill('mottagning');
    await page.getByText('1 träffar').waitFor();
    await expect
      .poll(() =>
        tree.getByRole('treeitem').evaluateAll((els) => els.map((e) => e.getAttribute('data-code'))),
      )
      .toEqual(['ROOT', 'SOCN', 'IFF', 'IFF-MOT']);
    await expectNoAxeViolations(page, 'org tree with a search');
    await page.getByLabel('Sök enhet').fill('finns-inte-alls');
    await page.getByText('Inga enheter matchar sökningen.').waitFor();
    await page.getByLabel('Sök enhet').fill('');
    await page.getByRole('button', { name: 'Fäll ihop alla' }).click();
    await expect.poll(() => tree.getByRole('treeitem').count()).toBe(1);
    await page.getByRole('button', { name: 'Fäll ut alla' }).click();
    await expect.poll(() => tree.getByRole('treeitem').count()).toBe(56);
  });

  it('creates a unit: form, confirmation, the new unit page', async () => {
    const iff = await app.t.unitId('IFF');
    await page.goto(`/organisation/${iff}`);
    await expect.poll(() => mainHeading(page).textContent()).toBe('Individ- och familjeomsorgsförvaltningen');
    await page.getByRole('button', { name: 'Ny underenhet' }).click();
    const dialog = page.getByRole('dialog', {
      name: 'Ny underenhet till Individ- och familjeomsorgsförvaltningen',
    });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'create-unit dialog');
    // Nothing is sent before the form is complete.
    await dialog.getByRole('button', { name: 'Granska ändringen' }).click();
    await dialog.getByText('Ange ett namn.').waitFor();
    await dialog.getByLabel('Kod').fill('iff-fam2');
    await dialog.getByLabel('Namn', { exact: true }).fill('Familjerättsenheten');
    await dialog.getByLabel('Typ').selectOption({ label: 'Enhet' });
    await dialog.getByRole('button', { name: 'Granska ändringen' }).click();
    await dialog
      .getByText(
        'En ny enhet skapas under Individ- och familjeomsorgsförvaltningen: Familjerättsenheten (IFF-FAM2), typ Enhet.',
      )
      .waitFor();
    expect(await parentOf(app, 'IFF-FAM2')).toBeUndefined();
    await expectNoAxeViolations(page, 'create-unit confirmation');
    await dialog.getByRole('button', { name: 'Skapa enheten' }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe('Familjerättsenheten');
    await expect.poll(() => notice(page)).toBe('Enheten Familjerättsenheten har skapats.');
    expect(await parentOf(app, 'IFF-FAM2')).toEqual({ parent: 'IFF', status: 'ACTIVE' });
    await expectNoAxeViolations(page, 'new unit page');

    // A sub-unit of its own, so that the move below carries something along.
    await page.getByRole('button', { name: 'Ny underenhet' }).click();
    const child = page.getByRole('dialog');
    await child.getByLabel('Kod').fill('IFF-FAM2-A');
    await child.getByLabel('Namn', { exact: true }).fill('Familjerättsgrupp A');
    await child.getByLabel('Typ').selectOption({ label: 'Enhet' });
    await child.getByRole('button', { name: 'Granska ändringen' }).click();
    await child.getByRole('button', { name: 'Skapa enheten' }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe('Familjerättsgrupp A');
  });

  it('renames a unit with a confirmation naming old and new', async () => {
    await page.goto(`/organisation/${await app.t.unitId('IFF-FAM2')}`);
    await expect.poll(() => mainHeading(page).textContent()).toBe('Familjerättsenheten');
    await page.getByRole('button', { name: 'Byt namn' }).click();
    const dialog = page.getByRole('dialog', { name: 'Byt namn på Familjerättsenheten' });
    await dialog.getByLabel('Namn', { exact: true }).fill('Familjerätt och adoption');
    await dialog.getByRole('button', { name: 'Granska ändringen' }).click();
    await dialog
      .getByText('Namnet ändras från ”Familjerättsenheten” till ”Familjerätt och adoption”.')
      .waitFor();
    await dialog.getByRole('button', { name: 'Byt namn' }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe('Familjerätt och adoption');
    await expect.poll(() => notice(page)).toBe('Enheten heter nu Familjerätt och adoption.');
    await expect.poll(() => dialog.count()).toBe(0);
    // Focus goes back to the button that opened the dialog.
    await expect.poll(() => page.locator(':focus').textContent()).toBe('Byt namn');
  });

  it('a stale version is refused with a clear message (someone else changed the unit)', async () => {
    const id = await app.t.unitId('IFF-FAM2');
    await page.goto(`/organisation/${id}`);
    await expect.poll(() => mainHeading(page).textContent()).toBe('Familjerätt och adoption');
    await page.getByRole('button', { name: 'Byt namn' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Kortnamn').fill('Familjerätt');
    await dialog.getByRole('button', { name: 'Granska ändringen' }).click();
    // Meanwhile, another administrator changes the unit through the API.
    const other = await app.t.login('viktor.berglof');
    const [{ version }] = await app.t.dataSource.query<{ version: number }[]>(
      'SELECT version FROM org_unit WHERE id = $1',
      [id],
    );
    const res = await app.t.http
      .patch(`/api/org-units/${id}`)
      .set('authorization', other.authorization)
      .send({ version, shortName: 'Familjerätten' });
    expect(res.status).toBe(200);
    await dialog.getByRole('button', { name: 'Byt namn' }).click();
    await dialog
      .getByRole('alert')
      .getByText('Posten har ändrats av någon annan under tiden. Stäng, läs om sidan och försök igen.')
      .waitFor();
    await dialog.getByRole('alert').getByText('Ange felkoden om du kontaktar supporten:').waitFor();
    await dialog.getByRole('button', { name: 'Stäng' }).click();
    await expect.poll(() => page.locator('.facts').textContent()).toContain('Familjerätten');
  });

  it('moves a unit: the confirmation names everything that moves', async () => {
    const alf = await app.t.unitId('ALF');
    await page.goto(`/organisation/${await app.t.unitId('IFF-FAM2')}`);
    await expect.poll(() => mainHeading(page).textContent()).toBe('Familjerätt och adoption');
    await page.getByRole('button', { name: 'Flytta' }).click();
    const dialog = page.getByRole('dialog', { name: 'Flytta Familjerätt och adoption' });
    await dialog.getByText('Nuvarande överordnad enhet: Individ- och familjeomsorgsförvaltningen').waitFor();
    // The unit itself and what lies below it are no choice.
    const options = await dialog.getByLabel('Ny överordnad enhet').locator('option').allTextContents();
    expect(options.some((o) => o.includes('IFF-FAM2'))).toBe(false);
    expect(options.some((o) => o.includes('(ALF)'))).toBe(true);
    await dialog.getByLabel('Ny överordnad enhet').selectOption(alf);
    await dialog.getByRole('button', { name: 'Granska ändringen' }).click();
    await dialog
      .getByText(
        'Familjerätt och adoption flyttas från Individ- och familjeomsorgsförvaltningen till Arbetslivsförvaltningen, tillsammans med sina 1 underenheter:',
      )
      .waitFor();
    await dialog.getByRole('listitem').getByText('Familjerättsgrupp A (IFF-FAM2-A)').waitFor();
    await expectNoAxeViolations(page, 'move confirmation');
    await dialog.getByRole('button', { name: 'Flytta enheten' }).click();
    await expect
      .poll(() => notice(page))
      .toBe('Familjerätt och adoption har flyttats till Arbetslivsförvaltningen.');
    await expect
      .poll(() => page.getByRole('navigation', { name: 'Plats i organisationen' }).textContent())
      .toContain('Arbetslivsförvaltningen');
    expect(await parentOf(app, 'IFF-FAM2')).toEqual({ parent: 'ALF', status: 'ACTIVE' });
    expect(await parentOf(app, 'IFF-FAM2-A')).toEqual({ parent: 'IFF-FAM2', status: 'ACTIVE' });
  });

  it('refuses to dissolve a unit with active sub-units, and says why in Swedish', async () => {
    await page.goto(`/organisation/${await app.t.unitId('IFF-FAM2')}`);
    await expect.poll(() => mainHeading(page).textContent()).toBe('Familjerätt och adoption');
    await page.getByRole('button', { name: 'Avveckla' }).click();
    const dialog = page.getByRole('dialog', { name: 'Avveckla Familjerätt och adoption' });
    await dialog.getByText('Enheten har 1 aktiva underenheter.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Granska ändringen' }).click();
    await dialog
      .getByText('Familjerätt och adoption avvecklas i dag och visas därefter som avvecklad.')
      .waitFor();
    await dialog
      .getByText('Inga underenheter, personer eller rolltilldelningar ändras.', { exact: false })
      .waitFor();
    await dialog.getByRole('button', { name: 'Avveckla enheten' }).click();
    await dialog
      .getByRole('alert')
      .getByText(
        'Enheten kan inte avvecklas: den har 1 aktiva underenheter. Flytta eller avveckla dem först.',
      )
      .waitFor();
    await expectNoAxeViolations(page, 'dissolve refused');
    expect(await parentOf(app, 'IFF-FAM2')).toEqual({ parent: 'ALF', status: 'ACTIVE' });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('assigns a role on a unit, refuses to dissolve it while the role holds, and ends the role', async () => {
    await page.goto(`/organisation/${await app.t.unitId('IFF-FAM2-A')}`);
    await expect.poll(() => mainHeading(page).textContent()).toBe('Familjerättsgrupp A');
    await page.getByText('Det finns inga rolltilldelningar på enheten som du kan se.').waitFor();
    await page.getByRole('button', { name: 'Tilldela roll' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tilldela roll på Familjerättsgrupp A' });
    await dialog.getByLabel('Sök person').fill('emma');
    await expect.poll(() => dialog.getByLabel('Person', { exact: true }).locator('option').count()).toBe(2);
    await dialog.getByLabel('Person', { exact: true }).selectOption({ label: 'Emma Rahimi (emma.rahimi)' });
    await dialog.getByLabel('Roll', { exact: true }).selectOption({ label: 'Chef' });
    await expectNoAxeViolations(page, 'assign-role dialog');
    await dialog.getByRole('button', { name: 'Granska ändringen' }).click();
    await dialog
      .getByText(
        'Emma Rahimi får rollen Chef för Familjerättsgrupp A med underenheter, från 2026-11-16 tills vidare.',
      )
      .waitFor();
    await dialog.getByRole('button', { name: 'Tilldela rollen' }).click();
    await expect.poll(() => notice(page)).toBe('Emma Rahimi har fått rollen Chef.');
    const row = page.locator('table[data-table=assignments] tbody tr');
    await expect.poll(() => row.allTextContents()).toEqual([expect.stringContaining('Emma Rahimi')]);
    await expect.poll(() => row.textContent()).toContain('Gällande');
    await expectNoAxeViolations(page, 'unit page with an assignment');

    // The unit cannot be dissolved while the assignment holds.
    await page.getByRole('button', { name: 'Avveckla' }).click();
    const dissolve = page.getByRole('dialog');
    await dissolve.getByRole('button', { name: 'Granska ändringen' }).click();
    await dissolve.getByRole('button', { name: 'Avveckla enheten' }).click();
    await dissolve
      .getByRole('alert')
      .getByText('Enheten kan inte avvecklas: den har 1 gällande rolltilldelningar. Avsluta dem först.')
      .waitFor();
    await dissolve.getByRole('button', { name: 'Stäng' }).click();

    // End it today (the last day it holds).
    await page.getByRole('button', { name: 'Avsluta Emma Rahimis roll som Chef' }).click();
    const end = page.getByRole('dialog', { name: 'Avsluta Emma Rahimis roll som Chef' });
    expect(await end.getByLabel('Sista giltighetsdag').inputValue()).toBe('2026-11-16');
    await end.getByRole('button', { name: 'Granska ändringen' }).click();
    await end
      .getByText('Emma Rahimis roll som Chef för Familjerättsgrupp A upphör efter 2026-11-16.')
      .waitFor();
    await end.getByRole('button', { name: 'Avsluta rollen' }).click();
    await expect.poll(() => notice(page)).toBe('Emma Rahimis roll som Chef har avslutats.');
    await expect.poll(() => row.textContent()).toContain('2026-11-16 – 2026-11-16');
    const [assignment] = await app.t.dataSource.query<{ valid_to: string }[]>(
      `SELECT to_char(ra.valid_to, 'YYYY-MM-DD') AS valid_to FROM role_assignment ra JOIN org_unit u ON u.id = ANY(ra.org_unit_ids) WHERE u.code = 'IFF-FAM2-A'`,
    );
    expect(assignment.valid_to).toBe('2026-11-16');
  });

  it('dissolves units once nothing holds them, the sub-unit first', async () => {
    // The sub-unit: its role ended today, so it is dissolved from tomorrow.
    await page.goto(`/organisation/${await app.t.unitId('IFF-FAM2-A')}`);
    await expect.poll(() => mainHeading(page).textContent()).toBe('Familjerättsgrupp A');
    await page.getByRole('button', { name: 'Avveckla' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('Sista giltighetsdag').fill('2026-11-17');
    await dialog.getByLabel('Skäl (valfritt)').fill('Verksamheten flyttad till Familjerätt och adoption');
    await dialog.getByRole('button', { name: 'Granska ändringen' }).click();
    await dialog.getByText('Familjerättsgrupp A avvecklas med sista giltighetsdag 2026-11-17.').waitFor();
    await dialog.getByRole('button', { name: 'Avveckla enheten' }).click();
    await expect.poll(() => notice(page)).toBe('Familjerättsgrupp A har avvecklats.');
    await page.getByText('Enheten är avvecklad sedan 2026-11-17.').waitFor();
    expect(await page.getByRole('button', { name: 'Byt namn' }).count()).toBe(0);
    expect(await parentOf(app, 'IFF-FAM2-A')).toEqual({ parent: 'IFF-FAM2', status: 'DISSOLVED' });

    await page.getByRole('link', { name: 'Familjerätt och adoption' }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe('Familjerätt och adoption');
    await page.getByRole('button', { name: 'Avveckla' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Granska ändringen' }).click();
    await dialog.getByRole('button', { name: 'Avveckla enheten' }).click();
    await expect.poll(() => notice(page)).toBe('Familjerätt och adoption har avvecklats.');
    expect(await parentOf(app, 'IFF-FAM2')).toEqual({ parent: 'ALF', status: 'DISSOLVED' });

    // The tree leaves dissolved units out unless asked.
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Organisation' })
      .click();
    const tree = page.getByRole('tree');
    await page.getByRole('button', { name: 'Fäll ut alla' }).click();
    await expect.poll(() => tree.getByRole('treeitem').count()).toBe(56);
    await page.getByLabel('Visa avvecklade enheter').check();
    await page.getByRole('button', { name: 'Fäll ut alla' }).click();
    await expect.poll(() => tree.getByRole('treeitem').count()).toBe(58);
    await tree
      .getByRole('treeitem', { name: /Familjerätt och adoption IFF-FAM2 · Enhet · Avvecklad/ })
      .waitFor();
  });

  it('the people page: search, home units, accessible', async () => {
    await page.getByRole('link', { name: 'Personer' }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe('Personer');
    await page.getByText('Visar 1–29 av 29 personer').waitFor();
    await expectNoAxeViolations(page, 'people page');
    await page.getByLabel('Sök person').fill('lund');
    await page.getByText('Visar 1–1 av 1 personer').waitFor();
    const row = page.locator('table[data-table=people] tbody tr');
    await expect.poll(() => row.textContent()).toContain('Cecilia Lund');
    await row.getByRole('link', { name: 'Säkerhetsenheten' }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe('Säkerhetsenheten');
    await page.locator('table[data-table=people]').getByRole('cell', { name: 'Cecilia Lund' }).waitFor();
    await expectNoAxeViolations(page, 'unit page with people');
  });
});

describe('what a verksamhetsansvarig may change', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('appoints within the own scope only the roles the rules allow, and no unit changes', async () => {
    const page = await app.newPage();
    await signIn(page, 'helena.strand');
    await page.goto(`/organisation/${await app.t.unitId('IFF-MOT')}`);
    await expect.poll(() => mainHeading(page).textContent()).toBe('Mottagningsenheten barn och unga');
    expect(await page.getByRole('button', { name: 'Byt namn' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ny underenhet' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Tilldela roll' }).click();
    const dialog = page.getByRole('dialog');
    const roles = await dialog.getByLabel('Roll', { exact: true }).locator('option').allTextContents();
    expect(roles).toEqual(['Välj roll', 'Informationssäkerhetssamordnare', 'Chef', 'Medarbetare', 'Läsare']);
    await dialog.getByRole('button', { name: 'Avbryt' }).click();

    // Outside her förvaltning: nothing to change.
    await page.goto(`/organisation/${await app.t.unitId('GSF')}`);
    await expect.poll(() => mainHeading(page).textContent()).toBe('Grundskoleförvaltningen');
    await page.getByRole('heading', { name: 'Rolltilldelningar på enheten' }).waitFor();
    expect(await page.getByRole('button', { name: 'Tilldela roll' }).count()).toBe(0);
  });
});
