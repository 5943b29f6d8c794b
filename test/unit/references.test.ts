// No reference in the repository points at a file outside it: a fresh clone must hold everything its code,
// tests and docs cite. Checked over every text file: names of Markdown documents, Markdown links, citations of
// a document's section (`docs/ARCHITECTURE.md §6` needs a "## 6." heading there), paths joined from the
// project root or a file's folder, relative paths in prose, and absolute paths of a developer's machine.
// Import specifiers are left to the type-checker and the bundler.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { repoRoot } from '../helpers/temp';

const skippedFolders = new Set(['.git', 'node_modules', 'dist', 'release', '.cache', 'test-artifacts']);
const binary = new Set(['.png', '.ico', '.sqlite', '.ladder', '.parquet', '.arrow', '.xlsx', '.pdf', '.pptx']);

function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (skippedFolders.has(name)) return []; // (in a git worktree, .git is a file naming the main checkout)
    if (statSync(path).isDirectory()) return textFiles(path);
    return binary.has(extname(name)) || name === 'package-lock.json' ? [] : [path];
  });
}

/** Every file name in the repository, for documents cited by name alone ("see SIGNING.md"). */
const namesInRepo = (files: string[]) => new Set(files.map((f) => basename(f)));

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith('/'));
};

interface Reference {
  line: number;
  text: string;
  problem: string;
}

const importSpecifier = /(?:from\s+|import\(\s*|require\(\s*)['"][^'"]*['"]/g;
const documentName = /(?<![\w/.-])((?:\.{1,2}\/|[\w.-]+\/)*[\w-]+\.md)\b(?:,? §\s?(\d+))?/g;
const markdownLink = /\]\(([^)\s]+)\)/g;
const proseRelative = /(?<![\w./-])(?:\.\.\/)+[\w@.-][\w@./-]*/g;
const rootBases = ['repoRoot', 'root'];
const folderBases = ['__dirname', 'import.meta.dirname', 'dirname(fileURLToPath(import.meta.url))'];
const joinCall =
  /join\(\s*(repoRoot|root|__dirname|import\.meta\.dirname|dirname\(fileURLToPath\(import\.meta\.url\)\))((?:\s*,\s*'[^']*')+)/g;
// Where this project's checkouts and shared material live on the machines it is built on.
const machinePath = /(?<![\w.])\/work\/[\w.-]+/g;

/** The part of a line that is prose: all of it in Markdown, the comment in code and scripts. */
function prosePart(file: string, line: string): string {
  const ext = extname(file);
  if (ext === '.md') return line;
  const trimmed = line.trimStart();
  if (['.ts', '.tsx', '.js', '.cjs', '.mjs', '.css'].includes(ext)) {
    if (/^(\/\/|\/?\*)/.test(trimmed)) return line;
    const at = line.indexOf(' // ');
    return at === -1 ? '' : line.slice(at);
  }
  const at = line.indexOf('#');
  return at === -1 ? '' : line.slice(at);
}

/** What in one file's text points outside the repository (or at nothing in it). */
export function outsideReferences(root: string, file: string, text: string, names: Set<string>): Reference[] {
  const found: Reference[] = [];
  const here = dirname(file);
  const isMarkdown = extname(file) === '.md';
  const exists = (path: string) => inside(root, path) && existsSync(path);
  text.split('\n').forEach((raw, index) => {
    const add = (ref: string, problem: string) => found.push({ line: index + 1, text: ref, problem });
    const line = raw.replace(importSpecifier, '').replace(/\bhttps?:\/\/\S+/g, '');

    for (const m of line.matchAll(documentName)) {
      const [, name, section] = m as unknown as [string, string, string | undefined];
      const candidates = [resolve(here, name), resolve(root, name)];
      const target = candidates.find(exists);
      if (!target && !(name === basename(name) && names.has(name))) {
        add(name, 'names a document that is not in the repository');
      } else if (section && target && !new RegExp(`^#+ ${section}\\. `, 'm').test(readFileSync(target, 'utf8'))) {
        add(`${name} §${section}`, `cites a section ${relative(root, target)} does not have`);
      }
    }
    if (isMarkdown) {
      for (const m of line.matchAll(markdownLink)) {
        const target = m[1]!.split('#')[0]!;
        if (target === '' || /^[a-z]+:/.test(target)) continue;
        if (!exists(resolve(here, target))) add(m[1]!, 'links to a path that is not in the repository');
      }
    }
    // In code, a string with ../ is a hostile test input or a path built at run time, not a reference.
    for (const m of prosePart(file, line).matchAll(proseRelative)) {
      const ref = m[0].replace(/[.,;:)]+$/, '');
      if (!exists(resolve(here, ref)) && !inside(root, resolve(root, ref))) add(ref, 'climbs out of the repository');
    }
    for (const m of line.matchAll(joinCall)) {
      const base = m[1]!;
      const from = rootBases.includes(base) ? root : folderBases.includes(base) ? here : null;
      const segments = [...m[2]!.matchAll(/'([^']*)'/g)].map((s) => s[1]!);
      if (from !== null && !inside(root, join(from, ...segments))) {
        add(m[0], 'joins a path outside the repository');
      }
    }
    for (const m of line.matchAll(machinePath)) add(m[0], "is a path on someone's machine");
  });
  return found;
}

describe('references', () => {
  const files = textFiles(repoRoot);
  const names = namesInRepo(files);

  it('none points at a file outside the repository', () => {
    // This file is left out: its last test plants one of each kind on purpose.
    const self = join(repoRoot, 'test', 'unit', 'references.test.ts');
    const offenders = files
      .filter((file) => file !== self)
      .flatMap((file) =>
        outsideReferences(repoRoot, file, readFileSync(file, 'utf8'), names).map(
          (r) => `${relative(repoRoot, file)}:${r.line}: ${r.text} ${r.problem}`,
        ),
      );
    expect(offenders).toEqual([]);
  });

  it('catches each kind of outside reference', () => {
    const file = join(repoRoot, 'test', 'unit', 'planted.ts');
    const check = (text: string) => outsideReferences(repoRoot, file, text, names).map((r) => r.problem);
    expect(check('// The CLI (DESIGN.md §5).')).toEqual(['names a document that is not in the repository']);
    expect(check('// See docs/ARCHITECTURE.md §99.')).toEqual(['cites a section docs/ARCHITECTURE.md does not have']);
    expect(check("const data = join(repoRoot, '..', 'shared', 'data');")).toEqual([
      'joins a path outside the repository',
    ]);
    expect(check("const up = join(__dirname, '..', '..', '..', 'x');")).toEqual([
      'joins a path outside the repository',
    ]);
    expect(check('// every sample export in ../shared/data')).toEqual(['climbs out of the repository']);
    expect(check("const seeds = '/work/shared/seeds';")).toEqual(["is a path on someone's machine"]);
    const readme = join(repoRoot, 'docs', 'planted.md');
    expect(
      outsideReferences(repoRoot, readme, 'See [the brief](../../shared/DESIGN.md).', names).map((r) => r.problem),
    ).toContain('links to a path that is not in the repository');

    // What is inside passes, and so do hostile inputs in code and paths under another root.
    expect(check("post(`/upload?name=${encodeURIComponent('../../etc/accounts.csv')}`);")).toEqual([]);
    expect(check("readFileSync(join(root, '/etc/os-release'), 'utf8');")).toEqual([]);
    expect(check('// See docs/ARCHITECTURE.md §6 and README.md.')).toEqual([]);
    expect(check("const pack = join(__dirname, '..', '..', 'resources', 'packs', 'x.json');")).toEqual([]);
    expect(check("import { a } from '../../electron/backend/session';")).toEqual([]);
    expect(outsideReferences(repoRoot, readme, 'See [the layers](ARCHITECTURE.md#1-layers).', names)).toEqual([]);
  });
});
