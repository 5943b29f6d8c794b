import { useCallback, useEffect, useState } from 'react';
import { useWorkspaceStore } from './store/workspace-store';
import { OverviewView } from './views/OverviewView';
import { EmptyState } from './views/EmptyState';
import { OpenWorkspaceDialog } from './components/OpenWorkspaceDialog';

export function App() {
  const store = useWorkspaceStore();
  const { load, chooseAndOpen, loadRecent } = store;
  const [dialogOpen, setDialogOpen] = useState(false);

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

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'o') {
        event.preventDefault();
        void openWorkspace();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openWorkspace]);

  const hasAccounts = (store.overview?.accounts ?? 0) > 0;
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
        <button onClick={() => void openWorkspace()} title="Open another workspace file (Ctrl+O)" aria-keyshortcuts="Control+O">
          Open workspace…
        </button>
      </header>
      <main className="content" aria-busy={store.state === 'loading' || store.busy !== null}>
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
        {store.state === 'loading' && <p className="muted">Loading the workspace…</p>}
        {store.state === 'ready' && store.overview && hasAccounts && <OverviewView overview={store.overview} />}
        {store.state === 'ready' && !hasAccounts && (
          <EmptyState
            workspaceName={store.workspace?.name ?? null}
            busy={store.busy !== null}
            onCreateDemo={() => void store.createDemo()}
            onOpen={() => void openWorkspace()}
          />
        )}
      </main>
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
