// The model's derived metrics: expressions over base metrics and window functions, with parse and
// type errors shown under the expression.
import type { RulePackInput } from '#shared/pack/schema';
import type { PackIssue } from '#shared/pack/validate';
import { useModelStore } from '../../../store/model-store';
import { addMetric, removeMetric, updateMetric } from './edits';

export function MetricsPanel({ pack, issues }: { pack: RulePackInput; issues: PackIssue[] }) {
  const edit = useModelStore((s) => s.edit);
  const metrics = pack.metrics ?? [];
  return (
    <div className="panel-list">
      {metrics.map((m, i) => {
        const problems = issues.filter((x) => x.path.startsWith(`metrics[${i}]`));
        const used =
          pack.signals.some((s) => s.metric === m.id) ||
          (pack.metrics ?? []).some((o) => o !== m && o.expr.includes(m.id));
        return (
          <div key={i} className="metric-row" data-testid={`metric-${m.id}`}>
            <div className="metric-head">
              <input
                aria-label="Metric name"
                value={m.label}
                onChange={(e) => edit(updateMetric(i, { label: e.target.value }), `metric-label:${i}`)}
              />
              <code className="muted small">{m.id}</code>
              <button
                className="icon danger"
                onClick={() => edit(removeMetric(i))}
                disabled={used}
                title={used ? 'Used by a signal or another metric' : 'Delete this metric'}
              >
                Delete
              </button>
            </div>
            <textarea
              aria-label={`Expression of ${m.label}`}
              aria-invalid={problems.length > 0}
              spellCheck={false}
              rows={2}
              value={m.expr}
              onChange={(e) => edit(updateMetric(i, { expr: e.target.value }), `metric-expr:${i}`)}
              title="Arithmetic, comparisons, and/or/not, min/max/abs/coalesce/if, and window functions such as delta(x, 30), pct_change(x, 90), rolling_mean(x, 4), consecutive(x > 0.8), spike_ratio(x, 13), weeks_above_baseline(x, 8)"
            />
            {problems.map((p) => (
              <p key={p.path + p.message} className="error small" role="alert">
                {p.message}
              </p>
            ))}
          </div>
        );
      })}
      <button onClick={() => edit(addMetric())}>Add a derived metric</button>
    </div>
  );
}
