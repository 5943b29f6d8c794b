import { useCallback, useEffect, useState } from 'react';
import { useWorkspaceStore } from './store/workspace-store';
import { OverviewView } from './views/OverviewView';
import { ImportView } from './views/import/ImportView';
import { EmptyState } from './views/EmptyState';
import { WorkspacePathDialog } from './components/WorkspacePathDialog';
import { Sidebar } from './components/Sidebar';
import { views, type ViewId } from './nav';
import { WorkbenchView } from './views/workbench/WorkbenchView';
import { ExportView } from './views/export/ExportView';
import { useNav } from './store/nav-store';
import { useBookStore } from './store/book-store';
import { BookView } from './views/book/BookView';
import { MyBookSelect } from './components/MyBookSelect';

function useGlobalShortcuts(openWorkspace: () => void, setView: (view: ViewId) => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'o') {
        event.preventDefault();
        openWorkspace();
        return;
      }
      const target = views.find((v) => v.shortcut === event.key);
      if (target && event.altKey && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        setView(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openWorkspace, setView]);
}

const hasAccountsNow = (overview: { accounts: number } | null) => (overview?.accounts ?? 0) > 0;

/** Data changed by another program (a scripted `ladder import`) shows up when the window is used again. */
function useRefreshOnFocus(refresh: () => Promise<void>) {
  useEffect(() => {
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [refresh]);
}

export function App() {
  const store = useWorkspaceStore();
  const { load, refresh, chooseAndOpen, chooseAndCreate, loadRecent } = store;
  const [dialog, setDialog] = useState<'open' | 'new' | null>(null);
  const { view, setView } = useNav();

  useEffect(() => {
    void load();
  }, [load]);
  useRefreshOnFocus(refresh);

  const openWorkspace = useCallback(async () => {
    if ((await chooseAndOpen()) === 'unsupported') {
      await loadRecent();
      setDialog('open');
    }
  }, [chooseAndOpen, loadRecent]);
  const newWorkspace = useCallback(async () => {
    if ((await chooseAndCreate()) === 'unsupported') setDialog('new');
  }, [chooseAndCreate]);

  useGlobalShortcuts(() => void openWorkspace(), setView);

  // My book belongs to the workspace: load its remembered owner (and fields) whenever another opens.
  // (A switch resets the book store, so reopening the same file loads it again too.)
  const openBook = useBookStore((s) => s.open);
  const bookWorkspace = useBookStore((s) => s.workspace);
  const workspacePath = store.workspace?.path ?? null;
  useEffect(() => {
    if (workspacePath && bookWorkspace !== workspacePath && hasAccountsNow(store.overview))
      void openBook(workspacePath);
  }, [workspacePath, bookWorkspace, store.overview?.accounts, openBook]); // eslint-disable-line react-hooks/exhaustive-deps

  const ready = store.state === 'ready';
  const hasAccounts = (store.overview?.accounts ?? 0) > 0;
  const emptyState = (context: 'overview' | 'model' | 'book') => (
    <EmptyState
      context={context}
      workspaceName={store.workspace?.name ?? null}
      busy={store.busy !== null}
      onImport={() => setView('import')}
      onCreateDemo={() => void store.openDemo()}
      onNew={() => void newWorkspace()}
      onOpen={() => void openWorkspace()}
    />
  );
  const content = (() => {
    if (store.state === 'loading') return <p className="muted">Loading the workspace…</p>;
    if (!ready) return null;
    switch (view) {
      case 'overview':
        return store.overview && hasAccounts ? <OverviewView overview={store.overview} /> : emptyState('overview');
      case 'import':
        return store.workspace ? <ImportView /> : emptyState('overview');
      case 'workbench':
        return hasAccounts ? <WorkbenchView /> : emptyState('model');
      case 'export':
        return <ExportView />;
      case 'book':
        return hasAccounts ? <BookView /> : emptyState('book');
    }
  })();

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand" aria-label="Ladder">
          Ladder
        </span>
        <span className="workspace-name" title={store.workspace?.path} data-testid="workspace-name">
          {store.workspace?.name ?? 'No workspace'}
        </span>
        <span className="spacer" />
        {hasAccounts && <MyBookSelect />}
        <button onClick={() => void newWorkspace()} title="Create an empty workspace file">
          New workspace…
        </button>
        <button
          onClick={() => void openWorkspace()}
          title="Open another workspace file (Ctrl+O)"
          aria-keyshortcuts="Control+O"
        >
          Open workspace…
        </button>
      </header>
      <div className="body">
        <Sidebar current={view} onSelect={setView} />
        <main
          className={view === 'workbench' || view === 'book' ? 'content wide' : 'content'}
          aria-busy={store.state === 'loading' || store.busy !== null}
        >
          {store.busy && (
            <p className="banner" role="status">
              {store.busy}
            </p>
          )}
          {store.error && !dialog && (
            <div className="banner error" role="alert">
              <span>{store.error}</span>
              <button className="link" onClick={store.dismissError}>
                Dismiss
              </button>
            </div>
          )}
          {/* Keyed by the workspace: a switch unmounts every view, so no component keeps the old one's state. */}
          <div className="view-root" key={store.workspace?.path ?? ''}>
            {content}
          </div>
        </main>
      </div>
      {dialog && (
        <WorkspacePathDialog
          mode={dialog}
          recent={store.recent}
          {...(dialog === 'new' ? { initialPath: store.suggestedPath } : {})}
          error={store.error}
          busy={store.busy !== null}
          onClose={() => {
            store.dismissError();
            setDialog(null);
          }}
          onSubmit={async (path) => {
            const done = dialog === 'new' ? await store.createAt(path) : await store.openPath(path);
            if (done) setDialog(null);
          }}
        />
      )}
    </div>
  );
}
