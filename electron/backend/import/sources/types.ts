// What every file reader delivers: header names once, then rows of cells, with progress in bytes.
import type { Cell } from '#shared/import/profile';
import type { SourceFormat } from '#shared/import/report';
import type { RawRow } from '../text/csv-scanner';
import type { TextEncoding } from '../text/decode';
import type { Delimiter } from '../text/sniff';

export interface SourceInfo {
  format: SourceFormat;
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  sheet?: string;
  sheets?: string[];
  /** Something the reader assumed that the user should check (e.g. the encoding it fell back to). */
  warning?: string;
}

export interface ReadRequest {
  path: string;
  fileName: string;
  bytes: number;
  /** What pass one found (pass two reads the same way); absent: detect. */
  info?: SourceInfo;
  sheet?: string;
  signal?: AbortSignal;
  onBytes?: (bytesRead: number) => void;
  /** Awaited between chunks: lets the consumer of rows slow the reading down (back-pressure). */
  gate?: () => void | Promise<void>;
}

export interface RowSink {
  /** Called once, before any row. JSON sources may call `column` later for keys found further on. */
  header(names: string[], info: SourceInfo): void;
  /** A key first seen in a later JSON record becomes a new column at the end. */
  column?(name: string): void;
  /** `row` counts like a spreadsheet (the header is row 1); `line` is the text line where the row starts. */
  row(cells: Cell[], row: number, line: number): void;
  /**
   * Delimited text only, and optional: the row as byte ranges of the chunk (valid during the call),
   * so a consumer can read numbers straight from the bytes. When given, `row` is not called.
   */
  rawRow?(raw: RawRow, row: number, line: number): void;
}

export type SourceReader = (request: ReadRequest, sink: RowSink) => Promise<void>;

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('aborted');
}
