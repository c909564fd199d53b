import type { MapSnapshot } from '@baton/model';

/** The identifier and version of Baton's JSON export; importers check both. */
export const JOURNEY_MAP_FORMAT = 'baton.journey-map';
export const JOURNEY_MAP_FORMAT_VERSION = 1;

export interface JourneyMapExport {
  format: typeof JOURNEY_MAP_FORMAT;
  version: typeof JOURNEY_MAP_FORMAT_VERSION;
  exportedAt: string;
  map: MapSnapshot;
}

export function exportJson(snapshot: MapSnapshot, exportedAt: Date = new Date()): string {
  const document: JourneyMapExport = {
    format: JOURNEY_MAP_FORMAT,
    version: JOURNEY_MAP_FORMAT_VERSION,
    exportedAt: exportedAt.toISOString(),
    map: snapshot,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
