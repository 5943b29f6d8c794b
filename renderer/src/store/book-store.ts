// The book of business as the CS leader sees it: "my book" (the owner filter, remembered per
// workspace by the backend and applied by the engine worker to every view), the heatmap's cut,
// and the comparison date. Everything here belongs to the open workspace and starts over when
// another workspace opens.
import { create } from 'zustand';
import type { BookFieldInfo } from '#shared/api/book-contract';
import { defaultOutcomeDays, defaultTopN, type BookMeasure } from '#shared/book/fields';
import { api } from '../api';
import { engineSession } from '../engine/engine-session';
import { registerWorkspaceStore } from './workspace-lifecycle';
import { messageOf } from '#shared/error-message';

export interface BookSpec {
  rows: string;
  cols: string | null;
  measure: BookMeasure;
  topN: number;
  days: number;
}

export interface BookState {
  workspace: string | null;
  owner: string | null;
  owners: string[];
  fields: BookFieldInfo[];
  spec: BookSpec;
  /** Δ mode: the earlier as-of date to compare with (null: off). */
  compare: string | null;
  error: string | null;
  /** Loads the owner filter and the fields of a workspace (resets everything if it is another one). */
  open(workspace: string): Promise<void>;
  setOwner(owner: string | null): Promise<void>;
  setSpec(patch: Partial<BookSpec>): void;
  setCompare(date: string | null): void;
  dismissError(): void;
}

export const defaultSpec: BookSpec = {
  rows: 'owner_csm',
  cols: 'stage',
  measure: 'arr',
  topN: defaultTopN,
  days: defaultOutcomeDays,
};

/** Called after the owner changes: views that show scores re-fetch them (set by the model store). */
let onScopeChange: () => Promise<void> = async () => {};
export const whenScopeChanges = (listener: () => Promise<void>) => {
  onScopeChange = listener;
};

const initial = {
  workspace: null,
  owner: null,
  owners: [],
  fields: [],
  spec: defaultSpec,
  compare: null,
  error: null,
} satisfies Partial<BookState>;

export const useBookStore = create<BookState>((set, get) => ({
  ...initial,

  async open(workspace) {
    if (get().workspace !== workspace) set({ ...initial, workspace });
    try {
      const [{ owner }, { fields, owners }] = await Promise.all([
        api.call('book.owner', {}),
        api.call('book.fields', {}),
      ]);
      if (get().workspace !== workspace) return;
      // A remembered owner who no longer owns anything here is forgotten, not shown as an empty book.
      const kept = owner !== null && owners.includes(owner) ? owner : null;
      set({ owner: kept, owners, fields });
      await engineSession.setScope(kept);
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },

  async setOwner(owner) {
    if (owner === get().owner) return;
    try {
      await api.call('book.setOwner', { owner });
      set({ owner, error: null });
      await engineSession.setScope(owner);
      await onScopeChange();
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },

  setSpec(patch) {
    const spec = { ...get().spec, ...patch };
    if (spec.cols === spec.rows) spec.cols = null;
    set({ spec });
  },

  setCompare: (compare) => set({ compare }),
  dismissError: () => set({ error: null }),
}));

// Another workspace: forget its owner, fields and cut (App opens the new one's). The same
// workspace's data changed: owners and custom fields may have come or gone, so read them again.
registerWorkspaceStore({
  name: 'book',
  reset() {
    useBookStore.setState(initial);
    void engineSession.setScope(null);
  },
  async refresh() {
    const { workspace, owner } = useBookStore.getState();
    if (!workspace) return;
    await useBookStore.getState().open(workspace);
    if (useBookStore.getState().owner !== owner) await onScopeChange();
  },
});
