import { deriveViewToken, mapUrl } from '@baton/model';
import { useEffect, useState } from 'react';
import type { MapRole } from '../api/client';
import { LinkRow } from './LinkRow';
import { RotateLinks } from './RotateLinks';

interface ShareDialogProps {
  mapId: string;
  token: string;
  role: MapRole;
  /** This tab has just replaced the links: say so above the new ones. */
  rotated: boolean;
  onRotate: () => Promise<void>;
  onClose: () => void;
}

/** The links to this map: edit (editors only) and view, each with a copy button, and rotation. */
export function ShareDialog({ mapId, token, role, rotated, onRotate, onClose }: ShareDialogProps) {
  const origin = window.location.origin;
  const editable = role === 'edit';
  const [viewUrl, setViewUrl] = useState<string | null>(editable ? null : mapUrl(origin, mapId, token));
  useEffect(() => {
    if (!editable) return;
    let cancelled = false;
    deriveViewToken(token).then(
      (view) => !cancelled && setViewUrl(mapUrl(origin, mapId, view)),
      console.error,
    );
    return () => {
      cancelled = true;
    };
  }, [editable, token, mapId, origin]);

  return (
    <div
      className="modal-backdrop"
      onPointerDown={(event) => event.target === event.currentTarget && onClose()}
    >
      <div
        className="modal share-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="share-title"
        data-testid="share-dialog"
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose();
        }}
      >
        <header className="share-header">
          <h2 id="share-title">Share this map</h2>
          <button
            type="button"
            className="icon-button"
            onClick={onClose}
            aria-label="Close"
            data-testid="share-close"
          >
            ×
          </button>
        </header>
        {rotated && (
          <p className="share-notice" role="status" data-testid="links-rotated">
            New links are ready. The old ones no longer work: send these to your colleagues.
          </p>
        )}
        {editable && (
          <LinkRow
            label="Edit link"
            hint="Anyone with it can change this map."
            url={mapUrl(origin, mapId, token)}
            testId="edit-link"
          />
        )}
        <LinkRow
          label="View link"
          hint="Anyone with it can see this map and read every card, but not change it."
          url={viewUrl}
          testId="view-link"
        />
        {editable && <RotateLinks onRotate={onRotate} />}
      </div>
    </div>
  );
}
