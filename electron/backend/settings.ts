// Per-user app state kept outside workspaces: the last workspace and the recent list.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import type { RecentWorkspace } from '#shared/domain/workspace';
import { writeFileAtomicSync } from './atomic-write';

export interface Settings {
  lastWorkspace: string | null;
  recent: string[];
}

const emptySettings: Settings = { lastWorkspace: null, recent: [] };

/** Where Ladder keeps its own files: LADDER_DATA_DIR, else the platform's per-user data folder. */
export function defaultDataDir(): string {
  if (process.env.LADDER_DATA_DIR) return process.env.LADDER_DATA_DIR;
  const home = homedir();
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Ladder');
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'Ladder');
  return join(process.env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'ladder');
}

function settingsPath(dataDir: string): string {
  return join(dataDir, 'settings.json');
}

export function readSettings(dataDir: string): Settings {
  try {
    const parsed: unknown = JSON.parse(readFileSync(settingsPath(dataDir), 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return { ...emptySettings };
    const { lastWorkspace, recent } = parsed as Partial<Settings>;
    return {
      lastWorkspace: typeof lastWorkspace === 'string' ? lastWorkspace : null,
      recent: Array.isArray(recent) ? recent.filter((r): r is string => typeof r === 'string').slice(0, 10) : [],
    };
  } catch {
    return { ...emptySettings }; // missing or unreadable settings are not worth failing a launch over
  }
}

export function rememberWorkspace(dataDir: string, path: string): void {
  const current = readSettings(dataDir);
  const next: Settings = {
    lastWorkspace: path,
    recent: [path, ...current.recent.filter((p) => p !== path)].slice(0, 10),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileAtomicSync(settingsPath(dataDir), JSON.stringify(next, null, 2));
}

export function recentWorkspaces(dataDir: string): RecentWorkspace[] {
  return readSettings(dataDir).recent.map((path) => ({ path, name: basename(path), exists: existsSync(path) }));
}
