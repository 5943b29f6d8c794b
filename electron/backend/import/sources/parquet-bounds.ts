// A Parquet file says how big its parts are: where each column chunk lies, and in each page header
// how many bytes the page takes, how many it unpacks to and how many values it holds. hyparquet
// allocates from those numbers (a Snappy page's output, typed arrays of `num_values`) before it
// can notice they are lies, and those buffers live outside the worker's bounded heap. So every
// chunk and page header is checked first: chunks inside the file, pages inside their chunk, Snappy
// output no more than Snappy can produce from the page, values per page within a cap.
import { closeSync, openSync } from 'node:fs';
import type { FileMetaData, PageHeader, SchemaTree } from 'hyparquet';
import { parquet } from './columnar-libs';
import { ImportFailure } from '../failure';
import { readAt } from './read-at';
import { importLimits } from './limits';

const n = (x: number) => x.toLocaleString('en-US');
const damaged = (fileName: string, what: string) =>
  new ImportFailure(`${fileName} is not a readable Parquet file (${what}; it is damaged or truncated).`);

/** Snappy turns 3 bytes into at most 64 (a copy); anything claiming more than this ratio is not Snappy. */
const snappyMaxRatio = 32;
/** Page headers are small (statistics are their biggest part); a header beyond this is not one. */
const maxHeaderBytes = 16 * 2 ** 20;
const readable = new Set(['UNCOMPRESSED', 'SNAPPY']);

interface Place {
  fileName: string;
  column: string;
  group: number;
}

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
const count = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? n(x) : 'an invalid number of');

function checkPage(header: PageHeader, room: number, snappy: boolean, at: Place): void {
  const page = `a page of column ${at.column}, row group ${n(at.group)}`;
  const fail = (what: string) => damaged(at.fileName, `${page} ${what}`);
  if (!['DATA_PAGE', 'DATA_PAGE_V2', 'DICTIONARY_PAGE', 'INDEX_PAGE'].includes(header.type))
    throw fail('is of no known kind');
  const { compressed_page_size: packed, uncompressed_page_size: unpacked } = header;
  if (!isCount(packed) || packed > room) throw fail(`claims ${count(packed)} bytes, more than its chunk has left`);
  const v2 = header.data_page_header_v2;
  const compressed = snappy && (v2 ? v2.is_compressed !== false : true);
  const most = compressed ? packed * snappyMaxRatio + 1024 : packed;
  if (!isCount(unpacked) || unpacked > most)
    throw fail(`claims to unpack to ${count(unpacked)} bytes from ${n(packed)}`);
  const values = [
    header.data_page_header?.num_values,
    header.dictionary_page_header?.num_values,
    v2?.num_values,
    v2?.num_rows,
    v2?.num_nulls,
  ];
  for (const value of values)
    if (value !== undefined && (!isCount(value) || value > importLimits.parquetPageValues))
      throw fail(`claims ${count(value)} values (Ladder reads at most ${n(importLimits.parquetPageValues)} per page)`);
  if (v2 && !(isCount(v2.definition_levels_byte_length) && isCount(v2.repetition_levels_byte_length)))
    throw fail('has levels of an invalid size');
  if (v2 && v2.definition_levels_byte_length + v2.repetition_levels_byte_length > packed)
    throw fail('has levels larger than the page');
  if (header.type === 'DATA_PAGE' && !header.data_page_header) throw fail('has no data page header');
  if (header.type === 'DATA_PAGE_V2' && !v2) throw fail('has no data page header');
  if (header.type === 'DICTIONARY_PAGE' && !header.dictionary_page_header) throw fail('has no dictionary page header');
}

/** Walks the page headers of one column chunk, reading windows of the file (not the pages themselves). */
function checkChunk(fd: number, start: number, end: number, snappy: boolean, at: Place): void {
  let window: Buffer = Buffer.alloc(0);
  let windowStart = start;
  let pos = start;
  // As hyparquet does, a last lone byte is not taken for a page.
  while (pos < end - 1) {
    let header: PageHeader;
    for (let size = 64 * 1024; ; size *= 4) {
      const want = Math.min(size, end - pos);
      if (pos < windowStart || pos + want > windowStart + window.length) {
        window = readAt(fd, pos, want);
        windowStart = pos;
      }
      const reader = { view: new DataView(window.buffer, window.byteOffset, window.length), offset: pos - windowStart };
      try {
        header = parquet().parquetHeader(reader);
        pos = windowStart + reader.offset;
        break;
      } catch {
        // Ran past the window: read a bigger one, up to what a header may take.
        if (want === end - pos || size >= maxHeaderBytes)
          throw damaged(at.fileName, `a page header of column ${at.column}, row group ${n(at.group)} cannot be read`);
      }
    }
    checkPage(header, end - pos, snappy, at);
    pos += header.compressed_page_size;
  }
}

/** Every column chunk and page header of the file, against the file and the caps. */
export function checkParquetLayout(path: string, fileName: string, size: number, metadata: FileMetaData): void {
  // Every chunk must belong to a column of the schema: hyparquet reads a chunk it cannot place and
  // leaves that read's failure unobserved (an unhandled rejection ends the import worker).
  const leaves = new Set<string>();
  const walk = (node: SchemaTree) =>
    node.children.length === 0 ? leaves.add(node.path.join('.')) : node.children.forEach(walk);
  parquet().parquetSchema(metadata).children.forEach(walk);
  const fd = openSync(path, 'r');
  try {
    metadata.row_groups.forEach((group, g) => {
      const seen = new Set<string>();
      for (const chunk of group.columns) {
        const meta = chunk.meta_data;
        if (!meta) throw damaged(fileName, `a column chunk of row group ${n(g + 1)} has no metadata`);
        if (typeof meta.codec !== 'string' || !Array.isArray(meta.path_in_schema))
          throw damaged(fileName, `a column chunk of row group ${n(g + 1)} has incomplete metadata`);
        if (!readable.has(meta.codec))
          throw new ImportFailure(
            `${fileName} is compressed with ${meta.codec}, which Ladder cannot read; write it with Snappy or without compression (or as CSV) and import that.`,
          );
        const at = { fileName, column: meta.path_in_schema.join('.'), group: g + 1 };
        if (!leaves.has(at.column) || seen.has(at.column))
          throw damaged(fileName, `row group ${n(g + 1)} has data for a column the schema does not have`);
        seen.add(at.column);
        const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
        const end = start + Number(meta.total_compressed_size);
        if (!(Number.isSafeInteger(end) && start >= 4 && end >= start && end <= size - 8))
          throw damaged(fileName, `column ${at.column} of row group ${n(g + 1)} lies outside the file`);
        checkChunk(fd, start, end, meta.codec === 'SNAPPY', at);
      }
    });
  } finally {
    closeSync(fd);
  }
}
