// Turning an export's output into a preview, a whole file in memory (downloads, the clipboard) or a
// file on disk. Text is produced line by line, so a preview stops after its first characters and
// never renders the rest; files are written atomically, so the path holds the whole file or what
// was there before, never a part.
import { refuseWorkspaceTarget, writeFileAtomic } from '../atomic-write';
import type { Workspace } from '../store/open-workspace';
import type { ExportOutput } from './export-service';
import { checkpoint, type ExportJob } from './export-jobs';

const chunkChars = 1 << 20;

/** Progress in rows for outputs that have them (one line per row after the header). */
function advance(job: ExportJob, output: ExportOutput, lines: number): void {
  if (output.rows !== undefined) job.progress = { phase: 'writing', done: Math.max(0, lines - 1), total: output.rows };
}

/** The first `limit` characters (all of them without a limit), and whether that is the whole text. */
export async function collectText(
  output: Extract<ExportOutput, { kind: 'text' }>,
  job: ExportJob,
  limit = Infinity,
): Promise<{ text: string; complete: boolean }> {
  const parts: string[] = [];
  let length = 0;
  let lines = 0;
  let sinceCheck = 0;
  for (const line of output.lines()) {
    if (length >= limit) return { text: parts.join('').slice(0, limit), complete: false };
    parts.push(line);
    length += line.length;
    lines++;
    sinceCheck += line.length;
    if (sinceCheck >= chunkChars) {
      sinceCheck = 0;
      advance(job, output, lines);
      await checkpoint(job);
    }
  }
  const text = parts.join('');
  return text.length > limit ? { text: text.slice(0, limit), complete: false } : { text, complete: true };
}

export async function collectBytes(output: ExportOutput, job: ExportJob): Promise<Buffer> {
  if (output.kind === 'bytes') {
    job.progress = { phase: 'writing', done: 0, total: output.rows ?? 0 };
    const bytes = await output.bytes();
    await checkpoint(job);
    return bytes;
  }
  return Buffer.from((await collectText(output, job)).text, 'utf8');
}

/**
 * Writes the output to `path` atomically (atomic-write.ts: temporary file, fsync, rename), with
 * progress and cancel points between chunks; the open workspace is never a target. Returns the bytes.
 */
export async function writeAtomically(
  output: ExportOutput,
  path: string,
  job: ExportJob,
  workspace?: Workspace | null,
): Promise<number> {
  refuseWorkspaceTarget(path, workspace?.path);
  async function* chunks(): AsyncGenerator<string | Uint8Array> {
    if (output.kind === 'bytes') yield await collectBytes(output, job);
    else {
      let buffer = '';
      let lines = 0;
      for (const line of output.lines()) {
        buffer += line;
        lines++;
        if (buffer.length >= chunkChars) {
          yield buffer;
          buffer = '';
          advance(job, output, lines);
          await checkpoint(job);
        }
      }
      yield buffer;
    }
    await checkpoint(job); // the last moment a cancel still leaves the target untouched
  }
  return writeFileAtomic(path, chunks());
}
