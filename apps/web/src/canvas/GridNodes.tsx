import { TEAM_LABELS } from '@baton/model';
import type { NodeProps } from '@xyflow/react';
import type { CellNode, LaneHeaderNode, StageHeaderNode } from './node-types';
import { TEAM_COLORS } from './palette';

/** One stage × team cell of the swimlane grid: a background that cards sit on. */
export function CellView({ data }: NodeProps<CellNode>) {
  return (
    <section
      className={`grid-cell${data.isDropTarget ? ' drop-target' : ''}`}
      style={{ background: TEAM_COLORS[data.team].lane }}
      data-testid={`cell-${data.stage}-${data.team}`}
      data-stage={data.stage}
      data-team={data.team}
      aria-label={`${data.stageLabel} × ${TEAM_LABELS[data.team]}`}
      title={data.editable ? 'Double-click to add a touchpoint here' : undefined}
    />
  );
}

export function StageHeaderView({ data }: NodeProps<StageHeaderNode>) {
  return (
    <div
      className="stage-header"
      data-testid={`stage-column-${data.stage}`}
      data-stage={data.stage}
      title={data.description}
    >
      <span className="stage-label">{data.label}</span>
      <span className="stage-count" title={`${data.count} touchpoints`}>
        {data.count}
      </span>
    </div>
  );
}

export function LaneHeaderView({ data }: NodeProps<LaneHeaderNode>) {
  const colors = TEAM_COLORS[data.team];
  return (
    <div
      className="lane-header"
      data-testid={`lane-${data.team}`}
      data-team={data.team}
      style={{ background: colors.lane, color: colors.ink }}
    >
      <span className="lane-swatch" style={{ background: colors.accent }} aria-hidden="true" />
      <span className="lane-label">{data.label}</span>
      <span className="lane-meta">
        {data.team === 'marketing' ? 'One-to-many · pull' : 'One-to-one · push'}
      </span>
      <span className="lane-count">
        {data.count} {data.count === 1 ? 'touchpoint' : 'touchpoints'}
      </span>
    </div>
  );
}
