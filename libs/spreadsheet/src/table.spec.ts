import { DomainError } from '@varna/core';
import * as ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { date, enumeration, enumList, integer, text, textList, yesNo, type RowOf } from './columns';
import { detectFormat, detectSeparator, readTable, unpackedSize, writeTable } from './table';

const STATUS = { DRAFT: 'Utkast', ACTIVE: 'Aktiv', RETIRED: 'Avvecklad' } as const;
const CATEGORY = {
  IDENTITY: 'Identitetsuppgifter',
  HEALTH: 'Hälsa',
  PERSONAL_ID_NUMBER: 'Personnummer',
} as const;

const spec = {
  code: text('Kod', { required: true, maxLength: 20 }),
  name: text('Namn', { required: true, maxLength: 200 }),
  status: enumeration('Status', STATUS, { required: true }),
  categories: enumList('Personuppgiftskategorier', CATEGORY),
  personalData: yesNo('Personuppgifter'),
  provisions: textList('Sekretessbestämmelser'),
  reviewedOn: date('Granskad'),
  rtoHours: integer('RTO (timmar)', { min: 0, max: 8760 }),
  recordsClass: text('Klassificeringskod'),
};
type Row = RowOf<typeof spec>;

const ROWS: Row[] = [
  {
    code: 'IM-09',
    name: 'Barnavårdsutredningar',
    status: 'ACTIVE',
    categories: ['IDENTITY', 'HEALTH'],
    personalData: true,
    provisions: ['26 kap. 1 § OSL'],
    reviewedOn: '2026-03-02',
    rtoHours: 24,
    recordsClass: '2.1.1.0',
  },
  {
    code: 'IM-40',
    name: '=HYPERLINK("http://example.invalid","klicka")',
    status: 'DRAFT',
    categories: [],
    personalData: false,
    provisions: ['23 kap. 2 §', '25 kap. 1 § OSL'],
    reviewedOn: null,
    rtoHours: null,
    recordsClass: null,
  },
];

/** A CSV file as bytes, with or without the BOM Excel writes for "CSV UTF-8". */
const csv = (lines: string[], { bom = true } = {}) =>
  Buffer.concat([
    bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
    Buffer.from(lines.join('\r\n'), 'utf8'),
  ]);

/** An XLSX file made directly with exceljs, the way Excel stores typed cells. */
async function xlsx(rows: ExcelJS.CellValue[][], fill?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Informationsmängder');
  rows.forEach((r, i) => {
    if (r.length) sheet.getRow(i + 1).values = r;
  });
  fill?.(sheet);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function expectCode(promise: Promise<unknown>, statusCode: number, code: string) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  expect({ statusCode: (err as DomainError).statusCode, code: (err as DomainError).code }).toEqual({
    statusCode,
    code,
  });
}

const HEADER =
  'Kod;Namn;Status;Personuppgiftskategorier;Personuppgifter;Sekretessbestämmelser;Granskad;RTO (timmar);Klassificeringskod';

describe('writeTable and readTable round trip', () => {
  it('XLSX: bold, frozen, filterable header with widths; dates as date cells; reads back the same rows', async () => {
    const buffer = await writeTable(ROWS, 'xlsx', spec, { sheetName: 'Informationsmängder' });
    expect(detectFormat(buffer)).toBe('xlsx');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0];
    expect(sheet.name).toBe('Informationsmängder');
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADER.split(';')]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).width).toBe(20);
    expect(sheet.getColumn(2).width).toBe(60);
    expect(sheet.getCell('C2').value).toBe('Aktiv');
    expect(sheet.getCell('D2').value).toBe('Identitetsuppgifter; Hälsa');
    expect(sheet.getCell('E2').value).toBe('Ja');
    expect(sheet.getCell('G2').value).toEqual(new Date('2026-03-02T00:00:00Z'));
    expect(sheet.getCell('G2').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('H2').value).toBe(24);
    // XLSX text cells are never formulas: written as they are.
    expect(sheet.getCell('B3').value).toBe(ROWS[1].name);

    expect(await readTable(buffer, 'xlsx', spec)).toEqual({
      ok: true,
      rows: [
        { row: 2, values: ROWS[0] },
        { row: 3, values: ROWS[1] },
      ],
    });
  });

  it('CSV: UTF-8 with BOM, ; separated, CRLF, Swedish labels, formula text quoted; reads back the same rows', async () => {
    const buffer = await writeTable(ROWS, 'csv', spec);
    expect(detectFormat(buffer)).toBe('csv');
    expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = buffer.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines[1]).toBe(
      'IM-09;Barnavårdsutredningar;Aktiv;"Identitetsuppgifter; Hälsa";Ja;26 kap. 1 § OSL;2026-03-02;24;2.1.1.0',
    );
    expect(lines[2]).toBe(
      `IM-40;"'=HYPERLINK(""http://example.invalid"",""klicka"")";Utkast;;Nej;"23 kap. 2 §; 25 kap. 1 § OSL";;;`,
    );

    expect(await readTable(buffer, 'csv', spec)).toEqual({
      ok: true,
      rows: [
        { row: 2, values: ROWS[0] },
        { row: 3, values: ROWS[1] },
      ],
    });
  });
  it('writes a key left out of a row as an empty cell (a field the reader may not see)', async () => {
    const buffer = await writeTable(
      [{ code: 'IM-05', name: 'Säkerhetsskydd', status: 'ACTIVE' }],
      'csv',
      spec,
    );
    expect(buffer.subarray(3).toString('utf8').split('\r\n')[1]).toBe('IM-05;Säkerhetsskydd;Aktiv;;;;;;');
  });
});

describe('readTable: CSV as people write it', () => {
  it('comma separated, no BOM, codes or labels in any case, comma lists, headers by key', async () => {
    const buffer = csv(
      [
        'kod,NAMN,status,Personuppgiftskategorier,personalData,Granskad',
        'IM-01,"Diarium, nämndhandlingar",aktiv,"hälsa, PERSONAL_ID_NUMBER",ja,2026-02-10',
        'IM-02,Personalakter,RETIRED,,NEJ,',
      ],
      { bom: false },
    );
    const result = await readTable(buffer, 'csv', spec);
    expect(result).toEqual({
      ok: true,
      rows: [
        {
          row: 2,
          values: {
            code: 'IM-01',
            name: 'Diarium, nämndhandlingar',
            status: 'ACTIVE',
            categories: ['HEALTH', 'PERSONAL_ID_NUMBER'],
            personalData: true,
            provisions: [],
            reviewedOn: '2026-02-10',
            rtoHours: null,
            recordsClass: null,
          },
        },
        {
          row: 3,
          values: {
            code: 'IM-02',
            name: 'Personalakter',
            status: 'RETIRED',
            categories: [],
            personalData: false,
            provisions: [],
            reviewedOn: null,
            rtoHours: null,
            recordsClass: null,
          },
        },
      ],
    });
  });

  it('reads a file older Excel saved in Windows-1252', async () => {
    const buffer = Buffer.from(
      'Kod;Namn;Status\r\nIM-24;Vårdnadshavares kontaktuppgifter, förskola;Utkast\r\n',
      'latin1',
    );
    const result = await readTable(buffer, 'csv', spec);
    expect(result.ok && result.rows[0].values.name).toBe('Vårdnadshavares kontaktuppgifter, förskola');
  });

  it('keeps codes as text: "0012" and "2.10" do not become numbers', async () => {
    const result = await readTable(
      csv(['Kod;Namn;Status;Klassificeringskod', '0012;X;Aktiv;2.10']),
      'csv',
      spec,
    );
    expect(result.ok && result.rows[0].values).toMatchObject({ code: '0012', recordsClass: '2.10' });
  });

  it('detects the separator from the header line, outside quotes', () => {
    expect(detectSeparator('a;b;c\n1,2,3,4,5')).toBe(';');
    expect(detectSeparator('a,b,c\n1;2;3;4')).toBe(',');
    expect(detectSeparator('"a,b,c";d\n')).toBe(';');
    expect(detectSeparator('a\tb\tc')).toBe('\t');
    expect(detectSeparator('a')).toBe(';');
  });
});

describe('readTable: XLSX typed cells', () => {
  it('reads date cells, numbers in text columns, Excel booleans, rich text and formula results', async () => {
    const buffer = await xlsx(
      [
        ['Kod', 'Namn', 'Status', 'Personuppgifter', 'Granskad', 'RTO (timmar)', 'Klassificeringskod'],
        [
          'IM-03',
          { richText: [{ text: 'Löne' }, { font: { bold: true }, text: 'data' }] },
          'Aktiv',
          true,
          new Date('2025-11-20T00:00:00Z'),
          { formula: '12*2', result: 24 },
          2.1,
        ],
      ],
      (sheet) => {
        sheet.getCell('E2').numFmt = 'yyyy-mm-dd';
      },
    );
    expect(await readTable(buffer, 'xlsx', spec)).toEqual({
      ok: true,
      rows: [
        {
          row: 2,
          values: {
            code: 'IM-03',
            name: 'Lönedata',
            status: 'ACTIVE',
            categories: [],
            personalData: true,
            provisions: [],
            reviewedOn: '2025-11-20',
            rtoHours: 24,
            recordsClass: '2.1',
          },
        },
      ],
    });
  });
});

describe('readTable: errors placed as in Excel (header = row 1)', () => {
  it('reports unknown, duplicate and missing headers on row 1 and reads no rows', async () => {
    const result = await readTable(
      csv(['Kod;Benämning;Kod;Personuppgifter', 'IM-01;X;IM-01;Ja']),
      'csv',
      spec,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          row: 1,
          column: 'Benämning',
          message: expect.stringMatching(/^Okänd kolumn\. Kolumnerna är: Kod, Namn, Status/),
        },
        { row: 1, column: 'Kod', message: 'Kolumnen finns mer än en gång.' },
        { row: 1, column: 'Namn', message: 'Kolumnen saknas.' },
        { row: 1, column: 'Status', message: 'Kolumnen saknas.' },
      ],
    });
  });

  it('reports every bad cell with its Excel row, blank rows counted, and a value under no header', async () => {
    const buffer = await xlsx([
      [
        'Kod',
        'Namn',
        'Status',
        'Personuppgiftskategorier',
        'Personuppgifter',
        'Granskad',
        'RTO (timmar)',
        null,
      ],
      ['IM-01', 'Diarium', 'Aktiv', 'Hälsa', 'Ja', '2026-02-10', 4],
      [],
      ['IM-123456789012345678901', '', 'Pågående', 'Hälsa; Religion', 'Kanske', '2026-02-30', -1],
      [null, 'Utan kod', 'Aktiv', null, null, null, '4,5', 'överblivet'],
    ]);
    const result = await readTable(buffer, 'xlsx', spec);
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 4, column: 'Kod', message: 'Högst 20 tecken (här 24).' },
        { row: 4, column: 'Namn', message: 'Värdet saknas.' },
        {
          row: 4,
          column: 'Status',
          message: 'Okänt värde "Pågående". Tillåtna värden: Utkast, Aktiv, Avvecklad.',
        },
        {
          row: 4,
          column: 'Personuppgiftskategorier',
          message: 'Okänt värde "Religion". Tillåtna värden: Identitetsuppgifter, Hälsa, Personnummer.',
        },
        { row: 4, column: 'Personuppgifter', message: 'Ange Ja eller Nej (inte "Kanske").' },
        { row: 4, column: 'Granskad', message: 'Ange ett datum som ÅÅÅÅ-MM-DD (inte "2026-02-30").' },
        { row: 4, column: 'RTO (timmar)', message: 'Lägsta värde är 0.' },
        { row: 5, column: 'Kolumn H', message: 'Värde i en kolumn utan rubrik.' },
        { row: 5, column: 'Kod', message: 'Värdet saknas.' },
        { row: 5, column: 'RTO (timmar)', message: 'Ange ett heltal (inte "4,5").' },
      ],
    });
  });

  it('an empty file has no header row', async () => {
    expect(await readTable(csv(['', '']), 'csv', spec)).toEqual({
      ok: false,
      errors: [{ row: 1, column: null, message: 'Filen är tom: rubrikraden saknas.' }],
    });
  });
});

describe('readTable: limits and unreadable files', () => {
  const rowsCsv = (n: number) =>
    csv([HEADER, ...Array.from({ length: n }, (_, i) => `IM-${i};Namn ${i};Aktiv`)]);

  it('refuses a file over the byte limit with 413 IMPORT_FILE_TOO_LARGE', async () => {
    await expectCode(
      readTable(rowsCsv(3), 'csv', spec, { maxBytes: 100, maxRows: 10, maxUnpackedBytes: 1000 }),
      413,
      'IMPORT_FILE_TOO_LARGE',
    );
    await expectCode(
      readTable(Buffer.alloc(5 * 1024 * 1024 + 1, 0x41), 'csv', spec),
      413,
      'IMPORT_FILE_TOO_LARGE',
    );
  });

  it('refuses more data rows than the limit with 400 IMPORT_TOO_MANY_ROWS, CSV and XLSX; the limit itself passes', async () => {
    const limits = { maxBytes: 5 * 1024 * 1024, maxRows: 3, maxUnpackedBytes: 100 * 1024 * 1024 };
    expect((await readTable(rowsCsv(3), 'csv', spec, limits)).ok).toBe(true);
    await expectCode(readTable(rowsCsv(4), 'csv', spec, limits), 400, 'IMPORT_TOO_MANY_ROWS');
    const four = Array.from({ length: 4 }, (_, i) => ({ ...ROWS[0], code: `IM-${i}` }));
    expect((await readTable(await writeTable(four.slice(0, 3), 'xlsx', spec), 'xlsx', spec, limits)).ok).toBe(
      true,
    );
    await expectCode(
      readTable(await writeTable(four, 'xlsx', spec), 'xlsx', spec, limits),
      400,
      'IMPORT_TOO_MANY_ROWS',
    );
  });

  it('the default limit is 20 000 data rows', async () => {
    expect((await readTable(rowsCsv(20_000), 'csv', spec)).ok).toBe(true);
    await expectCode(readTable(rowsCsv(20_001), 'csv', spec), 400, 'IMPORT_TOO_MANY_ROWS');
  });

  it('blank lines do not let a file past the limit', async () => {
    const limits = { maxBytes: 5 * 1024 * 1024, maxRows: 3, maxUnpackedBytes: 100 * 1024 * 1024 };
    const buffer = csv([
      HEADER,
      '',
      '',
      '',
      '',
      '',
      '',
      'IM-1;A;Aktiv',
      'IM-2;B;Aktiv',
      'IM-3;C;Aktiv',
      'IM-4;D;Aktiv',
    ]);
    await expectCode(readTable(buffer, 'csv', spec, limits), 400, 'IMPORT_TOO_MANY_ROWS');
  });

  it('refuses an XLSX that unpacks to more than the limit (a ZIP bomb) before inflating it: 413', async () => {
    // One cell of ten million letters: a file of kilobytes that unpacks to ten megabytes.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Blad1').addRows([
      ['Kod', 'Namn', 'Status'],
      ['IM-01', 'a'.repeat(10_000_000), 'Aktiv'],
    ]);
    const bomb = Buffer.from(await wb.xlsx.writeBuffer());
    const unpacked = unpackedSize(bomb)!;
    expect(unpacked).toBeGreaterThan(100 * bomb.length);
    const limits = { maxBytes: bomb.length, maxRows: 10, maxUnpackedBytes: unpacked - 1 };
    await expectCode(readTable(bomb, 'xlsx', spec, limits), 413, 'IMPORT_FILE_TOO_LARGE');
    // At the limit it is read (and its name is too long).
    expect(await readTable(bomb, 'xlsx', spec, { ...limits, maxUnpackedBytes: unpacked })).toEqual({
      ok: false,
      errors: [{ row: 2, column: 'Namn', message: 'Högst 200 tecken (här 10000000).' }],
    });
  });

  it('a ZIP that is not a workbook is 400 IMPORT_FILE_UNREADABLE', async () => {
    const notXlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not a workbook')]);
    expect(detectFormat(notXlsx)).toBe('xlsx');
    await expectCode(readTable(notXlsx, 'xlsx', spec), 400, 'IMPORT_FILE_UNREADABLE');
  });
});
