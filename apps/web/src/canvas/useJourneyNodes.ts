import type { LeadStage, MapSnapshot, Team } from '@baton/model';
import { applyNodeChanges, type NodeChange } from '@xyflow/react';
import { type Dispatch, type SetStateAction, useCallback, useEffect, useState } from 'react';
import type { CanvasView } from './canvas-view';
import { gridNodes, touchpointNode } from './flow-elements';
import type { JourneyNode } from './node-types';
import type { Selection } from './selection';
import { toggled } from './selection';

interface NodeInputs {
  snapshot: MapSnapshot;
  editable: boolean;
  selection: Selection;
  onSelectionChange: Dispatch<SetStateAction<Selection>>;
  view: CanvasView;
  dropTarget: { stage: LeadStage; team: Team } | null;
  onEditStage?: (stage: LeadStage) => void;
}

/**
 * The React Flow nodes, rebuilt from each snapshot (the document is the truth), keeping only
 * what React Flow owns locally: measured sizes and a card in the middle of this user's drag.
 * Returns the nodes, their change handler, and `resync` to redraw from the document after a drop.
 */
export function useJourneyNodes(inputs: NodeInputs) {
  const { snapshot, editable, selection, onSelectionChange, view, dropTarget, onEditStage } = inputs;
  const [nodes, setNodes] = useState<JourneyNode[]>([]);
  const [tick, setTick] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` forces a rebuild after a no-op drop
  useEffect(() => {
    const selected = new Set(selection.touchpoints);
    setNodes((previous) => {
      const before = new Map(previous.map((node) => [node.id, node]));
      const cards = snapshot.touchpoints.map((touchpoint) => {
        const node = touchpointNode(touchpoint, snapshot, {
          editable,
          emphasis: view.emphasis.get(touchpoint.id) ?? null,
          draggedBy: view.remoteDrags.get(touchpoint.id),
        });
        const old = before.get(touchpoint.id);
        node.selected = selected.has(touchpoint.id);
        if (old?.dragging) {
          node.position = old.position;
          node.dragging = true;
        }
        if (old?.measured) node.measured = old.measured;
        return node;
      });
      return [...gridNodes(snapshot, { editable, dropTarget, gaps: view.gaps, onEditStage }), ...cards];
    });
  }, [snapshot, editable, dropTarget, selection, view, onEditStage, tick]);

  const onNodesChange = useCallback(
    (changes: NodeChange<JourneyNode>[]) => {
      const picks = changes.filter((change) => change.type === 'select');
      if (picks.length) {
        onSelectionChange((current) => {
          let ids = current.touchpoints;
          for (const pick of picks) ids = toggled(ids, pick.id, pick.selected);
          return { ...current, touchpoints: ids };
        });
      }
      const local = changes.filter((change) => change.type === 'position' || change.type === 'dimensions');
      if (local.length) setNodes((current) => applyNodeChanges(local, current));
    },
    [onSelectionChange],
  );

  const resync = useCallback(() => setTick((value) => value + 1), []);
  return { nodes, onNodesChange, resync };
}
