import { TEAM_LABELS } from '@baton/model';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { countText } from '../analysis/words';
import type { CellNode, LaneHeaderNode, StageHeaderNode } from './node-types';
import { TEAM_COLORS } from './palette';

/** One stage × team cell of the swimlane grid: a background that cards sit on. */
export const CellView = memo(function CellView({ data }: NodeProps<CellNode>) {
  const classes = ['grid-cell', data.isDropTarget && 'drop-target', data.gap && 'gap'];
  return (
    <section
      className={classes.filter(Boolean).join(' ')}
      style={{ backgroundColor: TEAM_COLORS[data.team].lane }}
      data-testid={`cell-${data.stage}-${data.team}`}
      data-stage={data.stage}
      data-team={data.team}
      data-gap={data.gap ? 'true' : 'false'}
      aria-label={`${data.stageLabel} × ${TEAM_LABELS[data.team]}${data.gap ? `: gap, ${data.gap}` : ''}`}
      title={data.editable ? 'Double-click to add a touchpoint here' : undefined}
    >
      {data.gap && (
        <span className="gap-badge" data-testid="gap-badge">
          <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M8 1.5 15 14H1z" fill="currentColor" />
            <path d="M8 6v3.5M8 11.5v.5" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
          {data.gap}
        </span>
      )}
    </section>
  );
});

function leadsText(leads: number | null): string {
  if (leads === null) return 'No lead count';
  return `${countText(leads)} lead${leads === 1 ? '' : 's'}`;
}

export const StageHeaderView = memo(function StageHeaderView({ data }: NodeProps<StageHeaderNode>) {
  const edit = data.onEdit;
  return (
    <div
      className="stage-header"
      data-testid={`stage-column-${data.stage}`}
      data-stage={data.stage}
      title={data.description}
    >
      <div className="stage-text">
        <span className="stage-label">{data.label}</span>
        <span className="stage-leads" data-testid={`stage-leads-${data.stage}`}>
          {leadsText(data.leads)}
        </span>
      </div>
      <span
        className="stage-count"
        title={`${data.count} touchpoints`}
        data-testid={`stage-count-${data.stage}`}
      >
        {data.count}
      </span>
      {edit && (
        <button
          type="button"
          className="stage-edit nodrag nopan"
          onClick={edit}
          aria-label={`Edit the ${data.label} stage`}
          data-testid={`edit-stage-${data.stage}`}
        >
          <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
            <path
              d="M11.5 2.5l2 2L6 12l-3 1 1-3z"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
              strokeLinejoin="round"
            />
          </svg>
        </button>
      )}
    </div>
  );
});

export const LaneHeaderView = memo(function LaneHeaderView({ data }: NodeProps<LaneHeaderNode>) {
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
});
