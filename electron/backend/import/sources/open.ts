// Which reader a file needs: by its first bytes (XLSX is a zip, Parquet starts with PAR1, Arrow
// with ARROW1 or a stream continuation marker), then by its extension, else delimited text.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { SourceFormat } from '#shared/import/report';
import { ImportFailure } from '../failure';
import { readArrow, readParquet } from './columnar';
import { readDelimited } from './delimited';
import { readJson } from './json';
import type { SourceReader } from './types';
import { readXlsx } from './xlsx';

/** Files larger than this are refused before reading (a safety net, far above real exports). */
export const maxFileBytes = 64 * 2 ** 30;

function head(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

export function detectFormat(path: string): SourceFormat {
  const bytes = head(path);
  const ext = extname(path).toLowerCase();
  if (bytes.subarray(0, 4).toString('latin1') === 'PAR1') return 'parquet';
  if (
    bytes.subarray(0, 6).toString('latin1') === 'ARROW1' ||
    (bytes.length >= 4 &&
      bytes.readUInt32LE(0) === 0xffffffff &&
      ['.arrow', '.arrows', '.ipc', '.feather'].includes(ext))
  )
    return 'arrow';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && ['.xlsx', '.xlsm', ''].includes(ext)) return 'xlsx';
  if (ext === '.xls')
    throw new ImportFailure(
      `${basename(path)} is an old Excel 97–2003 workbook; save it as .xlsx or CSV and import that.`,
    );
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  if (ext === '.json') {
    const first = bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart()[0];
    return first === '{' ? 'ndjson' : 'json';
  }
  return 'csv';
}

export function readerFor(format: SourceFormat): SourceReader {
  switch (format) {
    case 'csv':
      return readDelimited;
    case 'json':
    case 'ndjson':
      return readJson(format);
    case 'xlsx':
      return readXlsx;
    case 'parquet':
      return readParquet;
    case 'arrow':
      return readArrow;
  }
}

export function checkFile(path: string): { fileName: string; bytes: number } {
  const fileName = basename(path);
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new ImportFailure(`There is no file at ${path}.`);
  }
  if (stat.isDirectory()) throw new ImportFailure(`${fileName} is a folder, not a file.`);
  if (stat.size === 0) throw new ImportFailure(`${fileName} is empty.`);
  if (stat.size > maxFileBytes) throw new ImportFailure(`${fileName} is larger than 64 GB; split it before importing.`);
  return { fileName, bytes: stat.size };
}
