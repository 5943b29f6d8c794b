// The import worker thread: reads and parses files (pass one, pass two) so the backend's event
// loop only writes batches to SQLite and stays free to answer the UI.
import { parentPort, type TransferListItem } from 'node:worker_threads';
import { answer, type Envelope } from '#shared/request-reply';
import { analyzeFile } from './analyze';
import { transferables } from './batch';
import { produceRecords } from './produce';
import type { WorkerEvent, WorkerInbound, WorkerRequest } from './worker-protocol';

if (!parentPort) throw new Error('import-worker must run as a worker thread');
const port = parentPort;

// Back-pressure: at most `window` batches in flight; the writer acknowledges each one.
const window = 8;
let inFlight = 0;
let wake: (() => void) | null = null;

port.on('message', (message: WorkerInbound) => {
  if (message.op === 'ack') {
    inFlight--;
    wake?.();
    wake = null;
    return;
  }
  void answer<WorkerRequest, WorkerEvent, TransferListItem>(message, handle, (reply, transfer) =>
    port.postMessage(reply, transfer),
  );
});

async function handle(
  message: Envelope<WorkerRequest>,
  emit: (event: WorkerEvent, transfer?: TransferListItem[]) => void,
): Promise<unknown> {
  switch (message.op) {
    case 'analyze':
      return analyzeFile(message.path, {
        sheet: message.sheet,
        maxRows: message.maxRows,
        onProgress: (bytesRead, rows) => emit({ type: 'progress', bytesRead, rows }),
      });
    case 'produce':
      return produceRecords(message.request, async (batch) => {
        inFlight++;
        emit({ type: 'batch', batch }, transferables(batch));
        if (inFlight >= window) await new Promise<void>((resolve) => (wake = resolve));
      });
  }
}
