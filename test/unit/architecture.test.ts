// The process boundary, checked on the source: the renderer and shared/ never import Node,
// Electron or native modules (the type-checker enforces most of it; this catches the rest), and
// no product code evaluates strings as code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { repoRoot } from '../helpers/temp';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const importPattern =
  /(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(importPattern)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

const forbiddenInPureCode = (specifier: string) =>
  specifier.startsWith('node:') ||
  builtinModules.includes(specifier) ||
  ['electron', 'better-sqlite3', 'playwright-core'].includes(specifier) ||
  specifier.startsWith('@duckdb/') ||
  /(^|\/)electron\//.test(specifier);

describe('architecture', () => {
  for (const area of ['renderer', 'shared']) {
    it(`${area}/ imports neither Node, Electron nor native modules`, () => {
      const offenders = sourceFiles(join(repoRoot, area)).flatMap((file) =>
        importsOf(file)
          .filter(forbiddenInPureCode)
          .map((s) => `${relative(repoRoot, file)} imports ${s}`),
      );
      expect(offenders).toEqual([]);
    });
  }

  it('only electron/main and electron/preload import electron', () => {
    const offenders = sourceFiles(join(repoRoot, 'electron'))
      .filter((f) => !/electron[\\/](main|preload)[\\/]/.test(relative(repoRoot, f)))
      .filter((f) => importsOf(f).includes('electron'))
      .map((f) => relative(repoRoot, f));
    expect(offenders).toEqual([]);
  });

  it('no product code uses eval or new Function', () => {
    const offenders = ['electron', 'renderer', 'shared']
      .flatMap((area) => sourceFiles(join(repoRoot, area)))
      .filter((f) => /\beval\s*\(|new\s+Function\s*\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(repoRoot, f));
    expect(offenders).toEqual([]);
  });
});
