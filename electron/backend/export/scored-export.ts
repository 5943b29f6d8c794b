// Scored accounts for spreadsheets and other tools: the fixed columns of docs/ARCHITECTURE.md §5
// (account_id, score, stage, 0/1 per signal and per filter), then the account's name, segment, ARR
// and whitespace. CSV (optionally with a UTF-8 byte-order mark, which Excel needs to read UTF-8) or XLSX. Text that a
// spreadsheet would run as a formula is neutralised in both (shared/export/spreadsheet-safe.ts).
import ExcelJS from 'exceljs';
import { LadderError } from '#shared/api/result';
import type { Engine } from '#shared/engine/engine';
import { neutralizeCell, safeCsvField, utf8Bom } from '#shared/export/spreadsheet-safe';
import { scoredColumns, scoredRows, whitespaceCells, whitespaceColumns } from '../scoring/scored-rows';
import { isSet } from '#shared/missing';

export interface ScoredTable {
  columns: string[];
  rows(): Generator<(string | number | null)[]>;
  count: number;
}

/** The scored table; with `only`, just those accounts (the view the user is looking at), in book order. */
export function scoredTable(engine: Engine, names: readonly string[], only?: ReadonlySet<string>): ScoredTable {
  const { features } = engine;
  const keep = (i: number) => !only || only.has(features.accountIds[i]!);
  let count = 0;
  for (let i = 0; i < features.accounts; i++) if (keep(i)) count++;
  const recorded = features.categories.get('segment');
  const segmentOf = (i: number) =>
    recorded && recorded.codes[i]! >= 0 ? recorded.dictionary[recorded.codes[i]!]! : null;
  return {
    columns: [...scoredColumns(engine), 'account_name', 'segment', 'arr', ...whitespaceColumns],
    count,
    *rows() {
      let i = 0;
      for (const row of scoredRows(engine)) {
        const arr = features.arr[i]!;
        if (keep(i))
          yield [...row, names[i] ?? null, segmentOf(i), isSet(arr) ? arr : null, ...whitespaceCells(engine, i)];
        i++;
      }
    },
  };
}

export function* scoredCsvLines(table: ScoredTable, options: { bom?: boolean } = {}): Generator<string> {
  yield `${options.bom ? utf8Bom : ''}${table.columns.map(safeCsvField).join(',')}\r\n`;
  for (const row of table.rows()) yield `${row.map(safeCsvField).join(',')}\r\n`;
}

export const xlsxRowLimit = 1_048_575; // Excel's 1,048,576 rows, less the header

export async function scoredXlsx(table: ScoredTable, sheetName: string): Promise<Buffer> {
  if (table.count > xlsxRowLimit) {
    throw new LadderError(
      'bad_request',
      `${table.count.toLocaleString('en-US')} accounts do not fit in one Excel sheet (the limit is ${xlsxRowLimit.toLocaleString('en-US')}); export CSV instead.`,
    );
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ladder';
  const sheet = workbook.addWorksheet(sheetName.replace(/[\\/*?:[\]]/g, ' ').slice(0, 31) || 'Scored accounts');
  sheet.addRow(table.columns.map((c) => neutralizeCell(c)));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of table.rows()) sheet.addRow(row.map((v) => neutralizeCell(v)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
