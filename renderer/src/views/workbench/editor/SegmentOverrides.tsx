// A signal's per-segment threshold and weight. Shown on the card itself as soon as one is set (so
// a default that no segment uses is never edited blindly), with a note when every segment
// overrides the default and it therefore applies only to accounts without a segment.
import { packSegments, type RulePackInput } from '#shared/pack/schema';

type Signal = RulePackInput['signals'][number];
type Override = { threshold?: number; weight?: number };

export const hasOverrides = (signal: Signal) => Object.keys(signal.segmentOverrides ?? {}).length > 0;

/** Which of the defaults no segment uses: every segment has its own value. */
export function unusedDefaults(signal: Signal): { threshold: boolean; weight: boolean } {
  const all = (key: keyof Override) =>
    packSegments.every(
      (segment) => typeof (signal.segmentOverrides?.[segment] as Override | undefined)?.[key] === 'number',
    );
  return { threshold: all('threshold'), weight: all('weight') };
}

export function DefaultUnusedNote({ signal }: { signal: Signal }) {
  const unused = unusedDefaults(signal);
  if (!unused.threshold && !unused.weight) return null;
  const what = unused.threshold && unused.weight ? 'threshold and weight' : unused.threshold ? 'threshold' : 'weight';
  return (
    <p className="note small override-note" role="note" data-testid={`default-unused-${signal.id}`}>
      Every segment has its own {what} below, so the default {what} above applies only to accounts without a segment.
      Edit the segment values to change which accounts fire.
    </p>
  );
}

export function SegmentOverrides({
  signal,
  onChange,
}: {
  signal: Signal;
  onChange(overrides: Signal['segmentOverrides'], segment: string): void;
}) {
  return (
    <fieldset className="overrides" data-testid={`overrides-${signal.id}`}>
      <legend>Per segment (empty: the default)</legend>
      <div className="override-row override-head" aria-hidden="true">
        <span />
        <span>Threshold</span>
        <span>Weight</span>
      </div>
      {packSegments.map((segment) => {
        const o = signal.segmentOverrides?.[segment] as Override | undefined;
        const set = (patch: Override) => {
          const next = { ...o, ...patch };
          const clean = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined));
          const all = { ...signal.segmentOverrides, [segment]: Object.keys(clean).length ? clean : undefined };
          onChange(Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)), segment);
        };
        return (
          <div key={segment} className="override-row">
            <span>{segment}</span>
            <input
              type="number"
              step="any"
              placeholder={typeof signal.threshold === 'number' ? `${signal.threshold}` : ''}
              aria-label={`${segment} threshold for ${signal.label}`}
              value={typeof o?.threshold === 'number' ? o.threshold : ''}
              onChange={(e) => set({ threshold: e.target.value === '' ? undefined : Number(e.target.value) })}
            />
            <input
              type="number"
              step={0.5}
              placeholder={`${signal.weight}`}
              aria-label={`${segment} weight for ${signal.label}`}
              value={o?.weight ?? ''}
              onChange={(e) => set({ weight: e.target.value === '' ? undefined : Number(e.target.value) })}
            />
          </div>
        );
      })}
    </fieldset>
  );
}
