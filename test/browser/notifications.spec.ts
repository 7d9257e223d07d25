import { IncidentAlertsService } from '@varna/incident';
import { DEMO_NOW } from '@varna/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { report } from '../support/incidents';
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
 * The in-app inbox (issue 5) in a real browser on a phone (390×844): the escalation job step (D-27:
 * an incident untriaged one business day after it was reported) notifies nora.falk; she sees the
 * count on "Aviseringar" in the header, opens the page, follows the link to the incident, marks the
 * notification read and the count drops.
 */
const PHONE = { width: 390, height: 844 };
const HOUR = 3_600_000;
const pageWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');

describe('the notification inbox in the browser', () => {
  let app: BrowserApp;
  let incident: { id: string; number: string };

  beforeAll(async () => {
    app = await startBrowserApp();
    const reported = await report(app.t, 'emma.rahimi', { description: 'Dörren till arkivet stod öppen.' });
    incident = { id: reported.id, number: reported.number };
    // The job step as test/e2e/incident-escalation.spec.ts runs it: one business day later.
    app.t.clock.set(new Date(DEMO_NOW.getTime() + 30 * HOUR));
    expect((await app.t.app.get(IncidentAlertsService).runEscalations()).created).toBeGreaterThan(0);
    app.t.clock.set(DEMO_NOW);
  });
  afterAll(async () => {
    await app?.close();
  });

  const unreadOf = async (username: string) => {
    const [row] = await app.t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM notification n JOIN person p ON p.id = n.recipient_id
        WHERE p.username = $1 AND n.read_at IS NULL`,
      [username],
    );
    return row.n;
  };

  it('nora.falk sees the count, opens the page, follows the link, marks it read and the count drops', async () => {
    const before = await unreadOf('nora.falk');
    expect(before).toBeGreaterThan(0);
    const page = await app.newPage(PHONE);
    await signIn(page, 'nora.falk');

    const banner = page.getByRole('banner');
    const badgeNamed = (name: string) => banner.getByRole('link', { name, exact: true });
    const badge = banner.locator('.notification-badge');
    // The accessible name carries the count, starting with the visible words.
    await badgeNamed(`Aviseringar ${before} olästa`).waitFor();
    expect(await badge.locator('[data-count]').textContent()).toBe(String(before));
    // The menu offers the page too.
    await page.getByRole('button', { name: 'Meny' }).click();
    expect(await navLinks(page)).toContain('Aviseringar');
    await page.getByRole('button', { name: 'Meny' }).click();

    await badge.click();
    await expect.poll(() => mainHeading(page).textContent()).toBe('Aviseringar');
    const row = page.locator(`li[data-notification]`, { hasText: incident.number });
    await row.waitFor();
    expect(await row.getAttribute('data-unread')).toBe('true');
    expect(await row.getByRole('heading', { level: 2 }).textContent()).toBe(
      'OlästIncident som inte är bedömd',
    );
    // Stockholm time, sv-SE: the job ran at DEMO_NOW + 30 h = 2026-11-17 16:00 in Stockholm.
    expect(await row.locator('time').textContent()).toBe('2026-11-17 16:00');
    expect(await row.textContent()).toContain(`${incident.number} rapporterades`);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'the notification inbox (nora.falk)');
    await screenshot(page, 'notifications-nora.falk-390x844');

    await row.getByRole('link', { name: 'Öppna incidenten' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/incidenter/${incident.id}`);
    await expect.poll(() => mainHeading(page).textContent()).toMatch(new RegExp(`^${incident.number} `));

    await page.goBack();
    await expect.poll(() => mainHeading(page).textContent()).toBe('Aviseringar');
    await row.getByRole('button', { name: 'Markera som läst' }).click();
    await page.getByText('Aviseringen är markerad som läst.').waitFor();
    await expect.poll(() => row.getAttribute('data-unread')).toBe('false');
    expect(await row.getByRole('button', { name: 'Markera som läst' }).count()).toBe(0);
    const after = before - 1;
    expect(await unreadOf('nora.falk')).toBe(after);
    await badgeNamed(after === 0 ? 'Aviseringar, inga olästa' : `Aviseringar ${after} olästa`).waitFor();
    await expect
      .poll(() => page.locator('[data-live="notifications"]').textContent())
      .toBe(after === 0 ? 'Inga olästa aviseringar' : `${after} olästa aviseringar`);

    if (after > 0) {
      await page.getByRole('button', { name: 'Markera alla som lästa' }).click();
      await badgeNamed('Aviseringar, inga olästa').waitFor();
      expect(await badge.locator('[data-count]').count()).toBe(0);
      expect(await unreadOf('nora.falk')).toBe(0);
    }
    expect(await page.getByRole('button', { name: 'Markera alla som lästa' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'the notification inbox, all read');
  });

  it('a medarbetare with no notifications gets the page with an empty list', async () => {
    const page = await app.newPage(PHONE);
    await signIn(page, 'emma.rahimi', '/aviseringar');
    await expect.poll(() => mainHeading(page).textContent()).toBe('Aviseringar');
    await page.getByText('Du har inga aviseringar.').waitFor();
    await page
      .getByRole('banner')
      .getByRole('link', { name: 'Aviseringar, inga olästa', exact: true })
      .waitFor();
    await expectNoAxeViolations(page, 'the empty notification inbox');
  });
});
