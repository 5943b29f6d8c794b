// The flow between two as-of dates: a from-stage × to-stage matrix of accounts and ARR (moves up
// tinted green, down amber), whose cells list their accounts, and the moves per CSM.
import { useEffect, useState } from 'react';
import type { FlowAccountRow } from '#shared/api/book-contract';
import type { FlowMatrix } from '#shared/book/flow';
import { messageOf } from '#shared/error-message';
import { api } from '../../api';
import { formatCount, formatDate, formatMoney, formatMoneyCompact } from '../../format';
import { useBookStore } from '../../store/book-store';
import { useModelStore } from '../../store/model-store';

export function FlowView({ from, to }: { from: string; to: string }) {
  const draft = useModelStore((s) => s.draft);
  const owner = useBookStore((s) => s.owner);
  const [matrix, setMatrix] = useState<(FlowMatrix & { from: string; to: string }) | null>(null);
  const [cell, setCell] = useState<{ from: string; to: string } | null>(null);
  const [accounts, setAccounts] = useState<{ total: number; rows: FlowAccountRow[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!draft) return;
    let live = true;
    setCell(null);
    api.call('book.flow', { pack: draft, from, to, ...(owner ? { owner } : {}) }).then(
      (m) => live && (setMatrix(m), setError(null)),
      (e: unknown) => live && setError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [draft, from, to, owner]);
  useEffect(() => {
    if (!draft || !cell) return setAccounts(null);
    let live = true;
    api
      .call('book.flowAccounts', {
        pack: draft,
        from,
        to,
        fromStage: cell.from,
        toStage: cell.to,
        limit: 200,
        ...(owner ? { owner } : {}),
      })
      .then(
        (r) => live && setAccounts(r),
        (e: unknown) => live && setError(messageOf(e)),
      );
    return () => {
      live = false;
    };
  }, [draft, from, to, owner, cell]);
  if (error)
    return (
      <p className="banner error" role="alert">
        {error}
      </p>
    );
  if (!matrix) return <p className="muted">Scoring both dates…</p>;
  const max = Math.max(1, ...matrix.accounts.flatMap((row, i) => row.filter((_, j) => i !== j)));
  return (
    <div className="flow" data-testid="flow">
      <p className="movers-summary">
        {formatCount(matrix.up.accounts)} accounts moved up ({formatMoneyCompact(matrix.up.arr)} ARR),{' '}
        {formatCount(matrix.down.accounts)} down ({formatMoneyCompact(matrix.down.arr)}),{' '}
        {formatCount(matrix.same.accounts)} stayed.
      </p>
      <table className="movers" data-testid="flow-table">
        <caption className="muted small">
          Rows: stage on {formatDate(from)}. Columns: stage on {formatDate(to)}. Select a cell to list its accounts.
        </caption>
        <thead>
          <tr>
            <th scope="col">
              {formatDate(from)} ↓ / {formatDate(to)} →
            </th>
            {matrix.stages.map((s) => (
              <th scope="col" key={s.id}>
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.stages.map((a, i) => (
            <tr key={a.id}>
              <th scope="row">{a.label}</th>
              {matrix.stages.map((b, j) => {
                const n = matrix.accounts[i]![j]!;
                const tint = i === j ? 0 : Math.min(1, n / max);
                const up = j > i;
                return (
                  <td
                    key={b.id}
                    className={i === j ? 'diagonal' : ''}
                    style={
                      i === j
                        ? undefined
                        : { background: `rgb(${up ? '22 163 74' : '217 119 6'} / ${(0.08 + tint * 0.5).toFixed(2)})` }
                    }
                  >
                    <button
                      className={cell?.from === a.id && cell.to === b.id ? 'cell selected' : 'cell'}
                      disabled={n === 0}
                      data-testid={`flow-${a.id}-${b.id}`}
                      onClick={() => setCell({ from: a.id, to: b.id })}
                      title={`${formatCount(n)} accounts from ${a.label} to ${b.label}`}
                    >
                      <span className="n">{formatCount(n)}</span>
                      <span className="arr">{formatMoneyCompact(matrix.arr[i]![j]!)}</span>
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {accounts && cell && (
        <table className="data-table" aria-label="Accounts in the flow cell" data-testid="flow-accounts">
          <caption className="muted small">
            {formatCount(accounts.total)} accounts from {matrix.stages.find((s) => s.id === cell.from)?.label} to{' '}
            {matrix.stages.find((s) => s.id === cell.to)?.label}
            {accounts.total > accounts.rows.length ? `; the ${accounts.rows.length} with the most ARR` : ''}.
          </caption>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">CSM</th>
              <th scope="col" className="num">
                ARR
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.rows.map((r) => (
              <tr key={r.id}>
                <td title={r.id}>{r.name}</td>
                <td>{r.owner}</td>
                <td className="num">{r.arr === null ? '—' : formatMoney(r.arr)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!owner && matrix.byOwner.length > 1 && (
        <table className="data-table" aria-label="Moves per owner">
          <caption className="muted small">Moves per CSM between the two dates.</caption>
          <thead>
            <tr>
              <th scope="col">CSM</th>
              <th scope="col" className="num">
                Up
              </th>
              <th scope="col" className="num">
                Down
              </th>
              <th scope="col" className="num">
                Stayed
              </th>
            </tr>
          </thead>
          <tbody>
            {matrix.byOwner.map((o) => (
              <tr key={o.owner}>
                <th scope="row">{o.owner}</th>
                <td className="num">{formatCount(o.up)}</td>
                <td className="num">{formatCount(o.down)}</td>
                <td className="num">{formatCount(o.same)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
