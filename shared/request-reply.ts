// Requests and replies over a one-way message channel (a worker thread, a Web Worker, Electron's
// utility process). Each request carries an id and an `op`; the other side answers with the same id:
// a value, a failure {code, message}, or — before that — any number of events (progress, batches).
// Both ends of the engine worker, the import worker and the backend process use these two functions,
// so ids, pending calls, failures and "the other side died" are handled once.
import { messageOf } from './error-message';

export type Envelope<Req> = Req & { id: number };

export interface RemoteFailure {
  code: string;
  message: string;
}

export type ReplyEnvelope<Ev = never> =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: RemoteFailure }
  | { id: number; event: Ev };

/** A failure reported by the other side; `code` is its error code ('internal' when it had none). */
export class RemoteError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RemoteError';
  }
}

export interface CallOptions<Ev, T> {
  transfer?: T[];
  onEvent?: (event: Ev) => void;
}

export interface Caller<Req extends { op: string }, Replies extends { [O in Req['op']]: unknown }, Ev, T> {
  call<O extends Req['op']>(request: Extract<Req, { op: O }>, options?: CallOptions<Ev, T>): Promise<Replies[O]>;
  /** Hand every message from the other side to this. */
  receive(reply: ReplyEnvelope<Ev>): void;
  /** The other side is gone: every pending call fails with this error. */
  failAll(error: Error): void;
  readonly pending: number;
}

export function createCaller<
  Req extends { op: string },
  Replies extends { [O in Req['op']]: unknown },
  Ev = never,
  T = never,
>(
  post: (envelope: Envelope<Req>, transfer: T[]) => void,
  toError: (failure: RemoteFailure) => Error = (f) => new RemoteError(f.code, f.message),
): Caller<Req, Replies, Ev, T> {
  interface Pending {
    resolve(value: unknown): void;
    reject(error: Error): void;
    onEvent?: ((event: Ev) => void) | undefined;
  }
  const pending = new Map<number, Pending>();
  let nextId = 1;
  return {
    call(request, options = {}) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        // The one cast: the reply to op O is Replies[O] by the protocol both sides share.
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onEvent: options.onEvent });
        post({ ...request, id }, options.transfer ?? []);
      });
    },
    receive(reply) {
      const entry = pending.get(reply.id);
      if (!entry) return;
      if ('event' in reply) return entry.onEvent?.(reply.event);
      pending.delete(reply.id);
      if (reply.ok) entry.resolve(reply.value);
      else entry.reject(toError(reply.error));
    },
    failAll(error) {
      const entries = [...pending.values()];
      pending.clear();
      for (const entry of entries) entry.reject(error);
    },
    get pending() {
      return pending.size;
    },
  };
}

const codeOf = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'internal';
};

/** Runs one request and posts its outcome (events first, through `emit`); never throws. */
export async function answer<Req extends { op: string }, Ev = never, T = never>(
  envelope: Envelope<Req>,
  handle: (request: Envelope<Req>, emit: (event: Ev, transfer?: T[]) => void) => unknown,
  post: (reply: ReplyEnvelope<Ev>, transfer: T[]) => void,
  transferOf: (value: unknown) => T[] = () => [],
): Promise<void> {
  const { id } = envelope;
  try {
    const value = await handle(envelope, (event, transfer = []) => post({ id, event }, transfer));
    post({ id, ok: true, value }, transferOf(value));
  } catch (error) {
    post({ id, ok: false, error: { code: codeOf(error), message: messageOf(error) } }, []);
  }
}
