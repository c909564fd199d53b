import { createMapDocument, mapDocument } from '@baton/model';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { renderInThread } from './export-formats.js';
import { readMap } from './map-file.js';

/** A map whose one card has a 10,000-character title: read, it is one skipped entry. */
function mapWithLongTitle(): Y.Doc {
  const doc = createMapDocument({ title: 'One bad card' });
  const card = new Y.Map<unknown>();
  card.set('title', 'x'.repeat(10_000));
  doc.transact(() => {
    mapDocument(doc).touchpoints.set('long', card);
    mapDocument(doc).placements.push([{ touchpoint: 'long', stage: 'warm', team: 'sales', x: 0, y: 0 }]);
  });
  return doc;
}

describe('exports of a map with entries that could not be read', () => {
  it('notes them in the PDF report', async () => {
    const { snapshot, skipped } = readMap(mapWithLongTitle());
    expect(skipped).toHaveLength(1);
    const pdf = await renderInThread('pdf', snapshot, { skipped });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf as Uint8Array)), {
      mergePages: true,
    });
    expect(text).toMatch(/1 entry could not be read/);
    expect(text).toMatch(/touchpoints\.long/);
  });
});
