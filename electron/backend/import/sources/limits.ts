// The documented caps on what one file may make the importer hold, each refused with a sentence
// that names the file and the cap. Real exports stay far below them; a damaged or hostile file
// that claims more is stopped before the memory is taken.
export const importLimits = {
  /** Columns of a table (CSV's cap; a JSON file's distinct keys too). */
  columns: 4096,
  /** Keys in one JSON record, nested keys included. */
  jsonKeysPerRecord: 4096,
  /** Nesting of objects and arrays in one JSON record. */
  jsonDepth: 64,
  /** One JSON record, or one CSV row. */
  recordBytes: 64 * 2 ** 20,
  /** The text of one spreadsheet cell (Excel itself stops at 32,767 characters). */
  cellBytes: 1 * 2 ** 20,
  /** An XLSX workbook's shared-strings table, uncompressed. */
  sharedStringsBytes: 256 * 2 ** 20,
  /** An XLSX part other than a worksheet (workbook, styles, relationships), uncompressed. */
  xlsxPartBytes: 64 * 2 ** 20,
  /** Values in one Parquet page (real writers put thousands to a few hundred thousand in one). */
  parquetPageValues: 2 ** 24,
  /** The import worker's JavaScript heap. */
  workerHeapMb: 3072,
} as const;

export const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20).toLocaleString('en-US')} MB`;
