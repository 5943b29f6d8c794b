// A few bytes at a position of a file (fewer at its end): what the layout checks read instead of whole parts.
import { readSync } from 'node:fs';

export function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const read = readSync(fd, buf, got, length - got, position + got);
    if (read === 0) break;
    got += read;
  }
  return buf.subarray(0, got);
}
