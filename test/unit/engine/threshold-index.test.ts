// Threshold edits through the sorted column index: after every edit of a random sequence the engine's
// bits, classes, outcomes and aggregate equal a fresh engine's, the indexed path is the one taken for
// threshold-only edits of `>`/`>=`/`<`/`<=` signals, and its move log names exactly the accounts moved.
import fc from 'fast-check';
import { accountScores, createEngine, type Engine } from '#shared/engine/engine';
import {
  applyEdit,
  editArb,
  featuresArb,
  packArb,
  packOf,
  tableOf,
  thresholds,
  type PackCase,
} from './threshold-cases';
import { basicStages, features, signal, valid } from './fixtures';

/** Accounts per (mask, context) class key, leaving out empty classes (an edited table keeps them). */
function classCounts(engine: Engine): Map<string, number> {
  const t = engine.table;
  const out = new Map<string, number>();
  for (let c = 0; c < t.size; c++) if (t.count[c]! > 0) out.set(`${t.mask[c]}:${t.context[c]}`, t.count[c]!);
  return out;
}

function expectSameAsFresh(engine: Engine, p: PackCase) {
  const fresh = createEngine(engine.features, valid(packOf(p)));
  expect(Array.from(engine.masks)).toEqual(Array.from(fresh.masks));
  expect(Array.from(engine.contexts)).toEqual(Array.from(fresh.contexts));
  expect(classCounts(engine)).toEqual(classCounts(fresh));
  expect(engine.result).toEqual(fresh.result);
  const a = accountScores(engine);
  const b = accountScores(fresh);
  expect(Array.from(a.score)).toEqual(Array.from(b.score));
  expect(Array.from(a.stage)).toEqual(Array.from(b.stage));
  // Every account's class has that account's bits (the table and `of` agree after the moves).
  const { of, mask, context } = engine.table;
  expect(Array.from(of, (c) => mask[c])).toEqual(Array.from(engine.masks));
  expect(Array.from(of, (c) => context[c])).toEqual(Array.from(engine.contexts));
}

const monotone = new Set(['>', '>=', '<', '<=']);

describe('threshold edits through the sorted index', () => {
  it('equal a fresh engine after every edit of a random sequence', () => {
    fc.assert(
      fc.property(featuresArb, packArb, fc.array(editArb, { minLength: 1, maxLength: 10 }), (f, p0, edits) => {
        const table = tableOf(f);
        const engine = createEngine(table, valid(packOf(p0)));
        let p = p0;
        for (const e of edits) {
          const next = applyEdit(p, e);
          const masksBefore = Uint32Array.from(engine.masks);
          const ofBefore = Int32Array.from(engine.table.of);
          const kind = engine.update(valid(packOf(next)));
          const edited = next.signals[e.signal % next.signals.length]!;
          const changed = kind !== 'none' && JSON.stringify(next) !== JSON.stringify(p);
          if (changed && monotone.has(edited.operator)) {
            // The indexed path ran, and its log holds exactly the accounts whose class changed.
            const moves = engine.moves!;
            expect(moves).not.toBeNull();
            const logged = Array.from(moves.account.subarray(0, moves.length)).sort((x, y) => x - y);
            const flipped = [...masksBefore.keys()].filter((i) => masksBefore[i] !== engine.masks[i]);
            expect(logged).toEqual(flipped);
            const accounts = Array.from(moves.account.subarray(0, moves.length));
            expect(Array.from(moves.from.subarray(0, moves.length))).toEqual(accounts.map((i) => ofBefore[i]));
            expect(Array.from(moves.to.subarray(0, moves.length))).toEqual(accounts.map((i) => engine.table.of[i]));
          }
          expectSameAsFresh(engine, next);
          p = next;
        }
      }),
      { numRuns: 250 },
    );
  });

  it('moves the accounts on the boundary, -0 with 0, and never those with a missing value', () => {
    const table = features({
      segment: [0, 0, 0, 1, 1, 2, 3],
      columns: { health_score: [-0, 0, 1, 1, NaN, 2, 1] },
    });
    const packAt = (threshold: number, operator: string, smb?: number) =>
      valid({
        schemaVersion: 1,
        name: 'edge',
        signals: [
          signal('s', 'health_score', operator, threshold, 5, {
            ...(smb === undefined ? {} : { segmentOverrides: { SMB: { threshold: smb } } }),
          }),
        ],
        ladder: { stages: basicStages },
      });
    const engine = createEngine(table, packAt(0, '>='));
    const movedBy = (next: ReturnType<typeof packAt>) => {
      engine.update(next);
      const m = engine.moves!;
      return Array.from(m.account.subarray(0, m.length)).sort((x, y) => x - y);
    };
    // x >= 0 → x >= 1: -0 and 0 stop firing (segment 0); the 1s still fire; NaN never fired.
    expect(movedBy(packAt(1, '>='))).toEqual([0, 1]);
    // x >= 1 → x >= 2 except SMB at 1: accounts with value 1 outside SMB (A3, A6) stop firing.
    expect(movedBy(packAt(2, '>=', 1))).toEqual([3, 6]);
    // SMB override 1 → -0 gives SMB the same as 0: all three SMB accounts now fire (−0 ≥ −0).
    expect(movedBy(packAt(2, '>=', -0))).toEqual([0, 1]);
    expect(movedBy(packAt(2, '>=', 0))).toEqual([]);
    expect(Array.from(accountScores(engine).score)).toEqual([5, 5, 5, 0, 0, 5, 0]);
  });

  it('rescans (and says it does not know the moves) when the operator or metric changes', () => {
    const table = features({ segment: [0, 1], columns: { health_score: [1, 2], nps: [3, 4] } });
    const at = (metric: string, operator: string) =>
      valid({
        schemaVersion: 1,
        name: 'r',
        signals: [signal('s', metric, operator, 2, 5)],
        ladder: { stages: basicStages },
      });
    const engine = createEngine(table, at('health_score', '>'));
    expect(engine.update(at('health_score', '>='))).toBe('rescan');
    expect(engine.moves).toBeNull();
    expect(engine.update(at('nps', '>='))).toBe('rescan');
    expect(engine.moves).toBeNull();
    expect(engine.update(at('nps', '>='))).toBe('classes');
    expect(engine.moves?.length).toBe(0);
    expect(Array.from(accountScores(engine).score)).toEqual([5, 5]);
  });

  it('rescans when a segment code lies outside 0–3 (conditionBits has no per-segment rule for it)', () => {
    // With one threshold for all segments conditionBits fires such an account on its value; with
    // per-segment thresholds never. A per-segment range cannot follow that, so the index stands aside.
    const table = features({ segment: [0, 4, 1, 4], columns: { health_score: [1, 2, 3, 2] } });
    const at = (threshold: number) =>
      valid({
        schemaVersion: 1,
        name: 'odd segment',
        signals: [signal('s', 'health_score', '>', threshold, 5)],
        ladder: { stages: basicStages },
      });
    const engine = createEngine(table, at(3));
    engine.update(at(1.5));
    expect(engine.moves).toBeNull();
    expect(Array.from(accountScores(engine).score)).toEqual(
      Array.from(accountScores(createEngine(table, at(1.5))).score),
    );
  });

  it('equals a fresh engine on thousands of accounts, with ARR varying and many ties', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2049, max: 9000 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.array(fc.constantFrom(...thresholds), { minLength: 2, maxLength: 6 }),
        (n, seed, steps) => {
          let state = seed;
          const next = () => (state = (Math.imul(state, 48271) >>> 0) % 2147483647) / 2147483647;
          const pool = [...thresholds, NaN, 4];
          const table = features({
            segment: Array.from({ length: n }, () => Math.floor(next() * 4)),
            arr: Array.from({ length: n }, () => Math.floor(next() * 1e7) / 100),
            columns: { health_score: Array.from({ length: n }, () => pool[Math.floor(next() * pool.length)]!) },
          });
          const at = (t: number) =>
            valid({
              schemaVersion: 1,
              name: 'large',
              signals: [
                signal('s', 'health_score', '<=', t, 5, { segmentOverrides: { Enterprise: { threshold: -t } } }),
              ],
              ladder: { stages: basicStages },
            });
          const engine = createEngine(table, at(steps[0]!));
          for (const t of steps.slice(1)) {
            engine.update(at(t));
            expect(engine.moves).not.toBeNull();
            const fresh = createEngine(table, at(t));
            expect(Array.from(engine.masks)).toEqual(Array.from(fresh.masks));
            expect(engine.result).toEqual(fresh.result);
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});
