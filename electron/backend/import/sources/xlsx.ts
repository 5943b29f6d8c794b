// XLSX through exceljs's streaming reader: one worksheet (named, or the first), cells as typed
// values; date-formatted cells arrive as dates.
import type { Cell } from '#shared/import/profile';
import { ImportFailure } from '../failure';
import { toCell } from './columnar';
import { throwIfAborted, type SourceReader } from './types';
import { importLimits } from './limits';
import { unreadable } from './unreadable';
import { boundedWorkbookReader, inPart } from './xlsx-bounded';

function cellValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && !(value instanceof Date)) {
    const v = value as { result?: unknown; text?: unknown; richText?: { text: string }[]; error?: unknown };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellValue(v.result);
    if (typeof v.text === 'string') return v.text;
    if (v.error !== undefined) return String(v.error);
  }
  return toCell(value);
}

/** The worksheet names, from the workbook's own list (cheap: no cells are read). */
async function sheetNames(path: string, bounds: { fileName: string; fileBytes: number }): Promise<string[]> {
  const names: string[] = [];
  const reader = boundedWorkbookReader(
    path,
    { worksheets: 'emit', sharedStrings: 'ignore', styles: 'ignore', hyperlinks: 'ignore' },
    bounds,
  );
  for await (const sheet of reader) {
    names.push((sheet as unknown as { name: string }).name);
  }
  return names;
}

export const readXlsx: SourceReader = async (request, sink) => {
  const bounds = { fileName: request.fileName, fileBytes: request.bytes };
  const what = 'XLSX workbook';
  let sheets: string[];
  try {
    sheets = await sheetNames(request.path, bounds);
  } catch (error) {
    throw unreadable(request.fileName, what, error);
  }
  const wanted = request.sheet ?? request.info?.sheet ?? sheets[0];
  if (!wanted || !sheets.includes(wanted)) {
    throw new ImportFailure(
      sheets.length === 0
        ? `${request.fileName} has no worksheets.`
        : `${request.fileName} has no worksheet called "${wanted ?? ''}"; it has ${sheets.map((s) => `"${s}"`).join(', ')}.`,
    );
  }
  const reader = boundedWorkbookReader(
    request.path,
    { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore' },
    bounds,
  );
  let width = 0;
  let started = false;
  // What the row sink throws (e.g. "enough rows") passes through; the library's own errors are reworded.
  let fromSink: unknown = null;
  const toSink = (deliver: () => void) => {
    try {
      deliver();
    } catch (error) {
      fromSink = error;
      throw error;
    }
  };
  try {
    for await (const sheet of reader) {
      if ((sheet as unknown as { name: string }).name !== wanted) continue;
      for await (const row of sheet) {
        throwIfAborted(request.signal);
        const raw = row.values as unknown[];
        if (raw.length - 1 > importLimits.columns)
          throw new ImportFailure(
            `${request.fileName}, row ${row.number} has a cell beyond column ${importLimits.columns.toLocaleString('en-US')}; Ladder reads at most that many columns.`,
          );
        const values = raw.slice(1); // exceljs rows are 1-based
        if (!started) {
          started = true;
          width = values.length;
          // exceljs leaves a hole for a blank cell, which .map would skip: Array.from visits every index.
          const names = Array.from(values, (v, i) =>
            v === null || v === undefined ? `Column ${i + 1}` : String(cellValue(v)),
          );
          toSink(() => sink.header(names, { format: 'xlsx', sheet: wanted, sheets }));
          continue;
        }
        const cells: Cell[] = [];
        for (let i = 0; i < Math.max(width, values.length); i++) cells.push(cellValue(values[i]));
        toSink(() => sink.row(cells, row.number, row.number));
        if (row.number % 1000 === 0) await request.gate?.();
      }
    }
  } catch (error) {
    if (error === fromSink) throw error;
    throw inPart(request.fileName, `its worksheet "${wanted}"`, error);
  }
  if (!started) throw new ImportFailure(`The worksheet "${wanted}" of ${request.fileName} is empty.`);
  request.onBytes?.(request.bytes);
};
