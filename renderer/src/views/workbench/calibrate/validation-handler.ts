// What the validation worker does with each message, apart from the worker plumbing (so tests run
// it in-process): hold the held-out accounts of each held-out as-of date (their feature columns and
// labels), keep one live validator per slot (baseline, draft), and answer each pack with its
// held-out metrics and the classes behind them.
import { decodeFeatures } from '#shared/engine/arrow-features';
import type { FeatureTable } from '#shared/engine/features';
import { createLiveValidator, type LiveClasses, type LiveMetrics, type LiveValidator } from '#shared/calibrate/live';
import { checkPack, type PackIssue } from '#shared/pack/validate';
import { classKey } from '#shared/workbench/class-summary';
import {
  addColumns,
  createColumnStore,
  missingSignatures,
  tableFor,
  type ColumnStore,
} from '#shared/workbench/columns';

export const labelColumn = '__label';

export type ValidationRequest =
  | { op: 'load'; runId: number; sets: ArrayBuffer[] }
  | { op: 'held'; set: number }
  | { op: 'addColumns'; set: number; bytes: ArrayBuffer }
  | { op: 'update'; slot: string; pack: unknown };

export type ValidationUpdate =
  | { status: 'ok'; runId: number; metrics: LiveMetrics; classes: LiveClasses[]; key: string }
  | { status: 'invalid'; issues: PackIssue[] }
  | { status: 'needs-columns'; sets: number[] }
  | { status: 'empty' };

export interface ValidationReplies {
  load: { sets: number; accounts: number };
  held: string[];
  addColumns: { held: number };
  update: ValidationUpdate;
}

interface HeldOutSet {
  store: ColumnStore;
  labels: Int8Array;
}

export function createValidationHandler(): (message: ValidationRequest) => unknown {
  let runId = 0;
  let sets: HeldOutSet[] = [];
  const slots = new Map<string, { validator: LiveValidator; tables: FeatureTable[] }>();
  return (message) => {
    switch (message.op) {
      case 'load': {
        runId = message.runId;
        slots.clear();
        sets = message.sets.map((bytes) => {
          const payload = decodeFeatures(new Uint8Array(bytes));
          const label = payload.columns.get(labelColumn);
          if (!label) throw new Error('A validation set must carry the accounts’ labels.');
          payload.columns.delete(labelColumn);
          return { store: createColumnStore(payload), labels: Int8Array.from(label) };
        });
        return {
          sets: sets.length,
          accounts: sets.reduce((n, s) => n + s.labels.length, 0),
        } satisfies ValidationReplies['load'];
      }
      case 'held':
        return [...(sets[message.set]?.store.bySignature.keys() ?? [])];
      case 'addColumns': {
        const set = sets[message.set];
        if (!set) throw new Error(`There is no validation set ${message.set}.`);
        addColumns(set.store, decodeFeatures(new Uint8Array(message.bytes)));
        return { held: set.store.bySignature.size };
      }
      case 'update': {
        if (sets.length === 0) return { status: 'empty' } satisfies ValidationUpdate;
        const checked = checkPack(message.pack);
        if (!checked.ok) return { status: 'invalid', issues: checked.issues } satisfies ValidationUpdate;
        const valid = checked.value;
        const needs = sets.flatMap((s, k) => (missingSignatures(s.store, valid).length > 0 ? [k] : []));
        if (needs.length > 0) return { status: 'needs-columns', sets: needs } satisfies ValidationUpdate;
        let slot = slots.get(message.slot);
        if (!slot) {
          const tables = sets.map((s) => tableFor(s.store, valid));
          const validator = createLiveValidator(
            sets.map((s, k) => ({ features: tables[k]!, labels: s.labels, heldOut: 1 })),
            valid,
          );
          slot = { validator, tables };
          slots.set(message.slot, slot);
        } else {
          slot.tables = sets.map((s, k) => tableFor(s.store, valid, slot!.tables[k]));
          slot.validator.update(valid, slot.tables);
        }
        return {
          status: 'ok',
          runId,
          metrics: slot.validator.metrics,
          classes: slot.validator.classes(),
          key: classKey(valid),
        } satisfies ValidationUpdate;
      }
    }
  };
}
