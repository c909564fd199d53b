import { deriveViewToken, mapUrl } from '@baton/model';
import type { MapRole } from '../api/client';
import { CopyButton } from './CopyButton';

interface ShareButtonsProps {
  mapId: string;
  token: string;
  role: MapRole;
}

/** Copy the edit link (editors only) and the view link, derived from the edit token. */
export function ShareButtons({ mapId, token, role }: ShareButtonsProps) {
  const origin = window.location.origin;
  const viewLink = async () => mapUrl(origin, mapId, role === 'edit' ? await deriveViewToken(token) : token);
  return (
    <div className="share">
      {role === 'edit' && (
        <CopyButton
          text={mapUrl(origin, mapId, token)}
          label="Copy edit link"
          ariaLabel="Copy the edit link: anyone with it can change this map"
          testId="copy-edit-link"
          className="button small"
        />
      )}
      <CopyButton
        text={viewLink}
        label="Copy view link"
        ariaLabel="Copy the view link: anyone with it can see this map but not change it"
        testId="copy-view-link"
        className={role === 'edit' ? 'button small' : 'button primary small'}
      />
    </div>
  );
}
