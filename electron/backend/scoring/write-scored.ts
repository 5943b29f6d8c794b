// Writes scored accounts to CSV or JSON, streaming so a million rows never sit in one string, and
// atomically (see atomic-write.ts).
import { writeFileAtomic } from '../atomic-write';
import type { Engine } from '#shared/engine/engine';
import type { ModelResult } from '#shared/engine/aggregate';
import { scoredColumns, scoredRows } from './scored-rows';

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function writeScoredCsv(engine: Engine, path: string): Promise<number> {
  return writeFileAtomic(
    path,
    (function* () {
      yield `${scoredColumns(engine).join(',')}\n`;
      for (const row of scoredRows(engine)) yield `${row.map(csvCell).join(',')}\n`;
    })(),
  );
}

export function scoredAccountsJson(engine: Engine): Record<string, string | number>[] {
  const columns = scoredColumns(engine);
  return Array.from(scoredRows(engine), (row) => Object.fromEntries(row.map((v, i) => [columns[i]!, v])));
}

export function writeScoredJson(
  engine: Engine,
  path: string,
  meta: { pack: string; asOf: string; result: ModelResult },
): Promise<number> {
  const columns = scoredColumns(engine);
  return writeFileAtomic(
    path,
    (function* () {
      yield `{"pack":${JSON.stringify(meta.pack)},"asOf":${JSON.stringify(meta.asOf)},"aggregates":${JSON.stringify(meta.result)},"accounts":[\n`;
      let first = true;
      for (const row of scoredRows(engine)) {
        yield `${first ? '' : ',\n'}${JSON.stringify(Object.fromEntries(row.map((v, i) => [columns[i]!, v])))}`;
        first = false;
      }
      yield '\n]}\n';
    })(),
  );
}
