import type { ReactNode } from 'react';
import type { MapInfo } from '../api/client';
import { navigate } from '../router';
import { ShareMenu } from '../share/ShareMenu';
import type { ConnectionState } from '../sync/useConnectionState';
import { ConnectionBadge } from './ConnectionBadge';
import { ExportMenu } from './ExportMenu';
import { MapTitle } from './MapTitle';

interface TopBarProps {
  info: MapInfo;
  /** False for view links, old versions and replaced links: the title is shown, not edited. */
  editable: boolean;
  /** A workshop lock: the title is shown, not edited, without the "View only" badge (the lock banner says why). */
  titleLocked?: boolean;
  /** False once this tab's link was replaced: its links would not work for anyone. */
  shareable: boolean;
  token: string;
  title: string;
  onRename: (title: string) => void;
  connection: ConnectionState;
  /** Who is here (the people menu). */
  presence: ReactNode;
  /** The version picker (versions/). */
  versions?: ReactNode;
  /** Editing tools (add, connection kind); absent for view-only links. */
  tools?: ReactNode;
  /** `empty`: a map with no card yet is not "unhealthy", it is just starting. */
  analysis: { open: boolean; healthy: boolean; empty: boolean; problems: number; onToggle: () => void };
}

export function TopBar({
  info,
  editable,
  titleLocked = false,
  shareable,
  token,
  title,
  onRename,
  connection,
  presence,
  versions,
  tools,
  analysis,
}: TopBarProps) {
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
      <MapTitle title={title} editable={editable && !titleLocked} onRename={onRename} />
      {!editable && (
        <span className="view-only-badge" data-testid="view-only-badge">
          View only
        </span>
      )}
      {tools && <div className="top-bar-tools">{tools}</div>}
      <div className="top-bar-spacer" />
      <button
        type="button"
        className={`analysis-toggle ${analysis.empty ? 'starting' : analysis.healthy ? 'healthy' : 'unhealthy'}${analysis.open ? ' open' : ''}`}
        aria-pressed={analysis.open}
        onClick={analysis.onToggle}
        data-testid="analysis-toggle"
        title={analysis.open ? 'Hide the analysis' : 'Show the analysis'}
      >
        <span className="analysis-dot" aria-hidden="true" />
        {analysis.empty
          ? 'Start here'
          : analysis.healthy
            ? 'Healthy'
            : `${analysis.problems} problem${analysis.problems === 1 ? '' : 's'}`}
      </button>
      <ConnectionBadge state={connection} />
      {presence}
      {versions}
      <ExportMenu mapId={info.id} token={token} title={title} />
      {shareable && <ShareMenu mapId={info.id} token={token} role={info.role} />}
    </header>
  );
}
