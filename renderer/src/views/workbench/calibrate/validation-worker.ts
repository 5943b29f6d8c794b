// The validation worker: the draft's held-out metrics are computed here, off the UI thread.
/// <reference lib="webworker" />
import { createValidationHandler, type ValidationRequest } from './validation-handler';

const handle = createValidationHandler();

self.onmessage = (event: MessageEvent<{ id: number } & ValidationRequest>) => {
  const { id, ...request } = event.data;
  try {
    self.postMessage({ id, ok: true, value: handle(request as ValidationRequest) });
  } catch (error) {
    self.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
