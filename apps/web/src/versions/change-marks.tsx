import type { MapChanges, MapSnapshot } from '@baton/model';
import { type ReactNode, useContext, useEffect, useMemo } from 'react';
import { CardAdornments, createKeyedStore, useAnyKeyedValue, useKeyedValue } from '../canvas/card-adornments';

export type ChangeMarkKind = 'added' | 'changed' | 'removed';

const MARK_WORDS: Record<ChangeMarkKind, string> = { added: 'Added', changed: 'Changed', removed: 'Removed' };

/** Which card carries which mark while changes are shown; each card hears only of its own. */
export const changeMarks = createKeyedStore<ChangeMarkKind>();

export function marksOf(changes: MapChanges): Map<string, ChangeMarkKind> {
  const marks = new Map<string, ChangeMarkKind>();
  for (const { touchpoint } of [...changes.touchpoints.moved, ...changes.touchpoints.edited])
    marks.set(touchpoint.id, 'changed');
  for (const ref of changes.touchpoints.added) marks.set(ref.id, 'added');
  for (const ref of changes.touchpoints.removed) marks.set(ref.id, 'removed');
  return marks;
}

/** The live map plus the removed cards where they were, to be drawn as ghosts. */
export function withGhosts(live: MapSnapshot, version: MapSnapshot, changes: MapChanges): MapSnapshot {
  const removed = new Set(changes.touchpoints.removed.map((ref) => ref.id));
  if (removed.size === 0) return live;
  return {
    ...live,
    touchpoints: [...live.touchpoints, ...version.touchpoints.filter((tp) => removed.has(tp.id))],
  };
}

/** The badge on a card: added, changed, or removed (the card itself then shows as a ghost). */
function ChangeMark({ touchpointId }: { touchpointId: string }) {
  const mark = useKeyedValue(changeMarks, touchpointId);
  if (!mark) return null;
  return (
    <span className={`change-mark change-${mark}`} data-testid="change-mark" data-change={mark}>
      {MARK_WORDS[mark]}
    </span>
  );
}

/**
 * Adds the change marks to whatever card adornments other features already provide, while
 * changes are shown: the rest of the time a card has no mark component and no subscription
 * (1,000 of each on a 1,000-card map, for a badge that is almost never there).
 */
export function ChangeMarksProvider({ children }: { children: ReactNode }) {
  const outer = useContext(CardAdornments);
  const marked = useAnyKeyedValue(changeMarks);
  useEffect(() => {
    if (!marked) return;
    document.body.classList.add('changes-shown');
    return () => document.body.classList.remove('changes-shown');
  }, [marked]);
  const adornments = useMemo(() => (marked ? [...outer, ChangeMark] : outer), [outer, marked]);
  return <CardAdornments.Provider value={adornments}>{children}</CardAdornments.Provider>;
}
