// Pack diagnostics on a workspace (issue 9): for every signal, gate and filter, the share of
// accounts whose inputs are missing; custom names the workspace does not have, with a did-you-mean;
// signals that never or always fire. A pack that validates can still be blind on a given
// workspace — an accounts-only export, a misspelt `custom.` name — and this says so.
import { signalBits } from '../engine/bits';
import { signalFeature, type FeatureTable } from '../engine/features';
import { baseMetric, parseCustomRef } from './catalog';
import type { ValidPack } from './validate';
import { isSet } from '../missing';

export type DiagnosticPart = 'signal' | 'gate' | 'filter';
export type DiagnosticKind = 'unknown_name' | 'no_data' | 'missing_inputs' | 'never_fires' | 'always_fires';

export interface PackDiagnostic {
  part: DiagnosticPart;
  id: string;
  kind: DiagnosticKind;
  /** Share of accounts concerned, 0–1: inputs missing, or signal fired (never: 0, always: 1). */
  share: number;
  message: string;
}

/** What the backend knows about the workspace beyond the feature table (asked lazily: some need a scan). */
export interface DiagnosticFacts {
  /** An input (canonical metric, custom reference) with no value anywhere in the workspace. */
  hasNoData(input: string): boolean;
  /** A custom reference the workspace has nowhere. */
  isUnknownName(input: string): boolean;
  /** The custom names it does have, as they are written (`custom.events`): did-you-mean candidates. */
  customNames(): readonly string[];
}

/** Partial gaps below this share are not reported (a few accounts without a value are normal). */
export const missingShareToReport = 0.05;

/** The inputs a metric reads: itself when it is not derived, else the inputs of what it uses. */
export function inputsOf(valid: ValidPack, metric: string, out = new Set<string>()): Set<string> {
  const derived = valid.metrics.derived.get(metric);
  if (!derived) out.add(metric);
  else for (const ref of derived.refs) if (!out.has(ref)) inputsOf(valid, ref, out);
  return out;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

/** The closest known custom name, if it is close enough to be a typo. */
export function didYouMean(name: string, candidates: readonly string[]): string | undefined {
  const bare = (id: string) => parseCustomRef(id)?.name.toLowerCase() ?? id.toLowerCase();
  const target = bare(name);
  let best: { id: string; d: number } | undefined;
  for (const id of candidates) {
    const d = editDistance(target, bare(id));
    if (d <= Math.max(2, Math.floor(target.length / 3)) && (!best || d < best.d)) best = { id, d };
  }
  return best?.id;
}

/** Share of accounts for which column `key` (or category `metric`) is missing. */
function missingMask(table: FeatureTable, keys: { key: string; metric: string }[]): Uint8Array {
  const mask = new Uint8Array(table.accounts);
  for (const { key, metric } of keys) {
    const column = table.columns.get(key);
    const category = baseMetric(metric)?.kind === 'category' ? table.categories.get(metric) : undefined;
    for (let i = 0; i < table.accounts; i++) {
      if (column ? !isSet(column[i]!) : category ? category.codes[i]! < 0 : true) mask[i] = 1;
    }
  }
  return mask;
}

const shareOf = (mask: Uint8Array) => (mask.length ? mask.reduce((s, v) => s + v, 0) / mask.length : 0);
const percent = (share: number) => `${Math.round(share * 100)} %`;
const list = (names: string[]) =>
  names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;

export function diagnosePack(valid: ValidPack, table: FeatureTable, facts: DiagnosticFacts): PackDiagnostic[] {
  const out: PackDiagnostic[] = [];
  const inputProblems = (
    part: DiagnosticPart,
    id: string,
    metrics: string[],
    keys: { key: string; metric: string }[],
  ) => {
    const inputs = new Set<string>();
    for (const m of metrics) inputsOf(valid, m, inputs);
    const unknown = [...inputs].filter((i) => parseCustomRef(i) !== undefined && facts.isUnknownName(i));
    for (const name of unknown) {
      const suggestion = didYouMean(name, facts.customNames());
      out.push({
        part,
        id,
        kind: 'unknown_name',
        share: 1,
        message: suggestion
          ? `"${name}" is not in this workspace — did you mean ${suggestion}?`
          : `"${name}" is not in this workspace: no account custom field or period metric has that name.`,
      });
    }
    const share = shareOf(missingMask(table, keys));
    if (share === 1 && unknown.length === 0) {
      const empty = [...inputs].filter((i) => facts.hasNoData(i));
      out.push({
        part,
        id,
        kind: 'no_data',
        share,
        message: empty.length
          ? `No data in this workspace: ${list(empty)} ${empty.length === 1 ? 'has' : 'have'} no values.`
          : 'Missing for every account: its window reaches back before the data begins, or its inputs never combine.',
      });
    } else if (share >= missingShareToReport && share < 1) {
      out.push({
        part,
        id,
        kind: 'missing_inputs',
        share,
        message: `Inputs missing for ${percent(share)} of accounts.`,
      });
    }
    return share;
  };

  for (const s of valid.pack.signals) {
    const feature = signalFeature(s);
    const missing = inputProblems('signal', s.id, [s.metric], [{ key: feature.key, metric: s.metric }]);
    if (missing === 1 || table.accounts === 0) continue;
    const fired = shareOf(signalBits(table, s));
    if (fired === 0)
      out.push({ part: 'signal', id: s.id, kind: 'never_fires', share: 0, message: 'Never fires in this workspace.' });
    else if (fired === 1)
      out.push({
        part: 'signal',
        id: s.id,
        kind: 'always_fires',
        share: 1,
        message: 'Fires for every account, so it does not tell accounts apart.',
      });
  }
  for (const g of valid.pack.ladder.gates)
    inputProblems('gate', g.id, [g.condition.metric], [{ key: g.condition.metric, metric: g.condition.metric }]);
  for (const f of valid.pack.filters)
    inputProblems(
      'filter',
      f.id,
      f.conditions.map((c) => c.metric),
      f.conditions.map((c) => ({ key: c.metric, metric: c.metric })),
    );
  return out;
}

/** Diagnostics that mean an input is missing for every account (what `ladder score --strict` refuses). */
export const blindDiagnostics = (diagnostics: readonly PackDiagnostic[]) =>
  diagnostics.filter((d) => (d.kind === 'no_data' || d.kind === 'unknown_name') && d.share === 1);

/** The editor's banner: "4 of 7 signals have no data in this workspace", or null when all have some. */
export function blindSignalsLine(valid: ValidPack, diagnostics: readonly PackDiagnostic[]): string | null {
  const blind = new Set(
    blindDiagnostics(diagnostics)
      .filter((d) => d.part === 'signal')
      .map((d) => d.id),
  );
  if (blind.size === 0) return null;
  const total = valid.pack.signals.length;
  return `${blind.size} of ${total} signal${total === 1 ? '' : 's'} ${blind.size === 1 ? 'has' : 'have'} no data in this workspace`;
}
