// The heatmap table as an Excel workbook (exceljs): the same cells as the CSV, a bold header and
// Total line, money and share formats, text neutralised against formulas.
import ExcelJS from 'exceljs';
import { heatmapTable } from '#shared/book/heatmap-table';
import type { Heatmap } from '#shared/book/heatmap';
import { neutralizeCell } from '#shared/export/spreadsheet-safe';

const formats = { accounts: '#,##0', money: '#,##0.00', share: '0.0%' } as const;

export async function heatmapXlsx(h: Heatmap, title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ladder';
  const sheet = workbook.addWorksheet(title.replace(/[\\/*?:[\]]/g, ' ').slice(0, 31) || 'Heatmap');
  const rows = heatmapTable(h);
  rows.forEach((row) => sheet.addRow(row.map((v) => neutralizeCell(v))));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(rows.length).font = { bold: true };
  sheet.getColumn(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  for (let c = 2; c <= rows[0]!.length; c++) {
    sheet.getColumn(c).numFmt = formats[h.unit];
    sheet.getColumn(c).width = 14;
  }
  sheet.getColumn(1).width = 28;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
