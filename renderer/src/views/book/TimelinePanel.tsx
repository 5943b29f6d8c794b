// The ladder over time: the draft scored every four weeks over the period range (stage counts or
// ARR per date, with progress and Cancel), and the flow between two of those dates — a matrix of
// from-stage × to-stage whose cells list their accounts — with moves up and down per owner.
import { useEffect, useMemo, useState } from 'react';
import * as Plot from '@observablehq/plot';
import type { FlowAccountRow, TimelinePoint } from '#shared/api/book-contract';
import type { FlowMatrix } from '#shared/book/flow';
import { ApiCallError } from '#shared/api/client';
import { api } from '../../api';
import { PlotFigure } from '../../charts/PlotFigure';
import { stageColors } from '../../charts/stage-colors';
import { useElementWidth } from '../../components/useElementWidth';
import { formatCount, formatDate, formatMoney, formatMoneyCompact } from '../../format';
import { useBookStore } from '../../store/book-store';
import { useModelStore } from '../../store/model-store';
import { messageOf } from '#shared/error-message';

function useTimeline() {
  const draft = useModelStore((s) => s.draft);
  const owner = useBookStore((s) => s.owner);
  const [points, setPoints] = useState<TimelinePoint[] | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [run, setRun] = useState(0);
  useEffect(() => {
    if (!draft) return;
    let live = true;
    setProgress({ done: 0, total: 0 });
    setError(null);
    const timer = setInterval(() => {
      void api.request('book.progress', {}).then((p) => live && p.ok && p.value.running && setProgress(p.value));
    }, 400);
    const start = setTimeout(() => {
      api.call('book.timeline', { pack: draft, ...(owner ? { owner } : {}) }).then(
        (r) => {
          if (!live) return;
          setPoints(r.points);
          setProgress(null);
        },
        (e: unknown) => {
          if (!live) return;
          setProgress(null);
          if (!(e instanceof ApiCallError && e.error.code === 'cancelled')) setError(messageOf(e));
          else setError('Cancelled. The history shows the last complete run.');
        },
      );
    }, 300);
    return () => {
      live = false;
      clearInterval(timer);
      clearTimeout(start);
    };
  }, [draft, owner, run]);
  return { points, progress, error, retry: () => setRun((n) => n + 1) };
}

function FlowView({ from, to }: { from: string; to: string }) {
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

export function TimelinePanel() {
  const { points, progress, error, retry } = useTimeline();
  const draft = useModelStore((s) => s.draft);
  const [measure, setMeasure] = useState<'accounts' | 'arr'>('accounts');
  const [ref, width] = useElementWidth<HTMLDivElement>(720);
  const [dates, setDates] = useState<{ from: string; to: string } | null>(null);
  const colors = useMemo(() => (draft ? stageColors(draft) : new Map<string, string>()), [draft]);
  useEffect(() => {
    if (points && points.length >= 2 && (!dates || !points.some((p) => p.asOf === dates.from)))
      setDates({ from: points[Math.max(0, points.length - 4)]!.asOf, to: points.at(-1)!.asOf });
  }, [points, dates]);
  const options = useMemo((): Plot.PlotOptions | null => {
    if (!points || !draft) return null;
    const rows = points.flatMap((p) => p.stages.map((s) => ({ date: new Date(`${p.asOf}T00:00:00Z`), ...s })));
    const order = draft.ladder.stages.map((s) => s.label);
    return {
      width: Math.max(360, width - 16),
      height: 260,
      marginLeft: 64,
      x: { type: 'band', label: null, tickFormat: (d: Date) => d.toISOString().slice(5, 10) },
      y: {
        label: measure === 'accounts' ? 'Accounts' : 'ARR ($)',
        tickFormat: measure === 'arr' ? '$~s' : ',d',
        grid: true,
      },
      color: {
        domain: order,
        range: draft.ladder.stages.map((s) => colors.get(s.id) ?? '#94a3b8'),
        legend: true,
      },
      marks: [
        Plot.barY(rows, {
          x: 'date',
          y: measure,
          fill: 'label',
          order,
          title: (r: (typeof rows)[number]) =>
            `${r.label} on ${r.date.toISOString().slice(0, 10)}: ${measure === 'accounts' ? formatCount(r.accounts) : formatMoney(r.arr)}`,
        }),
        Plot.ruleY([0]),
      ],
    };
  }, [points, draft, measure, width, colors]);

  return (
    <div className="timeline" ref={ref} data-testid="timeline">
      <div className="heat-controls">
        <label>
          Show{' '}
          <select
            aria-label="Timeline measure"
            value={measure}
            onChange={(e) => setMeasure(e.target.value as 'accounts' | 'arr')}
          >
            <option value="accounts">Accounts</option>
            <option value="arr">ARR</option>
          </select>
        </label>
        {progress && (
          <>
            <progress
              max={Math.max(1, progress.total)}
              value={progress.done}
              aria-label="Scoring each date"
              data-testid="timeline-progress"
            />
            <span className="muted small">
              {progress.total ? `${progress.done} of ${progress.total} dates` : 'Starting…'}
            </span>
            <button onClick={() => void api.request('book.cancel', {})}>Cancel</button>
          </>
        )}
        {!progress && error && (
          <button onClick={retry} title="Score every date again">
            Run again
          </button>
        )}
      </div>
      {error && <p className={progress ? 'muted' : 'banner error'}>{error}</p>}
      {options && <PlotFigure options={options} label="Stages over time" testId="timeline-chart" />}
      {points && points.length >= 2 && dates && (
        <>
          <h2>Flow between two dates</h2>
          <div className="heat-controls">
            {(['from', 'to'] as const).map((end) => (
              <label key={end}>
                {end === 'from' ? 'From' : 'To'}{' '}
                <select
                  aria-label={end === 'from' ? 'Flow from' : 'Flow to'}
                  value={dates[end]}
                  onChange={(e) => setDates({ ...dates, [end]: e.target.value })}
                >
                  {points.map((p) => (
                    <option key={p.asOf} value={p.asOf}>
                      {formatDate(p.asOf)}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          {dates.from < dates.to ? (
            <FlowView from={dates.from} to={dates.to} />
          ) : (
            <p className="muted">Pick a “from” date before the “to” date.</p>
          )}
        </>
      )}
    </div>
  );
}
