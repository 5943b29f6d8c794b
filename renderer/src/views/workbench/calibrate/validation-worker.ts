// The validation worker: the draft's held-out metrics are computed here, off the UI thread.
/// <reference lib="webworker" />
import { answer, type Envelope } from '#shared/request-reply';
import { createValidationHandler, type ValidationRequest } from './validation-handler';

const handle = createValidationHandler();

self.onmessage = (event: MessageEvent<Envelope<ValidationRequest>>) =>
  void answer<ValidationRequest>(
    event.data,
    (request) => handle(request),
    (reply) => self.postMessage(reply),
  );
