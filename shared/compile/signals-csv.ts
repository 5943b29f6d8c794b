// The pack's signals as a spreadsheet-friendly CSV: one row per signal with its metric, operator,
// default threshold and weight, then the threshold and weight each segment actually uses, so a
// reviewer can sort, filter and compare without reading JSON. Text cells are neutralised against
// formula injection (labels come from whoever wrote the pack).
import { segmentThresholds } from '../engine/bits';
import { signalFeature } from '../engine/features';
import { compileScoring } from '../engine/scoring';
import { packSegments, type Threshold } from '../pack/schema';
import type { ValidPack } from '../pack/validate';
import { safeCsvField } from '../export/spreadsheet-safe';
import { isSet } from '../missing';

/** A threshold as one cell: the number itself, "low..high" for between, "a|b|c" for a list. */
export function thresholdCell(operator: string, t: Threshold): string | number {
  if (typeof t === 'number' || typeof t === 'string') return t;
  return operator === 'between' ? `${t[0]}..${t[1]}` : t.join('|');
}

export function compileSignalsCsv(valid: ValidPack): string {
  const { pack } = valid;
  const model = compileScoring(pack);
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z]+/g, '_');
  const header = [
    'signal_id',
    'label',
    'category',
    'metric',
    'feature_column',
    'operator',
    'threshold',
    'sustained_periods',
    'weight',
    ...packSegments.flatMap((s) => [`threshold_${slug(s)}`, `weight_${slug(s)}`]),
    'category_share',
    'category_cap',
    'urgency',
    'approach',
    'enabled',
    'description',
  ];
  const rows = pack.signals.map((s, k) => {
    const thresholds = segmentThresholds(s);
    const category = model.categories[model.categoryOf[k]!]!;
    return [
      s.id,
      s.label,
      s.category,
      s.metric,
      signalFeature(s).key,
      s.operator,
      thresholdCell(s.operator, s.threshold),
      s.sustainedPeriods ?? null,
      s.weight,
      ...packSegments.flatMap((_, seg) => [thresholdCell(s.operator, thresholds[seg]!), model.weight[k * 4 + seg]!]),
      isSet(category.share) ? category.share : null,
      isSet(category.cap) ? category.cap : null,
      s.urgency,
      s.approach,
      s.enabled ? 1 : 0,
      s.description ?? null,
    ];
  });
  return [header, ...rows].map((row) => `${row.map(safeCsvField).join(',')}\r\n`).join('');
}
