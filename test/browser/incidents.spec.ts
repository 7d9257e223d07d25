import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoNumber, incidentId } from '../support/incidents';
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
 * The incident pages in a real browser against the real API and database, on a phone (390×844):
 * a medarbetare reports (D-23) and follows it in Mina rapporter, a lost answer is retried without a
 * duplicate, and a samordnare triages and reads the regulator clocks.
 */
const PHONE = { width: 390, height: 844 };
const pageWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');

const incidentsWith = async (app: BrowserApp, description: string) =>
  app.t.dataSource.query<
    { number: string; status: string; reporter: string; idempotency_key: string | null }[]
  >(
    `SELECT i.number, i.status, p.username AS reporter, i.idempotency_key
       FROM incident i JOIN person p ON p.id = i.reporter_id WHERE i.description = $1`,
    [description],
  );

async function fillReport(page: Page, description: string) {
  await page.getByLabel('Vad har hänt? *').fill(description);
  await page.getByRole('group', { name: 'Berör det personuppgifter? *' }).getByLabel('Ja').check();
  await page.getByRole('group', { name: 'Pågår det fortfarande? *' }).getByLabel('Nej').check();
}

describe('incident pages in the browser', () => {
  let app: BrowserApp;
  let emmasNumber: string;
  const EMMAS_REPORT =
    'Ett beslut om bistånd skickades till fel adress. Mottagaren har ringt och berättat det.';

  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('emma.rahimi (medarbetare) reports on her phone, gets the number and finds it in Mina rapporter', async () => {
    const page = await app.newPage(PHONE);
    await signIn(page, 'emma.rahimi');
    await expect.poll(() => mainHeading(page).textContent()).toBe('Rapportera incident');
    await page.getByRole('button', { name: 'Meny' }).click();
    await expect
      .poll(() => navLinks(page))
      .toEqual([
        'Rapportera incident',
        'Mina rapporter',
        'Organisation',
        'Informationsmängder',
        'Tillgångar',
        'Aviseringar',
      ]);
    await page.getByRole('button', { name: 'Meny' }).click();
    // Var? defaults to her home unit; the panel "Vad är en incident?" is a disclosure on the phone.
    await expect.poll(() => page.getByLabel('Var? *').inputValue()).toBe(await app.t.unitId('IFF-UTR'));
    expect(await page.locator('#report-unit option:checked').textContent()).toBe(
      'Utredningsenheten barn och unga',
    );
    expect(await page.locator('.what-is--panel').isVisible()).toBe(false);
    await page.locator('summary', { hasText: 'Vad är en incident?' }).click();
    await page
      .locator('.what-is--disclosure')
      .getByText('Ett brev, mejl eller sms har skickats till fel person.')
      .waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'the reporting form on a phone');
    await screenshot(page, 'report-incident-emma.rahimi-390x844');

    // Sent empty: the summary takes the focus and names what is missing.
    await page.getByRole('button', { name: 'Skicka rapporten' }).click();
    await page.getByText('Rapporten är inte skickad. Rätta följande:').waitFor();
    await expect.poll(() => page.locator('.error-summary:focus').count()).toBe(1);
    await expectNoAxeViolations(page, 'the reporting form with errors');
    await screenshot(page, 'report-incident-errors-390x844');

    await fillReport(page, EMMAS_REPORT);
    await page.getByRole('button', { name: 'Skicka rapporten' }).click();
    const receipt = page.getByRole('heading', { name: 'Tack! Din rapport är mottagen' });
    await receipt.waitFor();
    await expect.poll(() => page.locator('h2:focus').textContent()).toBe('Tack! Din rapport är mottagen');
    const text = (await page.locator('.receipt__number').textContent()) ?? '';
    emmasNumber = /INC-2026-\d{4}/.exec(text)?.[0] ?? '';
    expect(emmasNumber).toBe('INC-2026-0016');
    const stored = await incidentsWith(app, EMMAS_REPORT);
    expect(stored).toEqual([
      expect.objectContaining({ number: emmasNumber, status: 'REPORTED', reporter: 'emma.rahimi' }),
    ]);
    // The form fill's key, generated in the browser (crypto.randomUUID).
    expect(stored[0].idempotency_key).toMatch(/^[0-9a-f-]{36}$/);
    // Nothing of the report is kept on the device.
    const kept = await page.evaluate<string>(
      'JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])',
    );
    expect(kept).not.toContain('bistånd');
    await expectNoAxeViolations(page, 'the receipt');
    await screenshot(page, 'report-incident-receipt-390x844');

    await page.getByRole('link', { name: 'Till Mina rapporter' }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe('Mina rapporter');
    const card = page.locator(`[data-number="${emmasNumber}"]`);
    await card.waitFor();
    expect(await card.locator('[data-field="status"]').textContent()).toBe('Rapporterad');
    // Her demo report INC-01 is there too, with no handler's fields (D-08).
    await page.locator(`[data-number="${demoNumber(1)}"]`).waitFor();
    expect(await page.getByText('Allvarlighetsgrad').count()).toBe(0);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'Mina rapporter');
    await screenshot(page, 'my-reports-emma.rahimi-390x844');

    // A medarbetare has no handlers' list: the deep link says so and fetches nothing of it.
    await page.goto('/incidenter');
    await expect.poll(() => mainHeading(page).textContent()).toBe('Saknar behörighet');
  });

  it('an answer lost on the way is retried with the same key: one incident, the same number', async () => {
    const page = await app.newPage(PHONE);
    await signIn(page, 'oskar.lindqvist');
    const description = 'Journaldatorn i personalrummet stod olåst när jag kom in.';
    let attempts = 0;
    const keys: string[] = [];
    // The first attempt reaches the server and is stored, but its answer never arrives.
    await page.route('**/api/incidents', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      attempts += 1;
      keys.push((await route.request().allHeaders())['idempotency-key'] ?? '');
      if (attempts === 1) {
        await route.fetch();
        return route.abort('failed');
      }
      return route.continue();
    });
    await fillReport(page, description);
    await page.getByRole('button', { name: 'Skicka rapporten' }).click();
    await page.getByText('Rapporten kom inte fram').waitFor();
    await expect.poll(() => page.locator('.error-summary:focus').count()).toBe(1);
    expect(await incidentsWith(app, description)).toHaveLength(1);
    await expectNoAxeViolations(page, 'the form after a lost answer');
    await screenshot(page, 'report-incident-retry-390x844');

    await page.getByRole('button', { name: 'Försök skicka igen' }).click();
    await page.getByRole('heading', { name: 'Tack! Din rapport är mottagen' }).waitFor();
    const stored = await incidentsWith(app, description);
    expect(stored).toHaveLength(1);
    expect(await page.locator('.receipt__number').textContent()).toContain(stored[0].number);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(stored[0].idempotency_key).toBe(keys[0]);

    // The next report gets a key of its own.
    await page.getByRole('button', { name: 'Rapportera en till' }).click();
    await fillReport(page, 'En surfplatta glömdes kvar på bussen.');
    await page.getByRole('button', { name: 'Skicka rapporten' }).click();
    await page.getByRole('heading', { name: 'Tack! Din rapport är mottagen' }).waitFor();
    expect(keys).toHaveLength(3);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('nora.falk (samordnare IFF) triages a report, starts the investigation and adds a note', async () => {
    const page = await app.newPage(PHONE);
    await signIn(page, 'nora.falk');
    await page.goto('/incidenter');
    await expect.poll(() => mainHeading(page).textContent()).toBe('Incidenter');
    await page.getByLabel('Status').selectOption({ label: 'Rapporterad' });
    const row = page.locator(`tr[data-number="${emmasNumber}"]`);
    await row.waitFor();
    // Only what she may read: no incident of another förvaltning (INC-15 is VOF's).
    expect(await page.locator(`tr[data-number="${demoNumber(15)}"]`).count()).toBe(0);
    await expectNoAxeViolations(page, 'the incident list');
    await screenshot(page, 'incidents-nora.falk-390x844');

    await row.getByRole('link', { name: emmasNumber }).click();
    await page.getByRole('heading', { name: 'Bedömning (triage)' }).waitFor();
    await expectNoAxeViolations(page, 'an untriaged incident');
    const triage = page.locator('[data-section="triage"]');
    await triage.getByLabel('Typ', { exact: true }).selectOption({ label: 'Personuppgiftsincident' });
    await triage.getByLabel('Undertyp').selectOption({ label: 'Fel mottagare' });
    await triage.getByLabel('Allvarlighetsgrad').selectOption({ label: 'Medel' });
    await triage.getByRole('group', { name: 'Berör personuppgifter' }).getByLabel('Ja').check();
    // IFF-UTR is covered by cybersäkerhetslagen (inherited from ROOT, D-05): the question is asked.
    await triage
      .getByRole('group', { name: 'Betydande enligt cybersäkerhetslagen' })
      .getByLabel('Nej')
      .check();
    // A breach asks for the DPO's risk assessment, which may follow later; the aspects are asked too.
    await triage.getByLabel('Riskbedömning (dataskyddsombudet)').waitFor();
    await triage.getByRole('group', { name: 'Påverkade aspekter' }).getByLabel('Konfidentialitet').check();
    await triage.getByRole('button', { name: 'Spara bedömningen' }).click();
    await page.getByText('Incidenten är bedömd.').waitFor();
    expect(await page.locator('dd[data-field="aspectsAffected"]').textContent()).toBe('Konfidentialitet');
    await expect.poll(() => page.locator('[data-field="status"]').first().textContent()).toBe('Bedömd');
    expect(await page.getByRole('heading', { name: 'Bedömning (triage)' }).count()).toBe(0);

    // The clocks started at triage: the IMY notification runs 72 h from kännedom (the report).
    const imy = page.locator('[data-regime="GDPR_ART33_IMY"][data-stage="NOTIFICATION"]');
    await imy.waitFor();
    expect(await imy.getAttribute('data-status')).toBe('PENDING');
    expect(await imy.locator('[data-field="due"]').textContent()).toBe('2026-11-19 10:00');
    expect(await imy.locator('[data-field="timeLeft"]').textContent()).toBe('72 h 0 min kvar');
    // A samordnare prepares but does not decide (D-07): no submit, no "not required".
    expect(await page.getByRole('button', { name: 'Registrera inlämning' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Krävs inte' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Starta utredning' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Granska ändringen' }).click();
    await dialog.getByText(`Incidenten ${emmasNumber} går från Bedömd till Under utredning.`).waitFor();
    await expectNoAxeViolations(page, 'the transition confirmation');
    await dialog.getByRole('button', { name: 'Starta utredning' }).click();
    await page.getByText('Incidentens status är nu Under utredning.').waitFor();

    await page.getByLabel('Ny anteckning').fill('Ringt mottagaren, som har raderat mejlet.');
    await page.getByRole('button', { name: 'Lägg till anteckningen' }).click();
    await page.getByText('Anteckningen är tillagd.').waitFor();
    const note = page.locator('.timeline__entry[data-kind="NOTE"]');
    await expect.poll(() => note.textContent()).toContain('Ringt mottagaren, som har raderat mejlet.');
    expect(await note.textContent()).toContain('Nora Falk');
    // The reporter's own words open the timeline, unchanged.
    expect(await page.locator('.timeline__entry[data-kind="CREATED"]').textContent()).toContain(EMMAS_REPORT);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'a triaged incident');
    await screenshot(page, 'incident-triaged-nora.falk-390x844');
  });

  it('karin.vestberg (DPO) assesses the breach as high risk in the investigation: the Art. 34 stage starts', async () => {
    const page = await app.newPage(PHONE);
    await signIn(page, 'karin.vestberg');
    const [{ id }] = await app.t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM incident WHERE number = $1`,
      [emmasNumber],
    );
    await page.goto(`/incidenter/${id}`);
    const form = page.locator('[data-section="investigation"]');
    await form.getByRole('heading', { name: 'Utredning' }).waitFor();
    await page.locator('[data-regime="GDPR_ART33_IMY"]').first().waitFor();
    expect(await page.locator('[data-regime="GDPR_ART34_SUBJECTS"]').count()).toBe(0);
    expect(await page.locator('[data-field="breachRiskAssessment"]').textContent()).toBe('Inte bedömd ännu');
    await form
      .getByLabel('Riskbedömning (dataskyddsombudet)')
      .selectOption({ label: 'Hög risk för de registrerade' });
    await form.getByRole('group', { name: 'Pågår' }).getByLabel('Nej').check();
    await form.getByLabel('Antal berörda registrerade (ungefär)').fill('2');
    await form.getByLabel('Konsekvenser').fill('Beslutet lästes av fel person.');
    await form
      .getByLabel('Eskalering i krisorganisationen')
      .selectOption({ label: 'Tjänsteman i beredskap (TiB) informerad' });
    await expectNoAxeViolations(page, 'the investigation form');
    await form.getByRole('button', { name: 'Spara utredningen' }).click();
    await page.getByText('Utredningen är sparad.').waitFor();
    // HIGH_RISK brings GDPR Art. 34: the data subjects are to be informed (target 72 h, D-24).
    await page.locator('[data-regime="GDPR_ART34_SUBJECTS"]').waitFor();
    await expect
      .poll(() => page.locator('[data-field="breachRiskAssessment"]').textContent())
      .toBe('Hög risk för de registrerade');
    const [row] = await app.t.dataSource.query<
      {
        breach_risk_assessment: string;
        ongoing: string;
        data_subjects_approx: number;
        consequences: string;
        crisis_escalation: string;
      }[]
    >(
      `SELECT breach_risk_assessment, ongoing, data_subjects_approx, consequences, crisis_escalation
         FROM incident WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({
      breach_risk_assessment: 'HIGH_RISK',
      ongoing: 'NO',
      data_subjects_approx: 2,
      consequences: 'Beslutet lästes av fel person.',
      crisis_escalation: 'TIB_INFORMED',
    });
    expect(await page.locator('[data-field="crisisEscalation"]').textContent()).toBe(
      'Tjänsteman i beredskap (TiB) informerad',
    );
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await screenshot(page, 'incident-investigation-karin.vestberg-390x844');

    // BR-D8: she marks the consequences secret under OSL; the auditor then sees them masked.
    const secrecy = page.locator('[data-section="secrecy"]');
    await secrecy.getByRole('group', { name: 'Fält som markeras' }).getByLabel('Konsekvenser').check();
    await secrecy.getByLabel('Bestämmelse i OSL').fill('26 kap. 1 § OSL');
    await secrecy.getByLabel('Skäl', { exact: true }).fill('Uppgifter om enskilds personliga förhållanden.');
    await secrecy.getByRole('button', { name: 'Markera fälten' }).click();
    await page.getByText('Fälten är markerade.').waitFor();
    await secrecy.getByRole('button', { name: 'Ta bort markeringen enligt 26 kap. 1 § OSL' }).waitFor();
    await expectNoAxeViolations(page, 'the secrecy section');
    const auditor = await app.newPage(PHONE);
    await signIn(auditor, 'tove.granath');
    await auditor.goto(`/incidenter/${id}`);
    await auditor.getByText('Konsekvenser visas inte (sekretess enligt 26 kap. 1 § OSL).').waitFor();
    expect(await auditor.getByRole('main').textContent()).not.toContain('Beslutet lästes av fel person.');
    expect(await auditor.getByRole('button', { name: 'Markera fälten' }).count()).toBe(0);
  });

  it('nora.falk reads the running IMY clock of INC-01 in Stockholm time', async () => {
    const page = await app.newPage(PHONE);
    await signIn(page, 'nora.falk');
    await page.goto(`/incidenter/${await incidentId(app.t, demoNumber(1))}`);
    await expect.poll(() => mainHeading(page).textContent()).toContain(demoNumber(1));
    const imy = page.locator('[data-regime="GDPR_ART33_IMY"][data-stage="NOTIFICATION"]');
    await imy.waitFor();
    // awareAt = seed − 30 h (2026-11-15 04:00); deadline + 72 h; 42 h left at DEMO_NOW (§6.6).
    expect(await page.locator('[data-field="awareAt"]').textContent()).toBe('2026-11-15 04:00');
    expect(await imy.locator('[data-field="due"]').textContent()).toBe('2026-11-18 04:00');
    expect(await imy.locator('[data-field="timeLeft"]').textContent()).toBe('42 h 0 min kvar');
    expect(await imy.locator('[data-field="status"]').textContent()).toBe('Pågår');
    await page.locator('[data-regime="GDPR_ART34_SUBJECTS"]').waitFor();
    await expectNoAxeViolations(page, 'INC-01 with its clocks');
    await screenshot(page, 'incident-inc01-nora.falk-390x844');
  });

  it('helena.strand (verksamhetsansvarig IFF) may record the IMY notification of INC-01; the head decides (D-07)', async () => {
    const page = await app.newPage();
    await signIn(page, 'helena.strand');
    await page.goto(`/incidenter/${await incidentId(app.t, demoNumber(1))}`);
    const imy = page.locator('[data-regime="GDPR_ART33_IMY"][data-stage="NOTIFICATION"]');
    await imy.waitFor();
    await imy.getByRole('button', { name: 'Registrera inlämning' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Mottagarens diarienummer (valfritt)').fill('IMY-2026-1234');
    await dialog.getByRole('button', { name: 'Granska ändringen' }).click();
    await expectNoAxeViolations(page, 'the submission confirmation');
    await dialog.getByRole('button', { name: 'Registrera' }).click();
    await page.getByText('Inlämningen är registrerad.').waitFor();
    await expect.poll(() => imy.getAttribute('data-status')).toBe('MET');
    expect(await imy.textContent()).toContain('Mottagarens diarienummer: IMY-2026-1234');
    expect(await imy.textContent()).toContain('Inlämnad 2026-11-16 10:00');
  });

  it('sofia.lindahl (samordnare GSF) closes INC-06 with root cause and lessons, and may reopen it', async () => {
    const page = await app.newPage(PHONE);
    await signIn(page, 'sofia.lindahl');
    await page.goto(`/incidenter/${await incidentId(app.t, demoNumber(6))}`);
    await page.getByRole('button', { name: 'Avsluta incidenten' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Granska ändringen' }).click();
    // Severity Medel: lessons learned are required; the root cause recorded in the investigation is prefilled.
    await dialog.getByText('Ange lärdomarna.').waitFor();
    expect(await dialog.getByText('Ange grundorsaken.').count()).toBe(0);
    expect(await dialog.getByLabel('Grundorsak', { exact: true }).inputValue()).toBe(
      'Riktat nätfiske mot skolans personal.',
    );
    await dialog.getByLabel('Grundorsak (kategori)').selectOption({ label: 'Mänskligt misstag' });
    await dialog.getByLabel('Lärdomar').fill('Påminn om nätfiske vid terminsstart.');
    await dialog.getByRole('button', { name: 'Granska ändringen' }).click();
    await dialog.getByText(`Incidenten ${demoNumber(6)} går från Åtgärder pågår till Avslutad.`).waitFor();
    await expectNoAxeViolations(page, 'the closing confirmation');
    await dialog.getByRole('button', { name: 'Avsluta incidenten' }).click();
    await page.getByText('Incidentens status är nu Avslutad.').waitFor();
    const [row] = await app.t.dataSource.query<
      { status: string; root_cause_category: string; lessons_learned: string }[]
    >(`SELECT status, root_cause_category, lessons_learned FROM incident WHERE number = $1`, [demoNumber(6)]);
    expect(row).toEqual({
      status: 'CLOSED',
      root_cause_category: 'HUMAN_ERROR',
      lessons_learned: 'Påminn om nätfiske vid terminsstart.',
    });
    await page.getByRole('button', { name: 'Återöppna' }).waitFor();
    await screenshot(page, 'incident-closed-sofia.lindahl-390x844');
  });
});
