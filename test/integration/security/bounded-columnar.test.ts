// Arrow and Parquet files are bounded by what they hold: a few bytes changed in a file's own size
// claims (a record batch of two billion rows, a page that unpacks to far more than Snappy can make,
// a page of 134 million values) are refused with a sentence before anything is allocated for them,
// instead of the reader walking or allocating what is not there (a 37 KB Arrow stream with 4 bytes
// changed grew past 6 GB). Damaged files never surface a library's internals.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Message, MessageHeader, tableFromArrays, tableToIPC } from 'apache-arrow';
import { parquetMetadata } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { analyzeFile } from '../../../electron/backend/import/analyze';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
afterAll(() => dir.cleanup());

function write(name: string, bytes: Buffer): string {
  const path = join(dir.path, name);
  writeFileSync(path, bytes);
  return path;
}

/** Where the first record batch's metadata lies in an Arrow stream. */
function recordBatchMetadata(stream: Buffer): { start: number; end: number } {
  for (let at = 0; at < stream.length;) {
    const length = stream.readInt32LE(at + 4); // after the continuation marker
    const start = at + 8;
    const message = Message.decode(stream.subarray(start, start + length));
    if (message.headerType === MessageHeader.RecordBatch) return { start, end: start + length };
    at = start + length + Number(message.bodyLength);
  }
  throw new Error('no record batch');
}

/** The largest positive zigzag varint of `length` bytes, in the same bytes (so no offset moves). */
function saturateVarint(bytes: Buffer, at: number, length: number): void {
  for (let i = 0; i < length - 1; i++) bytes[at + i] = 0xff;
  bytes[at] = 0xfe; // zigzag: an odd number would be negative
  bytes[at + length - 1] = 0x7f;
}

function varintLength(bytes: Buffer, at: number): number {
  let length = 1;
  while (bytes[at + length - 1]! & 0x80) length++;
  return length;
}

/** Where the uncompressed size and the value count sit in the first page header (thrift compact). */
function pageHeaderFields(bytes: Buffer, start: number) {
  let at = start;
  const field = () => {
    const type = bytes[at]! & 0x0f;
    at++;
    return type;
  };
  const skipVarint = () => {
    const found = { at, length: varintLength(bytes, at) };
    at += found.length;
    return found;
  };
  expect(field()).toBe(5); // type (i32)
  skipVarint();
  expect(field()).toBe(5); // uncompressed_page_size
  const unpacked = skipVarint();
  expect(field()).toBe(5); // compressed_page_size
  skipVarint();
  if (field() === 5) {
    skipVarint(); // crc
    field();
  }
  expect(field()).toBe(5); // data_page_header.num_values
  const values = skipVarint();
  return { unpacked, values };
}

function parquetOfDoubles(count: number): { bytes: Buffer; pageStart: number } {
  const bytes = Buffer.from(
    parquetWriteBuffer({
      // PLAIN values, one page: a repetitive column Snappy packs about twentyfold.
      columnData: [{ name: 'arr', data: Float64Array.from({ length: count }, (_, i) => i % 3), encoding: 'PLAIN' }],
      pageSize: 64 * 2 ** 20,
      rowGroupSize: count,
      statistics: false,
    }),
  );
  const metadata = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  const chunk = metadata.row_groups[0]!.columns[0]!.meta_data!;
  expect(chunk.codec).toBe('SNAPPY');
  return { bytes, pageStart: Number(chunk.dictionary_page_offset || chunk.data_page_offset) };
}

describe('bounded Arrow and Parquet imports', () => {
  it('refuses an Arrow stream whose record batch claims two billion rows (4 bytes changed)', async () => {
    const n = 1000;
    const table = tableFromArrays({
      account_id: Array.from({ length: n }, (_, i) => `A${i}`),
      arr: Float64Array.from({ length: n }, (_, i) => i * 10.5),
    });
    const stream = Buffer.from(tableToIPC(table, 'stream'));
    const sound = await analyzeFile(write('sound.arrows', stream));
    expect(sound.rowsRead).toBe(n);
    const { start, end } = recordBatchMetadata(stream);
    const claim = Buffer.alloc(8);
    claim.writeBigInt64LE(BigInt(n));
    const at = stream.subarray(start, end).indexOf(claim);
    expect(at).toBeGreaterThan(-1);
    const damaged = Buffer.from(stream);
    damaged.writeInt32LE(0x7fffffff, start + at);
    await expect(analyzeFile(write('rows.arrows', damaged))).rejects.toThrow(
      /^rows\.arrows is not a readable Arrow IPC file \(.*claims 2,147,483,647 (rows|values)[^;]*; it is damaged or truncated\)\.$/,
    );
  });

  it('refuses an Arrow message that claims more bytes than the file has, naming it', async () => {
    const stream = Buffer.from(tableToIPC(tableFromArrays({ id: Int32Array.of(1, 2, 3) }), 'stream'));
    const damaged = Buffer.from(stream);
    damaged.writeInt32LE(0x7ffffff0, 4); // the schema message's metadata length
    await expect(analyzeFile(write('framing.arrows', damaged))).rejects.toThrow(
      /^framing\.arrows is not a readable Arrow IPC file \(message 1 claims 2,147,483,632 bytes of metadata, but only [\d,]+ follow; it is damaged or truncated\)\.$/,
    );
  });

  it('refuses a Parquet page that claims to unpack to more than Snappy can make of it', async () => {
    const { bytes, pageStart } = parquetOfDoubles(60_000);
    expect((await analyzeFile(write('sound.parquet', bytes))).rowsRead).toBe(60_000);
    const { unpacked } = pageHeaderFields(bytes, pageStart);
    const damaged = Buffer.from(bytes);
    saturateVarint(damaged, unpacked.at, unpacked.length);
    await expect(analyzeFile(write('snappy.parquet', damaged))).rejects.toThrow(
      /^snappy\.parquet is not a readable Parquet file \(a page of column arr, row group 1 claims to unpack to [\d,]+ bytes from [\d,]+; it is damaged or truncated\)\.$/,
    );
  });

  it('refuses a Parquet page that claims more values than a page may hold', async () => {
    const { bytes, pageStart } = parquetOfDoubles(1_100_000);
    const { values } = pageHeaderFields(bytes, pageStart);
    expect(values.length).toBe(4);
    const damaged = Buffer.from(bytes);
    saturateVarint(damaged, values.at, values.length);
    await expect(analyzeFile(write('values.parquet', damaged))).rejects.toThrow(
      'values.parquet is not a readable Parquet file (a page of column arr, row group 1 claims 134,217,727 values (Ladder reads at most 16,777,216 per page); it is damaged or truncated).',
    );
  });
});
