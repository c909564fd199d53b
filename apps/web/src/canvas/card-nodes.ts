import type { GridLayout, MapSnapshot, Touchpoint } from '@baton/model';
import type { RemoteDrag } from '../sync/drag-presence';
import { inReadingOrder, touchpointNode } from './flow-elements';
import { KeptElements, sameNode } from './node-reuse';
import type { CardEmphasis, TouchpointNode } from './node-types';

/** What one card's node is drawn from, besides the grid (`layout`) and `editable`. */
interface CardInputs {
  touchpoint: Touchpoint;
  stageLabel: string;
  emphasis: CardEmphasis;
  draggedBy: RemoteDrag | undefined;
  selected: boolean;
}

export interface CardSurroundings {
  editable: boolean;
  layout: GridLayout;
  selected: ReadonlySet<string>;
  emphasis: ReadonlyMap<string, CardEmphasis>;
  remoteDrags: ReadonlyMap<string, RemoteDrag>;
}

/**
 * The cards' React Flow nodes, kept from one edit to the next. A card whose touchpoint and
 * surroundings are the very same objects keeps its node without building it again: most edits
 * change one card, and building, comparing and collecting a thousand nodes per keystroke of a
 * colleague was most of an edit's work. A node built again that draws the same keeps the old
 * object too, and so does the list, so React Flow (which compares by identity) skips them.
 */
export class CardNodes {
  private readonly kept = new KeptElements<CardInputs, TouchpointNode>();
  private grid: { editable: boolean; layout: GridLayout } | undefined;

  build(snapshot: MapSnapshot, around: CardSurroundings): TouchpointNode[] {
    const { editable, layout } = around;
    const sameGrid = this.grid?.editable === editable && this.grid.layout === layout;
    this.grid = { editable, layout };
    // In reading order (stage, then lane, then top to bottom), so Tab walks the map as it reads.
    const built = inReadingOrder(snapshot.touchpoints).map((touchpoint) => {
      const { id } = touchpoint;
      const stageLabel = snapshot.stages[touchpoint.stage].label;
      const emphasis = around.emphasis.get(id) ?? null;
      const draggedBy = around.remoteDrags.get(id);
      const selected = around.selected.has(id);
      const kept = this.kept.get(id);
      const known = kept?.inputs;
      if (
        sameGrid &&
        known?.touchpoint === touchpoint &&
        known.stageLabel === stageLabel &&
        known.emphasis === emphasis &&
        known.draggedBy === draggedBy &&
        known.selected === selected
      )
        return kept?.element as TouchpointNode;
      const node = touchpointNode(touchpoint, snapshot, { editable, emphasis, draggedBy, layout });
      node.selected = selected;
      const shown = kept && sameNode(kept.element, node) ? kept.element : node;
      this.kept.set(id, { touchpoint, stageLabel, emphasis, draggedBy, selected }, shown);
      return shown;
    });
    return this.kept.settle(built);
  }
}
