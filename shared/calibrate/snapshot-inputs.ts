// Which signals read values recorded after the as-of date. Period metrics are replayed as of T;
// account fields, custom account fields and the users roster are one snapshot taken when the data
// were exported — after the outcomes a backtest predicts. A seat count or a tier read from that
// snapshot may already include the expansion being predicted.
import { baseMetric, customFieldPattern } from '../pack/catalog';
import type { ValidPack } from '../pack/validate';

/** Account-level inputs that are fixed facts, not snapshots (derived from the contract start). */
const fixedFacts = new Set(['contract_age_days']);

/** The snapshot inputs a metric reads, directly or through derived metrics. */
export function snapshotInputs(valid: ValidPack, metric: string): string[] {
  const found = new Set<string>();
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const base = baseMetric(id);
    if (base?.level === 'account' && !fixedFacts.has(id)) found.add(id);
    else if (!base && customFieldPattern.test(id)) found.add(id);
    const derived = valid.metrics.derived.get(id);
    if (derived) for (const ref of derived.refs) visit(ref);
  };
  visit(metric);
  return [...found].sort();
}

/** Signal id → the snapshot inputs it reads, for signals that read any. */
export function snapshotSignals(valid: ValidPack): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of valid.pack.signals) {
    const inputs = snapshotInputs(valid, s.metric);
    if (inputs.length > 0) out.set(s.id, inputs);
  }
  return out;
}
