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
 * Attachments and the register export in a real browser against the real API and database: a
 * medarbetare reports with a picture on her phone, a handler finds and downloads it, a file the API
 * would refuse is stopped in the form with a Swedish message, and the list exports with its filters.
 */
const PHONE = { width: 390, height: 844 };
const pageWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function fillReport(page: Page, description: string) {
  await page.getByLabel('Vad har hänt? *').fill(description);
  await page.getByRole('group', { name: 'Berör det personuppgifter? *' }).getByLabel('Nej').check();
  await page.getByRole('group', { name: 'Pågår det fortfarande? *' }).getByLabel('Nej').check();
}

describe('incident attachments and the register export in the browser', () => {
  let app: BrowserApp;
  const REPORT = 'En skärmbild visar att en obehörig inloggning gjordes i verksamhetssystemet.';

  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('emma.rahimi reports with a small PNG on her phone; the receipt says it is attached', async () => {
    const page = await app.newPage(PHONE);
    await signIn(page, 'emma.rahimi');
    await expect.poll(() => mainHeading(page).textContent()).toBe('Rapportera incident');
    await fillReport(page, REPORT);
    const input = page.getByLabel('Bifoga en bild eller fil (valfritt)');
    expect(await input.getAttribute('type')).toBe('file');
    expect((await input.getAttribute('accept'))?.split(',')).toContain('.png');
    await input.setInputFiles({ name: 'skarmbild.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText(`Vald fil: skarmbild.png (${PNG.length} B)`).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'the reporting form with a file chosen');
    await page.getByRole('button', { name: 'Skicka rapporten' }).click();
    const attached = page.locator('[data-attachment="attached"]');
    await attached.waitFor();
    expect(await attached.textContent()).toBe('Filen skarmbild.png är bifogad till rapporten.');
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'the receipt with an attachment');
    await screenshot(page, 'report-attachment-receipt-emma.rahimi-390x844');

    const rows = await app.t.dataSource.query<{ file_name: string; size_bytes: number; username: string }[]>(
      `SELECT a.file_name, a.size_bytes, p.username FROM incident_attachment a
         JOIN incident i ON i.id = a.incident_id JOIN person p ON p.id = a.uploaded_by_id
        WHERE i.description = $1`,
      [REPORT],
    );
    expect(rows.map((r) => [r.file_name, Number(r.size_bytes), r.username])).toEqual([
      ['skarmbild.png', PNG.length, 'emma.rahimi'],
    ]);
  });

  it('a too large or wrong-type file is stopped in the form with a Swedish message; nothing is sent', async () => {
    const page = await app.newPage(PHONE);
    await signIn(page, 'emma.rahimi');
    await expect.poll(() => mainHeading(page).textContent()).toBe('Rapportera incident');
    const description = 'Ett program från ett mejl startade på datorn i receptionen.';
    await fillReport(page, description);
    const input = page.getByLabel('Bifoga en bild eller fil (valfritt)');
    await input.setInputFiles({
      name: 'program.exe',
      mimeType: 'application/x-msdownload',
      buffer: Buffer.from('MZ'),
    });
    const error = page.locator('[data-error="attachment"]');
    await error.waitFor();
    expect(await error.textContent()).toBe(
      'Filtypen är inte tillåten. Tillåtna: PDF, PNG, JPEG, HEIC, GIF, TXT, CSV, DOCX, XLSX, EML och MSG.',
    );
    await page.getByRole('button', { name: 'Skicka rapporten' }).click();
    await expect
      .poll(() => page.evaluate<string | undefined>('document.activeElement?.id'))
      .toBe('report-attachment');
    expect(await page.locator('.receipt').count()).toBe(0);
    await expectNoAxeViolations(page, 'the reporting form with a refused file');
    await screenshot(page, 'report-attachment-refused-390x844');

    await input.setInputFiles({
      name: 'stor.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0x25),
    });
    await expect
      .poll(() => error.textContent())
      .toBe('Filen är för stor. Största tillåtna storlek är 10 MB.');
    await page.getByRole('button', { name: 'Skicka rapporten' }).click();
    await expect
      .poll(() => page.evaluate<string | undefined>('document.activeElement?.id'))
      .toBe('report-attachment');
    const sent = await app.t.dataSource.query<unknown[]>('SELECT 1 FROM incident WHERE description = $1', [
      description,
    ]);
    expect(sent).toHaveLength(0);
  });

  it('nora.falk (samordnare IFF) sees the attachment on the incident page and downloads it', async () => {
    const [{ id, number }] = await app.t.dataSource.query<{ id: string; number: string }[]>(
      'SELECT id, number FROM incident WHERE description = $1',
      [REPORT],
    );
    const page = await app.newPage(PHONE);
    await signIn(page, 'nora.falk');
    await page.goto(`/incidenter/${id}`);
    await expect.poll(() => mainHeading(page).textContent()).toContain(number);
    const section = page.locator('[data-section="attachments"]');
    await section.getByRole('heading', { name: 'Bilagor' }).waitFor();
    const item = section.locator('[data-attachment="skarmbild.png"]');
    await item.waitFor();
    expect(await item.textContent()).toContain(`${PNG.length} B · image/png`);
    expect(await item.textContent()).toContain('Emma Rahimi');
    const href = await item.getByRole('link', { name: 'skarmbild.png' }).getAttribute('href');
    expect(href).toMatch(new RegExp(`^/api/incidents/${id}/attachments/[0-9a-f-]{36}$`));
    const response = await page.request.get(new URL(href as string, page.url()).toString());
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
    expect(response.headers()['content-disposition']).toContain('attachment; filename="skarmbild.png"');
    expect(Buffer.from(await response.body()).equals(PNG)).toBe(true);
    // She may add a file herself.
    await section.getByLabel('Ladda upp en bilaga').waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'the incident page with an attachment');
    await screenshot(page, 'incident-attachments-nora.falk-390x844');
  });

  it('nora.falk exports the list as XLSX and CSV with the current filters', async () => {
    const page = await app.newPage(PHONE);
    await signIn(page, 'nora.falk');
    await page.goto('/incidenter');
    await expect.poll(() => mainHeading(page).textContent()).toBe('Incidenter');
    await page.getByLabel('Status').selectOption({ label: 'Rapporterad' });
    const csv = page.getByRole('link', { name: 'Exportera till CSV' });
    await expect
      .poll(() => csv.getAttribute('href'))
      .toBe('/api/incidents/export?status=REPORTED&format=csv');
    expect(await page.getByRole('link', { name: 'Exportera till Excel (XLSX)' }).getAttribute('href')).toBe(
      '/api/incidents/export?status=REPORTED&format=xlsx',
    );
    const response = await page.request.get(
      new URL('/api/incidents/export?status=REPORTED&format=csv', page.url()).toString(),
    );
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/csv');
    expect(await response.text()).toContain(REPORT.slice(0, 30));
    await expectNoAxeViolations(page, 'the incident list with export');
    await screenshot(page, 'incidents-export-nora.falk-390x844');
  });

  it('emma.rahimi (medarbetare) is offered no export', async () => {
    const page = await app.newPage(PHONE);
    await signIn(page, 'emma.rahimi', '/mina-rapporter');
    await page.goto('/incidenter');
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('link', { name: 'Exportera till CSV' }).count()).toBe(0);
  });
});
