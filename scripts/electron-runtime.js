// Finding a usable Electron runtime, and a better-sqlite3 build for its ABI kept apart from the
// Node build (so `npm start` and `npm test` can run in either order without rebuilding each other).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Path of the Electron executable, or a sentence saying why there is none. */
export function findElectron(root) {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { ok: false, reason: 'there is no display to open a window on' };
  }
  // Resolving 'electron' downloads its runtime on first use; give that a bounded time.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const path = probe.stdout.trim();
  if (probe.status !== 0 || !path || !existsSync(path)) {
    return { ok: false, reason: 'the Electron runtime is not installed and could not be downloaded' };
  }
  return {
    ok: true,
    path,
    version: JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version,
  };
}

function nodeGypScript() {
  const candidates = [
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
    join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((c) => existsSync(c));
}

/** Builds better-sqlite3 against Electron's headers into .cache/, once per Electron version. */
export function ensureElectronSqlite(root, electronVersion) {
  const target = join(root, '.cache', 'electron-native', electronVersion, 'better_sqlite3.node');
  if (existsSync(target)) return target;
  const gyp = nodeGypScript();
  if (!gyp)
    throw new Error('node-gyp (bundled with npm) was not found, so better-sqlite3 cannot be built for Electron');
  const work = mkdtempSync(join(tmpdir(), 'ladder-sqlite-electron-'));
  try {
    cpSync(join(root, 'node_modules', 'better-sqlite3'), work, {
      recursive: true,
      filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
    });
    // npm exports its own config (nodedir=…) to scripts; node-gyp would then build for Node again.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_config_')),
    );
    const built = spawnSync(
      process.execPath,
      [
        gyp,
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        '--arch=' + process.arch,
        '--dist-url=https://electronjs.org/headers',
      ],
      { cwd: work, env, stdio: 'inherit' },
    );
    if (built.status !== 0)
      throw new Error('building better-sqlite3 for Electron failed (see the compiler output above)');
    mkdirSync(dirname(target), { recursive: true });
    cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
