// Messages between the backend and the import worker thread (carried by #shared/request-reply):
// a request, then progress and batch events, then the result; the backend acknowledges each batch.
import type { Envelope } from '#shared/request-reply';
import type { FileAnalysis } from './analyze';
import type { Batch } from './batch';
import type { ProduceRequest, ProduceSummary } from './produce';

export type WorkerRequest =
  | { op: 'analyze'; path: string; sheet?: string | undefined; maxRows?: number | undefined }
  | { op: 'produce'; request: ProduceRequest };

export interface WorkerReplies {
  analyze: FileAnalysis;
  produce: ProduceSummary;
}

export type WorkerEvent = { type: 'progress'; bytesRead: number; rows: number } | { type: 'batch'; batch: Batch };

/** From the backend to the worker: a request, or the acknowledgement of one batch (back-pressure). */
export type WorkerInbound = Envelope<WorkerRequest> | { op: 'ack' };
