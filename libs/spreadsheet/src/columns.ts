/**
 * Column specifications of a table: how one column of a register is headed, read from a cell and
 * written to one. The builders below cover the kinds the registers need; a spec is a plain object
 * whose key order is the column order.
 */

/** A cell as read from a file, normalised: text is trimmed and an empty cell is null. */
export type CellInput = string | number | boolean | Date | null;

/** A value written to a cell. Dates are calendar dates (YYYY-MM-DD) and written as such. */
export type CellOutput = string | number | null;

/** What parsing one cell gives: the value, or a message for the user (Swedish). */
export type Parsed<V> = { ok: true; value: V } | { ok: false; message: string };

export interface ColumnSpec<V = unknown> {
  /** The header as the user sees it (Swedish). The row key is the spec's property name. */
  readonly header: string;
  /** A required column must be present in the file and non-empty on every row. */
  readonly required: boolean;
  /** XLSX column width in characters. */
  readonly width: number;
  /** Whether the formatted value is a calendar date (written as a date cell in XLSX). */
  readonly isDate?: boolean;
  /** Parses a non-empty cell. */
  parse(cell: Exclude<CellInput, null>): Parsed<V>;
  /** The value when the cell is empty or the (optional) column is absent. */
  readonly empty: V;
  format(value: V): CellOutput;
}

export type TableSpec = Record<string, ColumnSpec>;

/** The row type a spec reads and writes. */
export type RowOf<S extends TableSpec> = { [K in keyof S]: S[K] extends ColumnSpec<infer V> ? V : never };

interface CommonOptions {
  required?: boolean;
  width?: number;
}

const ok = <V>(value: V): Parsed<V> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

/** A cell as text: numbers as written (2.1 stays "2.1"), dates as YYYY-MM-DD, booleans Ja/Nej. */
function cellText(cell: Exclude<CellInput, null>): string {
  if (cell instanceof Date) return isoDate(cell);
  if (typeof cell === 'boolean') return cell ? 'Ja' : 'Nej';
  return String(cell).trim();
}

function isoDate(d: Date): string {
  // Excel date cells arrive as UTC midnight of the calendar day.
  return d.toISOString().slice(0, 10);
}

/** Free text, at most `maxLength` characters. */
export function text(
  header: string,
  options: CommonOptions & { required: true; maxLength?: number },
): ColumnSpec<string>;
export function text(
  header: string,
  options?: CommonOptions & { maxLength?: number },
): ColumnSpec<string | null>;
export function text(
  header: string,
  { required = false, width, maxLength }: CommonOptions & { maxLength?: number } = {},
): ColumnSpec<string | null> {
  return {
    header,
    required,
    width: width ?? Math.min(Math.max(header.length + 2, maxLength ?? 40), 60),
    empty: null,
    parse(cell) {
      const value = cellText(cell);
      if (maxLength !== undefined && value.length > maxLength) {
        return fail(`Högst ${maxLength} tecken (här ${value.length}).`);
      }
      return ok(value);
    },
    format: (value) => value,
  };
}

/** Normalises a label or code for matching: case and surrounding space do not matter. */
const norm = (s: string) => s.trim().toLocaleLowerCase('sv-SE');

/** Finds the code a cell names, by its code or its Swedish label. */
function enumLookup<C extends string>(labels: Record<C, string>) {
  const byName = new Map<string, C>();
  for (const code of Object.keys(labels) as C[]) {
    byName.set(norm(code), code);
    byName.set(norm(labels[code]), code);
  }
  const allowed = (Object.keys(labels) as C[]).map((c) => labels[c]).join(', ');
  return {
    find: (s: string): Parsed<C> => {
      const code = byName.get(norm(s));
      return code ? ok(code) : fail(`Okänt värde "${s}". Tillåtna värden: ${allowed}.`);
    },
  };
}

/**
 * One value of an enumeration, written with its Swedish label and read from the label or the
 * code (either case).
 */
export function enumeration<C extends string>(
  header: string,
  labels: Record<C, string>,
  options: CommonOptions & { required: true },
): ColumnSpec<C>;
export function enumeration<C extends string>(
  header: string,
  labels: Record<C, string>,
  options?: CommonOptions,
): ColumnSpec<C | null>;
export function enumeration<C extends string>(
  header: string,
  labels: Record<C, string>,
  { required = false, width }: CommonOptions = {},
): ColumnSpec<C | null> {
  const lookup = enumLookup(labels);
  const longest = Math.max(...Object.values<string>(labels).map((l) => l.length));
  return {
    header,
    required,
    width: width ?? Math.min(Math.max(header.length, longest) + 2, 40),
    empty: null,
    parse: (cell) => lookup.find(cellText(cell)),
    format: (value) => (value === null ? null : labels[value]),
  };
}

/**
 * Items inside one cell: separated by `;` when the cell has one, else by `,` (so a list typed
 * with commas reads as well as the `; ` this module writes). Empty items are dropped.
 */
function splitList(s: string): string[] {
  const separator = s.includes(';') ? ';' : ',';
  return s
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

const LIST_SEPARATOR = '; ';

/** Several values of an enumeration in one cell; empty is the empty list. Duplicates are dropped. */
export function enumList<C extends string>(
  header: string,
  labels: Record<C, string>,
  { required = false, width }: CommonOptions = {},
): ColumnSpec<C[]> {
  const lookup = enumLookup(labels);
  return {
    header,
    required,
    width: width ?? 40,
    empty: [],
    parse(cell) {
      const codes: C[] = [];
      for (const item of splitList(cellText(cell))) {
        const found = lookup.find(item);
        if (!found.ok) return found;
        if (!codes.includes(found.value)) codes.push(found.value);
      }
      return ok(codes);
    },
    format: (values) => (values.length ? values.map((c) => labels[c]).join(LIST_SEPARATOR) : null),
  };
}

/** Several free-text values in one cell (e.g. secrecy provisions); empty is the empty list. */
export function textList(
  header: string,
  { required = false, width, maxItemLength }: CommonOptions & { maxItemLength?: number } = {},
): ColumnSpec<string[]> {
  return {
    header,
    required,
    width: width ?? 40,
    empty: [],
    parse(cell) {
      const items = splitList(cellText(cell));
      const tooLong = maxItemLength === undefined ? undefined : items.find((i) => i.length > maxItemLength);
      if (tooLong !== undefined) return fail(`Högst ${maxItemLength} tecken per värde ("${tooLong}").`);
      return ok(items);
    },
    format: (values) => (values.length ? values.join(LIST_SEPARATOR) : null),
  };
}

const TRUE_WORDS = new Set(['ja', 'j', 'yes', 'true', 'sant', '1', 'x']);
const FALSE_WORDS = new Set(['nej', 'n', 'no', 'false', 'falskt', '0']);

/** Ja/Nej (also true/false, 1/0 and Excel booleans); an empty cell is `empty` (default Nej). */
export function yesNo(
  header: string,
  { required = false, width, empty = false }: CommonOptions & { empty?: boolean } = {},
): ColumnSpec<boolean> {
  return {
    header,
    required,
    width: width ?? Math.max(header.length + 2, 8),
    empty,
    parse(cell) {
      if (typeof cell === 'boolean') return ok(cell);
      const word = norm(cellText(cell));
      if (TRUE_WORDS.has(word)) return ok(true);
      if (FALSE_WORDS.has(word)) return ok(false);
      return fail(`Ange Ja eller Nej (inte "${cellText(cell)}").`);
    },
    format: (value) => (value ? 'Ja' : 'Nej'),
  };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date, YYYY-MM-DD as text or an Excel date cell. */
export function date(
  header: string,
  { required = false, width }: CommonOptions = {},
): ColumnSpec<string | null> {
  return {
    header,
    required,
    width: width ?? Math.max(header.length + 2, 12),
    isDate: true,
    empty: null,
    parse(cell) {
      if (cell instanceof Date) return ok(isoDate(cell));
      const s = cellText(cell);
      const m = ISO_DATE.exec(s);
      if (m) {
        const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
        if (isoDate(d) === s) return ok(s);
      }
      return fail(`Ange ett datum som ÅÅÅÅ-MM-DD (inte "${s}").`);
    },
    format: (value) => value,
  };
}

/** A whole number within [min, max]. */
export function integer(
  header: string,
  { required = false, width, min, max }: CommonOptions & { min?: number; max?: number } = {},
): ColumnSpec<number | null> {
  return {
    header,
    required,
    width: width ?? Math.max(header.length + 2, 8),
    empty: null,
    parse(cell) {
      const s = cellText(cell);
      const n = typeof cell === 'number' ? cell : /^-?\d+$/.test(s) ? Number(s) : Number.NaN;
      if (!Number.isSafeInteger(n)) return fail(`Ange ett heltal (inte "${s}").`);
      if (min !== undefined && n < min) return fail(`Lägsta värde är ${min}.`);
      if (max !== undefined && n > max) return fail(`Högsta värde är ${max}.`);
      return ok(n);
    },
    format: (value) => value,
  };
}
