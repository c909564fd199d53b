import {
  type GridLayout,
  LEAD_STAGES,
  type LeadStage,
  type MapSnapshot,
  type Team,
  type Touchpoint,
} from '@baton/model';
import type { NodeSelectionChange } from '@xyflow/react';
import { type Dispatch, type SetStateAction, useCallback, useMemo, useRef } from 'react';
import type { RemoteDrag } from '../sync/drag-presence';
import type { CanvasView } from './canvas-view';
import { gridNodes, inReadingOrder, touchpointNode } from './flow-elements';
import { keepSameList, reuseUnchanged } from './node-reuse';
import type { CardEmphasis, JourneyNode, TouchpointNode } from './node-types';
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

/** What one card's node is drawn from, besides the grid (`layout`) and `editable`. */
interface CardInputs {
  touchpoint: Touchpoint;
  stageLabel: string;
  emphasis: CardEmphasis;
  draggedBy: RemoteDrag | undefined;
  selected: boolean;
}

function sameCardInputs(a: CardInputs, b: CardInputs): boolean {
  return (
    a.touchpoint === b.touchpoint &&
    a.stageLabel === b.stageLabel &&
    a.emphasis === b.emphasis &&
    a.draggedBy === b.draggedBy &&
    a.selected === b.selected
  );
}

/**
 * The React Flow nodes, derived from the snapshot (the document is the truth) incrementally:
 * a card's node object is rebuilt only when its touchpoint, selection, emphasis or remote drag
 * changed, so React Flow and the memoised cards skip the rest. Where this user's cards are while
 * in hand is kept apart, by the flow itself (`useCardsInHand`).
 */
export function useJourneyNodes(inputs: NodeInputs) {
  const { snapshot, editable, selection, onSelectionChange, view, layout, remoteDrags, dropTarget } = inputs;
  const cards = useRef(new Map<string, TouchpointNode>());
  const cardInputs = useRef(new Map<string, CardInputs>());
  const madeFrom = useRef<{ editable?: boolean; layout?: GridLayout }>({});
  const cardList = useRef<TouchpointNode[]>(undefined);
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

  const touchpointNodes = useMemo(() => {
    const selected = new Set(selection.touchpoints);
    const made = madeFrom.current;
    const sameGrid = made.editable === editable && made.layout === layout;
    madeFrom.current = { editable, layout };
    // In reading order (stage, then lane, then top to bottom), so Tab walks the map as it reads.
    const built = inReadingOrder(snapshot.touchpoints).map((touchpoint) => {
      const inputs: CardInputs = {
        touchpoint,
        stageLabel: snapshot.stages[touchpoint.stage].label,
        emphasis: view.emphasis.get(touchpoint.id) ?? null,
        draggedBy: remoteDrags.get(touchpoint.id),
        selected: selected.has(touchpoint.id),
      };
      // A card whose touchpoint and surroundings are the very same keeps its node unbuilt: most
      // edits change one card, and building and comparing a thousand was most of an edit's work.
      const known = cardInputs.current.get(touchpoint.id);
      const kept = cards.current.get(touchpoint.id);
      cardInputs.current.set(touchpoint.id, inputs);
      if (sameGrid && kept && known && sameCardInputs(known, inputs)) return kept;
      const node = touchpointNode(touchpoint, snapshot, { editable, ...inputs, layout });
      node.selected = inputs.selected;
      return node;
    });
    if (cardInputs.current.size > built.length) {
      const present = new Set(snapshot.touchpoints.map((touchpoint) => touchpoint.id));
      for (const id of cardInputs.current.keys()) if (!present.has(id)) cardInputs.current.delete(id);
    }
    const kept = keepSameList(cardList.current, reuseUnchanged(cards.current, built));
    if (kept !== cardList.current) cards.current = new Map(kept.map((node) => [node.id, node]));
    cardList.current = kept;
    return kept;
  }, [snapshot, editable, selection.touchpoints, view.emphasis, remoteDrags, layout]);

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
