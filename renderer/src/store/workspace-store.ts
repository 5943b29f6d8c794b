// What the overview needs from the backend, and the commands that change the open workspace. Every
// switch (open, new, demo) first asks when work would be lost, then resets each per-workspace store
// (workspace-lifecycle.ts) before the new workspace is shown; a change of the same workspace's data
// (an import, an undone import, another program) refreshes what depends on it.
import { create } from 'zustand';
import type { Overview, RecentWorkspace, WorkspaceRef } from '#shared/domain/workspace';
import { messageOf } from '#shared/error-message';
import { api, isDesktop } from '../api';
import { confirmLeavingWorkspace, refreshWorkspaceStores, resetWorkspaceStores } from './workspace-lifecycle';

type LoadState = 'loading' | 'ready' | 'error';
type ChooseOutcome = 'opened' | 'cancelled' | 'unsupported' | 'failed';

export interface WorkspaceState {
  state: LoadState;
  workspace: WorkspaceRef | null;
  overview: Overview | null;
  /** The backend's data stamp of the open workspace when it was last read. */
  dataStamp: string | null;
  /** A sentence for the user when something failed; cleared by the next success. */
  error: string | null;
  /** What long-running command is in progress, e.g. "Creating the demo…". */
  busy: string | null;
  recent: RecentWorkspace[];
  /** Where browser mode proposes a new workspace: a free name in Ladder's data folder. */
  suggestedPath: string;
  load(): Promise<void>;
  /** Reads the status again; when the open workspace's data changed, every dependent store refreshes. */
  refresh(): Promise<void>;
  openPath(path: string): Promise<boolean>;
  /** Creates an empty workspace file at `path` and opens it. */
  createAt(path: string): Promise<boolean>;
  chooseAndOpen(): Promise<ChooseOutcome>;
  chooseAndCreate(): Promise<ChooseOutcome>;
  /** Opens the demo workspace of the data folder (generated on first use). */
  openDemo(): Promise<boolean>;
  loadRecent(): Promise<void>;
  dismissError(): void;
}

export const useWorkspaceStore = create<WorkspaceState>((set, get) => {
  /** Replaces the open workspace with what `run` opens, after asking if work would be lost. */
  async function switchTo(busy: string, action: string, run: () => Promise<unknown>): Promise<boolean> {
    if (!confirmLeavingWorkspace(action)) return false;
    set({ busy });
    try {
      await run();
    } catch (error) {
      // The backend refused without touching the open workspace: everything on screen still holds.
      set({ error: messageOf(error) });
      return false;
    } finally {
      set({ busy: null });
    }
    resetWorkspaceStores();
    set({ overview: null, dataStamp: null });
    await get().load();
    return true;
  }

  async function choose(
    dialog: 'dialog.openWorkspace' | 'dialog.newWorkspace',
    then: (path: string) => Promise<boolean>,
  ) {
    if (!isDesktop) return 'unsupported' as const;
    const choice = await api.request(dialog, {});
    if (!choice.ok) {
      set({ error: choice.error.message });
      return 'failed' as const;
    }
    if (!choice.value.path) return 'cancelled' as const;
    return (await then(choice.value.path)) ? ('opened' as const) : ('failed' as const);
  }

  return {
    state: 'loading',
    workspace: null,
    overview: null,
    dataStamp: null,
    error: null,
    busy: null,
    recent: [],
    suggestedPath: '',

    async load() {
      try {
        const status = await api.call('app.status', {});
        const overview = status.workspace ? await api.call('workspace.overview', {}) : null;
        set({
          state: 'ready',
          workspace: status.workspace,
          overview,
          dataStamp: status.dataStamp,
          suggestedPath: status.suggestedWorkspacePath,
          error: null,
        });
      } catch (error) {
        set({ state: 'error', error: messageOf(error) });
      }
    },

    async refresh() {
      const before = get();
      let status;
      try {
        status = await api.call('app.status', {});
      } catch {
        return; // the next explicit action reports it
      }
      if (status.workspace?.path !== before.workspace?.path) {
        // Another window or program switched the backend's workspace: treat it as a switch.
        resetWorkspaceStores();
        return get().load();
      }
      if (status.dataStamp === before.dataStamp) return;
      await get().load();
      await refreshWorkspaceStores();
    },

    openPath: (path) =>
      switchTo('Opening the workspace…', 'Open another workspace', () => api.call('workspace.open', { path })),

    createAt: (path) =>
      switchTo('Creating the workspace…', 'Create a new workspace', () => api.call('workspace.create', { path })),

    chooseAndOpen: () => choose('dialog.openWorkspace', (path) => get().openPath(path)),

    chooseAndCreate: () => choose('dialog.newWorkspace', (path) => get().createAt(path)),

    openDemo: () =>
      switchTo('Opening the demo book of business…', 'Open the demo workspace', () =>
        api.call('workspace.openDemo', {}),
      ),

    async loadRecent() {
      const result = await api.request('workspace.recent', {});
      if (result.ok) set({ recent: result.value });
    },

    dismissError: () => set({ error: null }),
  };
});
