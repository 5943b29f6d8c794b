// Live validation through threshold edits: the validator updates its per-class positives and negatives
// from the engine's move log (not a recount), so after every edit of a random sequence its metrics
// must equal a fresh validator's, and its class counts a recount of the engine's classes.
import fc from 'fast-check';
import { countByClass } from '#shared/calibrate/class-counts';
import { createLiveValidator, type LiveSet } from '#shared/calibrate/live';
import { valid } from '../engine/fixtures';
import { applyEdit, editArb, featuresArb, packArb, packOf, tableOf } from '../engine/threshold-cases';

describe('live validation through threshold edits', () => {
  it('equals a fresh validator after every edit, on a per-account hold-out and a held-out date', () => {
    fc.assert(
      fc.property(
        featuresArb,
        featuresArb,
        packArb,
        fc.array(editArb, { minLength: 1, maxLength: 10 }),
        (f, g, p0, edits) => {
          const sets: LiveSet[] = [
            { features: tableOf(f), labels: Int8Array.from(f.labels), heldOut: Uint8Array.from(f.heldOut) },
            { features: tableOf(g), labels: Int8Array.from(g.labels), heldOut: 1 },
          ];
          const live = createLiveValidator(sets, valid(packOf(p0)));
          let p = p0;
          for (const e of edits) {
            p = applyEdit(p, e);
            const metrics = live.update(valid(packOf(p)));
            expect(metrics).toEqual(createLiveValidator(sets, valid(packOf(p))).metrics);
            live.classes().forEach((c, k) => {
              const t = live.engines[k]!.table;
              const recount = countByClass(t.of, t.size, sets[k]!.labels, sets[k]!.heldOut);
              expect(Array.from(c.pos)).toEqual(Array.from(recount.testPos));
              expect(Array.from(c.neg)).toEqual(Array.from(recount.testNeg));
            });
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
