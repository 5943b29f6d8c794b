import { useCallback, useEffect, useRef, useState } from 'react';
import { useWorkspaceStore } from './store/workspace-store';
import { OverviewView } from './views/OverviewView';
import { ImportView } from './views/import/ImportView';
import { EmptyState } from './views/EmptyState';
import { OpenWorkspaceDialog } from './components/OpenWorkspaceDialog';
import { Sidebar } from './components/Sidebar';
import { views, type ViewId } from './nav';
import { WorkbenchView } from './views/workbench/WorkbenchView';
import { ExportView } from './views/export/ExportView';
import { useModelStore } from './store/model-store';
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

export function App() {
  const store = useWorkspaceStore();
  const { load, chooseAndOpen, loadRecent } = store;
  const [dialogOpen, setDialogOpen] = useState(false);
  const { view, setView } = useNav();

  useEffect(() => {
    void load();
  }, [load]);

  const openWorkspace = useCallback(async () => {
    const outcome = await chooseAndOpen();
    if (outcome === 'unsupported') {
      await loadRecent();
      setDialogOpen(true);
    }
  }, [chooseAndOpen, loadRecent]);

  // Scores must follow the data: another workspace, or an import into this one, reloads features.
  const dataKey = `${store.workspace?.path}|${store.overview?.lastImport?.id ?? 0}|${store.overview?.lastImport?.undone ?? false}|${store.overview?.accounts ?? 0}`;
  const reloadModelData = useModelStore((s) => s.reloadData);
  const firstDataKey = useRef(dataKey);
  useEffect(() => {
    if (dataKey === firstDataKey.current) return;
    firstDataKey.current = dataKey;
    void reloadModelData();
  }, [dataKey, reloadModelData]);

  useGlobalShortcuts(() => void openWorkspace(), setView);

  // My book belongs to the workspace: load its remembered owner (and fields) whenever another opens.
  const openBook = useBookStore((s) => s.open);
  const workspacePath = store.workspace?.path ?? null;
  useEffect(() => {
    if (workspacePath && hasAccountsNow(store.overview)) void openBook(workspacePath);
  }, [workspacePath, store.overview?.accounts, openBook]); // eslint-disable-line react-hooks/exhaustive-deps

  const ready = store.state === 'ready';
  const hasAccounts = (store.overview?.accounts ?? 0) > 0;
  const content = (() => {
    if (store.state === 'loading') return <p className="muted">Loading the workspace…</p>;
    if (!ready) return null;
    switch (view) {
      case 'overview':
        return store.overview && hasAccounts ? (
          <OverviewView overview={store.overview} />
        ) : (
          <EmptyState
            workspaceName={store.workspace?.name ?? null}
            busy={store.busy !== null}
            onCreateDemo={() => void store.createDemo()}
            onOpen={() => void openWorkspace()}
          />
        );
      case 'import':
        return <ImportView onImported={() => void load()} />;
      case 'workbench':
        return hasAccounts ? (
          <WorkbenchView />
        ) : (
          <p className="muted empty-note">Open a workspace with accounts (or create the demo) to design a model.</p>
        );
      case 'export':
        return <ExportView />;
      case 'book':
        return hasAccounts ? (
          <BookView />
        ) : (
          <p className="muted empty-note">
            Open a workspace with accounts (or create the demo) to see the book of business.
          </p>
        );
    }
  })();

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand" aria-label="Ladder">
          Ladder
        </span>
        <span className="workspace-name" title={store.workspace?.path}>
          {store.workspace?.name ?? 'No workspace'}
        </span>
        <span className="spacer" />
        {hasAccounts && <MyBookSelect />}
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
          {store.error && !dialogOpen && (
            <div className="banner error" role="alert">
              <span>{store.error}</span>
              <button className="link" onClick={store.dismissError}>
                Dismiss
              </button>
            </div>
          )}
          {content}
        </main>
      </div>
      {dialogOpen && (
        <OpenWorkspaceDialog
          recent={store.recent}
          error={store.error}
          busy={store.busy !== null}
          onClose={() => {
            store.dismissError();
            setDialogOpen(false);
          }}
          onOpen={async (path) => {
            if (await store.openPath(path)) setDialogOpen(false);
          }}
        />
      )}
    </div>
  );
}
