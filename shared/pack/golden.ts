// Golden cases: a small sample of accounts with their input feature values and the engine's
// answer, written into an exported pack so any other implementation (the SQL, the JS module, a
// warehouse job, someone's spreadsheet) can check itself. The sample covers every stage, every
// filter and gate, segment overrides, missing values, and made-up accounts sitting exactly on each
// threshold, where an implementation that reads ">" as ">=" gives itself away.
import { segmentThresholds } from '../engine/bits';
import { createEngine, type Engine } from '../engine/engine';
import { isCategoryMetric, requiredFeatures, segmentCode, signalFeature, type FeatureTable } from '../engine/features';
import { featureValue } from '../engine/explain';
import { packSegments, type GoldenCase, type Threshold } from './schema';
import type { ValidPack } from './validate';
import { filterHit, hasBit } from '../engine/classes';

type Inputs = GoldenCase['inputs'];

/** The feature columns a pack reads, as named in golden cases and the features relation (segment apart). */
const inputKeys = (valid: ValidPack) => requiredFeatures(valid).filter((f) => f.key !== 'segment');

function inputsOf(engine: Engine, valid: ValidPack, i: number): Inputs | null {
  const inputs: Inputs = {};
  for (const f of inputKeys(valid)) {
    const v = featureValue(engine.features, f.key, f.metric, i);
    if (typeof v === 'number' && !Number.isFinite(v)) return null; // JSON cannot carry ±Infinity
    inputs[f.key] = v;
  }
  return inputs;
}

function segmentOf(table: FeatureTable, i: number): string | null {
  const recorded = table.categories.get('segment');
  if (recorded) return recorded.codes[i]! < 0 ? null : recorded.dictionary[recorded.codes[i]!]!;
  return packSegments[table.segment[i]!] ?? null;
}

/** A feature table holding exactly the cases' inputs (what the engine reads, nothing else). */
export function casesFeatureTable(
  valid: ValidPack,
  cases: readonly Pick<GoldenCase, 'id' | 'segment' | 'inputs'>[],
): FeatureTable {
  const columns = new Map<string, Float64Array>();
  const categories = new Map<string, { codes: Int32Array; dictionary: string[] }>();
  const encode = (values: (string | null)[]) => {
    const dictionary = [...new Set(values.filter((v): v is string => v !== null))];
    return { dictionary, codes: Int32Array.from(values, (v) => (v === null ? -1 : dictionary.indexOf(v))) };
  };
  for (const f of inputKeys(valid)) {
    const values = cases.map((c) => (Object.hasOwn(c.inputs, f.key) ? c.inputs[f.key]! : null));
    if (isCategoryMetric(f.metric))
      categories.set(f.metric, encode(values.map((v) => (v === null ? null : String(v)))));
    else
      columns.set(
        f.key,
        Float64Array.from(values, (v) => (typeof v === 'number' ? v : NaN)),
      );
  }
  categories.set('segment', encode(cases.map((c) => c.segment)));
  return {
    accounts: cases.length,
    accountIds: cases.map((c) => c.id),
    arr: new Float64Array(cases.length),
    segment: Uint8Array.from(cases, (c) => segmentCode(c.segment)),
    columns,
    categories,
  };
}

/** The engine's answer for account i, in the golden-case shape. */
function expectedOf(engine: Engine, i: number): GoldenCase['expected'] {
  const { pack, table, outcomes, model } = engine;
  const c = table.of[i]!;
  return {
    score: outcomes.score[c]!,
    stage: model.stages[outcomes.stage[c]!]!.id,
    signals: pack.signals.filter((s, k) => s.enabled && hasBit(table.mask[c]!, k)).map((s) => s.id),
    filters: pack.filters.filter((f, k) => f.enabled && filterHit(table.context[c]!, k)).map((f) => f.id),
    whitespace: Number.isFinite(engine.potential.whitespace[i]!) ? engine.potential.whitespace[i]! : null,
  };
}

/** Values exactly on a threshold: the bounds of `between`, the first of an `in` list, the number itself. */
function edgeValues(threshold: Threshold): (number | string)[] {
  if (Array.isArray(threshold))
    return threshold.length === 2 && threshold.every((v) => typeof v === 'number')
      ? [...threshold]
      : threshold.slice(0, 1);
  return [threshold];
}

export function selectGoldenCases(engine: Engine, valid: ValidPack, limit = 150): GoldenCase[] {
  const { features, pack, table, outcomes, model } = engine;
  const n = features.accounts;
  const picked = new Map<number, string[]>();
  const pick = (i: number, why: string) => {
    if (i < 0) return;
    const reasons = picked.get(i) ?? [];
    if (reasons.length < 16) reasons.push(why);
    picked.set(i, reasons);
  };
  const first = (test: (i: number, c: number) => boolean, count = 1) => {
    const found: number[] = [];
    for (let i = 0; i < n && found.length < count; i++)
      if (test(i, table.of[i]!) && inputsOf(engine, valid, i)) found.push(i);
    return found;
  };
  model.stages.forEach((s, k) => first((_, c) => outcomes.stage[c] === k, 2).forEach((i) => pick(i, `stage ${s.id}`)));
  pack.filters.forEach((f, k) => {
    first((_, c) => hasBit(outcomes.appliedFilters[c]!, k)).forEach((i) => pick(i, `filter ${f.id} applied`));
    first((_, c) => filterHit(table.context[c]!, k) && !hasBit(outcomes.appliedFilters[c]!, k)).forEach((i) =>
      pick(i, `filter ${f.id} hit, not applied`),
    );
  });
  pack.ladder.gates.forEach((g, k) => {
    first((_, c) => hasBit(outcomes.failedGates[c]!, k)).forEach((i) => pick(i, `gate ${g.id} failed`));
    first((i) => featureValue(features, g.condition.metric, g.condition.metric, i) === null).forEach((i) =>
      pick(i, `gate ${g.id} on a missing value`),
    );
  });
  pack.signals.forEach((s, k) => {
    first((_, c) => hasBit(table.mask[c]!, k)).forEach((i) => pick(i, `signal ${s.id} fired`));
    for (const segment of Object.keys(s.segmentOverrides ?? {})) {
      const code = segmentCode(segment);
      first((i, c) => features.segment[i] === code && hasBit(table.mask[c]!, k)).forEach((i) =>
        pick(i, `override ${segment} ${s.id} fired`),
      );
      first((i, c) => features.segment[i] === code && !hasBit(table.mask[c]!, k)).forEach((i) =>
        pick(i, `override ${segment} ${s.id} not fired`),
      );
    }
  });

  const real: GoldenCase[] = [...picked.entries()]
    .sort((a, b) => a[0] - b[0])
    .slice(0, limit)
    .map(([i, why]) => ({
      id: features.accountIds[i]!,
      why,
      segment: segmentOf(features, i),
      inputs: inputsOf(engine, valid, i)!,
      expected: expectedOf(engine, i),
    }));

  // Made-up accounts exactly on each threshold, built from a real account of the right segment.
  const base = (segment: number) => first((i) => features.segment[i] === segment)[0] ?? first(() => true)[0];
  const edges: Omit<GoldenCase, 'expected'>[] = [];
  const addEdge = (id: string, why: string, segment: number, key: string, value: number | string) => {
    const i = base(segment);
    if (i === undefined || edges.length + real.length >= limit + 100) return;
    edges.push({
      id,
      why: [why],
      segment: segmentOf(features, i),
      inputs: { ...inputsOf(engine, valid, i)!, [key]: value },
    });
  };
  pack.signals.forEach((s) => {
    const key = signalFeature(s).key;
    segmentThresholds(s).forEach((t, seg) => {
      if (seg < 3 && t === s.threshold) return; // the segment uses the default threshold: its edge is below
      edgeValues(t).forEach((v, j) =>
        addEdge(
          `edge:${s.id}:${seg === 3 ? 'default' : packSegments[seg]}:${j}`,
          `edge ${s.id} ${s.operator} ${JSON.stringify(t)} at ${v}`,
          seg,
          key,
          v,
        ),
      );
    });
  });
  pack.ladder.gates.forEach((g) =>
    edgeValues(g.condition.value).forEach((v, j) =>
      addEdge(`edge:gate:${g.id}:${j}`, `edge gate ${g.id} at ${v}`, 3, g.condition.metric, v),
    ),
  );
  pack.filters.forEach((f) =>
    f.conditions.forEach((c, k) =>
      edgeValues(c.value).forEach((v, j) =>
        addEdge(`edge:filter:${f.id}:${k}:${j}`, `edge filter ${f.id} at ${v}`, 3, c.metric, v),
      ),
    ),
  );
  const usable = edges.filter((e) => !Object.hasOwn(e.inputs, 'segment'));
  if (usable.length === 0) return real;
  const edgeEngine = createEngine(casesFeatureTable(valid, usable), valid);
  return [...real, ...usable.map((e, i) => ({ ...e, expected: expectedOf(edgeEngine, i) }))];
}

export interface GoldenMismatch {
  id: string;
  field: 'score' | 'stage' | 'signals' | 'filters' | 'whitespace';
  expected: unknown;
  actual: unknown;
}

/** Re-runs the engine on the cases' inputs and lists every answer that differs from the expected one. */
export function verifyGoldenCases(valid: ValidPack, cases: readonly GoldenCase[]): GoldenMismatch[] {
  if (cases.length === 0) return [];
  const engine = createEngine(casesFeatureTable(valid, cases), valid);
  const out: GoldenMismatch[] = [];
  cases.forEach((c, i) => {
    const actual = expectedOf(engine, i);
    if (!Object.is(actual.score, c.expected.score))
      out.push({ id: c.id, field: 'score', expected: c.expected.score, actual: actual.score });
    if (actual.stage !== c.expected.stage)
      out.push({ id: c.id, field: 'stage', expected: c.expected.stage, actual: actual.stage });
    if (c.expected.whitespace !== undefined && !Object.is(actual.whitespace, c.expected.whitespace))
      out.push({ id: c.id, field: 'whitespace', expected: c.expected.whitespace, actual: actual.whitespace });
    for (const field of ['signals', 'filters'] as const) {
      if (actual[field].join() !== c.expected[field].join())
        out.push({ id: c.id, field, expected: c.expected[field], actual: actual[field] });
    }
  });
  return out;
}
