import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoNumber, incidentId } from '../support/incidents';
import {
  type BrowserApp,
  expectNoAxeViolations,
  mainHeading,
  screenshot,
  signIn,
  startBrowserApp,
} from './support/browser';

/**
 * Issue 5 in a real browser against the real API and database, on a phone (390×844): the samordnare
 * links an affected asset and information set to a demo incident, assigns a handler and changes the
 * severity; the timeline shows each change.
 */
const PHONE = { width: 390, height: 844 };

describe('incident handling in the browser', () => {
  let app: BrowserApp;

  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('nora.falk (samordnare IFF) links AS-01 and IM-10 to INC-08, assigns a handler and raises the severity', async () => {
    const id = await incidentId(app.t, demoNumber(8));
    const page = await app.newPage(PHONE);
    await signIn(page, 'nora.falk');
    await page.goto(`/incidenter/${id}`);
    await expect.poll(() => mainHeading(page).textContent()).toContain(demoNumber(8));
    const affected = page.locator('[data-section="affected"]');
    await affected.getByRole('heading', { name: 'Berörda tillgångar och informationsmängder' }).waitFor();
    await affected.getByText('Inga tillgångar är kopplade.').waitFor();

    // The asset: searched by name, chosen, linked.
    const assetPicker = affected.locator('[data-picker="asset"]');
    await assetPicker.getByLabel('Sök tillgång').fill('Ärendehanteringssystem för socialtjänst');
    const assetSelect = assetPicker.getByLabel('Tillgång att koppla');
    await expect
      .poll(() => assetSelect.locator('option').allTextContents())
      .toContainEqual(expect.stringContaining('Ärendehanteringssystem för socialtjänst'));
    const assetOption = assetSelect.locator('option', { hasText: 'Ärendehanteringssystem för socialtjänst' });
    await assetSelect.selectOption(await assetOption.first().getAttribute('value'));
    await assetPicker.getByRole('button', { name: 'Koppla tillgången' }).click();
    await page.getByText('Kopplingarna är sparade.').waitFor();
    const assetLink = affected.locator('[data-linked="asset"] a');
    await expect.poll(() => assetLink.textContent()).toContain('Ärendehanteringssystem för socialtjänst');
    expect(await assetLink.getAttribute('href')).toMatch(/^\/tillgangar\/[0-9a-f-]{36}$/);

    // The information set.
    const setPicker = affected.locator('[data-picker="set"]');
    await setPicker.getByLabel('Sök informationsmängd').fill('Orosanmälningar');
    const setSelect = setPicker.getByLabel('Informationsmängd att koppla');
    await expect
      .poll(() => setSelect.locator('option').allTextContents())
      .toContainEqual(expect.stringContaining('Orosanmälningar och förhandsbedömningar'));
    const setOption = setSelect.locator('option', { hasText: 'Orosanmälningar och förhandsbedömningar' });
    await setSelect.selectOption(await setOption.first().getAttribute('value'));
    await setPicker.getByRole('button', { name: 'Koppla informationsmängden' }).click();
    const setLink = affected.locator('[data-linked="set"] a');
    await expect.poll(() => setLink.textContent()).toContain('Orosanmälningar och förhandsbedömningar');

    // Stored as the API has it.
    const [stored] = await app.t.dataSource.query<{ asset_ids: string[]; information_set_ids: string[] }[]>(
      `SELECT asset_ids, information_set_ids FROM incident WHERE id = $1`,
      [id],
    );
    expect(stored.asset_ids).toHaveLength(1);
    expect(stored.information_set_ids).toHaveLength(1);

    // The handler.
    const assignment = page.locator('[data-form="assignment"]');
    await assignment.getByLabel('Sök handläggare').fill('Daniel');
    const handler = assignment.getByLabel('Handläggare', { exact: true });
    await expect.poll(() => handler.locator('option').allTextContents()).toContain('Daniel Nyberg');
    await handler.selectOption({ label: 'Daniel Nyberg' });
    await assignment.getByRole('button', { name: 'Spara handläggare' }).click();
    await page.getByText('Handläggarna är sparade.').waitFor();
    await expect
      .poll(() => page.locator('dl[data-facts="incident"]').textContent())
      .toContain('Daniel Nyberg');

    // Re-triage: the severity from Låg to Medel.
    const retriage = page.locator('[data-form="retriage"]');
    await retriage.getByLabel('Allvarlighetsgrad').selectOption({ label: 'Medel' });
    await retriage.getByRole('button', { name: 'Spara klassificeringen' }).click();
    await page.getByText('Klassificeringen är ändrad.').waitFor();
    await expect.poll(() => page.locator('dd[data-field="severity"]').textContent()).toBe('Medel');

    // The timeline has an entry per change.
    const entry = (kind: string) => page.locator(`.timeline__entry[data-kind="${kind}"]`);
    await expect.poll(() => entry('ASSIGNED').count()).toBeGreaterThanOrEqual(1);
    await expect.poll(() => entry('SEVERITY_CHANGED').count()).toBeGreaterThanOrEqual(1);
    await expect.poll(() => entry('FIELDS_UPDATED').count()).toBeGreaterThanOrEqual(2);
    expect(await entry('SEVERITY_CHANGED').last().textContent()).toContain('Nora Falk');

    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'an incident with its affected assets, handler and re-triage');
    await screenshot(page, 'incident-handling-nora.falk-390x844');
  });
});
