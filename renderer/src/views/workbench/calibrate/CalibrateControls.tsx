// The run settings — which as-of dates, the horizon, the hold-out seed — and Run / Cancel with
// progress while the backtest computes each date's features.
import { useShallow } from 'zustand/react/shallow';
import type { RulePackInput } from '#shared/pack/schema';
import { formatCount } from '../../../format';
import { useCalibrateStore, type DateMode } from './calibrate-store';

export function CalibrateControls({ pack, invalid }: { pack: RulePackInput; invalid: boolean }) {
  const s = useCalibrateStore(
    useShallow((x) => ({
      settings: x.settings,
      status: x.status,
      progress: x.progress,
      setSettings: x.setSettings,
      run: x.run,
      cancel: x.cancel,
    })),
  );
  const running = s.status === 'running';
  const p = s.progress;
  const done =
    p && p.datesTotal > 0 ? (p.datesDone + (p.accountsTotal ? p.accountsDone / p.accountsTotal : 0)) / p.datesTotal : 0;
  return (
    <form
      className="calibrate-controls card"
      aria-label="Calibration settings"
      onSubmit={(e) => {
        e.preventDefault();
        if (!running) void s.run(pack);
      }}
    >
      <fieldset disabled={running}>
        <legend className="muted small">As-of dates</legend>
        {(
          [
            ['latest', 'Latest date the horizon covers'],
            ['every', 'Every'],
            ['dates', 'These dates'],
          ] as [DateMode, string][]
        ).map(([mode, label]) => (
          <label key={mode} className="inline">
            <input
              type="radio"
              name="as-of-mode"
              checked={s.settings.mode === mode}
              onChange={() => s.setSettings({ mode })}
            />{' '}
            {label}
            {mode === 'every' && (
              <input
                type="text"
                size={4}
                aria-label="Interval between as-of dates"
                value={s.settings.every}
                onChange={(e) => s.setSettings({ every: e.target.value, mode: 'every' })}
              />
            )}
            {mode === 'dates' && (
              <input
                type="text"
                size={28}
                placeholder="2026-05-17, 2026-06-14"
                aria-label="As-of dates"
                value={s.settings.dates}
                onChange={(e) => s.setSettings({ dates: e.target.value, mode: 'dates' })}
              />
            )}
          </label>
        ))}
      </fieldset>
      <fieldset disabled={running}>
        <label className="inline">
          Horizon{' '}
          <input
            type="number"
            min={1}
            max={730}
            aria-label="Horizon in days"
            data-testid="calibrate-horizon"
            value={s.settings.horizonDays}
            onChange={(e) =>
              s.setSettings({ horizonDays: Math.max(1, Math.min(730, Math.round(Number(e.target.value) || 90))) })
            }
          />{' '}
          days
        </label>
        <label className="inline" title="Which 30 % of accounts are held out when there is one as-of date">
          Seed{' '}
          <input
            type="number"
            min={0}
            aria-label="Hold-out seed"
            value={s.settings.seed}
            onChange={(e) => s.setSettings({ seed: Math.max(0, Math.round(Number(e.target.value) || 0)) })}
          />
        </label>
      </fieldset>
      <div className="calibrate-run">
        {running ? (
          <>
            <progress value={done} max={1} aria-label="Calibration progress" />
            <span className="muted small" data-testid="calibrate-progress">
              {p?.phase === 'fitting'
                ? 'Fitting the suggested weights…'
                : p
                  ? `Features as of ${p.datesTotal} date${p.datesTotal === 1 ? '' : 's'}: ${formatCount(p.accountsDone)} of ${formatCount(p.accountsTotal)} accounts`
                  : 'Starting…'}
            </span>
            <button type="button" onClick={() => void s.cancel()}>
              Cancel
            </button>
          </>
        ) : (
          <button
            type="submit"
            className="primary"
            disabled={invalid}
            data-testid="calibrate-run"
            title="Backtest the draft against past outcomes"
          >
            {s.status === 'done' ? 'Run again' : 'Run calibration'}
          </button>
        )}
      </div>
    </form>
  );
}
