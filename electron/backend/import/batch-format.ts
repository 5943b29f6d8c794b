// A batch of records as it travels from the reading thread to the writing thread (batch.ts packs
// it, batch-unpack.ts reads it): a tag per value, the numbers in one Float64Array, the texts as
// NUL-terminated UTF-8 in one byte array.
import type { RejectedValue } from '#shared/import/report';

export interface Batch {
  /** Values per record: the packed fields' values, then its custom JSON. */
  width: number;
  /** The record position of each packed value (the fields a plan fills; the others are all null). */
  positions: number[];
  /** Fields of a whole record. */
  recordWidth: number;
  count: number;
  tags: Uint8Array;
  numbers: Float64Array;
  /** The text values in order as UTF-8, each followed by a NUL (TAG_SIDE values excepted). */
  text: Uint8Array;
  /** Texts UTF-8 cannot hold, in order (TAG_SIDE). */
  side: string[];
  rows: Int32Array;
  lines: Int32Array;
  rejections: RejectedValue[];
  bytesRead: number;
  rowsRead: number;
}

export const TAG_NULL = 0;
export const TAG_NUMBER = 1;
export const TAG_TEXT = 2;
export const TAG_TRUE = 3;
export const TAG_FALSE = 4;
export const TAG_SIDE = 5;
