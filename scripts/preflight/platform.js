// Which package manager provides the missing tools here, and the exact commands that install them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** @typedef {import('./tools.js').Manager} Manager */
/** @typedef {import('./tools.js').Tool} Tool */

/** The manager of this platform, or null on a Linux the preflight does not know (then it names apt and dnf). */
export function packageManager(/** @type {string} */ root, /** @type {string} */ platform) {
  if (platform === 'darwin') return 'brew';
  if (platform === 'win32') return 'winget';
  let release = '';
  try {
    release = readFileSync(join(root, '/etc/os-release'), 'utf8');
  } catch {
    return null;
  }
  const field = (/** @type {string} */ key) => release.match(new RegExp(`^${key}="?([^"\\n]*)`, 'm'))?.[1] ?? '';
  const ids = `${field('ID')} ${field('ID_LIKE')}`.split(/\s+/);
  if (ids.some((id) => id === 'debian' || id === 'ubuntu')) return 'apt';
  if (ids.some((id) => id === 'fedora' || id === 'rhel' || id === 'centos')) return 'dnf';
  return null;
}

/** The packages that provide the tools, each once. @param {Tool[]} missing @param {Manager} manager */
export const packagesFor = (missing, manager) => [...new Set(missing.flatMap((tool) => tool.packages[manager] ?? []))];

/**
 * The commands (argument lists) that install the packages; `sudo` prefixes the Linux ones.
 * @param {string[]} packages @param {Manager} manager @param {boolean} sudo @returns {string[][]}
 */
export function installCommands(packages, manager, sudo) {
  const as = (/** @type {string[]} */ argv) => (sudo ? ['sudo', ...argv] : argv);
  switch (manager) {
    case 'apt':
      return [as(['apt-get', 'update']), as(['apt-get', 'install', '-y', '--no-install-recommends', ...packages])];
    case 'dnf':
      return [as(['dnf', 'install', '-y', ...packages])];
    case 'brew': {
      const casks = packages.filter((p) => p.startsWith('--cask ')).map((p) => p.slice('--cask '.length));
      const formulas = packages.filter((p) => !p.startsWith('--cask '));
      return [
        ...(formulas.length > 0 ? [['brew', 'install', ...formulas]] : []),
        ...(casks.length > 0 ? [['brew', 'install', '--cask', ...casks]] : []),
      ];
    }
    case 'winget':
      return packages.map((id) => ['winget', 'install', '--exact', '--id', id]);
  }
}

/** One line to paste into a shell. @param {string[][]} commands */
export const shellLine = (commands) => commands.map((argv) => argv.join(' ')).join(' && ');
