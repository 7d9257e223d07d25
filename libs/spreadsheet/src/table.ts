import * as ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import type { CellInput, CellOutput, ColumnSpec, RowOf, TableSpec } from './columns';
import { type CellError, SpreadsheetErrors, TABLE_LIMITS } from './spreadsheet.errors';

export type TableFormat = 'xlsx' | 'csv';

export interface TableLimits {
  maxBytes: number;
  maxRows: number;
  maxUnpackedBytes: number;
}

/** One data row with its row number as the user sees it in Excel. */
export interface ReadRow<R> {
  row: number;
  values: R;
}

export type ReadResult<R> = { ok: true; rows: ReadRow<R>[] } | { ok: false; errors: CellError[] };

/** A grid row as read from the file: its number and its cells (index 0 = column A). */
interface GridRow {
  row: number;
  cells: CellInput[];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** XLSX files are ZIP archives; anything else is taken for CSV. */
export function detectFormat(buffer: Buffer): TableFormat {
  return buffer.subarray(0, 4).equals(ZIP_MAGIC) ? 'xlsx' : 'csv';
}

/**
 * Reads a table against its spec. Limits and an unreadable file are thrown as coded errors (413,
 * 400); everything the user can fix in the file (unknown or missing headers, empty required cells,
 * unparsable values) is returned as `{row, column, message}` errors, all of them at once.
 */
export async function readTable<S extends TableSpec>(
  buffer: Buffer,
  format: TableFormat,
  spec: S,
  limits: TableLimits = TABLE_LIMITS,
): Promise<ReadResult<RowOf<S>>> {
  if (buffer.length > limits.maxBytes) throw SpreadsheetErrors.tooLarge(limits.maxBytes);
  const grid = format === 'xlsx' ? await readXlsxGrid(buffer, limits) : await readCsvGrid(buffer, limits);
  const [header, ...data] = grid.filter((r) => r.cells.some((c) => c !== null));
  if (!header)
    return { ok: false, errors: [{ row: 1, column: null, message: 'Filen är tom: rubrikraden saknas.' }] };
  if (data.length > limits.maxRows) throw SpreadsheetErrors.tooManyRows(limits.maxRows);

  const mapped = mapHeaders(header, spec);
  if (mapped.errors.length) return { ok: false, errors: mapped.errors };
  const mappedIndexes = new Set(mapped.indexByKey.values());
  const errors: CellError[] = [];
  const rows: ReadRow<RowOf<S>>[] = [];
  for (const { row, cells } of data) {
    cells.forEach((cell, index) => {
      if (cell !== null && !mappedIndexes.has(index)) {
        errors.push({
          row,
          column: `Kolumn ${columnLetter(index)}`,
          message: 'Värde i en kolumn utan rubrik.',
        });
      }
    });
    const values: Record<string, unknown> = {};
    for (const [key, column] of Object.entries(spec) as [string, ColumnSpec][]) {
      const index = mapped.indexByKey.get(key);
      const cell = index === undefined ? null : (cells[index] ?? null);
      if (cell === null) {
        if (column.required) errors.push({ row, column: column.header, message: 'Värdet saknas.' });
        values[key] = column.empty;
        continue;
      }
      const parsed = column.parse(cell);
      if (parsed.ok) values[key] = parsed.value;
      else errors.push({ row, column: column.header, message: parsed.message });
    }
    rows.push({ row, values: values as RowOf<S> });
  }
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}

/** Header cells name spec columns by their Swedish header or their key, in any case. */
function mapHeaders(header: GridRow, spec: TableSpec) {
  const byName = new Map<string, string>();
  for (const [key, column] of Object.entries(spec)) {
    byName.set(normaliseHeader(column.header), key);
    byName.set(normaliseHeader(key), key);
  }
  const errors: CellError[] = [];
  const indexByKey = new Map<string, number>();
  header.cells.forEach((cell, index) => {
    if (cell === null) return;
    const name = String(cell).trim();
    const key = byName.get(normaliseHeader(name));
    if (key === undefined) {
      errors.push({
        row: header.row,
        column: name,
        message: `Okänd kolumn. Kolumnerna är: ${Object.values(spec)
          .map((c) => c.header)
          .join(', ')}.`,
      });
    } else if (indexByKey.has(key)) {
      errors.push({ row: header.row, column: name, message: 'Kolumnen finns mer än en gång.' });
    } else {
      indexByKey.set(key, index);
    }
  });
  for (const [key, column] of Object.entries(spec)) {
    if (column.required && !indexByKey.has(key)) {
      errors.push({ row: header.row, column: column.header, message: 'Kolumnen saknas.' });
    }
  }
  return { errors, indexByKey };
}

const normaliseHeader = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv-SE');

function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The first worksheet, row numbers as Excel shows them. */
async function readXlsxGrid(buffer: Buffer, limits: TableLimits): Promise<GridRow[]> {
  const unpacked = unpackedSize(buffer);
  if (unpacked === null) throw SpreadsheetErrors.unreadable();
  if (unpacked > limits.maxUnpackedBytes) throw SpreadsheetErrors.unpacksTooLarge(limits.maxUnpackedBytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw SpreadsheetErrors.unreadable();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  // Header plus the data rows; blank rows in between are not counted by actualRowCount.
  if (sheet.actualRowCount > limits.maxRows + 1) throw SpreadsheetErrors.tooManyRows(limits.maxRows);
  const grid: GridRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    // row.values is 1-based (index 0 is empty).
    grid.push({ row: rowNumber, cells: Array.from(values.slice(1), fromXlsx) });
  });
  return grid;
}

/**
 * The sum of the uncompressed sizes a ZIP archive's central directory declares (null when the
 * archive has none): read before anything is inflated, so that a small file that unpacks to
 * gigabytes is refused. A ZIP64 size (0xFFFFFFFF) counts as too large.
 */
export function unpackedSize(zip: Buffer): number | null {
  const END_OF_DIRECTORY = 0x06054b50;
  const ENTRY = 0x02014b50;
  // The end record is 22 bytes plus a comment of at most 65 535.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (zip.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== ENTRY) return null;
    const size = zip.readUInt32LE(offset + 24);
    total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    offset +=
      46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return total;
}

function fromXlsx(value: ExcelJS.CellValue | undefined): CellInput {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return fromXlsx(value.richText.map((r) => r.text).join(''));
  if ('hyperlink' in value) return fromXlsx(value.text);
  if ('result' in value) return fromXlsx(value.result);
  if ('error' in value) return value.error;
  return null;
}

/** UTF-8 (with or without BOM); a file that is not valid UTF-8 is read as Windows-1252 (older Excel). */
function decodeCsv(buffer: Buffer): string {
  const body = buffer.subarray(0, 3).equals(UTF8_BOM) ? buffer.subarray(3) : buffer;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('windows-1252').decode(body);
  }
}

/**
 * The separator of the header line (outside quotes): `;` as Swedish Excel writes, `,` or tab,
 * whichever occurs most; `;` on a tie.
 */
export function detectSeparator(text: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  if (counts[','] > counts[';'] && counts[','] >= counts['\t']) return ',';
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return ';';
}

/** A text cell written by `writeTable` with a quote in front of a formula character (see below). */
const ESCAPED_FORMULA = /^'[=+\-@\t\r]/;

async function readCsvGrid(buffer: Buffer, limits: TableLimits): Promise<GridRow[]> {
  const text = decodeCsv(buffer);
  // Blank lines are allowed but bounded too: a file that reaches this many lines is refused unread.
  const maxLines = 2 * limits.maxRows + 2;
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet;
  try {
    sheet = await workbook.csv.read(Readable.from([text]), {
      // Keep every cell as the text it is: "2.10" or "0012" must not become numbers.
      map: (value: unknown) => value,
      parserOptions: { delimiter: detectSeparator(text), maxRows: maxLines },
    });
  } catch {
    throw SpreadsheetErrors.unreadable();
  }
  if (sheet.rowCount >= maxLines) throw SpreadsheetErrors.tooManyRows(limits.maxRows);
  const grid: GridRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    const values = Array.from((row.values as unknown[]).slice(1));
    grid.push({
      row: rowNumber,
      cells: values.map((v) => {
        const s = typeof v === 'string' ? v.trim() : '';
        if (s === '') return null;
        return ESCAPED_FORMULA.test(s) ? s.slice(1) : s;
      }),
    });
  });
  return grid;
}

export interface WriteOptions {
  /** XLSX worksheet name (at most 31 characters). */
  sheetName?: string;
}

/**
 * Writes rows with the spec's headers. XLSX: bold, frozen, filterable header row, column widths,
 * dates as date cells. CSV: UTF-8 with BOM, `;` separated (what Swedish Excel opens directly).
 * A key left out of a row (a field the reader may not see) is written as an empty cell.
 */
export async function writeTable<S extends TableSpec>(
  rows: readonly Partial<RowOf<S>>[],
  format: TableFormat,
  spec: S,
  options: WriteOptions = {},
): Promise<Buffer> {
  const columns = Object.entries(spec) as [string, ColumnSpec][];
  const grid = rows.map((row) =>
    columns.map(([key, column]) => {
      const value = (row as Record<string, unknown>)[key];
      return value === undefined ? null : column.format(value);
    }),
  );
  return format === 'xlsx' ? writeXlsx(columns, grid, options) : writeCsv(columns, grid);
}

async function writeXlsx(
  columns: [string, ColumnSpec][],
  grid: CellOutput[][],
  { sheetName = 'Blad1' }: WriteOptions,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map(([key, column]) => ({
    header: column.header,
    key,
    width: column.width,
    style: column.isDate ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  for (const cells of grid) {
    sheet.addRow(
      cells.map((value, i) =>
        columns[i][1].isDate && typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : value,
      ),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A text cell starting with = + - @ (or tab, CR) would run as a formula when the CSV is opened in
 * Excel (CSV injection): it is written with a leading quote, which `readTable` removes again.
 */
function escapeFormula(value: CellOutput): CellOutput {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

async function writeCsv(columns: [string, ColumnSpec][], grid: CellOutput[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Blad1');
  sheet.addRow(columns.map(([, column]) => column.header));
  // Empty cells as '' so that every line has every column.
  for (const cells of grid) sheet.addRow(cells.map((value) => escapeFormula(value) ?? ''));
  const out = await workbook.csv.writeBuffer({
    formatterOptions: { delimiter: ';', rowDelimiter: '\r\n', writeBOM: true },
  });
  return Buffer.from(out);
}
