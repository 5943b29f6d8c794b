// Pass one over a file: headers (made unique), a preview, and a profile of every column over all
// rows. Nothing is written anywhere.
import { statSync } from 'node:fs';
import type { ColumnSummary, SourceSummary } from '#shared/import/report';
import {
  emptyProfile,
  finishProfile,
  inferType,
  keyCheckRows,
  observe,
  type Cell,
  type ColumnProfile,
} from '#shared/import/profile';
import { ImportFailure } from './failure';
import { checkFile, detectFormat, readerFor } from './sources/open';
import type { SourceInfo } from './sources/types';

export interface FileAnalysis {
  path: string;
  fileName: string;
  bytes: number;
  mtimeMs: number;
  info: SourceInfo;
  headers: string[];
  profiles: ColumnProfile[];
  preview: string[][];
  rowsRead: number;
  warnings: string[];
  /** False when only the first `maxRows` rows were read (a sample; pass two then checks the rest). */
  complete: boolean;
}

export interface AnalyzeOptions {
  sheet?: string;
  signal?: AbortSignal;
  onProgress?: (bytesRead: number, rows: number) => void;
  previewRows?: number;
  /** Stop after this many rows: a quick first plan, confirmed over the whole file by pass two. */
  maxRows?: number;
}

class EnoughRows extends Error {}

/** Header cells → unique, non-empty names; says what it changed. */
export function uniqueHeaders(raw: readonly string[], warnings: string[]): string[] {
  const seen = new Map<string, number>();
  // Array.from, not .map: a sparse array's holes would stay holes (and leave columns without profiles).
  return Array.from(raw, (text: string | undefined, i) => {
    let name = (text ?? '').replace(/^\uFEFF/, '').trim();
    if (name === '') {
      name = `Column ${i + 1}`;
      warnings.push(`Column ${i + 1} has no header; it is called "${name}".`);
    }
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count > 1) {
      const renamed = `${name} (${count})`;
      warnings.push(`Column ${i + 1} repeats the header "${name}"; it is called "${renamed}".`);
      name = renamed;
    }
    return name;
  });
}

const previewText = (cell: Cell) =>
  cell === null ? '' : typeof cell === 'string' ? (cell.length > 200 ? `${cell.slice(0, 199)}…` : cell) : String(cell);

export async function analyzeFile(path: string, options: AnalyzeOptions = {}): Promise<FileAnalysis> {
  const { fileName, bytes } = checkFile(path);
  const { mtimeMs } = statSync(path);
  const format = detectFormat(path);
  const previewRows = options.previewRows ?? 50;
  let info: SourceInfo = { format };
  let headers: string[] = [];
  let profiles: ColumnProfile[] = [];
  let preview: string[][] = [];
  let rows = 0;
  let warnings: string[] = [];
  let short = 0;
  let long = 0;
  let firstLong = 0;
  let complete = true;
  const maxRows = options.maxRows ?? Infinity;
  try {
    await readerFor(format)(
      {
        path,
        fileName,
        bytes,
        sheet: options.sheet,
        signal: options.signal,
        onBytes: (read) => options.onProgress?.(read, rows),
      },
      {
        header(names, found) {
          // Called again if a text file turns out not to be UTF-8 and is read afresh.
          warnings = [];
          info = found;
          if (found.warning) warnings.push(found.warning);
          headers = uniqueHeaders(names, warnings);
          profiles = headers.map(() => emptyProfile());
          preview = [];
          rows = short = long = firstLong = 0;
        },
        column(name) {
          headers.push(uniqueHeaders([...headers, name], [])[headers.length]!);
          const p = emptyProfile();
          p.nulls = rows;
          p.keyRows = p.keyBlanks = Math.min(rows, keyCheckRows);
          profiles.push(p);
        },
        row(cells, row) {
          if (rows >= maxRows) throw new EnoughRows();
          rows++;
          const width = headers.length;
          if (cells.length < width) short++;
          else if (cells.length > width && cells.slice(width).some((c) => c !== null && c !== '')) {
            long++;
            firstLong ||= row;
          }
          for (let i = 0; i < width; i++) observe(profiles[i]!, i < cells.length ? cells[i]! : null);
          if (preview.length < previewRows) preview.push(headers.map((_, i) => previewText(cells[i] ?? null)));
        },
      },
    );
  } catch (error) {
    if (!(error instanceof EnoughRows)) throw error;
    complete = false;
  }
  for (const p of profiles) finishProfile(p);
  if (headers.length === 0) throw new ImportFailure(`${fileName} has no header row.`);
  if (rows === 0) throw new ImportFailure(`${fileName} has a header row but no data rows.`);
  if (short > 0)
    warnings.push(
      `${short.toLocaleString('en-US')} rows have fewer fields than the header; the missing fields are read as blank.`,
    );
  if (long > 0)
    warnings.push(
      `${long.toLocaleString('en-US')} rows have more fields than the header (first: row ${firstLong}); they are rejected.`,
    );
  return { path, fileName, bytes, mtimeMs, info, headers, profiles, preview, rowsRead: rows, warnings, complete };
}

export function summarizeSource(a: Pick<FileAnalysis, 'fileName' | 'bytes' | 'info'>): SourceSummary {
  return {
    fileName: a.fileName,
    bytes: a.bytes,
    format: a.info.format,
    encoding: a.info.encoding ?? null,
    delimiter: a.info.delimiter ?? null,
    sheet: a.info.sheet ?? null,
    sheets: a.info.sheets ?? [],
  };
}

export function summarizeColumns(a: FileAnalysis): ColumnSummary[] {
  return a.headers.map((name, i) => {
    const p = a.profiles[i]!;
    return { name, nonNull: p.nonNull, nulls: p.nulls, inferredType: inferType(p, name), samples: p.samples };
  });
}
