// An Arrow IPC file says how big everything in it is: each message's metadata and body, each
// buffer's offset and length, each column's length. A damaged or hostile file lies, and the reader
// would then walk (or allocate for) rows that are not there — a 37 KB stream with 4 bytes changed
// claimed billions. So the claims are checked against what the file holds: the framing against
// the file size before apache-arrow reads a message, every column of a batch against its buffers
// before a value is read.
import { closeSync, openSync } from 'node:fs';
import type { Data, RecordBatch } from 'apache-arrow';
import { arrow } from './columnar-libs';
import { ImportFailure } from '../failure';
import { footerTablesFit, messageTablesFit } from './arrow-tables';
import { readAt } from './read-at';

const n = (x: number) => x.toLocaleString('en-US');
const damaged = (fileName: string, what: string) =>
  new ImportFailure(`${fileName} is not a readable Arrow IPC file (${what}; it is damaged or truncated).`);

interface Claims {
  length: number;
  nodes: { length: number; nullCount: number }[];
  buffers: { offset: number; length: number }[];
}

/**
 * One message at `offset` (continuation marker, metadata length, metadata, body) against the bytes up
 * to `end`: lengths within the file, buffers within the body, and row and value counts no larger than
 * the file could hold — apache-arrow allocates a validity bitmap for the rows a batch claims before
 * anything else can look. Returns where the next message starts, or null at the end-of-stream marker.
 */
function checkMessage(
  fd: number,
  fileName: string,
  fileBytes: number,
  span: { offset: number; end: number; index: number; kind?: 'record' | 'dictionary' },
) {
  let { offset } = span;
  const { end } = span;
  const what = span.kind ? `block ${n(span.index)} of its footer` : `message ${n(span.index)}`;
  if (offset + 4 > end) return null;
  let length = readAt(fd, offset, 4).readInt32LE(0);
  offset += 4;
  if (length === -1) {
    if (offset + 4 > end) return null;
    length = readAt(fd, offset, 4).readInt32LE(0); // the continuation marker, then the length
    offset += 4;
  }
  if (length === 0) return null; // end of stream
  const left = end - offset;
  if (length < 0 || length > left)
    throw damaged(fileName, `${what} claims ${n(length)} bytes of metadata, but only ${n(left)} follow`);
  let body: number;
  let claims: Claims | null = null;
  let kind: 'record' | 'dictionary' | 'schema' | null;
  const metadata = readAt(fd, offset, length);
  if (!messageTablesFit(metadata)) throw damaged(fileName, `the metadata of ${what} cannot be decoded`);
  try {
    const message = arrow().Message.decode(metadata);
    body = Number(message.bodyLength);
    kind = message.isRecordBatch()
      ? 'record'
      : message.isDictionaryBatch()
        ? 'dictionary'
        : message.isSchema()
          ? 'schema'
          : null;
    if (message.isRecordBatch()) claims = message.header();
    else if (message.isDictionaryBatch()) claims = message.header().data;
  } catch {
    throw damaged(fileName, `the metadata of ${what} cannot be decoded`);
  }
  // apache-arrow's file reader asks a footer block for a batch until it gets one: a block of another
  // kind would have it ask for ever. A stream message of no known kind is damage too.
  if (span.kind ? kind !== span.kind : kind === null)
    throw damaged(fileName, `${what} is not the kind of message it should be`);
  offset += length;
  if (!(body >= 0 && body <= end - offset))
    throw damaged(fileName, `${what} claims a body of ${n(body)} bytes, but only ${n(end - offset)} follow`);
  if (claims) {
    // A row costs at least a bit in any column but one of Arrow's empty null type.
    const most = fileBytes * 8 + 1024;
    if (!(claims.length >= 0 && claims.length <= most))
      throw damaged(fileName, `${what} claims ${n(claims.length)} rows, more than its ${n(fileBytes)} bytes can hold`);
    for (const node of claims.nodes)
      if (!(node.length >= 0 && node.length <= most && node.nullCount >= 0 && node.nullCount <= node.length))
        throw damaged(fileName, `a column of ${what} claims ${n(node.length)} values, more than the file can hold`);
    for (const region of claims.buffers)
      if (!(region.offset >= 0 && region.length >= 0 && region.offset + region.length <= body))
        throw damaged(fileName, `a buffer of ${what} lies outside its ${n(body)}-byte body`);
  }
  return offset + body;
}

/**
 * The framing of every message against the file size, before apache-arrow reads one: a stream's
 * messages in order, a file's blocks as its footer lists them (which is how the reader finds them).
 */
export function checkArrowFraming(path: string, fileName: string, size: number): void {
  const fd = openSync(path, 'r');
  try {
    const isFile = readAt(fd, 0, 6).toString('latin1') === 'ARROW1';
    let end = size;
    const blocks: { offset: number; metaDataLength: number; bodyLength: number }[] = [];
    let dictionaryBlocks = 0;
    if (isFile) {
      // The file format ends with its footer, the footer's length and the magic again.
      const tail = readAt(fd, Math.max(0, size - 10), 10);
      const footerBytes = tail.length === 10 ? tail.readInt32LE(0) : -1;
      if (tail.subarray(4).toString('latin1') !== 'ARROW1' || footerBytes <= 0 || footerBytes > size - 18)
        throw damaged(fileName, 'its footer is missing or claims more bytes than the file has');
      end = size - 10 - footerBytes;
      const footerData = readAt(fd, end, footerBytes);
      if (!footerTablesFit(footerData)) throw damaged(fileName, 'its footer cannot be decoded');
      try {
        const footer = arrow().Footer.decode(footerData);
        blocks.push(...footer.dictionaryBatches());
        dictionaryBlocks = blocks.length;
        blocks.push(...footer.recordBatches());
      } catch {
        throw damaged(fileName, 'its footer cannot be decoded');
      }
    }
    // A stream is read in order; a file only through its footer's blocks (its schema is in the footer).
    let offset: number | null = isFile ? null : 0;
    for (let index = 1; offset !== null; index++) offset = checkMessage(fd, fileName, size, { offset, end, index });
    blocks.forEach((block, i) => {
      const blockEnd = block.offset + block.metaDataLength + block.bodyLength;
      if (!(block.offset >= 8 && block.metaDataLength >= 0 && block.bodyLength >= 0 && blockEnd <= end))
        throw damaged(fileName, `block ${n(i + 1)} of its footer lies outside the file`);
      const kind = i < dictionaryBlocks ? 'dictionary' : 'record';
      checkMessage(fd, fileName, size, { offset: block.offset, end: blockEnd, index: i + 1, kind });
    });
  } finally {
    closeSync(fd);
  }
}

/** Does a column's data hold as many values as it claims? Returns what is missing, or null. */
function shortfall(data: Data, checked: Set<Data>): string | null {
  if (checked.has(data)) return null;
  checked.add(data);
  const { type, offset, length } = data;
  const end = offset + length;
  if (!(Number.isSafeInteger(end) && offset >= 0 && length >= 0)) return `a column claims ${n(length)} values`;
  const bitmap = data.nullBitmap;
  if (bitmap && bitmap.length > 0 && bitmap.length * 8 < end)
    return `a null bitmap covers fewer than ${n(length)} values`;
  const values = data.values as ArrayLike<unknown> | undefined;
  const offsets = data.valueOffsets as ArrayLike<number | bigint> | undefined;
  const count = (x: ArrayLike<unknown> | undefined) => x?.length ?? 0;
  const lastOffset = () => (count(offsets) > end ? Number(offsets![end]) : NaN);
  const child = (i: number, need: number) => {
    const c = data.children[i];
    if (!c) return 'a nested column is missing';
    if (c.length < need) return `a nested column holds ${n(c.length)} of the ${n(need)} values it should`;
    return shortfall(c, checked);
  };
  const fixed = (stride: number) => (count(values) < end * stride ? `a column claims ${n(length)} values` : null);
  const { DataType } = arrow();
  if (DataType.isNull(type)) return null;
  if (DataType.isBool(type)) return count(values) * 8 < end ? `a column claims ${n(length)} values` : null;
  if (DataType.isDictionary(type)) {
    const missing = fixed(1);
    if (missing) return missing;
    for (const chunk of data.dictionary?.data ?? []) {
      const inner = shortfall(chunk, checked);
      if (inner) return inner;
    }
    return null;
  }
  if (DataType.isUtf8(type) || DataType.isBinary(type) || DataType.isLargeUtf8(type) || DataType.isLargeBinary(type)) {
    const last = lastOffset();
    if (!(last >= 0 && last <= count(values))) return `a text column claims ${n(length)} values`;
    return null;
  }
  if (DataType.isList(type) || DataType.isLargeList(type) || DataType.isMap(type)) {
    const last = lastOffset();
    if (!(last >= 0)) return `a list column claims ${n(length)} values`;
    return child(0, last);
  }
  if (DataType.isFixedSizeList(type)) return child(0, end * type.listSize);
  if (DataType.isStruct(type)) {
    for (let i = 0; i < type.children.length; i++) {
      const missing = child(i, end);
      if (missing) return missing;
    }
    return null;
  }
  if (DataType.isUnion(type)) {
    if (count(data.typeIds) < end) return `a union column claims ${n(length)} values`;
    if (DataType.isDenseUnion(type) && count(offsets) < end) return `a union column claims ${n(length)} values`;
    for (let i = 0; i < type.children.length; i++) {
      const missing = child(i, DataType.isSparseUnion(type) ? end : 0);
      if (missing) return missing;
    }
    return null;
  }
  // Numbers, dates, times, decimals, intervals, fixed-size binary and the view types: a fixed
  // number of elements per value.
  return fixed(data.stride);
}

/**
 * A record batch's columns against their buffers, and the rows read so far against the file size
 * (a row costs at least a bit in any column that is not of Arrow's empty null type).
 */
export function checkArrowBatch(batch: RecordBatch, fileName: string, fileBytes: number, rowsBefore: number): void {
  const rows = batch.numRows;
  if (!(Number.isSafeInteger(rows) && rows >= 0) || rowsBefore + rows > fileBytes * 8 + 1024)
    throw damaged(fileName, `a batch claims ${n(rows)} rows, more than its ${n(fileBytes)} bytes can hold`);
  const checked = new Set<Data>();
  batch.schema.fields.forEach((field, j) => {
    const column = batch.data.children[j];
    if (!column || column.length < rows)
      throw damaged(fileName, `column ${field.name} holds fewer than the batch's ${n(rows)} rows`);
    const missing = shortfall(column, checked);
    if (missing) throw damaged(fileName, `column ${field.name}: ${missing}, more than its data holds`);
  });
}
