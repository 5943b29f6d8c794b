// JSON arrays of objects and NDJSON (one object a line), streamed: the array is split into its
// elements at the byte level, so memory holds one record at a time. Nested objects become dotted
// column names (`address.city`); arrays stay JSON text, as does a JSON string inside a value.
import { createReadStream } from 'node:fs';
import type { Cell } from '#shared/import/profile';
import { ImportFailure } from '../failure';
import { importLimits } from './limits';
import { throwIfAborted, type ReadRequest, type RowSink, type SourceReader } from './types';
import { messageOf } from '#shared/error-message';

const maxRecordBytes = importLimits.recordBytes;

/** The deepest nesting of objects and arrays in a record's text (strings skipped), without parsing it. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) max = Math.max(max, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

class TooManyKeys extends Error {}

function flatten(value: unknown, prefix: string, out: Map<string, Cell>, depth: number): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && depth < 32) {
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      flatten((value as Record<string, unknown>)[key], prefix ? `${prefix}.${key}` : key, out, depth + 1);
    }
    return;
  }
  if (out.size >= importLimits.jsonKeysPerRecord && !out.has(prefix)) throw new TooManyKeys();
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    out.set(prefix, value);
  else out.set(prefix, JSON.stringify(value));
}

function recordSink(request: ReadRequest, sink: RowSink, format: 'json' | 'ndjson') {
  const headers: string[] = [];
  const index = new Map<string, number>();
  let started = false;
  let row = 1;
  return (text: string, line: number) => {
    if (nestingDepth(text) > importLimits.jsonDepth)
      throw new ImportFailure(
        `${request.fileName}, line ${line}: the record nests objects or arrays more than ${importLimits.jsonDepth} levels deep; Ladder reads at most that many.`,
        { line },
      );
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new ImportFailure(`${request.fileName}, line ${line}: not valid JSON (${messageOf(error)}).`, { line });
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new ImportFailure(
        `${request.fileName}, line ${line}: each record must be a JSON object, not ${Array.isArray(parsed) ? 'an array' : JSON.stringify(parsed)?.slice(0, 40)}.`,
        { line },
      );
    }
    const flat = new Map<string, Cell>();
    try {
      flatten(parsed, '', flat, 0);
    } catch (error) {
      if (!(error instanceof TooManyKeys)) throw error;
      throw new ImportFailure(
        `${request.fileName}, line ${line}: the record has more than ${importLimits.jsonKeysPerRecord.toLocaleString('en-US')} keys (nested ones included); Ladder reads at most that many.`,
        { line },
      );
    }
    if (!started) {
      started = true;
      for (const key of flat.keys()) {
        index.set(key, headers.length);
        headers.push(key);
      }
      sink.header([...headers], { format });
    }
    for (const key of flat.keys()) {
      if (index.has(key)) continue;
      if (headers.length >= importLimits.columns)
        throw new ImportFailure(
          `${request.fileName}, line ${line}: the records have more than ${importLimits.columns.toLocaleString('en-US')} different keys between them; Ladder reads at most that many columns.`,
          { line },
        );
      index.set(key, headers.length);
      headers.push(key);
      sink.column?.(key);
    }
    const cells: Cell[] = new Array<Cell>(headers.length).fill(null);
    for (const [key, value] of flat) cells[index.get(key)!] = value;
    sink.row(cells, ++row, line);
  };
}

async function* chunks(request: ReadRequest): AsyncGenerator<Buffer> {
  let read = 0;
  for await (const chunk of createReadStream(request.path, { highWaterMark: 1 << 20 })) {
    throwIfAborted(request.signal);
    read += (chunk as Buffer).length;
    request.onBytes?.(read);
    yield chunk as Buffer;
    await request.gate?.();
  }
}

async function readNdjson(request: ReadRequest, sink: RowSink): Promise<number> {
  const onRecord = recordSink(request, sink, 'ndjson');
  let carry = '';
  let line = 0;
  let records = 0;
  const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
  const take = (text: string) => {
    line++;
    if (text.trim() === '') return;
    records++;
    onRecord(text, line);
  };
  for await (const chunk of chunks(request)) {
    const text = carry + decoder.decode(chunk, { stream: true });
    const parts = text.split('\n');
    carry = parts.pop()!;
    if (carry.length > maxRecordBytes)
      throw new ImportFailure(`${request.fileName}, line ${line + 1} is longer than 64 MB.`);
    for (const part of parts) take(part);
  }
  take(carry + decoder.decode());
  return records;
}

/** Splits `[ {...}, {...} ]` into element texts without parsing the whole file. */
async function readArray(request: ReadRequest, sink: RowSink): Promise<number> {
  const onRecord = recordSink(request, sink, 'json');
  let state: 'before' | 'between' | 'inside' | 'after' = 'before';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let parts: Buffer[] = [];
  let partBytes = 0;
  let line = 1;
  let startLine = 1;
  let records = 0;
  for await (const chunk of chunks(request)) {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (c === 0x0a) line++;
      if (state === 'inside') {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 0x5c) escaped = true;
          else if (c === 0x22) inString = false;
          continue;
        }
        if (c === 0x22) inString = true;
        else if (c === 0x7b || c === 0x5b) depth++;
        else if (c === 0x7d || c === 0x5d) {
          depth--;
          if (depth === 0) {
            parts.push(chunk.subarray(start, i + 1));
            onRecord(Buffer.concat(parts).toString('utf8'), startLine);
            records++;
            parts = [];
            partBytes = 0;
            state = 'between';
          }
        }
        continue;
      }
      if (
        c === 0x20 ||
        c === 0x0a ||
        c === 0x0d ||
        c === 0x09 ||
        (state === 'before' && i < 3 && (c === 0xef || c === 0xbb || c === 0xbf))
      )
        continue;
      if (state === 'before') {
        if (c !== 0x5b)
          throw new ImportFailure(
            `${request.fileName} is not a JSON array of records (it starts with "${String.fromCharCode(c)}").`,
          );
        state = 'between';
      } else if (state === 'between') {
        if (c === 0x2c) continue;
        if (c === 0x5d) {
          state = 'after';
          continue;
        }
        state = 'inside';
        depth = c === 0x7b || c === 0x5b ? 1 : 0;
        inString = c === 0x22;
        start = i;
        startLine = line;
        if (depth === 0 && !inString)
          throw new ImportFailure(`${request.fileName}, line ${line}: each record must be a JSON object.`, { line });
      } else {
        throw new ImportFailure(`${request.fileName}, line ${line}: unexpected text after the end of the JSON array.`, {
          line,
        });
      }
    }
    if (state === 'inside') {
      parts.push(Buffer.from(chunk.subarray(start)));
      partBytes += chunk.length - start;
      if (partBytes > maxRecordBytes)
        throw new ImportFailure(`${request.fileName}: the record starting at line ${startLine} is larger than 64 MB.`);
    }
  }
  if (state === 'inside' || state === 'before' || state === 'between') {
    throw new ImportFailure(`${request.fileName} ends before its JSON array is closed; the file may be truncated.`);
  }
  return records;
}

export const readJson =
  (format: 'json' | 'ndjson'): SourceReader =>
  async (request, sink) => {
    if (request.bytes === 0) throw new ImportFailure(`${request.fileName} is empty.`);
    const records = format === 'ndjson' ? await readNdjson(request, sink) : await readArray(request, sink);
    if (records === 0) throw new ImportFailure(`${request.fileName} holds no records.`);
  };
