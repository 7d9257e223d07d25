import { describe, expect, it } from 'vitest';
import {
  EMPTY_VALUE,
  extractPdfText,
  renderPdf,
  stockholmDateTime,
  type PdfDocumentSpec,
} from '@varna/documents';

const spec = (overrides: Partial<PdfDocumentSpec> = {}): PdfDocumentSpec => ({
  organisationName: 'Exempelby kommun',
  title: 'Anmälan av personuppgiftsincident',
  subtitle: 'INC-2026-0001',
  draft: true,
  generatedAt: new Date('2026-11-16T09:00:00Z'),
  blocks: [
    { type: 'notice', heading: 'Tänk på', text: 'Allt som skickas blir en allmän handling.' },
    {
      type: 'section',
      heading: 'Personuppgiftsansvarig',
      rows: [
        { label: 'Namn', value: 'Socialnämnden' },
        { label: 'Organisationsnummer', value: null },
        { label: 'Beskrivning', value: '   ' },
      ],
      paragraphs: ['Åtgärder: spärr av konto – klart, § 5 följd. Tecken utanför Windows-1252: ≥ ✓'],
    },
  ],
  ...overrides,
});

describe('renderPdf', () => {
  it('writes a PDF whose text reads back in Swedish, with heading, rows, empty values and page numbers', async () => {
    const pdf = await renderPdf(spec(), { compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = extractPdfText(pdf);
    for (const expected of [
      'Exempelby kommun',
      'Anmälan av personuppgiftsincident',
      'INC-2026-0001',
      'UTKAST',
      'Skapad 2026-11-16 10:00 (svensk tid)',
      'Tänk på',
      'Allt som skickas blir en allmän handling.',
      'Namn Socialnämnden',
      `Organisationsnummer ${EMPTY_VALUE}`,
      `Beskrivning ${EMPTY_VALUE}`,
      'Åtgärder: spärr av konto – klart, § 5 följd. Tecken utanför Windows-1252: ? ?',
      'Sida 1 av 1',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('is deterministic: the same spec gives the same bytes, the creation date is generatedAt', async () => {
    const a = await renderPdf(spec());
    const b = await renderPdf(spec());
    expect(a.equals(b)).toBe(true);
    const plain = await renderPdf(spec(), { compress: false });
    expect(plain.toString('latin1')).toContain('(D:20261116090000Z)');
    const later = await renderPdf(spec({ generatedAt: new Date('2026-11-16T09:00:01Z') }));
    expect(later.equals(a)).toBe(false);
  });

  it('numbers every page "Sida n av m" and leaves the draft marks out of a final document', async () => {
    const many = Array.from({ length: 80 }, (_, i) => ({
      label: `Rad ${i + 1}`,
      value: 'värde '.repeat(20),
    }));
    const pdf = await renderPdf(
      spec({ draft: false, blocks: [{ type: 'section', heading: 'Lång', rows: many }] }),
      {
        compress: false,
      },
    );
    const text = extractPdfText(pdf);
    const pages = [...text.matchAll(/Sida (\d+) av (\d+)/g)];
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.map((p) => Number(p[1]))).toEqual(pages.map((_, i) => i + 1));
    expect(new Set(pages.map((p) => p[2]))).toEqual(new Set([String(pages.length)]));
    expect(text).toContain('Rad 80');
    expect(text).not.toContain('UTKAST');
  });
});

describe('stockholmDateTime', () => {
  it('shows winter and summer time in Europe/Stockholm, 24-hour', () => {
    expect(stockholmDateTime(new Date('2026-11-16T09:00:00Z'))).toBe('2026-11-16 10:00');
    expect(stockholmDateTime(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02 00:30');
  });
});
