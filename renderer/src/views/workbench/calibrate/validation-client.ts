// The UI's handle on the validation worker (or the same handler in this thread, for tests).
import type { ValidationReplies, ValidationRequest } from './validation-handler';

type Op = ValidationRequest['op'];
type RequestOf<O extends Op> = Extract<ValidationRequest, { op: O }>;

export interface ValidationClient {
  send<O extends Op>(request: RequestOf<O>, transfer?: Transferable[]): Promise<ValidationReplies[O]>;
  terminate(): void;
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export function createValidationClient(): ValidationClient {
  const worker = new Worker(new URL('./validation-worker.ts', import.meta.url), {
    type: 'module',
    name: 'ladder-validation',
  });
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
    for (const entry of pending.values()) entry.reject(new Error(`Live validation stopped: ${event.message}`));
    pending.clear();
  };
  return {
    send(request, transfer = []) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        worker.postMessage({ id, ...request }, transfer);
      });
    },
    terminate: () => worker.terminate(),
  };
}

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
