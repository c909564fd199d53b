import { CHANNEL_LABELS, TEAM_LABELS } from '@baton/model';
import { Handle, type NodeProps, Position } from '@xyflow/react';
import type { TouchpointNode } from './node-types';
import { TEAM_COLORS } from './palette';

const SIDES = [
  ['top', Position.Top],
  ['right', Position.Right],
  ['bottom', Position.Bottom],
  ['left', Position.Left],
] as const;

/** A touchpoint on the canvas: title, channel, team colour and lead stage. */
export function TouchpointCard({ data, selected, draggable }: NodeProps<TouchpointNode>) {
  const { touchpoint, stageLabel, editable, emphasis, draggedBy } = data;
  const colors = TEAM_COLORS[touchpoint.team];
  const classes = ['touchpoint-card', `team-${touchpoint.team}`, selected && 'selected', emphasis];
  return (
    <article
      className={classes.filter(Boolean).join(' ')}
      style={{
        borderLeftColor: colors.accent,
        ...(draggedBy ? { outline: `2px solid ${draggedBy.color}`, outlineOffset: '2px' } : {}),
      }}
      data-testid="touchpoint-card"
      data-touchpoint-id={touchpoint.id}
      data-stage={touchpoint.stage}
      data-team={touchpoint.team}
      data-channel={touchpoint.channel}
      data-draggable={draggable ? 'true' : 'false'}
      data-emphasis={emphasis ?? undefined}
      data-dragged-by={draggedBy?.name}
      aria-label={`${touchpoint.title}: ${TEAM_LABELS[touchpoint.team]}, ${stageLabel}, ${CHANNEL_LABELS[touchpoint.channel]}`}
    >
      <div className="card-meta">
        <span
          className="card-tag"
          style={{ color: colors.accent }}
          title={`${TEAM_LABELS[touchpoint.team]} · ${stageLabel}`}
        >
          {stageLabel}
        </span>
        <span className="channel-chip">{CHANNEL_LABELS[touchpoint.channel]}</span>
      </div>
      <div className="card-title">{touchpoint.title}</div>
      {draggedBy && (
        <span className="card-dragger" style={{ background: draggedBy.color }}>
          {draggedBy.name}
        </span>
      )}
      {SIDES.map(([side, position]) => (
        <Handle
          key={side}
          id={side}
          type="source"
          position={position}
          isConnectable={editable}
          className={editable ? 'card-handle' : 'card-handle hidden'}
          aria-label={editable ? `Connect from ${touchpoint.title} (${side})` : undefined}
        />
      ))}
    </article>
  );
}
