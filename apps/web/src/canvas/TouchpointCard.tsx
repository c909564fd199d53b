import { CHANNEL_LABELS, TEAM_LABELS, TEAMS, type Team } from '@baton/model';
import { type NodeProps, useUpdateNodeInternals } from '@xyflow/react';
import { type CSSProperties, memo, useEffect, useState } from 'react';
import { CardAdornmentSlot, useCardAdornments } from './card-adornments';
import { CentreHandle, LiveHandles } from './card-handles';
import { stageTagFits } from './card-text';
import type { TouchpointNode } from './node-types';
import { TEAM_COLORS } from './palette';

/** The team's colour for the card's stripe (canvas.css), one style object per team. */
const ACCENT = Object.fromEntries(
  TEAMS.map((team) => [team, { '--team-accent': TEAM_COLORS[team].accent } as CSSProperties]),
) as Record<Team, CSSProperties>;

/**
 * A touchpoint on the canvas: title, channel, team colour and lead stage. Memoised: React Flow
 * re-renders it only when its own node object changes, and the canvas keeps unchanged cards'
 * node objects, so an edit or a drag elsewhere on the map never reaches it.
 */
export const TouchpointCard = memo(function TouchpointCard({
  id,
  data,
  selected,
  draggable,
}: NodeProps<TouchpointNode>) {
  const { touchpoint, stageLabel, editable, emphasis, draggedBy } = data;
  const [hovered, setHovered] = useState(false);
  const live = editable && (hovered || selected);
  // React Flow finds a connection's start among the handles it measured: measured again once
  // the side handles are there (at rest a card has only its centre, see card-handles.tsx).
  const updateNodeInternals = useUpdateNodeInternals();
  useEffect(() => {
    if (live) updateNodeInternals(id);
  }, [live, id, updateNodeInternals]);
  const adornments = useCardAdornments();
  const colors = TEAM_COLORS[touchpoint.team];
  const classes = ['touchpoint-card', `team-${touchpoint.team}`, selected && 'selected', emphasis];
  const tagFits = stageTagFits(stageLabel);
  return (
    <article
      className={classes.filter(Boolean).join(' ')}
      style={
        draggedBy
          ? { ...ACCENT[touchpoint.team], outline: `2px solid ${draggedBy.color}`, outlineOffset: '2px' }
          : ACCENT[touchpoint.team]
      }
      onPointerEnter={editable ? () => setHovered(true) : undefined}
      onPointerLeave={editable ? () => setHovered(false) : undefined}
      data-testid="touchpoint-card"
      data-touchpoint-id={touchpoint.id}
      data-stage={touchpoint.stage}
      data-team={touchpoint.team}
      data-channel={touchpoint.channel}
      data-draggable={draggable ? 'true' : 'false'}
      data-emphasis={emphasis ?? undefined}
      data-dragged-by={draggedBy?.name}
    >
      <div className={tagFits ? 'card-text' : 'card-text wide-tag'}>
        <span
          className="card-tag"
          style={{ color: colors.accent }}
          title={`${TEAM_LABELS[touchpoint.team]} · ${stageLabel}`}
        >
          {stageLabel}
        </span>
        <span className="channel-chip">{CHANNEL_LABELS[touchpoint.channel]}</span>
        <div className="card-title">{touchpoint.title}</div>
      </div>
      {draggedBy && (
        <span className="card-dragger" style={{ background: draggedBy.color }}>
          {draggedBy.name}
        </span>
      )}
      <CentreHandle nodeId={id} editable={editable} />
      {live && <LiveHandles title={touchpoint.title} />}
      {adornments.length > 0 && <CardAdornmentSlot touchpointId={id} adornments={adornments} />}
    </article>
  );
});
