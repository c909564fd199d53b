import type { CellPlacement, Channel, LeadStage, MapSnapshot, Team } from '@baton/model';
import { type FormEvent, useState } from 'react';
import { ChannelSelect, Field, StageSelect, TeamSelect } from './fields';

export interface NewTouchpointDraft {
  stage: LeadStage;
  team: Team;
  /** Where in the cell to place it (a double-clicked spot); absent: the next free slot. */
  at?: Pick<CellPlacement, 'x' | 'y'>;
}

interface NewTouchpointFormProps {
  draft: NewTouchpointDraft;
  snapshot: MapSnapshot;
  onSubmit: (fields: { title: string; team: Team; stage: LeadStage; channel: Channel }) => boolean;
  onCancel: () => void;
}

/** The side panel for adding a touchpoint: title, team, stage and channel. */
export function NewTouchpointForm({ draft, snapshot, onSubmit, onCancel }: NewTouchpointFormProps) {
  const [title, setTitle] = useState('');
  const [team, setTeam] = useState<Team>(draft.team);
  const [stage, setStage] = useState<LeadStage>(draft.stage);
  const [pickedChannel, setChannel] = useState<Channel | null>(null);
  // Until a channel is picked, suggest the team's usual one: marketing emails, sales calls.
  const channel = pickedChannel ?? (team === 'sales' ? 'phone' : 'email');
  const [error, setError] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setError('A touchpoint needs a title.');
      return;
    }
    if (!onSubmit({ title: title.trim(), team, stage, channel })) setError('');
  };

  return (
    <form
      className="side-panel"
      onSubmit={submit}
      aria-label="New touchpoint"
      data-testid="new-touchpoint-form"
      onKeyDown={(event) => event.key === 'Escape' && onCancel()}
    >
      <header className="panel-header">
        <h2>New touchpoint</h2>
        <button type="button" className="icon-button" onClick={onCancel} aria-label="Close the editor">
          ×
        </button>
      </header>
      <Field label="Title" htmlFor="new-title">
        <input
          id="new-title"
          className="input"
          value={title}
          maxLength={120}
          // biome-ignore lint/a11y/noAutofocus: the form opens on purpose to type a title
          autoFocus
          placeholder="e.g. Webinar invitation"
          data-testid="touchpoint-title-input"
          onChange={(event) => {
            setTitle(event.target.value);
            setError('');
          }}
        />
      </Field>
      <Field label="Team" htmlFor="new-team">
        <TeamSelect id="new-team" value={team} onChange={setTeam} testId="touchpoint-team-select" />
      </Field>
      <Field label="Lead stage" htmlFor="new-stage">
        <StageSelect
          id="new-stage"
          value={stage}
          onChange={setStage}
          snapshot={snapshot}
          testId="touchpoint-stage-select"
        />
      </Field>
      <Field label="Channel" htmlFor="new-channel">
        <ChannelSelect
          id="new-channel"
          value={channel}
          onChange={setChannel}
          testId="touchpoint-channel-select"
        />
      </Field>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="panel-actions">
        <button type="button" className="button ghost" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="submit"
          className="button primary"
          data-testid="save-touchpoint"
          aria-label="Add touchpoint to the map"
        >
          Add touchpoint
        </button>
      </div>
    </form>
  );
}
