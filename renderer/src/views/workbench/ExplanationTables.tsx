// An account's explanation as tables: each signal with value, threshold and result; gates; filters.
import type { ExplainedCondition, Explanation } from '#shared/engine/explain';
import { baseMetric } from '#shared/pack/catalog';
import type { RulePackInput } from '#shared/pack/schema';

const operatorText: Record<string, string> = {
  '>': '>',
  '>=': '≥',
  '<': '<',
  '<=': '≤',
  '==': '=',
  '!=': '≠',
  between: 'between',
  in: 'in',
};

export function formatValue(v: number | string | null): string {
  if (v === null) return 'missing';
  if (typeof v === 'string') return v;
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  return Math.abs(v) < 10
    ? v.toFixed(3).replace(/0+$/, '').replace(/\.$/, '')
    : v.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

export function thresholdText(operator: string, threshold: unknown): string {
  const t = Array.isArray(threshold)
    ? operator === 'between'
      ? `${formatValue(threshold[0])}–${formatValue(threshold[1])}`
      : threshold.map((x) => formatValue(x)).join(', ')
    : formatValue(threshold as number);
  return `${operatorText[operator] ?? operator} ${t}`;
}

function metricName(pack: RulePackInput, key: string): string {
  const sustained = /^(.*)__(min|max)(\d+)$/.exec(key);
  const id = sustained ? sustained[1]! : key;
  const label = pack.metrics?.find((m) => m.id === id)?.label ?? baseMetric(id)?.label ?? id;
  return sustained
    ? `${label} (${sustained[2] === 'min' ? 'lowest' : 'highest'} of the last ${sustained[3]} periods)`
    : label;
}

function Condition({ c, pack }: { c: ExplainedCondition; pack: RulePackInput }) {
  return (
    <>
      {metricName(pack, c.metric)} = <strong>{formatValue(c.value)}</strong> (needs{' '}
      {thresholdText(c.operator, c.threshold)})
    </>
  );
}

export function ExplanationTables({ why, pack }: { why: Explanation; pack: RulePackInput }) {
  const stageLabel = (id: string) => pack.ladder.stages.find((s) => s.id === id)?.label ?? id;
  return (
    <section aria-label="Explanation">
      <h3>Signals</h3>
      <table className="data-table explain" data-testid="explain-signals">
        <thead>
          <tr>
            <th scope="col">Signal</th>
            <th scope="col">Value</th>
            <th scope="col">Needs</th>
            <th scope="col">Weight</th>
            <th scope="col">Fired</th>
          </tr>
        </thead>
        <tbody>
          {why.signals.map((s) => (
            <tr key={s.id} className={s.counted ? 'fired' : ''} data-signal={s.id} data-fired={s.counted ? '1' : '0'}>
              <th scope="row">
                {s.label}
                {!s.enabled && <span className="muted small"> (off)</span>}
              </th>
              <td>{formatValue(s.value)}</td>
              <td>{thresholdText(s.operator, s.threshold)}</td>
              <td>{formatValue(s.weight)}</td>
              <td>{s.counted ? '✓ yes' : '✗ no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {why.subtotals.length > 1 && (
        <p className="muted small">
          Subtotals: {why.subtotals.map((t) => `${t.category} ${formatValue(t.value)}`).join(' · ')}
        </p>
      )}
      {why.gates.length > 0 && (
        <>
          <h3>Gates</h3>
          <ul className="reasons" data-testid="explain-gates">
            {why.gates.map((g) => (
              <li key={g.id} className={g.passed ? '' : 'failed'}>
                <strong>{g.label}</strong>:{' '}
                {g.passed
                  ? 'passed'
                  : g.enabled
                    ? `failed → ${g.effect === 'assigned' ? 'sent to' : 'capped at'} ${stageLabel(g.stage)}`
                    : 'failed (switched off)'}{' '}
                — <Condition c={g.condition} pack={pack} />
              </li>
            ))}
          </ul>
        </>
      )}
      {why.filters.length > 0 && (
        <>
          <h3>False-positive filters</h3>
          <ul className="reasons" data-testid="explain-filters">
            {why.filters.map((f) => (
              <li key={f.id} className={f.applied ? 'failed' : ''} data-filter={f.id} data-hit={f.hit ? '1' : '0'}>
                <strong>{f.label}</strong>:{' '}
                {!f.enabled
                  ? 'switched off'
                  : f.applied
                    ? f.action === 'exclude'
                      ? 'hit — excluded'
                      : 'hit — demoted one stage'
                    : f.hit
                      ? 'hit, but the account was below the stage it guards'
                      : 'not hit'}
                <ul>
                  {f.conditions.map((c, k) => (
                    <li key={k}>
                      {c.met ? '✓' : '✗'} <Condition c={c} pack={pack} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
