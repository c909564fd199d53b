import type { RemoteDrag } from '../sync/drag-presence';
import type { CardEmphasis } from './node-types';

/** Everything besides the map itself that changes how the canvas draws it. */
export interface CanvasView {
  /** Per touchpoint id: faded by a filter, ringed by a search; absent means drawn normally. */
  emphasis: ReadonlyMap<string, CardEmphasis>;
  /** Coverage gaps from the live analysis, keyed `stage:team`, with what is missing there. */
  gaps: ReadonlyMap<string, string>;
  /** Cards colleagues are dragging right now. */
  remoteDrags: ReadonlyMap<string, RemoteDrag>;
}

export const PLAIN_VIEW: CanvasView = { emphasis: new Map(), gaps: new Map(), remoteDrags: new Map() };

/** Room around the grid for the filter bar, legend and zoom controls floating over the canvas. */
export const FIT_VIEW = {
  padding: { top: '64px', left: '24px', right: '24px', bottom: '64px' },
} as const;
