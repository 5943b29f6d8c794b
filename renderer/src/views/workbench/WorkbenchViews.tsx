// The right-hand pane: whichever view is selected, drawn from the latest snapshot.
import { useMemo } from 'react';
import { stageColors } from '../../charts/stage-colors';
import { useElementWidth } from '../../components/useElementWidth';
import { useModelStore } from '../../store/model-store';
import { useWorkbenchUi } from '../../store/workbench-ui-store';
import { AccountsView } from './AccountsView';
import { FunnelView } from './charts/FunnelView';
import { LadderView } from './charts/LadderView';
import { MoversView } from './charts/MoversView';
import { ScoreView } from './charts/ScoreView';
import { SignalsView } from './charts/SignalsView';
import { CalibrateView } from './calibrate/CalibrateView';
import { HeatmapPanel } from '../book/HeatmapPanel';

export function WorkbenchViews() {
  const snapshot = useModelStore((s) => s.snapshot);
  const draft = useModelStore((s) => s.draft);
  const tab = useWorkbenchUi((s) => s.tab);
  const [ref, width] = useElementWidth<HTMLDivElement>(720);
  const colors = useMemo(() => (draft ? stageColors(draft) : new Map<string, string>()), [draft?.ladder.stages]); // eslint-disable-line react-hooks/exhaustive-deps
  const chartWidth = Math.max(360, width - 8);
  let view = null;
  if (!snapshot || !draft) view = <p className="muted">Scoring…</p>;
  else {
    switch (tab) {
      case 'ladder':
        view = <LadderView baseline={snapshot.baseline} draft={snapshot.draft} colors={colors} width={chartWidth} />;
        break;
      case 'funnel':
        view = (
          <FunnelView
            baseline={snapshot.baseline}
            draft={snapshot.draft}
            topColor={colors.get(snapshot.draft.funnel.stage) ?? '#16a34a'}
            width={chartWidth}
          />
        );
        break;
      case 'scores':
        view = (
          <ScoreView
            baseline={snapshot.baseline}
            draft={snapshot.draft}
            pack={draft}
            colors={colors}
            width={chartWidth}
          />
        );
        break;
      case 'signals':
        view = <SignalsView baseline={snapshot.baseline} draft={snapshot.draft} width={chartWidth} />;
        break;
      case 'movers':
        view = <MoversView movers={snapshot.movers} />;
        break;
      case 'heatmap':
        view = <HeatmapPanel />;
        break;
      case 'accounts':
        view = <AccountsView pack={draft} />;
        break;
      case 'calibrate':
        view = <CalibrateView />;
        break;
    }
  }
  return <div ref={ref}>{view}</div>;
}
