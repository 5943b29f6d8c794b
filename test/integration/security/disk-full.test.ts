// Writes never destroy the old file: on a full disk (a small tmpfs; needs root to mount it) an
// export over an existing file leaves it byte for byte as it was, an export to a new file leaves no
// file, `ladder demo` leaves no temporary file, each with one clear sentence. Elsewhere (no root)
// the tmpfs cases are skipped with that reason; the rest runs everywhere.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ladder } from '../../helpers/cli';
import { sha256, tempDir } from '../../helpers/temp';
import { loadPreset } from '../../../electron/backend/packs/presets';
import { packToJson } from '#shared/pack/document';
import { createBackendDispatch } from '../../../electron/backend/api/backend-dispatch';
import { createSession, switchWorkspace } from '../../../electron/backend/session';
import { demoDefaults, writeDemoWorkspace } from '../../../electron/backend/demo/write-demo';

const dir = tempDir();
const disk = join(dir.path, 'small-disk');
let mounted = false;
let skipReason = '';

function mountSmallDisk(): void {
  if (process.getuid?.() !== 0) {
    skipReason = 'mounting a tmpfs needs root';
    return;
  }
  mkdirSync(disk, { recursive: true });
  const run = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', disk], { encoding: 'utf8' });
  if (run.status !== 0) skipReason = `mount failed: ${run.stderr.trim()}`;
  else mounted = true;
}

/** Fills what is left of the small disk, so the next write fails with ENOSPC. */
function fillDisk(): void {
  const filler = join(disk, 'filler');
  rmSync(filler, { force: true });
  spawnSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=4096'], { encoding: 'utf8' });
}

beforeAll(() => mountSmallDisk());
afterAll(() => {
  if (mounted) spawnSync('umount', [disk]);
  dir.cleanup();
});

const pack = loadPreset('emerging-ready-filters').pack;

describe('a full disk', () => {
  it.runIf(process.getuid?.() === 0)('is a real full disk (the tmpfs is mounted)', () => {
    expect(skipReason).toBe('');
    expect(mounted).toBe(true);
  });

  it('ladder export pack over the pack it read: the old file stays byte-identical', (ctx) => {
    if (!mounted) return ctx.skip(skipReason);
    const file = join(disk, 'model.json');
    // Not canonical on purpose: the export would rewrite it, and needs room to do so.
    writeFileSync(file, JSON.stringify(pack));
    const before = sha256(file);
    fillDisk();
    const run = ladder(['export', 'pack', '--pack', file, '--no-validation', '--out', file]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`Could not write ${file}: the disk is full; nothing was changed.`);
    expect(sha256(file)).toBe(before);
    expect(readdirSync(disk).sort()).toEqual(['filler', 'model.json']);
  });

  it('an export to a new file leaves no file behind', (ctx) => {
    if (!mounted) return ctx.skip(skipReason);
    fillDisk();
    const target = join(disk, 'new.sql');
    const run = ladder(['export', 'sql', '--pack', 'preset:emerging-ready-filters', '--out', target]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`Could not write ${target}: the disk is full; nothing was changed.`);
    expect(readdirSync(disk).filter((f) => f !== 'filler' && f !== 'model.json')).toEqual([]);
  });

  it('ladder demo leaves no temporary file, and says the disk is full', (ctx) => {
    if (!mounted) return ctx.skip(skipReason);
    rmSync(join(disk, 'filler'), { force: true });
    const target = join(disk, 'demo.ladder');
    const run = ladder(['demo', '--workspace', target, '--accounts', '2000']);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`Could not write ${target}: the disk is full; nothing was changed.`);
    expect(readdirSync(disk).sort()).toEqual(['model.json']);
  });

  it('export.save through the API over an existing file: unchanged after the failure', async (ctx) => {
    if (!mounted) return ctx.skip(skipReason);
    const data = join(disk, 'data');
    mkdirSync(data);
    const workspace = join(dir.path, 'w.ladder'); // on the big disk
    await writeDemoWorkspace(workspace, demoDefaults({ accounts: 60, seed: 3, endDate: '2026-06-01' }));
    const session = createSession(data);
    await switchWorkspace(session, workspace);
    const target = join(data, 'scored.csv');
    writeFileSync(target, 'an earlier export\n');
    fillDisk();
    const dispatch = createBackendDispatch(session);
    const result = await dispatch('export.save', { format: 'scored-csv', pack, path: target });
    session.workspace?.db.close();
    expect(result).toEqual({
      ok: false,
      error: { code: 'io', message: `Could not write ${target}: the disk is full; nothing was changed.` },
    });
    expect(readFileSync(target, 'utf8')).toBe('an earlier export\n');
    expect(readdirSync(data).sort()).toEqual(['scored.csv', 'settings.json']);
  });
});

describe('export targets', () => {
  it('the open workspace is refused as an export target (CLI), and stays as it was', async () => {
    const ws = join(dir.path, 'target.ladder');
    await writeDemoWorkspace(ws, demoDefaults({ accounts: 40, seed: 4, endDate: '2026-06-01' }));
    const before = sha256(ws);
    for (const args of [
      ['export', 'scored', '--pack', 'preset:seven-signal-table', '--workspace', ws, '--format', 'csv', '--out', ws],
      [
        'export',
        'features',
        '--pack',
        'preset:seven-signal-table',
        '--workspace',
        ws,
        '--format',
        'csv',
        '--out',
        `${ws}-wal`,
      ],
    ]) {
      const run = ladder(args);
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toMatch(
        /^Ladder will not write to .*: target\.ladder is the open workspace; choose another file\.\n$/,
      );
    }
    expect(sha256(ws)).toBe(before);
  });

  it('a failing export (an invalid pack) leaves the previous file and no temporary file', () => {
    const out = join(dir.path, 'exports');
    mkdirSync(out, { recursive: true });
    const target = join(out, 'model.sql');
    writeFileSync(target, 'previous');
    const broken = join(dir.path, 'broken.json');
    writeFileSync(broken, packToJson({ ...pack, signals: [] } as never));
    expect(ladder(['export', 'sql', '--pack', broken, '--out', target]).status).toBe(1);
    expect(readFileSync(target, 'utf8')).toBe('previous');
    expect(readdirSync(out)).toEqual(['model.sql']);
  });
});
