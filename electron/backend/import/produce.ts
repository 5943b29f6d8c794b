// Pass two's reading half: stream the file again, turn rows into records with the plan, and hand
// them on in batches (to the writer, directly or from a worker thread). Also hashes the file.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { ImportPlan } from '../../../shared/import/mapping';
import type { ColumnReport, RejectedValue } from '../../../shared/import/report';
import { ImportFailure } from './failure';
import { createRecordBuilder, type RecordOut } from './records';
import { readerFor } from './sources/open';
import type { SourceInfo } from './sources/types';

export interface ProduceRequest {
  path: string;
  fileName: string;
  bytes: number;
  mtimeMs: number;
  info: SourceInfo;
  headers: string[];
  plan: ImportPlan;
}

/**
 * Records travel flat (one array of values, `width` per record): a worker posts this several times
 * faster than an array of small objects, and the writer's thread spends less time receiving it.
 */
export interface Batch {
  width: number;
  values: RecordOut['values'];
  customs: (string | null)[];
  rows: number[];
  lines: number[];
  rejections: RejectedValue[];
  bytesRead: number;
  rowsRead: number;
}

export interface ProduceSummary {
  rowsRead: number;
  rowsWithTextKept: number;
  columns: ColumnReport[];
  sha256: string;
}

export const batchRows = 2000;

export function unpackBatch(batch: Batch): RecordOut[] {
  const out: RecordOut[] = new Array(batch.rows.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = { values: batch.values.slice(i * batch.width, (i + 1) * batch.width), custom: batch.customs[i]!, row: batch.rows[i]!, line: batch.lines[i]! };
  }
  return out;
}

export async function sha256File(path: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20, signal })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** `emit` may return a promise (back-pressure): reading waits for it at the next chunk. */
export async function produceRecords(request: ProduceRequest, emit: (batch: Batch) => void | Promise<void>, signal?: AbortSignal): Promise<ProduceSummary> {
  const builder = createRecordBuilder(request.plan, request.headers);
  const hashing = sha256File(request.path, signal);
  hashing.catch(() => {}); // a cancel aborts it too; the outcome is awaited below or not at all
  let records: RecordOut[] = [];
  let rejections: RejectedValue[] = [];
  let rows = 0;
  let bytesRead = 0;
  let waiting: Promise<void> | void = undefined;
  const flush = () => {
    if (records.length === 0 && rejections.length === 0) return;
    const width = records[0]?.values.length ?? 0;
    const values: RecordOut['values'] = new Array(records.length * width);
    let k = 0;
    for (const r of records) for (let i = 0; i < width; i++) values[k++] = r.values[i] === undefined ? null : r.values[i]!;
    waiting = emit({ width, values, customs: records.map((r) => r.custom), rows: records.map((r) => r.row), lines: records.map((r) => r.line), rejections, bytesRead, rowsRead: rows });
    records = [];
    rejections = [];
  };
  let headerSeen = false;
  await readerFor(request.info.format)(
    {
      path: request.path,
      fileName: request.fileName,
      bytes: request.bytes,
      info: request.info,
      sheet: request.info.sheet,
      signal,
      onBytes: (read) => {
        bytesRead = read;
      },
      gate: () => waiting,
    },
    {
      header(names) {
        headerSeen = true;
        if (request.info.format !== 'json' && request.info.format !== 'ndjson' && names.length !== request.headers.length) {
          throw new ImportFailure(`${request.fileName} changed since it was analysed (its header has ${names.length} columns, not ${request.headers.length}); analyse it again.`);
        }
      },
      row(cells, row, line) {
        rows++;
        const record = builder.build(cells, row, line, rejections);
        if (record) records.push(record);
        if (records.length >= batchRows) flush();
      },
    },
  );
  if (!headerSeen) throw new ImportFailure(`${request.fileName} has no header row.`);
  flush();
  await waiting;
  return { rowsRead: rows, rowsWithTextKept: builder.rowsWithTextKept, columns: builder.columnReports(), sha256: await hashing };
}
