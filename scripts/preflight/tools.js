// The system tools `npm test` needs beyond Node and node_modules, where the suite looks for each (the same
// places as test/helpers/browser.ts and test/helpers/postgres.ts), and the package that provides it on each
// platform. To add one, add an entry: the check, the install and the printed commands follow from it.
import { accessSync, constants, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** @typedef {'apt' | 'dnf' | 'brew' | 'winget'} Manager */
/**
 * Where tools are looked for: `root` prefixes every absolute path (a chroot or container image; `/` normally),
 * `env` gives PATH and the suite's overrides (CHROMIUM_PATH, LADDER_PG_BIN), `uid` is the user the suite runs as.
 * @typedef {{ root: string, env: Record<string, string | undefined>, uid: number }} Look
 */
/**
 * `where` says what was looked for, `packages` names the package per manager (a brew name starting with
 * `--cask ` is a cask; null where the platform has it built in or cannot run that part of the suite).
 * @typedef {{
 *   id: string, label: string, where: (look: Look) => string, why: string,
 *   needed?: (look: Look) => boolean, found: (look: Look) => boolean,
 *   packages: Record<Manager, string | null>
 * }} Tool
 */

/** @param {Look} look @param {string} path */
export const executable = (look, path) => {
  try {
    accessSync(join(look.root, path), constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** @param {Look} look @param {string} name */
export const onPath = (look, name) =>
  (look.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir !== '')
    .map((dir) => join(dir, name))
    .find((path) => executable(look, path)) ?? null;

const serverBinaries = ['initdb', 'pg_ctl', 'postgres'];
/** The PostgreSQL bin folder the suite would use (LADDER_PG_BIN, else the newest Debian one), or null. */
export function postgresBin(/** @type {Look} */ look) {
  if (look.env.LADDER_PG_BIN) return look.env.LADDER_PG_BIN;
  let versions = [];
  try {
    versions = readdirSync(join(look.root, '/usr/lib/postgresql'));
  } catch {
    return null;
  }
  const newest = versions
    .filter((v) => executable(look, `/usr/lib/postgresql/${v}/bin/initdb`))
    .sort((a, b) => Number(b) - Number(a))[0];
  return newest === undefined ? null : `/usr/lib/postgresql/${newest}/bin`;
}

const chromium = (/** @type {Look} */ look) => look.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const runuser = ['/usr/sbin/runuser', '/sbin/runuser'];

/** @type {Tool[]} */
export const tools = [
  {
    id: 'chromium',
    label: 'Chromium',
    where: chromium,
    why: 'the end-to-end tests drive a real browser',
    found: (look) => executable(look, chromium(look)),
    packages: { apt: 'chromium', dnf: 'chromium', brew: '--cask chromium', winget: 'Hibbiki.Chromium' },
  },
  {
    id: 'postgresql',
    label: 'PostgreSQL server',
    where: (look) => `${serverBinaries.join(', ')} in ${look.env.LADDER_PG_BIN ?? '/usr/lib/postgresql/*/bin'}`,
    why: 'the SQL export tests run on a real server',
    found: (look) => {
      const bin = postgresBin(look);
      return bin !== null && serverBinaries.every((name) => executable(look, join(bin, name)));
    },
    packages: {
      apt: 'postgresql',
      dnf: 'postgresql-server',
      brew: 'postgresql@17',
      winget: 'PostgreSQL.PostgreSQL.17',
    },
  },
  {
    id: 'psql',
    label: 'psql CLI',
    where: () => 'psql on PATH',
    why: 'hostile-pack tests feed compiled SQL to the real client',
    found: (look) => onPath(look, 'psql') !== null,
    packages: {
      apt: 'postgresql-client',
      dnf: 'postgresql',
      brew: 'postgresql@17',
      winget: 'PostgreSQL.PostgreSQL.17',
    },
  },
  {
    id: 'sqlite3',
    label: 'sqlite3 CLI',
    where: () => 'sqlite3 on PATH',
    why: 'the SQL export tests run compiled SQL through it, and the import benchmark times it',
    found: (look) => onPath(look, 'sqlite3') !== null,
    packages: { apt: 'sqlite3', dnf: 'sqlite', brew: 'sqlite', winget: 'SQLite.SQLite' },
  },
  {
    id: 'runuser',
    label: 'runuser',
    where: () => `util-linux's, at ${runuser.join(' or ')}`,
    why: 'PostgreSQL refuses root, so as root the tests start it as nobody',
    needed: (look) => look.uid === 0,
    found: (look) => runuser.some((path) => executable(look, path)),
    packages: { apt: 'util-linux', dnf: 'util-linux', brew: null, winget: null },
  },
];

/** LibreOffice renders the exported slides to PDF and pdftoppm turns the pages into PNGs to look at. */
/** @type {Tool[]} */
export const slidesTools = [
  {
    id: 'soffice',
    label: 'LibreOffice Impress',
    where: () => 'soffice on PATH',
    why: 'the slides tests render the deck to PDF',
    found: (look) => onPath(look, 'soffice') !== null,
    packages: {
      apt: 'libreoffice-impress',
      dnf: 'libreoffice-impress',
      brew: '--cask libreoffice',
      winget: 'TheDocumentFoundation.LibreOffice',
    },
  },
  {
    id: 'pdftoppm',
    label: 'pdftoppm (Poppler)',
    where: () => 'pdftoppm on PATH',
    why: 'the slides tests turn the PDF pages into images',
    found: (look) => onPath(look, 'pdftoppm') !== null,
    packages: { apt: 'poppler-utils', dnf: 'poppler-utils', brew: 'poppler', winget: 'oschwartz10612.Poppler' },
  },
];

/** Everything the suite needs: the slides tests render real decks. */
export const suiteTools = [...tools, ...slidesTools];

/** The tools the suite needs on this machine and lacks. @param {Look} look @param {Tool[]} list */
export const missingTools = (look, list = suiteTools) =>
  list.filter((tool) => (tool.needed ?? (() => true))(look) && !tool.found(look));
