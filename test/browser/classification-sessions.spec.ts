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
 * Klassningstillfällen in a real browser on a phone (390×844), against the real API and demo
 * database: nora.falk (samordnare IFF and ALF) plans a session for ALF's unclassified IM-16 and
 * IM-17, holds it, and starts IM-16's classification from it; a medarbetare has no menu item.
 */
const PHONE = { width: 390, height: 844 };
const pageWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');

async function sessionsOf(app: BrowserApp, title: string) {
  return app.t.dataSource.query<{ id: string; code: string; status: string; held_at: Date | null }[]>(
    `SELECT id, code, status, held_at FROM classification_session WHERE title = $1`,
    [title],
  );
}

describe('klassningstillfällen in the browser (390×844)', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a medarbetare has no Klassningstillfällen in the menu, and the list says "Saknar behörighet"', async () => {
    const page = await app.newPage(PHONE);
    await signIn(page, 'emma.rahimi');
    await expect.poll(() => mainHeading(page).textContent()).toBe('Rapportera incident');
    expect(await navLinks(page)).not.toContain('Klassningstillfällen');
    await page.goto('/klassningstillfallen');
    await expect.poll(() => mainHeading(page).textContent()).toBe('Saknar behörighet');
  });

  it('nora.falk plans a session, holds it and starts a classification from it', async () => {
    const page = await app.newPage(PHONE);
    await signIn(page, 'nora.falk', '/oversikt');
    await page.getByRole('button', { name: 'Meny' }).click();
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Klassningstillfällen' })
      .click();
    await expect.poll(() => mainHeading(page).textContent()).toBe('Klassningstillfällen');
    // Her IFF sessions of the demo: KT-2026-002 (closed) and KT-2026-003 (IM-14, planned).
    const table = page.locator('table[data-table="classification-sessions"]');
    await table.waitFor();
    expect(await table.locator('tbody tr td:first-child').allTextContents()).toEqual([
      'KT-2026-003',
      'KT-2026-002',
    ]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'session list');
    await screenshot(page, 'classification-sessions-nora.falk-390x844');

    // Plan: nothing filled in → the dialog says what is missing.
    await page.getByRole('button', { name: 'Planera klassningstillfälle' }).click();
    const dialog = page.getByRole('dialog', { name: 'Planera klassningstillfälle' });
    await dialog.getByRole('button', { name: 'Granska ändringen' }).click();
    await dialog.getByText('Skriv en rubrik.').waitFor();
    await dialog.getByText('Välj minst en informationsmängd.').waitFor();
    await expectNoAxeViolations(page, 'plan dialog with errors');

    const title = 'Klassning av arbetsmarknads- och etableringsinformation';
    await dialog.getByLabel('Rubrik').fill(title);
    // Only the units of her scope are offered.
    const units = await dialog.getByLabel('Enhet').locator('option').allTextContents();
    expect(units.map((u) => u.trim())).toContain('Arbetslivsförvaltningen');
    expect(units.map((u) => u.trim())).not.toContain('Kommunledningsförvaltningen');
    const alf = await dialog
      .getByLabel('Enhet')
      .locator('option', { hasText: 'Arbetslivsförvaltningen' })
      .getAttribute('value');
    await dialog.getByLabel('Enhet').selectOption(alf ?? '');
    await dialog.getByLabel('Planerat till').fill('2026-11-16T08:00');
    await dialog.getByLabel('IM-16 Deltagarakter arbetsmarknadsinsatser').check();
    await dialog.getByLabel('IM-17 Etableringsuppgifter nyanlända').check();
    await dialog.getByLabel('Helena Strand').check();
    await expectNoAxeViolations(page, 'plan dialog filled in');
    await dialog.getByRole('button', { name: 'Granska ändringen' }).click();
    await dialog.getByText(/IM-16, IM-17/).waitFor();
    expect(await sessionsOf(app, title)).toEqual([]);
    await dialog.getByRole('button', { name: 'Planera tillfället' }).click();

    // The session page.
    await expect.poll(() => mainHeading(page).textContent()).toMatch(/^KT-2026-004 /);
    const [planned] = await sessionsOf(app, title);
    expect(planned.status).toBe('PLANNED');
    await expect.poll(() => page.locator('[data-field="status"]').textContent()).toBe('Planerat');
    expect(await page.locator('[data-field="participants"]').textContent()).toBe('Helena Strand');
    expect(await page.locator('table[data-table="session-sets"] tbody tr').count()).toBe(2);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'session page, planned');
    await screenshot(page, 'classification-session-planned-nora.falk-390x844');

    // Hold it, with confirmation.
    await page.getByRole('button', { name: 'Markera som genomfört' }).click();
    const hold = page.getByRole('dialog', { name: `Markera ${planned.code} som genomfört` });
    await hold.getByLabel('Genomfört').fill('2026-11-16T09:30');
    await hold.getByLabel('Protokoll').fill('IM-16 och IM-17 gicks igenom; ägare saknas för båda.');
    await hold.getByRole('button', { name: 'Granska ändringen' }).click();
    await hold.getByText('Tillfället markeras som genomfört').waitFor();
    await hold.getByRole('button', { name: 'Markera som genomfört' }).click();
    await expect.poll(() => page.locator('[data-field="status"]').textContent()).toBe('Genomfört');
    await expect.poll(async () => (await sessionsOf(app, title))[0].status).toBe('HELD');
    expect(await page.locator('[data-field="minutes"]').textContent()).toContain('IM-16 och IM-17');
    await expectNoAxeViolations(page, 'session page, held');
    await screenshot(page, 'classification-session-held-nora.falk-390x844');

    // "Klassa" opens the wizard for IM-16 carrying the session.
    await page.getByRole('link', { name: 'Klassa IM-16' }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe('Klassning av IM-16');
    expect(new URL(page.url()).searchParams.get('klassningstillfalle')).toBe(planned.id);
    await page.getByRole('radio', { name: /^2 Betydande/ }).check();
    await page
      .getByLabel('Motivering för Konfidentialitet')
      .fill('Personuppgifter om deltagare, 26 kap. 1 § OSL.');
    await page.getByRole('button', { name: 'Nästa' }).click();
    await page.getByRole('heading', { level: 2, name: 'Steg 2 av 5: Riktighet' }).waitFor();
    await expect
      .poll(async () =>
        app.t.dataSource.query(
          `SELECT c.status, c.session_id FROM classification c JOIN information_set s ON s.id = c.information_set_id
            WHERE s.code = 'IM-16'`,
        ),
      )
      .toEqual([{ status: 'DRAFT', session_id: planned.id }]);

    // Back on the session page the draft shows against IM-16.
    await page.goto(`/klassningstillfallen/${planned.id}`);
    await expect.poll(() => page.locator('tr[data-set="IM-16"] td').nth(3).textContent()).toBe('Utkast');
    expect(await page.locator('tr[data-set="IM-17"] td').nth(3).textContent()).toBe('Inte påbörjad');
    await expectNoAxeViolations(page, 'session page with a draft');
  });
});
