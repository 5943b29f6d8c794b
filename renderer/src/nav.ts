// The app's top-level views. Each feature registers its view here; App renders the sidebar from
// this list, so adding a view never means editing the shell's layout.
export const views = [
  { id: 'overview', label: 'Overview', shortcut: '1' },
  { id: 'import', label: 'Import', shortcut: '2' },
  { id: 'workbench', label: 'Model', shortcut: '3' },
  { id: 'export', label: 'Export', shortcut: '4' },
  { id: 'book', label: 'Heatmap', shortcut: '5' },
] as const;

export type ViewId = (typeof views)[number]['id'];
