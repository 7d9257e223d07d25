import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserApp,
  expectNoAxeViolations,
  mainHeading,
  screenshot,
  signIn,
  startBrowserApp,
} from './support/browser';

/**
 * Issue 4 in a real browser on a phone (390×844), against the real API and demo database: the
 * registers as the caller's view allows, the samordnare's classification wizard for IM-14, the
 * informationsägare's decision with a diarienummer, and AS-01's effective levels and their sources.
 */
const PHONE = { width: 390, height: 844 };
const pageWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');
/** The page's h1 by its text, waited for by Playwright (a write and its recalculation take a moment). */
const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const headers = (page: Page, table: string) =>
  page.locator(`table[data-table="${table}"] thead th`).allTextContents();

async function setId(app: BrowserApp, code: string): Promise<string> {
  const rows = await app.t.dataSource.query<{ id: string }[]>(
    `SELECT id FROM information_set WHERE code = $1`,
    [code],
  );
  return rows[0].id;
}

async function classificationOf(app: BrowserApp, code: string) {
  return app.t.dataSource.query<
    {
      status: string;
      level_k: number | null;
      level_r: number | null;
      level_t: number | null;
      level_s: number | null;
      diarienummer: string | null;
      decider: string | null;
    }[]
  >(
    `SELECT c.status, c.level_k, c.level_r, c.level_t, c.level_s, c.diarienummer, p.username AS decider
       FROM classification c JOIN information_set s ON s.id = c.information_set_id
       LEFT JOIN person p ON p.id = c.decided_by_id
      WHERE s.code = $1 ORDER BY c.created_at`,
    [code],
  );
}

describe('registers and classification in the browser (390×844)', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a medarbetare sees only code, name and unit in the registers', async () => {
    const page = await app.newPage(PHONE);
    await signIn(page, 'emma.rahimi', '/informationsmangder');
    await expect.poll(() => mainHeading(page).textContent()).toBe('Informationsmängder');
    await page.locator('table[data-table="information-sets"]').waitFor();
    expect(await headers(page, 'information-sets')).toEqual(['Kod', 'Namn', 'Enhet']);
    // Her own unit's sets (IFF-UTR): IM-09 Barnavårdsutredningar, by name only.
    await page.getByRole('link', { name: 'Barnavårdsutredningar' }).waitFor();
    expect(await page.locator('table[data-table="information-sets"] tbody tr').count()).toBeGreaterThan(0);
    // No export for a name view.
    expect(await page.locator('[data-export]').count()).toBe(0);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'information sets, name view');
    await screenshot(page, 'information-sets-emma.rahimi-390x844');

    await page.getByRole('link', { name: 'Barnavårdsutredningar' }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe('IM-09 Barnavårdsutredningar');
    await page.getByText('Du ser kod, namn och enhet.', { exact: false }).waitFor();
    expect(await page.locator('[data-section="classification"]').count()).toBe(0);
    await expectNoAxeViolations(page, 'information set, name view');

    await page.goto('/tillgangar');
    await page.locator('table[data-table="assets"]').waitFor();
    expect(await headers(page, 'assets')).toEqual(['Kod', 'Namn', 'Enhet']);
    await expectNoAxeViolations(page, 'assets, name view');
    await screenshot(page, 'assets-emma.rahimi-390x844');
  });

  it('the samordnare runs the wizard for IM-14 through K, R, T, S and proposes', async () => {
    const page = await app.newPage(PHONE);
    await signIn(page, 'nora.falk', '/informationsmangder');
    await page.getByLabel('Sök informationsmängd').fill('IM-14');
    await page.getByRole('link', { name: 'Familjehemsutredningar' }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe('IM-14 Familjehemsutredningar');
    await page.getByText('Informationsmängden har inte klassats.').waitFor();
    await expectNoAxeViolations(page, 'IM-14 before classification');
    await screenshot(page, 'information-set-IM-14-nora.falk-390x844');

    await page.getByRole('link', { name: 'Starta klassning' }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe('Klassning av IM-14');
    const step = page.getByRole('heading', { level: 2 });
    await expect.poll(() => step.textContent()).toBe('Steg 1 av 5: Konfidentialitet');
    await page.getByText('Vad blir skadan om informationen hamnar i orätta händer?').waitFor();
    // The model's guiding questions (GET /api/classification-model), behind a disclosure.
    await page.getByText('Stödfrågor').click();
    await page
      .getByText(
        'Skulle ett röjande mest leda till irritation eller merarbete, utan skada för någon enskild?',
      )
      .waitFor();
    expect(await page.getByRole('radio').count()).toBe(5);
    await expectNoAxeViolations(page, 'wizard step K');
    await screenshot(page, 'classification-wizard-K-nora.falk-390x844');

    // Nothing chosen: "Nästa" says what is missing and stays.
    await page.getByRole('button', { name: 'Nästa' }).click();
    await page.getByText('Välj en nivå.').waitFor();
    await page.getByText('Skriv en motivering.').waitFor();
    expect(await classificationOf(app, 'IM-14')).toEqual([]);
    await expectNoAxeViolations(page, 'wizard step K with errors');

    // By keyboard: the radios are one group; arrow keys move the choice.
    await page.getByRole('radio', { name: /^0 Försumbar/ }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByRole('radio', { name: /^3 Allvarlig/ }).isChecked()).toBe(true);
    await page
      .getByLabel('Motivering för Konfidentialitet')
      .fill('Sekretess enligt 26 kap. 1 § OSL; uppgifter om barn.');
    await page.getByRole('button', { name: 'Nästa' }).click();
    await page.getByRole('heading', { level: 2, name: 'Steg 2 av 5: Riktighet' }).waitFor();
    // "Nästa" saved the draft.
    await expect
      .poll(async () => (await classificationOf(app, 'IM-14')).map((c) => [c.status, c.level_k]))
      .toEqual([['DRAFT', 3]]);

    // Level 4 explains special handling.
    await page.getByRole('radio', { name: /^4 Synnerligen allvarlig/ }).check();
    await page.getByText('Nivå 4 innebär särskild hantering').waitFor();
    await expectNoAxeViolations(page, 'wizard level 4');
    await page.getByRole('radio', { name: /^3 Allvarlig/ }).check();
    expect(await page.locator('[data-special-handling]').count()).toBe(0);
    await page.getByLabel('Motivering för Riktighet').fill('Underlag för beslut om placering av barn.');
    await page.getByRole('button', { name: 'Nästa' }).click();

    await page.getByRole('heading', { level: 2, name: 'Steg 3 av 5: Tillgänglighet' }).waitFor();
    await page.getByRole('radio', { name: /^2 Betydande/ }).check();
    await page.getByLabel('Motivering för Tillgänglighet').fill('Klarar en arbetsdag med reservrutin.');
    await page.getByRole('button', { name: 'Nästa' }).click();

    await page.getByRole('heading', { level: 2, name: 'Steg 4 av 5: Spårbarhet' }).waitFor();
    await page.getByRole('radio', { name: /^3 Allvarlig/ }).check();
    await page.getByLabel('Motivering för Spårbarhet').fill('Logguppföljning krävs för akter om barn.');
    await page.getByRole('button', { name: 'Nästa' }).click();

    await page.getByRole('heading', { level: 2, name: 'Steg 5 av 5: Sammanfattning' }).waitFor();
    const summary = page.locator('[data-summary]');
    await expect
      .poll(() => summary.locator('.summary__level').allTextContents())
      .toEqual(['3 Allvarlig', '3 Allvarlig', '2 Betydande', '3 Allvarlig']);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'wizard summary');
    await screenshot(page, 'classification-wizard-summary-nora.falk-390x844');

    await page.getByRole('button', { name: 'Föreslå för beslut' }).click();
    await heading(page, 'IM-14 Familjehemsutredningar').waitFor();
    await page
      .getByText('Klassningen av IM-14 är föreslagen och väntar på informationsägarens beslut.')
      .waitFor();
    expect(
      (await classificationOf(app, 'IM-14')).map((c) => [
        c.status,
        c.level_k,
        c.level_r,
        c.level_t,
        c.level_s,
      ]),
    ).toEqual([['PROPOSED', 3, 3, 2, 3]]);
    await page.locator('tr[data-classification="PROPOSED"]').waitFor();
    await expectNoAxeViolations(page, 'IM-14 proposed');
  });

  it('the informationsägare decides the proposal with a diarienummer', async () => {
    const page = await app.newPage(PHONE);
    await signIn(page, 'helena.strand', `/informationsmangder/${await setId(app, 'IM-14')}`);
    await expect.poll(() => mainHeading(page).textContent()).toBe('IM-14 Familjehemsutredningar');
    await page.getByRole('link', { name: 'Granska och besluta' }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe('Klassning av IM-14');
    await page.getByText('Föreslagen av Nora Falk', { exact: false }).waitFor();
    await expect
      .poll(() => page.locator('[data-summary] .summary__level').allTextContents())
      .toEqual(['3 Allvarlig', '3 Allvarlig', '2 Betydande', '3 Allvarlig']);
    await expectNoAxeViolations(page, 'decision view');
    await screenshot(page, 'classification-decision-helena.strand-390x844');

    await page.getByRole('button', { name: 'Besluta klassningen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Besluta klassningen av IM-14' });
    await dialog.getByLabel('Diarienummer').fill('SOCN 2026-00412');
    await dialog.getByRole('button', { name: 'Granska ändringen' }).click();
    await dialog.getByText('Beslutet diarieförs som SOCN 2026-00412.').waitFor();
    await expectNoAxeViolations(page, 'decision confirmation');
    await dialog.getByRole('button', { name: 'Besluta klassningen' }).click();

    await heading(page, 'IM-14 Familjehemsutredningar').waitFor();
    await page.getByText('Klassningen av IM-14 är beslutad.').waitFor();
    expect(await classificationOf(app, 'IM-14')).toEqual([
      {
        status: 'DECIDED',
        level_k: 3,
        level_r: 3,
        level_t: 2,
        level_s: 3,
        diarienummer: 'SOCN 2026-00412',
        decider: 'helena.strand',
      },
    ]);
    const row = page.locator('tr[data-classification="DECIDED"]');
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(0, 5)).toEqual([
      'Beslutad',
      '3 Allvarlig',
      '3 Allvarlig',
      '2 Betydande',
      '3 Allvarlig',
    ]);
    expect(cells).toContain('Helena Strand');
    expect(cells).toContain('SOCN 2026-00412');
    // Valid for the review interval (12 months) from DEMO_NOW's Stockholm date.
    expect(cells).toContain('2027-11-16');
    // The decision as a PDF, fetched with the page's own session.
    const href = await row.getByRole('link', { name: 'PDF' }).getAttribute('href');
    const pdf = await page.request.get(href ?? '');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await expectNoAxeViolations(page, 'IM-14 decided');
    await screenshot(page, 'information-set-IM-14-decided-390x844');
  });

  it('AS-01 shows its effective levels and where each comes from', async () => {
    const page = await app.newPage(PHONE);
    await signIn(page, 'helena.strand', '/tillgangar');
    await page.getByLabel('Sök tillgång').fill('AS-01');
    await page.getByRole('link', { name: 'Ärendehanteringssystem för socialtjänst' }).click();
    await expect
      .poll(() => mainHeading(page).textContent())
      .toBe('AS-01 Ärendehanteringssystem för socialtjänst');
    const protection = page.locator('[data-list="protection"]');
    await protection.waitFor();
    const k = protection.locator('[data-aspect="K"]');
    await expect.poll(() => k.locator('[data-level]').textContent()).toBe('3 Allvarlig');
    // IM-14, decided above with K 3, is one of the sets that set K.
    await k.getByRole('link', { name: /IM-14/ }).waitFor();
    await page.locator('[data-complete]').waitFor();
    await page
      .getByRole('link', { name: /IM-14 Familjehemsutredningar/ })
      .first()
      .waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'asset AS-01');
    await screenshot(page, 'asset-AS-01-helena.strand-390x844');
  });

  it('the CISO flags IM-09 for review with a note (BR-B5, D-54)', async () => {
    const page = await app.newPage(PHONE);
    await signIn(page, 'cecilia.lund', `/informationsmangder/${await setId(app, 'IM-09')}`);
    await expect.poll(() => mainHeading(page).textContent()).toBe('IM-09 Barnavårdsutredningar');
    await page.getByRole('button', { name: 'Flagga för omprövning' }).click();
    const dialog = page.getByRole('dialog', { name: 'Flagga IM-09 för omprövning' });
    await dialog.getByLabel('Ändrade rättsliga krav').check();
    await dialog.getByLabel('Anteckning').fill('Ny lag om barns uppgifter från 2027.');
    await dialog.getByRole('button', { name: 'Granska ändringen' }).click();
    await dialog
      .getByText('med anteckningen: Ny lag om barns uppgifter från 2027.', { exact: false })
      .waitFor();
    await dialog.getByRole('button', { name: 'Flagga för omprövning' }).click();
    await page.getByText('Klassningen av IM-09 är flaggad för omprövning.').waitFor();
    const flag = page.locator('[data-review-flag="LEGAL_CHANGE"]');
    await flag.getByText('Anteckning: Ny lag om barns uppgifter från 2027.').waitFor();
    expect(await flag.textContent()).toContain('Flaggad för omprövning: Ändrade rättsliga krav');
    const [row] = await app.t.dataSource.query<{ reason: string; note: string }[]>(
      `SELECT c.review_flag_reason AS reason, c.review_flag_note AS note FROM classification c
         JOIN information_set s ON s.id = c.information_set_id WHERE s.code = 'IM-09' AND c.status = 'DECIDED'`,
    );
    expect(row).toEqual({ reason: 'LEGAL_CHANGE', note: 'Ny lag om barns uppgifter från 2027.' });
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'IM-09 flagged');
  });
});
