// Text encodings seen in exports: UTF-8 (with or without BOM), UTF-16LE/BE (Excel's "Unicode
// Text"), and Windows-1252 (older Excel "CSV" on Windows). Everything is turned into UTF-8 bytes
// so one byte-level scanner serves them all.
import { isUtf8 } from 'node:buffer';
import { ImportFailure } from '../failure';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Guesses from the first bytes: a BOM, or the zero bytes of UTF-16 ASCII text. */
export function detectEncoding(head: Buffer): TextEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const sample = head.subarray(0, Math.min(head.length, 4096) & ~1);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  if (pairs >= 2 && oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (pairs >= 2 && evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return 'utf-8';
}

export interface Transcoder {
  /** UTF-8 bytes for this chunk (the chunk itself when nothing needs converting). */
  push(chunk: Buffer): Buffer;
  end(): Buffer;
}

/**
 * Streams `encoding` into UTF-8. UTF-8 input is checked as it goes: invalid bytes raise
 * `NotUtf8`, which tells the caller to start over as Windows-1252. NUL bytes in an 8-bit text are
 * a binary file, refused.
 */
export function createTranscoder(encoding: TextEncoding, fileName: string): Transcoder {
  let offset = 0;
  const refuseBinary = (chunk: Buffer) => {
    const nul = chunk.indexOf(0);
    if (nul !== -1) {
      throw new ImportFailure(
        `${fileName} looks like a binary file, not text: it has a NUL byte at byte ${(offset + nul).toLocaleString('en-US')}.`,
      );
    }
  };
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') {
    let first = true;
    let tail: Buffer | null = null; // an incomplete UTF-8 sequence carried to the next chunk
    const check = (chunk: Buffer, final: boolean): Buffer => {
      let buf = tail ? Buffer.concat([tail, chunk]) : chunk;
      tail = null;
      if (first) {
        first = false;
        if (encoding === 'utf-8-bom') buf = buf.subarray(3);
      }
      refuseBinary(buf);
      let end = buf.length;
      if (!final) {
        // Step back over a sequence cut by the chunk boundary (at most 3 continuation bytes).
        let k = end - 1;
        while (k >= 0 && k > end - 4 && (buf[k]! & 0xc0) === 0x80) k--;
        if (k >= 0 && buf[k]! >= 0xc0) {
          const need = buf[k]! >= 0xf0 ? 4 : buf[k]! >= 0xe0 ? 3 : 2;
          if (end - k < need) end = k;
        }
        if (end < buf.length) tail = Buffer.from(buf.subarray(end));
      }
      const body = buf.subarray(0, end);
      if (!isUtf8(body)) throw new NotUtf8();
      offset += body.length;
      return body;
    };
    return { push: (chunk) => check(chunk, false), end: () => (tail ? check(Buffer.alloc(0), true) : Buffer.alloc(0)) };
  }
  const decoder = new TextDecoder(encoding, { fatal: false });
  return {
    push(chunk) {
      if (encoding === 'windows-1252') refuseBinary(chunk);
      offset += chunk.length;
      return Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8');
    },
    end: () => Buffer.from(decoder.decode(), 'utf8'),
  };
}

export class NotUtf8 extends Error {
  constructor() {
    super('not UTF-8');
  }
}
