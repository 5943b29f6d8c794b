// `npm start`: build, then run the desktop app; where no Electron runtime can run (like CI and
// headless machines), say so in one line and serve the app in browser mode instead.
// `npm run web` (--browser) always uses browser mode. Other arguments go to `ladder serve`.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronSqlite, findElectron } from './electron-runtime.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser');
const passThrough = args.filter((a) => a !== '--browser');

const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.js')], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

function run(command, commandArgs, env = process.env) {
  const child = spawn(command, commandArgs, { stdio: 'inherit', env });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

const electron = forceBrowser ? null : findElectron(root);
if (electron?.ok) {
  const env = { ...process.env, LADDER_SQLITE_BINDING: ensureElectronSqlite(root, electron.version) };
  const workspaceAt = passThrough.indexOf('--workspace');
  if (workspaceAt !== -1 && passThrough[workspaceAt + 1]) env.LADDER_WORKSPACE = passThrough[workspaceAt + 1];
  run(electron.path, [root], env);
} else {
  if (electron) console.log(`Starting Ladder in browser mode, because ${electron.reason}.`);
  run(process.execPath, [join(root, 'dist', 'node', 'cli.js'), 'serve', ...passThrough]);
}
