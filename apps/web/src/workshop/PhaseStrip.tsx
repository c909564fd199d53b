import type { WorkshopState } from '@baton/model';
import type { WorkshopApi } from './workshop-api';

interface PhaseStripProps {
  state: WorkshopState;
  api: WorkshopApi;
  run: <T>(action: () => Promise<T>) => Promise<T | null>;
  onEditAgenda: () => void;
}

/** The current phase and what to do in it, on every screen; the facilitator moves between phases. */
export function PhaseStrip({ state, api, run, onEditAgenda }: PhaseStripProps) {
  const index = state.agenda.findIndex((item) => item.id === state.phase);
  const current = state.agenda[index];
  const go = (phase: string | undefined) => phase && void run(() => api.update({ phase }));
  return (
    <div className="phase-strip" data-testid="workshop-phase" data-phase={state.phase}>
      {state.facilitator && (
        <button
          type="button"
          className="icon-button"
          disabled={index <= 0}
          onClick={() => go(state.agenda[index - 1]?.id)}
          aria-label="Previous phase"
          data-testid="phase-previous"
        >
          ‹
        </button>
      )}
      <div className="phase-text">
        <span className="phase-title">
          <span className="phase-step">
            {index + 1}/{state.agenda.length}
          </span>{' '}
          {state.facilitator ? (
            <select
              className="phase-select"
              value={state.phase}
              onChange={(event) => go(event.target.value)}
              aria-label="Current phase"
              data-testid="phase-select"
            >
              {state.agenda.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.title}
                </option>
              ))}
            </select>
          ) : (
            <strong data-testid="phase-title">{current?.title}</strong>
          )}
        </span>
        <span className="phase-goal" data-testid="phase-goal">
          {current?.goal}
        </span>
      </div>
      {state.facilitator && (
        <>
          <button
            type="button"
            className="icon-button"
            disabled={index >= state.agenda.length - 1}
            onClick={() => go(state.agenda[index + 1]?.id)}
            aria-label="Next phase"
            data-testid="phase-next"
          >
            ›
          </button>
          <button
            type="button"
            className="button small ghost"
            onClick={onEditAgenda}
            data-testid="edit-agenda"
          >
            Agenda…
          </button>
        </>
      )}
    </div>
  );
}
