import type { ConnectionKind, Point } from '@baton/model';
import { type Edge, type EdgeProps, getSmoothStepPath, useStoreApi } from '@xyflow/react';
import { memo, useLayoutEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useLabelLayer } from './canvas-layers';
import { useCardTitle } from './card-titles';
import { connectionName } from './connection-names';
import type { Side } from './edge-labels';
import { lineEnd } from './line-ends';
import { CONNECTION_STYLES } from './palette';

export type JourneyEdgeData = {
  kind: ConnectionKind;
  /** The sides of its cards the line ends at, facing each other (`facingHandles`). */
  sourceSide: Side;
  targetSide: Side;
  /** Where along the gutter the line turns (see `stepPosition` in flow-elements). */
  stepPosition: number;
  /** How far the label is moved off the line's centre so it does not cover another label. */
  labelOffset: Point | null;
  /** The label wrapped to this width (canvas px) to fit between its cards; null: one line. */
  labelWidth: number | null;
  /** Faded by a filter, with its cards. */
  dimmed: boolean;
  /** The connection's own label ('' for none), for its name: the drawn label may be its kind's. */
  connectionLabel: string;
};

export type JourneyEdge = Edge<JourneyEdgeData, 'journey'>;

/**
 * Names the line for screen readers by its kind and its cards' current titles, never ids: the
 * returned ref goes on the line's path, directly inside React Flow's edge group, whose `aria-label` it
 * sets (the edge objects carry none, so a rename does not change React Flow's edge list).
 */
function useConnectionName(props: EdgeProps<JourneyEdge>) {
  const source = useCardTitle(props.source);
  const target = useCardTitle(props.target);
  const name = connectionName(
    { kind: props.data?.kind ?? 'flow', label: props.data?.connectionLabel ?? '' },
    { title: source },
    { title: target },
  );
  const anchor = useRef<SVGPathElement>(null);
  useLayoutEffect(() => {
    anchor.current?.parentElement?.setAttribute('aria-label', name);
  }, [name]);
  return anchor;
}

/**
 * A connection: React Flow's smooth-step line, its label drawn in the label layer above every
 * line (so no other connection runs through it) and moved aside when labels would collide.
 */
export const JourneyEdgeView = memo(function JourneyEdgeView(props: EdgeProps<JourneyEdge>) {
  const store = useStoreApi();
  const labelLayer = useLabelLayer();
  const named = useConnectionName(props);
  // React Flow gives the cards' centres (the one handle each card has); the line ends at the sides.
  const from = lineEnd(props.sourceX, props.sourceY, props.data?.sourceSide ?? 'right');
  const to = lineEnd(props.targetX, props.targetY, props.data?.targetSide ?? 'left');
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX: from.x,
    sourceY: from.y,
    sourcePosition: from.position,
    targetX: to.x,
    targetY: to.y,
    targetPosition: to.position,
    borderRadius: 10,
    stepPosition: props.data?.stepPosition,
  });
  const offset = props.data?.labelOffset ?? { x: 0, y: 0 };
  const wrapWidth = props.data?.labelWidth ?? null;
  const kind = props.data?.kind ?? 'flow';
  const classes = [
    'edge-label',
    `edge-label-${kind}`,
    props.selected && 'selected',
    props.data?.dimmed && 'dimmed',
    wrapWidth && 'wrapped',
  ];
  return (
    <>
      {/* React Flow's BaseEdge, drawn here for the ref on the path: an empty element per line to
          carry it was a thousand more elements to lay out on a 1,000-card map. */}
      <path
        ref={named}
        id={props.id}
        d={path}
        fill="none"
        className="react-flow__edge-path"
        style={props.style}
        markerEnd={props.markerEnd}
        markerStart={props.markerStart}
      />
      {props.interactionWidth !== 0 && (
        <path
          d={path}
          fill="none"
          strokeOpacity={0}
          strokeWidth={props.interactionWidth ?? 20}
          className="react-flow__edge-interaction"
        />
      )}
      {props.label &&
        labelLayer &&
        createPortal(
          // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: the line itself takes the keyboard focus; the label is a larger target for the pointer
          <div
            className={classes.filter(Boolean).join(' ')}
            style={{
              color: CONNECTION_STYLES[kind].color,
              transform: `translate(-50%, -50%) translate(${labelX + offset.x}px, ${labelY + offset.y}px)`,
              pointerEvents: props.selectable ? 'all' : 'none',
              width: wrapWidth ?? undefined,
            }}
            data-testid="connection-label"
            data-kind={kind}
            onClick={() => store.getState().addSelectedEdges([props.id])}
          >
            {props.label}
          </div>,
          labelLayer,
        )}
    </>
  );
});
