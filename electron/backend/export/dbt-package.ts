// `ladder export dbt`: the whole model as a dbt package — models/ladder_features.sql (the features
// relation from {{ source('ladder', 'accounts') }} and {{ source('ladder', 'periods') }}, as of the
// var ladder_as_of), models/ladder_scores.sql (the scoring over {{ ref('ladder_features') }}) and
// models/schema.yml: the sources, data tests (unique and not_null account_id, accepted_values on
// stage) and a unit test built from the pack's golden cases (given features, expected scores).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { compileRawFeaturesSql } from '#shared/compile/raw/compile';
import { compileSql } from '#shared/compile/sql';
import { rawDialects } from '#shared/compile/raw/calendar';
import type { SqlDialect } from '#shared/compile/sql-dialect';
import { requiredFeatures } from '#shared/engine/features';
import { selectGoldenCases } from '#shared/pack/golden';
import type { GoldenCase } from '#shared/pack/schema';
import type { ValidPack } from '#shared/pack/validate';
import { scoreWorkspace } from '../scoring/score-workspace';
import type { Workspace } from '../store/open-workspace';
import { writeFileAtomic } from '../atomic-write';
import { placeFromWorkspace } from './raw-sql';
import { placeByPrefix } from '#shared/compile/raw/plan';

export interface DbtFile {
  /** Relative to the package folder. */
  path: string;
  text: string;
}

export interface DbtOptions {
  dialect: SqlDialect;
  asOf?: string;
}

const projectName = (name: string) =>
  `ladder_${
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '')
      .slice(0, 40) || 'model'
  }`;

function unitTest(valid: ValidPack, cases: readonly GoldenCase[]) {
  const features = requiredFeatures(valid).filter((f) => f.key !== 'segment');
  const given = cases.map((c) => ({
    account_id: c.id,
    segment: c.segment,
    ...Object.fromEntries(features.map((f) => [f.key, Object.hasOwn(c.inputs, f.key) ? c.inputs[f.key] : null])),
  }));
  const expect = cases.map((c) => ({
    account_id: c.id,
    score: c.expected.score,
    stage: c.expected.stage,
    ...Object.fromEntries(valid.pack.signals.map((s) => [s.id, c.expected.signals.includes(s.id) ? 1 : 0])),
    ...Object.fromEntries(valid.pack.filters.map((f) => [f.id, c.expected.filters.includes(f.id) ? 1 : 0])),
  }));
  return {
    name: 'ladder_scores_golden_cases',
    description: `The golden cases of "${valid.pack.name}": accounts covering every stage, filter and gate, segment overrides, missing values and values exactly on thresholds, with the engine's answers.`,
    model: 'ladder_scores',
    given: [{ input: "ref('ladder_features')", rows: given }],
    expect: { rows: expect },
  };
}

export function dbtPackage(ws: Workspace | null, valid: ValidPack, options: DbtOptions): DbtFile[] {
  const r = rawDialects[options.dialect];
  let cases: readonly GoldenCase[] = valid.pack.validation?.cases ?? [];
  let asOf = options.asOf ?? valid.pack.validation?.dataset.asOf;
  if (ws) {
    const scored = scoreWorkspace(ws, valid, options.asOf);
    cases = selectGoldenCases(scored.engine, valid);
    asOf = scored.asOf;
  }
  const asOfSql = {
    sql: options.dialect === 'sqlite' ? `'{{ var("ladder_as_of") }}'` : `CAST('{{ var("ladder_as_of") }}' AS DATE)`,
    note: 'the dbt var ladder_as_of (dbt run --vars "{ladder_as_of: YYYY-MM-DD}")',
  };
  const features = compileRawFeaturesSql(valid, {
    dialect: options.dialect,
    asOfSql,
    accountsTable: "{{ source('ladder', 'accounts') }}",
    periodsTable: "{{ source('ladder', 'periods') }}",
    placeCustom: ws ? placeFromWorkspace(ws.db, asOf) : placeByPrefix,
  });
  const scores = compileSql(valid, { dialect: options.dialect, table: "{{ ref('ladder_features') }}" });
  const stages = valid.pack.ladder.stages.map((s) => s.id);
  const schema = {
    version: 2,
    sources: [
      {
        name: 'ladder',
        description: 'The raw relations (`ladder export raw` writes them; README, "The raw relations").',
        tables: [{ name: 'accounts' }, { name: 'periods' }],
      },
    ],
    models: [
      {
        name: 'ladder_features',
        description: `The features relation of "${valid.pack.name}" (${r.d.label}), computed from the raw relations as the engine does.`,
        columns: [{ name: 'account_id', data_tests: ['unique', 'not_null'] }],
      },
      {
        name: 'ladder_scores',
        description: 'Scored accounts: account_id, score, stage, 0/1 per signal and per filter, category subtotals.',
        columns: [
          { name: 'account_id', data_tests: ['unique', 'not_null'] },
          { name: 'stage', data_tests: ['not_null', { accepted_values: { values: stages } }] },
        ],
      },
    ],
    ...(cases.length > 0 ? { unit_tests: [unitTest(valid, cases)] } : {}),
  };
  const project = {
    name: projectName(valid.pack.name),
    version: valid.pack.meta?.version ?? '1.0.0',
    'config-version': 2,
    'model-paths': ['models'],
    ...(asOf ? { vars: { ladder_as_of: asOf } } : {}),
  };
  const header = '# Generated by Ladder; change the pack, not this file.\n';
  return [
    { path: 'dbt_project.yml', text: header + stringify(project) },
    { path: 'models/ladder_features.sql', text: features },
    { path: 'models/ladder_scores.sql', text: scores },
    { path: 'models/schema.yml', text: header + stringify(schema, { lineWidth: 0 }) },
  ];
}

/** Writes the package under `dir` (created if needed), each file temp + fsync + rename. */
export async function writeDbtPackage(files: readonly DbtFile[], dir: string): Promise<string[]> {
  const written: string[] = [];
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    await writeFileAtomic(path, file.text);
    written.push(path);
  }
  return written;
}
