// Parquet (hyparquet, pure JS) and Arrow IPC (apache-arrow), read a row group / record batch at a
// time so memory stays bounded. Typed values become cells: numbers, booleans, ISO text for dates,
// JSON text for nested values.
import { createReadStream } from 'node:fs';
import { RecordBatchReader } from 'apache-arrow';
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema } from 'hyparquet';
import type { Cell } from '#shared/import/profile';
import { ImportFailure } from '../failure';
import { throwIfAborted, type SourceReader } from './types';
import { messageOf } from '#shared/error-message';

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
  let metadata;
  const file = await asyncBufferFromFile(request.path);
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (error) {
    throw new ImportFailure(`${request.fileName} is not a readable Parquet file (${messageOf(error)}).`);
  }
  const names = parquetSchema(metadata).children.map((c) => c.element.name);
  sink.header(names, { format: 'parquet' });
  let row = 1;
  let offset = 0;
  for (const group of metadata.row_groups) {
    throwIfAborted(request.signal);
    const count = Number(group.num_rows);
    await parquetRead({
      file,
      metadata,
      rowStart: offset,
      rowEnd: offset + count,
      rowFormat: 'array',
      onComplete: (rows: unknown[][]) => {
        for (const values of rows) sink.row(values.map(toCell), ++row, row);
      },
    });
    offset += count;
    request.onBytes?.(Math.round((request.bytes * offset) / Math.max(1, Number(metadata.num_rows))));
    await request.gate?.();
  }
  request.onBytes?.(request.bytes);
};

export const readArrow: SourceReader = async (request, sink) => {
  // No 'data' listener here: it would switch the stream to flowing mode under Arrow's reader.
  const stream = createReadStream(request.path, { highWaterMark: 1 << 20 });
  let names: string[] | null = null;
  let row = 1;
  try {
    const reader = await RecordBatchReader.from(stream);
    for await (const batch of reader) {
      throwIfAborted(request.signal);
      if (!names) {
        names = batch.schema.fields.map((f) => f.name);
        sink.header(names, { format: 'arrow' });
      }
      const vectors = names.map((_, j) => batch.getChildAt(j));
      for (let i = 0; i < batch.numRows; i++)
        sink.row(
          vectors.map((v) => toCell(v?.get(i))),
          ++row,
          row,
        );
      request.onBytes?.(stream.bytesRead);
      await request.gate?.();
    }
  } catch (error) {
    stream.destroy();
    if (names || error instanceof ImportFailure || (error as { code?: string }).code === 'cancelled') throw error;
    throw new ImportFailure(`${request.fileName} is not a readable Arrow IPC file (${messageOf(error)}).`);
  }
  if (!names) throw new ImportFailure(`${request.fileName} holds no record batches.`);
};
