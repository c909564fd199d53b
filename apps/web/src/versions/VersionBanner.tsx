import type { ExportFormatId } from '@baton/export';
import type { Versions } from './useVersions';
import { versionExportPath } from './versions-api';

// Listed here rather than imported, so the export package stays out of the map page's first load.
const VERSION_EXPORTS: readonly ExportFormatId[] = ['json', 'csv', 'md', 'svg', 'png', 'pdf'];

/** Across the top of an old version: what it is, that it is read-only, and what can be done with it. */
export function VersionBanner({
  versions,
  mapId,
  token,
}: {
  versions: Versions;
  mapId: string;
  token: string;
}) {
  const version = versions.viewing;
  if (!version) return null;
  return (
    <div className="version-banner" role="status" data-testid="version-banner">
      <strong>Version: {version.name}, read-only</strong>
      <span className="version-banner-date">{new Date(version.createdAt).toLocaleString()}</span>
      <span className="version-banner-exports">
        Export:
        {VERSION_EXPORTS.map((format) => (
          <a key={format} href={versionExportPath(mapId, version.id, format, token)} download>
            {format.toUpperCase()}
          </a>
        ))}
      </span>
      <span className="top-bar-spacer" />
      <button type="button" onClick={() => void versions.restore(version)} data-testid="banner-restore">
        Restore as a new map
      </button>
      <button type="button" className="primary" onClick={versions.backToLive} data-testid="back-to-live">
        Back to the live map
      </button>
    </div>
  );
}
