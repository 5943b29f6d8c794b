// The engine worker: all scoring runs here, off the UI thread, so a slider never waits.
/// <reference lib="webworker" />
import { answer } from '#shared/request-reply';
import { createEngineHandler } from './engine-handler';
import type { Envelope, Request } from './protocol';

const handle = createEngineHandler();

self.onmessage = (event: MessageEvent<Envelope>) =>
  void answer<Request>(event.data, handle, (reply) => self.postMessage(reply));
