// What the workbench shows: the active view, the accounts filter set by clicking a chart, the
// account open in the drawer, and whether charts count accounts or ARR.
import { create } from 'zustand';
import type { AccountQuery, SortKey } from '#shared/workbench/queries';
import { registerWorkspaceStore } from './workspace-lifecycle';

export const workbenchTabs = [
  { id: 'ladder', label: 'Ladder' },
  { id: 'funnel', label: 'Filter funnel' },
  { id: 'scores', label: 'Score distribution' },
  { id: 'signals', label: 'Signal activity' },
  { id: 'movers', label: 'Movers' },
  { id: 'heatmap', label: 'Heatmap' },
  { id: 'calibrate', label: 'Calibrate' },
  // Last: the list every chart's drill-down opens.
  { id: 'accounts', label: 'Accounts' },
] as const;

export type WorkbenchTab = (typeof workbenchTabs)[number]['id'];
export type AccountFilter = Omit<AccountQuery, 'offset' | 'limit' | 'sort' | 'descending'>;

export interface WorkbenchUiState {
  tab: WorkbenchTab;
  measure: 'accounts' | 'arr';
  filter: AccountFilter;
  sort: SortKey;
  descending: boolean;
  /** Account index open in the drawer. */
  drawer: number | null;
  setTab(tab: WorkbenchTab): void;
  setMeasure(measure: 'accounts' | 'arr'): void;
  /** Opens the accounts view filtered (a chart mark was clicked). */
  showAccounts(filter: AccountFilter): void;
  setFilter(filter: AccountFilter): void;
  setSort(sort: SortKey): void;
  openAccount(index: number | null): void;
}

const initialUi = {
  tab: 'ladder' as WorkbenchTab,
  measure: 'accounts' as const,
  filter: {},
  sort: 'score' as SortKey,
  descending: true,
  drawer: null,
};

export const useWorkbenchUi = create<WorkbenchUiState>((set, get) => ({
  ...initialUi,
  setTab: (tab) => set({ tab }),
  setMeasure: (measure) => set({ measure }),
  showAccounts: (filter) => set({ filter, tab: 'accounts' }),
  setFilter: (filter) => set({ filter }),
  setSort: (sort) => set({ sort, descending: get().sort === sort ? !get().descending : sort !== 'name' }),
  openAccount: (drawer) => set({ drawer }),
}));

// Filters, the open account and the tab name things of one workspace's model.
registerWorkspaceStore({ name: 'workbench-ui', reset: () => useWorkbenchUi.setState(initialUi) });
