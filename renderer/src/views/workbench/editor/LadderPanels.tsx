// Ladder stages (minimum score and signals), gates and false-positive filters, each editable.
import { memo } from 'react';
import type { RulePackInput } from '#shared/pack/schema';
import type { PackMetrics } from './MetricPicker';

type Stages = RulePackInput['ladder']['stages'];
import { useModelStore } from '../../../store/model-store';
import { ClauseEditor } from './ClauseEditor';
import { updateFilter, updateGate, updateStage } from './edits';
import { DiagnosticBadge } from './DiagnosticBadge';

export const StagesPanel = memo(function StagesPanel({ stages }: { stages: Stages }) {
  const edit = useModelStore((s) => s.edit);
  const scored = stages.filter((s) => !s.gateOnly);
  return (
    <div className="panel-list">
      {stages.map((stage, i) => (
        <div key={stage.id} className="stage-row" data-testid={`stage-${stage.id}`}>
          <input
            aria-label="Stage name"
            value={stage.label}
            onChange={(e) => edit(updateStage(i, { label: e.target.value }), `stage-label:${stage.id}`)}
          />
          {stage.gateOnly ? (
            <span className="muted small">reached through a gate</span>
          ) : scored[0] === stage ? (
            <span className="muted small">every other account</span>
          ) : (
            <>
              <label title="Minimum score to reach this stage">
                score ≥{' '}
                <input
                  type="number"
                  step="any"
                  value={stage.minScore ?? 0}
                  aria-label={`Minimum score for ${stage.label}`}
                  onChange={(e) =>
                    e.target.value !== '' &&
                    edit(updateStage(i, { minScore: Number(e.target.value) }), `stage-score:${stage.id}`)
                  }
                />
              </label>
              <label title="Minimum number of distinct signals that must fire: two or more signals confirm">
                signals ≥{' '}
                <input
                  type="number"
                  min={0}
                  step={1}
                  value={stage.minSignals ?? 0}
                  aria-label={`Minimum signals for ${stage.label}`}
                  onChange={(e) =>
                    e.target.value !== '' &&
                    edit(updateStage(i, { minSignals: Number(e.target.value) }), `stage-signals:${stage.id}`)
                  }
                />
              </label>
            </>
          )}
        </div>
      ))}
    </div>
  );
});

export const GatesPanel = memo(function GatesPanel({
  gates = [],
  stages,
  metrics,
}: {
  gates: RulePackInput['ladder']['gates'];
  stages: Stages;
  metrics: PackMetrics;
}) {
  const edit = useModelStore((s) => s.edit);
  if (gates.length === 0)
    return (
      <p className="muted small">
        No gates. A gate sends accounts that fail a precondition (such as a health floor) to a stage of their own.
      </p>
    );
  return (
    <div className="panel-list">
      {gates.map((g, i) => (
        <div key={g.id} className="gate-row" data-testid={`gate-${g.id}`}>
          <label className="switch-label" title="Switch the gate on or off">
            <input
              type="checkbox"
              checked={g.enabled !== false}
              onChange={(e) => edit(updateGate(i, { enabled: e.target.checked }))}
            />{' '}
            {g.label}
          </label>
          <DiagnosticBadge part="gate" id={g.id} />
          <span className="muted small">passes when</span>
          <ClauseEditor
            clause={g.condition}
            metrics={metrics}
            label={g.label}
            onChange={(condition, group) => edit(updateGate(i, { condition }), group)}
          />
          <span className="muted small">
            otherwise {g.onFail.action === 'assign' ? 'goes to' : 'is capped at'}{' '}
            {stages.find((s) => s.id === g.onFail.stage)?.label}
          </span>
        </div>
      ))}
    </div>
  );
});

export const FiltersPanel = memo(function FiltersPanel({
  filters = [],
  stages,
  metrics,
}: {
  filters: RulePackInput['filters'];
  stages: Stages;
  metrics: PackMetrics;
}) {
  const edit = useModelStore((s) => s.edit);
  if (filters.length === 0) return <p className="muted small">No false-positive filters in this model.</p>;
  return (
    <div className="panel-list">
      {filters.map((f, i) => (
        <div
          key={f.id}
          className={f.enabled === false ? 'filter-card off' : 'filter-card'}
          data-testid={`filter-${f.id}`}
        >
          <div className="signal-head">
            <label className="switch" title="Switch the filter off to see what it stops">
              <input
                type="checkbox"
                checked={f.enabled !== false}
                onChange={(e) => edit(updateFilter(i, { enabled: e.target.checked }))}
                aria-label={`${f.label} on`}
              />
            </label>
            <strong>{f.label}</strong>
            <DiagnosticBadge part="filter" id={f.id} />
          </div>
          {f.description && <p className="muted small">{f.description}</p>}
          <div className="filter-settings">
            <select
              aria-label={`Action of ${f.label}`}
              value={f.action}
              onChange={(e) => edit(updateFilter(i, { action: e.target.value as 'demote' | 'exclude' }))}
              title="Demote moves the account one stage down; exclude sends it to the entry stage"
            >
              <option value="demote">demote one stage</option>
              <option value="exclude">exclude</option>
            </select>
            <label>
              for accounts at{' '}
              <select
                aria-label={`${f.label} applies from`}
                value={f.appliesFrom}
                onChange={(e) => edit(updateFilter(i, { appliesFrom: e.target.value }))}
              >
                {stages.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.label}
                  </option>
                ))}
              </select>{' '}
              or above, when {f.conditions.length > 1 ? (f.match === 'any' ? 'any of' : 'all of') : ''}
            </label>
          </div>
          {f.conditions.map((c, k) => (
            <ClauseEditor
              key={k}
              clause={c}
              metrics={metrics}
              label={`${f.label} condition ${k + 1}`}
              onChange={(next, group) =>
                edit(updateFilter(i, { conditions: f.conditions.map((x, j) => (j === k ? next : x)) }), group)
              }
            />
          ))}
        </div>
      ))}
    </div>
  );
});
