import type { CellPlacement, LeadStage } from '@baton/model';
import { useCallback, useState } from 'react';
import { EMPTY_SELECTION, type Selection } from '../canvas/selection';
import type { NewTouchpointDraft } from '../components/NewTouchpointForm';

/**
 * What the side panel is about: the selected cards or connections, a new card being drafted, or
 * a lead stage being edited. One at a time: picking one lets go of the others.
 */
export function useWorkspaceSelection() {
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [draft, setDraft] = useState<NewTouchpointDraft | null>(null);
  const [stage, setStage] = useState<LeadStage | null>(null);

  const select = useCallback((next: Selection) => {
    setDraft(null);
    setStage(null);
    setSelection(next);
  }, []);
  const selectOne = useCallback((id: string) => select({ touchpoints: [id], connections: [] }), [select]);

  const closePanel = useCallback(() => {
    const card = selection.touchpoints.length === 1 ? selection.touchpoints[0] : undefined;
    const connection = !card && selection.connections.length === 1 ? selection.connections[0] : undefined;
    select(EMPTY_SELECTION);
    // Give the keyboard back to the card or connection the panel was for.
    const back = card
      ? `.react-flow__node[data-id="${card}"]`
      : connection && `[data-connection-id="${connection}"]`;
    if (back) requestAnimationFrame(() => document.querySelector<HTMLElement>(back)?.focus());
  }, [selection, select]);

  const requestAdd = useCallback((placement?: CellPlacement) => {
    setSelection(EMPTY_SELECTION);
    setStage(null);
    setDraft(
      placement
        ? { stage: placement.stage, team: placement.team, at: { x: placement.x, y: placement.y } }
        : { stage: 'cold', team: 'marketing' },
    );
  }, []);
  const editStage = useCallback((next: LeadStage) => {
    setSelection(EMPTY_SELECTION);
    setDraft(null);
    setStage(next);
  }, []);

  return { selection, setSelection, draft, stage, select, selectOne, closePanel, requestAdd, editStage };
}
