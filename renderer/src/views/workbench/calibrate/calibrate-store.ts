// The Calibrate tab's state: the run settings (horizon, as-of dates, seed), the running job's
// progress, the last report, the live metrics of baseline and draft on its held-out accounts, and
// the accounts behind the number the analyst clicked.
import { create } from 'zustand';
import type { AccountSelection, CalibrationAccount, CalibrationResult } from '#shared/api/calibrate-contract';
import { ApiCallError } from '#shared/api/client';
import { messageOf } from '#shared/error-message';
import type { LiveMetrics } from '#shared/calibrate/live';
import type { RulePackInput } from '#shared/pack/schema';
import { api } from '../../../api';
import { useWorkspaceStore, type WorkspaceState } from '../../../store/workspace-store';
import { validationSession } from './validation-session';

export type DateMode = 'latest' | 'every' | 'dates';

export interface CalibrateSettings {
  mode: DateMode;
  /** Interval for `every` (e.g. 4w). */
  every: string;
  /** Comma- or space-separated ISO dates for `dates`. */
  dates: string;
  horizonDays: number;
  seed: number;
}

export interface Drill {
  title: string;
  selection: AccountSelection;
  label?: 'positive' | 'negative';
  rows: CalibrationAccount[];
  total: number;
  loading: boolean;
}

export interface CalibrateState {
  settings: CalibrateSettings;
  status: 'idle' | 'running' | 'done' | 'error';
  progress: {
    phase: string;
    datesDone: number;
    datesTotal: number;
    accountsDone: number;
    accountsTotal: number;
  } | null;
  error: string | null;
  result: CalibrationResult | null;
  /** The pack the last report was computed for. */
  calibrated: RulePackInput | null;
  live: { baseline: LiveMetrics | null; draft: LiveMetrics | null; note: string | null };
  drill: Drill | null;
  /** The signal whose threshold scan is shown. */
  scanSignal: string | null;
  setSettings(change: Partial<CalibrateSettings>): void;
  run(pack: RulePackInput): Promise<void>;
  cancel(): Promise<void>;
  validate(slot: 'baseline' | 'draft', pack: RulePackInput): void;
  openDrill(title: string, selection: AccountSelection, label?: 'positive' | 'negative'): Promise<void>;
  closeDrill(): void;
  setScanSignal(id: string | null): void;
  reset(): void;
}

export const defaultSettings: CalibrateSettings = { mode: 'latest', every: '4w', dates: '', horizonDays: 90, seed: 1 };

/** The run request the settings describe, or a sentence saying what is wrong with them. */
export function requestOf(settings: CalibrateSettings): { asOf?: string[]; every?: string } | string {
  if (settings.mode === 'every') {
    if (!/^\d{1,3}[dwm]$/.test(settings.every.trim())) return 'Give the interval as a number and d, w or m (e.g. 4w).';
    return { every: settings.every.trim() };
  }
  if (settings.mode === 'dates') {
    const dates = settings.dates.split(/[\s,;]+/).filter(Boolean);
    if (dates.length === 0) return 'Give at least one as-of date (YYYY-MM-DD).';
    const bad = dates.find((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d));
    if (bad) return `"${bad}" is not a date; use YYYY-MM-DD.`;
    return { asOf: dates };
  }
  return {};
}

export const useCalibrateStore = create<CalibrateState>((set, get) => {
  /** Bumped by reset: a run that started before the data changed must not fill in its report. */
  let generation = 0;
  let watch: ReturnType<typeof setInterval> | null = null;
  const stopWatching = () => {
    if (watch) clearInterval(watch);
    watch = null;
  };
  const validateSlot = async (slot: 'baseline' | 'draft', pack: RulePackInput) => {
    // Same-frame answer first for weight, stage and switch edits; the worker confirms it.
    const fast = validationSession.fast(slot, pack);
    if (fast) set((s) => ({ live: { ...s.live, [slot]: fast } }));
    try {
      const reply = await validationSession.update(slot, pack);
      if (!reply) return;
      if (reply.status === 'ok') set((s) => ({ live: { ...s.live, [slot]: reply.metrics, note: null } }));
      else if (reply.status === 'invalid')
        set((s) => ({
          live: { ...s.live, [slot]: null, note: 'The draft has problems; fix them to see its metrics.' },
        }));
    } catch (error) {
      set((s) => ({ live: { ...s.live, note: messageOf(error) } }));
    }
  };
  return {
    settings: defaultSettings,
    status: 'idle',
    progress: null,
    error: null,
    result: null,
    calibrated: null,
    live: { baseline: null, draft: null, note: null },
    drill: null,
    scanSignal: null,
    setSettings: (change) => set((s) => ({ settings: { ...s.settings, ...change } })),
    async run(pack) {
      const request = requestOf(get().settings);
      if (typeof request === 'string') return set({ error: request });
      const { horizonDays, seed } = get().settings;
      set({ status: 'running', error: null, progress: null });
      stopWatching();
      watch = setInterval(() => {
        void api.request('calibrate.progress', {}).then((p) => {
          if (p.ok && p.value.running && get().status === 'running') set({ progress: p.value });
        });
      }, 250);
      const started = generation;
      try {
        const result = await api.call('calibrate.run', { pack, ...request, horizonDays, seed });
        stopWatching();
        if (started !== generation) return;
        await validationSession.load(result);
        set({
          status: 'done',
          result,
          calibrated: pack,
          progress: null,
          drill: null,
          live: { baseline: null, draft: null, note: null },
          scanSignal: result.report.signals.find((s) => s.scan.length > 0)?.id ?? null,
        });
      } catch (error) {
        stopWatching();
        const cancelled = error instanceof ApiCallError && error.error.code === 'cancelled';
        set({
          status: get().result ? 'done' : 'idle',
          progress: null,
          error: cancelled ? 'The calibration was cancelled.' : messageOf(error),
        });
      }
    },
    async cancel() {
      await api.request('calibrate.cancel', {});
    },
    validate(slot, pack) {
      if (validationSession.runId === null) return;
      void validateSlot(slot, pack);
    },
    async openDrill(title, selection, label) {
      const runId = get().result?.runId;
      if (!runId) return;
      set({ drill: { title, selection, label, rows: [], total: 0, loading: true } });
      try {
        const page = await api.call('calibrate.accounts', { runId, selection, label, limit: 200 });
        if (get().drill?.selection !== selection) return;
        set({ drill: { title, selection, label, rows: page.rows, total: page.total, loading: false } });
      } catch (error) {
        set({ drill: null, error: messageOf(error) });
      }
    },
    closeDrill: () => set({ drill: null }),
    setScanSignal: (scanSignal) => set({ scanSignal }),
    reset() {
      generation++;
      stopWatching();
      validationSession.reset();
      const had = get().result !== null || get().status === 'running';
      set({
        status: 'idle',
        progress: null,
        error: had ? 'The data changed since the calibration ran; run it again.' : null,
        result: null,
        calibrated: null,
        drill: null,
        live: { baseline: null, draft: null, note: null },
      });
    },
  };
});

// Another workspace, or an import into this one, makes the report stale: drop it (as the model store
// reloads its features on the same change).
const dataKeyOf = (s: WorkspaceState) =>
  `${s.workspace?.path}|${s.overview?.lastImport?.id ?? 0}|${s.overview?.lastImport?.undone ?? false}|${s.overview?.accounts ?? 0}`;
let lastDataKey = dataKeyOf(useWorkspaceStore.getState());
useWorkspaceStore.subscribe((state) => {
  const key = dataKeyOf(state);
  if (key === lastDataKey) return;
  lastDataKey = key;
  useCalibrateStore.getState().reset();
});
