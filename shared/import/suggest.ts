// From headers, column profiles, a preset and the user's choices to an import plan. The user's
// choice wins, then the preset, then header words checked against the values: a column called
// "ARR" full of names is not suggested as ARR, a day count is not a date, and a kind's key must
// be unique and non-blank (the next candidate is taken otherwise, saying why). Every column's
// plan says how sure it is and why.
import type { ImportKind } from '../domain/workspace';
import { completeColumnPlan } from './column-completion';
import { samplesFitChoices } from './convert';
import { fieldsByKind, type FieldInfo } from './fields';
import { keyFieldOf, matchHeader, subjectId, type HeaderMatch } from './header-match';
import {
  bareIdProblems,
  detectGrain,
  grainSentence,
  keyEvidence,
  keyProblem,
  repeats,
  rollUpKeyProblem,
  type GrainFinding,
} from './key-check';
import type { ColumnPlan, ImportPlan, MappingSpec } from './mapping';
import { finishedPlanBlockers, specBlockers } from './plan-checks';
import { findPreset, presetVariant, presetIds } from './presets';
import { inferType, type ColumnProfile } from './profile';
import { outcomeRulesNote, outcomeRulesOf } from './outcome-rules';
import { describePercentScale } from './percent-scale';
import { activityColumns, activityRule } from './roll-up';
import { evidence, fits, misfit } from './value-fit';

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const joinSentences = (...parts: string[]) => parts.filter((s) => s !== '').join('; ');

function headerDetail(source: string, field: FieldInfo, m: HeaderMatch, p: ColumnProfile, isKey: boolean): string {
  const basis =
    m.basis === 'exact'
      ? `"${source}" is a usual header for ${field.label}`
      : m.basis === 'id name'
        ? `"${source}" is an id name`
        : `"${source}" contains "${m.alias}"`;
  return joinSentences(basis, evidence(field.type, p), isKey ? keyEvidence(p) : '');
}

export interface SuggestInput {
  kind: ImportKind;
  headers: readonly string[];
  profiles: readonly ColumnProfile[];
  spec?: MappingSpec;
}

interface Candidate {
  index: number;
  field: FieldInfo;
  match: HeaderMatch;
  /** For the kind's key: why this column cannot be it (repeats, blanks, decimals), or null. */
  keyIssue: string | null;
}

export function suggestPlan({ kind, headers, profiles, spec = {} }: SuggestInput): ImportPlan {
  const fields = fieldsByKind[kind];
  const blockers: string[] = [];
  const notes: string[] = [];
  const preset = spec.preset ? findPreset(spec.preset) : undefined;
  if (spec.preset && !preset)
    blockers.push(`There is no preset called "${spec.preset}"; choose one of ${presetIds.join(', ')}.`);
  if (preset && !preset.kinds[kind]) {
    blockers.push(
      `The ${preset.label} preset has no mapping for ${kind}; it covers ${Object.keys(preset.kinds).join(', ')}.`,
    );
  }
  const variant = preset ? presetVariant(preset, kind, headers) : undefined;
  if (preset?.kinds[kind] && !variant) {
    const expected = preset.kinds[kind].map((v) => `"${v.when}"`).join(' or ');
    blockers.push(`This file does not look like a ${preset.label} ${kind} export: it has no ${expected} column.`);
  }
  blockers.push(...specBlockers(kind, headers, spec));
  const chosen = new Map((spec.columns ?? []).map((c) => [c.source, c]));
  const taken = new Set<string>();
  const plans: (ColumnPlan | null)[] = headers.map(() => null);
  const passedOver: string[][] = headers.map(() => []);
  const order = spec.dateOrder ?? preset?.dateOrder;
  const keyField = keyFieldOf[kind];
  // Rolling up, the account key is the column that repeats (one account, many rows).
  const rollingUp = kind === 'accounts' && spec.rollUp === true;
  const keyCheck = rollingUp ? rollUpKeyProblem : keyProblem;

  // 1. The user's choices.
  headers.forEach((source, index) => {
    const choice = chosen.get(source);
    if (!choice) return;
    const p = profiles[index]!;
    const field = fields.find((f) => f.id === choice.field);
    const skip = choice.field === 'skip';
    if (field) taken.add(field.id);
    const type = choice.type ?? field?.type ?? inferType(p, source);
    const what = skip ? 'left out' : field ? field.label : `a custom ${type} field`;
    plans[index] = completeColumnPlan(
      {
        index,
        source,
        field: field?.id ?? null,
        skip,
        type,
        confidence: 1,
        reason: 'your mapping',
        detail: `you chose ${what}`,
      },
      p,
      choice.dateOrder ?? order,
    );
  });
  // 2. The preset: per field, the first of its source headers the file has.
  if (variant) {
    for (const [fieldId, sources] of Object.entries(variant.fields)) {
      const field = fields.find((f) => f.id === fieldId);
      if (!field || taken.has(field.id)) continue;
      const index = sources.map((s) => headers.indexOf(s)).find((i) => i !== -1 && plans[i] === null);
      if (index === undefined) continue;
      taken.add(field.id);
      const source = headers[index]!;
      const detail = `the ${preset!.label} preset reads "${source}" as ${field.label}`;
      plans[index] = completeColumnPlan(
        {
          index,
          source,
          field: field.id,
          skip: false,
          type: field.type,
          confidence: 1,
          reason: `${preset!.label} preset`,
          detail,
        },
        profiles[index]!,
        order,
      );
    }
  }
  // Fields the preset or the user fixes to a constant are not suggested from headers.
  for (const field of Object.keys(variant?.constants ?? {})) taken.add(field);
  for (const c of spec.constants ?? []) taken.add(c.field);

  // 3. Header words, checked against the values; each field goes to its best column.
  const candidates: Candidate[] = [];
  headers.forEach((source, index) => {
    if (plans[index] !== null) return;
    const p = profiles[index]!;
    for (const field of fields) {
      if (taken.has(field.id)) continue;
      const match = matchHeader(kind, field, source);
      if (!match) continue;
      if (!fits(field.type, p)) {
        passedOver[index]!.push(`resembles ${field.label}, but ${misfit(field.type, p)}`);
        continue;
      }
      if (field.choices && !samplesFitChoices(field.choices, p.samples)) {
        const example = p.samples.find((v) => !samplesFitChoices(field.choices!, [v]));
        passedOver[index]!.push(
          `resembles ${field.label}, but its values (such as "${example}") are not among ${field.choices.join(', ')}`,
        );
        continue;
      }
      candidates.push({ index, field, match, keyIssue: field.id === keyField ? keyCheck(source, p) : null });
    }
  });
  const keys = candidates.filter((c) => c.field.id === keyField);
  // Rolling up, a repeating key column wins anyway (and says so): bare ids only matter otherwise.
  if (kind === 'accounts' && !(rollingUp && keys.some((c) => repeats(profiles[c.index]!)))) {
    const bare = bareIdProblems(
      headers,
      profiles,
      keys.map((c) => c.index),
    );
    for (const c of keys) c.keyIssue ??= bare.get(c.index) ?? null;
  }
  const rollUpRank = (c: Candidate) => (rollingUp && c.field.id === keyField && repeats(profiles[c.index]!) ? 1 : 0);
  const subjectRank = (c: Candidate) => (c.field.id === keyField && subjectId(kind, headers[c.index]!) ? 1 : 0);
  candidates.sort(
    (a, b) =>
      rollUpRank(b) - rollUpRank(a) ||
      b.match.score - a.match.score ||
      subjectRank(b) - subjectRank(a) ||
      a.index - b.index,
  );
  // Key candidates that repeat values, have blanks or hold decimals are passed over, saying why.
  const skippedKeys = candidates.filter((c) => c.keyIssue !== null);
  for (const k of skippedKeys) passedOver[k.index]!.push(`not the ${k.field.label}: ${k.keyIssue!}`);
  const place = (c: Candidate, confidence: number, extra: string) => {
    taken.add(c.field.id);
    const source = headers[c.index]!;
    const isKey = c.field.id === keyField;
    const detail = joinSentences(
      headerDetail(source, c.field, c.match, profiles[c.index]!, isKey && !c.keyIssue),
      extra,
    );
    const reason =
      c.match.basis === 'exact' ? 'header matches' : c.match.basis === 'id name' ? 'id name' : 'header resembles';
    plans[c.index] = completeColumnPlan(
      { index: c.index, source, field: c.field.id, skip: false, type: c.field.type, confidence, reason, detail },
      profiles[c.index]!,
      order,
    );
  };
  for (const c of candidates) {
    if (rollingUp && c.field.id === keyField && taken.has(keyField) && plans[c.index] === null && !c.keyIssue) {
      const by = plans.find((x) => x?.field === keyField)?.source ?? '';
      passedOver[c.index]!.push(`not the ${c.field.label}: the rows are rolled up by "${by}"`);
    }
    if (c.keyIssue || taken.has(c.field.id) || plans[c.index] !== null) continue;
    const others = c.field.id === keyField ? skippedKeys.map((k) => k.keyIssue!) : [];
    place(c, c.match.score, others.length > 0 ? `passed over: ${others.join('; ')}` : '');
  }
  // The kind's key is required: when every candidate repeats or has blanks, the best one is used,
  // saying so (its duplicate rows will be rejected; for accounts the grain check below speaks).
  let grain: GrainFinding | null = null;
  let rolledBy: GrainFinding | null = null;
  if (keyField && !taken.has(keyField)) {
    const fallback = skippedKeys.find((k) => plans[k.index] === null);
    if (fallback) {
      passedOver[fallback.index] = [];
      place(fallback, Math.min(fallback.match.score, 0.4), `yet ${fallback.keyIssue!}`);
    }
  }
  const keyColumn = keyField ? plans.find((c) => c?.field === keyField && !c.skip) : undefined;
  if (kind === 'accounts' && keyColumn) {
    const p = profiles[keyColumn.index]!;
    grain = detectGrain(keyColumn.source, p, headers);
    const issue = keyProblem(keyColumn.source, p);
    if (grain && !spec.rollUp) blockers.push(grainSentence(grain, false));
    else if (rollingUp && !repeats(p))
      notes.push(`Rolling up may change nothing: "${keyColumn.source}" has ${keyEvidence(p)}.`);
    else if (rollingUp)
      rolledBy = grain ?? {
        column: keyColumn.source,
        rows: p.keyRows - p.keyBlanks,
        distinct: p.keyDistinct,
        looksLike: 'rows',
      };
    else if (issue)
      notes.push(`${issue}: rows that repeat an account id after its first row will be rejected as duplicates.`);
  }

  // 4. Everything else: a custom field of the type its values show.
  const columns = plans.map((plan, index) => {
    if (plan) return plan;
    const p = profiles[index]!;
    const source = headers[index]!;
    const type = inferType(p, source);
    const why = passedOver[index]!.length > 0 ? passedOver[index]!.join('; ') : 'no field has this header';
    return completeColumnPlan(
      {
        index,
        source,
        field: null,
        skip: false,
        type,
        confidence: 0,
        reason: 'kept as a custom field',
        detail: `${why}; kept as a custom ${type} field`,
      },
      p,
      order,
    );
  });

  const constants = [
    ...(variant?.constants ? Object.entries(variant.constants).map(([field, value]) => ({ field, value })) : []),
    ...(spec.constants ?? []),
  ];
  blockers.push(...finishedPlanBlockers(kind, columns, constants, profiles));
  for (const c of columns) if (c.percentScale) notes.push(describePercentScale(c, profiles[c.index]!));
  if (rolledBy) notes.push(`${grainSentence(rolledBy, true)} ${capitalize(activityRule(activityColumns(columns)))}.`);
  const outcomes = kind === 'outcomes' ? outcomeRulesOf(headers, columns, spec) : null;
  const sourceNote = outcomes ? outcomeRulesNote(outcomes) : null;
  if (sourceNote) notes.push(sourceNote);
  return {
    kind,
    columns,
    constants,
    onError: spec.onError ?? 'abort',
    presetId: preset?.id ?? null,
    blockers,
    notes,
    grain,
    rollUp: kind === 'accounts' && spec.rollUp === true,
    outcomes,
  };
}
