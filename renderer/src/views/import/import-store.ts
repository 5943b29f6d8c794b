// The import wizard's store: choosing and analysing a file, planning and checking the mapping,
// committing it, and the history with undo (its state's shape and the spec it sends are in
// import-state.ts). Jobs are polled, so the backend keeps working (and can be cancelled) while the
// page stays live.
import { create } from 'zustand';
import type { ImportAnalysis, ImportJobStatus, ImportReport } from '#shared/import/report';
import { defaultOutcomeWords } from '#shared/import/outcome-words';
import { api, isDesktop } from '../../api';
import { registerWorkspaceStore } from '../../store/workspace-lifecycle';
import { useWorkspaceStore } from '../../store/workspace-store';
import { initialWizard, specOf, type ImportWizardState } from './import-state';
import { uploadFile } from './upload';
import { messageOf } from '#shared/error-message';

export { specOf, type ImportWizardState, type Step } from './import-state';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const useImportStore = create<ImportWizardState>((set, get) => {
  /** Polls a job until it ends; resolves with its result, or throws its error. */
  async function follow<R>(jobId: string, activity: string): Promise<R | null> {
    set({ jobId, activity, progress: null, notice: null });
    for (;;) {
      const status = (await api.call('import.job', { jobId })) as ImportJobStatus<R>;
      set({ progress: status.progress });
      const phase = status.progress.phase;
      if (phase === 'done' || phase === 'failed' || phase === 'cancelled') {
        set({ jobId: null, activity: null });
        if (phase === 'cancelled') {
          set({ notice: `${activity} was cancelled; the workspace is unchanged.` });
          return null;
        }
        if (status.error) throw new Error(status.error.message);
        return status.result;
      }
      await sleep(150);
    }
  }

  async function replan(): Promise<void> {
    const s = get();
    if (!s.analysis) return;
    try {
      const analysis = await api.call('import.plan', {
        fileToken: s.analysis.fileToken,
        kind: s.kind,
        spec: specOf(s),
      });
      set({ analysis, error: null });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  }

  async function run(dryRun: boolean): Promise<ImportReport | null> {
    const s = get();
    if (!s.analysis) return null;
    const { jobId } = await api.call('import.run', {
      fileToken: s.analysis.fileToken,
      kind: s.kind,
      spec: specOf(s),
      dryRun,
    });
    return follow<ImportReport>(jobId, dryRun ? 'Checking every row' : 'Importing');
  }

  return {
    ...initialWizard,
    kind: 'accounts',
    preset: '',
    history: [],
    setKind(kind) {
      set({ kind, choices: {}, validation: null });
      void replan();
    },
    setPreset(preset) {
      set({ preset, choices: {}, validation: null });
      void replan();
    },
    chooseColumn(source, choice) {
      const planned = get().analysis?.plan.columns.find((c) => c.source === source);
      const current = get().choices[source] ?? { source, field: planned?.skip ? 'skip' : (planned?.field ?? 'custom') };
      // A new field brings its own type; keep an explicit type only when it is what changed.
      const base =
        choice.field !== undefined && choice.type === undefined
          ? { source, field: current.field, ...(current.dateOrder ? { dateOrder: current.dateOrder } : {}) }
          : current;
      set({ choices: { ...get().choices, [source]: { ...base, ...choice, source } }, validation: null });
      void replan();
    },
    setDateOrder(dateOrder) {
      set({ dateOrder, validation: null });
      void replan();
    },
    setOnError(onError) {
      set({ onError });
      void replan();
    },
    setRollUp(rollUp) {
      set({ rollUp, validation: null });
      void replan();
    },
    async classifyType(type, expansion) {
      set({ outcomeTypes: { ...get().outcomeTypes, [type]: expansion } });
      await replan();
      await get().validate();
    },
    async classifyStage(stage, state) {
      set({ outcomeStages: { ...get().outcomeStages, [stage]: state } });
      await replan();
      await get().validate();
    },
    async setOutcomeWords(words, keep) {
      set({ outcomeWords: words });
      try {
        if (keep) await api.call('import.setOutcomeWords', words);
      } catch (error) {
        set({ error: messageOf(error) });
      }
      await replan();
      await get().validate();
    },
    outcomeWordsInForce() {
      return get().outcomeWords ?? get().analysis?.plan.outcomes?.words ?? defaultOutcomeWords;
    },
    applyMapping(spec) {
      set({
        kind: spec.kind ?? get().kind,
        preset: spec.preset ?? '',
        dateOrder: spec.dateOrder ?? null,
        onError: spec.onError ?? 'abort',
        outcomeTypes: spec.outcomeTypes ?? {},
        outcomeStages: spec.outcomeStages ?? {},
        outcomeWords: spec.outcomeWords ?? null,
        rollUp: spec.rollUp ?? false,
        choices: Object.fromEntries((spec.columns ?? []).map((c) => [c.source, c])),
        validation: null,
      });
      void replan();
    },
    async pickNative() {
      if (!isDesktop) return;
      try {
        const { path } = await api.call('dialog.openImportFile', {});
        if (path) await get().analyzePath(path);
      } catch (error) {
        set({ error: messageOf(error) });
      }
    },
    async uploadAndAnalyze(file) {
      set({ ...initialWizard, activity: `Uploading ${file.name}`, progress: null });
      try {
        const path = await uploadFile(file, (sent) =>
          set({
            progress: {
              jobId: '',
              phase: 'reading',
              bytesRead: sent,
              bytesTotal: file.size,
              rows: 0,
              rowsPerSecond: 0,
              etaSeconds: null,
            },
          }),
        );
        await get().analyzePath(path);
      } catch (error) {
        set({ error: messageOf(error), activity: null, progress: null });
      }
    },
    async analyzePath(path) {
      set({ ...initialWizard, activity: 'Reading the file' });
      try {
        const s = get();
        const { jobId } = await api.call('import.analyze', { path, kind: s.kind, spec: specOf(s) });
        const analysis = await follow<ImportAnalysis>(jobId, 'Reading the file');
        if (analysis) set({ analysis, step: 'mapping' });
      } catch (error) {
        set({ error: messageOf(error), activity: null });
      }
    },
    async validate() {
      try {
        const validation = await run(true);
        if (validation) set({ validation, step: 'validation', error: null });
      } catch (error) {
        set({ error: messageOf(error) });
      }
    },
    async commit() {
      try {
        const result = await run(false);
        if (result) set({ result, step: 'result', error: null });
        await get().loadHistory();
        await useWorkspaceStore.getState().refresh();
      } catch (error) {
        set({ error: messageOf(error) });
      }
    },
    async cancel() {
      const { jobId } = get();
      if (jobId) await api.call('import.cancel', { jobId });
    },
    back(step) {
      set({ step, error: null });
    },
    reset() {
      set({ ...initialWizard });
    },
    async loadHistory() {
      try {
        set({ history: await api.call('import.history', {}) });
      } catch {
        set({ history: [] });
      }
    },
    async undo(id) {
      try {
        await api.call('import.undo', { importId: id });
        // The result card of an import just undone would offer to undo it again: start afresh.
        if (get().result?.importId === id) set({ ...initialWizard });
        set({ error: null });
      } catch (error) {
        set({ error: messageOf(error) });
      }
      await get().loadHistory();
      await useWorkspaceStore.getState().refresh();
    },
    dismissError: () => set({ error: null, notice: null }),
  };
});

// The wizard's file, mapping and history belong to the workspace they were made in: a switch
// must never leave another workspace's mapping one click from committing into this one.
registerWorkspaceStore({
  name: 'import',
  reset() {
    const { jobId } = useImportStore.getState();
    if (jobId) void api.request('import.cancel', { jobId });
    useImportStore.setState({ ...initialWizard, kind: 'accounts', preset: '', history: [] });
  },
  refresh: () => useImportStore.getState().loadHistory(),
  unsavedWork() {
    const s = useImportStore.getState();
    const file = s.analysis?.source.fileName ?? 'a file';
    if (s.jobId) return `The import of ${file} is still running; it will be cancelled.`;
    if (s.step === 'mapping' || s.step === 'validation') return `The import of ${file} has not been committed.`;
    return null;
  },
});
