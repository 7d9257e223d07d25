import { DEMO_NOW, DEMO_PASSWORD } from '@varna/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserApp,
  expectNoAxeViolations,
  fillSignIn,
  mainHeading,
  navLinks,
  screenshot,
  signIn,
  startBrowserApp,
} from './support/browser';

const HOUR = 60 * 60_000;
/** How wide the page's content is (wider than the viewport means sideways scrolling). */
const pageWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');
const alertText = (page: Page) => page.getByRole('alert').textContent();

describe('signing in and out in the browser', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the sign-in page on a phone (390×844): Swedish, accessible, screenshot kept', async () => {
    const page = await app.newPage({ width: 390, height: 844 });
    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/logga-in');
    await expect.poll(() => mainHeading(page).textContent()).toBe('Logga in');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('sv');
    // Nothing wider than the phone: no sideways scrolling.
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'sign-in page');
    await screenshot(page, 'sign-in-390x844');
  });

  it('the start page on a phone (390×844), with the menu behind a button', async () => {
    const page = await app.newPage({ width: 390, height: 844 });
    await signIn(page, 'emma.rahimi');
    await expect.poll(() => mainHeading(page).textContent()).toBe('Rapportera incident');
    const menu = page.getByRole('button', { name: 'Meny' });
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await screenshot(page, 'start-emma.rahimi-390x844');
    await menu.click();
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('true');
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
    await expectNoAxeViolations(page, 'start page on a phone, menu open');
    await page.getByRole('link', { name: 'Organisation' }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe('Organisation');
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    await screenshot(page, 'org-tree-emma.rahimi-390x844');
  });

  it('a wrong password gets a Swedish message; required fields are named', async () => {
    const page = await app.newPage();
    await page.goto('/logga-in');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByText('Ange ditt användarnamn.').waitFor();
    await page.getByText('Ange ditt lösenord.').waitFor();
    expect(await page.getByLabel('Användarnamn').getAttribute('aria-invalid')).toBe('true');
    await fillSignIn(page, 'nora.falk', 'fel-lösenord');
    await expect.poll(() => alertText(page)).toContain('Fel användarnamn eller lösenord.');
    await expectNoAxeViolations(page, 'sign-in page with an error');
  });

  it('repeated failures lock the account, and the page says for how long', async () => {
    const page = await app.newPage();
    await page.goto('/logga-in');
    // The throttle locks a username after 5 failures (VARNA_LOGIN_MAX_FAILURES) for 15 minutes.
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await fillSignIn(page, 'hugo.palm', `fel-${attempt}`);
      await expect.poll(() => page.getByRole('alert').getAttribute('data-code')).toBe('INVALID_CREDENTIALS');
      await page.getByRole('button', { name: 'Logga in' }).waitFor();
      await expect.poll(() => page.getByRole('button', { name: 'Logga in' }).isEnabled()).toBe(true);
    }
    // Even the right password is refused while locked.
    await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => page.getByRole('alert').getAttribute('data-code')).toBe('LOGIN_LOCKED');
    await expect
      .poll(() => alertText(page))
      .toContain(
        'För många misslyckade inloggningsförsök. Inloggningen är tillfälligt spärrad. Försök igen om 15 minuter.',
      );
    expect(new URL(page.url()).pathname).toBe('/logga-in');
    await expectNoAxeViolations(page, 'sign-in page, locked');
  });

  it('signing out ends the session and says so', async () => {
    const page = await app.newPage();
    await signIn(page, 'nora.falk');
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.waitForURL((url) => url.pathname === '/logga-in');
    await page.getByText('Du är utloggad.').waitFor();
    // The cookie is gone: a protected page asks for sign-in again.
    await page.goto('/organisation');
    await page.waitForURL((url) => url.pathname === '/logga-in');
    const status = await page.request.get('/api/me');
    expect(status.status()).toBe(401);
  });

  it('an expired session sends the person to sign in, and back to the page they were on', async () => {
    const page = await app.newPage();
    const unit = await app.t.unitId('IFF-MOT');
    await signIn(page, 'helena.strand', '/organisation');
    await page.getByRole('tree').waitFor();
    // Sessions last 8 hours (VARNA_SESSION_TTL_MINUTES); the server's clock moves past that.
    app.t.clock.advance(8 * HOUR + 60_000);
    try {
      await page.getByRole('link', { name: 'Personer' }).click();
      await page.waitForURL((url) => url.pathname === '/logga-in');
      expect(new URL(page.url()).searchParams.get('next')).toBe('/personer');
      await page
        .getByText('Din inloggning har gått ut. Logga in igen för att fortsätta där du var.')
        .waitFor();
      await expectNoAxeViolations(page, 'sign-in page after expiry');
      await fillSignIn(page, 'helena.strand', DEMO_PASSWORD);
      await page.waitForURL((url) => url.pathname === '/personer');
      await expect.poll(() => mainHeading(page).textContent()).toBe('Personer');

      // A reload with the expired cookie says the same and returns to the page.
      await page.goto(`/organisation/${unit}`);
      await page
        .locator('table[data-table=assignments]')
        .getByRole('cell', { name: 'Petter Åkesson' })
        .first()
        .waitFor();
      app.t.clock.advance(8 * HOUR + 60_000);
      await page.reload();
      await page.waitForURL((url) => url.pathname === '/logga-in');
      await page.getByText('Din inloggning har gått ut.', { exact: false }).waitFor();
      await fillSignIn(page, 'helena.strand', DEMO_PASSWORD);
      await page.waitForURL((url) => url.pathname === `/organisation/${unit}`);
      await expect.poll(() => mainHeading(page).textContent()).toBe('Mottagningsenheten barn och unga');
    } finally {
      app.t.clock.set(DEMO_NOW);
    }
  });

  it('a session revoked elsewhere signs the person out mid-visit, then back to the page', async () => {
    const page = await app.newPage();
    await signIn(page, 'petter.akesson');
    await expect.poll(() => mainHeading(page).textContent()).toBe('Översikt');
    // Another device (here: the API itself) revokes every session of the account.
    const petter = await app.t.personId('petter.akesson');
    await app.t.dataSource.query('UPDATE session SET revoked_at = now() WHERE person_id = $1', [petter]);
    await page.getByRole('link', { name: 'Organisation' }).click();
    await page.waitForURL((url) => url.pathname === '/logga-in');
    await page.getByText('Du har blivit utloggad. Logga in igen för att fortsätta där du var.').waitFor();
    await fillSignIn(page, 'petter.akesson', DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/organisation');
  });

  it('the language switch turns the UI English and is remembered', async () => {
    const page = await app.newPage();
    await signIn(page, 'emma.rahimi');
    await page.getByRole('button', { name: 'Byt språk: English' }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe('Report an incident');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect
      .poll(() => page.getByRole('navigation', { name: 'Main menu' }).getByRole('link').allTextContents())
      .toEqual([
        'Report an incident',
        'My reports',
        'Organisation',
        'Information sets',
        'Assets',
        'Notifications',
      ]);
    await page.reload();
    await expect.poll(() => mainHeading(page).textContent()).toBe('Report an incident');
    await expectNoAxeViolations(page, 'start page in English');
    await page.getByRole('button', { name: 'Change language: Svenska' }).click();
    await expect.poll(() => mainHeading(page).textContent()).toBe('Rapportera incident');
  });

  it('the skip link moves the focus to the page content', async () => {
    const page = await app.newPage();
    await signIn(page, 'emma.rahimi');
    // A fresh page load: the first Tab reaches the skip link before anything else.
    await page.reload();
    await expect.poll(() => mainHeading(page).textContent()).toBe('Rapportera incident');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.locator(':focus').textContent()).toBe('Hoppa till innehållet');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(':focus').getAttribute('id')).toBe('main');
  });
});
