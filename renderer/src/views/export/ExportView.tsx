// The Export view: pick a saved model version, a preset or a pack file (JSON or YAML, validated and
// its golden cases re-run), then export it in any format through the Export dialog. A saved version
// exports with its model's name, version number, note and changelog in `meta`.
import { useEffect, useState, type ChangeEvent } from 'react';
import type { ReadPackResult } from '#shared/api/export-contract';
import type { PresetInfo } from '#shared/domain/packs';
import type { ModelSummary } from '#shared/domain/models';
import type { RulePackInput } from '#shared/pack/schema';
import { messageOf } from '#shared/error-message';
import { api } from '../../api';
import { ExportDialog } from './ExportDialog';
import { SavedModelsList } from './SavedModelsList';
import { saveSlides } from '../act/save-slides';
import './export.css';

type Chosen = { source: string; pack: RulePackInput; imported?: ReadPackResult };

export function ExportView() {
  const [presets, setPresets] = useState<PresetInfo[]>([]);
  const [models, setModels] = useState<ModelSummary[]>([]);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [asOf, setAsOf] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [slidesStatus, setSlidesStatus] = useState<string | null>(null);
  const [savingSlides, setSavingSlides] = useState(false);

  const exportSlides = async () => {
    if (!chosen) return;
    setError(null);
    setSlidesStatus(null);
    setSavingSlides(true);
    try {
      setSlidesStatus(await saveSlides(chosen.pack, asOf ? { asOf } : {}));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setSavingSlides(false);
    }
  };

  useEffect(() => {
    api.call('packs.presets', {}).then(setPresets, (e: unknown) => setError(messageOf(e)));
    api.call('models.list', {}).then(setModels, () => setModels([]));
  }, []);

  const pickVersion = async (versionId: number) => {
    setError(null);
    try {
      const version = await api.call('models.version', { versionId });
      setChosen({ source: `version:${versionId}`, pack: version.pack });
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const pickPreset = async (p: PresetInfo) => {
    setError(null);
    try {
      setChosen({ source: `preset:${p.id}`, pack: await api.call('packs.preset', { id: p.id }) });
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const openFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setError(null);
    try {
      const imported = await api.call('export.readPack', { text: await file.text() });
      setChosen({ source: file.name, pack: imported.pack, imported });
    } catch (e) {
      setError(`${file.name}: ${messageOf(e)}`);
    }
  };

  const validDate = asOf === '' || /^\d{4}-\d{2}-\d{2}$/.test(asOf);
  return (
    <section className="export-view" aria-labelledby="export-view-title">
      <div>
        <h1 id="export-view-title">Export a rule pack</h1>
        <p className="muted">
          Ship the model to the tools the company runs: the rule pack with its golden cases, SQL for SQLite, PostgreSQL,
          DuckDB, Snowflake or BigQuery, JSON Logic, a JavaScript module, a signals sheet, the features relation or the
          scored accounts. Every format gives exactly the engine’s answers.
        </p>
      </div>
      {error && (
        <p className="banner error" role="alert" data-testid="export-view-error">
          {error}
        </p>
      )}
      {models.length > 0 && (
        <SavedModelsList models={models} chosen={chosen?.source ?? null} onPick={(id) => void pickVersion(id)} />
      )}
      <div>
        <h2>Presets</h2>
        <ul className="pack-list" data-testid="export-presets">
          {presets.map((p) => (
            <li key={p.id}>
              <button
                aria-pressed={chosen?.source === `preset:${p.id}`}
                onClick={() => void pickPreset(p)}
                data-testid={`export-preset-${p.id}`}
              >
                <strong>{p.name}</strong>
                <span className="muted">{p.description}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="open-file">
        <h2>Or a rule pack file</h2>
        <label>
          <span className="muted">
            A pack exported from Ladder (JSON or YAML): it is validated and its golden cases are run again.
          </span>
          <input
            type="file"
            accept=".json,.yaml,.yml,application/json,application/yaml"
            onChange={(e) => void openFile(e)}
            data-testid="export-open-file"
          />
        </label>
      </div>
      {chosen?.imported && (
        <p
          className={chosen.imported.goldenMismatches.length ? 'banner error' : 'verified'}
          role="status"
          data-testid="export-imported"
        >
          {chosen.source} ({chosen.imported.format.toUpperCase()}):{' '}
          {chosen.imported.goldenCases === 0
            ? 'valid; it carries no golden cases.'
            : chosen.imported.goldenMismatches.length === 0
              ? `valid; all ${chosen.imported.goldenCases} golden cases give the same answers in this version of Ladder.`
              : `valid, but ${chosen.imported.goldenMismatches.length} golden-case answers differ: ${chosen.imported.goldenMismatches
                  .slice(0, 3)
                  .map((m) => `${m.id} ${m.field}`)
                  .join(', ')}.`}
        </p>
      )}
      <div className="row">
        <label>
          As of (optional){' '}
          <input
            value={asOf}
            onChange={(e) => setAsOf(e.target.value.trim())}
            placeholder="YYYY-MM-DD"
            style={{ width: '10rem' }}
            aria-invalid={!validDate}
            data-testid="export-as-of"
          />
        </label>
        <button
          className="primary"
          disabled={!chosen || !validDate}
          onClick={() => setOpen(true)}
          data-testid="export-open-dialog"
        >
          Export {chosen ? `“${chosen.pack.name}”` : ''}…
        </button>
        <button
          disabled={!chosen || !validDate || savingSlides}
          onClick={() => void exportSlides()}
          title="A model-review deck (PPTX) on the open workspace"
          data-testid="export-slides"
        >
          {savingSlides ? 'Building slides…' : 'Slides…'}
        </button>
      </div>
      {slidesStatus && (
        <p className="muted small" role="status" data-testid="export-slides-status">
          {slidesStatus}
        </p>
      )}
      {open && chosen && <ExportDialog pack={chosen.pack} {...(asOf ? { asOf } : {})} onClose={() => setOpen(false)} />}
    </section>
  );
}
