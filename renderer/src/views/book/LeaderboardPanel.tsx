// The owner leaderboard: per CSM, Ready accounts and ARR, whitespace, and stale Ready accounts
// (Ready for N weeks with no expansion opportunity opened). Scored by the backend with the draft
// (recomputed shortly after an edit); an owner's name switches "my book" to them.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { api } from '../../api';
import { useDebouncedCall } from '../../components/useDebouncedCall';
import { formatCount, formatDate, formatMoneyCompact } from '../../format';
import { useBookStore } from '../../store/book-store';
import { useModelStore } from '../../store/model-store';

const weekChoices = [4, 8, 12, 26];

export function LeaderboardPanel() {
  const { draft, asOf } = useModelStore(useShallow((s) => ({ draft: s.draft, asOf: s.asOf })));
  const { owner, setOwner } = useBookStore(useShallow((s) => ({ owner: s.owner, setOwner: s.setOwner })));
  const [weeks, setWeeks] = useState(8);
  const {
    value: state,
    error,
    loading,
  } = useDebouncedCall(
    draft && asOf ? () => api.call('book.leaderboard', { pack: draft, asOf, staleWeeks: weeks }) : null,
    [draft, asOf, weeks],
  );

  const top = draft?.ladder.stages.at(-1)?.label ?? 'Ready';
  return (
    <div className="leaderboard" data-testid="leaderboard">
      <div className="heat-controls">
        <label title={`Stale: ${top} now and already ${top} this many weeks ago, with no expansion opened since`}>
          Stale after{' '}
          <select aria-label="Stale after" value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
            {weekChoices.map((w) => (
              <option key={w} value={w}>
                {w} weeks
              </option>
            ))}
          </select>
        </label>
        {loading && <span className="muted small">Scoring…</span>}
      </div>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      {state && (
        <table className="data-table" aria-label="Owner leaderboard">
          <caption className="muted small">
            {top} accounts per CSM as of {formatDate(asOf ?? '')}; stale: {top} since {formatDate(state.since)} or
            earlier, and no expansion opportunity opened since. Select a name to make it your book.
          </caption>
          <thead>
            <tr>
              <th scope="col">CSM</th>
              <th scope="col" className="num">
                Accounts
              </th>
              <th scope="col" className="num">
                ARR
              </th>
              <th scope="col" className="num">
                {top}
              </th>
              <th scope="col" className="num">
                {top} ARR
              </th>
              <th scope="col" className="num">
                Whitespace
              </th>
              <th scope="col" className="num">
                Stale {top}
              </th>
              <th scope="col" className="num">
                New {top}
              </th>
            </tr>
          </thead>
          <tbody>
            {state.rows.map((r) => (
              <tr key={r.owner} className={r.owner === owner ? 'mine' : undefined} data-owner={r.owner}>
                <th scope="row">
                  <button
                    className="link"
                    onClick={() => void setOwner(r.owner === owner ? null : r.owner)}
                    title={r.owner === owner ? 'Back to the whole book' : `Make ${r.owner}'s accounts my book`}
                  >
                    {r.owner}
                  </button>
                  {r.owner === owner && <span className="badge">my book</span>}
                </th>
                <td className="num">{formatCount(r.accounts)}</td>
                <td className="num">{formatMoneyCompact(r.arr)}</td>
                <td className="num" data-testid={`ready-${r.owner}`}>
                  {formatCount(r.ready)}
                </td>
                <td className="num">{formatMoneyCompact(r.readyArr)}</td>
                <td className="num">{formatMoneyCompact(r.whitespace)}</td>
                <td className={r.stale > 0 ? 'num warn' : 'num'} data-testid={`stale-${r.owner}`}>
                  {formatCount(r.stale)}
                </td>
                <td className="num">{formatCount(r.newReady)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
