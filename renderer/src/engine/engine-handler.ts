// What the engine worker does with each message, separate from the worker plumbing so the same
// code can run in-process (tests, and any host without workers).
import { decodeFeatures } from '#shared/engine/arrow-features';
import { createWorkbench } from '#shared/workbench/workbench';
import { decodeBookColumns } from '#shared/book/arrow-book';
import type { BookRequest } from '#shared/workbench/book';
import type { Envelope, HeatmapReply, Snapshot } from './protocol';

export function createEngineHandler(): (message: Envelope) => unknown {
  const workbench = createWorkbench();
  const snapshot = (baseline: string, draft: string): Snapshot | null => {
    if (!workbench.hasSlot(baseline) || !workbench.hasSlot(draft)) return null;
    return {
      baseline: workbench.result(baseline),
      draft: workbench.result(draft),
      movers: workbench.movers(baseline, draft),
    };
  };
  const heatmap = (slot: string, request: BookRequest): HeatmapReply => {
    const missing = workbench.missingBookFields(slot, request);
    if (missing.length > 0) return { status: 'needs-columns', fields: missing };
    const h = workbench.heatmap(slot, request);
    return { status: 'ok', heatmap: h, ...workbench.heatmapTiming() };
  };
  return (message) => {
    switch (message.op) {
      case 'load':
        workbench.load(decodeFeatures(new Uint8Array(message.bytes)));
        return { accounts: workbench.accounts, asOf: workbench.asOf };
      case 'addColumns':
        workbench.addColumns(decodeFeatures(new Uint8Array(message.bytes)));
        return { held: workbench.heldSignatures().length };
      case 'held':
        return workbench.heldSignatures();
      case 'update': {
        const started = performance.now();
        const set = workbench.setPack(message.slot, message.pack);
        const snap = set.status === 'ok' && message.compareWith ? snapshot(message.compareWith, message.slot) : null;
        const classes = snap ? workbench.classes(message.compareWith, message.slot) : null;
        return { set, snapshot: snap, classes, workerMs: performance.now() - started };
      }
      case 'snapshot':
        return snapshot(message.baseline, message.draft);
      case 'query':
        return workbench.query(message.baseline, message.draft, message.query);
      case 'explain':
        return workbench.explain(message.slot, message.index);
      case 'stats':
        return workbench.stats(message.slot, message.key);
      case 'matchingIds':
        return workbench.matchingIds(message.baseline, message.draft, message.query);
      case 'scope':
        workbench.setScope(message.owner);
        return { owner: workbench.scope };
      case 'bookColumns': {
        const p = decodeBookColumns(new Uint8Array(message.bytes));
        workbench.setBookColumns({
          asOf: p.asOf,
          days: p.days,
          wonArr: p.wonArr,
          converted: p.converted,
          fields: p.fields,
        });
        return { asOf: p.asOf, days: p.days };
      }
      case 'heatmap':
        return heatmap(message.slot, message.request);
    }
  };
}
