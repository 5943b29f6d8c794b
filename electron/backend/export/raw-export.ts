// `ladder export raw`: the workspace's accounts and periods as the whole-model SQL reads them, as
// CSV (numbers in shortest round-trip form, dates YYYY-MM-DD, missing values empty) or Parquet
// (text UTF-8, numbers DOUBLE, dates DATE; row groups of 64k rows, so memory stays bounded). Each
// file is written to a temporary name, synced and renamed: a failure leaves no partial file.
import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ParquetWriter, fileWriter } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet';
import { isoToDay } from '#shared/dates';
import { commitFile, tempPathFor, writeFailure, writeFileAtomic } from '../atomic-write';
import type { Db } from '../store/sqlite';
import { csvField } from './features-csv';
import { rawRelations, type RawRelation } from './raw-relations';

export type RawFormat = 'csv' | 'parquet';

export interface RawExportResult {
  files: { path: string; rows: number; bytes?: number }[];
  skipped: string[];
}

function* csvLines(relation: RawRelation, count: { rows: number }): Generator<string> {
  yield `${relation.columns.map((c) => csvField(c.name)).join(',')}\n`;
  for (const row of relation.rows()) {
    count.rows++;
    yield `${row.map(csvField).join(',')}\n`;
  }
}

const groupRows = 65_536;

function parquetSchema(relation: RawRelation): SchemaElement[] {
  return [
    { name: 'root', num_children: relation.columns.length },
    ...relation.columns.map((c): SchemaElement =>
      c.type === 'text'
        ? { name: c.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' }
        : c.type === 'date'
          ? { name: c.name, type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' }
          : { name: c.name, type: 'DOUBLE', repetition_type: 'OPTIONAL' },
    ),
  ];
}

function writeParquet(relation: RawRelation, path: string): number {
  const tmp = tempPathFor(path);
  try {
    const writer = new ParquetWriter({ writer: fileWriter(tmp), schema: parquetSchema(relation) });
    let columns = relation.columns.map(() => [] as (string | number | null)[]);
    let rows = 0;
    const flush = () => {
      if (columns[0]!.length === 0) return;
      void writer.write({
        columnData: relation.columns.map((c, k) => ({ name: c.name, data: columns[k]! })),
        rowGroupSize: groupRows,
      });
      columns = relation.columns.map(() => []);
    };
    const dates = relation.columns.map((c) => c.type === 'date');
    for (const row of relation.rows()) {
      row.forEach((v, k) => columns[k]!.push(dates[k] && typeof v === 'string' ? isoToDay(v) : v));
      if (++rows % groupRows === 0) flush();
    }
    flush();
    writer.finish();
    commitFile(tmp, path);
    return rows;
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      // never created
    }
    throw writeFailure(path, error);
  }
}

export async function writeRawExport(db: Db, dir: string, format: RawFormat): Promise<RawExportResult> {
  const raw = rawRelations(db);
  const files: RawExportResult['files'] = [];
  for (const relation of [raw.accounts, raw.periods]) {
    const path = join(dir, `${relation.name}.${format}`);
    if (format === 'csv') {
      const count = { rows: 0 };
      const bytes = await writeFileAtomic(path, csvLines(relation, count));
      files.push({ path, rows: count.rows, bytes });
    } else files.push({ path, rows: writeParquet(relation, path) });
  }
  return { files, skipped: raw.skipped };
}
