import type { PublicBallot, WorkshopState } from '@baton/model';
import { timerAt } from './timer.js';
import type { StoredBallot, WorkshopRecord } from './workshop-record.js';

/** Who is asking: a participant (their own dots are theirs to see) and/or a facilitator. */
export interface Viewer {
  participantId?: string;
  facilitator: boolean;
}

/** The ballot as everyone may see it: how many voted, never who or where before reveal. */
export function publicBallot(ballot: StoredBallot): PublicBallot {
  const voters = Object.values(ballot.dots).filter((dots) => Object.keys(dots).length > 0).length;
  const revealed = ballot.revealedAt !== undefined;
  return {
    id: ballot.id,
    open: !revealed,
    revealed,
    dotsPerPerson: ballot.dotsPerPerson,
    maxPerCard: ballot.maxPerCard,
    voters,
    openedAt: ballot.openedAt,
    ...(ballot.revealedAt ? { revealedAt: ballot.revealedAt } : {}),
    ...(revealed ? { totals: ballot.totals ?? [] } : {}),
  };
}

export function openBallotOf(record: WorkshopRecord): StoredBallot | undefined {
  const last = record.data.ballots.at(-1);
  return last && last.revealedAt === undefined ? last : undefined;
}

/** The state one viewer receives (REST and the live stream); the only place dots are projected. */
export function publicState(
  record: WorkshopRecord,
  viewer: Viewer,
  online: ReadonlySet<string>,
  now: number,
): WorkshopState {
  const { data } = record;
  const current = data.ballots.at(-1);
  const state: WorkshopState = {
    id: record.id,
    title: data.title,
    startedAt: record.startedAt,
    phase: data.phase,
    phaseStartedAt: data.phaseStartedAt,
    agenda: data.agenda,
    timer: timerAt(data.timer, now),
    serverNow: new Date(now).toISOString(),
    locked: data.locked,
    ...(data.locked && data.lockedBy ? { lockedBy: data.lockedBy } : {}),
    ballot: current ? publicBallot(current) : null,
    ballots: data.ballots.filter((ballot) => ballot.revealedAt !== undefined).map(publicBallot),
    participants: data.participants.map(({ tokenHash: _hash, ...participant }) => ({
      ...participant,
      online: online.has(participant.id),
    })),
    summon: data.summon,
    facilitator: viewer.facilitator,
  };
  const me = data.participants.find((participant) => participant.id === viewer.participantId);
  if (me) {
    const open = openBallotOf(record);
    const dots = open?.dots[me.id] ?? {};
    const used = Object.values(dots).reduce((sum, count) => sum + count, 0);
    state.me = {
      participantId: me.id,
      role: me.role,
      dots,
      remainingDots: open ? Math.max(0, open.dotsPerPerson - used) : 0,
    };
  }
  return state;
}
