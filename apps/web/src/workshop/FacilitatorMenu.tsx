import type { WorkshopState } from '@baton/model';
import { useEffect, useRef, useState } from 'react';
import type { WorkshopApi } from './workshop-api';

interface FacilitatorMenuProps {
  state: WorkshopState;
  api: WorkshopApi;
  run: <T>(action: () => Promise<T>) => Promise<T | null>;
  /** The facilitator's own view (centre and zoom), to bring everyone to. */
  currentView: () => { x: number; y: number; zoom: number };
  onHandedOver: () => void;
}

/** The facilitator's superpowers: lock, ballots, summon, co-facilitators, end. */
export function FacilitatorMenu({ state, api, run, currentView, onHandedOver }: FacilitatorMenuProps) {
  const [open, setOpen] = useState(false);
  const [dots, setDots] = useState('3');
  const [maxPerCard, setMaxPerCard] = useState('2');
  const [hold, setHold] = useState(false);
  const [grantee, setGrantee] = useState('');
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);
  const ballotOpen = Boolean(state.ballot?.open);
  const others = state.participants.filter((p) => p.role !== 'facilitator');
  return (
    <div className="facilitator-menu" ref={root}>
      <button
        type="button"
        className={`button small${state.locked ? ' danger' : ''}`}
        onClick={() => void run(() => api.update({ locked: !state.locked }))}
        aria-pressed={state.locked}
        data-testid="toggle-lock"
      >
        {state.locked ? 'Unlock map' : 'Lock map'}
      </button>
      {state.summon ? (
        <button
          type="button"
          className="button small"
          onClick={() => void run(() => api.release())}
          data-testid="release-summon"
        >
          Release everyone
        </button>
      ) : (
        <button
          type="button"
          className="button small"
          onClick={() => void run(() => api.summon(currentView(), hold))}
          data-testid="summon"
          title="Bring everyone to what you see"
        >
          Bring everyone here
        </button>
      )}
      <button
        type="button"
        className="button small"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid="facilitator-tools"
      >
        Facilitate ▾
      </button>
      {open && (
        <div className="facilitator-popover" role="dialog" aria-label="Facilitator tools">
          <label className="checkbox-line">
            <input
              type="checkbox"
              checked={hold}
              onChange={(event) => setHold(event.target.checked)}
              data-testid="summon-hold"
            />
            Hold everyone on my view until I release them
          </label>
          <section>
            <h3>Dot voting</h3>
            {ballotOpen ? (
              <button
                type="button"
                className="button small primary"
                onClick={() => void run(() => api.reveal())}
                data-testid="reveal-ballot"
              >
                Reveal the votes ({state.ballot?.voters ?? 0} voted)
              </button>
            ) : (
              <div className="inline-form">
                <label>
                  Dots each
                  <input
                    className="input tiny"
                    type="number"
                    min={1}
                    max={50}
                    value={dots}
                    onChange={(e) => setDots(e.target.value)}
                    data-testid="ballot-dots"
                  />
                </label>
                <label>
                  Max per card
                  <input
                    className="input tiny"
                    type="number"
                    min={1}
                    max={50}
                    value={maxPerCard}
                    onChange={(e) => setMaxPerCard(e.target.value)}
                    data-testid="ballot-max"
                  />
                </label>
                <button
                  type="button"
                  className="button small primary"
                  onClick={() =>
                    void run(() =>
                      api.openBallot({ dotsPerPerson: Number(dots), maxPerCard: Number(maxPerCard) }),
                    )
                  }
                  data-testid="open-ballot"
                >
                  Open a ballot
                </button>
              </div>
            )}
          </section>
          <section>
            <h3>Co-facilitators</h3>
            <div className="inline-form">
              <select
                className="input"
                value={grantee}
                onChange={(e) => setGrantee(e.target.value)}
                aria-label="Participant"
                data-testid="grantee"
              >
                <option value="">Choose a participant…</option>
                {others.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ({p.team})
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="button small"
                disabled={!grantee}
                onClick={() => void run(() => api.addFacilitator({ participantId: grantee }))}
                data-testid="add-cofacilitator"
              >
                Add as co-facilitator
              </button>
              <button
                type="button"
                className="button small"
                disabled={!grantee}
                onClick={async () => {
                  if (await run(() => api.addFacilitator({ participantId: grantee, handOver: true })))
                    onHandedOver();
                }}
                data-testid="hand-over"
              >
                Hand over
              </button>
            </div>
          </section>
          <section>
            <button
              type="button"
              className="button small danger"
              onClick={() => {
                if (window.confirm('End the workshop for everyone and save its results?'))
                  void run(() => api.end());
              }}
              data-testid="end-workshop"
            >
              End workshop
            </button>
          </section>
        </div>
      )}
    </div>
  );
}
