// Compare two versions: what changed in the pack, and which accounts moved (with their ARR).
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RulePackInput } from '#shared/pack/schema';
import type { AccountRow } from '#shared/workbench/queries';
import { diffPacks } from '#shared/workbench/diff';
import { engineSession } from '../../engine/engine-session';
import type { Snapshot } from '../../engine/protocol';
import { formatCount, formatMoney } from '../../format';
import { MoversView } from './charts/MoversView';
import { messageOf } from '#shared/error-message';

export interface CompareSide {
  label: string;
  pack: RulePackInput;
}

export function CompareDialog({ a, b, onClose }: { a: CompareSide; b: CompareSide; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [cell, setCell] = useState<{ from: string; to: string; rows: AccountRow[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const changes = useMemo(() => diffPacks(a.pack, b.pack), [a, b]);
  useEffect(() => {
    const d = dialog.current;
    d?.showModal();
    return () => d?.close();
  }, []);
  useEffect(() => {
    let live = true;
    (async () => {
      await engineSession.update('compare_a', a.pack, '');
      await engineSession.update('compare_b', b.pack, 'compare_a');
      const snap = await engineSession.client.send({ op: 'snapshot', baseline: 'compare_a', draft: 'compare_b' });
      if (live) setSnapshot(snap);
    })().catch((e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, [a, b]);
  const openCell = async (from: string, to: string) => {
    const page = await engineSession.client.send({
      op: 'query',
      baseline: 'compare_a',
      draft: 'compare_b',
      query: { baselineStage: from, stage: to, sort: 'arr', descending: true, offset: 0, limit: 50 },
    });
    setCell({ from, to, rows: page.rows, total: page.total });
  };
  const label = (pack: RulePackInput, id: string) => pack.ladder.stages.find((s) => s.id === id)?.label ?? id;
  return (
    <dialog
      ref={dialog}
      className="dialog wide"
      aria-labelledby="compare-title"
      onCancel={onClose}
      data-testid="compare-dialog"
    >
      <h2 id="compare-title">
        {a.label} → {b.label}
      </h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <h3>What changed in the model</h3>
      {changes.length === 0 ? (
        <p className="muted">The two versions are identical.</p>
      ) : (
        <ul className="changes" data-testid="compare-changes">
          {changes.map((c) => (
            <li key={`${c.area}:${c.id}`}>
              <strong>
                {c.area} “{c.label}”
              </strong>{' '}
              {c.change}
              {c.details.length > 0 && <span className="muted small"> — {c.details.join('; ')}</span>}
            </li>
          ))}
        </ul>
      )}
      <h3>Accounts that move</h3>
      {snapshot ? (
        <MoversView
          movers={snapshot.movers}
          fromLabel={a.label}
          toLabel={b.label}
          onCell={(f, t) => void openCell(f, t)}
        />
      ) : (
        <p className="muted">Scoring both versions…</p>
      )}
      {cell && (
        <div data-testid="compare-cell">
          <h3>
            {label(a.pack, cell.from)} → {label(b.pack, cell.to)}: {formatCount(cell.total)} accounts
            {cell.total > cell.rows.length ? ` (largest ${cell.rows.length} by ARR)` : ''}
          </h3>
          <ul className="cell-list">
            {cell.rows.map((r) => (
              <li key={r.id}>
                {r.name}{' '}
                <span className="muted small">
                  {r.segment} · {formatMoney(r.arr)} · score {r.baseline.score} → {r.draft.score}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="actions">
        <button className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
