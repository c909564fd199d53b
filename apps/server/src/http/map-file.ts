import { parseCsvImport, parseJsonImport } from '@baton/export';
import type { MapSnapshot } from '@baton/model';

export type MapFileKind = 'json' | 'csv';

/**
 * Which parser a file needs: by its content type or name when they say, else by a sniff —
 * a Baton JSON export is an object; any other text is taken as a CSV of touchpoints.
 */
export function mapFileKind(text: string, hint = ''): MapFileKind {
  const lower = hint.toLowerCase();
  if (lower.includes('json')) return 'json';
  if (lower.includes('csv')) return 'csv';
  return text.trimStart().startsWith('{') ? 'json' : 'csv';
}

/** Parses and validates a whole file; throws an `ImportError` naming every problem. */
export function parseMapFile(text: string, kind: MapFileKind, title?: string): MapSnapshot {
  return kind === 'json' ? parseJsonImport(text) : parseCsvImport(text, title ? { title } : {});
}
