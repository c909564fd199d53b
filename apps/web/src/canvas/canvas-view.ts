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

/**
 * Room around the grid for the filter bar, legend, zoom controls and minimap floating over the
 * canvas: the bottom keeps the minimap (and its 15px margin) clear of the grid after a fit.
 */
export const FIT_VIEW = {
  padding: { top: '64px', left: '24px', right: '24px', bottom: `${MINIMAP.height + 26}px` },
} as const;
