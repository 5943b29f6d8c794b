// Writes scored accounts to CSV or JSON, streaming so a million rows never sit in one string.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Engine } from '#shared/engine/engine';
import type { ModelResult } from '#shared/engine/aggregate';
import { scoredColumns, scoredRows, whitespaceCells, whitespaceColumns } from './scored-rows';

const csvCell = (v: string | number | null) => {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let buffer = '';
  for (const line of lines) {
    buffer += line;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

export function writeScoredCsv(engine: Engine, path: string): Promise<void> {
  return writeLines(
    path,
    (function* () {
      yield `${[...scoredColumns(engine), ...whitespaceColumns].join(',')}\n`;
      let i = 0;
      for (const row of scoredRows(engine))
        yield `${[...row, ...whitespaceCells(engine, i++)].map(csvCell).join(',')}\n`;
    })(),
  );
}

export function scoredAccountsJson(engine: Engine): Record<string, string | number | null>[] {
  const columns = [...scoredColumns(engine), ...whitespaceColumns];
  let i = 0;
  return Array.from(scoredRows(engine), (row) =>
    Object.fromEntries([...row, ...whitespaceCells(engine, i++)].map((v, k) => [columns[k]!, v])),
  );
}

export function writeScoredJson(
  engine: Engine,
  path: string,
  meta: { pack: string; asOf: string; result: ModelResult },
): Promise<void> {
  const columns = [...scoredColumns(engine), ...whitespaceColumns];
  return writeLines(
    path,
    (function* () {
      yield `{"pack":${JSON.stringify(meta.pack)},"asOf":${JSON.stringify(meta.asOf)},"aggregates":${JSON.stringify(meta.result)},"accounts":[\n`;
      let i = 0;
      for (const row of scoredRows(engine)) {
        const cells = [...row, ...whitespaceCells(engine, i)];
        yield `${i === 0 ? '' : ',\n'}${JSON.stringify(Object.fromEntries(cells.map((v, k) => [columns[k]!, v])))}`;
        i++;
      }
      yield '\n]}\n';
    })(),
  );
}
