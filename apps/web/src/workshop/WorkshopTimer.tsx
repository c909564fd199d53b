import { displayRemainingMs, type WorkshopState } from '@baton/model';
import { useEffect, useRef, useState } from 'react';
import { loadMuted, playChime, saveMuted, unlockAudio } from './chime';
import type { WorkshopApi } from './workshop-api';

function clock(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const m = Math.floor(seconds / 60);
  return `${m}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Milliseconds left, by the server's clock (corrected for this browser's offset), 4× a second. */
function useRemaining(state: WorkshopState, receivedAt: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, []);
  return displayRemainingMs(state, receivedAt, Math.max(now, receivedAt));
}

interface WorkshopTimerProps {
  state: WorkshopState;
  receivedAt: number;
  api: WorkshopApi;
  run: <T>(action: () => Promise<T>) => Promise<T | null>;
}

/**
 * The countdown every screen shows the same way; at zero it flashes and chimes (unless this
 * person muted it). The facilitator sets, pauses, resumes and adds time.
 */
export function WorkshopTimer({ state, receivedAt, api, run }: WorkshopTimerProps) {
  const remaining = useRemaining(state, receivedAt);
  const [muted, setMuted] = useState(loadMuted);
  const [chimes, setChimes] = useState(0);
  const [minutes, setMinutes] = useState('5');
  const wasRunningDown = useRef(false);
  const { timer } = state;
  const over = timer.running && remaining === 0;
  useEffect(() => {
    document.addEventListener('pointerdown', unlockAudio, { once: true });
    return () => document.removeEventListener('pointerdown', unlockAudio);
  }, []);
  useEffect(() => {
    if (remaining > 0 && timer.running) wasRunningDown.current = true;
    if (over && wasRunningDown.current) {
      wasRunningDown.current = false;
      if (!muted && playChime()) setChimes((count) => count + 1);
    }
  }, [remaining, over, timer.running, muted]);

  const command = (body: Parameters<WorkshopApi['update']>[0]) => void run(() => api.update(body));
  return (
    <div
      className={`workshop-timer${over ? ' over' : ''}${timer.running ? ' running' : ''}`}
      data-testid="workshop-timer"
      data-remaining-ms={remaining}
      data-running={timer.running ? 'true' : 'false'}
      data-chimes={chimes}
      role="timer"
      aria-live="off"
    >
      <span className="timer-clock" data-testid="timer-clock">
        {over ? "Time's up" : clock(remaining)}
      </span>
      <button
        type="button"
        className="icon-button"
        onClick={() => {
          saveMuted(!muted);
          setMuted(!muted);
        }}
        aria-pressed={muted}
        aria-label={muted ? 'Unmute the end-of-timer sound' : 'Mute the end-of-timer sound'}
        title={muted ? 'Sound off' : 'Sound on'}
        data-testid="timer-mute"
      >
        {muted ? 'Sound off' : 'Sound on'}
      </button>
      {state.facilitator && (
        <span className="timer-controls">
          {timer.running ? (
            <button
              type="button"
              className="button small"
              onClick={() => command({ timer: { action: 'pause' } })}
              data-testid="timer-pause"
            >
              Pause
            </button>
          ) : (
            <button
              type="button"
              className="button small"
              disabled={timer.remainingMs === 0}
              onClick={() => command({ timer: { action: 'resume' } })}
              data-testid="timer-resume"
            >
              Resume
            </button>
          )}
          <button
            type="button"
            className="button small"
            onClick={() => command({ timer: { action: 'add', ms: 60_000 } })}
            data-testid="timer-add"
          >
            +1 min
          </button>
          <input
            className="input tiny"
            type="number"
            min={1}
            max={240}
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
            aria-label="Minutes"
            data-testid="timer-minutes"
          />
          <button
            type="button"
            className="button small"
            onClick={() => {
              const ms = Math.round(Number(minutes) * 60_000);
              if (ms >= 1000) command({ timer: { action: 'set', durationMs: ms, running: true } });
            }}
            data-testid="timer-set"
          >
            Start
          </button>
        </span>
      )}
    </div>
  );
}
