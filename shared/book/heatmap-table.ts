// A heatmap as a table other tools read: a header row (the row field and each column, then Total),
// one line per row with its total, a Total line. Numbers as numbers (money in currency units,
// shares as fractions), unknown cells empty; text neutralised against spreadsheet formulas. The
// CLI's --out and the app's download write exactly these cells.
import { safeCsvField } from '../export/spreadsheet-safe';
import type { Heatmap } from './heatmap';

export type TableCell = string | number | null;

export function heatmapTable(h: Heatmap): TableCell[][] {
  const corner = h.colField ? `${h.rowField.label} \\ ${h.colField.label}` : h.rowField.label;
  const header: TableCell[] = [corner, ...h.cols, 'Total'];
  const body = h.rows.map((label, i): TableCell[] => [label, ...h.cells[i]!, h.rowTotals[i] ?? null]);
  return [header, ...body, ['Total', ...h.colTotals, h.total]];
}

export function heatmapCsv(h: Heatmap): string {
  return heatmapTable(h)
    .map((row) => `${row.map(safeCsvField).join(',')}\r\n`)
    .join('');
}
