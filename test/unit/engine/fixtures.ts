// Small feature tables and packs for engine tests.
import type { FeatureTable } from '#shared/engine/features';
import { checkPack, describePackIssues, type ValidPack } from '#shared/pack/validate';
import type { RulePackInput } from '#shared/pack/schema';

export function features(input: {
  segment: number[];
  arr?: number[];
  columns: Record<string, number[]>;
  categories?: Record<string, (string | null)[]>;
}): FeatureTable {
  const n = input.segment.length;
  const categories = new Map(
    Object.entries(input.categories ?? {}).map(([name, values]) => {
      const dictionary = [...new Set(values.filter((v): v is string => v !== null))];
      return [name, { dictionary, codes: Int32Array.from(values, (v) => (v === null ? -1 : dictionary.indexOf(v))) }];
    }),
  );
  return {
    accounts: n,
    accountIds: Array.from({ length: n }, (_, i) => `A${i}`),
    arr: Float64Array.from(input.arr ?? Array.from({ length: n }, () => 1000)),
    segment: Uint8Array.from(input.segment),
    columns: new Map(Object.entries(input.columns).map(([k, v]) => [k, Float64Array.from(v)])),
    categories,
  };
}

export function valid(pack: RulePackInput | Record<string, unknown>): ValidPack {
  const checked = checkPack(pack);
  if (!checked.ok) throw new Error(describePackIssues(checked.issues));
  return checked.value;
}

export const basicStages = [
  { id: 'not_ready', label: 'Not ready' },
  { id: 'emerging', label: 'Emerging', minScore: 3, minSignals: 1 },
  { id: 'ready', label: 'Ready', minScore: 8, minSignals: 2 },
];

export const signal = (
  id: string,
  metric: string,
  operator: string,
  threshold: unknown,
  weight: number,
  extra: Record<string, unknown> = {},
) => ({
  id,
  label: id,
  category: 'usage',
  metric,
  operator,
  threshold,
  weight,
  urgency: 'medium',
  approach: 'seat_expansion',
  ...extra,
});
