// CSV, TSV, semicolon- and pipe-separated text in any of the supported encodings.
import { createReadStream } from 'node:fs';
import { ImportFailure } from '../failure';
import { createCsvScanner, type RawRow } from '../text/csv-scanner';
import { createTranscoder, detectEncoding, NotUtf8, type TextEncoding } from '../text/decode';
import { sniffDelimiter, type Delimiter } from '../text/sniff';
import { throwIfAborted, type ReadRequest, type RowSink, type SourceReader } from './types';

// Read in 64 KB chunks (as fast as 1 MB ones, measured): each chunk, and the chunk a row that spans
// two is joined into, is then below glibc's mmap threshold and recycled by malloc. 1 MB ones went
// to the heap once the threshold had risen and fragmented it: a process running many imports grew
// by ~150 MB (the import benchmark's peak RSS went over its 400 MB).
export const chunkBytes = 1 << 16;

async function readHead(path: string, bytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of createReadStream(path, { start: 0, end: Math.max(0, bytes - 1), highWaterMark: bytes })) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size >= bytes) break;
  }
  return Buffer.concat(chunks);
}

async function readWith(
  request: ReadRequest,
  sink: RowSink,
  encoding: TextEncoding,
  delimiter: Delimiter,
  warning?: string,
): Promise<void> {
  const transcoder = createTranscoder(encoding, request.fileName);
  // The transcoder refuses NUL bytes in 8-bit text; only UTF-16 can still carry U+0000.
  const nulFree = !encoding.startsWith('utf-16');
  const scanner = createCsvScanner({ delimiter: delimiter.charCodeAt(0), nulFree });
  let row = 0;
  let width = 0;
  const onRow = (raw: RawRow) => {
    row++;
    if (row === 1) {
      width = raw.count;
      sink.header(raw.fields(), { format: 'csv', encoding, delimiter, ...(warning ? { warning } : {}) });
      return;
    }
    // A blank line between rows is not a record.
    if (raw.count === 1 && width > 1 && raw.text(0) === '') return;
    if (sink.rawRow) sink.rawRow(raw, row, raw.line);
    else sink.row(raw.fields(), row, raw.line);
  };
  let read = 0;
  for await (const chunk of createReadStream(request.path, { highWaterMark: chunkBytes })) {
    throwIfAborted(request.signal);
    read += (chunk as Buffer).length;
    request.onBytes?.(read); // before the rows of this chunk, so their progress counts its bytes
    scanner.push(transcoder.push(chunk as Buffer), onRow);
    await request.gate?.();
  }
  scanner.push(transcoder.end(), onRow);
  scanner.end(onRow);
  if (row === 0) throw new ImportFailure(`${request.fileName} is empty.`);
}

export const readDelimited: SourceReader = async (request, sink) => {
  if (request.bytes === 0) throw new ImportFailure(`${request.fileName} is empty.`);
  let encoding = request.info?.encoding;
  let delimiter = request.info?.delimiter;
  if (!encoding || !delimiter) {
    const head = await readHead(request.path, 64 * 1024);
    encoding ??= detectEncoding(head);
    if (!delimiter) {
      const text = encoding.startsWith('utf-16') ? new TextDecoder(encoding).decode(head) : head.toString('latin1');
      delimiter = sniffDelimiter(text, request.fileName);
    }
  }
  try {
    await readWith(request, sink, encoding, delimiter);
  } catch (error) {
    // Not UTF-8 after all: Windows-1252 decodes any byte, and is what such files nearly always are.
    if (!(error instanceof NotUtf8)) throw error;
    if (request.info?.encoding)
      throw new ImportFailure(
        `${request.fileName} changed since it was analysed (it is no longer valid UTF-8); analyse it again.`,
      );
    await readWith(
      request,
      sink,
      'windows-1252',
      delimiter,
      `${request.fileName} is not valid UTF-8, so it was read as Windows-1252 (older Excel on Windows); check accented letters and symbols in the preview, and save the file as UTF-8 if they look wrong.`,
    );
  }
};
