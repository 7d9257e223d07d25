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
 * Regler för rapporteringsfrister (ADR 0015) in a real browser on a phone (390×844): the CISO
 * switches the MSBFS 2020:8 model on and it is stored; a samordnare reads the rules without being
 * able to change them; a medarbetare cannot open the page.
 */
const PHONE = { width: 390, height: 844 };
const PATH = '/regler/rapporteringsfrister';
const pageWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');

describe('the clock rules page in the browser', () => {
  let app: BrowserApp;

  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('cecilia.lund (CISO) switches the MSBFS model on; an invalid target is refused in the form', async () => {
    const page = await app.newPage(PHONE);
    await signIn(page, 'cecilia.lund');
    await page.getByRole('button', { name: 'Meny' }).click();
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Rapporteringsfrister' })
      .click();
    await expect.poll(() => mainHeading(page).textContent()).toBe('Regler för rapporteringsfrister');
    const msbfs = page.getByLabel('Använd MSBFS 2020:8-modellen');
    await msbfs.waitFor();
    expect(await msbfs.isChecked()).toBe(false);
    expect(
      await page
        .getByRole('group', { name: 'Nationell CSIRT-enhet' })
        .getByLabel('Namn', { exact: true })
        .inputValue(),
    ).toBe('CERT-SE (MCF)');
    await page
      .getByText('Incidentrapportering enligt cybersäkerhetslagen (2025:1506) – Tidig varning: 24 timmar')
      .waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'the clock rules page (CISO)');
    await screenshot(page, 'clock-rules-cecilia.lund-390x844');

    await msbfs.check();
    await page.getByRole('button', { name: 'Spara reglerna' }).click();
    await page.getByText('Reglerna är sparade.').waitFor();
    const [row] = await app.t.dataSource.query<{ msbfs_enabled: boolean; msbfs_incident_types: string[] }[]>(
      `SELECT msbfs_enabled, msbfs_incident_types FROM incident_clock_rules`,
    );
    expect(row).toEqual({
      msbfs_enabled: true,
      msbfs_incident_types: ['INFOSEC_INCIDENT', 'IT_INCIDENT', 'PERSONAL_DATA_BREACH'],
    });
    await expect.poll(() => page.getByLabel('Använd MSBFS 2020:8-modellen').isChecked()).toBe(true);
    await page.getByText(/Senast ändrade/).waitFor();

    // A target that is not a whole number is refused in the form, nothing is sent.
    const amount = page
      .locator('[data-rule="MSBFS_2020_8_MODEL.NOTIFICATION"]')
      .getByLabel('Antal', { exact: true });
    await amount.fill('0');
    await page.getByRole('button', { name: 'Spara reglerna' }).click();
    await page.getByText('Ange ett heltal från 1 till 10 000.').waitFor();
    await expectNoAxeViolations(page, 'the clock rules page with an error');
    await screenshot(page, 'clock-rules-error-390x844');
  });

  it('nora.falk (samordnare) reads the rules but cannot change them', async () => {
    const page = await app.newPage(PHONE);
    await signIn(page, 'nora.falk', PATH);
    await expect.poll(() => mainHeading(page).textContent()).toBe('Regler för rapporteringsfrister');
    await page.getByText('Du kan läsa reglerna. Informationssäkerhetschefen (CISO) ändrar dem.').waitFor();
    const msbfs = page.getByLabel('Använd MSBFS 2020:8-modellen');
    expect(await msbfs.isChecked()).toBe(true);
    expect(await msbfs.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Spara reglerna' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'the clock rules page (read only)');
    await screenshot(page, 'clock-rules-nora.falk-390x844');
  });

  it('amir.haddad (samordnare) records that the CSIRT asked for an intermediate report, and gets its draft', async () => {
    const { id } = (
      await app.t.as('daniel.nyberg').post('/api/incidents', {
        description: 'Servrarna krypteras av utpressningsvirus.',
        ongoing: 'YES',
      })
    ).body as { id: string };
    const triaged = await app.t.as('amir.haddad').post(`/api/incidents/${id}/triage`, {
      version: 1,
      type: 'IT_INCIDENT',
      severity: 'CRITICAL',
      personalDataInvolved: 'NO',
      significantUnderCyberAct: true,
    });
    expect(triaged.status, JSON.stringify(triaged.body)).toBe(200);
    const page = await app.newPage(PHONE);
    await signIn(page, 'amir.haddad', `/incidenter/${id}`);
    const drafts = page.locator('[data-section="regulator-reports"]');
    await drafts.getByRole('link', { name: 'Tidig varning till CSIRT-enheten (PDF)' }).waitFor();
    expect(await drafts.getByRole('link', { name: 'Delrapport till CSIRT-enheten (PDF)' }).count()).toBe(0);
    await drafts.getByRole('button', { name: 'CSIRT begär delrapport' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tidsfrist enligt begäran').fill('2026-11-18T10:00');
    await dialog.getByLabel('Vad CSIRT-enheten begär (valfritt)').fill('Vilka system är krypterade?');
    await dialog.getByRole('button', { name: 'Granska ändringen' }).click();
    await dialog.getByText('tidsfrist 2026-11-18 10:00').waitFor();
    await expectNoAxeViolations(page, 'the intermediate request dialog');
    await dialog.getByRole('button', { name: 'Lägg till delrapport' }).click();
    await page.locator('[data-stage="INTERMEDIATE_REPORT"]').waitFor();
    await drafts.getByRole('link', { name: 'Delrapport till CSIRT-enheten (PDF)' }).waitFor();
    expect(
      await drafts.getByRole('link', { name: 'Delrapport till CSIRT-enheten (PDF)' }).getAttribute('href'),
    ).toBe(`/api/incidents/${id}/drafts/csirt-intermediate-report.pdf`);
    const [stage] = await app.t.dataSource.query<{ deadline_at: Date }[]>(
      `SELECT deadline_at FROM regulatory_obligation WHERE incident_id = $1 AND stage = 'INTERMEDIATE_REPORT'`,
      [id],
    );
    expect(stage.deadline_at.toISOString()).toBe('2026-11-18T09:00:00.000Z');
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'the incident page with the drafts');
    await screenshot(page, 'incident-intermediate-request-amir.haddad-390x844');
  });

  it('emma.rahimi (medarbetare) cannot open the page, and it is not in her menu', async () => {
    const page = await app.newPage(PHONE);
    await signIn(page, 'emma.rahimi');
    const links = await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link')
      .allTextContents();
    expect(links).not.toContain('Rapporteringsfrister');
    await page.goto(PATH);
    await expect.poll(() => mainHeading(page).textContent()).toBe('Saknar behörighet');
    expect(await page.getByLabel('Använd MSBFS 2020:8-modellen').count()).toBe(0);
    await expectNoAxeViolations(page, 'the clock rules page refused');
    await screenshot(page, 'clock-rules-emma.rahimi-390x844');
  });
});
