import type { Awareness } from 'y-protocols/awareness';
import { type PresenceUser, readUser } from './presence-schema';

/** Someone on the map right now, from the awareness protocol. */
export interface Person extends PresenceUser {
  clientId: number;
  isSelf: boolean;
}

/** Everyone whose awareness state carries a valid user: you first, then by name. */
export function peopleOf(awareness: Awareness): Person[] {
  const people: Person[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const user = readUser((state as { user?: unknown } | null)?.user);
    if (!user) continue;
    people.push({ ...user, clientId, isSelf: clientId === awareness.clientID });
  }
  return people.sort(
    (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name) || a.clientId - b.clientId,
  );
}

/** A key that changes only when the list would look different (cursor moves do not change it). */
export function peopleKey(people: Person[]): string {
  return people
    .map((p) => [p.clientId, p.name, p.color, p.team, p.role, p.participantId, p.isSelf].join('\u0001'))
    .join('\u0002');
}
