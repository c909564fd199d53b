import * as Y from 'yjs';
import type { Logger } from '../log.js';
import type { CommittedEntry } from './group-commit.js';
import type { InFlightUpdates } from './in-flight-updates.js';
import type { AppliedUpdate } from './relay.js';
import { ServerChange } from './server-change.js';

/** The origin of the transaction that applies a committed batch (each update keeps its own). */
const COMMITTED_ORIGIN = Symbol('committed batch');

interface BatchTarget {
  mapId: string;
  doc: Y.Doc;
  inFlight: InFlightUpdates;
  logger: Logger;
  /** An update of this origin could not be applied: its sender is told. */
  unapplied(origin: unknown): void;
}

/**
 * Applies updates the group commit stored, in ONE Yjs transaction: its clean-up (merging structs,
 * observers) runs once per batch instead of once per update. Returns what was applied, to be
 * relayed as the stored bytes themselves, so Yjs does not re-encode each update either.
 */
export function applyCommittedBatch(
  target: BatchTarget,
  entries: CommittedEntry<unknown>[],
): AppliedUpdate[] {
  const applied: AppliedUpdate[] = [];
  target.doc.transact(() => {
    for (const { seq, update, origin } of entries) {
      target.inFlight.settled(origin);
      try {
        Y.applyUpdate(target.doc, update, origin);
        applied.push({ update, origin });
        if (origin instanceof ServerChange) origin.resolve();
      } catch (error) {
        target.logger.warn(`map ${target.mapId}: update ${seq} failed to apply: ${String(error)}`);
        if (origin instanceof ServerChange) origin.reject(error);
        else target.unapplied(origin);
      }
    }
  }, COMMITTED_ORIGIN);
  return applied;
}
