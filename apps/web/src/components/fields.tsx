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
import type { ReactNode } from 'react';

/** The labelled form controls the touchpoint editors share. */
export function Field({ label, htmlFor, children }: { label: string; htmlFor: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={htmlFor}>{label}</label>
      {children}
    </div>
  );
}

/** A labelled group of several controls (a label element would point at only one of them). */
export function FieldGroup({ label, children }: { label: string; children: ReactNode }) {
  return (
    <fieldset className="field field-group">
      <legend className="field-label">{label}</legend>
      {children}
    </fieldset>
  );
}

interface SelectProps<T extends string> {
  id: string;
  value: T;
  onChange: (value: T) => void;
  testId: string;
}

export function TeamSelect({ id, value, onChange, testId }: SelectProps<Team>) {
  return (
    <fieldset className="segmented" aria-label="Team" id={id} data-testid={testId}>
      {TEAMS.map((team) => (
        <button
          key={team}
          type="button"
          aria-pressed={value === team}
          className={`segment team-${team}${value === team ? ' active' : ''}`}
          data-value={team}
          onClick={() => onChange(team)}
        >
          {TEAM_LABELS[team]}
        </button>
      ))}
    </fieldset>
  );
}

export function StageSelect({
  id,
  value,
  onChange,
  testId,
  snapshot,
}: SelectProps<LeadStage> & { snapshot: MapSnapshot }) {
  return (
    <select
      id={id}
      className="input"
      value={value}
      data-testid={testId}
      onChange={(event) => onChange(event.target.value as LeadStage)}
    >
      {LEAD_STAGES.map((stage) => (
        <option key={stage} value={stage}>
          {snapshot.stages[stage].label}
        </option>
      ))}
    </select>
  );
}

export function ChannelSelect({ id, value, onChange, testId }: SelectProps<Channel>) {
  return (
    <select
      id={id}
      className="input"
      value={value}
      data-testid={testId}
      onChange={(event) => onChange(event.target.value as Channel)}
    >
      {CHANNELS.map((channel) => (
        <option key={channel} value={channel}>
          {CHANNEL_LABELS[channel]}
        </option>
      ))}
    </select>
  );
}
