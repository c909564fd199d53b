import {
  type AgendaItem,
  type BallotRulesInput,
  type BallotTotal,
  ballotRules,
  checkDots,
  type Dots,
  newId,
  type Team,
  UpdateWorkshopSchema,
  type WorkshopUpdate,
} from '@baton/model';
import { ApiError } from '../http/errors.js';
import { openBallotOf } from './public-state.js';
import { applyTimerCommand, pausedTimer } from './timer.js';
import type { WorkshopData, WorkshopRecord } from './workshop-record.js';

/**
 * The workshop's rules as pure changes of its stored data: every command takes the record and
 * the server time and returns the next data, or throws an ApiError naming the rule broken.
 */

const MINUTE = 60_000;

export function newWorkshopData(title: string, agenda: AgendaItem[], now: number): WorkshopData {
  const first = agenda[0] as AgendaItem;
  return {
    title,
    agenda,
    phase: first.id,
    phaseStartedAt: new Date(now).toISOString(),
    phaseLog: [],
    timer: pausedTimer(first.minutes * MINUTE),
    locked: false,
    facilitators: [],
    participants: [],
    ballots: [],
    summon: null,
  };
}

export function addParticipant(
  data: WorkshopData,
  input: { name: string; team: Team; role: 'facilitator' | 'participant'; tokenHash: string },
  now: number,
): { data: WorkshopData; participantId: string } {
  const participantId = newId();
  const participant = { id: participantId, ...input, joinedAt: new Date(now).toISOString() };
  return { data: { ...data, participants: [...data.participants, participant] }, participantId };
}

/** A facilitator's PATCH: title, phase (with its suggested time on the timer), timer, lock, agenda. */
export function updateWorkshop(
  data: WorkshopData,
  patch: WorkshopUpdate,
  byName: string,
  now: number,
): WorkshopData {
  const change = UpdateWorkshopSchema.parse(patch);
  let next: WorkshopData = { ...data };
  if (change.title !== undefined) next.title = change.title;
  if (change.agenda !== undefined) {
    next.agenda = change.agenda;
    // The current phase was removed from the agenda: the room moves to the first one.
    if (!change.agenda.some((item) => item.id === next.phase) && change.phase === undefined) {
      next = enterPhase(next, change.agenda[0]?.id ?? next.phase, now);
    }
  }
  if (change.phase !== undefined && change.phase !== next.phase) {
    if (!next.agenda.some((item) => item.id === change.phase)) {
      const known = next.agenda.map((item) => item.id).join(', ');
      throw new ApiError(
        400,
        'unknown-phase',
        `There is no phase "${change.phase}" on the agenda (${known}).`,
      );
    }
    next = enterPhase(next, change.phase, now);
  }
  if (change.timer !== undefined) next.timer = applyTimerCommand(next.timer, change.timer, now);
  if (change.locked !== undefined) {
    next.locked = change.locked;
    if (change.locked) next.lockedBy = byName;
    else delete next.lockedBy;
  }
  return next;
}

function enterPhase(data: WorkshopData, phase: string, now: number): WorkshopData {
  const item = data.agenda.find((entry) => entry.id === phase);
  const current = data.agenda.find((entry) => entry.id === data.phase);
  const at = new Date(now).toISOString();
  return {
    ...data,
    phase,
    phaseStartedAt: at,
    phaseLog: [
      ...data.phaseLog,
      { phase: data.phase, title: current?.title ?? data.phase, startedAt: data.phaseStartedAt, endedAt: at },
    ],
    timer: item ? pausedTimer(item.minutes * MINUTE) : data.timer,
  };
}

export function openBallot(record: WorkshopRecord, input: BallotRulesInput, now: number): WorkshopData {
  if (openBallotOf(record)) {
    throw new ApiError(409, 'ballot-open', 'A ballot is already open; reveal it before opening another.');
  }
  const rules = ballotRules(input);
  const ballot = { id: newId(), ...rules, openedAt: new Date(now).toISOString(), dots: {} };
  return { ...record.data, ballots: [...record.data.ballots, ballot] };
}

/** A participant's whole set of dots replaces their previous one, if it keeps the ballot's rules. */
export function placeDots(
  record: WorkshopRecord,
  participantId: string,
  dots: Dots,
  touchpointIds: ReadonlySet<string>,
): WorkshopData {
  const open = openBallotOf(record);
  if (!open)
    throw new ApiError(409, 'no-open-ballot', 'No ballot is open: wait for the facilitator to open one.');
  const verdict = checkDots(dots, open, touchpointIds);
  if (!verdict.ok) throw new ApiError(400, verdict.rule, verdict.message);
  const ballots = record.data.ballots.map((ballot) =>
    ballot.id === open.id ? { ...ballot, dots: { ...ballot.dots, [participantId]: verdict.dots } } : ballot,
  );
  return { ...record.data, ballots };
}

export function markRevealed(
  record: WorkshopRecord,
  ballotId: string,
  totals: BallotTotal[],
  titles: Record<string, string>,
  now: number,
): WorkshopData {
  const ballots = record.data.ballots.map((ballot) =>
    ballot.id === ballotId ? { ...ballot, revealedAt: new Date(now).toISOString(), totals, titles } : ballot,
  );
  return { ...record.data, ballots };
}

/** The name shown for a facilitator token holder ("locked by Ana"). */
export function facilitatorName(data: WorkshopData, facilitatorId: string | undefined): string {
  const facilitator = data.facilitators.find((entry) => entry.id === facilitatorId);
  const participant = data.participants.find((entry) => entry.id === facilitator?.participantId);
  return participant?.name ?? 'the facilitator';
}
