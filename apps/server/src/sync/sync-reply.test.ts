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
