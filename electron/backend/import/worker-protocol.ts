// Messages between the backend and the import worker thread.
import type { FileAnalysis } from './analyze';
import type { Batch, ProduceRequest, ProduceSummary } from './produce';

export type WorkerRequest =
  | { type: 'analyze'; path: string; sheet?: string }
  | { type: 'produce'; request: ProduceRequest }
  | { type: 'ack' };

export type WorkerReply =
  | { type: 'progress'; bytesRead: number; rows: number }
  | { type: 'analysis'; analysis: FileAnalysis }
  | { type: 'batch'; batch: Batch }
  | { type: 'produced'; summary: ProduceSummary }
  | { type: 'error'; message: string; code: string };
