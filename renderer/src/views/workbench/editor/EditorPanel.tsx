// The model editor: signals grouped by category, derived metrics, ladder stages, gates, filters.
import { signalCategories, type RulePackInput } from '#shared/pack/schema';
import type { PackIssue } from '#shared/pack/validate';
import { useModelStore } from '../../../store/model-store';
import { addSignal } from './edits';
import { FiltersPanel, GatesPanel, StagesPanel } from './LadderPanels';
import { MetricsPanel } from './MetricsPanel';
import { SignalCard } from './SignalCard';
import { DiagnosticsBanner } from './DiagnosticsBanner';

function issueFor(issues: PackIssue[], prefix: string): string | undefined {
  const hit = issues.find((i) => i.path === prefix || i.path.startsWith(`${prefix}.`));
  return hit?.message;
}

export function EditorPanel({ pack }: { pack: RulePackInput }) {
  const edit = useModelStore((s) => s.edit);
  const issues = useModelStore((s) => s.issues);
  const categories = signalCategories.filter((c) => pack.signals.some((s) => s.category === c));
  const general = issues.filter((i) => !/^(signals|metrics)\[/.test(i.path));
  return (
    <div className="editor" aria-label="Model editor">
      {general.length > 0 && (
        <div className="banner error" role="alert">
          <span>
            The draft is not valid yet, so the views show the last valid version:{' '}
            {general.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}
          </span>
        </div>
      )}
      <DiagnosticsBanner pack={pack} />
      <details open>
        <summary>
          <h2>Signals</h2>
          <span className="muted small">{pack.signals.filter((s) => s.enabled !== false).length} on</span>
        </summary>
        {categories.map((category) => (
          <section key={category} aria-label={`${category} signals`}>
            <h3 className="category">{category}</h3>
            {pack.signals.map((s, i) =>
              s.category === category ? (
                <SignalCard
                  key={s.id}
                  signal={s}
                  index={i}
                  metrics={pack.metrics}
                  signalCount={pack.signals.length}
                  issue={issueFor(issues, `signals[${i}]`)}
                />
              ) : null,
            )}
          </section>
        ))}
        <button
          onClick={() => edit(addSignal(pack.signals[0]?.metric ?? 'seats_used'))}
          disabled={pack.signals.length >= 32}
        >
          Add a signal
        </button>
      </details>
      <details>
        <summary>
          <h2>Derived metrics</h2>
          <span className="muted small">{pack.metrics?.length ?? 0}</span>
        </summary>
        <MetricsPanel pack={pack} issues={issues} />
      </details>
      <details open>
        <summary>
          <h2>Ladder stages</h2>
        </summary>
        <StagesPanel stages={pack.ladder.stages} />
      </details>
      <details open={(pack.ladder.gates?.length ?? 0) > 0}>
        <summary>
          <h2>Gates</h2>
          <span className="muted small">{pack.ladder.gates?.length ?? 0}</span>
        </summary>
        <GatesPanel gates={pack.ladder.gates} stages={pack.ladder.stages} metrics={pack.metrics} />
      </details>
      <details open={(pack.filters?.length ?? 0) > 0}>
        <summary>
          <h2>False-positive filters</h2>
          <span className="muted small">{pack.filters?.filter((f) => f.enabled !== false).length ?? 0} on</span>
        </summary>
        <FiltersPanel filters={pack.filters} stages={pack.ladder.stages} metrics={pack.metrics} />
      </details>
    </div>
  );
}
