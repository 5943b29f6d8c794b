// What the overview needs from the backend, and the commands that change the open workspace.
import { create } from 'zustand';
import type { Overview, RecentWorkspace, WorkspaceRef } from '#shared/domain/workspace';
import { api, isDesktop } from '../api';
import { messageOf } from '#shared/error-message';

type LoadState = 'loading' | 'ready' | 'error';

export interface WorkspaceState {
  state: LoadState;
  workspace: WorkspaceRef | null;
  overview: Overview | null;
  /** A sentence for the user when something failed; cleared by the next success. */
  error: string | null;
  /** What long-running command is in progress, e.g. "Creating the demo…". */
  busy: string | null;
  recent: RecentWorkspace[];
  load(): Promise<void>;
  openPath(path: string): Promise<boolean>;
  chooseAndOpen(): Promise<'opened' | 'cancelled' | 'unsupported' | 'failed'>;
  createDemo(): Promise<void>;
  loadRecent(): Promise<void>;
  dismissError(): void;
}

export const useWorkspaceStore = create<WorkspaceState>((set, get) => ({
  state: 'loading',
  workspace: null,
  overview: null,
  error: null,
  busy: null,
  recent: [],

  async load() {
    try {
      const status = await api.call('app.status', {});
      const overview = status.workspace ? await api.call('workspace.overview', {}) : null;
      set({ state: 'ready', workspace: status.workspace, overview, error: null });
    } catch (error) {
      set({ state: 'error', error: messageOf(error) });
    }
  },

  async openPath(path) {
    set({ busy: 'Opening the workspace…' });
    try {
      await api.call('workspace.open', { path });
      await get().load();
      return true;
    } catch (error) {
      set({ error: messageOf(error) });
      return false;
    } finally {
      set({ busy: null });
    }
  },

  async chooseAndOpen() {
    if (!isDesktop) return 'unsupported';
    const choice = await api.request('dialog.openWorkspace', {});
    if (!choice.ok) {
      set({ error: choice.error.message });
      return 'failed';
    }
    if (!choice.value.path) return 'cancelled';
    return (await get().openPath(choice.value.path)) ? 'opened' : 'failed';
  },

  async createDemo() {
    set({ busy: 'Creating the demo book of business…' });
    try {
      await api.call('workspace.createDemo', {});
      await get().load();
    } catch (error) {
      set({ error: messageOf(error) });
    } finally {
      set({ busy: null });
    }
  },

  async loadRecent() {
    const result = await api.request('workspace.recent', {});
    if (result.ok) set({ recent: result.value });
  },

  dismissError: () => set({ error: null }),
}));
