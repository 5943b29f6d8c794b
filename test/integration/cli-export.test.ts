// `ladder export` as users script it: each kind to stdout or a file, the pack round trip through
// files, and usage errors (exit 2) and failures (exit 1) with one clear sentence.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ladder } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

const dir = tempDir();
const workspace = join(dir.path, 'w.ladder');
afterAll(() => dir.cleanup());
beforeAll(() => {
  expect(ladder(['demo', '--workspace', workspace, '--accounts', '200', '--end-date', '2026-06-01']).status).toBe(0);
});

describe('ladder export', () => {
  it('pack: JSON with meta and validation; exporting the exported file again gives the same bytes; YAML too', () => {
    const first = join(dir.path, 'pack.json');
    const second = join(dir.path, 'again.json');
    const run = ladder([
      'export',
      'pack',
      '--workspace',
      workspace,
      '--pack',
      'preset:emerging-ready-filters',
      '--out',
      first,
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Wrote .*pack\.json \([\d,]+ bytes\)\.\n$/);
    expect(ladder(['export', 'pack', '--workspace', workspace, '--pack', first, '--out', second]).status).toBe(0);
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));
    const doc = JSON.parse(readFileSync(first, 'utf8'));
    expect(doc.validation.dataset).toMatchObject({ workspace: 'w.ladder', accounts: 200, asOf: '2026-06-01' });
    expect(doc.validation.cases.length).toBeGreaterThan(5);
    const yaml = join(dir.path, 'pack.yaml');
    expect(ladder(['export', 'pack', '--pack', first, '--no-validation', '--out', yaml]).status).toBe(0);
    const fromYaml = ladder(['export', 'pack', '--pack', yaml, '--no-validation']);
    expect(fromYaml.status).toBe(0);
    expect(fromYaml.stdout).toBe(readFileSync(first, 'utf8'));
  });

  it('sql, jsonlogic, js and signals-csv need no workspace and print to stdout', () => {
    const sql = ladder([
      'export',
      'sql',
      '--pack',
      'preset:seven-signal-table',
      '--dialect',
      'bigquery',
      '--table',
      'crm.features',
    ]);
    expect(sql.status).toBe(0);
    expect(sql.stdout).toMatch(/^-- Ladder rule pack "Seven-signal table".*compiled for BigQuery\./);
    expect(sql.stdout).toContain('FROM `crm`.`features`');
    const logic = ladder(['export', 'jsonlogic', '--pack', 'preset:seven-signal-table']);
    expect(Object.keys(JSON.parse(logic.stdout).signals)).toContain('seat_limit');
    expect(ladder(['export', 'js', '--pack', 'preset:seven-signal-table']).stdout).toContain(
      'export function score(account)',
    );
    const csv = ladder(['export', 'signals-csv', '--pack', 'preset:seven-signal-table']).stdout.split('\r\n');
    expect(csv[0]).toMatch(/^signal_id,label,category,metric,feature_column,operator,threshold,/);
    expect(csv).toHaveLength(7 + 2);
  });

  it('features and scored: the first columns of docs/ARCHITECTURE.md §5; scored to XLSX with --out', () => {
    const features = ladder([
      'export',
      'features',
      '--workspace',
      workspace,
      '--pack',
      'preset:seven-signal-table',
    ]).stdout.split('\n');
    expect(features[0]).toMatch(/^account_id,segment,/);
    expect(features.filter(Boolean)).toHaveLength(201);
    const scored = ladder([
      'export',
      'scored',
      '--workspace',
      workspace,
      '--pack',
      'preset:seven-signal-table',
    ]).stdout.split('\r\n');
    expect(scored[0]).toMatch(/^account_id,score,stage,seat_limit,/);
    const xlsx = join(dir.path, 'scored.xlsx');
    expect(
      ladder(['export', 'scored', '--workspace', workspace, '--pack', 'preset:seven-signal-table', '--out', xlsx])
        .status,
    ).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    const parquet = join(dir.path, 'features.parquet');
    expect(
      ladder(['export', 'features', '--workspace', workspace, '--pack', 'preset:seven-signal-table', '--out', parquet])
        .status,
    ).toBe(0);
    expect(readFileSync(parquet).subarray(0, 4).toString()).toBe('PAR1');
  });

  it('usage errors exit 2 with the usage line; failures exit 1 with one sentence', () => {
    const cases: [string[], number, RegExp][] = [
      [['export', 'slides', '--pack', 'preset:seven-signal-table'], 2, /unknown kind "slides"/],
      [
        ['export', 'sql', '--pack', 'preset:seven-signal-table', '--dialect', 'oracle'],
        2,
        /--dialect: Use one of sqlite, postgres, duckdb, snowflake, bigquery/,
      ],
      [['export', 'pack', '--pack', 'preset:seven-signal-table'], 2, /--workspace is required \(or --no-validation/],
      [['export', 'scored', '--workspace', workspace, '--pack', 'preset:seven-signal-table'], 0, /^$/],
      [
        ['export', 'scored', '--workspace', workspace, '--pack', 'preset:seven-signal-table', '--format', 'xlsx'],
        2,
        /needs --out F\.xlsx/,
      ],
      [['export', 'sql', '--pack', 'preset:nope'], 1, /There is no preset called "nope"/],
      [
        ['export', 'sql', '--pack', 'preset:seven-signal-table', '--table', 'x; drop table y'],
        1,
        /is not a table name/,
      ],
    ];
    for (const [args, status, message] of cases) {
      const run = ladder(args);
      expect(run.status, args.join(' ')).toBe(status);
      expect(run.stderr, args.join(' ')).toMatch(message);
    }
    const bad = join(dir.path, 'bad.yaml');
    writeFileSync(bad, 'schemaVersion: 9\nname: x\n');
    const run = ladder(['export', 'sql', '--pack', bad]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'bad.yaml is not a valid rule pack: schemaVersion: This pack uses schema version 9; this version of Ladder reads up to 1. Update Ladder to use it.\n',
    );
  });
});
