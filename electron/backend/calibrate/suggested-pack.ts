// The suggested pack as a file: the calibrated pack with the suggested points (and thresholds when
// asked), its validation block dropped (its golden cases were for the old weights), and a
// changelog entry saying where the weights came from. Written temp + fsync + rename.
import { applySuggestion } from '#shared/calibrate/suggest';
import type { CalibrationReport } from '#shared/calibrate/report';
import { packToJson } from '#shared/pack/document';
import type { RulePack } from '#shared/pack/schema';
import { checkPack, describePackIssues } from '#shared/pack/validate';
import { writeFileAtomicSync } from '../atomic-write';

export function suggestedPack(
  pack: RulePack,
  report: CalibrationReport,
  withThresholds = false,
  today = new Date(),
): RulePack {
  const next = applySuggestion(pack, report.suggested.weights, withThresholds ? report.suggested.thresholds : {});
  const { validation: _stale, ...rest } = next;
  const date = today.toISOString().slice(0, 10);
  const note = `Weights suggested by calibration on ${report.asOf.join(', ')} (horizon ${report.horizonDays} days): held-out AUC ${report.suggested.heldOut.auc.toFixed(3)} against ${report.suggested.current.auc.toFixed(3)}; verdict ${report.verdict}.`;
  const meta = rest.meta ?? {};
  const checked = checkPack({
    ...rest,
    meta: {
      ...meta,
      changelog: [...(meta.changelog ?? []), { version: meta.version ?? '1', date, notes: note }].slice(-200),
    },
  });
  if (!checked.ok) throw new Error(describePackIssues(checked.issues, 'The suggested pack'));
  return checked.value.pack;
}

export function writeSuggestedPack(path: string, pack: RulePack): void {
  writeFileAtomicSync(path, packToJson(pack));
}
