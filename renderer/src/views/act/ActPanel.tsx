// The Model view's "Plays & alerts" tab: what the model sets in motion — the signal → play → owner funnel,
// the alerts of the accounts that just became ready, and the review deck.
import { AlertsAndSlides } from './AlertsAndSlides';
import { FunnelTable } from './FunnelTable';
import './act.css';

export function ActPanel() {
  return (
    <div className="act-panel" data-testid="act-panel">
      <AlertsAndSlides />
      <FunnelTable />
    </div>
  );
}
