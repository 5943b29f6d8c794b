// Settings for work that sorts a whole table (CREATE INDEX after a bulk load). SQLite's sorter
// keeps up to the page cache's size of keys in memory before it sorts them and starts another
// run; with a small cache it sorts in several runs on two threads (the import's reading thread has
// finished by then) and merges them. Measured on 1M accounts, both index builds (by id, by owner):
// 0.82-1.09 s at 4 MB on two threads against 1.03-1.30 s at the import's 32 MB on one, and about
// 30 MB less memory at the peak.
import type { Db } from './sqlite';

const sortCacheKib = 4096;
const sortThreads = 2;

export function withSortSettings<T>(db: Db, sort: () => T): T {
  const cache = db.pragma('cache_size', { simple: true }) as number;
  const threads = db.pragma('threads', { simple: true }) as number;
  db.pragma(`cache_size = -${sortCacheKib}`);
  db.pragma(`threads = ${sortThreads}`);
  try {
    return sort();
  } finally {
    db.pragma(`cache_size = ${cache}`);
    db.pragma(`threads = ${threads}`);
  }
}
