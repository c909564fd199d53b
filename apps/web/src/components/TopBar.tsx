import type { ReactNode } from 'react';
import type { MapInfo } from '../api/client';
import { navigate } from '../router';
import type { ConnectionState } from '../sync/useConnectionState';
import type { Participant } from '../sync/usePresence';
import { ConnectionBadge } from './ConnectionBadge';
import { MapTitle } from './MapTitle';
import { PresenceList } from './PresenceList';
import { ShareButtons } from './ShareButtons';

interface TopBarProps {
  info: MapInfo;
  token: string;
  title: string;
  onRename: (title: string) => void;
  connection: ConnectionState;
  people: Participant[];
  /** Editing tools (add, connection kind); absent for view-only links. */
  tools?: ReactNode;
}

export function TopBar({ info, token, title, onRename, connection, people, tools }: TopBarProps) {
  const editable = info.role === 'edit';
  return (
    <header className="top-bar">
      <a
        className="brand"
        href="/"
        onClick={(event) => {
          event.preventDefault();
          navigate('/');
        }}
        aria-label="Baton start page"
      >
        <span className="brand-mark" aria-hidden="true" />
        <span className="sr-only">Baton</span>
      </a>
      <MapTitle title={title} editable={editable} onRename={onRename} />
      {!editable && (
        <span className="view-only-badge" data-testid="view-only-badge">
          View only
        </span>
      )}
      {tools && <div className="top-bar-tools">{tools}</div>}
      <div className="top-bar-spacer" />
      <ConnectionBadge state={connection} />
      <PresenceList people={people} />
      <ShareButtons mapId={info.id} token={token} role={info.role} />
    </header>
  );
}
