export interface StatTileProps {
  label: string;
  value: string;
  detail?: string;
  /** The exact number behind the formatted value, for tooltips and tests. */
  raw?: number | string;
  testId?: string;
}

export function StatTile({ label, value, detail, raw, testId }: StatTileProps) {
  return (
    <div className="stat-tile" data-testid={testId} data-value={raw}>
      <div className="stat-label">{label}</div>
      <div className="stat-value">{value}</div>
      {detail && <div className="stat-detail">{detail}</div>}
    </div>
  );
}
