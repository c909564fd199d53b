import { useReactFlow, useStore } from '@xyflow/react';
import { useState } from 'react';
import { AgendaEditor } from './AgendaEditor';
import { FacilitatorMenu } from './FacilitatorMenu';
import { PhaseStrip } from './PhaseStrip';
import { useSummoned } from './useSummoned';
import type { Workshop } from './useWorkshop';
import { WorkshopTimer } from './WorkshopTimer';

/** The facilitator's current view: the centre of the canvas in flow coordinates, and the zoom. */
function useCurrentView() {
  const { getViewport } = useReactFlow();
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  return () => {
    const { x, y, zoom } = getViewport();
    return { x: (width / 2 - x) / zoom, y: (height / 2 - y) / zoom, zoom };
  };
}

/**
 * The running workshop on every screen: phase and goal, the timer, the lock and summon
 * banners, the ballot's progress, and for the facilitator the controls.
 */
export function WorkshopBar({ workshop }: { workshop: Workshop }) {
  const { state, live, api, run } = workshop;
  const [editingAgenda, setEditingAgenda] = useState(false);
  const currentView = useCurrentView();
  const { held } = useSummoned(state?.summon ?? null, Boolean(state?.facilitator));
  if (!state) return null;
  const ballot = state.ballot;
  const summoner = state.summon
    ? (state.participants.find((p) => p.id === state.summon?.by)?.name ?? 'The facilitator')
    : null;
  return (
    <section
      className="workshop-bar"
      aria-label={`Workshop: ${state.title}`}
      data-testid="workshop-bar"
      data-role={workshop.role ?? undefined}
    >
      <PhaseStrip state={state} api={api} run={run} onEditAgenda={() => setEditingAgenda(true)} />
      <WorkshopTimer state={state} receivedAt={live.receivedAt} api={api} run={run} />
      {ballot?.open && (
        <span className="ballot-status" data-testid="ballot-status" data-voters={ballot.voters}>
          Voting: {ballot.voters} {ballot.voters === 1 ? 'person has' : 'people have'} voted
          {state.me && ` · you have ${state.me.remainingDots} of ${ballot.dotsPerPerson} dots left`}
        </span>
      )}
      {state.locked && (
        <span className="lock-banner" role="status" data-testid="lock-banner">
          Locked by {state.lockedBy ?? 'the facilitator'}
          {state.facilitator ? ' — you can still edit' : ' — editing is paused'}
        </span>
      )}
      {summoner && !state.facilitator && (
        <span
          className="summon-banner"
          role="status"
          data-testid="summon-banner"
          data-held={held ? 'true' : 'false'}
        >
          {summoner} brought everyone to their view{held ? ' and holds it' : ''}
        </span>
      )}
      <span className="top-bar-spacer" />
      {state.facilitator && (
        <FacilitatorMenu
          state={state}
          api={api}
          run={run}
          currentView={currentView}
          onHandedOver={workshop.dropFacilitator}
        />
      )}
      {editingAgenda && (
        <AgendaEditor
          agenda={state.agenda}
          onSave={async (agenda) => Boolean(await run(() => api.update({ agenda })))}
          onClose={() => setEditingAgenda(false)}
        />
      )}
    </section>
  );
}
