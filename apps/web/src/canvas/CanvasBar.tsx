import type { MapSnapshot } from '@baton/model';
import { FilterBar } from '../components/FilterBar';
import { Legend } from '../components/Legend';
import type { CanvasFilter } from './filters';

interface CanvasBarProps {
  filter: CanvasFilter;
  onFilterChange: (filter: CanvasFilter) => void;
  snapshot: MapSnapshot;
}

/**
 * Search, filters and the legend in a strip above the canvas rather than floating over it, so
 * a fitted map can use the canvas's whole height without any of them covering a stage or a lane.
 */
export function CanvasBar({ filter, onFilterChange, snapshot }: CanvasBarProps) {
  return (
    <div className="canvas-bar" data-testid="canvas-bar">
      <FilterBar filter={filter} onChange={onFilterChange} snapshot={snapshot} />
      <Legend />
    </div>
  );
}
