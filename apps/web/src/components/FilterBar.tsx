import {
  CHANNEL_LABELS,
  CHANNELS,
  type Channel,
  LEAD_STAGES,
  type LeadStage,
  type MapSnapshot,
  TEAM_LABELS,
  TEAMS,
  type Team,
} from '@baton/model';
import { type CanvasFilter, isFiltering, matchesFilter, NO_FILTER } from '../canvas/filters';

interface FilterBarProps {
  filter: CanvasFilter;
  onChange: (filter: CanvasFilter) => void;
  snapshot: MapSnapshot;
}

/** Search and filters over the canvas: cards that do not match fade, search matches are ringed. */
export function FilterBar({ filter, onChange, snapshot }: FilterBarProps) {
  const active = isFiltering(filter);
  const matches = snapshot.touchpoints.filter((touchpoint) => matchesFilter(touchpoint, filter)).length;
  return (
    <search className="filter-bar" aria-label="Search and filter touchpoints" data-testid="filter-bar">
      <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden="true" className="filter-icon">
        <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M10.5 10.5 14 14" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      <input
        className="filter-search"
        type="search"
        value={filter.text}
        placeholder="Search touchpoints"
        aria-label="Search touchpoints"
        data-testid="search-input"
        onChange={(event) => onChange({ ...filter, text: event.target.value })}
        onKeyDown={(event) => event.key === 'Escape' && onChange({ ...filter, text: '' })}
      />
      <select
        className="filter-select"
        value={filter.team}
        aria-label="Filter by team"
        data-testid="filter-team"
        onChange={(event) => onChange({ ...filter, team: event.target.value as Team | 'all' })}
      >
        <option value="all">All teams</option>
        {TEAMS.map((team) => (
          <option key={team} value={team}>
            {TEAM_LABELS[team]}
          </option>
        ))}
      </select>
      <select
        className="filter-select"
        value={filter.stage}
        aria-label="Filter by stage"
        data-testid="filter-stage"
        onChange={(event) => onChange({ ...filter, stage: event.target.value as LeadStage | 'all' })}
      >
        <option value="all">All stages</option>
        {LEAD_STAGES.map((stage) => (
          <option key={stage} value={stage}>
            {snapshot.stages[stage].label}
          </option>
        ))}
      </select>
      <select
        className="filter-select"
        value={filter.channel}
        aria-label="Filter by channel"
        data-testid="filter-channel"
        onChange={(event) => onChange({ ...filter, channel: event.target.value as Channel | 'all' })}
      >
        <option value="all">All channels</option>
        {CHANNELS.map((channel) => (
          <option key={channel} value={channel}>
            {CHANNEL_LABELS[channel]}
          </option>
        ))}
      </select>
      {active && (
        <>
          <output className="filter-count" data-testid="filter-count">
            {matches} of {snapshot.touchpoints.length}
          </output>
          <button
            type="button"
            className="filter-clear"
            onClick={() => onChange(NO_FILTER)}
            data-testid="clear-filters"
          >
            Clear
          </button>
        </>
      )}
    </search>
  );
}
