import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  decodeClientMessage,
  encodeDocumentUpdate,
  encodeSyncStep1,
  isEmptyUpdate,
  MalformedMessage,
  MessageType,
} from './protocol.js';

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

describe('y-websocket frames', () => {
  const doc = new Y.Doc();
  doc.getMap('meta').set('title', 'Frames');

  it('decodes what the stock client sends', () => {
    expect(decodeClientMessage(encodeSyncStep1(doc))).toMatchObject({ kind: 'sync-step-1' });
    const update = Y.encodeStateAsUpdate(doc);
    expect(decodeClientMessage(encodeDocumentUpdate(update))).toMatchObject({
      kind: 'document-update',
      update,
    });
    expect(decodeClientMessage(frame((e) => encoding.writeVarUint(e, MessageType.queryAwareness)))).toEqual({
      kind: 'query-awareness',
    });
    const awareness = frame((e) => {
      encoding.writeVarUint(e, MessageType.awareness);
      encoding.writeVarUint8Array(e, new Uint8Array([0]));
    });
    expect(decodeClientMessage(awareness)).toMatchObject({ kind: 'awareness' });
  });

  it.each([
    ['an empty frame', new Uint8Array()],
    ['an unknown message type', new Uint8Array([9])],
    ['the auth type, which only servers send', new Uint8Array([MessageType.auth, 0])],
    ['an unknown sync step', new Uint8Array([0, 7, 0])],
    ['a truncated length', new Uint8Array([0, 2, 0x80])],
    ['an update that is not Yjs', new Uint8Array([0, 2, 4, 0xff, 0xff, 0xff, 0xff])],
    ['trailing bytes', new Uint8Array([...encodeSyncStep1(doc), 1, 2, 3])],
  ])('refuses %s', (_, bytes) => {
    expect(() => decodeClientMessage(bytes)).toThrow(MalformedMessage);
  });

  it('tells an update that changes nothing from one that does', () => {
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toBe(true);
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(doc))).toBe(false);
  });
});
