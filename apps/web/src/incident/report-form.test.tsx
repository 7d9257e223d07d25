import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import type { OrgUnit } from '../api/types';
import { AppHarness, UNITS } from '../test-support';
import { emptyReport, reportBody, validateReport } from './report-form';
import { formatSpan, fromStockholmInput, toStockholmInput } from './time';

describe('Stockholm wall time for datetime-local fields', () => {
  it('sends the offset that held then: +01:00 in winter, +02:00 in summer', () => {
    expect(fromStockholmInput('2026-11-16T10:00')).toBe('2026-11-16T10:00:00+01:00');
    expect(fromStockholmInput('2026-07-01T14:05')).toBe('2026-07-01T14:05:00+02:00');
    // The autumn hour that occurs twice: the first (summer) one.
    expect(fromStockholmInput('2026-10-25T02:30')).toBe('2026-10-25T02:30:00+02:00');
    expect(Date.parse(fromStockholmInput('2026-03-29T01:59') as string)).toBe(
      Date.parse('2026-03-29T00:59:00Z'),
    );
  });

  it('refuses what is not a date and time', () => {
    expect(fromStockholmInput('2026-02-30T10:00')).toBeNull();
    expect(fromStockholmInput('2026-11-16')).toBeNull();
    expect(fromStockholmInput('')).toBeNull();
  });

  it('shows an instant as Stockholm wall time, and back again', () => {
    expect(toStockholmInput('2026-11-16T09:00:00Z')).toBe('2026-11-16T10:00');
    expect(toStockholmInput('2026-07-01T12:05:00Z')).toBe('2026-07-01T14:05');
    const value = toStockholmInput('2026-11-15T04:00:00Z');
    expect(Date.parse(fromStockholmInput(value) as string)).toBe(Date.parse('2026-11-15T04:00:00Z'));
  });

  it('words spans in hours and minutes', () => {
    expect(formatSpan(42 * 3600)).toBe('42 h 0 min');
    expect(formatSpan(-3700)).toBe('1 h 1 min');
    expect(formatSpan(59)).toBe('0 min');
    expect(formatSpan(72 * 3600 - 1)).toBe('71 h 59 min');
  });
});

describe('the report form model', () => {
  const now = new Date('2026-11-16T09:00:00Z');
  const filled = {
    ...emptyReport(UNITS.IFF_UTR, now),
    description: 'Ett mejl gick till fel vårdnadshavare.',
    personalDataInvolved: 'YES' as const,
    ongoing: 'NO' as const,
  };

  it('starts discovered now in Stockholm time at the home unit, nothing answered', () => {
    expect(emptyReport(UNITS.IFF_UTR, now)).toEqual({
      description: '',
      title: '',
      occurredAt: '',
      discoveredAt: '2026-11-16T10:00',
      orgUnitId: UNITS.IFF_UTR,
      personalDataInvolved: '',
      ongoing: '',
    });
  });

  it('requires the description and both answers; the rest has its defaults', () => {
    expect(validateReport(emptyReport(UNITS.IFF_UTR, now), now)).toEqual({
      description: 'report.error.descriptionRequired',
      personalDataInvolved: 'report.error.answerRequired',
      ongoing: 'report.error.answerRequired',
    });
    expect(validateReport({ ...filled, description: '   ' }, now).description).toBe(
      'report.error.descriptionRequired',
    );
    expect(validateReport(filled, now)).toEqual({});
  });

  it('refuses times in the future and a happening after its discovery', () => {
    expect(validateReport({ ...filled, discoveredAt: '2026-11-16T10:05' }, now).discoveredAt).toBe(
      'report.error.timeInFuture',
    );
    expect(
      validateReport({ ...filled, discoveredAt: '2026-11-16T08:00', occurredAt: '2026-11-16T09:00' }, now)
        .occurredAt,
    ).toBe('report.error.occurredAfterDiscovered');
    expect(validateReport({ ...filled, discoveredAt: '' }, now).discoveredAt).toBe(
      'report.error.discoveredRequired',
    );
    expect(validateReport({ ...filled, title: 'x'.repeat(201) }, now).title).toBe(
      'report.error.titleTooLong',
    );
  });

  it('sends times as ISO with the offset; an unchanged "now" is left to the server’s clock', () => {
    const times = { ...filled, occurredAt: '2026-11-15T04:00', discoveredAt: '2026-11-15T05:00' };
    expect(reportBody(times, true)).toEqual({
      description: filled.description,
      orgUnitId: UNITS.IFF_UTR,
      occurredAt: '2026-11-15T04:00:00+01:00',
      discoveredAt: '2026-11-15T05:00:00+01:00',
      personalDataInvolved: 'YES',
      ongoing: 'NO',
    });
    expect(reportBody(filled, false)).not.toHaveProperty('discoveredAt');
    expect(reportBody({ ...filled, title: '  Fel mottagare  ' }, false).title).toBe('Fel mottagare');
  });
});

const UNIT_ROWS: Partial<OrgUnit>[] = [
  { id: UNITS.IFF_UTR, code: 'IFF-UTR', name: 'Utredningsenheten barn och unga', shortName: 'Utredning' },
  { id: UNITS.ALF, code: 'ALF', name: 'Arbetslivsförvaltningen', shortName: 'ALF' },
  { id: UNITS.IFF, code: 'IFF', name: 'Individ- och familjeomsorgsförvaltningen', shortName: 'IFF' },
].map((u) => ({ ...u, status: 'ACTIVE', path: [u.id] }));

interface Sent {
  key: string | null;
  body: Record<string, unknown>;
}

/** A fetch that answers the unit list and takes reports as `answers` say, one answer per attempt. */
function fakeApi(answers: ('network' | 500 | 201)[]) {
  const sent: Sent[] = [];
  let count = 16;
  const fetch = vi.fn((url: string, init?: RequestInit): Promise<Response> => {
    const answerWith = (body: unknown, status = 200) =>
      Promise.resolve(new Response(JSON.stringify(body), { status }));
    if (url.startsWith('/api/org-units')) return answerWith({ items: UNIT_ROWS, total: UNIT_ROWS.length });
    if (url === '/api/incidents' && init?.method === 'POST') {
      const headers = init.headers as Record<string, string>;
      const body = JSON.parse(init.body as string) as Record<string, unknown>;
      sent.push({ key: headers['Idempotency-Key'] ?? null, body });
      const answer = answers.shift() ?? 201;
      if (answer === 'network') return Promise.reject(new TypeError('Failed to fetch'));
      if (answer === 500) {
        return answerWith(
          { statusCode: 500, code: 'INTERNAL_ERROR', message: 'x', correlationId: 'c-1' },
          500,
        );
      }
      const number = `INC-2026-${String(count++).padStart(4, '0')}`;
      return answerWith({ view: 'REPORTER', id: `i-${count}`, number, status: 'REPORTED' }, 201);
    }
    return answerWith({ items: [], total: 0, limit: 50, offset: 0 });
  });
  vi.stubGlobal('fetch', fetch);
  return sent;
}

async function fillIn(user: ReturnType<typeof userEvent.setup>, text = 'Ett mejl gick till fel mottagare.') {
  await user.type(screen.getByLabelText('Vad har hänt? *'), text);
  const personalData = screen.getByRole('group', { name: 'Berör det personuppgifter? *' });
  await user.click(within(personalData).getByLabelText('Ja'));
  const ongoing = screen.getByRole('group', { name: 'Pågår det fortfarande? *' });
  await user.click(within(ongoing).getByLabelText('Vet inte'));
}

function renderForm() {
  render(
    <AppHarness username="emma.rahimi" path="/rapportera-incident">
      <App />
    </AppHarness>,
  );
}

// Typing a whole form in happy-dom on a busy machine takes seconds: more than the default 5 s.
describe('the reporting form (D-23)', { timeout: 30_000 }, () => {
  beforeEach(() => {
    vi.stubGlobal('crypto', { randomUUID: vi.fn(() => `key-${Math.random().toString(36).slice(2)}`) });
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lists what to fix, links each error to its field and moves the focus to the summary', async () => {
    const sent = fakeApi([]);
    const user = userEvent.setup();
    renderForm();
    await screen.findByRole('option', { name: 'Utredningsenheten barn och unga' });
    await user.click(screen.getByRole('button', { name: 'Skicka rapporten' }));
    const summary = await screen.findByText('Rapporten är inte skickad. Rätta följande:');
    const box = summary.closest('.error-summary') as HTMLElement;
    expect(document.activeElement).toBe(box);
    expect(
      within(box)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['#report-description', '#report-personal-data', '#report-ongoing']);
    const description = screen.getByLabelText('Vad har hänt? *');
    expect(description.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (description.getAttribute('aria-describedby') ?? '').split(' ');
    expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toContain(
      'Beskriv vad som har hänt.',
    );
    const group = screen.getByRole('group', { name: 'Berör det personuppgifter? *' });
    const groupDescription = (group.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(groupDescription).toContain('Svara Ja, Nej eller Vet inte.');
    await user.click(within(box).getByRole('link', { name: 'Beskriv vad som har hänt.' }));
    expect(document.activeElement).toBe(description);
    expect(sent).toEqual([]);
  });

  it('defaults to the reporter’s home unit and finds another unit by name', async () => {
    fakeApi([]);
    const user = userEvent.setup();
    renderForm();
    await screen.findByRole('option', { name: 'Utredningsenheten barn och unga' });
    const select = screen.getByLabelText<HTMLSelectElement>('Var? *');
    expect(select.value).toBe(UNITS.IFF_UTR);
    await user.type(screen.getByLabelText('Sök enhet'), 'arbetsliv');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Arbetslivsförvaltningen', 'Utredningsenheten barn och unga']);
  });

  it('retries a failed send with the same Idempotency-Key, and takes a new one for the next report', async () => {
    const sent = fakeApi(['network', 500, 201, 201]);
    const user = userEvent.setup();
    renderForm();
    await screen.findByRole('option', { name: 'Utredningsenheten barn och unga' });
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Skicka rapporten' }));
    await screen.findByText('Rapporten kom inte fram');
    expect(document.activeElement?.className).toBe('error-summary');
    await user.click(screen.getByRole('button', { name: 'Försök skicka igen' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    await screen.findByText(/Tjänsten svarar inte/);
    await user.click(screen.getByRole('button', { name: 'Försök skicka igen' }));
    const receipt = await screen.findByRole('heading', { name: 'Tack! Din rapport är mottagen' });
    expect(document.activeElement).toBe(receipt);
    expect(screen.getByText('Rapportens nummer är INC-2026-0016.')).toBeTruthy();
    // Three attempts, one key, the same body each time.
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((s) => s.key)).size).toBe(1);
    expect(sent[0].key).toMatch(/^key-/);
    expect(sent[1].body).toEqual(sent[0].body);
    expect(sent[2].body).toEqual(sent[0].body);
    expect(sent[0].body).toEqual({
      description: 'Ett mejl gick till fel mottagare.',
      orgUnitId: UNITS.IFF_UTR,
      personalDataInvolved: 'YES',
      ongoing: 'UNKNOWN',
    });

    await user.click(screen.getByRole('button', { name: 'Rapportera en till' }));
    const description = screen.getByLabelText<HTMLTextAreaElement>('Vad har hänt? *');
    expect(description.value).toBe('');
    expect(document.activeElement).toBe(description);
    await fillIn(user, 'En surfplatta glömdes på bussen.');
    await user.click(screen.getByRole('button', { name: 'Skicka rapporten' }));
    await screen.findByText('Rapportens nummer är INC-2026-0017.');
    expect(sent).toHaveLength(4);
    expect(sent[3].key).not.toBe(sent[0].key);
  });

  it('uploads the chosen file after the report; a refused upload is told on the receipt, the report kept', async () => {
    const sent = fakeApi([201]);
    const reportFetch = globalThis.fetch as (url: string, init?: RequestInit) => Promise<Response>;
    const uploads: string[] = [];
    vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
      if (url.endsWith('/attachments') && init?.method === 'POST') {
        uploads.push(url);
        return Promise.resolve(
          new Response(
            JSON.stringify({ statusCode: 415, code: 'ATTACHMENT_TYPE_NOT_ALLOWED', message: 'x' }),
            { status: 415 },
          ),
        );
      }
      return reportFetch(url, init);
    });
    const user = userEvent.setup();
    renderForm();
    await screen.findByRole('option', { name: 'Utredningsenheten barn och unga' });
    await fillIn(user);
    const input = screen.getByLabelText<HTMLInputElement>('Bifoga en bild eller fil (valfritt)');
    await user.upload(input, new File(['%PDF-1.4'], 'beslut.pdf', { type: 'application/pdf' }));
    await user.click(screen.getByRole('button', { name: 'Skicka rapporten' }));
    await screen.findByText('Rapportens nummer är INC-2026-0016.');
    expect(sent).toHaveLength(1);
    expect(uploads).toEqual(['/api/incidents/i-17/attachments']);
    expect(
      screen.getByText(
        'Rapporten är mottagen, men filen beslut.pdf kunde inte bifogas. Du kan skicka den till den som handlägger incidenten.',
      ),
    ).toBeTruthy();
    expect(screen.getByText(/^Filtypen är inte tillåten\./)).toBeTruthy();
  });

  it('sends a changed discovery time as ISO with the Stockholm offset', async () => {
    const sent = fakeApi([201]);
    const user = userEvent.setup();
    renderForm();
    await screen.findByRole('option', { name: 'Utredningsenheten barn och unga' });
    await fillIn(user);
    const discovered = screen.getByLabelText('När upptäckte du det? *');
    await user.clear(discovered);
    await user.type(discovered, '2026-07-01T14:05');
    await user.click(screen.getByRole('button', { name: 'Skicka rapporten' }));
    await screen.findByRole('heading', { name: 'Tack! Din rapport är mottagen' });
    expect(sent[0].body.discoveredAt).toBe('2026-07-01T14:05:00+02:00');
  });

  it('keeps nothing on the device', async () => {
    fakeApi([201]);
    const user = userEvent.setup();
    localStorage.clear();
    sessionStorage.clear();
    renderForm();
    await screen.findByRole('option', { name: 'Utredningsenheten barn och unga' });
    await fillIn(user, 'Hemlig text');
    await user.click(screen.getByRole('button', { name: 'Skicka rapporten' }));
    await screen.findByRole('heading', { name: 'Tack! Din rapport är mottagen' });
    const values = (storage: Storage) =>
      Array.from({ length: storage.length }, (_, i) => storage.getItem(storage.key(i) ?? '') ?? '');
    const stored = [...values(localStorage), ...values(sessionStorage)].join(' ');
    expect(stored).not.toContain('Hemlig text');
  });
});
