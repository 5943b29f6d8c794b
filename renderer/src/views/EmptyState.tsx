// Shown when no workspace is open or the open one has no accounts yet.
export interface EmptyStateProps {
  workspaceName: string | null;
  busy: boolean;
  onCreateDemo(): void;
  onOpen(): void;
}

export function EmptyState({ workspaceName, busy, onCreateDemo, onOpen }: EmptyStateProps) {
  return (
    <section className="empty-state card" aria-labelledby="empty-title">
      <h1 id="empty-title">{workspaceName ? `${workspaceName} has no accounts yet` : 'No workspace is open'}</h1>
      <p>
        Start with the demo book of business — 2,000 realistic accounts with a year of weekly usage and known expansion
        outcomes — or bring your own data.
      </p>
      <div className="actions">
        <button className="primary" onClick={onCreateDemo} disabled={busy}>
          Create the demo workspace
        </button>
        <button onClick={onOpen} disabled={busy}>
          Open a workspace file…
        </button>
      </div>
      <p className="muted small">
        To import an account export, use <code>ladder import FILE --workspace W --kind accounts</code>.
      </p>
    </section>
  );
}
