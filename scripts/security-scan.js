// Runs @doyensec/electronegativity over the built Electron main, preload and backend host (plus
// the renderer's index.html for its CSP) and fails on any HIGH or MEDIUM finding. Its CLI always
// exits 0 and breaks when a newer `commander` is hoisted, so we call its runner and read the CSV.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity/dist/runner.js');

// `--dist DIR` scans another build (the test suite uses it to prove an insecure build fails).
const distArg = process.argv.indexOf('--dist');
const dist = distArg === -1 ? join(root, 'dist') : process.argv[distArg + 1];
const built = ['electron/main.js', 'electron/preload.cjs', 'electron/backend-host.js', 'renderer/index.html'];
for (const file of built) {
  if (!existsSync(join(dist, file))) {
    console.error(`security scan: ${join(dist, file)} is missing; run "npm run build" first.`);
    process.exit(1);
  }
}

// The scanner reads only .js/.html/.json files, so the CommonJS preload is staged as preload.js.
const input = join(
  root,
  'test-artifacts',
  distArg === -1 ? 'electronegativity-input' : `electronegativity-input-${process.pid}`,
);
rmSync(input, { recursive: true, force: true });
mkdirSync(input, { recursive: true });
copyFileSync(join(dist, 'electron/main.js'), join(input, 'main.js'));
copyFileSync(join(dist, 'electron/preload.cjs'), join(input, 'preload.js'));
copyFileSync(join(dist, 'electron/backend-host.js'), join(input, 'backend-host.js'));
copyFileSync(join(dist, 'renderer/index.html'), join(input, 'index.html'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
writeFileSync(
  join(input, 'package.json'),
  JSON.stringify({ name: pkg.name, version: pkg.version, devDependencies: { electron: pkg.devDependencies.electron } }),
);

const csvPath = join(
  root,
  'test-artifacts',
  distArg === -1 ? 'electronegativity.csv' : `electronegativity-${process.pid}.csv`,
);
// The runner returns the findings it would write to its CSV; its own CSV writer is not awaited,
// so we gate on the returned list and write the CSV artifact ourselves once complete.
const result = await run({ input, isRelative: true, severitySet: 'informational', confidenceSet: 'tentative' }, false);
const findings = result.issues.map((i) => ({
  id: i.id,
  severity: i.severity.name,
  confidence: i.confidence.name,
  file: i.file,
  location: `${i.location.line}:${i.location.column}`,
  sample: i.sample ?? '',
}));
const csvField = (v) => `"${String(v).replace(/"/g, '""')}"`;
writeFileSync(
  csvPath,
  [
    'issue,severity,confidence,filename,location,sample',
    ...findings.map((f) => [f.id, f.severity, f.confidence, f.file, f.location, f.sample].map(csvField).join(',')),
  ].join('\n') + '\n',
);

const blocking = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
const fatalParseErrors = result.errors.filter((e) => !e.tolerable);
for (const f of findings) console.log(`  ${f.severity.padEnd(13)} ${f.id}  ${f.file}:${f.location}`);
if (fatalParseErrors.length > 0) {
  for (const e of fatalParseErrors) console.error(`security scan: could not parse ${e.file}: ${e.message}`);
  process.exit(1);
}
if (blocking.length > 0) {
  console.error(`security scan: ${blocking.length} HIGH/MEDIUM electronegativity finding(s); see ${csvPath}.`);
  process.exit(1);
}
console.log(
  `security scan: ${result.globalChecks + result.atomicChecks} checks, ${findings.length} low/informational finding(s), none HIGH or MEDIUM.`,
);
