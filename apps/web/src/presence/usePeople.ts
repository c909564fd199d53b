import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { type Person, peopleKey, peopleOf } from './people';
import type { PresenceUser } from './presence-schema';

/**
 * Publishes this browser's user (name, colour, and workshop team/role when joined) and lists
 * everyone on the map. Awareness changes with every cursor move, so the list is re-read at most
 * once per frame and replaced only when it would look different.
 */
export function usePeople(awareness: Awareness, user: PresenceUser | null): Person[] {
  const [people, setPeople] = useState<Person[]>(() => peopleOf(awareness));
  useEffect(() => {
    if (user) awareness.setLocalStateField('user', user);
  }, [awareness, user]);
  useEffect(() => {
    let frame = 0;
    const read = () => {
      frame = 0;
      const next = peopleOf(awareness);
      setPeople((current) => (peopleKey(current) === peopleKey(next) ? current : next));
    };
    const schedule = () => {
      frame ||= requestAnimationFrame(read);
    };
    read();
    awareness.on('change', schedule);
    return () => {
      awareness.off('change', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [awareness]);
  return people;
}
