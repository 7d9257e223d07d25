// Tabular import and export (XLSX and CSV) against column specs, on exceljs.
export {
  date,
  enumeration,
  enumList,
  integer,
  text,
  textList,
  yesNo,
  type CellInput,
  type CellOutput,
  type ColumnSpec,
  type Parsed,
  type RowOf,
  type TableSpec,
} from './columns';
export { type CellError, SpreadsheetErrors, TABLE_LIMITS } from './spreadsheet.errors';
export {
  detectFormat,
  detectSeparator,
  readTable,
  unpackedSize,
  writeTable,
  type ReadResult,
  type ReadRow,
  type TableFormat,
  type TableLimits,
  type WriteOptions,
} from './table';
