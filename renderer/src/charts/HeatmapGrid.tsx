// The heatmap itself: a table of coloured cells (each a button that opens its accounts), margins
// with the row and column totals, and a colour legend in the measure's unit sampled from the same
// scale as the cells. Labels switch between dark and light text for contrast.
import { memo, useMemo } from 'react';
import type { Heatmap } from '#shared/book/heatmap';
import { formatCount } from '../format';
import { formatValue, heatScale, labelColor, unitLabel, type Theme } from './heat-scale';
import { HeatLegend } from './HeatLegend';

export interface HeatmapGridProps {
  heatmap: Heatmap;
  delta: boolean;
  theme: Theme;
  measureLabel: string;
  onCell?: (row: number, col: number) => void;
  onRow?: (row: number) => void;
  onCol?: (col: number) => void;
}

export const HeatmapGrid = memo(function HeatmapGrid(props: HeatmapGridProps) {
  const { heatmap: h, delta, theme, measureLabel, onCell, onRow, onCol } = props;
  const scale = useMemo(() => heatScale(h, delta, theme, measureLabel), [h, delta, theme, measureLabel]);
  const fmt = (v: number | null) => formatValue(h.unit, v, delta);
  const describe = (v: number | null, n: number) =>
    `${fmt(v)}${h.unit === 'accounts' ? '' : ` · ${formatCount(n)} accounts`}`;
  const corner = h.colField ? `${h.rowField.label} ↓ · ${h.colField.label} →` : h.rowField.label;
  return (
    <div className="heatmap">
      <div className="heat-legend" data-testid="heatmap-legend">
        <HeatLegend
          scale={scale}
          unit={h.unit}
          delta={delta}
          label={`${measureLabel}${delta ? ' change' : ''} (${unitLabel(h.unit, delta)})`}
        />
      </div>
      <div className="heatmap-scroll">
        <table className="heatmap-table" data-testid="heatmap-table" aria-label={`${measureLabel} by ${corner}`}>
          <thead>
            <tr>
              <th scope="col" className="corner">
                {corner}
              </th>
              {h.cols.map((c, j) => (
                <th scope="col" key={`${c}-${j}`}>
                  {onCol ? (
                    <button className="link" onClick={() => onCol(j)} title={`Accounts in ${c}`}>
                      {c}
                    </button>
                  ) : (
                    c
                  )}
                </th>
              ))}
              <th scope="col" className="margin">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {h.rows.map((r, i) => (
              <tr key={`${r}-${i}`}>
                <th scope="row" title={r}>
                  {onRow ? (
                    <button className="link" onClick={() => onRow(i)} title={`Accounts in ${r}`}>
                      {r}
                    </button>
                  ) : (
                    r
                  )}
                </th>
                {h.cols.map((c, j) => {
                  const v = h.cells[i]![j]!;
                  const n = h.counts[i]![j]!;
                  const background = n > 0 ? scale.color(v) : 'transparent';
                  return (
                    <td key={`${c}-${j}`} style={{ background }}>
                      <button
                        className="heat-cell"
                        style={n > 0 ? { color: labelColor(background) } : undefined}
                        disabled={n === 0 || !onCell}
                        data-testid={`heat-cell-${i}-${j}`}
                        data-value={v ?? ''}
                        data-accounts={n}
                        onClick={() => onCell?.(i, j)}
                        title={`${r} · ${c}: ${describe(v, n)}. Select to see these accounts.`}
                        aria-label={`${r}, ${c}: ${describe(v, n)}`}
                      >
                        {n > 0 ? fmt(v) : ''}
                      </button>
                    </td>
                  );
                })}
                <td className="margin" data-testid={`heat-row-total-${i}`} data-value={h.rowTotals[i] ?? ''}>
                  {fmt(h.rowTotals[i] ?? null)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              {h.cols.map((c, j) => (
                <td
                  key={`${c}-${j}`}
                  className="margin"
                  data-testid={`heat-col-total-${j}`}
                  data-value={h.colTotals[j] ?? ''}
                >
                  {fmt(h.colTotals[j] ?? null)}
                </td>
              ))}
              <td className="margin total" data-testid="heat-total" data-value={h.total ?? ''}>
                {fmt(h.total)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
});
