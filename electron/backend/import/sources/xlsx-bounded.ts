// exceljs's streaming workbook reader with bounds: every part of the zip is counted as it is
// decompressed, so a workbook whose parts expand far beyond its size (a zip bomb), whose shared
// strings outgrow their cap, or whose one cell or tag holds more text than a cell may, is refused
// while reading, before it is held in memory or spilled to a temporary file. The part loop below
// is exceljs's own (lib/stream/xlsx/workbook-reader.js, parse()), with each entry wrapped, and the
// parts found through the zip's directory (zip-entries.ts) rather than by exceljs's stream parser,
// which waits for ever on a damaged part. Parts are read with Node's own stream iterator, which also
// reports an error that happened before reading began (exceljs's iterate-stream would wait for ever).
import { createReadStream, createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { LadderError } from '#shared/api/result';
import { ImportFailure } from '../failure';
import { importLimits, mb } from './limits';
import { openZipEntry, partLabel, zipEntries } from './zip-entries';

const requireFromExceljs = createRequire(createRequire(import.meta.url).resolve('exceljs'));
const tmp = requireFromExceljs('tmp') as {
  file(cb: (err: Error | null, path: string, fd: number, cleanup: () => void) => void): void;
};

interface Bounds {
  fileName: string;
  fileBytes: number;
}

/** Decompressed bytes of all parts together: far above what XML compresses to, far below a bomb's ratio. */
export function totalPartBudget(fileBytes: number): number {
  return 200 * fileBytes + 64 * 2 ** 20;
}

interface Budget {
  used: number;
  readonly total: number;
}

/** Counts an entry's bytes (against its cap and the workbook's budget) and the longest run without a '<'. */
function bounded(entry: Readable, part: string, cap: number, budget: Budget, bounds: Bounds, xml = true): Readable {
  let bytes = 0;
  let run = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      budget.used += chunk.length;
      if (bytes > cap)
        return done(
          new ImportFailure(
            `${bounds.fileName}: its ${part} is larger than ${mb(cap)} uncompressed; Ladder reads at most that much. Save the sheet as CSV and import that.`,
          ),
        );
      if (budget.used > budget.total)
        return done(
          new ImportFailure(
            `${bounds.fileName} expands to more than ${mb(budget.total)} when unzipped (from ${mb(bounds.fileBytes)}): it looks damaged or built to exhaust memory, so Ladder does not read it.`,
          ),
        );
      if (!xml) return done(null, chunk);
      // The longest stretch without a '<' (one text node or one tag), across chunk boundaries.
      let previous = chunk.indexOf(0x3c);
      if (previous === -1) run += chunk.length;
      else {
        if (run + previous > importLimits.cellBytes) return done(cellTooLarge(bounds));
        for (let at = chunk.indexOf(0x3c, previous + 1); at !== -1; at = chunk.indexOf(0x3c, at + 1)) {
          if (at - previous > importLimits.cellBytes) return done(cellTooLarge(bounds));
          previous = at;
        }
        run = chunk.length - previous - 1;
      }
      if (run > importLimits.cellBytes) return done(cellTooLarge(bounds));
      done(null, chunk);
    },
  });
  entry.on('error', (error) => counter.destroy(error));
  // A damaged part can fail before its parser starts reading it; the parser still gets the error
  // (streams keep it), so it is not also an unhandled 'error' event.
  counter.on('error', () => {});
  return entry.pipe(counter);
}

function cellTooLarge(bounds: Bounds): ImportFailure {
  return new ImportFailure(
    `${bounds.fileName} has a cell (or an XML tag) with more than ${mb(importLimits.cellBytes)} of text; Ladder reads at most that much per cell.`,
  );
}

/** A parser's error in one part, as a sentence: which part, and where in it (saxes says "line:column: what"). */
export function inPart(fileName: string, label: string, error: unknown): unknown {
  if (error instanceof LadderError) return error;
  const xml = /(\d+):(\d+): ([^\n]{1,120})$/.exec(error instanceof Error ? error.message.split('\n')[0]! : '');
  return new ImportFailure(
    xml
      ? `${fileName} is not a readable XLSX workbook (${label} is not well-formed XML at line ${xml[1]}, column ${xml[2]}: ${xml[3]!.replace(/\.$/, '')}).`
      : `${fileName} is not a readable XLSX workbook (${label} is damaged or truncated).`,
  );
}

type ReaderInternals = {
  sharedStrings?: unknown[];
  workbookRels?: unknown;
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: string): Generator<unknown>;
  _parseHyperlinks(iterator: AsyncIterable<Buffer>, sheetNo: string): Generator<unknown>;
};

/** A WorkbookReader for `path` whose parse() bounds every part (see above). */
export function boundedWorkbookReader(
  path: string,
  options: ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookReader>[1],
  bounds: Bounds,
): ExcelJS.stream.xlsx.WorkbookReader {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, options);
  const self = reader as unknown as ReaderInternals & { parse(): AsyncGenerator<unknown> };
  const budget: Budget = { used: 0, total: totalPartBudget(bounds.fileBytes) };
  const part = (entry: Readable, name: string, cap: number, xml = true) =>
    bounded(entry, name, cap, budget, bounds, xml);
  self.parse = async function* parse() {
    const waiting: { sheetNo: string; path: string; cleanup: () => void }[] = [];
    const sheetLimit = budget.total;
    try {
      for (const found of zipEntries(path, bounds.fileName, bounds.fileBytes)) {
        const entry = openZipEntry(path, bounds.fileName, found);
        try {
          const sheet = /^xl\/worksheets\/sheet(\d+)[.]xml$/.exec(found.path);
          const rels = /^xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels$/.exec(found.path);
          if (found.path === 'xl/_rels/workbook.xml.rels')
            await self._parseRels(part(entry, 'workbook relationships', importLimits.xlsxPartBytes));
          else if (found.path === 'xl/workbook.xml')
            await self._parseWorkbook(part(entry, 'workbook part', importLimits.xlsxPartBytes));
          else if (found.path === 'xl/sharedStrings.xml')
            yield* self._parseSharedStrings(part(entry, 'shared-strings table', importLimits.sharedStringsBytes));
          else if (found.path === 'xl/styles.xml')
            await self._parseStyles(part(entry, 'styles part', importLimits.xlsxPartBytes));
          else if (sheet) {
            const counted = part(entry, `worksheet ${sheet[1]}`, sheetLimit);
            if (self.sharedStrings && self.workbookRels) yield* self._parseWorksheet(counted, sheet[1]!);
            else {
              // Before the shared strings: parked in a temporary file, as exceljs does.
              const parked = await new Promise<{ path: string; cleanup: () => void }>((resolve, reject) =>
                tmp.file((err, tmpPath, _fd, cleanup) => (err ? reject(err) : resolve({ path: tmpPath, cleanup }))),
              );
              waiting.push({ sheetNo: sheet[1]!, ...parked });
              // pipeline, not pipe: it also reports a part that failed before it was connected.
              await pipeline(counted, createWriteStream(parked.path));
            }
          } else if (rels) {
            yield* self._parseHyperlinks(part(entry, 'sheet relationships', importLimits.xlsxPartBytes), rels[1]!);
          } else {
            // Parts Ladder does not read (images, drawings, properties) are still counted as they drain.
            for await (const chunk of part(entry, `part ${found.path.slice(0, 80)}`, importLimits.xlsxPartBytes, false))
              void chunk;
          }
        } catch (error) {
          throw inPart(bounds.fileName, partLabel(found.path), error);
        } finally {
          entry.destroy(); // a part its parser stopped reading early, or that failed
        }
      }
      for (const parked of waiting) {
        const sheetStream = createReadStream(parked.path);
        // Reading can stop before the file is even open (enough rows, a refusal); its removal then is no error.
        sheetStream.on('error', () => {});
        try {
          yield* self._parseWorksheet(sheetStream, parked.sheetNo);
        } catch (error) {
          throw inPart(bounds.fileName, partLabel(`xl/worksheets/sheet${parked.sheetNo}.xml`), error);
        } finally {
          sheetStream.destroy();
          parked.cleanup();
        }
      }
    } finally {
      // Also when reading stopped early (a refusal, enough rows): no temporary file is left behind.
      for (const parked of waiting) parked.cleanup();
    }
  } as never;
  return reader;
}
