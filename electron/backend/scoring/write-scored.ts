// Writes scored accounts to CSV or JSON, streaming so a million rows never sit in one string, and
// atomically (see atomic-write.ts).
import { writeFileAtomic } from '../atomic-write';
import type { Engine } from '#shared/engine/engine';
import type { ModelResult } from '#shared/engine/aggregate';
import { scoredColumns, scoredRows, whitespaceCells, whitespaceColumns } from './scored-rows';

const csvCell = (v: string | number | null) => {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function writeScoredCsv(engine: Engine, path: string): Promise<number> {
  return writeFileAtomic(
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
): Promise<number> {
  const columns = [...scoredColumns(engine), ...whitespaceColumns];
  return writeFileAtomic(
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
