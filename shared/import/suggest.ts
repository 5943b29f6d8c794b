// From headers, column profiles, a preset and the user's choices to an import plan. The user's
// choice wins, then the preset, then header words checked against the values: a column called
// "ARR" full of names is not suggested as ARR.
import type { ImportKind } from '../domain/workspace';
import { fieldsByKind, normalizeHeader, type FieldInfo, type ValueType } from './fields';
import type { ColumnPlan, ImportPlan, MappingSpec } from './mapping';
import { findPreset, presetVariant, presetIds } from './presets';
import { decideDateOrder, inferType, type ColumnProfile } from './profile';
import { plausibleExcelSerial, type DateOrder } from './values';

/** Can a column with this profile fill a field of this type? */
function fits(type: ValueType, p: ColumnProfile): boolean {
  if (p.nonNull === 0) return true;
  switch (type) {
    case 'text':
      return true;
    case 'number':
    case 'percent':
      return p.number;
    case 'integer':
      return p.number && p.integer;
    case 'boolean':
      return p.boolean || p.zeroOne;
    case 'date':
    case 'datetime':
      return p.date || (p.number && p.integer);
  }
}

function headerScore(field: FieldInfo, header: string): number {
  const words = normalizeHeader(header);
  if (words === '') return 0;
  if (field.aliases.includes(words) || normalizeHeader(field.id) === words || normalizeHeader(field.label) === words)
    return 0.9;
  const padded = ` ${words} `;
  const partial = field.aliases.some((a) => a.length > 3 && padded.includes(` ${a} `));
  return partial ? 0.6 : 0;
}

function numericDates(p: ColumnProfile): ColumnPlan['numericDates'] {
  if (!(p.number && p.integer) || p.nonNull === 0) return null;
  if (p.numMin >= 1e9 && p.numMax < 1e10) return 'epoch-seconds';
  if (p.numMin >= 1e12 && p.numMax < 1e13) return 'epoch-millis';
  if (plausibleExcelSerial(p.numMin) && plausibleExcelSerial(p.numMax)) return 'excel';
  return null;
}

function typed(
  plan: Omit<ColumnPlan, 'dateOrder' | 'needsDateOrder' | 'numericDates'>,
  p: ColumnProfile,
  order: DateOrder | undefined,
): ColumnPlan {
  const isDate = plan.type === 'date' || plan.type === 'datetime';
  const decision = decideDateOrder(p);
  const dateOrder = isDate ? (order ?? decision.order) : null;
  return {
    ...plan,
    dateOrder,
    needsDateOrder: isDate && !p.number && dateOrder === null && decision.ambiguous,
    numericDates: isDate && !p.date ? numericDates(p) : null,
  };
}

export interface SuggestInput {
  kind: ImportKind;
  headers: readonly string[];
  profiles: readonly ColumnProfile[];
  spec?: MappingSpec;
}

export function suggestPlan({ kind, headers, profiles, spec = {} }: SuggestInput): ImportPlan {
  const fields = fieldsByKind[kind];
  const blockers: string[] = [];
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
  const chosen = new Map((spec.columns ?? []).map((c) => [c.source, c]));
  for (const c of spec.columns ?? []) {
    if (!headers.includes(c.source))
      blockers.push(`The mapping names a column "${c.source}" that this file does not have.`);
    else if (c.field !== 'custom' && c.field !== 'skip' && !fields.some((f) => f.id === c.field)) {
      blockers.push(
        `The mapping sends "${c.source}" to "${c.field}", which is not a field of ${kind} (${fields.map((f) => f.id).join(', ')}).`,
      );
    }
  }
  const taken = new Set<string>();
  const plans: (ColumnPlan | null)[] = headers.map(() => null);
  const order = spec.dateOrder ?? preset?.dateOrder;

  // 1. The user's choices.
  headers.forEach((source, index) => {
    const choice = chosen.get(source);
    if (!choice) return;
    const p = profiles[index]!;
    const field = fields.find((f) => f.id === choice.field);
    const skip = choice.field === 'skip';
    if (field) taken.add(field.id);
    const type = choice.type ?? field?.type ?? inferType(p, source);
    plans[index] = typed(
      { index, source, field: field?.id ?? null, skip, type, confidence: 1, reason: 'your mapping' },
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
      plans[index] = typed(
        {
          index,
          source: headers[index]!,
          field: field.id,
          skip: false,
          type: field.type,
          confidence: 1,
          reason: `${preset!.label} preset`,
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
  const candidates: { index: number; field: FieldInfo; score: number }[] = [];
  headers.forEach((source, index) => {
    if (plans[index] !== null) return;
    for (const field of fields) {
      if (taken.has(field.id)) continue;
      const score = headerScore(field, source) * (fits(field.type, profiles[index]!) ? 1 : 0.3);
      if (score >= 0.5) candidates.push({ index, field, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.index - b.index);
  for (const c of candidates) {
    if (taken.has(c.field.id) || plans[c.index] !== null) continue;
    taken.add(c.field.id);
    const reason = c.score >= 0.9 ? 'header matches' : 'header resembles';
    plans[c.index] = typed(
      {
        index: c.index,
        source: headers[c.index]!,
        field: c.field.id,
        skip: false,
        type: c.field.type,
        confidence: c.score,
        reason,
      },
      profiles[c.index]!,
      order,
    );
  }
  // 4. Everything else: a custom field of the type its values show.
  const columns = plans.map((plan, index) => {
    if (plan) return plan;
    const p = profiles[index]!;
    const source = headers[index]!;
    return typed(
      {
        index,
        source,
        field: null,
        skip: false,
        type: inferType(p, source),
        confidence: 0,
        reason: 'kept as a custom field',
      },
      p,
      order,
    );
  });

  const constants = [
    ...(variant?.constants ? Object.entries(variant.constants).map(([field, value]) => ({ field, value })) : []),
    ...(spec.constants ?? []),
  ];
  for (const field of fields) {
    if (!field.required) continue;
    if (!columns.some((c) => c.field === field.id && !c.skip) && !constants.some((c) => c.field === field.id)) {
      blockers.push(`No column is mapped to ${field.label} (${field.id}), which ${kind} need.`);
    }
  }
  if (
    kind === 'events' &&
    !columns.some((c) => !c.skip && (c.field === 'account_id' || c.field === 'outcome_ref' || c.field === 'user_id'))
  ) {
    blockers.push(
      'Events need an account: map an account id, a subscription/opportunity id, or a user id of users already imported.',
    );
  }
  for (const c of columns) {
    if (c.needsDateOrder && !c.skip) {
      blockers.push(
        `Column "${c.source}": every date reads both day-first and month-first (e.g. "${profiles[c.index]!.samples[0] ?? ''}"); choose DMY or MDY for it.`,
      );
    }
  }
  return { kind, columns, constants, onError: spec.onError ?? 'abort', presetId: preset?.id ?? null, blockers };
}
