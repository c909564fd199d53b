import type { CardEmphasis } from './node-types';

/** Everything besides the map itself that changes how the canvas draws it. */
export interface CanvasView {
  /** Per touchpoint id: faded by a filter, ringed by a search; absent means drawn normally. */
  emphasis: ReadonlyMap<string, CardEmphasis>;
  /** Coverage gaps from the live analysis, keyed `stage:team`, with what is missing there. */
  gaps: ReadonlyMap<string, string>;
}

export const PLAIN_VIEW: CanvasView = { emphasis: new Map(), gaps: new Map() };

/** The minimap's size (the grid's own proportions); it sits bottom right, beside the zoom controls. */
export const MINIMAP = { width: 130, height: 78 } as const;
