// A short text that changes whenever the workspace's data does (an import, an undone import, a
// regenerated demo): caches compare it, and the UI refreshes what it shows when it moves.
import type { Db } from '../store/sqlite';

export function dataStamp(db: Db): string {
  const row = db.prepare('SELECT count(*) AS n, max(id) AS last, count(undone_at) AS undone FROM imports').get() as {
    n: number;
    last: number | null;
    undone: number;
  };
  const accounts = db.prepare('SELECT count(*) FROM accounts').pluck().get() as number;
  const demo = db.prepare("SELECT value FROM workspace_meta WHERE key = 'demo.generatedAt'").pluck().get() as
    string | undefined;
  return `${row.n}:${row.last ?? 0}:${row.undone}:${accounts}${demo ? `:${demo}` : ''}`;
}
