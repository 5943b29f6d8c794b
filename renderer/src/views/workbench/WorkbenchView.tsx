// Where the analyst works: the model editor on the left; on the right, baseline beside draft in
// every view, answering each edit at once (scoring runs in the engine worker).
import { useEffect, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { isDirty, useModelStore } from '../../store/model-store';
import { useWorkbenchUi, workbenchTabs, type WorkbenchTab } from '../../store/workbench-ui-store';
import { EditorPanel } from './editor/EditorPanel';
import { WorkbenchViews } from './WorkbenchViews';
import { StartPanel } from './StartPanel';
import { SaveDialog } from './SaveDialog';
import { VersionsDialog } from './VersionsDialog';
import { AccountDrawer } from './AccountDrawer';
import { WorkbenchExport } from './WorkbenchExport';
import { AccountsInScope } from '../../components/AccountsInScope';

function useUndoShortcuts() {
  const undo = useModelStore((s) => s.undo);
  const redo = useModelStore((s) => s.redo);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const target = e.target as HTMLElement | null;
      // Let text fields keep their own undo while typing.
      if (
        target &&
        (target.tagName === 'TEXTAREA' ||
          (target.tagName === 'INPUT' && ['text', 'search'].includes((target as HTMLInputElement).type)))
      )
        return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);
}

/** The tab list's keys (WAI-ARIA tabs): arrows move to the previous or next tab, Home and End to the ends. */
function onTabKey(
  event: ReactKeyboardEvent<HTMLButtonElement>,
  current: WorkbenchTab,
  select: (tab: WorkbenchTab) => void,
) {
  const ids = workbenchTabs.map((t) => t.id);
  const at = ids.indexOf(current);
  const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: ids.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  const tab = ids[(next + ids.length) % ids.length]!;
  select(tab);
  document.getElementById(`tab-${tab}`)?.focus();
}

function useUnsavedGuard(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
}

export function WorkbenchView() {
  // Subscribe to what the header needs, not the whole store: a slider drag must not re-render
  // every panel for every intermediate value.
  const store = useModelStore(
    useShallow((s) => ({
      status: s.status,
      draft: s.draft,
      baseline: s.baseline,
      source: s.source,
      error: s.error,
      accounts: s.accounts,
      asOf: s.asOf,
      lastUpdateMs: s.lastUpdateMs,
      canUndo: s.past.length > 0,
      canRedo: s.future.length > 0,
      invalid: s.issues.length > 0,
      undo: s.undo,
      redo: s.redo,
      discardChanges: s.discardChanges,
      dismissError: s.dismissError,
    })),
  );
  const ui = useWorkbenchUi(
    useShallow((s) => ({
      tab: s.tab,
      measure: s.measure,
      drawer: s.drawer,
      setTab: s.setTab,
      setMeasure: s.setMeasure,
    })),
  );
  const [dialog, setDialog] = useState<'save' | 'versions' | 'start' | 'export' | null>(null);
  const dirty = isDirty(store);
  useUndoShortcuts();
  useUnsavedGuard(dirty);

  if (store.status === 'empty' || !store.draft || dialog === 'start') {
    return <StartPanel onStarted={() => setDialog(null)} onCancel={store.draft ? () => setDialog(null) : undefined} />;
  }
  const source = store.source;
  const title =
    source?.kind === 'version'
      ? `${source.modelName} · v${source.version}`
      : source?.kind === 'columns'
        ? source.name
        : `${source?.name ?? 'Model'} (preset)`;
  return (
    <section className="workbench" aria-labelledby="workbench-title">
      <header className="workbench-header">
        <div className="title-block">
          <h1 id="workbench-title">
            {title}
            {dirty && (
              <span
                className="badge modified"
                title="The draft differs from the baseline; save it as a version to keep it"
              >
                modified
              </span>
            )}
          </h1>
          <p className="muted small" data-testid="workbench-status">
            <AccountsInScope total={store.accounts} /> as of {store.asOf} · baseline:{' '}
            {source?.kind === 'version'
              ? `v${source.version}`
              : source?.kind === 'columns'
                ? 'the model as built from your columns'
                : 'the preset as loaded'}
            {store.lastUpdateMs !== null
              ? ` · scored in ${store.lastUpdateMs < 1 ? '<1' : Math.round(store.lastUpdateMs)} ms`
              : ''}
          </p>
        </div>
        <div className="toolbar" role="toolbar" aria-label="Model actions">
          <button onClick={store.undo} disabled={!store.canUndo} title="Undo (Ctrl+Z)" aria-keyshortcuts="Control+Z">
            Undo
          </button>
          <button
            onClick={store.redo}
            disabled={!store.canRedo}
            title="Redo (Ctrl+Shift+Z)"
            aria-keyshortcuts="Control+Shift+Z"
          >
            Redo
          </button>
          <button
            onClick={store.discardChanges}
            disabled={!dirty}
            title="Go back to the baseline (undo brings the changes back)"
          >
            Discard changes
          </button>
          <button onClick={() => setDialog('start')} title="Start from a preset or a saved version">
            Start from…
          </button>
          <button onClick={() => setDialog('versions')} title="Saved versions: open, revert, compare">
            Versions
          </button>
          <button
            onClick={() => setDialog('export')}
            disabled={store.invalid}
            title="Export the draft: rule pack, SQL, JSON Logic, JS, features, or the scored accounts of the current view"
          >
            Export…
          </button>
          <button
            className="primary"
            onClick={() => setDialog('save')}
            disabled={store.invalid}
            title="Save the draft as a new version (it becomes the baseline)"
          >
            Save version…
          </button>
        </div>
      </header>
      {store.error && (
        <div className="banner error" role="alert">
          <span>{store.error}</span>
          <button className="link" onClick={store.dismissError}>
            Dismiss
          </button>
        </div>
      )}
      <div className="workbench-body">
        <EditorPanel pack={store.draft} />
        <div className="views">
          <div className="tabs" role="tablist" aria-label="Views">
            {workbenchTabs.map((t) => (
              <button
                key={t.id}
                role="tab"
                id={`tab-${t.id}`}
                aria-selected={ui.tab === t.id}
                aria-controls="view-panel"
                tabIndex={ui.tab === t.id ? 0 : -1}
                className={ui.tab === t.id ? 'tab active' : 'tab'}
                onClick={() => ui.setTab(t.id)}
                onKeyDown={(e) => onTabKey(e, ui.tab, ui.setTab)}
              >
                {t.label}
              </button>
            ))}
            <span className="spacer" />
            <label className="measure muted small" title="Count accounts or sum their ARR in the charts">
              Show{' '}
              <select
                value={ui.measure}
                onChange={(e) => ui.setMeasure(e.target.value as 'accounts' | 'arr')}
                aria-label="Chart measure"
              >
                <option value="accounts">Accounts</option>
                <option value="arr">ARR</option>
              </select>
            </label>
          </div>
          <div id="view-panel" role="tabpanel" aria-labelledby={`tab-${ui.tab}`} className="view-panel">
            <WorkbenchViews />
          </div>
        </div>
      </div>
      {ui.drawer !== null && <AccountDrawer index={ui.drawer} />}
      {dialog === 'save' && <SaveDialog onClose={() => setDialog(null)} />}
      {dialog === 'versions' && <VersionsDialog onClose={() => setDialog(null)} />}
      {dialog === 'export' && <WorkbenchExport onClose={() => setDialog(null)} />}
    </section>
  );
}
