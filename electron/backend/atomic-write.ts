// Every file Ladder writes goes to a temporary file beside the target, is flushed to disk (fsync),
// and only then renamed over the target, and the folder is synced so the rename survives a crash.
// A failure at any point (disk full, a kill, a bad value half way through a stream) leaves the old
// file byte for byte as it was and no new file behind, and says what happened in one sentence.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { LadderError } from '#shared/api/result';
import { messageOf } from '#shared/error-message';
import { canonicalPath } from './path-grants';

type Chunks = Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/** A hidden name in the target's folder (a rename never crosses file systems). */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.ladder-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** One sentence for a failed write; the old file, if any, is untouched. */
export function writeFailure(path: string, error: unknown): LadderError {
  if (error instanceof LadderError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code?.replace(/^SQLITE_IOERR.*/, 'EIO');
  const unchanged = 'nothing was changed';
  const reasons: Record<string, string> = {
    ENOSPC: `the disk is full`,
    SQLITE_FULL: `the disk is full`,
    EDQUOT: `the disk quota is used up`,
    EFBIG: `the file would be too large for this disk`,
    EACCES: `there is no permission to write in ${dirname(path)}`,
    EPERM: `there is no permission to write in ${dirname(path)}`,
    EROFS: `the disk is read-only`,
    ENOENT: `the folder ${dirname(path)} does not exist`,
    ENOTDIR: `${dirname(path)} is not a folder`,
    EISDIR: `${path} is a folder`,
    EIO: `the disk reported an input/output error`,
  };
  const reason = (code && reasons[code]) ?? messageOf(error);
  return new LadderError('io', `Could not write ${path}: ${reason}; ${unchanged}.`);
}

/** Keeps an existing file's permissions (a user's chmod survives an export over it). */
async function modeFor(path: string): Promise<number> {
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
  return existing ? existing.mode & 0o7777 : 0o666;
}

function syncFolder(folder: string): void {
  if (process.platform === 'win32') return; // folders cannot be opened for syncing there
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems refuse to sync a folder; the rename itself has happened.
  }
}

/** Writes the chunks (text as UTF-8) atomically to `path`; returns the bytes written. */
export async function writeFileAtomic(path: string, chunks: Chunks | string | Uint8Array): Promise<number> {
  const tmp = tempPathFor(path);
  let handle: FileHandle | null = null;
  let bytes = 0;
  try {
    handle = await open(tmp, 'wx', await modeFor(path));
    const parts = typeof chunks === 'string' || chunks instanceof Uint8Array ? [chunks] : chunks;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (pendingBytes === 0) return;
      const buffer = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      await handle!.write(buffer);
    };
    for await (const part of parts) {
      const buffer = typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part);
      pending.push(buffer);
      pendingBytes += buffer.length;
      bytes += buffer.length;
      if (pendingBytes >= 1 << 20) await flush();
    }
    await flush();
    await handle.sync();
    await handle.close();
    handle = null;
    await rename(tmp, path);
    syncFolder(dirname(path));
    return bytes;
  } catch (error) {
    await handle?.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw writeFailure(path, error);
  }
}

/** The same for small files written synchronously (settings). */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  const tmp = tempPathFor(path);
  let fd: number | null = null;
  try {
    const existing = statSync(path, { throwIfNoEntry: false });
    fd = openSync(tmp, 'wx', existing ? existing.mode & 0o7777 : 0o666);
    const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let offset = 0; offset < buffer.length;) offset += writeSync(fd, buffer, offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, path);
    syncFolder(dirname(path));
  } catch (error) {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // never created
    }
    throw writeFailure(path, error);
  }
}

/** Moves a finished file (e.g. a database written under a temporary name) into place the same way. */
export function commitFile(tmp: string, path: string): void {
  try {
    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
    syncFolder(dirname(path));
  } catch (error) {
    throw writeFailure(path, error);
  }
}

/** The workspace file and its SQLite side files: never an export target while it is open. */
export function isWorkspaceFile(target: string, workspacePath: string): boolean {
  const open = canonicalPath(workspacePath);
  return [open, `${open}-wal`, `${open}-shm`, `${open}-journal`].includes(canonicalPath(target));
}

export function refuseWorkspaceTarget(target: string, workspacePath: string | undefined): void {
  if (workspacePath && isWorkspaceFile(target, workspacePath))
    throw new LadderError(
      'forbidden',
      `Ladder will not write to ${target}: ${basename(workspacePath)} is the open workspace; choose another file.`,
    );
}
