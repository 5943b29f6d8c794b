// Choose what to work on: a preset built from the expansion frameworks, or a saved model.
import { useEffect, useState } from 'react';
import type { ModelSummary } from '#shared/domain/models';
import type { PresetInfo } from '#shared/domain/packs';
import { api } from '../../api';
import { formatCount, formatDateTime } from '../../format';
import { isDirty, useModelStore } from '../../store/model-store';

export function StartPanel({ onStarted, onCancel }: { onStarted(): void; onCancel?: () => void }) {
  const store = useModelStore();
  const [presets, setPresets] = useState<PresetInfo[]>([]);
  const [models, setModels] = useState<ModelSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.call('packs.presets', {}).then(setPresets, (e: unknown) => setError(String(e)));
    api.call('models.list', {}).then(setModels, () => setModels([]));
  }, []);
  const confirmLeave = () =>
    !isDirty(store) || window.confirm('The draft has unsaved changes. Start from something else anyway?');
  const startPreset = async (id: string) => {
    if (!confirmLeave()) return;
    await store.startFromPreset(id);
    onStarted();
  };
  const startModel = async (modelId: number) => {
    if (!confirmLeave()) return;
    const versions = await api.call('models.versions', { modelId });
    if (versions[0]) await store.startFromVersion(versions[0].id);
    onStarted();
  };
  return (
    <section className="start-panel" aria-labelledby="start-title">
      <h1 id="start-title">Start a model</h1>
      <p className="muted">
        Pick a preset built from common expansion frameworks, or continue a saved model. The baseline is what you start
        from; every edit shows its effect against it.
      </p>
      {store.status === 'loading' && (
        <div className="load-progress" role="status" data-testid="model-loading">
          <span>
            {store.loadProgress && store.loadProgress.accountsTotal > 0
              ? `Computing the model's features: ${formatCount(store.loadProgress.accountsDone)} of ${formatCount(store.loadProgress.accountsTotal)} accounts`
              : 'Loading the workspace and computing the features…'}
          </span>
          <progress
            max={store.loadProgress?.accountsTotal || 1}
            value={store.loadProgress?.accountsDone ?? 0}
            aria-label="Progress"
          />
          <button onClick={() => void store.cancelLoad()}>Cancel</button>
        </div>
      )}
      {(error ?? store.error) && (
        <p className="error" role="alert">
          {error ?? store.error}
        </p>
      )}
      <h2>Presets</h2>
      <ul className="choice-list" data-testid="preset-list">
        {presets.map((p) => (
          <li key={p.id}>
            <button
              className="choice"
              onClick={() => void startPreset(p.id)}
              disabled={store.status === 'loading'}
              data-testid={`preset-${p.id}`}
            >
              <strong>{p.name}</strong>
              <span className="muted small">{p.description}</span>
            </button>
          </li>
        ))}
      </ul>
      {models.length > 0 && (
        <>
          <h2>Saved models</h2>
          <ul className="choice-list">
            {models.map((m) => (
              <li key={m.id}>
                <button className="choice" onClick={() => void startModel(m.id)} disabled={store.status === 'loading'}>
                  <strong>{m.name}</strong>
                  <span className="muted small">
                    {m.versions} version{m.versions === 1 ? '' : 's'} · last saved {formatDateTime(m.updatedAt)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {onCancel && (
        <div className="actions">
          <button onClick={onCancel}>Back to the current model</button>
        </div>
      )}
    </section>
  );
}
