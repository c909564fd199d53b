import { CHANNEL_LABELS, CHANNELS, LEAD_STAGES, type MapSnapshot, TEAM_LABELS, TEAMS } from '@baton/model';
import { type CanvasFilter, isFiltering, matchesFilter, NO_FILTER } from '../canvas/filters';

interface FilterSelectProps<T extends string> {
  label: string;
  testId: string;
  value: T | 'all';
  allLabel: string;
  options: [T, string][];
  onChange: (value: T | 'all') => void;
}

/** One "All … / each value" filter; the value list comes from the model's enums. */
function FilterSelect<T extends string>({
  label,
  testId,
  value,
  allLabel,
  options,
  onChange,
}: FilterSelectProps<T>) {
  return (
    <select
      className="filter-select"
      value={value}
      aria-label={label}
      data-testid={testId}
      onChange={(event) => onChange(event.target.value as T | 'all')}
    >
      <option value="all">{allLabel}</option>
      {options.map(([option, text]) => (
        <option key={option} value={option}>
          {text}
        </option>
      ))}
    </select>
  );
}

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
      <FilterSelect
        label="Filter by team"
        testId="filter-team"
        value={filter.team}
        allLabel="All teams"
        options={TEAMS.map((team) => [team, TEAM_LABELS[team]])}
        onChange={(team) => onChange({ ...filter, team })}
      />
      <FilterSelect
        label="Filter by stage"
        testId="filter-stage"
        value={filter.stage}
        allLabel="All stages"
        options={LEAD_STAGES.map((stage) => [stage, snapshot.stages[stage].label])}
        onChange={(stage) => onChange({ ...filter, stage })}
      />
      <FilterSelect
        label="Filter by channel"
        testId="filter-channel"
        value={filter.channel}
        allLabel="All channels"
        options={CHANNELS.map((channel) => [channel, CHANNEL_LABELS[channel]])}
        onChange={(channel) => onChange({ ...filter, channel })}
      />
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
