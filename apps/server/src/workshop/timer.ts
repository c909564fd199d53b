import { type TimerCommand, type TimerState, timerRemainingMs } from '@baton/model';

/** A stopped countdown of `durationMs`. */
export function pausedTimer(durationMs: number): TimerState {
  return { running: false, remainingMs: durationMs, durationMs };
}

/** Applies a facilitator's timer command at server time `now` (ms since the epoch). */
export function applyTimerCommand(timer: TimerState, command: TimerCommand, now: number): TimerState {
  const remaining = timerRemainingMs(timer, now);
  switch (command.action) {
    case 'set':
      return command.running === false
        ? pausedTimer(command.durationMs)
        : running(command.durationMs, command.durationMs, now);
    case 'pause':
      return { running: false, remainingMs: remaining, durationMs: timer.durationMs };
    case 'resume':
      return timer.running || remaining === 0 ? timer : running(remaining, timer.durationMs, now);
    case 'add': {
      const next = Math.max(0, remaining + command.ms);
      const durationMs = Math.max(timer.durationMs + command.ms, next);
      return timer.running && next > 0
        ? running(next, durationMs, now)
        : { running: false, remainingMs: next, durationMs };
    }
  }
}

function running(remainingMs: number, durationMs: number, now: number): TimerState {
  return { running: true, endsAt: new Date(now + remainingMs).toISOString(), remainingMs, durationMs };
}

/** The timer as it stands at `now` (a running one past its end reads 0 left). */
export function timerAt(timer: TimerState, now: number): TimerState {
  return timer.running ? { ...timer, remainingMs: timerRemainingMs(timer, now) } : timer;
}
