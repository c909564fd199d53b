import type { LeadStage, MapSnapshot, StarterStrategy } from '@baton/model';
import { StrategyPalette } from '../components/StrategyPalette';
import { StrategiesIcon } from './icons';
import { SideRail } from './SideRail';

interface StrategySideProps {
  snapshot: MapSnapshot;
  collapsed: boolean;
  onCollapsedChange: (collapsed: boolean) => void;
  onAdd: (strategy: StarterStrategy, stage: LeadStage) => void;
}

/** The left side: the starter strategies, or their rail when collapsed. */
export function StrategySide({ snapshot, collapsed, onCollapsedChange, onAdd }: StrategySideProps) {
  if (collapsed)
    return (
      <SideRail
        side="left"
        label="Show starter strategies"
        testId="strategies-rail"
        onExpand={() => onCollapsedChange(false)}
        icon={<StrategiesIcon />}
      />
    );
  return <StrategyPalette snapshot={snapshot} onCollapse={() => onCollapsedChange(true)} onAdd={onAdd} />;
}
