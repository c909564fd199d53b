import type { MapSnapshot, Touchpoint } from '@baton/model';
import { useRef } from 'react';
import type { Selection } from '../canvas/selection';

export interface EditedTouchpoint {
  touchpoint: Touchpoint;
  /** The card left the map while its editor was open: a colleague deleted it. */
  deleted: boolean;
}

/**
 * The card the editor panel is open on. When a colleague deletes it, the editor stays open on
 * the card as it last was, so what this user typed is not lost (issue 11, finding 7).
 */
export function useEditedTouchpoint(
  snapshot: MapSnapshot,
  selection: Selection,
): EditedTouchpoint | undefined {
  const lastSeen = useRef<Touchpoint | undefined>(undefined);
  const id =
    selection.touchpoints.length === 1 && selection.connections.length === 0
      ? selection.touchpoints[0]
      : undefined;
  const live = id === undefined ? undefined : snapshot.touchpoints.find((touchpoint) => touchpoint.id === id);
  if (live) {
    lastSeen.current = live;
    return { touchpoint: live, deleted: false };
  }
  if (id !== undefined && lastSeen.current?.id === id) return { touchpoint: lastSeen.current, deleted: true };
  lastSeen.current = undefined;
  return undefined;
}
