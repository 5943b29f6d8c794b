// Imports are bounded: a workbook whose shared strings or one cell outgrow their caps, a zip part
// that expands far beyond the file, a JSON record with too many keys or too deep a nesting — each
// refused with a sentence naming the file and the cap, before the memory is taken.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { analyzeFile } from '../../../electron/backend/import/analyze';
import { importLimits } from '../../../electron/backend/import/sources/limits';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
afterAll(() => dir.cleanup());

/** A minimal zip (deflated entries, central directory) — enough for exceljs's streaming reader. */
function zip(entries: Record<string, Buffer | string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 14); // crc (not checked by the streaming reader)
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

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
