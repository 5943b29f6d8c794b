// The smaller holes: terminal escapes from files never reach the terminal, an empty file is not
// turned into a workspace, invalid UTF-8 read as Windows-1252 says so, a second writer gets a
// sentence instead of "database is locked", and formula neutralising sees through leading spaces
// and full-width signs.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { neutralizeCell } from '#shared/export/spreadsheet-safe';
import { terminalSafe } from '#shared/terminal-safe';
import { createBackendDispatch } from '../../../electron/backend/api/backend-dispatch';
import { analyzeFile } from '../../../electron/backend/import/analyze';
import { createSession } from '../../../electron/backend/session';
import { openWorkspace } from '../../../electron/backend/store/open-workspace';
import { ladder } from '../../helpers/cli';
import { repoRoot, tempDir } from '../../helpers/temp';

const dir = tempDir();
afterAll(() => dir.cleanup());

describe('smaller holes', () => {
  it('never writes a control character from a file or a name to stderr', () => {
    const evil = join(dir.path, 'pack\u001b]0;owned\u0007\u001b[31m.json');
    writeFileSync(evil, '{"schemaVersion":1,"name":"x\u001b[2J","signals":[]}');
    const run = ladder(['export', 'sql', '--pack', evil]);
    expect(run.status).toBe(1);
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must not appear
    expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    const missing = ladder(['export', 'sql', '--pack', join(dir.path, 'no\u001b[31mfile.json')]);
    expect(missing.stderr).not.toContain('\u001b');
    expect(missing.stderr).toContain('\\u001b');
  });

  // `script` gives the CLI a real terminal as stdout, as a user at a prompt has.
  it.skipIf(spawnSync('script', ['--version']).status !== 0)(
    'shows names from files on a terminal with their escapes spelled out',
    () => {
      const ws = join(dir.path, 'tty.ladder');
      expect(ladder(['demo', '--workspace', ws, '--accounts', '10']).status).toBe(0);
      const csv = join(dir.path, 'acc\u001b[2J.csv');
      writeFileSync(csv, 'account_id,name\nA1,Acme\n');
      expect(ladder(['import', csv, '--workspace', ws, '--kind', 'accounts']).status).toBe(0);
      const command = [process.execPath, join(repoRoot, 'bin', 'ladder.js'), 'info', '--workspace', ws]
        .map((a) => `'${a}'`)
        .join(' ');
      const shown = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8' }).stdout;
      expect(shown).toContain('acc\\u001b[2J.csv');
      expect(shown).not.toContain('\u001b');
      // Piped, the same output is left as it is.
      expect(ladder(['info', '--workspace', ws]).stdout).toContain('acc\u001b[2J.csv');
    },
  );

  it('escapes every control character a terminal would act on, and keeps line breaks and tabs', () => {
    expect(terminalSafe('a\u001b[2Jb\u0007c\u009bd\u007fe')).toBe('a\\u001b[2Jb\\u0007c\\u009bd\\u007fe');
    expect(terminalSafe('line one\n\tline two')).toBe('line one\n\tline two');
  });

  it('refuses an empty file as a workspace and leaves it empty', () => {
    const empty = join(dir.path, 'empty.ladder');
    writeFileSync(empty, '');
    const run = ladder(['info', '--workspace', empty]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('empty.ladder is an empty file, not a Ladder workspace.');
    expect(statSync(empty).size).toBe(0);
  });

  it('says so when a file that is not UTF-8 is read as Windows-1252', async () => {
    const path = join(dir.path, 'latin.csv');
    writeFileSync(path, Buffer.from('account_id,name\nA1,Soci\xe9t\xe9 G\xe9n\xe9rale\n', 'latin1'));
    const analysis = await analyzeFile(path);
    expect(analysis.preview).toEqual([['A1', 'Société Générale']]);
    expect(analysis.warnings).toContain(
      'latin.csv is not valid UTF-8, so it was read as Windows-1252 (older Excel on Windows); check accented letters and symbols in the preview, and save the file as UTF-8 if they look wrong.',
    );
    // The import report says it too, so a scripted import does not pass it by.
    const ws = join(dir.path, 'latin.ladder');
    expect(ladder(['demo', '--workspace', ws, '--accounts', '10']).status).toBe(0);
    const run = ladder(['import', path, '--workspace', ws, '--kind', 'accounts']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('warning: latin.csv is not valid UTF-8, so it was read as Windows-1252');
  });

  it('a second writer gets a sentence, not "database is locked"', async () => {
    const ws = join(dir.path, 'busy.ladder');
    (await openWorkspace(ws, { create: true })).db.close();
    const csv = join(dir.path, 'accounts.csv');
    writeFileSync(csv, 'account_id,name\nA1,Acme\n');
    const session = createSession(dir.path);
    const dispatch = createBackendDispatch(session);
    const call = async (method: string, args: unknown): Promise<any> => {
      const r = await dispatch(method, args);
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const wait = async (jobId: string) => {
      for (;;) {
        const s = await call('import.job', { jobId });
        if (['done', 'failed', 'cancelled'].includes(s.progress.phase)) return s;
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    await call('workspace.open', { path: ws });
    const analysed = await wait((await call('import.analyze', { path: csv, kind: 'accounts' })).jobId);
    const other = new Database(ws);
    other.exec('BEGIN IMMEDIATE');
    try {
      const run = await wait(
        (await call('import.run', { fileToken: analysed.result.fileToken, kind: 'accounts', spec: {}, dryRun: false }))
          .jobId,
      );
      expect(run.error).toEqual({
        code: 'conflict',
        message:
          'Another import (or another program) is writing to busy.ladder; wait for it to finish, then import accounts.csv again. Nothing was imported.',
      });
    } finally {
      other.exec('ROLLBACK');
      other.close();
      session.workspace?.db.close();
    }
  });

  it('neutralises formulas behind leading spaces and in full-width signs', () => {
    for (const text of [
      ' =1+1',
      '\u00a0=HYPERLINK("x")',
      '\u3000+1',
      '\uff1dcmd',
      '\uff0b1',
      '\uff0d1',
      '\uff20SUM(A1)',
      '\n=1',
    ])
      expect(neutralizeCell(text), JSON.stringify(text)).toBe(`'${text}`);
    for (const text of ['plain', ' spaced text', '1=1', 'a@b.com']) expect(neutralizeCell(text)).toBe(text);
  });
});
