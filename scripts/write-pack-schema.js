// Regenerates resources/rule-pack.schema.json from the zod schema in shared/pack/schema.ts.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'ladder-schema-'));
try {
  const out = join(dir, 'schema.mjs');
  await build({
    absWorkingDir: root,
    entryPoints: ['shared/pack/json-schema.ts'],
    outfile: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'warning',
  });
  const { rulePackJsonSchema } = await import(pathToFileURL(out).href);
  writeFileSync(join(root, 'resources', 'rule-pack.schema.json'), `${JSON.stringify(rulePackJsonSchema(), null, 2)}\n`);
  console.log('Wrote resources/rule-pack.schema.json');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
