// Accounts with many rows per customer (order lines, subscriptions): the grain check stops the
// import, and this is the way on without leaving the wizard. Rolling up keeps one row per customer,
// ARR and seats summed over the rows still active (shared/import/roll-up.ts says which are).
import { useImportStore } from './import-store';

export function RollUpChoice() {
  const { kind, analysis, rollUp, setRollUp, activity } = useImportStore();
  const plan = analysis?.plan;
  if (!plan || kind !== 'accounts' || (!plan.grain && !rollUp)) return null;
  const column = plan.columns.find((c) => c.field === 'account_id' && !c.skip)?.source ?? 'account id';
  return (
    <label className="check roll-up" data-testid="roll-up">
      <input
        type="checkbox"
        checked={rollUp}
        disabled={activity !== null}
        onChange={(e) => setRollUp(e.target.checked)}
      />
      <span>
        Roll the rows up into one account per &ldquo;{column}&rdquo;{' '}
        <span className="muted small">
          ARR and seats are summed over the rows still active; other fields take the latest active row&rsquo;s value.
        </span>
      </span>
    </label>
  );
}
