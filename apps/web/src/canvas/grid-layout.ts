import { DEFAULT_LAYOUT, type GridLayout, gridLayout, type MapSnapshot } from '@baton/model';
import { useMemo, useRef } from 'react';

/**
 * The grid's layout for the map (cells grow to fit their cards), kept as the same object while
 * it stays the same, so nodes and edges that depend on it are rebuilt only when a column or a
 * lane actually changed size.
 */
export function useGridLayout(snapshot: MapSnapshot): GridLayout {
  const kept = useRef<{ key: string; layout: GridLayout }>({ key: '', layout: DEFAULT_LAYOUT });
  return useMemo(() => {
    const layout = gridLayout(snapshot.touchpoints);
    const key = JSON.stringify(layout);
    if (key !== kept.current.key) kept.current = { key, layout };
    return kept.current.layout;
  }, [snapshot.touchpoints]);
}
