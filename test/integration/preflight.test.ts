// The preflight of `npm test` (scripts/preflight): on a machine without the suite's system tools it names
// exactly what is missing and the command that installs it, before anything slow runs; on Debian as root it
// installs them with apt-get itself. A fake tool root stands in for a container or chroot.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { preflight } from '../../scripts/preflight/index.js';
import { installCommands, packageManager, packagesFor, shellLine } from '../../scripts/preflight/platform.js';
import { missingTools, postgresBin, slidesTools, tools } from '../../scripts/preflight/tools.js';
import { chromiumPath } from '../helpers/browser';
import { findPostgresBin } from '../helpers/postgres';
import { repoRoot, tempDir } from '../helpers/temp';

const toolFiles: Record<string, string[]> = {
  chromium: ['/usr/bin/chromium'],
  postgresql: ['initdb', 'pg_ctl', 'postgres'].map((name) => `/usr/lib/postgresql/16/bin/${name}`),
  psql: ['/usr/bin/psql'],
  sqlite3: ['/usr/bin/sqlite3'],
  runuser: ['/usr/sbin/runuser'],
  soffice: ['/usr/bin/soffice'],
  pdftoppm: ['/usr/bin/pdftoppm'],
};

function executableAt(root: string, path: string, text = '#!/bin/sh\n') {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
  chmodSync(join(root, path), 0o755);
}

/** A tool root holding the named tools (empty files that are executable) and an os-release. */
function toolRoot(ids: string[], osId?: string) {
  const dir = tempDir('ladder-toolroot-');
  for (const id of ids) for (const path of toolFiles[id]!) executableAt(dir.path, path);
  if (osId) {
    mkdirSync(join(dir.path, 'etc'));
    writeFileSync(join(dir.path, 'etc', 'os-release'), `PRETTY_NAME="test"\nID=${osId}\n`);
  }
  return dir;
}

function capture() {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, log: (line: string) => lines.push(line), error: (text: string) => errors.push(text) };
}

const allIds = Object.keys(toolFiles);
const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));
const rootWith = (ids: string[], osId?: string) => {
  const dir = toolRoot(ids, osId);
  cleanups.push(dir.cleanup);
  return dir.path;
};

describe('preflight', () => {
  it('with an empty PATH and tool root, names every missing tool and the install commands, installing nothing', () => {
    const root = rootWith([]);
    const out = capture();
    expect(preflight({ env: { PATH: '' }, root, uid: 0, platform: 'linux', ...out })).toBe(false);
    expect(out.lines).toEqual([]);
    const report = out.errors.join('\n');
    expect(report).toMatch(/^npm test needs 7 system tools this machine lacks:/);
    const named = [...report.matchAll(/^ {2}- (.+?) \(/gm)].map((m) => m[1]);
    expect(named).toEqual([
      'Chromium',
      'PostgreSQL server',
      'psql CLI',
      'sqlite3 CLI',
      'runuser',
      'LibreOffice Impress',
      'pdftoppm',
    ]);
    // No os-release: an unknown Linux gets both common commands, exactly.
    expect(report).toContain(
      'Debian/Ubuntu: apt-get update && apt-get install -y --no-install-recommends ' +
        'chromium postgresql postgresql-client sqlite3 util-linux libreoffice-impress poppler-utils',
    );
    expect(report).toContain(
      'Fedora/RHEL: dnf install -y chromium postgresql-server postgresql sqlite util-linux libreoffice-impress poppler-utils',
    );
  });

  it('reports only what is missing, and why it does not install it', () => {
    const root = rootWith(['chromium', 'psql', 'soffice', 'pdftoppm'], 'debian');
    executableAt(root, '/usr/bin/apt-get', '#!/bin/sh\nexit 1\n');
    const out = capture();
    expect(preflight({ env: { PATH: '/usr/bin' }, root, uid: 1000, platform: 'linux', ...out })).toBe(false);
    const report = out.errors.join('\n');
    expect([...report.matchAll(/^ {2}- (.+?) \(/gm)].map((m) => m[1])).toEqual(['PostgreSQL server', 'sqlite3 CLI']);
    expect(report).toContain(
      '  sudo apt-get update && sudo apt-get install -y --no-install-recommends postgresql sqlite3',
    );
    expect(report).toContain('(Not installed automatically: not root, and sudo is not on PATH.)');
  });

  it('passes silently when every tool is there', () => {
    const root = rootWith(allIds);
    const out = capture();
    expect(preflight({ env: { PATH: '/usr/bin' }, root, uid: 0, platform: 'linux', ...out })).toBe(true);
    expect([...out.lines, ...out.errors]).toEqual([]);
    // Not root: runuser is not needed.
    const noRunuser = rootWith(allIds.filter((id) => id !== 'runuser'));
    expect(preflight({ env: { PATH: '/usr/bin' }, root: noRunuser, uid: 1000, platform: 'linux', ...out })).toBe(true);
    expect(preflight({ env: { PATH: '/usr/bin' }, root: noRunuser, uid: 0, platform: 'linux', ...out })).toBe(false);
  });

  it('on Debian as root installs what is missing with apt-get, saying so in one line', () => {
    const root = rootWith(['psql', 'runuser', 'pdftoppm'], 'debian');
    const log = join(root, 'apt.log');
    const create = [...toolFiles.chromium!, ...toolFiles.postgresql!, ...toolFiles.sqlite3!, ...toolFiles.soffice!];
    executableAt(
      root,
      '/usr/bin/apt-get',
      [
        '#!/bin/sh',
        `echo "$DEBIAN_FRONTEND $*" >> '${log}'`,
        '[ "$1" = install ] || exit 0',
        ...create.map(
          (p) =>
            `/bin/mkdir -p '${dirname(join(root, p))}' && echo > '${join(root, p)}' && /bin/chmod +x '${join(root, p)}'`,
        ),
      ].join('\n') + '\n',
    );
    const out = capture();
    expect(preflight({ env: { PATH: '/usr/bin' }, root, uid: 0, platform: 'linux', ...out })).toBe(true);
    expect(out.errors).toEqual([]);
    expect(out.lines).toEqual([
      'preflight: installing chromium postgresql sqlite3 libreoffice-impress with apt-get, ' +
        'for the missing Chromium, PostgreSQL server, sqlite3 CLI, LibreOffice Impress',
    ]);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
      'noninteractive update',
      'noninteractive install -y --no-install-recommends chromium postgresql sqlite3 libreoffice-impress',
    ]);
  });

  it('stops with apt-get’s own words when the install fails', () => {
    const root = rootWith([], 'ubuntu');
    executableAt(root, '/usr/bin/apt-get', '#!/bin/sh\necho "E: Unable to locate package chromium" >&2\nexit 100\n');
    const out = capture();
    expect(preflight({ env: { PATH: '/usr/bin' }, root, uid: 0, platform: 'linux', ...out })).toBe(false);
    expect(out.lines).toHaveLength(1);
    expect(out.errors.join('\n')).toMatch(/apt-get update failed \(exit 100\):\nE: Unable to locate package chromium/);
  });

  it('names the exact command for dnf, brew and winget', () => {
    const missing = tools.filter((tool) => tool.id !== 'runuser');
    const line = (manager: 'dnf' | 'brew' | 'winget', sudo = false) =>
      shellLine(installCommands(packagesFor(missing, manager), manager, sudo));
    expect(line('dnf', true)).toBe('sudo dnf install -y chromium postgresql-server postgresql sqlite');
    expect(line('brew')).toBe('brew install postgresql@17 sqlite && brew install --cask chromium');
    expect(line('winget')).toBe(
      'winget install --exact --id Hibbiki.Chromium && winget install --exact --id PostgreSQL.PostgreSQL.17 && ' +
        'winget install --exact --id SQLite.SQLite',
    );
    const slides = shellLine(installCommands(packagesFor(slidesTools, 'apt'), 'apt', false));
    expect(slides).toBe(
      'apt-get update && apt-get install -y --no-install-recommends libreoffice-impress poppler-utils',
    );

    const empty = rootWith([]);
    expect(packageManager(empty, 'darwin')).toBe('brew');
    expect(packageManager(empty, 'win32')).toBe('winget');
    expect(packageManager(rootWith([], 'fedora'), 'linux')).toBe('dnf');
    const out = capture();
    expect(preflight({ env: { PATH: '' }, root: empty, uid: 501, platform: 'darwin', ...out })).toBe(false);
    expect(out.errors.join('\n')).toContain(
      'Install them with:\n  brew install postgresql@17 sqlite poppler && brew install --cask chromium libreoffice',
    );
  });

  it('looks where the suite looks', () => {
    const look = { root: '/', env: process.env, uid: process.getuid?.() ?? -1 };
    expect(tools.find((tool) => tool.id === 'chromium')!.where(look)).toBe(chromiumPath);
    expect(postgresBin(look)).toBe(findPostgresBin());
    // This machine runs the suite, so it has everything.
    expect(missingTools(look).map((tool) => tool.id)).toEqual([]);
  });

  it('is the first step of npm test: with an empty PATH it stops before the typecheck', () => {
    const root = rootWith([]);
    const run = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'test.js')], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { PATH: '', LADDER_TOOL_ROOT: root },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^npm test needs [4-7] system tools this machine lacks:\n {2}- Chromium/);
    expect(run.stdout).not.toContain('typecheck');
  });
});
