import * as Y from 'yjs';
import { mapDocument } from '../document.js';
import type { BallotTotal } from './ballot.js';

/**
 * Writes a revealed ballot's totals to every touchpoint's `votes` (0 where nobody voted), in
 * one transaction, touching only the values that change.
 */
export function writeVoteTotals(doc: Y.Doc, totals: readonly BallotTotal[]): void {
  const byTouchpoint = new Map(totals.map((total) => [total.touchpoint, total.votes]));
  doc.transact(() => {
    for (const [id, entry] of mapDocument(doc).touchpoints.entries()) {
      if (!(entry instanceof Y.Map)) continue;
      const votes = byTouchpoint.get(id) ?? 0;
      if (entry.get('votes') !== votes) entry.set('votes', votes);
    }
  });
}
