import { DEFAULT_LAYOUT, type GridLayout, gridLayout, type MapSnapshot, type Touchpoint } from '@baton/model';
import { useMemo, useRef } from 'react';
import { samePlaces } from './flow-elements';

/**
 * The grid's layout for the map (cells grow to fit their cards), kept as the same object while
 * it stays the same, so nodes and edges that depend on it are rebuilt only when a column or a
 * lane actually changed size.
 */
export function useGridLayout(snapshot: MapSnapshot): GridLayout {
  const kept = useRef<{ key: string; layout: GridLayout; from: readonly Touchpoint[] }>({
    key: '',
    layout: DEFAULT_LAYOUT,
    from: [],
  });
  const { touchpoints } = snapshot;
  return useMemo(() => {
    // Cells fit their cards' places: an edit that moved no card (most edits) leaves them be.
    if (kept.current.key && samePlaces(touchpoints, kept.current.from)) {
      kept.current.from = touchpoints;
      return kept.current.layout;
    }
    const layout = gridLayout(touchpoints);
    const key = JSON.stringify(layout);
    if (key !== kept.current.key) kept.current = { key, layout, from: touchpoints };
    else kept.current.from = touchpoints;
    return kept.current.layout;
  }, [touchpoints]);
}
