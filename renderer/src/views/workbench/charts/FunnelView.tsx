// The false-positive funnel: candidates for the top stage, what each filter removes, what remains.
import { memo, useMemo } from 'react';
import * as Plot from '@observablehq/plot';
import type { ModelResult } from '#shared/engine/aggregate';
import { PlotFigure } from '../../../charts/PlotFigure';
import { formatCount, formatMoney, formatMoneyCompact } from '../../../format';
import { useWorkbenchUi } from '../../../store/workbench-ui-store';
import { signed } from '../format-delta';

interface Props {
  baseline: ModelResult;
  draft: ModelResult;
  topColor: string;
  width: number;
}

export const FunnelView = memo(function FunnelView({ baseline, draft, topColor, width }: Props) {
  const { measure, showAccounts } = useWorkbenchUi();
  const top = draft.stages.find((s) => s.id === draft.funnel.stage)?.label ?? draft.funnel.stage;
  const steps = useMemo(() => {
    const b = (id: string) => baseline.funnel.removed.find((r) => r.id === id);
    return [
      {
        key: 'candidates',
        label: `Candidates for ${top}`,
        draft: draft.funnel.candidates,
        baseline: baseline.funnel.candidates,
        kind: 'total' as const,
      },
      ...draft.funnel.removed.map((r) => ({
        key: r.id,
        label: `− ${r.label}`,
        draft: r,
        baseline: b(r.id) ?? { accounts: 0, arr: 0 },
        kind: 'removed' as const,
      })),
      {
        key: 'remaining',
        label: top,
        draft: draft.funnel.remaining,
        baseline: baseline.funnel.remaining,
        kind: 'total' as const,
      },
    ];
  }, [baseline, draft, top]);
  const options = useMemo(() => {
    const value = (t: { accounts: number; arr: number }) => (measure === 'arr' ? t.arr : t.accounts);
    const format = measure === 'arr' ? formatMoneyCompact : formatCount;
    return {
      width,
      height: steps.length * 42 + 40,
      marginLeft: 220,
      marginRight: 90,
      style: { fontSize: '12px' },
      x: { grid: true, label: measure === 'arr' ? 'ARR' : 'Accounts', tickFormat: format },
      y: { label: null, domain: steps.map((s) => s.label) },
      marks: [
        Plot.barX(steps, {
          x: (s: (typeof steps)[number]) => value(s.draft),
          y: 'label',
          fill: (s: (typeof steps)[number]) => (s.kind === 'removed' ? '#dc2626' : topColor),
          fillOpacity: 0.85,
        }),
        Plot.text(steps, {
          x: (s: (typeof steps)[number]) => value(s.draft),
          y: 'label',
          text: (s: (typeof steps)[number]) => format(value(s.draft)),
          dx: 6,
          textAnchor: 'start',
          fill: 'currentColor',
        }),
        Plot.ruleX([0]),
      ],
    } satisfies Plot.PlotOptions;
  }, [steps, measure, topColor, width]);

  if (draft.funnel.removed.length === 0) {
    return (
      <p className="muted empty-note">
        This model has no false-positive filters. Add one in the editor to see which accounts it would stop.
      </p>
    );
  }
  return (
    <div className="chart-panel">
      <PlotFigure
        options={options}
        label="False-positive filter funnel"
        testId="funnel-chart"
        onMarkClick={(_mark, index) => {
          const step = steps[index];
          if (step?.kind === 'removed') showAccounts({ filter: step.key });
          else if (step?.key === 'remaining') showAccounts({ stage: draft.funnel.stage });
        }}
      />
      <table className="data-table" data-testid="funnel-table">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Baseline</th>
            <th scope="col">Draft</th>
            <th scope="col">Δ</th>
            <th scope="col">Draft ARR</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => (
            <tr key={s.key}>
              <th scope="row">{s.label}</th>
              <td>{formatCount(s.baseline.accounts)}</td>
              <td>{formatCount(s.draft.accounts)}</td>
              <td>{signed(s.draft.accounts - s.baseline.accounts)}</td>
              <td>{formatMoney(s.draft.arr)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        Each filter is credited with the candidates it stops first, in the order the filters are listed.
      </p>
    </div>
  );
});
