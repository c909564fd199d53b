import type { Connection, FinalConnectionState } from '@xyflow/react';

/**
 * A connection let go anywhere over a card connects to that card, not only over its ~6px edge
 * dot (React Flow connects only to handles, so this finishes the ones it did not).
 */
export function connectOnCardDrop(
  event: MouseEvent | TouchEvent,
  state: FinalConnectionState,
  connect: (connection: Connection) => void,
): void {
  if (state.isValid || !state.fromNode) return;
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  if (!point) return;
  const card = document
    .elementFromPoint(point.clientX, point.clientY)
    ?.closest<HTMLElement>('.react-flow__node-touchpoint');
  const target = card?.dataset.id;
  if (!target || target === state.fromNode.id) return;
  connect({ source: state.fromNode.id, target, sourceHandle: null, targetHandle: null });
}
