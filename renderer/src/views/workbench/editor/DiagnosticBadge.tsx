// A small badge on a signal card (or gate, filter) saying what the workspace's data does to it:
// no data, inputs partly missing, a name the workspace lacks, never or always firing. The full
// sentences are in its tooltip and its accessible name.
import { useMemo } from 'react';
import type { DiagnosticKind } from '#shared/pack/diagnostics';
import { diagnosticsFor, useFitStore } from '../../../store/fit-store';

const labels: Record<DiagnosticKind, string> = {
  unknown_name: 'Unknown name',
  no_data: 'No data',
  missing_inputs: 'Partly missing',
  never_fires: 'Never fires',
  always_fires: 'Always fires',
};
const severity: Record<DiagnosticKind, 'bad' | 'warn'> = {
  unknown_name: 'bad',
  no_data: 'bad',
  missing_inputs: 'warn',
  never_fires: 'warn',
  always_fires: 'warn',
};

export function DiagnosticBadge({ part, id }: { part: 'signal' | 'gate' | 'filter'; id: string }) {
  const diagnosis = useFitStore((s) => s.diagnosis);
  const diagnostics = useMemo(() => diagnosticsFor(diagnosis, part, id), [diagnosis, part, id]);
  if (diagnostics.length === 0) return null;
  const first = diagnostics[0]!;
  const text = first.kind === 'missing_inputs' ? `${Math.round(first.share * 100)} % missing` : labels[first.kind];
  const title = diagnostics.map((d) => d.message).join('\n');
  return (
    <span
      className={`diagnostic-badge ${severity[first.kind]}`}
      title={title}
      aria-label={`${text}: ${title}`}
      data-testid={`diagnostic-${part}-${id}`}
    >
      {text}
      {diagnostics.length > 1 ? ` +${diagnostics.length - 1}` : ''}
    </span>
  );
}
