import { badRequest, DomainError } from '@varna/core';

/** One problem in an imported file, placed as the user sees it in Excel (header = row 1). */
export interface CellError {
  row: number;
  /** The column's header as in the file or the spec; null when the problem is the whole row or file. */
  column: string | null;
  message: string;
}

/** Limits on one imported file: large enough for a kommun's whole register, small enough for memory. */
export const TABLE_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxRows: 20_000,
  /** What an XLSX (a ZIP archive) may unpack to, by its own directory: no ZIP bombs. */
  maxUnpackedBytes: 100 * 1024 * 1024,
} as const;

export const SpreadsheetErrors = {
  tooLarge: (maxBytes: number = TABLE_LIMITS.maxBytes) =>
    new DomainError(
      'PAYLOAD_TOO_LARGE',
      'IMPORT_FILE_TOO_LARGE',
      `Filen är för stor: högst ${Math.round(maxBytes / 1024 / 1024)} MB.`,
    ),
  unpacksTooLarge: (maxUnpackedBytes: number = TABLE_LIMITS.maxUnpackedBytes) =>
    new DomainError(
      'PAYLOAD_TOO_LARGE',
      'IMPORT_FILE_TOO_LARGE',
      `Excel-filen packas upp till mer än ${Math.round(maxUnpackedBytes / 1024 / 1024)} MB.`,
    ),
  tooManyRows: (maxRows: number = TABLE_LIMITS.maxRows) =>
    badRequest('IMPORT_TOO_MANY_ROWS', `Filen har för många rader: högst ${maxRows} rader per import.`),
  unreadable: () =>
    badRequest(
      'IMPORT_FILE_UNREADABLE',
      'Filen kunde inte läsas. Ladda upp en Excel-fil (.xlsx) eller en CSV-fil (UTF-8, ; eller , som avgränsare).',
    ),
  /** Rows that failed validation: nothing was written. */
  invalid: (errors: CellError[]) =>
    badRequest('IMPORT_INVALID', `Importen innehåller ${errors.length} fel; inget har sparats.`, errors),
};
