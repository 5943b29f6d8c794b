// What changed between two versions of a pack, in words an analyst reads: signals added, removed
// or changed (and which fields), stages, gates, filters, metrics and scoring.
import type { RulePackInput } from '../pack/schema';

export interface PackChange {
  area: 'signal' | 'metric' | 'stage' | 'gate' | 'filter' | 'scoring' | 'pack';
  id: string;
  label: string;
  change: 'added' | 'removed' | 'changed';
  details: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

function diffFields(a: Record<string, unknown>, b: Record<string, unknown>, ignore: string[] = []): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !ignore.includes(k));
  return keys.filter((k) => !same(a[k], b[k])).map((k) => `${k}: ${show(a[k])} → ${show(b[k])}`);
}

function diffList<T extends { id: string; label?: string }>(
  area: PackChange['area'],
  a: readonly T[],
  b: readonly T[],
): PackChange[] {
  const changes: PackChange[] = [];
  const before = new Map(a.map((x) => [x.id, x]));
  const after = new Map(b.map((x) => [x.id, x]));
  for (const x of b) {
    const old = before.get(x.id);
    if (!old) changes.push({ area, id: x.id, label: x.label ?? x.id, change: 'added', details: [] });
    else if (!same(old, x))
      changes.push({
        area,
        id: x.id,
        label: x.label ?? x.id,
        change: 'changed',
        details: diffFields(old as Record<string, unknown>, x as Record<string, unknown>),
      });
  }
  for (const x of a)
    if (!after.has(x.id)) changes.push({ area, id: x.id, label: x.label ?? x.id, change: 'removed', details: [] });
  return changes;
}

export function diffPacks(a: RulePackInput, b: RulePackInput): PackChange[] {
  const changes: PackChange[] = [];
  const top = diffFields(
    { name: a.name, description: a.description, ranking: a.ranking },
    { name: b.name, description: b.description, ranking: b.ranking },
  );
  if (top.length) changes.push({ area: 'pack', id: 'pack', label: 'Model', change: 'changed', details: top });
  changes.push(...diffList('signal', a.signals, b.signals));
  changes.push(...diffList('metric', a.metrics ?? [], b.metrics ?? []));
  changes.push(...diffList('stage', a.ladder.stages, b.ladder.stages));
  changes.push(...diffList('gate', a.ladder.gates ?? [], b.ladder.gates ?? []));
  changes.push(...diffList('filter', a.filters ?? [], b.filters ?? []));
  if (!same(a.scoring ?? {}, b.scoring ?? {}))
    changes.push({
      area: 'scoring',
      id: 'scoring',
      label: 'Scoring',
      change: 'changed',
      details: diffFields((a.scoring ?? {}) as Record<string, unknown>, (b.scoring ?? {}) as Record<string, unknown>),
    });
  return changes;
}
