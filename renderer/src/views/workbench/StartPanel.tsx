// Choose what to work on: a preset built from the expansion frameworks, or a saved model.
import { useEffect, useState } from 'react';
import type { ModelSummary } from '#shared/domain/models';
import type { PresetInfo } from '#shared/domain/packs';
import { api } from '../../api';
import { formatCount, formatDateTime } from '../../format';
import { isDirty, useModelStore } from '../../store/model-store';
import { useFitStore } from '../../store/fit-store';
import './editor/fit.css';

export function StartPanel({ onStarted, onCancel }: { onStarted(): void; onCancel?: () => void }) {
  const store = useModelStore();
  const [presets, setPresets] = useState<PresetInfo[]>([]);
  const [models, setModels] = useState<ModelSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [building, setBuilding] = useState(false);
  const fits = useFitStore((s) => s.presetFits);
  const loadPresetFits = useFitStore((s) => s.loadPresetFits);
  useEffect(() => {
    if (!fits) void loadPresetFits();
  }, [fits, loadPresetFits]);
  const fitOf = (id: string) => fits?.find((f) => f.id === id);
  const lacking = fits?.filter((f) => f.line !== null).length ?? 0;
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
  const startColumns = async () => {
    if (!confirmLeave()) return;
    setBuilding(true);
    try {
      await store.startFromColumns();
    } finally {
      setBuilding(false);
    }
    if (useModelStore.getState().source?.kind === 'columns') onStarted();
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
              {fitOf(p.id)?.line && (
                <span className="preset-fit" data-testid={`preset-fit-${p.id}`}>
                  {fitOf(p.id)!.line}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      <div className="own-columns">
        <h2>Start from my columns</h2>
        <p className="muted small">
          {lacking > 0 ? `${lacking} of ${presets.length} presets read data this workspace does not have. ` : ''}
          Build a first model from the numeric and yes/no fields this workspace has data for — one signal per field, its
          threshold at the top quarter of the field’s values, equal weights, stages at score quantiles — then edit it.
        </p>
        <button
          onClick={() => void startColumns()}
          disabled={store.status === 'loading' || building}
          data-testid="start-from-columns"
        >
          {building ? 'Building a model from your columns…' : 'Start from my columns'}
        </button>
      </div>
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
