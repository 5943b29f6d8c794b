// The validation report of an outcomes import: per type, whether it counts as an expansion (the
// user decides the unknown ones here) and how its rows came out (won, lost, open); per stage, what
// it was read as. A change re-checks every row. The two word lists can be edited too.
import { useState } from 'react';
import type { OutcomeState } from '#shared/import/outcome-words';
import type { OutcomeSummary, OutcomeTypeRow } from '#shared/import/report';
import { formatCount } from '../../format';
import { useImportStore } from './import-store';

const expansionValue = (t: OutcomeTypeRow) => (t.expansion === true ? 'yes' : t.expansion === false ? 'no' : '');
const byText: Record<OutcomeTypeRow['by'], string> = {
  flag: 'the expansion column',
  'your mapping': 'your choice',
  words: 'the word lists',
  subscriptions: 'consecutive subscriptions',
  none: 'unknown: choose',
};

function WordLists() {
  const { outcomeWordsInForce, setOutcomeWords } = useImportStore();
  const [expansion, setExpansion] = useState(outcomeWordsInForce().expansion.join(', '));
  const [notExpansion, setNot] = useState(outcomeWordsInForce().notExpansion.join(', '));
  const list = (text: string) =>
    text
      .split(/[,\n]/)
      .map((w) => w.trim())
      .filter((w) => w !== '');
  return (
    <details className="outcome-words">
      <summary>Word lists</summary>
      <label>
        Expansion words
        <textarea value={expansion} rows={3} onChange={(e) => setExpansion(e.target.value)} />
      </label>
      <label>
        Not-expansion words
        <textarea value={notExpansion} rows={3} onChange={(e) => setNot(e.target.value)} />
      </label>
      <div className="actions">
        <button
          onClick={() => void setOutcomeWords({ expansion: list(expansion), notExpansion: list(notExpansion) }, false)}
        >
          Apply to this file
        </button>
        <button
          onClick={() => void setOutcomeWords({ expansion: list(expansion), notExpansion: list(notExpansion) }, true)}
        >
          Apply and keep for this workspace
        </button>
      </div>
    </details>
  );
}

export function OutcomeTable({ summary }: { summary: OutcomeSummary }) {
  const { classifyType, classifyStage, activity } = useImportStore();
  const busy = activity !== null;
  const t = summary.totals;
  return (
    <section className="outcome-report" data-testid="outcome-report">
      <h3>Outcomes</h3>
      <p className="small">
        Read as <strong>{summary.source}</strong> ({summary.sourceReason}): {formatCount(t.won)} won,{' '}
        {formatCount(t.lost)} lost, {formatCount(t.open)} open
        {t.unknown > 0 ? `, ${formatCount(t.unknown)} unknown` : ''}.
        {summary.upgrades > 0 ? ` ${formatCount(summary.upgrades)} upgrades between consecutive subscriptions.` : ''}
      </p>
      <div className="table-scroll">
        <table className="report-table" data-testid="outcome-types">
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">Expansion?</th>
              <th scope="col">Decided by</th>
              <th scope="col" className="num">
                Won
              </th>
              <th scope="col" className="num">
                Lost
              </th>
              <th scope="col" className="num">
                Open
              </th>
              <th scope="col" className="num">
                Unknown
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.types.map((row) => (
              <tr key={row.type ?? ''} className={row.by === 'none' && row.type !== null ? 'needs-choice' : undefined}>
                <th scope="row">{row.type ?? <span className="muted">(no type)</span>}</th>
                <td>
                  {row.type === null || row.by === 'flag' ? (
                    <span className="muted">{row.type === null ? '' : 'from the column'}</span>
                  ) : (
                    <select
                      aria-label={`Expansion for ${row.type}`}
                      value={expansionValue(row)}
                      disabled={busy}
                      onChange={(e) =>
                        void classifyType(
                          row.type!,
                          e.target.value === 'yes' ? true : e.target.value === 'no' ? false : null,
                        )
                      }
                    >
                      <option value="">Unknown</option>
                      <option value="yes">Expansion</option>
                      <option value="no">Not an expansion</option>
                    </select>
                  )}
                </td>
                <td className="small">
                  {byText[row.by]}
                  {row.word ? ` ("${row.word}")` : ''}
                </td>
                <td className="num">{formatCount(row.won)}</td>
                <td className="num">{formatCount(row.lost)}</td>
                <td className="num">{formatCount(row.open)}</td>
                <td className="num">{row.unknown > 0 ? formatCount(row.unknown) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {summary.stages.length > 0 && (
        <div className="table-scroll">
          <table className="report-table" data-testid="outcome-stages">
            <thead>
              <tr>
                <th scope="col">Stage / status</th>
                <th scope="col">Read as</th>
                <th scope="col" className="num">
                  Rows
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.stages.map((s) => (
                <tr key={s.stage}>
                  <th scope="row">{s.stage}</th>
                  <td>
                    <select
                      aria-label={`State of ${s.stage}`}
                      value={s.state}
                      disabled={busy}
                      onChange={(e) => void classifyStage(s.stage, e.target.value as OutcomeState)}
                    >
                      <option value="won">won</option>
                      <option value="lost">lost</option>
                      <option value="open">open</option>
                    </select>
                  </td>
                  <td className="num">{formatCount(s.rows)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <WordLists />
    </section>
  );
}
