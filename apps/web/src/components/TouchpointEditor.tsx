import {
  defaultReach,
  type MapSnapshot,
  REACHES,
  type Reach,
  type Team,
  type Touchpoint,
  type TouchpointPatch,
} from '@baton/model';
import { useState } from 'react';
import { DeletedCardNotice } from '../editing/DeletedCardNotice';
import type { MapActions } from '../editing/map-actions';
import { CommitText } from './commit-fields';
import { ChannelSelect, Field, FieldGroup, StageSelect, TeamSelect } from './fields';
import { MetricsEditor } from './MetricsEditor';
import { PanelShell } from './PanelShell';

interface TouchpointEditorProps {
  touchpoint: Touchpoint;
  /** A colleague deleted the card: edits are kept here until it is put back or the editor closed. */
  deleted?: boolean;
  snapshot: MapSnapshot;
  actions: MapActions;
  onClose: () => void;
}

const REACH_LABELS: Record<Reach, string> = { 'one-to-many': 'One-to-many', 'one-to-one': 'One-to-one' };

/** The side panel for a selected touchpoint: every field of it, each written to the map at once. */
export function TouchpointEditor({
  touchpoint: seen,
  deleted = false,
  snapshot,
  actions,
  onClose,
}: TouchpointEditorProps) {
  // While the card is deleted, edits collect here rather than fail against a card that is gone.
  const [kept, setKept] = useState<TouchpointPatch>({});
  const touchpoint = deleted ? ({ ...seen, ...kept } as Touchpoint) : seen;
  const update = (patch: TouchpointPatch) => {
    if (!deleted) return actions.updateTouchpoint(touchpoint.id, patch);
    setKept((current) => ({ ...current, ...patch }));
    return true;
  };
  const restore = () => {
    const { id, votes: _votes, ...fields } = touchpoint;
    if (actions.restoreTouchpoint(id, fields)) setKept({});
  };
  // A reach still at its team's default follows the team; a chosen one stays.
  const changeTeam = (team: Team) =>
    update(
      touchpoint.reach === defaultReach(touchpoint.team) ? { team, reach: defaultReach(team) } : { team },
    );
  const connections = snapshot.connections.filter(
    (connection) => connection.source === touchpoint.id || connection.target === touchpoint.id,
  ).length;

  return (
    <PanelShell title="Touchpoint" label="Touchpoint editor" testId="touchpoint-editor" onClose={onClose}>
      {deleted && <DeletedCardNotice touchpoint={touchpoint} onRestore={restore} />}
      <Field label="Title" htmlFor="edit-title">
        <CommitText
          id="edit-title"
          value={touchpoint.title}
          testId="touchpoint-title-input"
          onCommit={(title) => update({ title })}
        />
      </Field>
      <Field label="Team" htmlFor="edit-team">
        <TeamSelect
          id="edit-team"
          value={touchpoint.team}
          onChange={changeTeam}
          testId="touchpoint-team-select"
        />
      </Field>
      <div className="field-pair">
        <Field label="Lead stage" htmlFor="edit-stage">
          <StageSelect
            id="edit-stage"
            value={touchpoint.stage}
            snapshot={snapshot}
            onChange={(stage) => update({ stage })}
            testId="touchpoint-stage-select"
          />
        </Field>
        <Field label="Channel" htmlFor="edit-channel">
          <ChannelSelect
            id="edit-channel"
            value={touchpoint.channel}
            onChange={(channel) => update({ channel })}
            testId="touchpoint-channel-select"
          />
        </Field>
      </div>
      <Field label="Reach" htmlFor="edit-reach">
        <fieldset
          className="segmented"
          aria-label="Reach"
          id="edit-reach"
          data-testid="touchpoint-reach-select"
        >
          {REACHES.map((reach) => (
            <button
              key={reach}
              type="button"
              aria-pressed={touchpoint.reach === reach}
              className={`segment${touchpoint.reach === reach ? ' active' : ''}`}
              data-value={reach}
              onClick={() => update({ reach })}
            >
              {REACH_LABELS[reach]}
            </button>
          ))}
        </fieldset>
      </Field>
      <Field label="Owner" htmlFor="edit-owner">
        <CommitText
          id="edit-owner"
          value={touchpoint.owner}
          placeholder="Who runs this touchpoint"
          testId="touchpoint-owner-input"
          onCommit={(owner) => update({ owner })}
        />
      </Field>
      <Field label="Description" htmlFor="edit-description">
        <CommitText
          id="edit-description"
          value={touchpoint.description}
          multiline
          maxLength={2000}
          placeholder="What happens here, and why"
          testId="touchpoint-description-input"
          onCommit={(description) => update({ description })}
        />
      </Field>
      <FieldGroup label="Metrics">
        <MetricsEditor
          team={touchpoint.team}
          metrics={touchpoint.metrics}
          onChange={(metrics) => update({ metrics })}
        />
      </FieldGroup>
      <p className="panel-note">
        {connections === 0
          ? 'Drag from a dot on the card’s edge to another card to connect them.'
          : `${connections} connection${connections === 1 ? '' : 's'}.`}
      </p>
      <div className="panel-actions">
        <button
          type="button"
          className="button danger"
          data-testid="delete-touchpoint"
          aria-label={`Delete touchpoint ${touchpoint.title}`}
          onClick={() => {
            actions.deleteTouchpoints([touchpoint.id]);
            onClose();
          }}
        >
          Delete touchpoint
        </button>
      </div>
    </PanelShell>
  );
}
