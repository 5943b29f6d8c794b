// Imports are bounded: a workbook whose shared strings or one cell outgrow their caps, a zip part
// that expands far beyond the file, a JSON record with too many keys or too deep a nesting — each
// refused with a sentence naming the file and the cap, before the memory is taken.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeFile } from '../../../electron/backend/import/analyze';
import { importLimits } from '../../../electron/backend/import/sources/limits';
import { tempDir } from '../../helpers/temp';
import { zip } from '../../helpers/zip';

const dir = tempDir();
afterAll(() => dir.cleanup());

const workbook = `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Accounts" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const rels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const sheet = (cells: string) =>
  `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>account_id</t></is></c></row><row r="2">${cells}</row></sheetData></worksheet>`;

function xlsx(name: string, parts: Record<string, Buffer | string>): string {
  const path = join(dir.path, name);
  writeFileSync(path, zip({ 'xl/workbook.xml': workbook, 'xl/_rels/workbook.xml.rels': rels, ...parts }));
  return path;
}

describe('bounded imports', () => {
  it('reads a small hand-made workbook (the fixture itself is sound)', async () => {
    const path = xlsx('ok.xlsx', {
      'xl/worksheets/sheet1.xml': sheet('<c r="A2" t="inlineStr"><is><t>A1</t></is></c>'),
    });
    const analysis = await analyzeFile(path);
    expect(analysis.headers).toEqual(['account_id']);
    expect(analysis.preview).toEqual([['A1']]);
  });

  it('refuses a part that expands far past its cap (a zip bomb), while it drains, by name', async () => {
    const path = xlsx('bomb.xlsx', {
      'xl/worksheets/sheet1.xml': sheet(''),
      'xl/media/image1.png': Buffer.alloc(importLimits.xlsxPartBytes + 2 ** 20),
    });
    await expect(analyzeFile(path)).rejects.toThrow(
      /^bomb\.xlsx(?: expands to more than [\d,]+ MB when unzipped|: its part xl\/media\/image1\.png is larger than 64 MB)/,
    );
  });

  it('refuses one cell holding more text than a cell may', async () => {
    const big = 'a'.repeat(importLimits.cellBytes + 10);
    const path = xlsx('cell.xlsx', {
      'xl/worksheets/sheet1.xml': sheet(`<c r="A2" t="inlineStr"><is><t>${big}</t></is></c>`),
    });
    await expect(analyzeFile(path)).rejects.toThrow(
      'cell.xlsx has a cell (or an XML tag) with more than 1 MB of text; Ladder reads at most that much per cell.',
    );
  });

  it('refuses a JSON record with more keys than a table has columns', async () => {
    const path = join(dir.path, 'wide.ndjson');
    const record = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`k${i}`, i]));
    writeFileSync(path, `${JSON.stringify(record)}\n`);
    await expect(analyzeFile(path)).rejects.toThrow(
      'wide.ndjson, line 1: the record has more than 4,096 keys (nested ones included); Ladder reads at most that many.',
    );
  });

  it('refuses a JSON record nested deeper than the cap, without a stack overflow', async () => {
    const path = join(dir.path, 'deep.ndjson');
    writeFileSync(path, `{"a":${'['.repeat(200_000)}${']'.repeat(200_000)}}\n`);
    await expect(analyzeFile(path)).rejects.toThrow(
      'deep.ndjson, line 1: the record nests objects or arrays more than 64 levels deep; Ladder reads at most that many.',
    );
  });
});
