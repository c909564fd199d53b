import { useStoreApi } from '@xyflow/react';
import { useRef } from 'react';
import type { JourneyEdge } from './JourneyEdge';
import type { JourneyNode } from './node-types';

/**
 * Gives React Flow's store the canvas's first nodes and edges while the canvas first renders.
 * The store comes from the page's `ReactFlowProvider`, created before the map was read, and
 * `<ReactFlow nodes>` reaches it only from an effect after the first commit: a map that is
 * there when the workspace mounts was drawn in two renders with a painted frame between them
 * (the shell, then the cards). Seeded here, React Flow renders the cards in the first render,
 * as it does with a store created with its nodes; its own update then finds the same objects
 * and keeps them. Only into an empty store, so it is the store's initial state, never an update
 * that views already showing it would have to catch up with.
 */
export function useSeededFlowStore(nodes: JourneyNode[], edges: JourneyEdge[]) {
  const store = useStoreApi<JourneyNode, JourneyEdge>();
  const seeded = useRef(false);
  if (seeded.current) return;
  seeded.current = true;
  const state = store.getState();
  if (state.nodes.length > 0 || state.edges.length > 0) return;
  state.setNodes(nodes);
  state.setEdges(edges);
}
