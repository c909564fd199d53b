import { mapUrl } from '@baton/model';
import { useState } from 'react';
import type { MapRole } from '../api/client';
import { ShareDialog } from './ShareDialog';
import { markRotated, rotateLinks, takeRotated } from './share-api';
import './share.css';

interface ShareMenuProps {
  mapId: string;
  token: string;
  role: MapRole;
}

/**
 * The top bar's Share button and its dialog. Replacing the links also cuts this tab's own
 * socket, so the tab moves onto the new edit link (a fresh session) and reopens the dialog there.
 */
export function ShareMenu({ mapId, token, role }: ShareMenuProps) {
  const [rotated] = useState(() => takeRotated(mapId));
  const [open, setOpen] = useState(rotated);

  const rotate = async () => {
    const links = await rotateLinks(mapId, token);
    markRotated(mapId);
    const next = new URL(mapUrl(window.location.origin, mapId, links.editToken));
    window.history.replaceState(null, '', `${next.pathname}${next.search}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  };

  return (
    <>
      <button
        type="button"
        className={`button small${role === 'edit' ? ' primary' : ''}`}
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        data-testid="share-button"
      >
        Share
      </button>
      {open && (
        <ShareDialog
          mapId={mapId}
          token={token}
          role={role}
          rotated={rotated}
          onRotate={rotate}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
