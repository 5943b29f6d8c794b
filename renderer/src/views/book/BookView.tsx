// The CS leader's view of the book of business: the heatmap, the owner leaderboard and the ladder
// over time, all under "my book" and the model being designed (opened for them when none is).
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { api } from '../../api';
import { formatCount } from '../../format';
import { useBookStore } from '../../store/book-store';
import { useModelStore } from '../../store/model-store';
import { useNav } from '../../store/nav-store';
import { HeatmapPanel } from './HeatmapPanel';
import { LeaderboardPanel } from './LeaderboardPanel';
import { TimelinePanel } from './TimelinePanel';
import './book.css';

const tabs = [
  { id: 'heatmap', label: 'Heatmap' },
  { id: 'owners', label: 'Owners' },
  { id: 'history', label: 'Over time' },
] as const;
type Tab = (typeof tabs)[number]['id'];

/** The model the book is read through: the one being edited, else the last saved one, else a preset. */
function useModelForBook(): { ready: boolean; error: string | null } {
  const { status, error } = useModelStore(useShallow((s) => ({ status: s.status, error: s.error })));
  const [starting, setStarting] = useState(false);
  useEffect(() => {
    if (status !== 'empty' || starting) return;
    setStarting(true);
    void (async () => {
      const store = useModelStore.getState();
      const models = await api.request('models.list', {});
      const latest = models.ok
        ? [...models.value].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0]
        : undefined;
      const versions = latest ? await api.request('models.versions', { modelId: latest.id }) : null;
      const newest = versions?.ok ? [...versions.value].sort((a, b) => b.version - a.version)[0] : undefined;
      if (newest) await store.startFromVersion(newest.id);
      else await store.startFromPreset('emerging-ready-filters');
      setStarting(false);
    })();
  }, [status, starting]);
  return { ready: status === 'ready', error: status === 'error' ? error : null };
}

export function BookView() {
  const [tab, setTab] = useState<Tab>('heatmap');
  const model = useModelForBook();
  const { source, accounts, asOf } = useModelStore(
    useShallow((s) => ({ source: s.source, accounts: s.accounts, asOf: s.asOf })),
  );
  const owner = useBookStore((s) => s.owner);
  const setView = useNav((s) => s.setView);
  const name = source?.kind === 'version' ? `${source.modelName} · v${source.version}` : (source?.name ?? '');
  return (
    <section className="book-view" aria-labelledby="book-title">
      <header className="view-header">
        <h1 id="book-title">Book of business{owner ? ` — ${owner}` : ''}</h1>
        <p className="muted small" data-testid="book-model">
          {model.ready ? (
            <>
              Read through <strong>{name}</strong> (the draft, with its unsaved edits) · {formatCount(accounts)}{' '}
              accounts as of {asOf}.{' '}
              <button className="link" onClick={() => setView('workbench')}>
                Edit the model
              </button>
            </>
          ) : (
            'Opening the model…'
          )}
        </p>
      </header>
      {model.error && (
        <p className="banner error" role="alert">
          {model.error}
        </p>
      )}
      <div className="tabs" role="tablist" aria-label="Book views">
        {tabs.map((t) => (
          <button
            key={t.id}
            role="tab"
            id={`book-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls="book-panel"
            className={tab === t.id ? 'tab active' : 'tab'}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id="book-panel" role="tabpanel" aria-labelledby={`book-tab-${tab}`} className="card">
        {!model.ready ? (
          <p className="muted">Scoring the book…</p>
        ) : tab === 'heatmap' ? (
          <HeatmapPanel />
        ) : tab === 'owners' ? (
          <LeaderboardPanel />
        ) : (
          <TimelinePanel />
        )}
      </div>
    </section>
  );
}
