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
import { DEMO_NOW } from '@varna/testing';

/**
 * Issue 4's forms in a real browser on a phone (390×844), against the real API and demo database:
 * the samordnare links a set to an asset and adds a dependency (and meets the cycle 409 in
 * Swedish), cancels a draft; the informationsägare confirms a flagged decision unchanged; the
 * worklist "Att göra i klassningen" lists the proposal awaiting its owner.
 */
const PHONE = { width: 390, height: 844 };
const pageWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');
const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

async function idOf(app: BrowserApp, table: 'asset' | 'information_set', code: string): Promise<string> {
  const rows = await app.t.dataSource.query<{ id: string }[]>(`SELECT id FROM ${table} WHERE code = $1`, [
    code,
  ]);
  return rows[0].id;
}

/** The effective level of one aspect as the protection section shows it ("3 Allvarlig"). */
const levelOf = (page: Page, aspect: string) =>
  page.locator(`[data-list="protection"] [data-aspect="${aspect}"] [data-level]`).textContent();

describe('register and classification forms in the browser (390×844)', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the samordnare links IM-10 to AS-20 and sees T rise; adds a dependency; a cycle is refused in Swedish', async () => {
    const page = await app.newPage(PHONE);
    const as20 = await idOf(app, 'asset', 'AS-20');
    await signIn(page, 'nora.falk', `/tillgangar/${as20}`);
    await heading(page, 'AS-20 Närarkiv socialtjänsten (låsta skåp)').waitFor();
    // IM-09 (T 2) sets T; IM-14 is not classified yet.
    await expect.poll(() => levelOf(page, 'T')).toBe('2 Betydande');
    await expectNoAxeViolations(page, 'AS-20 with the link and dependency buttons');

    await page.getByRole('button', { name: 'Koppla informationsmängd' }).click();
    const link = page.getByRole('dialog', { name: 'Koppla en informationsmängd till AS-20' });
    // Nothing chosen: the picker says so and nothing is sent.
    await link.getByRole('button', { name: 'Granska ändringen' }).click();
    await link.getByText('Välj en informationsmängd.').waitFor();
    await link.getByLabel('Sök informationsmängd att koppla').fill('IM-10');
    await link
      .getByLabel('Informationsmängd', { exact: true })
      .selectOption({ label: 'IM-10 Orosanmälningar och förhandsbedömningar' });
    await link.getByLabel('Roll i tillgången').selectOption({ label: 'Lagrar' });
    await expectNoAxeViolations(page, 'link dialog');
    await screenshot(page, 'asset-link-dialog-nora.falk-390x844');
    await link.getByRole('button', { name: 'Granska ändringen' }).click();
    await link
      .getByText(
        'IM-10 Orosanmälningar och förhandsbedömningar kopplas till AS-20 Närarkiv socialtjänsten (låsta skåp) med rollen Lagrar.',
      )
      .waitFor();
    await link.getByRole('button', { name: 'Koppla informationsmängden' }).click();
    await page.getByText('IM-10 är kopplad till AS-20.').waitFor();
    await page.locator('[data-linked-set="IM-10"]').waitFor();
    // IM-10 is decided 3 3 3 3: the maximum principle raises T from 2 to 3 (BR-B2), on the page too.
    await expect.poll(() => levelOf(page, 'T')).toBe('3 Allvarlig');
    const [effective] = await app.t.dataSource.query<{ t: number }[]>(
      `SELECT (effective_levels->>'T')::int AS t FROM asset WHERE id = $1`,
      [as20],
    );
    expect(effective.t).toBe(3);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'AS-20 after the link');
    await screenshot(page, 'asset-AS-20-linked-nora.falk-390x844');

    // AS-20 relies on AS-01 (the case system): a new supporting asset.
    await page.getByRole('button', { name: 'Lägg till beroende' }).click();
    const depend = page.getByRole('dialog', { name: 'Lägg till ett beroende för AS-20' });
    await depend.getByLabel('Sök tillgång att bero av').fill('AS-01');
    await depend
      .getByLabel('Tillgång som den här tillgången är beroende av')
      .selectOption({ label: 'AS-01 Ärendehanteringssystem för socialtjänst' });
    await depend.getByRole('button', { name: 'Granska ändringen' }).click();
    await depend
      .getByText(
        'AS-20 Närarkiv socialtjänsten (låsta skåp) blir beroende av AS-01 Ärendehanteringssystem för socialtjänst.',
      )
      .waitFor();
    await expectNoAxeViolations(page, 'dependency confirmation');
    await depend.getByRole('button', { name: 'Lägg till beroendet' }).click();
    await page.getByText('AS-20 är nu beroende av AS-01.').waitFor();
    await page.locator('[data-list="depends-on"] [data-dependency="AS-01"]').waitFor();
    const as01 = await idOf(app, 'asset', 'AS-01');
    expect(
      await app.t.dataSource.query(
        `SELECT 1 FROM asset_dependency WHERE asset_id = $1 AND supporting_asset_id = $2`,
        [as20, as01],
      ),
    ).toHaveLength(1);

    // The other way round would close a cycle: the API's 409, worded in Swedish, nothing saved.
    await page.goto(`/tillgangar/${as01}`);
    await heading(page, 'AS-01 Ärendehanteringssystem för socialtjänst').waitFor();
    await page.locator('[data-list="dependants"] [data-dependency="AS-20"]').waitFor();
    await page.getByRole('button', { name: 'Lägg till beroende' }).click();
    const cycle = page.getByRole('dialog', { name: 'Lägg till ett beroende för AS-01' });
    await cycle.getByLabel('Sök tillgång att bero av').fill('AS-20');
    await cycle
      .getByLabel('Tillgång som den här tillgången är beroende av')
      .selectOption({ label: 'AS-20 Närarkiv socialtjänsten (låsta skåp)' });
    await cycle.getByRole('button', { name: 'Granska ändringen' }).click();
    await cycle.getByRole('button', { name: 'Lägg till beroendet' }).click();
    await cycle
      .getByRole('alert')
      .getByText(
        'Beroendet skulle ge en cirkel: AS-01 → AS-20 → AS-01. En tillgång kan inte vara beroende av sig själv, varken direkt eller via andra tillgångar.',
      )
      .waitFor();
    expect(
      await app.t.dataSource.query(
        `SELECT 1 FROM asset_dependency WHERE asset_id = $1 AND supporting_asset_id = $2`,
        [as01, as20],
      ),
    ).toHaveLength(0);
    await expectNoAxeViolations(page, 'dependency cycle error');
    await screenshot(page, 'asset-dependency-cycle-nora.falk-390x844');
    await cycle.getByRole('button', { name: 'Tillbaka' }).click();
    await cycle.getByRole('button', { name: 'Avbryt' }).click();

    // Unlinking IM-10 again brings T back to 2.
    await page.goto(`/tillgangar/${as20}`);
    await heading(page, 'AS-20 Närarkiv socialtjänsten (låsta skåp)').waitFor();
    await expect.poll(() => levelOf(page, 'T')).toBe('3 Allvarlig');
    await page.getByRole('button', { name: 'Ta bort kopplingen till IM-10' }).click();
    const unlink = page.getByRole('dialog', { name: 'Ta bort kopplingen till IM-10' });
    await unlink.getByRole('button', { name: 'Granska ändringen' }).click();
    await unlink.getByRole('button', { name: 'Ta bort' }).click();
    await page.getByText('Kopplingen mellan IM-10 och AS-20 är borttagen.').waitFor();
    await expect.poll(() => levelOf(page, 'T')).toBe('2 Betydande');
    expect(await page.locator('[data-linked-set="IM-10"]').count()).toBe(0);
  });

  it('a medarbetare gets no link or dependency buttons', async () => {
    const page = await app.newPage(PHONE);
    // emma.rahimi reads AS-23 (her unit IFF-UTR) by name only.
    await signIn(page, 'emma.rahimi', `/tillgangar/${await idOf(app, 'asset', 'AS-23')}`);
    await heading(page, 'AS-23 Process: utredning barn och unga').waitFor();
    await page.getByText('Du ser kod, namn och enhet.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Koppla informationsmängd' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Lägg till beroende' }).count()).toBe(0);
  });

  it('the samordnare cancels a draft with a reason', async () => {
    const page = await app.newPage(PHONE);
    const im14 = await idOf(app, 'information_set', 'IM-14');
    await signIn(page, 'nora.falk', `/informationsmangder/${im14}/klassning`);
    await expect.poll(() => mainHeading(page).textContent()).toBe('Klassning av IM-14');
    await page.getByRole('radio', { name: /^3 Allvarlig/ }).check();
    await page.getByLabel('Motivering för Konfidentialitet').fill('Uppgifter om barn.');
    await page.getByRole('button', { name: 'Nästa' }).click();
    await page.getByRole('heading', { level: 2, name: 'Steg 2 av 5: Riktighet' }).waitFor();

    await page.getByRole('button', { name: 'Avbryt utkast' }).click();
    const dialog = page.getByRole('dialog', { name: 'Avbryt klassningen av IM-14' });
    await dialog.getByRole('button', { name: 'Granska ändringen' }).click();
    await dialog.getByText('Ange skälet till att klassningen avbryts.').waitFor();
    await dialog
      .getByLabel('Skäl till att klassningen avbryts')
      .fill('Klassningen görs på mötet 2026-12-03.');
    await dialog.getByRole('button', { name: 'Granska ändringen' }).click();
    await dialog.getByText('Skäl: Klassningen görs på mötet 2026-12-03.').waitFor();
    await expectNoAxeViolations(page, 'cancel confirmation');
    await dialog.getByRole('button', { name: 'Avbryt utkast' }).click();

    await heading(page, 'IM-14 Familjehemsutredningar').waitFor();
    await page.getByText('Klassningen av IM-14 är avbruten.').waitFor();
    const rows = await app.t.dataSource.query<{ status: string; cancel_reason: string }[]>(
      `SELECT status, cancel_reason FROM classification WHERE information_set_id = $1`,
      [im14],
    );
    expect(rows).toEqual([{ status: 'CANCELLED', cancel_reason: 'Klassningen görs på mötet 2026-12-03.' }]);
    // A new classification may be started again.
    await page.getByRole('link', { name: 'Starta klassning' }).waitFor();
  });

  it('the informationsägare sees the flag of IM-11 in the worklist and confirms the decision unchanged', async () => {
    const im11 = await idOf(app, 'information_set', 'IM-11');
    // Setup: the CISO's legal-change flag (BR-B5) on IM-11's decision, as the flag step would set it.
    await app.t.dataSource.query(
      `UPDATE classification SET review_flagged_at = $2, review_flag_reason = 'LEGAL_CHANGE'
        WHERE information_set_id = $1 AND status = 'DECIDED'`,
      [im11, new Date(DEMO_NOW.getTime() - 86_400_000)],
    );
    const page = await app.newPage(PHONE);
    await signIn(page, 'helena.strand', '/att-gora-i-klassningen');
    await heading(page, 'Att göra i klassningen').waitFor();
    const flagged = page.locator('[data-work="reviews"] [data-work-row="IM-11"]');
    await flagged.waitFor();
    expect(await flagged.getAttribute('data-review-state')).toBe('FLAGGED');
    expect(await flagged.textContent()).toContain('Skäl: Ändrade rättsliga krav.');
    await expectNoAxeViolations(page, 'worklist of the informationsägare');
    await screenshot(page, 'classification-work-helena.strand-390x844');

    await flagged.getByRole('link', { name: /IM-11/ }).click();
    await heading(page, 'IM-11 Skyddade personuppgifter och skyddat boende').waitFor();
    const panel = page.locator('[data-confirm-unchanged]');
    await panel
      .getByText('Klassningen är flaggad för omprövning: Ändrade rättsliga krav (2026-11-15 10:00).')
      .waitFor();
    await expectNoAxeViolations(page, 'IM-11 flagged');
    await panel.getByRole('button', { name: 'Bekräfta oförändrad' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bekräfta klassningen av IM-11 oförändrad' });
    await dialog.getByLabel('Kommentar (frivillig)').fill('Lagändringen påverkar inte nivåerna.');
    await dialog.getByRole('button', { name: 'Granska ändringen' }).click();
    await dialog
      .getByText('Giltighetstiden förlängs inte: klassningen ska omprövas senast', { exact: false })
      .waitFor();
    await expectNoAxeViolations(page, 'confirm unchanged confirmation');
    await dialog.getByRole('button', { name: 'Bekräfta oförändrad' }).click();
    await page.getByText('Klassningen av IM-11 är bekräftad oförändrad.').waitFor();
    await expect.poll(() => panel.count()).toBe(0);

    const [row] = await app.t.dataSource.query<
      { flagged: Date | null; reason: string | null; by: string | null; at: Date | null }[]
    >(
      `SELECT c.review_flagged_at AS flagged, c.review_flag_reason AS reason, p.username AS by,
              c.confirmed_unchanged_at AS at
         FROM classification c LEFT JOIN person p ON p.id = c.confirmed_unchanged_by_id
        WHERE c.information_set_id = $1 AND c.status = 'DECIDED'`,
      [im11],
    );
    expect(row).toMatchObject({ flagged: null, reason: null, by: 'helena.strand' });
    expect(row.at).not.toBeNull();
    await screenshot(page, 'information-set-IM-11-confirmed-390x844');
  });

  it('the worklist shows the proposal awaiting its owner, the overdue decisions and the incomplete assets', async () => {
    const page = await app.newPage(PHONE);
    await signIn(page, 'cecilia.lund', '/att-gora-i-klassningen');
    await heading(page, 'Att göra i klassningen').waitFor();
    // IM-22 was proposed 2026-11-05 by sofia.lindahl and awaits annika.holmqvist (§6.3).
    const proposal = page.locator('[data-work="proposals"] [data-work-row="IM-22"]');
    await proposal.waitFor();
    expect(await proposal.textContent()).toContain('IM-22 Utredningar om särskilt stöd');
    const reviews = page.locator('[data-work="reviews"] [data-work-row]');
    await reviews.first().waitFor();
    const overdue = await page
      .locator('[data-work="reviews"] [data-review-state="OVERDUE"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-work-row')));
    // §6.3: IM-02, IM-04, IM-12, IM-13 and IM-23 are past their validUntil.
    expect([...overdue].sort()).toEqual(['IM-02', 'IM-04', 'IM-12', 'IM-13', 'IM-23']);
    const incomplete = page.locator('[data-work="incomplete"] [data-work-row]');
    await incomplete.first().waitFor();
    expect(await page.locator('[data-work="incomplete"] [data-work-row="AS-01"]').count()).toBe(1);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'worklist of the CISO');
    await screenshot(page, 'classification-work-cecilia.lund-390x844');

    await proposal.getByRole('link', { name: /IM-22/ }).click();
    await heading(page, 'IM-22 Utredningar om särskilt stöd').waitFor();
    await page.locator('tr[data-classification="PROPOSED"]').waitFor();
  });
});
