// The false-positive funnel as Plot options: candidates for the top stage, what each filter
// removes, what remains. Each step's bar opens exactly the accounts it counts (the accounts query's
// `funnel` filter uses the same definition, shared/engine/funnel.ts).
import * as Plot from '@observablehq/plot';
import type { ModelResult, Tally } from '#shared/engine/aggregate';
import { interactive } from '../../../charts/interactive';
import { formatCount, formatMoney, formatMoneyCompact } from '../../../format';
import type { Measure } from './measure';

export interface FunnelStep {
  /** `candidates`, `remaining`, or the filter's id: the accounts query's `funnel` value. */
  key: string;
  label: string;
  draft: Tally;
  baseline: Tally;
  kind: 'total' | 'removed';
}

export function funnelSteps(baseline: ModelResult, draft: ModelResult): FunnelStep[] {
  const top = draft.stages.find((s) => s.id === draft.funnel.stage)?.label ?? draft.funnel.stage;
  const before = (id: string) => baseline.funnel.removed.find((r) => r.id === id) ?? { accounts: 0, arr: 0 };
  return [
    {
      key: 'candidates',
      label: `Candidates for ${top}`,
      draft: draft.funnel.candidates,
      baseline: baseline.funnel.candidates,
      kind: 'total',
    },
    ...draft.funnel.removed.map((r): FunnelStep => ({
      key: r.id,
      label: `− ${r.label}`,
      draft: r,
      baseline: before(r.id),
      kind: 'removed',
    })),
    { key: 'remaining', label: top, draft: draft.funnel.remaining, baseline: baseline.funnel.remaining, kind: 'total' },
  ];
}

export function funnelChart(input: {
  steps: FunnelStep[];
  measure: Measure;
  topColor: string;
  width: number;
}): Plot.PlotOptions {
  const { steps, measure, topColor, width } = input;
  const value = (t: Tally) => (measure === 'arr' ? t.arr : t.accounts);
  const format = measure === 'arr' ? formatMoneyCompact : formatCount;
  const max = Math.max(0, ...steps.map((s) => value(s.draft)));
  return {
    width,
    height: steps.length * 42 + 40,
    marginLeft: 220,
    marginRight: 90,
    style: { fontSize: '12px' },
    x: { grid: true, label: measure === 'arr' ? 'ARR' : 'Accounts', tickFormat: format, domain: [0, max || 1] },
    y: { label: null, domain: steps.map((s) => s.label) },
    marks: [
      Plot.barX(steps, {
        x: (s: FunnelStep) => value(s.draft),
        y: 'label',
        fill: (s: FunnelStep) => (s.kind === 'removed' ? '#dc2626' : topColor),
        fillOpacity: 0.85,
        ...interactive({
          name: 'funnel-step',
          data: steps,
          selectable: true,
          describe: (s) => [
            s.kind === 'removed' ? `${s.label.slice(2)} stops these candidates` : s.label,
            `${formatCount(s.draft.accounts)} accounts (baseline ${formatCount(s.baseline.accounts)})`,
            `${formatMoney(s.draft.arr)} ARR`,
            'Select to see these accounts',
          ],
        }),
      }),
      Plot.text(steps, {
        x: (s: FunnelStep) => value(s.draft),
        y: 'label',
        text: (s: FunnelStep) => format(value(s.draft)),
        dx: 6,
        textAnchor: 'start',
        fill: 'currentColor',
      }),
      Plot.ruleX([0]),
    ],
  } satisfies Plot.PlotOptions;
}
