// The first step of `npm test`: are the system tools the suite needs here? On Debian or Ubuntu, as root or
// with passwordless sudo, it installs what is missing (one line says so); anywhere else it stops at once,
// before anything slow, naming each missing tool and the exact command that installs them on this platform.
// LADDER_TOOL_ROOT looks for the tools under another root (a chroot or image); LADDER_PREFLIGHT=check only
// reports. Run alone: `node scripts/preflight/index.js`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { installCommands, packageManager, packagesFor, shellLine } from './platform.js';
import { missingTools, onPath } from './tools.js';

/** @typedef {import('./tools.js').Look} Look */
/** @typedef {import('./tools.js').Tool} Tool */
/**
 * @typedef {{ env?: Record<string, string | undefined>, root?: string, uid?: number, platform?: string,
 *   log?: (line: string) => void, error?: (text: string) => void }} Options
 */

/** How apt-get can run here (its path, through sudo or not), or why it cannot. @param {Look} look */
function aptAccess(look) {
  if (look.env.LADDER_PREFLIGHT === 'check') return { why: 'LADDER_PREFLIGHT=check' };
  const aptGet = onPath(look, 'apt-get');
  if (aptGet === null) return { why: 'apt-get is not on PATH' };
  if (look.uid === 0) return { aptGet, sudo: null };
  const sudo = onPath(look, 'sudo');
  if (sudo === null) return { why: 'not root, and sudo is not on PATH' };
  const passwordless = spawnSync(join(look.root, sudo), ['-n', 'true']).status === 0;
  return passwordless ? { aptGet, sudo } : { why: 'not root, and sudo asks for a password' };
}

/** Runs apt-get update and install; true when both succeed. @param {Look} look */
function aptInstall(
  look,
  /** @type {string[]} */ packages,
  /** @type {{aptGet: string, sudo: string | null}} */ apt,
  error,
) {
  const env = { ...look.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const [, ...args] of installCommands(packages, 'apt', false)) {
    const [command, argv] =
      apt.sudo === null
        ? [join(look.root, apt.aptGet), args]
        : [join(look.root, apt.sudo), ['DEBIAN_FRONTEND=noninteractive', apt.aptGet, ...args]];
    const run = spawnSync(command, argv, { env, encoding: 'utf8' });
    if (run.status !== 0) {
      const output = `${run.stdout ?? ''}${run.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
      error(`preflight: apt-get ${args[0]} failed (${run.error?.message ?? `exit ${run.status}`}):\n${output}`);
      return false;
    }
  }
  return true;
}

/** What is missing and how to install it, as the text printed when the preflight stops. */
export function missingReport(/** @type {Tool[]} */ missing, /** @type {Look} */ look, platform, why = '') {
  const manager = packageManager(look.root, platform);
  const sudo = look.uid !== 0 && (platform === 'linux' || manager === 'apt' || manager === 'dnf');
  const line = (/** @type {import('./tools.js').Manager} */ m) =>
    shellLine(installCommands(packagesFor(missing, m), m, sudo));
  const how =
    manager === null
      ? [
          'Install them with your package manager, for example',
          `  Debian/Ubuntu: ${line('apt')}`,
          `  Fedora/RHEL: ${line('dnf')}`,
        ]
      : [`Install them with:`, `  ${line(manager)}`];
  return [
    `npm test needs ${missing.length === 1 ? 'a system tool' : `${missing.length} system tools`} this machine lacks:`,
    ...missing.map((tool) => `  - ${tool.label} (${tool.where(look)}): ${tool.why}`),
    ...how,
    ...(why ? [`(Not installed automatically: ${why}.)`] : []),
  ].join('\n');
}

/** Checks (and on Debian installs) the suite's system tools; true when the suite can run. @param {Options} options */
export function preflight(options = {}) {
  const env = options.env ?? process.env;
  const look = { env, root: options.root ?? env.LADDER_TOOL_ROOT ?? '/', uid: options.uid ?? process.getuid?.() ?? -1 };
  const platform = options.platform ?? process.platform;
  const log = options.log ?? console.log;
  const error = options.error ?? console.error;

  const missing = missingTools(look);
  if (missing.length === 0) return true;
  const apt = packageManager(look.root, platform) === 'apt' ? aptAccess(look) : null;
  if (apt === null || !('aptGet' in apt)) {
    error(missingReport(missing, look, platform, apt?.why));
    return false;
  }
  const packages = packagesFor(missing, 'apt');
  log(
    `preflight: installing ${packages.join(' ')} with apt-get${apt.sudo ? ' (sudo)' : ''}, ` +
      `for the missing ${missing.map((tool) => tool.label).join(', ')}`,
  );
  if (!aptInstall(look, packages, apt, error)) return false;
  const still = missingTools(look);
  if (still.length === 0) return true;
  error(missingReport(still, look, platform, 'apt-get ran, but they are still missing'));
  return false;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exit(preflight() ? 0 : 1);
}
