// Positives and negatives per engine class, separately for the training and the held-out part.
// With these, every metric of a model is a sum over a few hundred classes, so it can be recomputed
// for each edit of the draft; they change only when accounts move between classes.

export const trainPart = 0;
export const heldOutPart = 1;

export interface ClassCounts {
  size: number;
  trainPos: Float64Array;
  trainNeg: Float64Array;
  testPos: Float64Array;
  testNeg: Float64Array;
}

/**
 * `labels`: 1 positive, 0 negative, −1 excluded, per account. `part`: per account 0 training or 1
 * held out, or one part for every account (a whole as-of date on one side of a time split).
 */
export function countByClass(of: Int32Array, size: number, labels: Int8Array, part: Uint8Array | number): ClassCounts {
  const out: ClassCounts = {
    size,
    trainPos: new Float64Array(size),
    trainNeg: new Float64Array(size),
    testPos: new Float64Array(size),
    testNeg: new Float64Array(size),
  };
  const split = typeof part === 'number' ? null : part;
  const whole = typeof part === 'number' ? part : 0;
  for (let i = 0; i < of.length; i++) {
    const label = labels[i]!;
    if (label < 0) continue;
    const held = split ? split[i] === heldOutPart : whole === heldOutPart;
    const c = of[i]!;
    if (held) {
      if (label === 1) out.testPos[c]! += 1;
      else out.testNeg[c]! += 1;
    } else if (label === 1) out.trainPos[c]! += 1;
    else out.trainNeg[c]! += 1;
  }
  return out;
}
