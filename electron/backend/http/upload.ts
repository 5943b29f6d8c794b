// Browser mode's way to hand a file to the importer: the page POSTs the raw bytes (drag and drop
// or the file picker) and gets back a path on this machine. Streamed to disk, never held in memory,
// refused beyond a size limit; behind the same token/Host/Origin guard as the API.
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

export const maxUploadBytes = 4 * 2 ** 30;

/** A file name safe to create: no folders, no control characters, not empty. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
    .replace(/[\u0000-\u001f<>:"|?*]/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 200);
  return cleaned === '' ? 'upload' : cleaned;
}

export async function receiveUpload(
  req: IncomingMessage,
  name: string,
  root = join(tmpdir(), 'ladder-uploads'),
): Promise<{ path: string; bytes: number }> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxUploadBytes) throw new Error('file larger than 4 GB');
  const dir = join(root, randomBytes(8).toString('hex'));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, safeFileName(name));
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(bytes > maxUploadBytes ? new Error('file larger than 4 GB') : null, chunk);
    },
  });
  try {
    await pipeline(req, limit, createWriteStream(path));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { path, bytes };
}
