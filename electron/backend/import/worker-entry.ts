// The import worker thread: reads and parses files (pass one, pass two) so the backend's event
// loop only writes batches to SQLite and stays free to answer the UI.
import { parentPort } from 'node:worker_threads';
import { analyzeFile } from './analyze';
import { transferables } from './batch';
import { produceRecords, type ProduceRequest } from './produce';
import type { WorkerReply, WorkerRequest } from './worker-protocol';
import { messageOf } from '#shared/error-message';

if (!parentPort) throw new Error('import-worker must run as a worker thread');
const port = parentPort;
const post = (reply: WorkerReply) => port.postMessage(reply);

// Back-pressure: at most `window` batches in flight; the writer acknowledges each one.
const window = 8;
let inFlight = 0;
let wake: (() => void) | null = null;

port.on('message', (message: WorkerRequest) => {
  if (message.type === 'ack') {
    inFlight--;
    wake?.();
    wake = null;
    return;
  }
  void handle(message).catch((error: unknown) =>
    post({
      type: 'error',
      message: messageOf(error),
      code: (error as { code?: string }).code ?? 'internal',
    }),
  );
});

async function handle(message: Exclude<WorkerRequest, { type: 'ack' }>): Promise<void> {
  if (message.type === 'analyze') {
    const analysis = await analyzeFile(message.path, {
      sheet: message.sheet,
      maxRows: message.maxRows,
      onProgress: (bytesRead, rows) => post({ type: 'progress', bytesRead, rows }),
    });
    post({ type: 'analysis', analysis });
    return;
  }
  const request: ProduceRequest = message.request;
  const summary = await produceRecords(request, async (batch) => {
    inFlight++;
    port.postMessage({ type: 'batch', batch } satisfies WorkerReply, transferables(batch));
    if (inFlight >= window) await new Promise<void>((resolve) => (wake = resolve));
  });
  post({ type: 'produced', summary });
}
