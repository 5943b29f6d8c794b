// From a heatmap cell (or a row or column) to the accounts filter that lists exactly its accounts.
import type { AxisKey, Heatmap } from '#shared/book/heatmap';
import { blankLabel } from '#shared/book/fields';
import type { AccountFilter } from '../../store/workbench-ui-store';

function add(filter: AccountFilter, field: string, key: AxisKey): AccountFilter {
  if ('all' in key) return filter;
  if ('stage' in key) return { ...filter, stage: key.stage };
  return { ...filter, fields: [...(filter.fields ?? []), { field, values: key.values }] };
}

export function cellFilter(h: Heatmap, row: number | null, col: number | null): AccountFilter {
  let filter: AccountFilter = {};
  if (row !== null) filter = add(filter, h.rowField.id, h.rowKeys[row]!);
  if (col !== null && h.colField) filter = add(filter, h.colField.id, h.colKeys[col]!);
  return filter;
}

/** A short description of the filter for its chip: "CSM (owner): Omar Haddad". */
export function describeFieldFilter(label: string, values: (string | null)[]): string {
  const shown = values.slice(0, 3).map((v) => v ?? blankLabel);
  return `${label}: ${shown.join(', ')}${values.length > 3 ? ` and ${values.length - 3} more` : ''}`;
}
