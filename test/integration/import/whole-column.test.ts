// Scripted imports plan from the first 20,000 rows and read the file once; the whole column still
// decides. These files change their story after the sample, and the import must follow the whole
// column, not the sample.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportReport } from '#shared/import/report';
import { sampleRows } from '../../../electron/backend/import/plan-file';
import { ladder } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
afterAll(() => dir.cleanup());
const rows = sampleRows + 5_000;

function run(name: string, body: (i: number) => string, header: string) {
  const path = join(dir.path, `${name}.csv`);
  writeFileSync(path, `${header}\n${Array.from({ length: rows }, (_, i) => body(i)).join('\n')}\n`);
  const ws = join(dir.path, `${name}.ladder`);
  const result = ladder(['import', path, '--workspace', ws, '--kind', 'accounts', '--json']);
  return { ...result, ws, report: result.stdout ? (JSON.parse(result.stdout) as ImportReport) : null };
}

describe('the whole column decides, even past the sample', () => {
  it('a custom column numeric in the first rows but not later is kept as text, every value intact', () => {
    const r = run(
      'codes',
      (i) => `A${i},Name ${i},${i === sampleRows + 100 ? 'X-17' : String(i)}`,
      'account_id,name,code',
    );
    expect(r.status).toBe(0);
    expect(r.report!.columns[2]).toMatchObject({ name: 'code', type: 'text' });
    const db = new Database(r.ws, { readonly: true });
    expect(
      db
        .prepare("SELECT json_extract(custom, '$.code') FROM accounts WHERE id = ?")
        .pluck()
        .get(`A${sampleRows + 100}`),
    ).toBe('X-17');
    expect(db.prepare("SELECT json_extract(custom, '$.code') FROM accounts WHERE id = 'A5'").pluck().get()).toBe('5');
    db.close();
  });

  it('dates that read both ways until a day-first one appears late are read day-first throughout', () => {
    const r = run(
      'dates',
      (i) => `D${i},N${i},${i === rows - 1 ? '25/12/2024' : `${(i % 12) + 1}/${(i % 11) + 1}/2024`}`,
      'account_id,name,renewal_date',
    );
    expect(r.status).toBe(0);
    const db = new Database(r.ws, { readonly: true });
    // Row D1: "2/2/2024"; row D2: "3/3/2024"; row D13: "2/3/2024" is 2 March read day-first.
    expect(db.prepare("SELECT renewal_date FROM accounts WHERE id = 'D13'").pluck().get()).toBe('2024-03-02');
    expect(
      db
        .prepare(`SELECT renewal_date FROM accounts WHERE id = 'D${rows - 1}'`)
        .pluck()
        .get(),
    ).toBe('2024-12-25');
    db.close();
  });

  it('a month-first column with one late day-first date rejects that value rather than guessing', () => {
    const r = run(
      'mixed',
      (i) => `M${i},N${i},${i === rows - 1 ? '25/12/2024' : i % 7 === 0 ? '1/13/2024' : '1/2/2024'}`,
      'account_id,name,renewal_date',
    );
    expect(r.status).toBe(1);
    expect(r.report!.rejected).toEqual([
      {
        row: rows + 1,
        line: rows + 1,
        column: 'renewal_date',
        value: '25/12/2024',
        reason: 'not a date (reading month/day/year)',
      },
    ]);
  });
});
