import { initials } from '../storage/user-profile';
import type { Participant } from '../sync/usePresence';

const SHOWN = 5;

/** Who is here: a chip per person on the map, from awareness. */
export function PresenceList({ people }: { people: Participant[] }) {
  const shown = people.slice(0, SHOWN);
  const hidden = people.length - shown.length;
  return (
    <ul
      className="presence"
      aria-label={`${people.length} ${people.length === 1 ? 'person' : 'people'} on this map`}
      data-testid="presence"
    >
      {shown.map((person) => (
        <li
          key={person.clientId}
          className="avatar"
          style={{ background: person.color }}
          title={person.isSelf ? `${person.name} (you)` : person.name}
          data-testid="presence-user"
          data-name={person.name}
          data-self={person.isSelf ? 'true' : 'false'}
        >
          {initials(person.name)}
        </li>
      ))}
      {hidden > 0 && (
        <li
          className="avatar more"
          title={people
            .slice(SHOWN)
            .map((p) => p.name)
            .join(', ')}
        >
          +{hidden}
        </li>
      )}
    </ul>
  );
}
