// Pass two's reading half: stream the file again, turn rows into records with the plan, and hand
// them on in batches (to the writer, directly or from a worker thread). The writing thread hashes
// the file meanwhile (file-hash.ts): it waits for batches more than this one waits for it.
import type { ImportPlan } from '#shared/import/mapping';
import type { ColumnReport, RejectedValue } from '#shared/import/report';
import { ImportFailure } from './failure';
import {
  emptyProfile,
  finishProfile,
  keyCheckRows,
  observe,
  settledForDays,
  type ColumnProfile,
} from '#shared/import/profile';
import { createBatchPacker, type Batch } from './batch';
import { createRecordBuilder } from './records';
import { observeDayAt } from './raw-cells';
import { readerFor } from './sources/open';
import type { FileAnalysis } from './analyze';

/** The file as pass one found it, and the plan to read it with. */
export interface ProduceRequest extends Pick<
  FileAnalysis,
  'path' | 'fileName' | 'bytes' | 'mtimeMs' | 'info' | 'headers'
> {
  plan: ImportPlan;
  /** Columns to profile over the whole file (when pass one only read a sample, to confirm its plan). */
  profileColumns?: number[];
  /**
   * Pass one's profiles of `profileColumns` (in that order) after its first `rows` rows: profiling
   * goes on from them rather than reading those rows again.
   */
  profilesSoFar?: { rows: number; profiles: ColumnProfile[] };
}

export interface ProduceSummary {
  rowsRead: number;
  rowsWithTextKept: number;
  columns: ColumnReport[];
  /** The whole-file profiles of `profileColumns` (other slots undefined). */
  profiles: (ColumnProfile | undefined)[] | null;
}

export const batchRows = 2000;

/** `emit` may return a promise (back-pressure): reading waits for it at the next chunk. */
export async function produceRecords(
  request: ProduceRequest,
  emit: (batch: Batch) => void | Promise<void>,
  signal?: AbortSignal,
): Promise<ProduceSummary> {
  const builder = createRecordBuilder(request.plan, request.headers);
  const watched = request.profileColumns ?? [];
  // A profile goes on from pass one's only when it no longer needs the key values it dropped.
  const soFar = request.profilesSoFar;
  const resume =
    soFar !== undefined &&
    soFar.profiles.length === watched.length &&
    soFar.profiles.every((p) => p.keyRows >= keyCheckRows);
  const profiles: (ColumnProfile | undefined)[] | null =
    watched.length > 0
      ? request.headers.map((_, i) =>
          !watched.includes(i)
            ? undefined
            : resume
              ? structuredClone(soFar.profiles[watched.indexOf(i)]!)
              : emptyProfile(),
        )
      : null;
  const profiledFrom = resume ? soFar.rows : 0;
  // Only the fields the plan fills travel (12 of the 21 account fields for a typical CRM export).
  const packer = createBatchPacker(batchRows, builder.filledPositions);
  const writeRow = packer.rowWriter(builder.recordWidth);
  let rejections: RejectedValue[] = [];
  let rows = 0;
  let bytesRead = 0;
  let waiting: Promise<void> | void = undefined;
  const flush = () => {
    if (packer.count === 0 && rejections.length === 0) return;
    waiting = emit(packer.take(rejections, bytesRead, rows));
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
        if (
          request.info.format !== 'json' &&
          request.info.format !== 'ndjson' &&
          names.length !== request.headers.length
        ) {
          throw new ImportFailure(
            `${request.fileName} changed since it was analysed (its header has ${names.length} columns, not ${request.headers.length}); analyse it again.`,
          );
        }
      },
      row(cells, row, line) {
        rows++;
        if (profiles && rows > profiledFrom)
          for (const i of watched) observe(profiles[i]!, i < cells.length ? cells[i]! : null);
        const record = builder.build(cells, row, line, rejections);
        if (record) packer.add(record);
        if (packer.count >= batchRows) flush();
      },
      rawRow(raw, row, line) {
        rows++;
        if (profiles && rows > profiledFrom)
          for (const i of watched) {
            const p = profiles[i]!;
            const plain = i < raw.count && raw.flags[i] === 0;
            if (!(plain && settledForDays(p) && observeDayAt(p, raw.buf, raw.start[i]!, raw.end[i]!)))
              observe(p, i < raw.count ? raw.text(i) : null);
          }
        builder.packRaw(raw, row, line, rejections, writeRow);
        if (packer.count >= batchRows) flush();
      },
    },
  );
  if (!headerSeen) throw new ImportFailure(`${request.fileName} has no header row.`);
  flush();
  await waiting;
  for (const p of profiles ?? []) if (p) finishProfile(p);
  return {
    rowsRead: rows,
    rowsWithTextKept: builder.rowsWithTextKept,
    columns: builder.columnReports(),
    profiles,
  };
}
