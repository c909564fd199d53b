import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMapDocument, mapDocument } from './document.js';
import { restoreSkippedEntries, skippedEntries } from './skipped.js';
import { readSnapshot } from './snapshot.js';

function card(fields: Record<string, unknown>): Y.Map<unknown> {
  const entry = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) entry.set(key, value);
  return entry;
}

function badMap(): Y.Doc {
  const doc = createMapDocument({ title: 'Bad' });
  const { touchpoints, placements } = mapDocument(doc);
  doc.transact(() => {
    touchpoints.set('legal', card({ title: 'Contract review' }));
    placements.push([{ touchpoint: 'legal', stage: 'warm', team: 'legal', x: 0, y: 0 }]);
    touchpoints.set('stageless', card({ title: 'Cold call' }));
    placements.push([{ touchpoint: 'stageless', team: 'sales', x: 0, y: 0 }]);
  });
  return doc;
}

describe('skipped entries', () => {
  it('names each card once, with the value found, its placement problems folded in', () => {
    const doc = badMap();
    const skipped = skippedEntries(doc, readSnapshot(doc).warnings);
    expect(skipped.map(({ path, title, problems }) => ({ path, title, problems }))).toEqual([
      {
        path: 'touchpoints.legal',
        title: 'Contract review',
        problems: [expect.stringMatching(/^placement team: .*\(was "legal"\)$/)],
      },
      {
        path: 'touchpoints.stageless',
        title: 'Cold call',
        problems: [expect.stringMatching(/^placement stage: .*\(missing\)$/)],
      },
    ]);
  });

  it('writes them back into another map as they were stored, still skipped there', () => {
    const doc = badMap();
    const skipped = JSON.parse(JSON.stringify(skippedEntries(doc, readSnapshot(doc).warnings)));
    const copy = createMapDocument({ title: 'Copy' });
    expect(restoreSkippedEntries(copy, skipped)).toBe(2);
    const again = skippedEntries(copy, readSnapshot(copy).warnings);
    expect(again.map((entry) => entry.path)).toEqual(['touchpoints.legal', 'touchpoints.stageless']);
  });

  it('is empty for a map that reads cleanly', () => {
    const doc = createMapDocument({ title: 'Fine' });
    expect(skippedEntries(doc, readSnapshot(doc).warnings)).toEqual([]);
  });
});
