// The live heatmap of the draft model: computed in the engine worker from its class × dimension
// table, so it follows every what-if edit; in Δ mode the backend scores the same draft as of the
// earlier date and the panel shows the change. A cell, row or column opens its accounts.
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Heatmap } from '#shared/book/heatmap';
import { measureInfo } from '#shared/book/fields';
import { heatmapCsv } from '#shared/book/heatmap-table';
import { api } from '../../api';
import { HeatmapGrid } from '../../charts/HeatmapGrid';
import { engineSession } from '../../engine/engine-session';
import { formatCount, formatDate } from '../../format';
import { useBookStore } from '../../store/book-store';
import { useModelStore } from '../../store/model-store';
import { useNav } from '../../store/nav-store';
import { useWorkbenchUi } from '../../store/workbench-ui-store';
import { downloadFile } from '../export/download';
import { HeatmapControls } from './HeatmapControls';
import { cellFilter } from './heatmap-filter';
import { useTheme } from './useTheme';
import { messageOf } from '#shared/error-message';

/** The draft's heatmap from the worker, refreshed after every scored edit. */
function useLiveHeatmap(): { heatmap: Heatmap | null; error: string | null; ms: number | null } {
  const { status, revision, asOf } = useModelStore(
    useShallow((s) => ({ status: s.status, revision: s.engineRevision, asOf: s.asOf })),
  );
  const spec = useBookStore((s) => s.spec);
  const owner = useBookStore((s) => s.owner);
  const [state, setState] = useState<{ heatmap: Heatmap | null; error: string | null; ms: number | null }>({
    heatmap: null,
    error: null,
    ms: null,
  });
  const latest = useRef(0);
  useEffect(() => {
    if (status !== 'ready' || !asOf) return;
    const ticket = ++latest.current;
    const request = { spec: { rows: spec.rows, cols: spec.cols, measure: spec.measure, topN: spec.topN } };
    void (async () => {
      try {
        const held = engineSession.bookColumns;
        if (!held || held.asOf !== asOf || held.days !== spec.days) await engineSession.loadBookColumns(spec.days, []);
        let reply = await engineSession.client.send({ op: 'heatmap', slot: 'draft', request });
        if (reply.status === 'needs-columns') {
          await engineSession.loadBookColumns(spec.days, reply.fields);
          reply = await engineSession.client.send({ op: 'heatmap', slot: 'draft', request });
        }
        if (ticket !== latest.current) return;
        if (reply.status === 'ok') setState({ heatmap: reply.heatmap, error: null, ms: reply.ms });
        else setState((s) => ({ ...s, error: `Could not load ${reply.fields.join(', ')}.` }));
      } catch (error) {
        // Opening another model empties the worker's slots for a moment; the next scores answer.
        if (ticket === latest.current && !/No model is loaded/.test(messageOf(error)))
          setState((s) => ({ ...s, error: messageOf(error) }));
      }
    })();
  }, [status, revision, asOf, spec, owner]);
  return state;
}

/** Δ mode: the backend's comparison of the draft now and at the earlier date (debounced while editing). */
function useDeltaHeatmap(): { delta: Heatmap | null; error: string | null; loading: boolean } {
  const { draft, asOf } = useModelStore(useShallow((s) => ({ draft: s.draft, asOf: s.asOf })));
  const { spec, owner, compare } = useBookStore(
    useShallow((s) => ({ spec: s.spec, owner: s.owner, compare: s.compare })),
  );
  const [state, setState] = useState<{ delta: Heatmap | null; error: string | null; loading: boolean }>({
    delta: null,
    error: null,
    loading: false,
  });
  useEffect(() => {
    if (!compare || !draft || !asOf) return setState({ delta: null, error: null, loading: false });
    if (compare >= asOf)
      return setState({
        delta: null,
        error: `Pick a date before ${formatDate(asOf)} to compare with.`,
        loading: false,
      });
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      api
        .call('book.heatmap', {
          pack: draft,
          rows: spec.rows,
          ...(spec.cols ? { cols: spec.cols } : {}),
          measure: spec.measure,
          topN: spec.topN,
          days: spec.days,
          asOf,
          compare,
          ...(owner ? { owner } : {}),
        })
        .then(
          (delta) => live && setState({ delta, error: null, loading: false }),
          (e: unknown) => live && setState({ delta: null, error: messageOf(e), loading: false }),
        );
    }, 350);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [draft, asOf, spec, owner, compare]);
  return state;
}

export function HeatmapPanel() {
  const live = useLiveHeatmap();
  const delta = useDeltaHeatmap();
  const { compare, owner, spec } = useBookStore(
    useShallow((s) => ({ compare: s.compare, owner: s.owner, spec: s.spec })),
  );
  const asOf = useModelStore((s) => s.asOf);
  const packName = useModelStore((s) => s.draft?.name ?? 'model');
  const showAccounts = useWorkbenchUi((s) => s.showAccounts);
  const setView = useNav((s) => s.setView);
  const theme = useTheme();
  const inDelta = compare !== null;
  const shown = inDelta ? delta.delta : live.heatmap;
  const error = inDelta ? delta.error : live.error;
  const label = measureInfo[spec.measure].label;

  const open = (row: number | null, col: number | null) => {
    if (!live.heatmap) return;
    showAccounts(cellFilter(live.heatmap, row, col));
    setView('workbench');
  };
  const download = () => {
    if (!shown) return;
    const name = `${packName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${spec.measure}-by-${spec.rows}${spec.cols ? `-${spec.cols}` : ''}${inDelta ? `-since-${compare}` : ''}.csv`;
    downloadFile({
      fileName: name,
      mime: 'text/csv',
      encoding: 'utf8',
      content: heatmapCsv(shown),
    });
  };

  return (
    <div className="heatmap-panel" data-testid="heatmap-panel">
      <HeatmapControls asOf={asOf} onDownload={shown ? download : undefined} />
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      {!shown && !error && (
        <p className="muted">{inDelta && delta.loading ? 'Comparing the two dates…' : 'Summing the book…'}</p>
      )}
      {shown && (
        <>
          <p className="muted small" data-testid="heatmap-caption" aria-live="polite">
            {inDelta
              ? `${label}: change from ${formatDate(compare!)} to ${formatDate(asOf ?? '')}${delta.loading ? ' (updating…)' : ''}.`
              : `${label} as of ${formatDate(asOf ?? '')}.`}{' '}
            {owner ? `${owner}'s book: ` : ''}
            {formatCount(shown.accounts)} accounts.
            {!inDelta && live.ms !== null ? ` Summed in ${live.ms < 1 ? '<1' : Math.round(live.ms)} ms.` : ''}
            {spec.measure === 'whitespace' && shown.whitespaceUnknown > 0
              ? ` ${formatCount(shown.whitespaceUnknown)} accounts lack the inputs of the whitespace and count for nothing.`
              : ''}
          </p>
          <HeatmapGrid
            heatmap={shown}
            delta={inDelta}
            theme={theme}
            measureLabel={label}
            onCell={inDelta ? undefined : (i, j) => open(i, j)}
            onRow={inDelta ? undefined : (i) => open(i, null)}
            onCol={inDelta || !shown.colField ? undefined : (j) => open(null, j)}
          />
          <p className="muted small">
            {inDelta
              ? 'A change has no accounts of its own: turn Δ off to open a cell’s accounts today.'
              : 'Select a cell, a row or a column to see its accounts; export them from there.'}
          </p>
        </>
      )}
    </div>
  );
}
