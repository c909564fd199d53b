import type { MapSnapshot, Touchpoint } from '@baton/model';
import { useEffect, useState } from 'react';
import type { MapActions } from '../editing/map-actions';
import { ChannelSelect, Field, StageSelect, TeamSelect } from './fields';

interface TouchpointEditorProps {
  touchpoint: Touchpoint;
  snapshot: MapSnapshot;
  actions: MapActions;
  onClose: () => void;
}

/** The side panel for a selected touchpoint; every change is written to the map at once. */
export function TouchpointEditor({ touchpoint, snapshot, actions, onClose }: TouchpointEditorProps) {
  const [title, setTitle] = useState(touchpoint.title);
  const [editingTitle, setEditingTitle] = useState(false);

  // Follow a colleague's rename unless this user is typing over it.
  useEffect(() => {
    if (!editingTitle) setTitle(touchpoint.title);
  }, [touchpoint.title, editingTitle]);

  const commitTitle = () => {
    setEditingTitle(false);
    if (title.trim() === touchpoint.title) return;
    if (!actions.updateTouchpoint(touchpoint.id, { title })) setTitle(touchpoint.title);
  };

  const connections = snapshot.connections.filter(
    (connection) => connection.source === touchpoint.id || connection.target === touchpoint.id,
  ).length;

  return (
    <aside className="side-panel" aria-label="Touchpoint editor" data-testid="touchpoint-editor">
      <header className="panel-header">
        <h2>Touchpoint</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close the editor">
          ×
        </button>
      </header>
      <Field label="Title" htmlFor="edit-title">
        <input
          id="edit-title"
          className="input"
          value={title}
          maxLength={120}
          data-testid="touchpoint-title-input"
          onFocus={() => setEditingTitle(true)}
          onChange={(event) => setTitle(event.target.value)}
          onBlur={commitTitle}
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.currentTarget.blur();
            if (event.key === 'Escape') {
              setTitle(touchpoint.title);
              setEditingTitle(false);
            }
          }}
        />
      </Field>
      <Field label="Team" htmlFor="edit-team">
        <TeamSelect
          id="edit-team"
          value={touchpoint.team}
          onChange={(team) => actions.updateTouchpoint(touchpoint.id, { team })}
          testId="touchpoint-team-select"
        />
      </Field>
      <Field label="Lead stage" htmlFor="edit-stage">
        <StageSelect
          id="edit-stage"
          value={touchpoint.stage}
          snapshot={snapshot}
          onChange={(stage) => actions.updateTouchpoint(touchpoint.id, { stage })}
          testId="touchpoint-stage-select"
        />
      </Field>
      <Field label="Channel" htmlFor="edit-channel">
        <ChannelSelect
          id="edit-channel"
          value={touchpoint.channel}
          onChange={(channel) => actions.updateTouchpoint(touchpoint.id, { channel })}
          testId="touchpoint-channel-select"
        />
      </Field>
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
    </aside>
  );
}
