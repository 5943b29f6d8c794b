// The parts of an XLSX (a zip), found through its central directory — the index at the end of the
// file that says where each part lies and how big it is packed — instead of by scanning the local
// headers as a stream parser does. A stream parser (unzipper, under exceljs) waits for ever when a
// damaged part's deflate data ends early; here each part is read from exactly its own bytes, so
// damage ends in an error, and no part can claim to lie outside the file.
import { closeSync, createReadStream, openSync } from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { ImportFailure } from '../failure';
import { readAt } from './read-at';

export interface ZipEntry {
  path: string;
  method: number;
  packedBytes: number;
  dataStart: number;
}

const maxEntries = 65_536;

/** A part's name for a message: a damaged zip can hold any bytes there. */
export const partLabel = (part: string) => (/^[\x20-\x7e]{1,80}$/.test(part) ? `its part ${part}` : 'one of its parts');
const damaged = (fileName: string, what: string) =>
  new ImportFailure(`${fileName} is not a readable XLSX workbook (${what}; it is damaged or truncated).`);

/** Sizes and offsets, with the 64-bit values of a ZIP64 extra field where the 32-bit ones are saturated. */
function zip64Values(extra: Buffer, wanted: { packed: boolean; unpacked: boolean; offset: boolean }) {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let p = at + 4;
      const next = () => {
        const value = p + 8 <= at + 4 + size && p + 8 <= extra.length ? Number(extra.readBigUInt64LE(p)) : NaN;
        p += 8;
        return value;
      };
      const unpacked = wanted.unpacked ? next() : undefined;
      const packed = wanted.packed ? next() : undefined;
      const offset = wanted.offset ? next() : undefined;
      return { unpacked, packed, offset };
    }
    at += 4 + size;
  }
  return {};
}

/** The entries of the zip at `path`, each checked to lie within the file. */
export function zipEntries(path: string, fileName: string, size: number): ZipEntry[] {
  const fd = openSync(path, 'r');
  try {
    // The end-of-central-directory record: the last 22 bytes, or up to 64 KB earlier behind a comment.
    const tailStart = Math.max(0, size - 22 - 65_535);
    const tail = readAt(fd, tailStart, size - tailStart);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd === -1 || eocd + 22 > tail.length) throw damaged(fileName, 'it has no zip directory');
    let count = tail.readUInt16LE(eocd + 10);
    let directoryBytes = tail.readUInt32LE(eocd + 12);
    let directoryStart = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || directoryStart === 0xffffffff || directoryBytes === 0xffffffff) {
      // ZIP64: a locator just before the record points at the 64-bit record.
      const locator = tailStart + eocd - 20;
      const loc = locator >= 0 ? readAt(fd, locator, 20) : Buffer.alloc(0);
      if (loc.length < 20 || loc.readUInt32LE(0) !== 0x07064b50)
        throw damaged(fileName, 'its ZIP64 directory is missing');
      const recordAt = Number(loc.readBigUInt64LE(8));
      const record = recordAt >= 0 && recordAt + 56 <= size ? readAt(fd, recordAt, 56) : Buffer.alloc(0);
      if (record.length < 56 || record.readUInt32LE(0) !== 0x06064b50)
        throw damaged(fileName, 'its ZIP64 directory is missing');
      count = Number(record.readBigUInt64LE(32));
      directoryBytes = Number(record.readBigUInt64LE(40));
      directoryStart = Number(record.readBigUInt64LE(48));
    }
    if (count > maxEntries) throw damaged(fileName, `it claims ${count.toLocaleString('en-US')} parts`);
    if (!(directoryStart >= 0 && directoryBytes >= 0 && directoryStart + directoryBytes <= size))
      throw damaged(fileName, 'its zip directory lies outside the file');
    const directory = readAt(fd, directoryStart, directoryBytes);
    const entries: ZipEntry[] = [];
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50)
        throw damaged(fileName, 'its zip directory is cut short');
      const flags = directory.readUInt16LE(at + 8);
      const method = directory.readUInt16LE(at + 10);
      let packedBytes = directory.readUInt32LE(at + 20);
      const unpackedBytes = directory.readUInt32LE(at + 24);
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      let localAt = directory.readUInt32LE(at + 42);
      const name = directory.subarray(at + 46, at + 46 + nameLength).toString('utf8');
      const extra = directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
      const big = zip64Values(extra, {
        unpacked: unpackedBytes === 0xffffffff,
        packed: packedBytes === 0xffffffff,
        offset: localAt === 0xffffffff,
      });
      packedBytes = big.packed ?? packedBytes;
      localAt = big.offset ?? localAt;
      at += 46 + nameLength + extraLength + commentLength;
      if (flags & 0x1)
        throw new ImportFailure(
          `${fileName} is protected with a password; remove the password in Excel and import it again.`,
        );
      if (method !== 0 && method !== 8)
        throw damaged(fileName, `${partLabel(name)} uses a compression Ladder cannot read`);
      const local = localAt >= 0 && localAt + 30 <= size ? readAt(fd, localAt, 30) : Buffer.alloc(0);
      if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50)
        throw damaged(fileName, `${partLabel(name)} is not where the zip directory says`);
      const dataStart = localAt + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      if (!(Number.isSafeInteger(packedBytes) && dataStart + packedBytes <= size))
        throw damaged(fileName, `${partLabel(name)} runs past the end of the file`);
      entries.push({ path: name, method, packedBytes, dataStart });
    }
    return entries;
  } finally {
    closeSync(fd);
  }
}

/** An entry's contents, unpacked: exactly its own bytes of the file, inflated when deflated. */
export function openZipEntry(path: string, fileName: string, entry: ZipEntry): Readable {
  const out = new PassThrough();
  const unpack = entry.method === 8 ? createInflateRaw() : new PassThrough();
  // zlib's own words ("invalid distance too far back") mean nothing to a person: say which part is damaged.
  unpack.on('error', () => out.destroy(damaged(fileName, `${partLabel(entry.path)} cannot be unpacked`)));
  out.on('close', () => unpack.destroy());
  if (entry.packedBytes === 0) unpack.end();
  else {
    const packed = createReadStream(path, { start: entry.dataStart, end: entry.dataStart + entry.packedBytes - 1 });
    packed.on('error', (error) => out.destroy(error));
    unpack.on('close', () => packed.destroy());
    packed.pipe(unpack);
  }
  return unpack.pipe(out);
}
