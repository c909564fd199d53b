import { type GridLayout, type LeadStage, placementAt, type Team } from '@baton/model';
import type { OnNodeDrag } from '@xyflow/react';
import { useCallback, useState } from 'react';
import type { MapActions } from '../editing/map-actions';
import type { DragBroadcast } from '../sync/drag-presence';
import { isTouchpointNode, type JourneyNode } from './node-types';

export type DropTarget = { stage: LeadStage; team: Team } | null;

/**
 * Dragging cards: the cell under the card lights up, colleagues see the cards move through
 * awareness while they are in hand, and the document is written once, on drop, where the
 * cell under each card decides its stage and team.
 */
export function useCardDrag(actions: MapActions, broadcast: DragBroadcast | undefined, layout: GridLayout) {
  const [dropTarget, setDropTarget] = useState<DropTarget>(null);

  const onNodeDrag: OnNodeDrag<JourneyNode> = useCallback(
    (_event, node, dragged) => {
      const { stage, team } = placementAt(node.position, layout);
      setDropTarget((current) =>
        current?.stage === stage && current.team === team ? current : { stage, team },
      );
      broadcast?.move(dragged.filter(isTouchpointNode).map((card) => ({ id: card.id, ...card.position })));
    },
    [broadcast, layout],
  );

  const onNodeDragStop: OnNodeDrag<JourneyNode> = useCallback(
    (_event, _node, dragged) => {
      const moves = dragged
        .filter(isTouchpointNode)
        .map((node) => ({ id: node.id, placement: placementAt(node.position, layout) }));
      if (moves.length) actions.moveTouchpoints(moves);
      broadcast?.end();
      setDropTarget(null);
    },
    [actions, broadcast, layout],
  );

  return { dropTarget, setDropTarget, onNodeDrag, onNodeDragStop };
}
