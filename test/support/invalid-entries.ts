import { createMapDocument, mapDocument } from '@baton/model';
import * as Y from 'yjs';

/**
 * The three invalid entries the hostile pass wrote (issue #10, finding 8), as a stock client
 * may: a card of team "legal", a card with a 10,000-character title, a card with no lead stage.
 * Beside them one sound card, so the map is not empty. Applied to `doc` (a new map by default).
 */
export function writeInvalidEntries(doc: Y.Doc): void {
  const { touchpoints } = mapDocument(doc);
  const placements = doc.getArray<unknown>('placements');
  const card = (fields: Record<string, unknown>) => {
    const entry = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(fields)) entry.set(key, value);
    return entry;
  };
  doc.transact(() => {
    touchpoints.set('sound-card', card({ title: 'Webinar', channel: 'event' }));
    placements.push([{ touchpoint: 'sound-card', stage: 'cold', team: 'marketing', x: 10, y: 10 }]);
    touchpoints.set('legal-card', card({ title: 'Contract review', channel: 'other' }));
    placements.push([{ touchpoint: 'legal-card', stage: 'qualified', team: 'legal', x: 10, y: 10 }]);
    touchpoints.set('long-title-card', card({ title: 'x'.repeat(10_000), channel: 'email' }));
    placements.push([{ touchpoint: 'long-title-card', stage: 'warm', team: 'sales', x: 10, y: 10 }]);
    touchpoints.set('no-stage-card', card({ title: 'Cold call', channel: 'phone' }));
    placements.push([{ touchpoint: 'no-stage-card', team: 'sales', x: 10, y: 10 }]);
  });
}

export function invalidEntriesDocument(): Y.Doc {
  const doc = createMapDocument({ title: 'Map with invalid entries' });
  writeInvalidEntries(doc);
  return doc;
}
