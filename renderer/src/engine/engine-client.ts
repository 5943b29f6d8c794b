// The UI's handle on the engine worker: typed requests, promise replies.
import { createCaller } from '#shared/request-reply';
import type { Envelope, Replies, Reply, Request } from './protocol';

type Op = Request['op'];
type RequestOf<O extends Op> = Extract<Request, { op: O }>;

export interface EngineClient {
  send<O extends Op>(request: RequestOf<O>, transfer?: Transferable[]): Promise<Replies[O]>;
  terminate(): void;
}

export function createEngineClient(): EngineClient {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'ladder-engine' });
  const caller = createCaller<Request, Replies, never, Transferable>(
    (envelope, transfer) => worker.postMessage(envelope, transfer),
    (failure) => new Error(failure.message),
  );
  worker.onmessage = (event: MessageEvent<Reply>) => caller.receive(event.data);
  worker.onerror = (event) => caller.failAll(new Error(`The engine stopped: ${event.message}`));
  return {
    send: (request, transfer = []) => caller.call(request, { transfer }),
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
