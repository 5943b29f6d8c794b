// Messages between the backend and the import worker thread.
import type { FileAnalysis } from './analyze';
import type { Batch } from './batch';
import type { ProduceRequest, ProduceSummary } from './produce';

export type WorkerRequest =
  | { type: 'analyze'; path: string; sheet?: string; maxRows?: number }
  | { type: 'produce'; request: ProduceRequest }
  | { type: 'ack' };

export type WorkerReply =
  | { type: 'progress'; bytesRead: number; rows: number }
  | { type: 'analysis'; analysis: FileAnalysis }
  | { type: 'batch'; batch: Batch }
  | { type: 'produced'; summary: ProduceSummary }
  | { type: 'error'; message: string; code: string };
