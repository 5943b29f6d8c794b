// Connects the Calibrate tab to the validation worker: loads the held-out accounts of the last run,
// fetches columns a draft needs, coalesces rapid edits (only the latest draft is scored), and
// answers class-only edits in the same frame from the classes the worker last sent.
import { liveMetricsForPack, type LiveClasses, type LiveMetrics } from '#shared/calibrate/live';
import type { CalibrationResult } from '#shared/api/calibrate-contract';
import { checkPack } from '#shared/pack/validate';
import { classKey } from '#shared/workbench/class-summary';
import { api } from '../../../api';
import { createValidationClient, type ValidationClient } from './validation-client';
import type { ValidationUpdate } from './validation-handler';

export interface ValidationSession {
  /** Loads the held-out sets of a run; later updates validate against them. */
  load(result: CalibrationResult): Promise<void>;
  /** The pack's held-out metrics (null when a newer pack for the slot superseded this one). */
  update(slot: string, pack: unknown): Promise<ValidationUpdate | null>;
  /** The same, at once, when the pack differs from the slot's last one only in weights, stages or switches. */
  fast(slot: string, pack: unknown): LiveMetrics | null;
  readonly runId: number | null;
  reset(): void;
  useClientFactory(make: () => ValidationClient): void;
}

const bufferOf = (bytes: Uint8Array): ArrayBuffer =>
  bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
    ? bytes.buffer
    : bytes.slice().buffer;

export function createValidationSession(
  makeClient: () => ValidationClient = createValidationClient,
): ValidationSession {
  let client: ValidationClient | null = null;
  let runId: number | null = null;
  const classes = new Map<string, { key: string; classes: LiveClasses[] }>();
  const queues = new Map<
    string,
    {
      running: boolean;
      next: { pack: unknown; resolve(v: ValidationUpdate | null): void; reject(e: unknown): void } | null;
    }
  >();
  const getClient = () => (client ??= makeClient());

  async function fetchColumns(sets: number[], pack: unknown): Promise<void> {
    for (const set of sets) {
      const have = await getClient().send({ op: 'held', set });
      const bytes = await api.call('calibrate.validationColumns', { runId: runId!, set, pack, have });
      const buffer = bufferOf(bytes);
      await getClient().send({ op: 'addColumns', set, bytes: buffer }, [buffer]);
    }
  }

  async function run(slot: string, pack: unknown): Promise<ValidationUpdate> {
    let reply = await getClient().send({ op: 'update', slot, pack });
    if (reply.status === 'needs-columns') {
      await fetchColumns(reply.sets, pack);
      reply = await getClient().send({ op: 'update', slot, pack });
    }
    if (reply.status === 'ok') classes.set(slot, { key: reply.key, classes: reply.classes });
    return reply;
  }

  async function drain(slot: string) {
    const queue = queues.get(slot)!;
    queue.running = true;
    while (queue.next) {
      const job = queue.next;
      queue.next = null;
      try {
        job.resolve(await run(slot, job.pack));
      } catch (error) {
        job.reject(error);
      }
    }
    queue.running = false;
  }

  return {
    get runId() {
      return runId;
    },
    async load(result) {
      const buffers: ArrayBuffer[] = [];
      for (let set = 0; set < result.validationSets; set++)
        buffers.push(bufferOf(await api.call('calibrate.validation', { runId: result.runId, set })));
      await getClient().send({ op: 'load', runId: result.runId, sets: buffers }, buffers);
      runId = result.runId;
      classes.clear();
    },
    update(slot, pack) {
      let queue = queues.get(slot);
      if (!queue) queues.set(slot, (queue = { running: false, next: null }));
      const q = queue;
      return new Promise((resolve, reject) => {
        q.next?.resolve(null);
        q.next = { pack, resolve, reject };
        if (!q.running) void drain(slot);
      });
    },
    fast(slot, pack) {
      const last = classes.get(slot);
      if (!last) return null;
      const checked = checkPack(pack);
      if (!checked.ok || classKey(checked.value) !== last.key) return null;
      return liveMetricsForPack(checked.value.pack, last.classes);
    },
    reset() {
      client?.terminate();
      client = null;
      runId = null;
      classes.clear();
      queues.clear();
    },
    useClientFactory(make) {
      this.reset();
      makeClient = make;
    },
  };
}

export const validationSession = createValidationSession();
