import type { Team } from '@baton/model';
import { useState } from 'react';
import { JoinDialog } from './JoinDialog';
import type { Workshop } from './useWorkshop';

interface WorkshopEntryProps {
  workshop: Workshop;
  /** An edit link may start or join a workshop; a view link watches. */
  canEdit: boolean;
  defaultName: string;
  discussOpen: boolean;
  onToggleDiscuss: () => void;
}

/** Top-bar entry points: start a workshop, join the running one, open the discussion panel. */
export function WorkshopEntry({
  workshop,
  canEdit,
  defaultName,
  discussOpen,
  onToggleDiscuss,
}: WorkshopEntryProps) {
  const [dialog, setDialog] = useState<'start' | 'join' | null>(null);
  const { state, role, live } = workshop;
  const submit = (input: { name: string; team: Team; title?: string }) =>
    dialog === 'start' ? workshop.start(input) : workshop.join(input);
  return (
    <>
      {canEdit && live.known && !state && (
        <button
          type="button"
          className="button small primary"
          onClick={() => setDialog('start')}
          data-testid="start-workshop"
        >
          Start workshop
        </button>
      )}
      {canEdit && state && role === 'viewer' && (
        <button
          type="button"
          className="button small primary"
          onClick={() => setDialog('join')}
          data-testid="join-workshop"
        >
          Join workshop
        </button>
      )}
      {state && !canEdit && (
        <span className="workshop-watching" data-testid="watching-workshop">
          Watching the workshop
        </span>
      )}
      <button
        type="button"
        className="button small"
        aria-pressed={discussOpen}
        onClick={onToggleDiscuss}
        data-testid="toggle-discuss"
      >
        Discuss
      </button>
      {dialog && (
        <JoinDialog
          mode={dialog}
          defaultName={defaultName}
          onSubmit={submit}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
