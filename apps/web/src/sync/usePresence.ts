import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { UserProfile } from '../storage/user-profile';

/** Someone on the map right now, from the awareness protocol. */
export interface Participant extends UserProfile {
  clientId: number;
  isSelf: boolean;
}

function isProfile(value: unknown): value is UserProfile {
  const user = value as Partial<UserProfile> | null;
  return typeof user?.name === 'string' && typeof user.color === 'string';
}

function participantsOf(awareness: Awareness): Participant[] {
  const people: Participant[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const user = (state as { user?: unknown }).user;
    if (!isProfile(user)) continue;
    people.push({
      clientId,
      name: user.name.slice(0, 40),
      color: /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#64748b',
      isSelf: clientId === awareness.clientID,
    });
  }
  return people.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
}

/** Publishes this browser's name and colour, and lists everyone on the map. */
export function usePresence(awareness: Awareness, profile: UserProfile | null): Participant[] {
  const [people, setPeople] = useState<Participant[]>(() => participantsOf(awareness));
  useEffect(() => {
    if (profile) awareness.setLocalStateField('user', profile);
  }, [awareness, profile]);
  useEffect(() => {
    const update = () => setPeople(participantsOf(awareness));
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);
  return people;
}
