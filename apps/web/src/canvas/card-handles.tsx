import { Handle, Position } from '@xyflow/react';

/** The canvas's React Flow id: the centre stand-in needs it to carry the id React Flow looks for. */
export const FLOW_ID = 'journey';

/** The handle every connection line is drawn to: the card's centre (the line's ends: line-ends.ts). */
export const CENTRE_HANDLE = 'centre';

const SIDES = [
  ['top', Position.Top],
  ['right', Position.Right],
  ['bottom', Position.Bottom],
  ['left', Position.Left],
] as const;

/**
 * The four connection points of a card as React Flow's own handles, to draw a connection from:
 * only while the card is hovered or selected, since each `<Handle>` subscribes to the flow's
 * store and 4,000 of them slow every drag frame on a 1,000-card map.
 */
export function LiveHandles({ title }: { title: string }) {
  return SIDES.map(([side, position]) => (
    <Handle
      key={side}
      id={side}
      type="source"
      position={position}
      isConnectable
      className="card-handle"
      aria-label={`Connect from ${title} (${side})`}
    />
  ));
}

/**
 * One plain, unpainted element at the card's centre with the classes and data React Flow reads
 * when it measures a card: every line is drawn to it and ends at the side facing the other card
 * (line-ends.ts), and a connection dropped on a card that is not hovered lands on it. Four such
 * stand-ins per card (one per side) were 4,000 more elements to style, lay out and pre-paint in
 * every frame of a 1,000-card map. No store subscription, no React Flow component.
 */
export function CentreHandle({ nodeId, editable }: { nodeId: string; editable: boolean }) {
  return (
    <div
      className={`react-flow__handle react-flow__handle-top source card-centre${
        editable ? ' connectable connectablestart connectableend connectionindicator' : ''
      }`}
      data-id={`${FLOW_ID}-${nodeId}-${CENTRE_HANDLE}-source`}
      data-nodeid={nodeId}
      data-handleid={CENTRE_HANDLE}
      data-handlepos={Position.Top}
    />
  );
}
