// Stage colours keep their meaning everywhere: gate-only stages grey, the entry stage slate,
// stages in between amber to lime, the top stage green.
import type { RulePackInput } from '#shared/pack/schema';

const middle = ['#f59e0b', '#eab308', '#84cc16', '#65a30d'];

export function stageColors(pack: Pick<RulePackInput, 'ladder'>): Map<string, string> {
  const stages = pack.ladder.stages;
  const scored = stages.filter((s) => !s.gateOnly);
  const colors = new Map<string, string>();
  stages.filter((s) => s.gateOnly).forEach((s, i) => colors.set(s.id, ['#94a3b8', '#a8a29e', '#cbd5e1'][i % 3]!));
  scored.forEach((s, i) => {
    if (i === 0) colors.set(s.id, '#64748b');
    else if (i === scored.length - 1) colors.set(s.id, '#16a34a');
    else colors.set(s.id, middle[(i - 1) % middle.length]!);
  });
  return colors;
}
