// A throw-away PostgreSQL server for tests: Debian's binaries (/usr/lib/postgresql/*/bin), a fresh
// cluster in a temp folder, listening on a free loopback port, stopped and deleted afterwards.
// PostgreSQL refuses to run as root, and CI runs as root: then the cluster belongs to `nobody` and
// every server command runs through `runuser -u nobody`. Queries go through the real psql client.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Postgres {
  port: number;
  version: string;
  /** Runs a SQL script with psql (stops at the first error) and returns its stdout. */
  psql(script: string): string;
  /** Loads CSV text (header row, empty unquoted field = NULL) into an existing table (a quoted, qualified name). */
  copyFrom(qualifiedTable: string, csvText: string): void;
  stop(): void;
}

/** The newest PostgreSQL bin folder that has initdb, or null when PostgreSQL is not installed. */
export function findPostgresBin(): string | null {
  if (process.env.LADDER_PG_BIN) return process.env.LADDER_PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(root, versions[0]!, 'bin') : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function check(what: string, run: SpawnSyncReturns<string>): string {
  if (run.error) throw new Error(`${what} could not start: ${run.error.message}`);
  if (run.status !== 0)
    throw new Error(`${what} failed (exit ${run.status}):\n${run.stderr}\n${run.stdout}`.slice(0, 4000));
  return run.stdout;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
/** util-linux's runuser; /usr/sbin is not on every root PATH. */
const runuser = () => ['/usr/sbin/runuser', '/sbin/runuser'].find((p) => existsSync(p)) ?? 'runuser';

export async function startPostgres(): Promise<Postgres> {
  const bin = findPostgresBin();
  if (!bin)
    throw new Error(
      'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); the preflight of npm test installs it.',
    );
  // As root the cluster belongs to nobody, who must be able to reach it: /tmp, not a private TMPDIR.
  const dir = mkdtempSync(join(isRoot() && existsSync('/tmp') ? '/tmp' : tmpdir(), 'ladder-pg-'));
  const data = join(dir, 'data');
  const asServer = (command: string, args: string[]) =>
    isRoot()
      ? spawnSync(runuser(), ['-u', 'nobody', '--', join(bin, command), ...args], { encoding: 'utf8' })
      : spawnSync(join(bin, command), args, { encoding: 'utf8' });
  if (isRoot()) {
    const nobody = Number(check('id -u nobody', spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' })).trim());
    const nogroup = Number(check('id -g nobody', spawnSync('id', ['-g', 'nobody'], { encoding: 'utf8' })).trim());
    chownSync(dir, nobody, nogroup);
    chmodSync(dir, 0o700);
  }
  check(
    'initdb',
    asServer('initdb', ['-D', data, '-U', 'ladder', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']),
  );
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  check('pg_ctl start', asServer('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']));
  let stopped = false;
  const psql = (script: string) =>
    check(
      'psql',
      spawnSync(
        join(bin, 'psql'),
        [
          '-h',
          '127.0.0.1',
          '-p',
          String(port),
          '-U',
          'ladder',
          '-d',
          'postgres',
          '-X',
          '-q',
          '-A',
          '-t',
          '-v',
          'ON_ERROR_STOP=1',
          '-f',
          '-',
        ],
        {
          input: script,
          encoding: 'utf8',
          maxBuffer: 256 * 1024 * 1024,
        },
      ),
    );
  const version = psql('SHOW server_version;').trim();
  return {
    port,
    version,
    psql,
    copyFrom(qualifiedTable, csvText) {
      const file = join(dir, 'copy.csv');
      writeFileSync(file, csvText);
      if (isRoot()) chmodSync(file, 0o644);
      psql(`\\copy ${qualifiedTable} FROM '${file}' WITH (FORMAT csv, HEADER true)\n`);
      rmSync(file);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        check('pg_ctl stop', asServer('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
