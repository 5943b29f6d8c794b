// Connects the model store to the engine worker: loads the feature table from the backend once
// per workspace, fetches new columns when a pack needs them, and coalesces rapid edits so the
// worker always scores the latest draft and never a backlog of stale ones.
import { api } from '../api';
import { createEngineClient, type EngineClient } from './engine-client';
import type { UpdateReply } from './protocol';

export interface EngineSession {
  client: EngineClient;
  /** Loads accounts and the pack's features as of a date (the latest period when omitted). */
  load(pack: unknown, asOf?: string): Promise<{ accounts: number; asOf: string }>;
  /** Scores `pack` in `slot`; while a request is in flight, only the latest pack is kept. */
  update(slot: string, pack: unknown, compareWith: string): Promise<UpdateReply | null>;
  reset(): void;
  /** My book: the owner every worker view counts (kept across reloads). */
  setScope(owner: string | null): Promise<void>;
  /** Loads the book's outcome columns (and custom fields) for the loaded as-of date. */
  loadBookColumns(days: number, fields: string[]): Promise<void>;
  /** What the worker holds for the book: as-of date, window and custom fields (null: nothing). */
  readonly bookColumns: { asOf: string; days: number; fields: string[] } | null;
  /** Where engines run: a worker by default; tests run them in-process. */
  useClientFactory(makeClient: () => EngineClient): void;
}

export function createEngineSession(makeClient: () => EngineClient = createEngineClient): EngineSession {
  let client: EngineClient | null = null;
  let asOf: string | null = null;
  let scopeOwner: string | null = null;
  let bookColumns: { asOf: string; days: number; fields: string[] } | null = null;
  interface Job {
    pack: unknown;
    compareWith: string;
    resolve(reply: UpdateReply | null): void;
    reject(error: unknown): void;
  }
  const queues = new Map<string, { running: boolean; next: Job | null }>();
  const getClient = () => (client ??= makeClient());

  /** The bytes' buffer, transferred to the worker without a copy when the view spans all of it. */
  const transferable = (bytes: Uint8Array): ArrayBuffer =>
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
      ? bytes.buffer
      : bytes.slice().buffer;

  async function fetchColumns(pack: unknown): Promise<void> {
    const have = await getClient().send({ op: 'held' });
    const bytes = await api.call('features.load', { pack, asOf: asOf ?? undefined, have, includeAccounts: false });
    const buffer = transferable(bytes);
    await getClient().send({ op: 'addColumns', bytes: buffer }, [buffer]);
  }

  async function run(slot: string, pack: unknown, compareWith: string): Promise<UpdateReply> {
    let reply = await getClient().send({ op: 'update', slot, pack, compareWith });
    if (reply.set.status === 'needs-columns') {
      await fetchColumns(pack);
      reply = await getClient().send({ op: 'update', slot, pack, compareWith });
    }
    return reply;
  }

  async function drain(slot: string): Promise<void> {
    const queue = queues.get(slot)!;
    queue.running = true;
    while (queue.next) {
      const job = queue.next;
      queue.next = null;
      try {
        job.resolve(await run(slot, job.pack, job.compareWith));
      } catch (error) {
        job.reject(error);
      }
    }
    queue.running = false;
  }

  return {
    get client() {
      return getClient();
    },
    async load(pack, date) {
      const bytes = await api.call('features.load', { pack, asOf: date, includeAccounts: true });
      const buffer = transferable(bytes);
      const loaded = await getClient().send({ op: 'load', bytes: buffer }, [buffer]);
      asOf = loaded.asOf;
      bookColumns = null;
      if (scopeOwner !== null) await getClient().send({ op: 'scope', owner: scopeOwner });
      return loaded;
    },
    async setScope(owner) {
      scopeOwner = owner;
      if (client) await client.send({ op: 'scope', owner });
    },
    async loadBookColumns(days, fields) {
      const bytes = await api.call('book.columns', { asOf: asOf ?? undefined, days, fields });
      const buffer = transferable(bytes);
      const loaded = await getClient().send({ op: 'bookColumns', bytes: buffer }, [buffer]);
      bookColumns = {
        asOf: loaded.asOf,
        days: loaded.days,
        fields: [...new Set([...(bookColumns?.asOf === loaded.asOf ? bookColumns.fields : []), ...fields])],
      };
    },
    get bookColumns() {
      return bookColumns;
    },
    update(slot, pack, compareWith) {
      let queue = queues.get(slot);
      if (!queue) queues.set(slot, (queue = { running: false, next: null }));
      const q = queue;
      return new Promise((resolve, reject) => {
        // A newer edit supersedes a queued one: the superseded caller gets null.
        q.next?.resolve(null);
        q.next = { pack, compareWith, resolve, reject };
        if (!q.running) void drain(slot);
      });
    },
    reset() {
      client?.terminate();
      client = null;
      asOf = null;
      bookColumns = null;
      queues.clear();
    },
    useClientFactory(next) {
      this.reset();
      makeClient = next;
    },
  };
}

export const engineSession = createEngineSession();
