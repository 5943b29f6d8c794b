// The book of business's method names (heatmaps, my book, history), without schemas.
export const bookMethodNames = [
  'book.fields',
  'book.columns',
  'book.owner',
  'book.setOwner',
  'book.heatmap',
  'book.whitespace',
  'book.leaderboard',
  'book.timeline',
  'book.progress',
  'book.cancel',
  'book.flow',
  'book.flowAccounts',
] as const;

export type BookMethodName = (typeof bookMethodNames)[number];
