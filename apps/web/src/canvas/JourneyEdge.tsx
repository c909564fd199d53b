import type { ConnectionKind, Point } from '@baton/model';
import { BaseEdge, type Edge, type EdgeProps, getSmoothStepPath, useStoreApi } from '@xyflow/react';
import { memo } from 'react';
import { createPortal } from 'react-dom';
import { useLabelLayer } from './canvas-layers';
import { CONNECTION_STYLES } from './palette';

export type JourneyEdgeData = {
  kind: ConnectionKind;
  /** Where along the gutter the line turns (see `stepPosition` in flow-elements). */
  stepPosition: number;
  /** How far the label is moved off the line's centre so it does not cover another label. */
  labelOffset: Point | null;
  /** The label wrapped to this width (canvas px) to fit between its cards; null: one line. */
  labelWidth: number | null;
  /** Faded by a filter, with its cards. */
  dimmed: boolean;
};

export type JourneyEdge = Edge<JourneyEdgeData, 'journey'>;

/**
 * A connection: React Flow's smooth-step line, its label drawn in the label layer above every
 * line (so no other connection runs through it) and moved aside when labels would collide.
 */
export const JourneyEdgeView = memo(function JourneyEdgeView(props: EdgeProps<JourneyEdge>) {
  const store = useStoreApi();
  const labelLayer = useLabelLayer();
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX: props.sourceX,
    sourceY: props.sourceY,
    sourcePosition: props.sourcePosition,
    targetX: props.targetX,
    targetY: props.targetY,
    targetPosition: props.targetPosition,
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
      <BaseEdge
        id={props.id}
        path={path}
        style={props.style}
        markerEnd={props.markerEnd}
        markerStart={props.markerStart}
        interactionWidth={props.interactionWidth}
      />
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
