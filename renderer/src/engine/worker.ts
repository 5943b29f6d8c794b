// The engine worker: all scoring runs here, off the UI thread, so a slider never waits.
/// <reference lib="webworker" />
import { createEngineHandler } from './engine-handler';
import type { Envelope, Reply } from './protocol';
import { messageOf } from '#shared/error-message';

const handle = createEngineHandler();

self.onmessage = (event: MessageEvent<Envelope>) => {
  let reply: Reply;
  try {
    reply = { id: event.data.id, ok: true, value: handle(event.data) };
  } catch (error) {
    reply = { id: event.data.id, ok: false, error: messageOf(error) };
  }
  self.postMessage(reply);
};
