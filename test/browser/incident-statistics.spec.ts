import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserApp,
  expectNoAxeViolations,
  mainHeading,
  navLinks,
  screenshot,
  signIn,
  startBrowserApp,
} from './support/browser';

/**
 * Incidentstatistik in a real browser against the real API and the demo data (§6.11), on a phone
 * (390×844): the CISO reads the tenant's figures (K10, K12, K13) and narrows them to a unit and a
 * year; a förtroendevald (gunnar.alm, SOCN) gets aggregated figures only, every small count shown
 * as "< 5" with the reason, and no incident rows.
 */
const PHONE = { width: 390, height: 844 };
const pageWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');
const cell = (page: Page, table: string, key: string, tertial: string) =>
  page.locator(`[data-table="statistics-${table}"] tr[data-key="${key}"] td[data-tertial="${tertial}"]`);
const fact = (page: Page, field: string) => page.locator(`[data-facts="statistics"] [data-field="${field}"]`);

describe('Incidentstatistik in the browser', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('cecilia.lund (CISO) reads the tenant’s figures of §6.11 on her phone', async () => {
    const page = await app.newPage(PHONE);
    await signIn(page, 'cecilia.lund');
    await page.getByRole('button', { name: 'Meny' }).click();
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Incidentstatistik' })
      .click();
    await expect.poll(() => mainHeading(page).textContent()).toBe('Incidentstatistik');
    await expect.poll(() => page.title()).toBe('Incidentstatistik – Värna');
    // K10 of 2026: 14 incidents (INC-14 rejected), 6 personal data breaches, one untriaged (INC-15).
    await expect.poll(() => fact(page, 'total').textContent()).toBe('14');
    expect(await cell(page, 'type', 'PERSONAL_DATA_BREACH', 'year').textContent()).toBe('6');
    expect(await cell(page, 'type', 'PERSONAL_DATA_BREACH', 'T1').textContent()).toBe('2');
    expect(await cell(page, 'type', 'IT_INCIDENT', 'T3').textContent()).toBe('3');
    expect(await cell(page, 'type', 'UNTRIAGED', 'T3').textContent()).toBe('1');
    expect(await cell(page, 'severity', 'UNTRIAGED', 'year').textContent()).toBe('1');
    // K12 5/6, K13 median 52.4 h of three notifications, K15 8/8.
    expect(await fact(page, 'obligationsMetOnTime').textContent()).toBe('83,3 % (5 av 6)');
    expect(await fact(page, 'imyNotification').textContent()).toBe('52,4 h (median av 3)');
    expect(await fact(page, 'rootCause').textContent()).toBe('100 % (8 av 8)');
    expect(await fact(page, 'awarenessToTriage').textContent()).toMatch(/^\d+(,\d)? h \(median av \d+\)$/);
    // She reads the rows: nothing is suppressed.
    expect(await page.locator('[data-notice="suppression"]').count()).toBe(0);
    expect(await page.getByText('< 5').count()).toBe(0);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'Incidentstatistik for the CISO');
    await screenshot(page, 'incident-statistics-cecilia.lund-390x844');

    // Narrowed to IFF's subtree: INC-01, 03, 04, 08, 12 and 13 (§6.6).
    await page.getByLabel('Enhet (med underenheter)').selectOption(await app.t.unitId('IFF'));
    await expect.poll(() => fact(page, 'total').textContent()).toBe('6');
    expect(await cell(page, 'type', 'DEVIATION', 'year').textContent()).toBe('2');
    expect(await page.locator('[data-table="statistics-type"] tr[data-key="IT_INCIDENT"]').count()).toBe(0);
    // Another year has none.
    await page.getByLabel('Enhet (med underenheter)').selectOption('');
    await page.getByLabel('År').selectOption('2025');
    await expect.poll(() => fact(page, 'total').textContent()).toBe('0');
    await page.getByText('Inga incidenter under året.').first().waitFor();
    expect(await fact(page, 'obligationsMetOnTime').textContent()).toBe('Inget underlag');
    await expectNoAxeViolations(page, 'Incidentstatistik, a year without incidents');
  });

  it('gunnar.alm (förtroendevald, SOCN) sees figures only: small counts as "< 5", explained', async () => {
    const page = await app.newPage(PHONE);
    await signIn(page, 'gunnar.alm');
    await page.getByRole('button', { name: 'Meny' }).click();
    const nav = await navLinks(page);
    expect(nav).toContain('Incidentstatistik');
    expect(nav).not.toContain('Incidenter');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Incidentstatistik' })
      .click();
    await expect.poll(() => mainHeading(page).textContent()).toBe('Incidentstatistik');
    const notice = page.locator('[data-notice="suppression"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Antal under 5 visas som ”< 5”');
    // SOCN's 2026: the six IFF incidents (shown, ≥ 5), each type and unit fewer than five.
    await expect.poll(() => fact(page, 'total').textContent()).toBe('6');
    expect(await cell(page, 'type', 'PERSONAL_DATA_BREACH', 'year').textContent()).toBe('< 5');
    expect(await cell(page, 'type', 'DEVIATION', 'year').textContent()).toBe('< 5');
    const shown = await page.locator('td[data-tertial]:not([data-suppressed])').allTextContents();
    for (const text of shown) expect(Number(text), text).toBeGreaterThanOrEqual(5);
    expect(await page.locator('td[data-suppressed]').count()).toBeGreaterThan(0);
    expect(await fact(page, 'obligationsMetOnTime').textContent()).toBe(
      'Visas inte (underlaget är färre än 5)',
    );
    // No incident rows: no numbers, no links to incidents.
    expect(await page.getByRole('main').textContent()).not.toMatch(/INC-\d{4}/);
    expect(await page.locator('a[href^="/incidenter/"]').count()).toBe(0);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'Incidentstatistik for a förtroendevald');
    await screenshot(page, 'incident-statistics-gunnar.alm-390x844');
  });

  it('a medarbetare has no Incidentstatistik: the deep link says "Saknar behörighet"', async () => {
    const page = await app.newPage(PHONE);
    await signIn(page, 'emma.rahimi');
    await page.goto('/incidentstatistik');
    await expect.poll(() => mainHeading(page).textContent()).toBe('Saknar behörighet');
  });
});
