// Browser mode's way to hand a file to the importer: the page POSTs the raw bytes (drag and drop
// or the file picker) and gets back a path on this machine. Streamed to disk, never held in memory,
// refused beyond a size limit; behind the same token/Host/Origin guard as the API.
//
// Uploads are the user's data: they live in a private folder (0700, ours, not a symlink) under the
// data folder, one per launch, deleted after the import and when the server stops. A folder left by
// a launch that crashed is removed by the next one.
import { randomBytes } from 'node:crypto';
import { chmodSync, createWriteStream, lstatSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

export const maxUploadBytes = 4 * 2 ** 30;

export interface UploadedFile {
  path: string;
  bytes: number;
}

export interface UploadFolder {
  /** This launch's folder. */
  path: string;
  remove(): void;
}

/** A file name safe to create: no folders, no control characters, not empty. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 200);
  return cleaned === '' ? 'upload' : cleaned;
}

/** Makes `dir` (or checks it): a real folder, owned by this user, readable by nobody else. */
export function makePrivateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const info = lstatSync(dir);
  if (!info.isDirectory()) throw new Error(`${dir} is not a folder (a link or a file is in its place)`);
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid) throw new Error(`${dir} belongs to another user`);
  if (process.platform !== 'win32') chmodSync(dir, 0o700);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes folders of launches that are no longer running (a crash leaves its uploads behind). */
function removeStale(root: string): void {
  for (const name of readdirSync(root)) {
    const pid = Number(/^(\d+)-/.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isRunning(pid))
      rmSync(join(root, name), { recursive: true, force: true });
  }
}

export function openUploadFolder(root: string): UploadFolder {
  makePrivateFolder(root);
  removeStale(root);
  const path = join(root, `${process.pid}-${randomBytes(6).toString('hex')}`);
  makePrivateFolder(path);
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export async function receiveUpload(req: IncomingMessage, name: string, folder: string): Promise<UploadedFile> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxUploadBytes) throw new Error('file larger than 4 GB');
  // One folder per upload keeps the file's own name (the importer reports it) without collisions.
  const dir = join(folder, randomBytes(8).toString('hex'));
  makePrivateFolder(dir);
  const path = join(dir, safeFileName(name));
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(bytes > maxUploadBytes ? new Error('file larger than 4 GB') : null, chunk);
    },
  });
  try {
    await pipeline(req, limit, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { path, bytes };
}

/** Deletes an uploaded file and its folder once the importer is done with it. */
export function removeUpload(path: string): void {
  rmSync(join(path, '..'), { recursive: true, force: true });
}
