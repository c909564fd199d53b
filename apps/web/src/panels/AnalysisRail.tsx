import { AnalysisIcon } from './icons';
import { SideRail } from './SideRail';

interface AnalysisRailProps {
  empty: boolean;
  healthy: boolean;
  problems: number;
  onExpand: () => void;
}

/** The analysis collapsed to its rail: its icon, marked with the problem count (or a tick). */
export function AnalysisRail({ empty, healthy, problems, onExpand }: AnalysisRailProps) {
  const state = empty ? '' : healthy ? ': healthy' : `: ${problems} problem${problems === 1 ? '' : 's'}`;
  return (
    <SideRail
      side="right"
      label={`Show the analysis${state}`}
      testId="analysis-rail"
      onExpand={onExpand}
      icon={<AnalysisIcon />}
      badge={
        empty ? null : (
          <span className={`rail-badge ${healthy ? 'healthy' : 'unhealthy'}`} aria-hidden="true">
            {healthy ? '✓' : problems}
          </span>
        )
      }
    />
  );
}
