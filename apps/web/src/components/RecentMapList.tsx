import { useState } from 'react';
import { navigate } from '../router';
import { CopyButton } from '../share/CopyButton';
import { forgetMap, loadRecentMaps, type RecentMap } from '../storage/recent-maps';

function pathOf(url: string): string {
  const parsed = new URL(url, window.location.origin);
  return `${parsed.pathname}${parsed.search}`;
}

function openedLabel(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ''
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function RecentMapRow({ map, onForget }: { map: RecentMap; onForget: () => void }) {
  const openUrl = map.editUrl ?? map.viewUrl;
  return (
    <li className="recent-row" data-testid="recent-map" data-map-id={map.id}>
      <button
        type="button"
        className="recent-open"
        disabled={!openUrl}
        onClick={() => openUrl && navigate(pathOf(openUrl))}
        aria-label={`Open ${map.title}`}
      >
        <span className="recent-title">{map.title}</span>
        <span className="recent-meta">
          {map.editUrl ? 'Can edit' : 'View only'} · opened {openedLabel(map.openedAt)}
        </span>
      </button>
      <div className="recent-actions">
        {map.editUrl && (
          <CopyButton
            text={map.editUrl}
            label="Edit link"
            ariaLabel={`Copy the edit link of ${map.title}`}
            testId="recent-copy-edit"
            className="button ghost small"
          />
        )}
        {map.viewUrl && (
          <CopyButton
            text={map.viewUrl}
            label="View link"
            ariaLabel={`Copy the view link of ${map.title}`}
            testId="recent-copy-view"
            className="button ghost small"
          />
        )}
        <button
          type="button"
          className="button ghost small"
          onClick={onForget}
          aria-label={`Remove ${map.title} from recent maps`}
        >
          Remove
        </button>
      </div>
    </li>
  );
}

export function RecentMapList() {
  const [maps, setMaps] = useState(loadRecentMaps);
  return (
    <section className="recent" aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recent maps</h2>
      {maps.length === 0 ? (
        <p className="muted">Maps you create or open in this browser appear here.</p>
      ) : (
        <ul className="recent-list">
          {maps.map((map) => (
            <RecentMapRow key={map.id} map={map} onForget={() => setMaps(forgetMap(map.id))} />
          ))}
        </ul>
      )}
    </section>
  );
}
