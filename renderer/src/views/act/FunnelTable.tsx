// The signal → play → owner funnel for a date range: scored as of the start, outcomes counted to the end.
// One table per cut (signal, play, owner), recomputed shortly after the draft or the dates change.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FunnelRow } from '#shared/act/play-funnel';
import { addDays } from '#shared/dates';
import { api } from '../../api';
import { useDebouncedCall } from '../../components/useDebouncedCall';
import { formatCount, formatDate, formatMoney } from '../../format';
import { useModelStore } from '../../store/model-store';

const share = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 1000) / 10}%` : '—');

function Rows({ title, rows, testId }: { title: string; rows: FunnelRow[]; testId: string }) {
  return (
    <table className="data-table" aria-label={`Funnel by ${title}`} data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{title[0]!.toUpperCase() + title.slice(1)}</th>
          {['Fired', 'Given a play', 'Opened', 'Won', 'Win rate', 'Won amount'].map((h) => (
            <th key={h} scope="col" className="num">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={7} className="muted">
              None in this range.
            </td>
          </tr>
        )}
        {rows.map((r) => (
          <tr key={r.id || r.label} data-row={r.id}>
            <th scope="row">{r.label}</th>
            <td className="num">{formatCount(r.fired.accounts)}</td>
            <td className="num">{formatCount(r.played.accounts)}</td>
            <td className="num">{formatCount(r.opened.accounts)}</td>
            <td className="num">{formatCount(r.won.accounts)}</td>
            <td className="num">{share(r.won.accounts, r.played.accounts)}</td>
            <td className="num">{formatMoney(r.won.amount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FunnelTable() {
  const { draft, asOf } = useModelStore(useShallow((s) => ({ draft: s.draft, asOf: s.asOf })));
  const [from, setFrom] = useState<string | null>(null);
  const start = from ?? (asOf ? addDays(asOf, -182) : null);
  const {
    value: funnel,
    error,
    loading,
  } = useDebouncedCall(
    draft && asOf && start ? () => api.call('act.funnel', { pack: draft, from: start, to: asOf }) : null,
    [draft, asOf, start],
  );

  return (
    <section className="act-section" aria-label="Signal to play to owner funnel">
      <h3>Signal → play → owner</h3>
      <div className="heat-controls">
        <label>
          Scored as of{' '}
          <input
            type="date"
            aria-label="Funnel start"
            value={start ?? ''}
            max={asOf ?? undefined}
            onChange={(e) => e.target.value && setFrom(e.target.value)}
          />
        </label>
        <span className="muted small">outcomes counted to {asOf ? formatDate(asOf) : '…'}</span>
        {loading && <span className="muted small">Scoring…</span>}
      </div>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      {funnel && (
        <>
          <p className="muted small" data-testid="funnel-total">
            {formatCount(funnel.total.fired.accounts)} accounts with a signal ·{' '}
            {formatCount(funnel.total.played.accounts)} given a play · {formatCount(funnel.total.opened.accounts)}{' '}
            opened · {formatCount(funnel.total.won.accounts)} won
          </p>
          <Rows title="signal" rows={funnel.signals} testId="funnel-signals" />
          <Rows title="play" rows={funnel.plays} testId="funnel-plays" />
          <Rows title="owner" rows={funnel.owners} testId="funnel-owners" />
        </>
      )}
    </section>
  );
}
