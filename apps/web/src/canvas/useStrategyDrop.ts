import { GRID, type GridLayout, placementAt } from '@baton/model';
import { useReactFlow } from '@xyflow/react';
import { type DragEvent, useCallback } from 'react';
import type { MapActions } from '../editing/map-actions';
import { decodeStrategy, STRATEGY_MIME } from './strategy-transfer';
import type { DropTarget } from './useCardDrag';

/**
 * A starter strategy dragged from the palette: the cell under the pointer lights up while it
 * hovers, and on drop the card is added there, taking that cell's stage and team.
 */
export function useStrategyDrop(
  actions: MapActions,
  setDropTarget: (target: DropTarget) => void,
  onAdded: (id: string) => void,
  layout: GridLayout,
) {
  const { screenToFlowPosition } = useReactFlow();

  const placementUnder = useCallback(
    (event: DragEvent) => {
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      return placementAt({ x: point.x - GRID.cardWidth / 2, y: point.y - GRID.cardHeight / 2 }, layout);
    },
    [screenToFlowPosition, layout],
  );

  const onDragOver = useCallback(
    (event: DragEvent) => {
      if (!event.dataTransfer.types.includes(STRATEGY_MIME)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      const { stage, team } = placementUnder(event);
      setDropTarget({ stage, team });
    },
    [placementUnder, setDropTarget],
  );

  const onDragLeave = useCallback(
    (event: DragEvent) => {
      if (!(event.currentTarget as Element).contains(event.relatedTarget as Node | null)) setDropTarget(null);
    },
    [setDropTarget],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      const strategy = decodeStrategy(event.dataTransfer.getData(STRATEGY_MIME));
      setDropTarget(null);
      if (!strategy) return;
      event.preventDefault();
      const placement = placementUnder(event);
      const id = actions.addTouchpoint({
        title: strategy.title,
        description: strategy.description,
        channel: strategy.channel,
        ...placement,
      });
      if (id) onAdded(id);
    },
    [actions, placementUnder, setDropTarget, onAdded],
  );

  return { onDragOver, onDragLeave, onDrop };
}
