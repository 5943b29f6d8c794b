// The sha256 an import records for its file, read on the writing thread while the worker reads the
// file for its rows (that thread waits for batches; the worker is the slower of the two).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chunkBytes } from './sources/delimited';

export async function sha256File(path: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes, signal })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
