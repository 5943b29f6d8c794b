// Per-signal statistics on the training part, sortable, with intervals and leakage flags; a row
// shows its threshold scan, and its counts open the accounts.
import { useMemo, useState } from 'react';
import type { SignalReport } from '#shared/calibrate/signal-report';
import { fixed, interval, known, pct, threshold } from './format';
import { useCalibrateStore } from './calibrate-store';

type Column = 'label' | 'fireRate' | 'convFired' | 'convNotFired' | 'lift' | 'iv' | 'auc';

const columns: { id: Column; label: string; title: string }[] = [
  { id: 'label', label: 'Signal', title: 'Signal' },
  { id: 'fireRate', label: 'Fires', title: 'Share of training accounts where the signal fires' },
  { id: 'convFired', label: 'Conv. fired', title: 'Conversion when the signal fires' },
  { id: 'convNotFired', label: 'Conv. not', title: 'Conversion when it does not' },
  { id: 'lift', label: 'Lift (95 % CI)', title: 'Conversion when fired ÷ conversion when not' },
  { id: 'iv', label: 'IV', title: 'Information value of the signal as it fires now' },
  { id: 'auc', label: 'Metric AUC', title: 'Univariate ROC AUC of the metric it reads' },
];

const leakageText = {
  'auc-above-0.85': 'its metric alone has an AUC above 0.85',
  'iv-above-0.5': 'information value above 0.5',
  'recorded-after-outcome': 'it reads account fields recorded after the outcome',
} as const;

export function SignalTable({ signals }: { signals: readonly SignalReport[] }) {
  const [sort, setSort] = useState<{ by: Column; descending: boolean }>({ by: 'lift', descending: true });
  const scanSignal = useCalibrateStore((s) => s.scanSignal);
  const setScanSignal = useCalibrateStore((s) => s.setScanSignal);
  const openDrill = useCalibrateStore((s) => s.openDrill);
  const rows = useMemo(() => {
    const value = (s: SignalReport) => (sort.by === 'label' ? s.label : s[sort.by]);
    return [...signals].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (typeof x === 'string' || typeof y === 'string')
        return String(x).localeCompare(String(y)) * (sort.descending ? -1 : 1);
      const nx = known(x) ? x : -Infinity;
      const ny = known(y) ? y : -Infinity;
      return (nx - ny) * (sort.descending ? -1 : 1);
    });
  }, [signals, sort]);
  return (
    <table className="data-table" data-testid="calibrate-signals">
      <thead>
        <tr>
          {columns.map((c) => (
            <th
              key={c.id}
              scope="col"
              title={c.title}
              aria-sort={sort.by === c.id ? (sort.descending ? 'descending' : 'ascending') : 'none'}
            >
              <button
                className="link"
                onClick={() =>
                  setSort({ by: c.id, descending: sort.by === c.id ? !sort.descending : c.id !== 'label' })
                }
              >
                {c.label}
                {sort.by === c.id ? (sort.descending ? ' ▾' : ' ▴') : ''}
              </button>
            </th>
          ))}
          <th scope="col">Suggested threshold</th>
          <th scope="col">Leakage?</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr
            key={s.id}
            data-testid={`signal-row-${s.id}`}
            className={scanSignal === s.id ? 'selected' : undefined}
            onClick={() => setScanSignal(s.id)}
          >
            <th scope="row">
              {s.label}
              {!s.enabled && <span className="muted small"> (off)</span>}
            </th>
            <td>
              <button
                className="link"
                title="The training accounts where it fires"
                onClick={(e) => {
                  e.stopPropagation();
                  void openDrill(`Training accounts where “${s.label}” fires`, {
                    kind: 'signal',
                    signal: s.id,
                    fired: true,
                  });
                }}
              >
                {pct(s.fireRate)}
              </button>
            </td>
            <td>{pct(s.convFired)}</td>
            <td>{pct(s.convNotFired)}</td>
            <td data-value={known(s.lift) ? s.lift : ''}>
              {fixed(s.lift, 2)} <span className="muted small">({interval(s.liftCi)})</span>
            </td>
            <td>{fixed(s.iv, 2)}</td>
            <td>{fixed(s.auc, 2)}</td>
            <td>
              {s.suggestedThreshold === null ? '—' : `${threshold(s.threshold)} → ${threshold(s.suggestedThreshold)}`}
            </td>
            <td className="small">
              {s.leakage.length === 0 ? (
                ''
              ) : (
                <span className="badge warning" title={s.leakage.map((l) => leakageText[l]).join('; ')}>
                  {s.leakage.length === 1 ? leakageText[s.leakage[0]!] : `${s.leakage.length} flags`}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
