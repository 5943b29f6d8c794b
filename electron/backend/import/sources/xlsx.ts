// XLSX through exceljs's streaming reader: one worksheet (named, or the first), cells as typed
// values; date-formatted cells arrive as dates.
import ExcelJS from 'exceljs';
import type { Cell } from '#shared/import/profile';
import { ImportFailure } from '../failure';
import { toCell } from './columnar';
import { throwIfAborted, type SourceReader } from './types';
import { messageOf } from '#shared/error-message';

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
async function sheetNames(path: string): Promise<string[]> {
  const names: string[] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'ignore',
    styles: 'ignore',
    hyperlinks: 'ignore',
  });
  for await (const sheet of reader) {
    names.push((sheet as unknown as { name: string }).name);
  }
  return names;
}

export const readXlsx: SourceReader = async (request, sink) => {
  let sheets: string[];
  try {
    sheets = await sheetNames(request.path);
  } catch (error) {
    throw new ImportFailure(`${request.fileName} is not a readable XLSX workbook (${messageOf(error)}).`);
  }
  const wanted = request.sheet ?? request.info?.sheet ?? sheets[0];
  if (!wanted || !sheets.includes(wanted)) {
    throw new ImportFailure(
      `${request.fileName} has no worksheet called "${wanted ?? ''}"; it has ${sheets.map((s) => `"${s}"`).join(', ')}.`,
    );
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(request.path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
  });
  let width = 0;
  let started = false;
  for await (const sheet of reader) {
    if ((sheet as unknown as { name: string }).name !== wanted) continue;
    for await (const row of sheet) {
      throwIfAborted(request.signal);
      const values = (row.values as unknown[]).slice(1); // exceljs rows are 1-based
      if (!started) {
        started = true;
        width = values.length;
        sink.header(
          values.map((v, i) => (v === null || v === undefined ? `Column ${i + 1}` : String(cellValue(v)))),
          { format: 'xlsx', sheet: wanted, sheets },
        );
        continue;
      }
      const cells: Cell[] = [];
      for (let i = 0; i < Math.max(width, values.length); i++) cells.push(cellValue(values[i]));
      sink.row(cells, row.number, row.number);
      if (row.number % 1000 === 0) await request.gate?.();
    }
  }
  if (!started) throw new ImportFailure(`The worksheet "${wanted}" of ${request.fileName} is empty.`);
  request.onBytes?.(request.bytes);
};
