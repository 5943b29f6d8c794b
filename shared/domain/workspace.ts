// What the backend tells the UI and the CLI about a workspace.

export const segments = ['SMB', 'Mid-Market', 'Enterprise'] as const;
export type Segment = (typeof segments)[number];

export const tiers = ['Starter', 'Growth', 'Business', 'Enterprise'] as const;
export type Tier = (typeof tiers)[number];

export const journeyStages = ['baseline', 'live', 'first_results', 'tangible_roi', 'expansion_ready'] as const;
export type JourneyStage = (typeof journeyStages)[number];

export const importKinds = ['accounts', 'periods', 'users', 'events', 'outcomes', 'tickets'] as const;
export type ImportKind = (typeof importKinds)[number];

export interface WorkspaceRef {
  path: string;
  /** File name without directory, for titles. */
  name: string;
}

export interface AppStatus {
  version: string;
  workspace: WorkspaceRef | null;
  /** Changes whenever the open workspace's data changes (imports, undone imports): views refresh on it. */
  dataStamp: string | null;
  /** A free file name in the data folder: where browser mode can always create a new workspace. */
  suggestedWorkspacePath: string;
}

export interface ImportRecord {
  id: number;
  fileName: string;
  kind: string;
  rowsImported: number;
  rowsRejected: number;
  finishedAt: string;
  undone: boolean;
}

export interface ArrBySegmentTier {
  segment: string;
  tier: string;
  accounts: number;
  arr: number;
}

export interface PatternShare {
  pattern: string;
  label: string;
  designedShare: number;
  accounts: number;
  share: number;
}

export interface Overview {
  workspace: WorkspaceRef;
  accounts: number;
  arr: number;
  owners: number;
  periodRange: { from: string; to: string; periods: number } | null;
  lastImport: ImportRecord | null;
  demo: { seed: number; generatedAt: string } | null;
  arrBySegmentTier: ArrBySegmentTier[];
  /** The CSM the counts are restricted to (my book), or null for the whole workspace. */
  owner?: string | null;
}

export interface WorkspaceInfo {
  path: string;
  formatVersion: number;
  accounts: number;
  periodRows: number;
  users: number;
  outcomes: number;
  tickets: number;
  owners: number;
  arr: number;
  periodRange: { from: string; to: string; periods: number } | null;
  imports: ImportRecord[];
  models: number;
  demo: { seed: number; generatedAt: string; weeks: number } | null;
  patterns: PatternShare[];
}

export interface RecentWorkspace {
  path: string;
  name: string;
  exists: boolean;
}
