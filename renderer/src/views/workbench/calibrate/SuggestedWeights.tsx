// The suggested points as a diff against the draft, the regression behind them, held-out AUC of
// the suggestion beside the current pack's and the unrounded regression's, and Apply to draft
// (one undoable edit).
import { useState } from 'react';
import { applySuggestion } from '#shared/calibrate/suggest';
import type { CalibrationReport } from '#shared/calibrate/report';
import type { RulePackInput } from '#shared/pack/schema';
import { useModelStore } from '../../../store/model-store';
import { fixed, interval, threshold } from './format';

const reasons = {
  'non-positive': 'its coefficient is not positive: it does not raise the odds of expanding',
  unstable: 'its 95 % interval reaches zero: the data cannot tell it from noise',
  'never-fires': 'it never fires on the training accounts',
  'always-fires': 'it fires for every training account',
} as const;

export function SuggestedWeights({ report, draft }: { report: CalibrationReport; draft: RulePackInput }) {
  const edit = useModelStore((s) => s.edit);
  const [withThresholds, setWithThresholds] = useState(false);
  const s = report.suggested;
  const removal = new Map(s.removal.map((r) => [r.id, r.reason]));
  const coefficient = new Map(s.coefficients.map((c) => [c.id, c]));
  const signals = draft.signals.filter((x) => Object.hasOwn(s.weights, x.id));
  const thresholds = Object.keys(s.thresholds).length;
  const same = signals.every(
    (x) =>
      x.weight === s.weights[x.id] &&
      (!withThresholds || !Object.hasOwn(s.thresholds, x.id) || x.threshold === s.thresholds[x.id]),
  );
  const unreliable = report.verdict === 'too-little-signal';
  return (
    <section className="card" aria-labelledby="suggested-title" data-testid="suggested-weights">
      <h3 id="suggested-title">Suggested weights</h3>
      <p className="muted small">
        L2-regularised logistic regression (λ = {s.lambda}) of conversion on the signals and the segment, fitted on the
        training part; points ∝ coefficients, the strongest signal getting the pack’s largest weight ({s.scale}),
        rounded.
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Signal</th>
            <th scope="col">Draft</th>
            <th scope="col">Suggested</th>
            <th scope="col">Coefficient ± SE</th>
            {withThresholds && <th scope="col">Threshold</th>}
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {signals.map((x) => {
            const next = s.weights[x.id]!;
            const c = coefficient.get(x.id);
            const reason = removal.get(x.id);
            return (
              <tr key={x.id} data-testid={`suggested-${x.id}`} className={next !== x.weight ? 'changed' : undefined}>
                <th scope="row">{x.label}</th>
                <td>{x.weight}</td>
                <td className={next > x.weight ? 'up' : next < x.weight ? 'down' : undefined} data-value={next}>
                  {next}
                  {next !== x.weight && (
                    <span className="muted small">
                      {' '}
                      ({next > x.weight ? '+' : ''}
                      {next - x.weight})
                    </span>
                  )}
                </td>
                <td>{c ? `${fixed(c.coefficient, 2)} ± ${fixed(c.standardError, 2)}` : '—'}</td>
                {withThresholds && (
                  <td>
                    {Object.hasOwn(s.thresholds, x.id)
                      ? `${threshold(x.threshold)} → ${threshold(s.thresholds[x.id])}`
                      : '—'}
                  </td>
                )}
                <td className="small">{reason ? `Consider removing: ${reasons[reason]}.` : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <table className="data-table compact" data-testid="suggested-heldout">
        <thead>
          <tr>
            <th scope="col">Held out</th>
            <th scope="col">ROC AUC (95 % CI)</th>
            <th scope="col">Top-decile lift</th>
          </tr>
        </thead>
        <tbody>
          {(
            [
              ['The pack as calibrated', s.current],
              ['Suggested points', s.heldOut],
              ['Unrounded regression', s.regression],
            ] as const
          ).map(([label, m]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>
                {fixed(m.auc)} ({interval(m.aucCi)})
              </td>
              <td>{fixed(m.liftTopDecile, 2)}×</td>
            </tr>
          ))}
        </tbody>
      </table>
      {unreliable && (
        <p className="banner warning small">
          {report.verdictReason} The suggestion is not an improvement you can rely on.
        </p>
      )}
      <div className="row-actions">
        {thresholds > 0 && (
          <label className="inline small">
            <input type="checkbox" checked={withThresholds} onChange={(e) => setWithThresholds(e.target.checked)} />{' '}
            Also apply the {thresholds} suggested threshold{thresholds === 1 ? '' : 's'}
          </label>
        )}
        <button
          className={unreliable ? undefined : 'primary'}
          disabled={same}
          data-testid="apply-suggestion"
          title="Put the suggested weights into the draft (Undo takes them out again)"
          onClick={() => edit((d) => applySuggestion(d, s.weights, withThresholds ? s.thresholds : {}))}
        >
          {same ? 'Applied to the draft' : 'Apply to draft'}
        </button>
      </div>
    </section>
  );
}
