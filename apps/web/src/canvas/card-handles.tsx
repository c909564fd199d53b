import { Handle, Position } from '@xyflow/react';

/** The canvas's React Flow id: handle stubs need it to carry the ids React Flow looks for. */
export const FLOW_ID = 'journey';

const SIDES = [
  ['top', Position.Top],
  ['right', Position.Right],
  ['bottom', Position.Bottom],
  ['left', Position.Left],
] as const;

/**
 * The four connection points of a card as React Flow's own handles: only while the card is
 * hovered or selected, since each `<Handle>` subscribes to the flow's store and 4,000 of them
 * slow every drag frame on a 1,000-card map.
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
 * Plain elements where the handles sit otherwise, with the classes and data React Flow reads
 * when it measures a card (so connections attach to the same sides) and when a connection is
 * dropped on a card that is not hovered. No store subscription, no React Flow component.
 */
export function HandleStubs({ nodeId, editable }: { nodeId: string; editable: boolean }) {
  return SIDES.map(([side, position]) => (
    <div
      key={side}
      className={`react-flow__handle react-flow__handle-${position} source card-handle card-handle-stub${
        editable ? ' connectable connectablestart connectableend connectionindicator' : ' hidden'
      }`}
      data-id={`${FLOW_ID}-${nodeId}-${side}-source`}
      data-nodeid={nodeId}
      data-handleid={side}
      data-handlepos={position}
    />
  ));
}
