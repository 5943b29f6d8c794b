// The UI's handle on the validation worker (or the same handler in this thread, for tests).
import { createCaller, type ReplyEnvelope } from '#shared/request-reply';
import type { ValidationReplies, ValidationRequest } from './validation-handler';

type Op = ValidationRequest['op'];
type RequestOf<O extends Op> = Extract<ValidationRequest, { op: O }>;

export interface ValidationClient {
  send<O extends Op>(request: RequestOf<O>, transfer?: Transferable[]): Promise<ValidationReplies[O]>;
  terminate(): void;
}

export function createValidationClient(): ValidationClient {
  const worker = new Worker(new URL('./validation-worker.ts', import.meta.url), {
    type: 'module',
    name: 'ladder-validation',
  });
  const caller = createCaller<ValidationRequest, ValidationReplies, never, Transferable>(
    (envelope, transfer) => worker.postMessage(envelope, transfer),
    (failure) => new Error(failure.message),
  );
  worker.onmessage = (event: MessageEvent<ReplyEnvelope>) => caller.receive(event.data);
  worker.onerror = (event) => caller.failAll(new Error(`Live validation stopped: ${event.message}`));
  return {
    send: (request, transfer = []) => caller.call(request, { transfer }),
    terminate: () => worker.terminate(),
  };
}

/** The same handler in this thread (tests, hosts without workers); messages are cloned as if they crossed. */
export function createInProcessValidationClient(): ValidationClient {
  let handle: ((message: ValidationRequest) => unknown) | null = null;
  return {
    async send(request) {
      handle ??= (await import('./validation-handler')).createValidationHandler();
      return structuredClone(handle(structuredClone(request))) as never;
    },
    terminate: () => {
      handle = null;
    },
  };
}
