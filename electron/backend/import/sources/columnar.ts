// Parquet (hyparquet, pure JS) and Arrow IPC (apache-arrow), read a row group / record batch at a
// time so memory stays bounded. Typed values become cells: numbers, booleans, ISO text for dates,
// JSON text for nested values. What the files claim about their sizes is checked first (arrow-bounds,
// parquet-bounds); the libraries' own errors are reworded (unreadable).
import { createReadStream } from 'node:fs';
import type { RecordBatch } from 'apache-arrow';
import type { Cell } from '#shared/import/profile';
import { ImportFailure } from '../failure';
import { checkArrowBatch, checkArrowFraming } from './arrow-bounds';
import { loadArrow, loadParquet } from './columnar-libs';
import { checkParquetLayout } from './parquet-bounds';
import { throwIfAborted, type SourceReader } from './types';
import { unreadable } from './unreadable';

export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

export const readParquet: SourceReader = async (request, sink) => {
  const what = 'Parquet file';
  const { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema } = await loadParquet();
  const file = await asyncBufferFromFile(request.path);
  let metadata;
  let names: string[];
  try {
    metadata = await parquetMetadataAsync(file);
    names = parquetSchema(metadata).children.map((c) => c.element.name);
  } catch {
    // hyparquet's reasons here ("footer != PAR1", "thrift unhandled type") say nothing to a person.
    throw new ImportFailure(
      `${request.fileName} is not a readable Parquet file (its footer, which holds the schema and where each column lies, is damaged or truncated).`,
    );
  }
  // Before any page is read: chunks inside the file, page headers within the caps.
  try {
    checkParquetLayout(request.path, request.fileName, request.bytes, metadata);
  } catch (error) {
    throw unreadable(request.fileName, what, error);
  }
  sink.header(names, { format: 'parquet' });
  let row = 1;
  let offset = 0;
  const total = Math.max(1, Number(metadata.num_rows));
  for (const group of metadata.row_groups) {
    throwIfAborted(request.signal);
    const count = Number(group.num_rows);
    let rows: unknown[][] = [];
    try {
      await parquetRead({
        file,
        metadata,
        rowStart: offset,
        rowEnd: offset + count,
        rowFormat: 'array',
        onComplete: (complete: unknown[][]) => {
          rows = complete;
        },
      });
    } catch (error) {
      throw unreadable(request.fileName, what, error);
    }
    for (const values of rows) sink.row(values.map(toCell), ++row, row);
    offset += count;
    request.onBytes?.(Math.min(request.bytes, Math.round((request.bytes * offset) / total)));
    await request.gate?.();
  }
  request.onBytes?.(request.bytes);
};

export const readArrow: SourceReader = async (request, sink) => {
  const what = 'Arrow IPC file';
  const { RecordBatchReader } = await loadArrow();
  // The framing against the file size first, so no message is read on a lie about its length.
  try {
    checkArrowFraming(request.path, request.fileName, request.bytes);
  } catch (error) {
    throw unreadable(request.fileName, what, error);
  }
  // No 'data' listener here: it would switch the stream to flowing mode under Arrow's reader.
  const stream = createReadStream(request.path, { highWaterMark: 1 << 20 });
  let names: string[] | null = null;
  let row = 1;
  let rowsRead = 0;
  try {
    // apache-arrow's own errors are reworded; what the row sink throws passes through.
    let batches: AsyncIterator<RecordBatch>;
    try {
      batches = (await RecordBatchReader.from(stream))[Symbol.asyncIterator]();
    } catch (error) {
      throw unreadable(request.fileName, what, error);
    }
    for (;;) {
      let next: IteratorResult<RecordBatch>;
      try {
        next = await batches.next();
      } catch (error) {
        throw unreadable(request.fileName, what, error);
      }
      if (next.done) break;
      const batch = next.value;
      throwIfAborted(request.signal);
      checkArrowBatch(batch, request.fileName, request.bytes, rowsRead);
      rowsRead += batch.numRows;
      if (!names) {
        names = batch.schema.fields.map((f) => f.name);
        sink.header(names, { format: 'arrow' });
      }
      const vectors = names.map((_, j) => batch.getChildAt(j));
      for (let i = 0; i < batch.numRows; i++) {
        let cells: Cell[];
        try {
          cells = vectors.map((v) => toCell(v?.get(i)));
        } catch (error) {
          throw unreadable(request.fileName, what, error);
        }
        sink.row(cells, ++row, row);
      }
      request.onBytes?.(stream.bytesRead);
      await request.gate?.();
    }
  } finally {
    stream.destroy();
  }
  if (!names) throw new ImportFailure(`${request.fileName} holds no record batches.`);
};
