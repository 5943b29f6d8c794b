// Shown when no workspace is open or the open one has no accounts yet: the ways to get data in.
export interface EmptyStateProps {
  workspaceName: string | null;
  busy: boolean;
  /** The view asking (the Model and Heatmap views say why they cannot show anything yet). */
  context?: 'overview' | 'model' | 'book';
  onImport(): void;
  onCreateDemo(): void;
  onNew(): void;
  onOpen(): void;
}

export function EmptyState({
  workspaceName,
  busy,
  context = 'overview',
  onImport,
  onCreateDemo,
  onNew,
  onOpen,
}: EmptyStateProps) {
  const title = workspaceName ? `${workspaceName} has no accounts yet` : 'No workspace is open';
  return (
    <section className="empty-state card" aria-labelledby="empty-title" data-testid="empty-state">
      <h1 id="empty-title">{title}</h1>
      <p>
        {context === 'model' ? 'A model scores accounts, so this workspace needs some first. ' : ''}
        {context === 'book' ? 'The book of business is made of accounts, so this workspace needs some first. ' : ''}
        Import your own exports — accounts first, then usage, users, outcomes or tickets — or explore the demo book of
        business: 2,000 realistic accounts with a year of weekly usage and known expansion outcomes.
      </p>
      <div className="actions">
        {workspaceName && (
          <button className="primary" onClick={onImport} disabled={busy} data-testid="empty-import">
            Import data…
          </button>
        )}
        <button className={workspaceName ? '' : 'primary'} onClick={onCreateDemo} disabled={busy}>
          Open the demo workspace
        </button>
        <button onClick={onNew} disabled={busy}>
          New workspace…
        </button>
        <button onClick={onOpen} disabled={busy}>
          Open a workspace file…
        </button>
      </div>
      <p className="muted small">
        The demo lives in its own file; your workspace stays as it is. From a script:{' '}
        <code>ladder import FILE --workspace W --kind accounts</code>.
      </p>
    </section>
  );
}
