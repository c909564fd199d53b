import { type GridLayout, LEAD_STAGES, type LeadStage, type MapSnapshot, type Team } from '@baton/model';
import type { NodeSelectionChange } from '@xyflow/react';
import { type Dispatch, type SetStateAction, useCallback, useMemo, useRef, useState } from 'react';
import type { RemoteDrag } from '../sync/drag-presence';
import type { CanvasView } from './canvas-view';
import { CardNodes } from './card-nodes';
import { gridNodes } from './flow-elements';
import { keepSameList, reuseUnchanged } from './node-reuse';
import type { JourneyNode } from './node-types';
import type { Selection } from './selection';
import { toggled } from './selection';

interface NodeInputs {
  snapshot: MapSnapshot;
  editable: boolean;
  selection: Selection;
  onSelectionChange: Dispatch<SetStateAction<Selection>>;
  view: CanvasView;
  /** Where the cells are: they grow with their cards. */
  layout: GridLayout;
  remoteDrags: ReadonlyMap<string, RemoteDrag>;
  dropTarget: { stage: LeadStage; team: Team } | null;
  onEditStage?: (stage: LeadStage) => void;
}

/**
 * The React Flow nodes, derived from the snapshot (the document is the truth) incrementally:
 * a card's node object is rebuilt only when its touchpoint, selection, emphasis or remote drag
 * changed, so React Flow and the memoised cards skip the rest. Where this user's cards are while
 * in hand is kept apart, by the flow itself (`useCardsInHand`).
 */
export function useJourneyNodes(inputs: NodeInputs) {
  const { snapshot, editable, selection, onSelectionChange, view, layout, remoteDrags, dropTarget } = inputs;
  const [cardNodes] = useState(() => new CardNodes());
  const grid = useRef(new Map<string, JourneyNode>());
  const gridList = useRef<JourneyNode[]>(undefined);
  const shownList = useRef<JourneyNode[]>(undefined);

  // One stable callback per stage, so the stage headers' data does not change every render.
  const editStage = useRef(inputs.onEditStage);
  editStage.current = inputs.onEditStage;
  const stageEditors = useMemo(
    () =>
      Object.fromEntries(LEAD_STAGES.map((stage) => [stage, () => editStage.current?.(stage)])) as Record<
        LeadStage,
        () => void
      >,
    [],
  );
  const canEditStages = editable && !!inputs.onEditStage;

  const touchpointNodes = useMemo(
    () =>
      cardNodes.build(snapshot, {
        editable,
        layout,
        selected: new Set(selection.touchpoints),
        emphasis: view.emphasis,
        remoteDrags,
      }),
    [cardNodes, snapshot, editable, selection.touchpoints, view.emphasis, remoteDrags, layout],
  );

  const backgroundNodes = useMemo(() => {
    const built = gridNodes(snapshot, {
      editable,
      dropTarget,
      layout,
      gaps: view.gaps,
      stageEditors: canEditStages ? stageEditors : undefined,
    });
    const kept = keepSameList(gridList.current, reuseUnchanged(grid.current, built));
    if (kept !== gridList.current) grid.current = new Map(kept.map((node) => [node.id, node]));
    gridList.current = kept;
    return kept;
  }, [snapshot, editable, dropTarget, layout, view.gaps, canEditStages, stageEditors]);

  const nodes = useMemo(() => {
    shownList.current = keepSameList(shownList.current, [...backgroundNodes, ...touchpointNodes]);
    return shownList.current;
  }, [backgroundNodes, touchpointNodes]);

  const onSelectChange = useCallback(
    (picks: NodeSelectionChange[]) => {
      onSelectionChange((current) => {
        let ids = current.touchpoints;
        for (const pick of picks) ids = toggled(ids, pick.id, pick.selected);
        return { ...current, touchpoints: ids };
      });
    },
    [onSelectionChange],
  );

  return { nodes, onSelectChange };
}
