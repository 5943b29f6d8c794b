// Per stage: the share of held-out accounts, the share of conversions and the conversion rate (so
// "the top stages hold 60 % of expansions with 25 % of accounts" reads off directly); and the same
// model per segment.
import type { ModelMetrics } from '#shared/calibrate/model-metrics';
import { formatCount } from '../../../format';
import { useCalibrateStore } from './calibrate-store';
import { fixed, interval, pct } from './format';

export function StageTables({ model }: { model: ModelMetrics }) {
  const openDrill = useCalibrateStore((s) => s.openDrill);
  return (
    <div className="calibrate-tables">
      <table className="data-table" data-testid="calibrate-stages">
        <thead>
          <tr>
            <th scope="col">Stage (held out)</th>
            <th scope="col">Accounts</th>
            <th scope="col">Share of accounts</th>
            <th scope="col">Share of conversions</th>
            <th scope="col">Conversion</th>
          </tr>
        </thead>
        <tbody>
          {[...model.stages].reverse().map((s) => (
            <tr key={s.id}>
              <th scope="row">
                <button
                  className="link"
                  onClick={() => void openDrill(`Held-out accounts in ${s.label}`, { kind: 'stage', stage: s.id })}
                >
                  {s.label}
                </button>
              </th>
              <td>{formatCount(s.accounts)}</td>
              <td>{pct(s.shareOfAccounts)}</td>
              <td>{pct(s.shareOfConversions)}</td>
              <td>{pct(s.conversion)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="data-table" data-testid="calibrate-segments">
        <thead>
          <tr>
            <th scope="col">Segment</th>
            <th scope="col">Accounts</th>
            <th scope="col">Conversion</th>
            <th scope="col">ROC AUC (95 % CI)</th>
            <th scope="col">Top-decile lift</th>
          </tr>
        </thead>
        <tbody>
          {model.segments.map((s) => (
            <tr key={s.segment}>
              <th scope="row">{s.segment}</th>
              <td>{formatCount(s.accounts)}</td>
              <td>{pct(s.conversion)}</td>
              <td>
                {fixed(s.auc)} <span className="muted small">({interval(s.aucCi)})</span>
              </td>
              <td>{fixed(s.liftTopDecile, 2)}×</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
