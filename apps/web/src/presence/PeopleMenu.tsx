import { useEffect, useRef, useState } from 'react';
import { initials } from '../storage/user-profile';
import type { RosterEntry } from './roster';

const SHOWN = 5;
const TEAM_NAMES = { marketing: 'Marketing', sales: 'Sales' } as const;
const ROLE_NAMES = { facilitator: 'Facilitator', participant: 'Participant', viewer: 'Viewer' } as const;

interface PeopleMenuProps {
  roster: RosterEntry[];
  followingClientId: number | null;
  onFollow: (clientId: number | null) => void;
  /** A guest viewer may give a name after all. */
  onAddName?: () => void;
}

function RosterLine({
  entry,
  following,
  onFollow,
}: {
  entry: RosterEntry;
  following: boolean;
  onFollow: () => void;
}) {
  const details = [entry.team && TEAM_NAMES[entry.team], entry.role && ROLE_NAMES[entry.role]].filter(
    Boolean,
  );
  return (
    <li
      className="roster-line"
      data-testid="roster-entry"
      data-name={entry.name}
      data-online={entry.online ? 'true' : 'false'}
      data-team={entry.team ?? undefined}
      data-role={entry.role ?? undefined}
    >
      <span className="roster-dot" style={{ background: entry.color }} aria-hidden="true" />
      <span className="roster-name">
        {entry.name}
        {entry.isSelf && <span className="muted"> (you)</span>}
        <span className="roster-details">
          {[...details, entry.online ? 'online' : 'offline'].join(' · ')}
        </span>
      </span>
      {!entry.isSelf && entry.clientId !== null && (
        <button
          type="button"
          className="button small"
          aria-pressed={following}
          onClick={onFollow}
          data-testid="follow-person"
        >
          {following ? 'Following' : 'Follow'}
        </button>
      )}
    </li>
  );
}

/**
 * Who is here: avatars in the top bar, and on click the full list with names, teams, roles and
 * who is online; click Follow to see what a colleague sees (moving the canvas leaves).
 */
export function PeopleMenu({ roster, followingClientId, onFollow, onAddName }: PeopleMenuProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const online = roster.filter((entry) => entry.online);
  useEffect(() => {
    if (!open) return;
    const close = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);
  const followed = roster.find((entry) => entry.clientId !== null && entry.clientId === followingClientId);
  return (
    <div className="people-menu" ref={root}>
      <button
        type="button"
        className="people-toggle"
        aria-expanded={open}
        onClick={() => setOpen((shown) => !shown)}
        aria-label={`${online.length} ${online.length === 1 ? 'person' : 'people'} on this map: show the list`}
        data-testid="presence"
      >
        {online.slice(0, SHOWN).map((entry) => (
          <span
            key={entry.key}
            className="avatar"
            style={{ background: entry.color }}
            title={entry.isSelf ? `${entry.name} (you)` : entry.name}
            data-testid="presence-user"
            data-name={entry.name}
            data-self={entry.isSelf ? 'true' : 'false'}
          >
            {initials(entry.name)}
          </span>
        ))}
        {online.length > SHOWN && <span className="avatar more">+{online.length - SHOWN}</span>}
      </button>
      {followed && (
        <button
          type="button"
          className="following-chip"
          style={{ borderColor: followed.color }}
          onClick={() => onFollow(null)}
          data-testid="following-chip"
        >
          Following {followed.name} · stop
        </button>
      )}
      {open && (
        <div
          className="people-popover"
          role="dialog"
          aria-label="People on this map"
          data-testid="people-list"
        >
          <ul>
            {roster.map((entry) => (
              <RosterLine
                key={entry.key}
                entry={entry}
                following={entry.clientId !== null && entry.clientId === followingClientId}
                onFollow={() => onFollow(entry.clientId === followingClientId ? null : entry.clientId)}
              />
            ))}
          </ul>
          {onAddName && (
            <button
              type="button"
              className="button small"
              onClick={() => {
                setOpen(false);
                onAddName();
              }}
              data-testid="add-your-name"
            >
              Add your name
            </button>
          )}
        </div>
      )}
    </div>
  );
}
