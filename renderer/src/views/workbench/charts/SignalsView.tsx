// How often each signal fires (draft vs baseline) and its share among the top stage's accounts.
import { memo, useMemo } from 'react';
import * as Plot from '@observablehq/plot';
import type { ModelResult } from '#shared/engine/aggregate';
import { PlotFigure } from '../../../charts/PlotFigure';
import { formatCount } from '../../../format';
import { useWorkbenchUi } from '../../../store/workbench-ui-store';
import { signed } from '../format-delta';

interface Props {
  baseline: ModelResult;
  draft: ModelResult;
  width: number;
}

const percent = (x: number) => `${Math.round(x * 100)} %`;

export const SignalsView = memo(function SignalsView({ baseline, draft, width }: Props) {
  const showAccounts = useWorkbenchUi((s) => s.showAccounts);
  const top = draft.stages.find((s) => s.id === draft.funnel.stage)?.label ?? 'top stage';
  const rows = useMemo(
    () => draft.signals.map((s) => ({ ...s, before: baseline.signals.find((b) => b.id === s.id)?.fired ?? 0 })),
    [baseline, draft],
  );
  const options = useMemo(
    () =>
      ({
        width,
        height: rows.length * 34 + 50,
        marginLeft: 260,
        marginRight: 70,
        style: { fontSize: '12px' },
        x: { grid: true, label: 'Accounts firing', tickFormat: formatCount },
        y: { label: null, domain: rows.map((r) => r.label) },
        marks: [
          Plot.barX(rows, {
            x: 'fired',
            y: 'label',
            fill: '#3b82f6',
            title: (r: (typeof rows)[number]) =>
              `${r.label}\n${formatCount(r.fired)} accounts (baseline ${formatCount(r.before)})\n${percent(r.shareOfTop)} of ${top} accounts`,
          }),
          Plot.tickX(rows, { x: 'before', y: 'label', stroke: 'currentColor', strokeWidth: 2 }),
          Plot.text(rows, {
            x: 'fired',
            y: 'label',
            text: (r: (typeof rows)[number]) => formatCount(r.fired),
            dx: 6,
            textAnchor: 'start',
            fill: 'currentColor',
          }),
          Plot.ruleX([0]),
        ],
      }) satisfies Plot.PlotOptions,
    [rows, width, top],
  );
  return (
    <div className="chart-panel">
      <PlotFigure
        options={options}
        label="Signal activity"
        testId="signals-chart"
        onMarkClick={(mark, index) => mark === 'bar' && rows[index] && showAccounts({ signal: rows[index].id })}
      />
      <table className="data-table" data-testid="signals-table">
        <thead>
          <tr>
            <th scope="col">Signal</th>
            <th scope="col">Firing (draft)</th>
            <th scope="col">Δ vs baseline</th>
            <th scope="col">Share of {top}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.label}</th>
              <td>
                <button className="link" onClick={() => showAccounts({ signal: r.id })}>
                  {formatCount(r.fired)}
                </button>
              </td>
              <td>{signed(r.fired - r.before)}</td>
              <td>{percent(r.shareOfTop)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">Bars: accounts where the signal fires in the draft; black ticks: the baseline.</p>
    </div>
  );
});
