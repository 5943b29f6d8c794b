// How the model fits the workspace's data: the metric catalogue (for the picker), the draft's
// diagnostics (badges on signal cards, the editor's banner) and each preset's fit (start panel).
// Everything is fetched from the backend and dropped when the workspace's data changes.
import { create } from 'zustand';
import type { PackDiagnosis } from '#shared/api/model-contract';
import type { MetricCatalogue } from '#shared/domain/metric-catalogue';
import type { PresetFit } from '#shared/domain/packs';
import type { PackDiagnostic } from '#shared/pack/diagnostics';
import type { RulePackInput } from '#shared/pack/schema';
import { api } from '../api';
import { registerWorkspaceStore } from './workspace-lifecycle';

export interface FitState {
  catalogue: MetricCatalogue | null;
  presetFits: PresetFit[] | null;
  diagnosis: PackDiagnosis | null;
  /** The pack the diagnosis is for (diagnoses of older drafts are dropped). */
  diagnosedPack: RulePackInput | null;
  loadCatalogue(): Promise<void>;
  loadPresetFits(): Promise<void>;
  diagnose(pack: RulePackInput, asOf?: string): void;
  /** The data changed (another workspace, an import): forget everything. */
  invalidate(): void;
}

const diagnoseDelayMs = 400;
let timer: ReturnType<typeof setTimeout> | null = null;
let generation = 0;
/** The latest diagnosis asked for: an older one answering later (a feature build the next one found
 * cached) must not replace it. */
let latestDiagnosis = 0;

export const useFitStore = create<FitState>((set, get) => ({
  catalogue: null,
  presetFits: null,
  diagnosis: null,
  diagnosedPack: null,

  async loadCatalogue() {
    const at = generation;
    const result = await api.request('workspace.metrics', {});
    if (result.ok && at === generation) set({ catalogue: result.value });
  },

  async loadPresetFits() {
    const at = generation;
    const result = await api.request('packs.fit', {});
    if (result.ok && at === generation) set({ presetFits: result.value });
  },

  diagnose(pack, asOf) {
    if (timer) clearTimeout(timer);
    const at = generation;
    timer = setTimeout(() => {
      timer = null;
      const request = ++latestDiagnosis;
      void api.request('packs.diagnose', { pack, ...(asOf ? { asOf } : {}) }).then((result) => {
        // An invalid draft keeps the last diagnosis: the views show the last valid version too.
        if (result.ok && at === generation && request === latestDiagnosis)
          set({ diagnosis: result.value, diagnosedPack: pack });
      });
    }, diagnoseDelayMs);
  },

  invalidate() {
    generation++;
    if (timer) clearTimeout(timer);
    timer = null;
    if (get().catalogue || get().presetFits || get().diagnosis)
      set({ catalogue: null, presetFits: null, diagnosis: null, diagnosedPack: null });
  },
}));

// Another workspace, or new data in this one: what was fetched no longer holds (the views fetch again).
registerWorkspaceStore({
  name: 'fit',
  reset: () => useFitStore.getState().invalidate(),
  refresh: () => useFitStore.getState().invalidate(),
});

const none: PackDiagnostic[] = [];

/** The diagnostics of one part of the pack (stable identity when there are none). */
export function diagnosticsFor(diagnosis: PackDiagnosis | null, part: string, id: string): PackDiagnostic[] {
  const found = diagnosis?.diagnostics.filter((d) => d.part === part && d.id === id);
  return found && found.length > 0 ? found : none;
}
