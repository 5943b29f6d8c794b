// How packs fit the open workspace: the metric catalogue (cached until the data changes), what each
// preset lacks, diagnostics of a pack, and a first model built from the workspace's own columns.
import { LadderError } from '#shared/api/result';
import type { MetricCatalogue } from '#shared/domain/metric-catalogue';
import type { PresetFit } from '#shared/domain/packs';
import { createEngine } from '#shared/engine/engine';
import { signalBits } from '#shared/engine/bits';
import type { FeatureTable } from '#shared/engine/features';
import { parseCustomRef } from '#shared/pack/catalog';
import { blindSignalsLine, inputsOf } from '#shared/pack/diagnostics';
import type { PackDiagnosis } from '#shared/api/model-contract';
import { chooseThreshold, columnCandidates, columnPack, withScoreStages } from '#shared/pack/from-columns';
import type { RulePackInput } from '#shared/pack/schema';
import { checkPack, describePackIssues, type ValidPack } from '#shared/pack/validate';
import { loadFeatures } from '../features/cache';
import { dataStamp } from '../workspace/data-stamp';
import { buildFeatureTable } from '../features/build';
import { diagnoseWorkspace } from '../scoring/diagnose';
import type { Workspace } from '../store/open-workspace';
import { readMetricCatalogue } from '../workspace/metric-catalogue';
import { listPresets, loadPreset } from './presets';

const catalogues = new WeakMap<Workspace, { stamp: string; catalogue: MetricCatalogue }>();

export function metricCatalogue(ws: Workspace): MetricCatalogue {
  const stamp = dataStamp(ws.db);
  const cached = catalogues.get(ws);
  if (cached?.stamp === stamp) return cached.catalogue;
  const catalogue = readMetricCatalogue(ws.db);
  catalogues.set(ws, { stamp, catalogue });
  return catalogue;
}

/** Every input a pack reads (through derived metrics), from signals, gates and filters. */
export function packInputs(valid: ValidPack): Set<string> {
  const inputs = new Set<string>();
  const { pack } = valid;
  for (const s of pack.signals) inputsOf(valid, s.metric, inputs);
  for (const g of pack.ladder.gates) inputsOf(valid, g.condition.metric, inputs);
  for (const f of pack.filters) for (const c of f.conditions) inputsOf(valid, c.metric, inputs);
  return inputs;
}

const listed = (names: string[]) =>
  names.length <= 4 ? names.join(', ') : `${names.slice(0, 4).join(', ')} and ${names.length - 4} more`;

/** Per preset, the inputs this workspace has no data for, in one line. */
export function presetFits(ws: Workspace): PresetFit[] {
  const catalogue = metricCatalogue(ws);
  const known = new Map(catalogue.metrics.map((m) => [m.id, m.accounts]));
  return listPresets().map((preset) => {
    const inputs = [...packInputs(loadPreset(preset.id))];
    const missing = inputs.filter((i) => (known.get(i) ?? (parseCustomRef(i) ? 0 : 1)) === 0);
    const line =
      missing.length === 0
        ? null
        : missing.length === inputs.length
          ? `None of its ${inputs.length} inputs has data here (${listed(missing)}).`
          : `No data here for ${missing.length} of its ${inputs.length} inputs: ${listed(missing)}.`;
    return { id: preset.id, inputs: inputs.length, missing, line };
  });
}

async function featureTable(ws: Workspace, valid: ValidPack, asOf: string): Promise<FeatureTable> {
  const { payload } = await loadFeatures(ws, valid, asOf, { includeAccounts: true });
  const base = payload.base!;
  return {
    accounts: payload.accounts,
    accountIds: base.ids,
    arr: base.arr,
    segment: base.segment,
    columns: payload.columns,
    categories: base.categories,
  };
}

export async function diagnosePackOn(ws: Workspace, valid: ValidPack, asOf: string): Promise<PackDiagnosis> {
  const table = await featureTable(ws, valid, asOf);
  const diagnostics = diagnoseWorkspace(ws.db, valid, table, asOf);
  return { asOf, accounts: table.accounts, diagnostics, summary: blindSignalsLine(valid, diagnostics) };
}

const validOrInternal = (pack: RulePackInput): ValidPack => {
  const checked = checkPack(pack);
  if (!checked.ok) throw new Error(describePackIssues(checked.issues, 'The model built from the columns'));
  return checked.value;
};

/** "Start from my columns": see shared/pack/from-columns.ts. */
export function packFromColumns(ws: Workspace, asOf: string): RulePackInput {
  const candidates = columnCandidates(metricCatalogue(ws));
  const none = () =>
    new LadderError(
      'bad_request',
      'This workspace has no numeric or yes/no field with values for at least 10 % of accounts: import accounts or usage first.',
    );
  if (candidates.length === 0) throw none();
  const provisional = validOrInternal(
    columnPack({ candidates, choices: candidates.map(() => ({ operator: '>', threshold: 0 })) }, ws.name),
  );
  const { table } = buildFeatureTable(ws.db, provisional, asOf);
  const choices = candidates.map((c) => {
    const values = table.columns.get(c.signalMetric);
    return values ? chooseThreshold(c, values) : null;
  });
  if (choices.every((c) => c === null)) throw none();
  const pack = columnPack({ candidates, choices }, ws.name.replace(/\.ladder$/, ''));
  const valid = validOrInternal(pack);
  const scores = new Float64Array(table.accounts);
  for (const s of valid.pack.signals) {
    const bits = signalBits(table, s);
    for (let i = 0; i < scores.length; i++) scores[i] = scores[i]! + bits[i]!;
  }
  const staged = withScoreStages(pack, scores);
  createEngine(table, validOrInternal(staged)); // it must score: fail here rather than in the editor
  return staged;
}
