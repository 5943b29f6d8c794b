// Per-account bits for the pack's signals, gates and filters, computed from feature columns.
import { packSegments, type Filter, type Gate, type Signal } from '../pack/schema';
import { conditionBits, gateBits, sameForAllSegments, type SegmentThresholds } from './conditions';
import { signalFeature, type FeatureTable } from './features';

export function segmentThresholds(signal: Signal): SegmentThresholds {
  const at = (seg: number) => {
    const segment = packSegments[seg];
    return (segment && signal.segmentOverrides?.[segment]?.threshold) ?? signal.threshold;
  };
  return [at(0), at(1), at(2), signal.threshold];
}

export function signalBits(features: FeatureTable, signal: Signal, scratch?: Uint8Array): Uint8Array {
  const feature = signalFeature(signal);
  return conditionBits(features, feature.key, signal.metric, signal.operator, segmentThresholds(signal), scratch);
}

export function gatePassBits(features: FeatureTable, gate: Gate): Uint8Array {
  const c = gate.condition;
  return gateBits(features, c.metric, c.operator, c.value, gate.whenMissing);
}

export function filterHitBits(features: FeatureTable, filter: Filter): Uint8Array {
  const parts = filter.conditions.map((c) =>
    conditionBits(features, c.metric, c.metric, c.operator, sameForAllSegments(c.value)),
  );
  const out = new Uint8Array(features.accounts);
  const all = filter.match === 'all';
  for (let i = 0; i < out.length; i++) {
    let hit = all ? 1 : 0;
    for (const p of parts) {
      if (all && !p[i]) {
        hit = 0;
        break;
      }
      if (!all && p[i]) {
        hit = 1;
        break;
      }
    }
    out[i] = hit;
  }
  return out;
}

/** What a signal's firing depends on: if this is unchanged, its bits are unchanged. */
export const signalConditionKey = (s: Signal) =>
  JSON.stringify([
    s.metric,
    s.operator,
    s.threshold,
    s.sustainedPeriods ?? 0,
    packSegments.map((seg) => s.segmentOverrides?.[seg]?.threshold ?? null),
  ]);
export const gateConditionKey = (g: Gate) => JSON.stringify([g.condition, g.whenMissing]);
export const filterConditionKey = (f: Filter) => JSON.stringify([f.conditions, f.match]);
