// The integration and e2e setup rebuilds dist/ exactly when a bundle is missing or a source is newer.
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { staleBecause } from '../setup/fresh-build';
import { tempDir } from '../helpers/temp';

describe('fresh build check', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());
  const touch = (path: string, seconds: number) => {
    const full = join(dir.path, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, 'x');
    utimesSync(full, seconds, seconds);
  };

  it('reports a missing bundle, a newer source, and nothing when the build is newer', () => {
    touch('src/a.ts', 1000);
    expect(staleBecause(dir.path, ['src'], ['dist/a.js'])).toBe('dist/a.js is missing');
    touch('dist/a.js', 2000);
    utimesSync(join(dir.path, 'src'), 1000, 1000);
    utimesSync(join(dir.path, 'dist'), 2000, 2000);
    expect(staleBecause(dir.path, ['src'], ['dist/a.js'])).toBeNull();
    touch('src/deep/b.ts', 3000);
    expect(staleBecause(dir.path, ['src'], ['dist/a.js'])).toBe('src changed after the last build');
  });
});
