// A new, empty workspace file at a path the user chose. Built beside the target under a temporary
// name (schema, format version, fsync) and renamed into place, so the path either holds a whole
// workspace or nothing; an existing file is never replaced.
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { LadderError } from '#shared/api/result';
import { messageOf } from '#shared/error-message';
import { openWorkspace } from './open-workspace';

export async function createEmptyWorkspace(path: string): Promise<void> {
  const name = basename(path);
  if (existsSync(path))
    throw new LadderError('conflict', `There is already a file called ${name} there: open it, or choose another name.`);
  const folder = dirname(path);
  if (!existsSync(folder)) throw new LadderError('not_found', `The folder ${folder} does not exist.`);
  const temp = join(folder, `.${name}.${process.pid}.${Date.now()}.creating`);
  try {
    const ws = await openWorkspace(temp, { create: true });
    // One file, no -wal beside it: the renamed file must be complete on its own.
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    ws.db.close();
    for (const companion of [`${temp}-wal`, `${temp}-shm`]) rmSync(companion, { force: true });
    const fd = openSync(temp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (existsSync(path))
      throw new LadderError(
        'conflict',
        `There is already a file called ${name} there: open it, or choose another name.`,
      );
    renameSync(temp, path);
  } catch (error) {
    for (const leftover of [temp, `${temp}-wal`, `${temp}-shm`]) rmSync(leftover, { force: true });
    if (error instanceof LadderError) throw error;
    throw new LadderError('internal', `Could not create ${name}: ${messageOf(error)}.`);
  }
}
