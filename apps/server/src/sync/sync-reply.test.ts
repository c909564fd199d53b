import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { SyncReplies } from './sync-reply.js';

/** What a stock client's document holds after applying a sync step 2 frame to `into`. */
function received(frame: Uint8Array, into = new Y.Doc()): Y.Doc {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarUint(decoder); // message type: sync
  expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsSyncStep2);
  Y.applyUpdate(into, decoding.readVarUint8Array(decoder));
  return into;
}

function mapWithTitles(...titles: string[]): Y.Doc {
  const doc = new Y.Doc();
  for (const title of titles) doc.getMap<string>('touchpoints').set(title, title);
  return doc;
}

const nothing = Y.encodeStateVector(new Y.Doc());

describe('answering sync step 1', () => {
  it('gives a newcomer the whole map, from the stored snapshot while the map is unchanged', () => {
    const stored = mapWithTitles('Webinar', 'Demo');
    const snapshot = Y.encodeStateAsUpdate(stored);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, snapshot);
    const replies = new SyncReplies(doc, snapshot);
    const first = replies.stepTwo(nothing);
    expect(received(first).getMap('touchpoints').toJSON()).toEqual({ Webinar: 'Webinar', Demo: 'Demo' });
    expect(replies.stepTwo(nothing)).toBe(first);
  });

  it('gives a newcomer every change made since, never a stale copy', () => {
    const doc = mapWithTitles('Webinar');
    const replies = new SyncReplies(doc, Y.encodeStateAsUpdate(doc));
    replies.stepTwo(nothing);
    doc.getMap('touchpoints').set('Trial', 'Trial');
    doc.getMap('touchpoints').delete('Webinar');
    expect(received(replies.stepTwo(nothing)).getMap('touchpoints').toJSON()).toEqual({ Trial: 'Trial' });
  });

  it('gives a peer that holds part of the map only what it lacks', () => {
    const doc = mapWithTitles('Webinar');
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    doc.getMap('touchpoints').set('Trial', 'Trial');
    const replies = new SyncReplies(doc);
    const frame = replies.stepTwo(Y.encodeStateVector(peer));
    expect(frame.byteLength).toBeLessThan(replies.stepTwo(nothing).byteLength);
    expect(received(frame, peer).getMap('touchpoints').toJSON()).toEqual({
      Webinar: 'Webinar',
      Trial: 'Trial',
    });
  });
});

describe("a page's first copy", () => {
  const applied = (parts: Uint8Array[]) => {
    const doc = new Y.Doc();
    for (const part of parts) Y.applyUpdate(doc, part);
    return doc.getMap('touchpoints').toJSON();
  };

  it('is the last whole state encoded and what changed since, deletions included', () => {
    const doc = mapWithTitles(...Array.from({ length: 40 }, (_, index) => `Card ${index}`));
    const replies = new SyncReplies(doc);
    const [whole] = replies.firstCopy();
    doc.getMap('touchpoints').set('Trial', 'Trial');
    doc.getMap('touchpoints').delete('Card 0');
    const parts = replies.firstCopy();
    expect(parts).toHaveLength(2);
    expect(parts[0]).toBe(whole);
    expect(applied(parts)).toEqual(doc.getMap('touchpoints').toJSON());
  });

  it('is encoded whole again once what changed has grown past a quarter of it', () => {
    const doc = mapWithTitles('Webinar', 'Demo');
    const replies = new SyncReplies(doc, Y.encodeStateAsUpdate(doc));
    for (let index = 0; index < 20; index++) doc.getMap('touchpoints').set(`Card ${index}`, 'x'.repeat(40));
    const parts = replies.firstCopy();
    expect(parts).toHaveLength(1);
    expect(applied(parts)).toEqual(doc.getMap('touchpoints').toJSON());
    // …and that becomes the base the next edits are sent on top of.
    doc.getMap('touchpoints').delete('Demo');
    const next = replies.firstCopy();
    expect(next).toHaveLength(2);
    expect(next[0]).toBe(parts[0]);
    expect(applied(next)).toEqual(doc.getMap('touchpoints').toJSON());
  });
});
