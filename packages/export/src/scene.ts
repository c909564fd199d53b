import type { ConnectionKind, Point } from '@baton/model';

/**
 * The map as a small display list: the few primitives the drawing uses, in paint order.
 * `mapScene` builds it once; `sceneToSvg` writes it as SVG and the server paints the same
 * scene straight into a PDF, so the two cannot drift apart. Coordinates are SVG user units
 * (y down), already rounded as the SVG writes them.
 */

export interface GroupNode {
  kind: 'group';
  /** Moves the children; the only transform the map needs. */
  translate?: Point;
  /** `data-*` attributes (without the prefix) that tests and tools find parts of the map by. */
  data?: Readonly<Record<string, string>>;
  children: SceneNode[];
}

export interface RectNode {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  /** Corner radius. */
  rx?: number;
  fill: string;
  /** No stroke when absent; `#rrggbbaa` colours carry their opacity. */
  stroke?: string;
  /** Defaults to 1, as in SVG. */
  strokeWidth?: number;
}

export interface PathNode {
  kind: 'path';
  /** SVG path data, absolute `M`, `L` and `C` commands only, so painters can read it simply. */
  d: string;
  /** Open curves say `none`; a path without it is a straight line, where fill paints nothing. */
  fill?: 'none';
  stroke: string;
  strokeWidth: number;
  /** Dash length and gap length (the one pattern the map uses); solid when absent. */
  dash?: readonly [number, number];
  lineCap?: 'round';
  /** An arrowhead of this kind's style at the path's end, pointing along it. */
  marker?: ConnectionKind;
  data?: Readonly<Record<string, string>>;
}

export type TextAnchor = 'start' | 'middle' | 'end';

export interface TextNode {
  kind: 'text';
  /** The anchor point of the first line's baseline. */
  x: number;
  y: number;
  fontSize: number;
  bold?: boolean;
  fill: string;
  /** `start` when absent. */
  anchor?: TextAnchor;
  lines: string[];
  /**
   * Set for a block of lines (a card's wrapped title, a note): each line's baseline is this
   * far below the one before. Absent for a single line of text.
   */
  lineHeight?: number;
}

/** Text for screen readers and tooltips (SVG `<title>`); not painted. */
export interface TitleNode {
  kind: 'title';
  text: string;
}

export type SceneNode = GroupNode | RectNode | PathNode | TextNode | TitleNode;

export interface ArrowheadStyle {
  kind: ConnectionKind;
  /** Length and width of the head in user units. */
  size: number;
  fill: string;
}

/**
 * Every arrowhead is this triangle in a 10 × 10 box, scaled to its `size`, pointing along
 * +x, with the box point (`REF_X`, `REF_Y`) on the path's end: the tip overshoots the end by
 * a tenth of the size, so it touches the card under the line's round cap.
 */
export const ARROWHEAD = {
  box: 10,
  refX: 9,
  refY: 5,
  points: [
    { x: 0, y: 0 },
    { x: 10, y: 5 },
    { x: 0, y: 10 },
  ],
} as const;

export interface Scene {
  width: number;
  height: number;
  /** The document's title: the map's name. */
  title: string;
  /** A CSS font-family list; the renderers embed its first font. */
  fontFamily: string;
  arrowheads: ArrowheadStyle[];
  children: SceneNode[];
}
