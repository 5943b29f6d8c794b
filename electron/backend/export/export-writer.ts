// Turning an export's output into a preview, a whole file in memory (downloads, the clipboard) or a
// file on disk. Text is produced line by line, so a preview stops after its first characters and
// never renders the rest; files are written to a temporary name beside the target, fsynced and
// renamed, so the path holds the whole file or what was there before, never a part.
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
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

/** Writes the output to `path` through a temporary file (fsync, rename); returns the bytes written. */
export async function writeAtomically(output: ExportOutput, path: string, job: ExportJob): Promise<number> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.partial`);
  const file = await open(temp, 'wx');
  let written = 0;
  try {
    if (output.kind === 'bytes') {
      const bytes = await collectBytes(output, job);
      await file.write(bytes);
      written = bytes.length;
    } else {
      let buffer = '';
      let lines = 0;
      for (const line of output.lines()) {
        buffer += line;
        lines++;
        if (buffer.length >= chunkChars) {
          const bytes = Buffer.from(buffer, 'utf8');
          await file.write(bytes);
          written += bytes.length;
          buffer = '';
          advance(job, output, lines);
          await checkpoint(job);
        }
      }
      const rest = Buffer.from(buffer, 'utf8');
      await file.write(rest);
      written += rest.length;
    }
    await checkpoint(job); // the last moment a cancel still leaves the target untouched
    await file.sync();
    await file.close();
    await rename(temp, path);
    return written;
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
}
