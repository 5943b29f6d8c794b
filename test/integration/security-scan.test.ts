// The electronegativity gate in `npm test` must pass on our build and fail on an insecure one.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, tempDir } from '../helpers/temp';

const scan = (args: string[]) =>
  spawnSync(process.execPath, [join(repoRoot, 'scripts', 'security-scan.js'), ...args], {
    encoding: 'utf8',
    cwd: repoRoot,
  });

const dist = join(repoRoot, 'dist');
describe('security scan (electronegativity)', () => {
  beforeAll(() => {
    // npm test builds before running tests; a bare `vitest` run must say so rather than skip.
    expect(existsSync(join(dist, 'electron', 'main.js')), 'run "npm run build" first').toBe(true);
  });

  it('passes on the built main, preload and backend host', () => {
    const run = scan([]);
    expect(run.stderr).not.toMatch(/HIGH\/MEDIUM/);
    expect(run.status).toBe(0);
  });

  it('fails when the main window drops a security setting', () => {
    const dir = tempDir();
    try {
      cpSync(dist, dir.path, { recursive: true });
      const main = join(dir.path, 'electron', 'main.js');
      writeFileSync(main, readFileSync(main, 'utf8').replace('contextIsolation: true', 'contextIsolation: false'));
      const run = scan(['--dist', dir.path]);
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/HIGH\s+CONTEXT_ISOLATION_JS_CHECK/);
    } finally {
      dir.cleanup();
    }
  });
});
