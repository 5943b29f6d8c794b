// Which top-level view is shown. A store (not App state) so any view can send the user elsewhere:
// a heatmap cell opens its accounts in the Model view.
import { create } from 'zustand';
import type { ViewId } from '../nav';

export interface NavState {
  view: ViewId;
  setView(view: ViewId): void;
}

export const useNav = create<NavState>((set) => ({
  view: 'overview',
  setView: (view) => set({ view }),
}));
