// Whitespace per account, from the pack's potential section as the engine computes it (the book of
// business's definition: max(0, potential ARR − ARR), unknown when an input is missing).
import type { Engine } from '../engine/engine';
import { isSet } from '../missing';

export function whitespaceReader(engine: Engine): (i: number) => number | null {
  const column = engine.potential.whitespace;
  return (i) => {
    const v = column[i]!;
    return isSet(v) ? v : null;
  };
}
