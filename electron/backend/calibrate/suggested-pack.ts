// The suggested pack as a file: the calibrated pack with the suggested points (and thresholds when
// asked), its validation block dropped (its golden cases were for the old weights), and a
// changelog entry saying where the weights came from. Written to a temporary file, synced and
// renamed into place, so a crash never leaves half a pack.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { applySuggestion } from '#shared/calibrate/suggest';
import type { CalibrationReport } from '#shared/calibrate/report';
import { packToJson } from '#shared/pack/document';
import type { RulePack } from '#shared/pack/schema';
import { checkPack, formatIssues } from '#shared/pack/validate';

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
  if (!checked.ok) throw new Error(`The suggested pack does not validate: ${formatIssues(checked.issues)}`);
  return checked.value.pack;
}

/** Writes text to `path` through a temporary file in the same folder: write, fsync, rename. */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}-${Date.now()}.tmp`);
  const fd = openSync(tmp, 'w', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

export function writeSuggestedPack(path: string, pack: RulePack): void {
  writeFileAtomic(path, packToJson(pack));
}
