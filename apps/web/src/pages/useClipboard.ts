import type { MapSnapshot } from '@baton/model';
import { useCallback, useRef } from 'react';
import type { Selection } from '../canvas/selection';
import { copyCards, loadCopy, storeCopy } from '../editing/clipboard';
import type { MapActions } from '../editing/map-actions';

/** How far each paste moves the copies into their cells, so they never hide the originals. */
const PASTE_STEP = 24;

/** Ctrl/Cmd+C and V for cards: copies keep their fields and the connections between them. */
export function useClipboard(
  snapshot: MapSnapshot,
  selection: Selection,
  actions: MapActions,
  select: (selection: Selection) => void,
) {
  const pastes = useRef(0);
  const copy = useCallback(() => {
    const copied = copyCards(snapshot, selection.touchpoints);
    if (!copied) return false;
    storeCopy(copied);
    pastes.current = 0;
    return true;
  }, [snapshot, selection.touchpoints]);

  const paste = useCallback(() => {
    const copied = loadCopy();
    if (!copied) return false;
    pastes.current += 1;
    const pasted = actions.pasteCards(copied, PASTE_STEP * pastes.current);
    if (pasted) select({ touchpoints: pasted.touchpoints, connections: [] });
    return true;
  }, [actions, select]);

  return { copy, paste };
}
