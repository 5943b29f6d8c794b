// The play an alert recommends: the pack's play for the approach of the strongest counted signal (the rule
// the account explanation uses), with its opening line and discovery questions. Packs written before plays
// had those read the first outline step as the opening line.
import type { RulePack } from '../pack/schema';

export interface AlertPlay {
  approach: string;
  label: string;
  ownerRole: string;
  opening: string;
  questions: string[];
  steps: string[];
}

export function playFor(pack: RulePack, signals: readonly { id: string; weight: number }[]): AlertPlay | null {
  const strongest = [...signals].sort((a, b) => b.weight - a.weight)[0];
  if (!strongest) return null;
  const approach = pack.signals.find((s) => s.id === strongest.id)?.approach;
  const play = pack.plays.find((p) => p.approach === approach);
  if (!play) return null;
  return {
    approach: play.approach,
    label: play.label,
    ownerRole: play.ownerRole,
    opening: play.opening ?? play.outline[0]!,
    questions: play.questions ?? [],
    steps: play.outline,
  };
}
