// Why one account sits where it does: its explanation under the draft (with the baseline stage),
// its weekly series with spikes marked, and the recommended play and owner.
import { useEffect, useRef, useState } from 'react';
import type { AccountDetail } from '#shared/domain/models';
import type { Explanation } from '#shared/engine/explain';
import { api } from '../../api';
import { engineSession } from '../../engine/engine-session';
import { formatDate, formatMoney } from '../../format';
import { useModelStore } from '../../store/model-store';
import { useWorkbenchUi } from '../../store/workbench-ui-store';
import { AccountSeries } from './AccountSeries';
import { ExplanationTables } from './ExplanationTables';
import { messageOf } from '#shared/error-message';

export function AccountDrawer({ index }: { index: number }) {
  const openAccount = useWorkbenchUi((s) => s.openAccount);
  const snapshot = useModelStore((s) => s.engineRevision);
  const asOf = useModelStore((s) => s.asOf);
  const draft = useModelStore((s) => s.draft);
  const [why, setWhy] = useState<{ draft: Explanation; baseline: Explanation } | null>(null);
  const [detail, setDetail] = useState<AccountDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    Promise.all([
      engineSession.client.send({ op: 'explain', slot: 'draft', index }),
      engineSession.client.send({ op: 'explain', slot: 'baseline', index }),
    ])
      .then(([draft, baseline]) => live && setWhy({ draft, baseline }))
      .catch((e: unknown) => live && setError(String(e)));
    return () => {
      live = false;
    };
  }, [index, snapshot]);

  useEffect(() => {
    if (!why) return;
    let live = true;
    api
      .call('accounts.detail', { accountId: why.draft.accountId, asOf: asOf ?? undefined })
      .then((d) => live && setDetail(d))
      .catch((e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refetch per account, not per explanation object
  }, [why?.draft.accountId, asOf]);

  useEffect(() => {
    // Focus moves into the drawer and, when it closes, back to what opened it (a row, a cell).
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && openAccount(null);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      const back = opener?.isConnected ? opener : document.querySelector<HTMLElement>('[data-row="0"], #view-panel');
      requestAnimationFrame(() => back?.focus());
    };
  }, [openAccount]);

  const owner =
    why?.draft.play?.ownerRole === 'AM' || why?.draft.play?.ownerRole === 'AE' ? detail?.ownerAm : detail?.ownerCsm;
  return (
    <aside
      className="drawer"
      role="dialog"
      aria-modal="false"
      aria-labelledby="drawer-title"
      data-testid="account-drawer"
    >
      <header className="drawer-header">
        <div>
          <h2 id="drawer-title" data-testid="drawer-account" data-account-id={why?.draft.accountId}>
            {detail?.name ?? why?.draft.accountId ?? 'Account'}
          </h2>
          {detail && (
            <p className="muted small">
              {detail.id} · {detail.segment ?? 'No segment'} · {detail.tier ?? 'No tier'} ·{' '}
              {formatMoney(detail.arr ?? 0)} ARR · CSM {detail.ownerCsm ?? '—'}
              {detail.renewalDate ? ` · renews ${formatDate(detail.renewalDate)}` : ''}
            </p>
          )}
        </div>
        <button ref={closeRef} onClick={() => openAccount(null)} aria-label="Close the account details (Escape)">
          Close
        </button>
      </header>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {why && (
        <>
          <div className="drawer-summary" data-testid="drawer-summary">
            <div>
              <span className="muted small">Stage</span>
              <strong data-testid="drawer-stage" data-value={why.draft.stage.id}>
                {why.baseline.stage.id === why.draft.stage.id
                  ? why.draft.stage.label
                  : `${why.baseline.stage.label} → ${why.draft.stage.label}`}
              </strong>
            </div>
            <div>
              <span className="muted small">Score</span>
              <strong data-testid="drawer-score" data-value={why.draft.score}>
                {why.baseline.score === why.draft.score
                  ? formatScore(why.draft.score)
                  : `${formatScore(why.baseline.score)} → ${formatScore(why.draft.score)}`}
              </strong>
            </div>
            <div>
              <span className="muted small">Signals</span>
              <strong>{why.draft.distinctSignals}</strong>
            </div>
          </div>
          {why.draft.stage.id !== why.draft.stageFromScore.id && (
            <p className="note">
              The score alone would place it in <strong>{why.draft.stageFromScore.label}</strong>; the gates and filters
              below moved it.
            </p>
          )}
          {draft && <ExplanationTables why={why.draft} pack={draft} />}
          <WhitespaceSection why={why.draft} />
          {why.draft.play && (
            <section className="play" aria-labelledby="play-title">
              <h3 id="play-title">
                Recommended play: {why.draft.play.label} — owner {why.draft.play.ownerRole}
                {owner ? ` (${owner})` : ''}
              </h3>
              <ol>
                {why.draft.play.outline.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ol>
            </section>
          )}
        </>
      )}
      {detail && <AccountSeries detail={detail} />}
    </aside>
  );
}

/** Whitespace: what the account could pay beyond today's ARR, and how the model reached it. */
function WhitespaceSection({ why }: { why: Explanation }) {
  const w = why.whitespace;
  const fmt = (v: number | null, money: boolean) =>
    v === null ? 'unknown' : money ? formatMoney(v) : v.toLocaleString('en-US', { maximumFractionDigits: 1 });
  return (
    <section className="whitespace" aria-labelledby="whitespace-title" data-testid="drawer-whitespace">
      <h3 id="whitespace-title">
        Whitespace <strong data-value={w.whitespace ?? ''}>{fmt(w.whitespace, true)}</strong>
      </h3>
      <p className="muted small">
        Potential seats {fmt(w.seats, false)} ({w.seatsExpr}) · potential ARR {fmt(w.arr, true)} ({w.arrExpr}) —{' '}
        {w.source === 'pack' ? 'the model’s potential' : 'the default potential'}; whitespace = max(0, potential ARR −
        ARR).
        {w.whitespace === null ? ' An input is missing for this account, so its whitespace is unknown.' : ''}
      </p>
    </section>
  );
}

export const formatScore = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
