// The readiness ladder: accounts (or ARR) per stage, baseline beside draft, with the deltas.
// Bars and table cells open the accounts behind them.
import { memo, useMemo } from 'react';
import * as Plot from '@observablehq/plot';
import type { ModelResult } from '#shared/engine/aggregate';
import { PlotFigure } from '../../../charts/PlotFigure';
import { formatCount, formatMoney, formatMoneyCompact } from '../../../format';
import { useWorkbenchUi } from '../../../store/workbench-ui-store';
import { signed, signedMoney } from '../format-delta';

interface Props {
  baseline: ModelResult;
  draft: ModelResult;
  colors: Map<string, string>;
  width: number;
}

export const LadderView = memo(function LadderView({ baseline, draft, colors, width }: Props) {
  const { measure, showAccounts } = useWorkbenchUi();
  const rows = useMemo(
    () =>
      draft.stages.map((s) => {
        const b = baseline.stages.find((x) => x.id === s.id);
        return { id: s.id, label: s.label, draft: s, baseline: b ?? { accounts: 0, arr: 0 } };
      }),
    [baseline, draft],
  );
  const data = useMemo(
    () =>
      [...rows].reverse().flatMap((r) => [
        {
          stage: r.label,
          id: r.id,
          series: 'Baseline',
          value: measure === 'arr' ? r.baseline.arr : r.baseline.accounts,
          from: 'baseline' as const,
        },
        {
          stage: r.label,
          id: r.id,
          series: 'Draft',
          value: measure === 'arr' ? r.draft.arr : r.draft.accounts,
          from: 'draft' as const,
        },
      ]),
    [rows, measure],
  );
  const options = useMemo(() => {
    const format = measure === 'arr' ? formatMoneyCompact : formatCount;
    return {
      width,
      height: Math.max(180, rows.length * 60 + 50),
      marginLeft: 120,
      marginRight: 90,
      marginTop: 24,
      style: { fontSize: '12px' },
      x: { grid: true, label: measure === 'arr' ? 'ARR' : 'Accounts', tickFormat: format },
      // Stages on the left; within a stage the upper, lighter bar is the baseline.
      y: { axis: null, domain: ['Baseline', 'Draft'] },
      fy: { label: null, axis: 'left', domain: [...rows].reverse().map((r) => r.label) },
      marks: [
        Plot.barX(data, {
          x: 'value',
          y: 'series',
          fy: 'stage',
          fill: (d: (typeof data)[number]) => colors.get(d.id) ?? '#64748b',
          fillOpacity: (d: (typeof data)[number]) => (d.series === 'Baseline' ? 0.45 : 1),
          title: (d: (typeof data)[number]) => `${d.stage} · ${d.series}\n${format(d.value)}`,
        }),
        Plot.text(data, {
          x: 'value',
          y: 'series',
          fy: 'stage',
          text: (d: (typeof data)[number]) => format(d.value),
          dx: 6,
          textAnchor: 'start',
          fill: 'currentColor',
        }),
        Plot.ruleX([0]),
      ],
    } satisfies Plot.PlotOptions;
  }, [data, rows, colors, width, measure]);

  return (
    <div className="chart-panel">
      <p className="muted small legend-line">
        <span className="legend-swatch faded" aria-hidden="true" /> Baseline{' '}
        <span className="legend-swatch" aria-hidden="true" /> Draft — select a bar or a number to see its accounts.
      </p>
      <PlotFigure
        options={options}
        label="Readiness ladder, baseline and draft"
        testId="ladder-chart"
        onMarkClick={(mark, index) => {
          const d = data[index];
          if (mark === 'bar' && d) showAccounts(d.from === 'draft' ? { stage: d.id } : { baselineStage: d.id });
        }}
      />
      <table className="data-table" data-testid="ladder-table">
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Baseline</th>
            <th scope="col">Draft</th>
            <th scope="col">Δ accounts</th>
            <th scope="col">Baseline ARR</th>
            <th scope="col">Draft ARR</th>
            <th scope="col">Δ ARR</th>
          </tr>
        </thead>
        <tbody>
          {[...rows].reverse().map((r) => (
            <tr key={r.id} data-stage={r.id}>
              <th scope="row">
                <span className="swatch" style={{ background: colors.get(r.id) }} aria-hidden="true" />
                {r.label}
              </th>
              <td>
                <button
                  className="link"
                  onClick={() => showAccounts({ baselineStage: r.id })}
                  data-testid={`baseline-${r.id}`}
                  data-value={r.baseline.accounts}
                >
                  {formatCount(r.baseline.accounts)}
                </button>
              </td>
              <td>
                <button
                  className="link"
                  onClick={() => showAccounts({ stage: r.id })}
                  data-testid={`draft-${r.id}`}
                  data-value={r.draft.accounts}
                >
                  {formatCount(r.draft.accounts)}
                </button>
              </td>
              <td
                className={
                  r.draft.accounts - r.baseline.accounts > 0
                    ? 'up'
                    : r.draft.accounts < r.baseline.accounts
                      ? 'down'
                      : ''
                }
              >
                {signed(r.draft.accounts - r.baseline.accounts)}
              </td>
              <td>{formatMoney(r.baseline.arr)}</td>
              <td>{formatMoney(r.draft.arr)}</td>
              <td>{signedMoney(r.draft.arr - r.baseline.arr)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
