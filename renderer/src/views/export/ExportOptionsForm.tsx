// The Export dialog's options: format, SQL dialect and input table, the pack's validation block,
// the CSV byte-order mark, and for scored accounts which rows (all, or the view's).
import { sqlDialects, dialects, type SqlDialect } from '#shared/compile/sql-dialect';
import { exportFormatInfo, exportFormats, type ExportFormat } from '#shared/export/formats';
import { formatCount } from '../../format';
import { isPackFormat, isScoredFormat, type ExportOptions } from './export-request';

export interface ViewAccounts {
  ids: string[];
  /** All accounts of the workspace, for the "all" choice's count. */
  total: number;
  /** What the view's filter is, in words ("Baseline: Ready · Segment: SMB"). */
  description: string;
}

export function ExportOptionsForm({
  options,
  onChange,
  viewAccounts,
  disabled,
}: {
  options: ExportOptions;
  onChange(next: ExportOptions): void;
  viewAccounts?: ViewAccounts;
  disabled: boolean;
}) {
  const set = (patch: Partial<ExportOptions>) => onChange({ ...options, ...patch });
  const { format } = options;
  return (
    <div className="export-options">
      <label>
        Format
        <select
          value={format}
          disabled={disabled}
          onChange={(e) => set({ format: e.target.value as ExportFormat })}
          data-testid="export-format"
        >
          {exportFormats.map((f) => (
            <option key={f} value={f}>
              {exportFormatInfo[f].label}
            </option>
          ))}
        </select>
      </label>
      {format === 'sql' && (
        <>
          <label>
            Dialect
            <select
              value={options.dialect}
              disabled={disabled}
              onChange={(e) => set({ dialect: e.target.value as SqlDialect })}
              data-testid="export-dialect"
            >
              {sqlDialects.map((d) => (
                <option key={d} value={d}>
                  {dialects[d].label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Input table
            <input
              value={options.table}
              disabled={disabled}
              onChange={(e) => set({ table: e.target.value })}
              placeholder="ladder_features"
              maxLength={300}
              data-testid="export-table"
            />
          </label>
        </>
      )}
      {isPackFormat(format) && (
        <label className="check">
          <input
            type="checkbox"
            checked={options.validation}
            disabled={disabled}
            onChange={(e) => set({ validation: e.target.checked })}
          />{' '}
          Validation block and golden cases from this workspace
        </label>
      )}
      {format.endsWith('csv') && (
        <label className="check">
          <input
            type="checkbox"
            checked={options.bom}
            disabled={disabled}
            onChange={(e) => set({ bom: e.target.checked })}
          />{' '}
          UTF-8 byte-order mark (for Excel)
        </label>
      )}
      {isScoredFormat(format) && viewAccounts && (
        <fieldset className="export-rows" data-testid="export-rows" disabled={disabled}>
          <legend>Rows</legend>
          <label className="check">
            <input type="radio" name="rows" checked={options.rows === 'all'} onChange={() => set({ rows: 'all' })} />{' '}
            All {formatCount(viewAccounts.total)} accounts
          </label>
          <label className="check">
            <input type="radio" name="rows" checked={options.rows === 'view'} onChange={() => set({ rows: 'view' })} />{' '}
            The accounts view as filtered: {formatCount(viewAccounts.ids.length)} accounts ({viewAccounts.description})
          </label>
        </fieldset>
      )}
    </div>
  );
}
