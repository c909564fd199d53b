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
  const { touchpoint, stageLabel, editable } = data;
  const colors = TEAM_COLORS[touchpoint.team];
  return (
    <article
      className={`touchpoint-card team-${touchpoint.team}${selected ? ' selected' : ''}`}
      style={{ borderLeftColor: colors.accent }}
      data-testid="touchpoint-card"
      data-touchpoint-id={touchpoint.id}
      data-stage={touchpoint.stage}
      data-team={touchpoint.team}
      data-channel={touchpoint.channel}
      data-draggable={draggable ? 'true' : 'false'}
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
