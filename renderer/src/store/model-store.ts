// The model being edited: the baseline (last saved version, or the preset as loaded), the draft,
// undo/redo history, validation issues and the engine's latest answers for both. The state's shape
// is in model-state.ts; this file holds how it changes: loading, editing, scoring, saving.
import { create } from 'zustand';
import type { RulePackInput } from '#shared/pack/schema';
import { describePackIssues } from '#shared/pack/validate';
import { messageOf } from '#shared/error-message';
import { ApiCallError } from '#shared/api/client';
import { api } from '../api';
import { engineSession } from '../engine/engine-session';
import { fastSnapshot, rememberClasses } from '../engine/fast-path';
import { registerWorkspaceStore } from './workspace-lifecycle';
import { useFitStore } from './fit-store';
import { whenScopeChanges } from './book-store';
import { emptyModel, isDirty, type ModelSource, type ModelState } from './model-state';

export { isDirty, type ModelSource, type ModelState } from './model-state';

const groupWindowMs = 800;
/** Where edit grouping reads the time: a slider drag's edits within groupWindowMs are one undo step.
 * Tests set `now` to a clock they move by hand, so grouping never depends on how fast a machine is. */
export const editClock = { now: () => performance.now() };

export const useModelStore = create<ModelState>((set, get) => {
  /** Bumped when the workspace is replaced: answers for the previous one are dropped. */
  let epoch = 0;

  /** Sends the draft to the engine and records the answer, unless a newer draft superseded it. */
  const score = async (draft: RulePackInput) => {
    const mine = epoch;
    try {
      const reply = await engineSession.update('draft', draft, 'baseline');
      if (!reply || get().draft !== draft || mine !== epoch) return;
      if (reply.set.status === 'invalid') set({ issues: reply.set.issues });
      else if (reply.set.status === 'ok') {
        rememberClasses(reply.classes);
        // The same-frame answer is usually identical: keep it (and skip a redraw) when it is.
        const current = get().snapshot;
        const same =
          current !== null && reply.snapshot !== null && JSON.stringify(current) === JSON.stringify(reply.snapshot);
        set({
          issues: [],
          snapshot: same ? current : reply.snapshot,
          lastUpdateMs: reply.workerMs,
          engineRevision: get().engineRevision + 1,
        });
      }
    } catch (error) {
      if (mine === epoch) set({ error: messageOf(error) });
    }
  };

  /** Polls the backend's progress while a feature table is computed. */
  const watchProgress = () => {
    const timer = setInterval(() => {
      void api.request('features.progress', {}).then((p) => {
        if (p.ok && p.value.loading && get().status === 'loading')
          set({ loadProgress: { accountsDone: p.value.accountsDone, accountsTotal: p.value.accountsTotal } });
      });
    }, 300);
    return () => {
      clearInterval(timer);
      set({ loadProgress: null });
    };
  };

  const open = async (source: ModelSource, pack: RulePackInput) => {
    const previous = get().status;
    const mine = epoch;
    set({ status: 'loading', error: null });
    rememberClasses(null);
    useFitStore.getState().invalidate();
    const stopWatching = watchProgress();
    try {
      const loaded = await engineSession.load(pack).finally(stopWatching);
      if (mine !== epoch) return;
      const base = await engineSession.update('baseline', pack, '');
      if (mine !== epoch) return;
      if (base?.set.status === 'invalid') throw new Error(describePackIssues(base.set.issues, 'The model'));
      set({
        source,
        baseline: pack,
        draft: pack,
        past: [],
        future: [],
        issues: [],
        status: 'ready',
        accounts: loaded.accounts,
        asOf: loaded.asOf,
        lastGroup: null,
      });
      await score(pack);
    } catch (error) {
      if (mine !== epoch) return;
      if (error instanceof ApiCallError && error.error.code === 'cancelled') {
        // Cancelled while the backend computed features: the worker still holds the previous model.
        return set({ status: previous === 'loading' ? 'empty' : previous });
      }
      set({ status: 'error', error: messageOf(error) });
    }
  };

  const replaceDraft = (
    draft: RulePackInput,
    history: Pick<ModelState, 'past' | 'future'>,
    group: ModelState['lastGroup'],
  ) => {
    const { baseline } = get();
    const fast = baseline ? fastSnapshot(baseline, draft) : null;
    set(
      fast
        ? { draft, ...history, lastGroup: group, snapshot: fast, issues: [] }
        : { draft, ...history, lastGroup: group },
    );
    void score(draft);
  };

  registerWorkspaceStore({
    name: 'model',
    reset() {
      epoch++;
      engineSession.reset();
      rememberClasses(null);
      set({ ...emptyModel, engineRevision: get().engineRevision + 1 });
    },
    refresh: () => get().reloadData(),
    unsavedWork() {
      const s = get();
      if (!isDirty(s)) return null;
      const name =
        s.source?.kind === 'version' ? `${s.source.modelName} · v${s.source.version}` : (s.draft?.name ?? 'model');
      return `The model “${name}” has unsaved changes.`;
    },
  });

  return {
    ...emptyModel,
    engineRevision: 0,

    async startFromPreset(id) {
      const pack = await api.call('packs.preset', { id }).catch((e: unknown) => {
        set({ error: messageOf(e) });
        return null;
      });
      if (pack) await open({ kind: 'preset', id, name: pack.name }, pack);
    },

    async startFromColumns() {
      const pack = await api.call('packs.fromColumns', {}).catch((e: unknown) => {
        set({ error: messageOf(e) });
        return null;
      });
      if (pack) await open({ kind: 'columns', name: pack.name }, pack);
    },

    async startFromVersion(versionId) {
      try {
        const version = await api.call('models.version', { versionId });
        const models = await api.call('models.list', {});
        const modelName = models.find((m) => m.id === version.modelId)?.name ?? version.pack.name;
        await open(
          { kind: 'version', modelId: version.modelId, modelName, versionId: version.id, version: version.version },
          version.pack,
        );
      } catch (error) {
        set({ error: messageOf(error) });
      }
    },

    edit(change, group) {
      const { draft, past, lastGroup } = get();
      if (!draft) return;
      const next = change(draft);
      if (next === draft) return;
      const now = editClock.now();
      const sameGroup = group !== undefined && lastGroup?.key === group && now - lastGroup.at < groupWindowMs;
      replaceDraft(
        next,
        { past: sameGroup ? past : [...past, draft].slice(-200), future: [] },
        group ? { key: group, at: now } : null,
      );
    },

    undo() {
      const { past, draft, future } = get();
      const previous = past[past.length - 1];
      if (!previous || !draft) return;
      replaceDraft(previous, { past: past.slice(0, -1), future: [draft, ...future] }, null);
    },

    redo() {
      const { past, draft, future } = get();
      const next = future[0];
      if (!next || !draft) return;
      replaceDraft(next, { past: [...past, draft], future: future.slice(1) }, null);
    },

    discardChanges() {
      const { baseline, draft, past } = get();
      if (!baseline || !draft) return;
      replaceDraft(baseline, { past: [...past, draft], future: [] }, null);
    },

    async revertTo(versionId) {
      try {
        const version = await api.call('models.version', { versionId });
        get().edit(() => version.pack as RulePackInput);
      } catch (error) {
        set({ error: messageOf(error) });
      }
    },

    async save(note, name) {
      const { draft, source } = get();
      if (!draft) return false;
      try {
        const modelId = source?.kind === 'version' ? source.modelId : undefined;
        const saved = await api.call('models.save', {
          modelId,
          name: modelId ? undefined : (name ?? draft.name),
          pack: draft,
          note,
        });
        // The saved pack carries the model's name and the version's meta: it becomes baseline and draft.
        const pack = saved.pack as RulePackInput;
        const modelName = pack.name;
        await engineSession.update('baseline', pack, '');
        rememberClasses(null);
        set({
          baseline: pack,
          draft: pack,
          source: { kind: 'version', modelId: saved.modelId, modelName, versionId: saved.id, version: saved.version },
        });
        await score(pack);
        return true;
      } catch (error) {
        set({ error: messageOf(error) });
        return false;
      }
    },

    dismissError: () => set({ error: null }),

    async cancelLoad() {
      await api.request('features.cancel', {});
    },

    async rescore() {
      const { draft, status } = get();
      if (!draft || status !== 'ready') return;
      rememberClasses(null);
      await score(draft);
    },

    async reloadData() {
      const { source, baseline, draft, past, future } = get();
      engineSession.reset();
      // The start panel's preset fits and the picker's catalogue describe the old data too.
      useFitStore.getState().invalidate();
      if (!source || !baseline || !draft) return set({ status: 'empty', snapshot: null });
      await open(source, baseline);
      if (draft !== baseline) replaceDraft(draft, { past, future }, null);
    },
  };
});

// My book changes what every view counts: the worker's answers are fetched again.
whenScopeChanges(() => useModelStore.getState().rescore());
