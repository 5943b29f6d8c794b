// The lint and format gates of `npm test` fail on a planted violation. Each case runs the step exactly as
// scripts/test.js does (scripts/test-steps.js), in a small project with this repository's ESLint and Prettier
// configuration: clean, it passes; with one planted file, it fails and names the file and the rule.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { testSteps } from '../../scripts/test-steps.js';
import { repoRoot, tempDir } from '../helpers/temp';

const configFiles = ['package.json', 'eslint.config.js', '.prettierrc.json', '.prettierignore'];

// Code that follows every rule, one file per side of the process boundary.
const cleanTree: Record<string, string> = {
  'shared/clean.ts': 'export const double = (x: number): number => x * 2;\n',
  'electron/backend/uses-node.ts': [
    "import { readFileSync } from 'node:fs';",
    '',
    "export const home = (): string => process.env.HOME ?? readFileSync('/etc/hostname', 'utf8');",
    '',
  ].join('\n'),
  'renderer/src/uses-dom.ts': 'export const title = (): string => document.title;\n',
};

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

/** A project with the repository's configuration, the clean tree and the planted files. */
function project(planted: Record<string, string> = {}): string {
  const dir = tempDir('ladder-gate-');
  cleanups.push(dir.cleanup);
  for (const file of configFiles) copyFileSync(join(repoRoot, file), join(dir.path, file));
  symlinkSync(join(repoRoot, 'node_modules'), join(dir.path, 'node_modules'), 'dir');
  for (const [path, text] of Object.entries({ ...cleanTree, ...planted })) {
    mkdirSync(dirname(join(dir.path, path)), { recursive: true });
    writeFileSync(join(dir.path, path), text);
  }
  return dir.path;
}

/** Runs one step of `npm test` in the project; its exit status and everything it printed. */
function gate(name: 'lint' | 'format', root: string) {
  const step = testSteps(root).find((s) => s.name === name)!;
  const run = spawnSync(step.command, step.args, { cwd: root, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('npm test gates', () => {
  it('are steps of npm test, before the build', () => {
    const names = testSteps(repoRoot).map((s) => s.name);
    expect(names.indexOf('lint')).toBeGreaterThan(-1);
    expect(names.indexOf('format')).toBeGreaterThan(-1);
    expect(names.indexOf('lint')).toBeLessThan(names.indexOf('build'));
    expect(names.indexOf('format')).toBeLessThan(names.indexOf('build'));
  });

  it('pass on the clean tree (Node in the backend and the DOM in the renderer are allowed)', () => {
    const root = project();
    expect(gate('lint', root)).toEqual({ status: 0, output: '' });
    expect(gate('format', root)).toEqual({ status: 0, output: '' });
  });

  it('lint fails on a lint error', () => {
    const run = gate(
      'lint',
      project({ 'electron/backend/planted.ts': 'export const same = (a: number, b: number) => a == b;\n' }),
    );
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/planted\.ts\n.*error\s+Expected '===' and instead saw '=='\s+eqeqeq/);
  });

  it('lint fails on an eslint-disable comment that disables nothing', () => {
    const run = gate(
      'lint',
      project({ 'shared/planted.ts': '// eslint-disable-next-line no-eval\nexport const one = 1;\n' }),
    );
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/planted\.ts\n.*Unused eslint-disable directive/);
  });

  it('format fails on a formatting difference', () => {
    const root = project({ 'shared/planted.ts': 'export const one   = 1\n' });
    const run = gate('format', root);
    expect(run.status).toBe(1);
    expect(run.output).toContain('shared/planted.ts');
    // The same text, formatted, passes: the difference is what failed.
    writeFileSync(join(root, 'shared/planted.ts'), 'export const one = 1;\n');
    expect(gate('format', root).status).toBe(0);
  });

  it('lint fails on a Node global or module in shared/', () => {
    const planted = [
      "import { readFileSync } from 'node:fs';",
      '',
      'export const home = (): string | undefined => process.env.HOME;',
      "export const bytes = (text: string): number => Buffer.byteLength(text) + readFileSync('x').length;",
      '',
    ].join('\n');
    const run = gate('lint', project({ 'shared/planted.ts': planted }));
    expect(run.status).toBe(1);
    expect(run.output).toContain("'node:fs' import is restricted");
    expect(run.output).toContain("Unexpected use of 'process'. shared/ is pure TypeScript: no Node globals");
    expect(run.output).toContain("Unexpected use of 'Buffer'. shared/ is pure TypeScript: no Node globals");
    // The same file in the backend is fine.
    expect(gate('lint', project({ 'electron/backend/planted.ts': planted })).status).toBe(0);
  });

  it('lint fails on the DOM in shared/ and on Node in the renderer', () => {
    const dom = gate('lint', project({ 'shared/planted.ts': 'export const title = (): string => document.title;\n' }));
    expect(dom.status).toBe(1);
    expect(dom.output).toContain("Unexpected use of 'document'. shared/ is pure TypeScript: no DOM");
    const node = gate(
      'lint',
      project({ 'renderer/src/planted.ts': 'export const cwd = (): string => process.cwd();\n' }),
    );
    expect(node.status).toBe(1);
    expect(node.output).toContain("Unexpected use of 'process'. The renderer runs without Node");
  });
});
