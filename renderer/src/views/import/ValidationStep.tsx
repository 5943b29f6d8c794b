// Step 3: the validation report, before anything is written: per column the type, blanks and
// range; every rejected value with row, column, value and reason; duplicates and orphans. The user
// chooses what happens to bad rows, then imports.
import type { OnError } from '#shared/import/mapping';
import type { ImportReport } from '#shared/import/report';
import { fieldsByKind } from '#shared/import/fields';
import { formatCount } from '../../format';
import { useImportStore } from './import-store';
import { OutcomeTable } from './OutcomeTable';

const formatValue = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 4 });

const choices: { id: OnError; label: string; help: string }[] = [
  { id: 'abort', label: 'Import nothing while any row is bad', help: 'Fix the file and import it again.' },
  { id: 'skip', label: 'Skip the bad rows', help: 'Import the good rows; the rejected ones are listed here.' },
  {
    id: 'text',
    label: 'Keep bad values as text',
    help: 'Import every row; a bad value is kept as text in a custom field and the field is left blank.',
  },
];

function Tile({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="stat-tile" data-testid={testId} data-value={value}>
      <div className="stat-label">{label}</div>
      <div className="stat-value">{formatCount(value)}</div>
    </div>
  );
}

export function ReportTables({ report }: { report: ImportReport }) {
  const label = (field: string) => fieldsByKind[report.kind].find((f) => f.id === field)?.label ?? field;
  return (
    <>
      <h3>Columns</h3>
      <div className="table-scroll">
        <table className="report-table" data-testid="column-report">
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Field</th>
              <th scope="col">Type</th>
              <th scope="col" className="num">
                Blank
              </th>
              <th scope="col" className="num">
                Min
              </th>
              <th scope="col" className="num">
                Max
              </th>
              <th scope="col" className="num">
                Rejected
              </th>
            </tr>
          </thead>
          <tbody>
            {report.columns.map((c) => (
              <tr key={c.name}>
                <th scope="row" title={c.name}>
                  {c.name}
                </th>
                <td>
                  {c.field === null ? 'left out' : c.field.startsWith('custom:') ? 'custom field' : label(c.field)}
                </td>
                <td>{c.type}</td>
                <td className="num">{formatCount(c.nulls)}</td>
                <td className="num">{c.min === null ? '' : typeof c.min === 'number' ? formatValue(c.min) : c.min}</td>
                <td className="num">{c.max === null ? '' : typeof c.max === 'number' ? formatValue(c.max) : c.max}</td>
                <td className={`num${c.rejected > 0 ? ' error' : ''}`}>
                  {c.rejected > 0 ? formatCount(c.rejected) : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.rejected.length > 0 && (
        <>
          <h3>
            Rejected values {report.rejectedTruncated ? `(the first ${formatCount(report.rejected.length)})` : ''}
          </h3>
          <div className="table-scroll rejected">
            <table data-testid="rejected-table">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Row
                  </th>
                  <th scope="col">Column</th>
                  <th scope="col">Value</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {report.rejected.slice(0, 200).map((r, i) => (
                  <tr key={i}>
                    <td className="num">{r.row}</td>
                    <td>{r.column}</td>
                    <td title={r.value}>
                      <code>{r.value === '' ? '(blank)' : r.value}</code>
                    </td>
                    <td>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

export function ValidationStep() {
  const { validation, onError, setOnError, commit, back, activity } = useImportStore();
  if (!validation) return null;
  const blocked = onError === 'abort' && validation.rowsRejected > 0;
  const toImport =
    onError === 'text'
      ? validation.rowsImported + validation.rowsRejected - validation.duplicates - validation.orphans
      : validation.rowsImported;
  return (
    <section className="card" aria-labelledby="import-validation-title">
      <h2 id="import-validation-title">3. Validation report</h2>
      <p className="muted">Every row was checked; nothing has been written yet.</p>
      <div className="stat-grid">
        <Tile label="Rows read" value={validation.rowsRead} testId="v-read" />
        <Tile label="Ready to import" value={validation.rowsImported} testId="v-ok" />
        <Tile label="Rejected rows" value={validation.rowsRejected} testId="v-rejected" />
        <Tile label="Duplicate keys" value={validation.duplicates} testId="v-duplicates" />
        <Tile label="Unknown accounts" value={validation.orphans} testId="v-orphans" />
      </div>
      {validation.rowsRejected > 0 && (
        <fieldset className="on-error">
          <legend>Rows with problems</legend>
          {choices.map((c) => (
            <label key={c.id}>
              <input
                type="radio"
                name="on-error"
                value={c.id}
                checked={onError === c.id}
                onChange={() => setOnError(c.id)}
              />
              <span>
                {c.label} <span className="muted small">{c.help}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {validation.warnings.map((w) => (
        <p key={w} className="banner small" data-testid="validation-warning">
          {w}
        </p>
      ))}
      {validation.outcomes && <OutcomeTable summary={validation.outcomes} />}
      <ReportTables report={validation} />
      <div className="actions">
        <button onClick={() => back('mapping')}>Back to the mapping</button>
        <button
          className="primary"
          disabled={blocked || activity !== null || toImport <= 0}
          onClick={() => void commit()}
          data-testid="commit"
        >
          {blocked
            ? 'Choose what to do with the bad rows'
            : `Import ${formatCount(Math.max(0, toImport))} row${toImport === 1 ? '' : 's'}`}
        </button>
      </div>
    </section>
  );
}
