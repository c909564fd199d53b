import * as Y from 'yjs';
import { mapDocument } from './document.js';
import type { ModelIssue } from './errors.js';
import { convertLegacyKeys, hasLegacyKeys } from './legacy-placement.js';
import { documentSchemaVersion } from './migrations.js';
import {
  currentPlacementIndexes,
  deletePlacementsAt,
  type PlacementWrite,
  readPlacementEntries,
  writePlacements,
} from './placements.js';
import { PLACEMENT_KEYS, SCHEMA_VERSION } from './schema.js';

export interface SettleResult {
  /** Placements of cards no longer on the map, removed. */
  orphans: number;
  /** Older placements of a card left by concurrent drops, removed. */
  superseded: number;
  /** Connections to a card that was deleted (one drawn while a colleague deleted the card). */
  connections: number;
  /** Cards given a placement: from v1 keys an old tab or script wrote, or by default. */
  placed: number;
  /** Cards that came back without a title (see below) and were given one. */
  retitled: number;
  issues: ModelIssue[];
}

/**
 * Brings the placements back to one per card after concurrent edits, in one transaction:
 * - a placement whose card was deleted (a move concurrent with the delete, an undo of a move
 *   after a colleague deleted the card) is removed, and so is a connection to a deleted card;
 * - the older placements concurrent drops left are removed, keeping the one every peer shows;
 * - a v1-style write (an old tab, a third-party script) is converted into a placement, and
 *   what cannot be converted stays on the card and is reported;
 * - a card left with no placement gets one, provisional, so it never vanishes from the map.
 * Only a v2 document is touched (an older one is upgraded by `migrateDocument` first), and
 * never while updates wait for missing ones: a card and its placement may be half-arrived.
 * Every step is idempotent, so peers settling at once converge.
 */
export function settlePlacements(doc: Y.Doc, origin?: unknown): SettleResult {
  const result: SettleResult = {
    orphans: 0,
    superseded: 0,
    connections: 0,
    placed: 0,
    retitled: 0,
    issues: [],
  };
  if (documentSchemaVersion(doc) !== SCHEMA_VERSION) return result;
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) return result;
  const { touchpoints, placements: array, connections } = mapDocument(doc);
  const deleted = (id: unknown) => typeof id === 'string' && wasDeleted(touchpoints, id);
  const entries = readPlacementEntries(doc);
  const current = currentPlacementIndexes(entries);
  const stale: number[] = [];
  for (const { index, entry } of entries) {
    if (!touchpoints.has(entry.touchpoint)) {
      // A placement for a card this peer has not received yet is left alone.
      if (!deleted(entry.touchpoint)) continue;
      stale.push(index);
      result.orphans++;
    } else if (current.get(entry.touchpoint)?.index !== index) {
      stale.push(index);
      result.superseded++;
    }
  }
  const unsettled = [...touchpoints.keys()].sort().flatMap((id) => {
    const entry = touchpoints.get(id);
    if (!(entry instanceof Y.Map)) return [];
    const placement = current.get(id)?.entry;
    return !placement || hasLegacyKeys(entry) || !entry.has('title') ? [{ id, entry, placement }] : [];
  });
  const dangling = [...connections.entries()].flatMap(([id, connection]) =>
    connection instanceof Y.Map && (deleted(connection.get('source')) || deleted(connection.get('target')))
      ? [id]
      : [],
  );
  result.connections = dangling.length;
  if (stale.length === 0 && unsettled.length === 0 && dangling.length === 0) return result;
  doc.transact(() => {
    deletePlacementsAt(array, stale);
    for (const id of dangling) connections.delete(id);
    const writes: PlacementWrite[] = [];
    for (const { id, entry, placement } of unsettled) {
      if (!entry.has('title')) {
        // Yjs's undo of a delete restores the fields the delete removed, but not one a colleague
        // changed meanwhile: a card can come back without its title. It stays on the map.
        entry.set('title', UNTITLED);
        result.retitled++;
        result.issues.push({
          path: `touchpoints.${id}.title`,
          message: `was lost; the card is now "${UNTITLED}"`,
        });
      }
      const write = convertLegacyKeys(id, entry, placement, true, result.issues);
      if (write) writes.push(write);
    }
    result.placed = writes.length;
    writePlacements(doc, writes);
  }, origin);
  return result;
}

/**
 * Whether this peer saw the card and then saw it deleted, as opposed to not having received it:
 * a deleted key keeps its (deleted) item in the map.
 */
function wasDeleted(touchpoints: Y.Map<unknown>, id: string): boolean {
  return touchpoints._map.get(id)?.deleted === true;
}

const UNTITLED = 'Untitled touchpoint';
const LEGACY_KEYS: ReadonlySet<string> = new Set(PLACEMENT_KEYS);

/**
 * Whether a transaction can have left something to settle: cards added or deleted, placements
 * written, a card's title removed or a v1 key written on it. Any other edit to a card (its title
 * typed into, its channel…) cannot, and a full settle reads every card and placement: on a
 * 1,000-card map that was ~5 ms per edit by anyone on the map.
 */
function mayUnsettle(transaction: Y.Transaction, touchpoints: Y.Map<unknown>, placements: Y.Array<unknown>) {
  const changed = transaction.changed as Map<unknown, Set<string | null>>;
  if (changed.has(touchpoints) || changed.has(placements)) return true;
  for (const [type, keys] of transaction.changed) {
    if (type._item?.parent !== touchpoints || !(type instanceof Y.Map)) continue;
    for (const key of keys) {
      if (key === null || (key === 'title' && !type.has('title'))) return true;
      if (LEGACY_KEYS.has(key) && type.has(key)) return true;
    }
  }
  return false;
}

/** The origin of the transactions `keepPlacementsSettled` writes; undo managers do not track it. */
export const SETTLE_ORIGIN = { source: 'baton-settle-placements' };

/**
 * Settles the placements after every change to the cards or their placements, local or remote,
 * until the returned function is called. For editors only: a viewer never writes.
 */
export function keepPlacementsSettled(
  doc: Y.Doc,
  onIssues: (issues: ModelIssue[]) => void = () => {},
): () => void {
  const { touchpoints, placements } = mapDocument(doc);
  const reported = new Set<string>();
  const report = (issues: ModelIssue[]) => {
    // A value left on a card is seen again at every change: report it once.
    const fresh = issues.filter((issue) => !reported.has(`${issue.path}: ${issue.message}`));
    for (const issue of fresh) reported.add(`${issue.path}: ${issue.message}`);
    if (fresh.length > 0) onIssues(fresh);
  };
  // After a settle that could not finish (updates waiting for missing ones), the next one looks at everything.
  let unfinished = false;
  const run = () => {
    unfinished = doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
    report(settlePlacements(doc, SETTLE_ORIGIN).issues);
  };
  const settle = (transaction: Y.Transaction) => {
    if (transaction.origin === SETTLE_ORIGIN) return;
    const changed = transaction.changedParentTypes as Map<unknown, unknown>;
    const touched = changed.has(touchpoints) || changed.has(placements);
    if (!touched) return;
    if (unfinished || mayUnsettle(transaction, touchpoints, placements)) run();
  };
  doc.on('afterTransaction', settle);
  run();
  return () => doc.off('afterTransaction', settle);
}
