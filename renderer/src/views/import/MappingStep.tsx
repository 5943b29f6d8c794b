// Step 2: the file as read (format, encoding, a preview) and where each column goes, with the
// suggestion's confidence and reason; ambiguous date columns ask for their order here.
import { fieldsByKind, valueTypes, type ValueType } from '#shared/import/fields';
import type { ColumnPlan } from '#shared/import/mapping';
import type { ColumnSummary } from '#shared/import/report';
import type { DateOrder } from '#shared/import/values';
import { formatCount } from '../../format';
import { KindAndPreset } from './FileStep';
import { MappingFiles } from './MappingFiles';
import { RollUpChoice } from './RollUpChoice';
import { useImportStore } from './import-store';
import { SourceLine } from './SourceLine';

function Confidence({ plan }: { plan: ColumnPlan }) {
  const level =
    plan.field === null ? 'none' : plan.confidence >= 0.9 ? 'high' : plan.confidence >= 0.6 ? 'medium' : 'low';
  return (
    <>
      {plan.field === null ? (
        <span className="muted small">{plan.reason}</span>
      ) : (
        <span className={`confidence ${level}`} title={plan.detail}>
          {Math.round(plan.confidence * 100)}% · {plan.reason}
        </span>
      )}
      <div className="muted small mapping-why" data-testid={`mapping-why-${plan.index}`}>
        {plan.detail}
      </div>
    </>
  );
}

function ColumnRow({ plan, summary }: { plan: ColumnPlan; summary: ColumnSummary }) {
  const { kind, chooseColumn } = useImportStore();
  const fields = fieldsByKind[kind];
  const value = plan.skip ? 'skip' : (plan.field ?? 'custom');
  const isDate = plan.type === 'date' || plan.type === 'datetime';
  return (
    <tr data-testid={`mapping-row-${plan.index}`} className={plan.needsDateOrder ? 'needs-choice' : undefined}>
      <th scope="row" title={plan.source}>
        {plan.source}
        <div className="muted small">{summary.nulls > 0 ? `${formatCount(summary.nulls)} blank` : 'no blanks'}</div>
      </th>
      <td className="samples" title={summary.samples.join(' · ')}>
        {summary.samples.slice(0, 3).join(' · ') || <span className="muted">(all blank)</span>}
      </td>
      <td>
        <select
          aria-label={`Field for ${plan.source}`}
          value={value}
          onChange={(e) => chooseColumn(plan.source, { field: e.target.value })}
        >
          <option value="custom">Keep as custom field</option>
          <option value="skip">Leave out</option>
          <optgroup label="Fields">
            {fields.map((f) => (
              <option key={f.id} value={f.id} title={f.help}>
                {f.label}
                {f.required ? ' *' : ''}
              </option>
            ))}
          </optgroup>
        </select>
      </td>
      <td>
        <select
          aria-label={`Type of ${plan.source}`}
          value={plan.type}
          disabled={plan.skip || plan.field !== null}
          onChange={(e) => chooseColumn(plan.source, { type: e.target.value as ValueType })}
        >
          {valueTypes.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        {isDate && !plan.numericDates && (
          <select
            aria-label={`Date order of ${plan.source}`}
            value={plan.dateOrder ?? ''}
            onChange={(e) =>
              chooseColumn(plan.source, { dateOrder: (e.target.value || undefined) as DateOrder | undefined })
            }
          >
            <option value="">{plan.needsDateOrder ? 'Choose day/month…' : 'Order: automatic'}</option>
            <option value="DMY">Day/month/year</option>
            <option value="MDY">Month/day/year</option>
          </select>
        )}
      </td>
      <td>
        <Confidence plan={plan} />
      </td>
    </tr>
  );
}

export function MappingStep() {
  const { analysis, validate, back, activity } = useImportStore();
  if (!analysis) return null;
  const { plan } = analysis;
  return (
    <section className="card" aria-labelledby="import-mapping-title">
      <h2 id="import-mapping-title">2. Map the columns</h2>
      <SourceLine analysis={analysis} />
      <KindAndPreset />
      {analysis.warnings.map((w) => (
        <p key={w} className="banner small">
          {w}
        </p>
      ))}
      {plan.notes.map((n) => (
        <p key={n} className="banner small" data-testid="mapping-note">
          {n}
        </p>
      ))}
      {plan.blockers.length > 0 && (
        <div className="banner error" role="alert" data-testid="mapping-blockers">
          <ul>
            {plan.blockers.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </div>
      )}
      <RollUpChoice />
      <div className="table-scroll">
        <table className="mapping-table" data-testid="mapping-table">
          <thead>
            <tr>
              <th scope="col">Column in the file</th>
              <th scope="col">Sample values</th>
              <th scope="col">Goes to</th>
              <th scope="col">Type</th>
              <th scope="col">Suggestion</th>
            </tr>
          </thead>
          <tbody>
            {plan.columns.map((c) => (
              <ColumnRow key={c.index} plan={c} summary={analysis.columns[c.index]!} />
            ))}
          </tbody>
        </table>
      </div>
      <h3>Preview</h3>
      <div className="table-scroll preview">
        <table>
          <thead>
            <tr>
              {analysis.headers.map((h) => (
                <th key={h} scope="col" title={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {analysis.preview.slice(0, 6).map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j} title={cell}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button onClick={() => back('file')}>Choose another file</button>
        <MappingFiles />
        <button
          className="primary"
          disabled={plan.blockers.length > 0 || activity !== null}
          onClick={() => void validate()}
          data-testid="validate"
        >
          Check {analysis.rowsRead === 1 ? 'the row' : `all ${formatCount(analysis.rowsRead)} rows`}
        </button>
      </div>
    </section>
  );
}
