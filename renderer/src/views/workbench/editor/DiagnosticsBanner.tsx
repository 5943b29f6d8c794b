// One line above the editor when the workspace's data leaves signals blind ("4 of 7 signals have no
// data in this workspace"), with the badges on the cards saying which and why.
import { useEffect } from 'react';
import type { RulePackInput } from '#shared/pack/schema';
import { useFitStore } from '../../../store/fit-store';
import { useModelStore } from '../../../store/model-store';

/** Keeps the draft's diagnostics current (debounced in the store) and shows the summary line. */
export function DiagnosticsBanner({ pack }: { pack: RulePackInput }) {
  const asOf = useModelStore((s) => s.asOf);
  const diagnose = useFitStore((s) => s.diagnose);
  const summary = useFitStore((s) => s.diagnosis?.summary ?? null);
  useEffect(() => diagnose(pack, asOf ?? undefined), [pack, asOf, diagnose]);
  if (!summary) return null;
  return (
    <div
      className="banner warning diagnostics-banner"
      role="status"
      data-testid="diagnostics-banner"
      title="The badges on the signals say what is missing. Start from… → Start from my columns builds a model from the data this workspace has."
    >
      <strong>{summary}</strong>
    </div>
  );
}
