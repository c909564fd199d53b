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
  // The workspace rebuilds `user` on every render (every edit); publishing it each time sent an
  // awareness update to everyone on the map per keystroke. Published again only when it differs.
  const userKey = user ? JSON.stringify(user) : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: `userKey` is `user`'s content
  useEffect(() => {
    if (user) awareness.setLocalStateField('user', user);
  }, [awareness, userKey]);
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
