import {
  type NodeChange,
  type NodeSelectionChange,
  ReactFlow,
  type ReactFlowProps,
  type XYPosition,
} from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import type { JourneyEdge } from './JourneyEdge';
import type { JourneyNode } from './node-types';

type FlowProps = Omit<ReactFlowProps<JourneyNode, JourneyEdge>, 'nodes' | 'onNodesChange'>;

interface JourneyFlowProps extends FlowProps {
  /** The nodes as the map places them. */
  nodes: JourneyNode[];
  /** Cards picked or dropped from the selection by React Flow (a click, a box, a drag's start). */
  onSelectChange: (picks: NodeSelectionChange[]) => void;
}

/**
 * Where this user's cards are while in hand, over where the map has them: React Flow owns it
 * until release, when the document has the new placement (or, after a no-op drop, the old one).
 * Kept in this component, so a pointer move re-renders React Flow and nothing of the canvas around it.
 */
function useCardsInHand(placed: JourneyNode[], onSelectChange: JourneyFlowProps['onSelectChange']) {
  const [inHand, setInHand] = useState<ReadonlyMap<string, XYPosition>>(new Map());
  const nodes = useMemo(() => {
    // Nothing in hand: the map's own list, which keeps its identity while no node changed.
    if (!inHand.size) return placed;
    return placed.map((node) => {
      const position = inHand.get(node.id);
      return position ? { ...node, position, dragging: true } : node;
    });
  }, [placed, inHand]);

  const onNodesChange = useCallback(
    (changes: NodeChange<JourneyNode>[]) => {
      const picks = changes.filter((change) => change.type === 'select');
      if (picks.length) onSelectChange(picks);
      const moves = changes.filter((change) => change.type === 'position');
      if (!moves.length) return;
      setInHand((current) => {
        const next = new Map(current);
        for (const move of moves) {
          if (move.dragging && move.position) next.set(move.id, move.position);
          else next.delete(move.id);
        }
        return next;
      });
    },
    [onSelectChange],
  );
  return { nodes, onNodesChange };
}

/** React Flow with the map's nodes and the cards in hand. */
export function JourneyFlow({ nodes: placed, onSelectChange, children, ...props }: JourneyFlowProps) {
  const { nodes, onNodesChange } = useCardsInHand(placed, onSelectChange);
  return (
    <ReactFlow<JourneyNode, JourneyEdge> {...props} nodes={nodes} onNodesChange={onNodesChange}>
      {children}
    </ReactFlow>
  );
}
