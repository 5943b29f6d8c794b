// The UI's handle on the engine worker: typed requests, promise replies.
import type { Envelope, Replies, Reply, Request } from './protocol';

type Op = Request['op'];
type RequestOf<O extends Op> = Extract<Request, { op: O }>;

export interface EngineClient {
  send<O extends Op>(request: RequestOf<O>, transfer?: Transferable[]): Promise<Replies[O]>;
  terminate(): void;
}

export function createEngineClient(): EngineClient {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'ladder-engine' });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  worker.onmessage = (event: MessageEvent<Reply>) => {
    const entry = pending.get(event.data.id);
    pending.delete(event.data.id);
    if (!entry) return;
    if (event.data.ok) entry.resolve(event.data.value);
    else entry.reject(new Error(event.data.error));
  };
  worker.onerror = (event) => {
    for (const entry of pending.values()) entry.reject(new Error(`The engine stopped: ${event.message}`));
    pending.clear();
  };
  return {
    send(request, transfer = []) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        worker.postMessage({ id, ...request } satisfies Envelope, transfer);
      });
    },
    terminate: () => worker.terminate(),
  };
}

/** The same engine in this thread: for tests, and hosts without workers. */
export function createInProcessEngineClient(): EngineClient {
  let handle: ((message: Envelope) => unknown) | null = null;
  return {
    async send(request) {
      handle ??= (await import('./engine-handler')).createEngineHandler();
      const copy = structuredClone({ id: 0, ...request }) as Envelope; // as if it crossed a thread
      return structuredClone(handle(copy)) as never;
    },
    terminate: () => {
      handle = null;
    },
  };
}
