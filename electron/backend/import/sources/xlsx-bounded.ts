// exceljs's streaming workbook reader with bounds: every part of the zip is counted as it is
// decompressed, so a workbook whose parts expand far beyond its size (a zip bomb), whose shared
// strings outgrow their cap, or whose one cell or tag holds more text than a cell may, is refused
// while reading, before it is held in memory or spilled to a temporary file. The part loop below
// is exceljs's own (lib/stream/xlsx/workbook-reader.js, parse()), with each entry wrapped.
import { createReadStream, createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { Transform, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ImportFailure } from '../failure';
import { importLimits, mb } from './limits';

const requireFromExceljs = createRequire(createRequire(import.meta.url).resolve('exceljs'));
const unzip = requireFromExceljs('unzipper') as { Parse(options: { forceStream: boolean }): NodeJS.ReadWriteStream };
const iterateStream = requireFromExceljs('./lib/utils/iterate-stream.js') as (s: Readable) => AsyncIterable<Buffer>;
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
  return entry.pipe(counter);
}

function cellTooLarge(bounds: Bounds): ImportFailure {
  return new ImportFailure(
    `${bounds.fileName} has a cell (or an XML tag) with more than ${mb(importLimits.cellBytes)} of text; Ladder reads at most that much per cell.`,
  );
}

type ReaderInternals = {
  stream: Readable;
  sharedStrings?: unknown[];
  workbookRels?: unknown;
  _getStream(input: unknown): Readable;
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
    const stream = (self.stream = self._getStream(path));
    const zip = unzip.Parse({ forceStream: true });
    stream.pipe(zip);
    const waiting: { sheetNo: string; path: string; cleanup: () => void }[] = [];
    const sheetLimit = budget.total;
    for await (const raw of iterateStream(zip as unknown as Readable)) {
      const entry = raw as unknown as Readable & { path: string; autodrain(): void };
      const sheet = /^xl\/worksheets\/sheet(\d+)[.]xml$/.exec(entry.path);
      const rels = /^xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels$/.exec(entry.path);
      if (entry.path === 'xl/_rels/workbook.xml.rels')
        await self._parseRels(part(entry, 'workbook relationships', importLimits.xlsxPartBytes));
      else if (entry.path === 'xl/workbook.xml')
        await self._parseWorkbook(part(entry, 'workbook part', importLimits.xlsxPartBytes));
      else if (entry.path === 'xl/sharedStrings.xml')
        yield* self._parseSharedStrings(part(entry, 'shared-strings table', importLimits.sharedStringsBytes));
      else if (entry.path === 'xl/styles.xml')
        await self._parseStyles(part(entry, 'styles part', importLimits.xlsxPartBytes));
      else if (sheet) {
        const counted = part(entry, `worksheet ${sheet[1]}`, sheetLimit);
        if (self.sharedStrings && self.workbookRels) yield* self._parseWorksheet(iterateStream(counted), sheet[1]!);
        else {
          // Before the shared strings: parked in a temporary file, as exceljs does.
          await new Promise<void>((resolve, reject) => {
            tmp.file((err, tmpPath, _fd, cleanup) => {
              if (err) return reject(err);
              waiting.push({ sheetNo: sheet[1]!, path: tmpPath, cleanup });
              const out = createWriteStream(tmpPath);
              out.on('error', reject);
              counted.on('error', reject);
              counted.pipe(out);
              out.on('finish', () => resolve());
            });
          });
        }
      } else if (rels) {
        yield* self._parseHyperlinks(
          iterateStream(part(entry, 'sheet relationships', importLimits.xlsxPartBytes)),
          rels[1]!,
        );
      } else {
        // Parts Ladder does not read (images, drawings, properties) are still counted as they drain.
        for await (const chunk of part(entry, `part ${entry.path.slice(0, 80)}`, importLimits.xlsxPartBytes, false))
          void chunk;
      }
      entry.autodrain();
    }
    for (const parked of waiting) {
      try {
        yield* self._parseWorksheet(iterateStream(createReadStream(parked.path)), parked.sheetNo);
      } finally {
        parked.cleanup();
      }
    }
  } as never;
  return reader;
}
