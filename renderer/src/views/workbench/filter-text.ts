// The accounts view's filter in words, for its chips and for saying which rows an export covers.
import type { RulePackInput } from '#shared/pack/schema';
import type { AccountFilter } from '../../store/workbench-ui-store';
import { bookField } from '#shared/book/fields';
import { describeFieldFilter } from '../book/heatmap-filter';

export function filterParts(filter: AccountFilter, pack: RulePackInput): { key: keyof AccountFilter; text: string }[] {
  const stage = (id?: string) => pack.ladder.stages.find((s) => s.id === id)?.label ?? id;
  const parts: { key: keyof AccountFilter; text: string }[] = [];
  if (filter.stage) parts.push({ key: 'stage', text: `Draft: ${stage(filter.stage)}` });
  if (filter.baselineStage) parts.push({ key: 'baselineStage', text: `Baseline: ${stage(filter.baselineStage)}` });
  if (filter.segment) parts.push({ key: 'segment', text: `Segment: ${filter.segment}` });
  if (filter.signal)
    parts.push({
      key: 'signal',
      text: `Signal: ${pack.signals.find((s) => s.id === filter.signal)?.label ?? filter.signal}`,
    });
  if (filter.filter)
    parts.push({
      key: 'filter',
      text: `Filter hit: ${pack.filters?.find((f) => f.id === filter.filter)?.label ?? filter.filter}`,
    });
  if (filter.funnel) {
    const scored = pack.ladder.stages.filter((s) => !s.gateOnly);
    const top = scored[scored.length - 1]?.label ?? 'the top stage';
    const by = pack.filters?.find((f) => f.id === filter.funnel)?.label;
    const text =
      filter.funnel === 'candidates'
        ? `Candidates for ${top}`
        : filter.funnel === 'remaining'
          ? `Still ${top} after the filters`
          : `Stopped from ${top} by ${by ?? filter.funnel}`;
    parts.push({ key: 'funnel', text: `Funnel: ${text}` });
  }
  if (filter.owner) parts.push({ key: 'owner', text: `Owner: ${filter.owner}` });
  for (const f of filter.fields ?? [])
    parts.push({ key: 'fields', text: describeFieldFilter(bookField(f.field).label, f.values) });
  if (filter.search?.trim()) parts.push({ key: 'search', text: `Search: “${filter.search.trim()}”` });
  return parts;
}

export const isFiltered = (filter: AccountFilter) => Object.values(filter).some((v) => v !== undefined && v !== '');
