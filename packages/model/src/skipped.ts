import * as Y from 'yjs';
import { mapDocument, newYMap } from './document.js';
import { placementArray } from './placements.js';
import { MAX_READ_DEPTH, readPlain } from './plain-value.js';
import type { SnapshotWarning } from './schema.js';

/**
 * An entry of the map that failed the schema and was left out of the snapshot (finding 8 of
 * issue #10): what the canvas lists under "N entries could not be read" and what the exports
 * carry, so nothing is dropped without the user being told.
 */
export interface SkippedEntry {
  /** Where it is: "touchpoints.<id>", "connections.<id>", "notes.<id>", "placements.<n>", "meta". */
  path: string;
  /** Its own title or text, shortened, so a person can tell which one it is. */
  title?: string;
  /** What is wrong, field by field, with the value found: `team: … (was "legal")`. */
  problems: string[];
  /**
   * The entry as stored (plain JSON, depth-capped); a touchpoint's placement entry under
   * `placement`. A JSON export carries it, so importing that export keeps the entry.
   */
  value?: unknown;
}

const PLACEMENT_FIELDS = new Set(['stage', 'team', 'x', 'y']);
const SECTIONS_BY_ID = new Set(['touchpoints', 'connections', 'notes', 'stages']);

/** Groups the warnings of `readSnapshot(doc)` into the entries they made it skip. */
export function skippedEntries(doc: Y.Doc, warnings: readonly SnapshotWarning[]): SkippedEntry[] {
  if (warnings.length === 0) return [];
  const rawPlacements = placementArray(doc)
    .toArray()
    .map((raw) => readPlain(raw).value);
  const lastPlacement = new Map<string, unknown>();
  for (const raw of rawPlacements) {
    const touchpoint = touchpointOf(raw);
    if (touchpoint !== undefined) lastPlacement.set(touchpoint, raw);
  }
  const grouped = new Map<string, { own: string[]; placement: string[] }>();
  const problemsOf = (key: string) => {
    const group = grouped.get(key) ?? { own: [], placement: [] };
    grouped.set(key, group);
    return group;
  };
  for (const warning of warnings) {
    const [section = '', id = '', ...rest] = warning.path.split('.');
    if (section === 'placements') {
      const raw = rawPlacements[Number(id)];
      const touchpoint = touchpointOf(raw);
      const field = rest.join('.');
      const problem = describe(`placement ${field}`.trim(), warning.message, fieldOf(raw, field));
      if (touchpoint !== undefined) problemsOf(`touchpoints.${touchpoint}`).placement.push(problem);
      else problemsOf(`placements.${id}`).own.push(problem);
      continue;
    }
    if (!SECTIONS_BY_ID.has(section) && section !== 'comments' && section !== 'decisions') {
      problemsOf(section).own.push(describe([id, ...rest].join('.'), warning.message, undefined, false));
      continue;
    }
    const raw = sectionMap(doc, section)?.get(id);
    const field = rest.join('.');
    problemsOf(`${section}.${id}`).own.push(describe(field, warning.message, fieldOf(plainOf(raw), field)));
  }
  const entries: SkippedEntry[] = [];
  for (const [path, { own, placement }] of grouped) {
    const [section = '', id = ''] = path.split('.');
    // A card whose placement is broken also lacks a stage and team: say it once, where it is.
    const problems =
      placement.length > 0
        ? [...own.filter((problem) => !PLACEMENT_FIELDS.has(problem.split(':')[0] ?? '')), ...placement]
        : own;
    const entry: SkippedEntry = { path, problems: [...new Set(problems)] };
    const raw =
      section === 'placements' ? rawPlacements[Number(id)] : plainOf(sectionMap(doc, section)?.get(id));
    const title = titleOf(raw);
    if (title !== undefined) entry.title = title;
    if (raw !== undefined && section !== 'meta') {
      const placed = section === 'touchpoints' ? lastPlacement.get(id) : undefined;
      entry.value = placed !== undefined && isObject(raw) ? { ...raw, placement: placed } : raw;
    }
    entries.push(entry);
  }
  return entries;
}

/**
 * Writes entries a JSON export carried as skipped back into a new map, as they were stored:
 * importing an export keeps them (still reported, never silently gone). Only sections a card,
 * connection or note lives in; values are depth-capped again, as they come from a file.
 */
export function restoreSkippedEntries(doc: Y.Doc, entries: readonly SkippedEntry[]): number {
  const shared = mapDocument(doc);
  let restored = 0;
  doc.transact(() => {
    for (const entry of entries) {
      const value = readPlain(entry.value, MAX_READ_DEPTH).value;
      const [section = '', id = ''] = entry.path.split('.');
      if (section === 'placements' && isObject(value)) {
        shared.placements.push([value]);
        restored++;
        continue;
      }
      const target = section === 'touchpoints' || section === 'connections' || section === 'notes';
      if (!target || id === '' || !isObject(value)) continue;
      const map = sectionMap(doc, section) as Y.Map<unknown>;
      if (map.has(id)) continue;
      const { placement, ...fields } = value as Record<string, unknown>;
      map.set(id, newYMap(section === 'touchpoints' ? fields : (value as Record<string, unknown>)));
      if (section === 'touchpoints' && isObject(placement)) shared.placements.push([placement]);
      restored++;
    }
  });
  return restored;
}

function sectionMap(doc: Y.Doc, section: string): Y.Map<unknown> | undefined {
  if (!SECTIONS_BY_ID.has(section)) return undefined;
  return doc.getMap(section);
}

function plainOf(raw: unknown): unknown {
  return raw instanceof Y.AbstractType ? readPlain(raw).value : raw;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function touchpointOf(raw: unknown): string | undefined {
  const touchpoint = isObject(raw) ? raw.touchpoint : undefined;
  return typeof touchpoint === 'string' ? touchpoint : undefined;
}

function fieldOf(raw: unknown, field: string): unknown {
  if (field === '' || !isObject(raw)) return undefined;
  return raw[field.split('.')[0] as string];
}

function titleOf(raw: unknown): string | undefined {
  if (!isObject(raw)) return undefined;
  const text = [raw.title, raw.label, raw.text].find((candidate) => typeof candidate === 'string');
  return typeof text === 'string' && text.trim() !== '' ? shorten(text.trim(), 60) : undefined;
}

function describe(field: string, message: string, value: unknown, withValue = true): string {
  const found = withValue && field !== '' ? ` (${foundValue(value)})` : '';
  return `${field ? `${field}: ` : ''}${message}${found}`;
}

function foundValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string')
    return value.length > 40 ? `was "${value.slice(0, 40)}…", ${value.length} characters` : `was "${value}"`;
  return `was ${shorten(JSON.stringify(value) ?? String(value), 40)}`;
}

function shorten(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
