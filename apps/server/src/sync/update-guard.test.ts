import { snapshotToDocument, templateSnapshot } from '@baton/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  deeplyNestedUpdate,
  deepValueUpdate,
  deleteSetUpdate,
  nestedValue,
} from './hostile-updates.test-support.js';
import {
  DEFAULT_UPDATE_LIMITS,
  refusalOf,
  UndecodableUpdate,
  UpdateGuard,
  UpdateOverLimit,
} from './update-guard.js';
import { scanUpdate } from './update-scan.js';

const limits = DEFAULT_UPDATE_LIMITS;

describe('bounded updates', () => {
  it('accepts the edits real clients make: a whole template, concurrent edits, deletions', () => {
    const server = snapshotToDocument(templateSnapshot('b2b-services'));
    expect(refusalOf(new Y.Doc(), Y.encodeStateAsUpdate(server), limits)).toBeUndefined();
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    Y.applyUpdate(alice, Y.encodeStateAsUpdate(server));
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(server));
    const edits: Uint8Array[] = [];
    alice.on('update', (update: Uint8Array) => edits.push(update));
    bob.on('update', (update: Uint8Array) => edits.push(update));
    const first = [...alice.getMap('touchpoints').keys()][0] as string;
    alice.getMap('touchpoints').delete(first);
    (bob.getMap('touchpoints').get(first) as Y.Map<unknown>).set('title', 'Renamed while deleted');
    const text = new Y.Text();
    alice.getMap('notes').set('n1', text);
    text.insert(0, 'typed one character at a time'.repeat(20));
    text.delete(3, 40);
    alice.getArray('placements').delete(0, 3);
    for (const edit of edits) {
      expect(refusalOf(server, edit, limits)).toBeUndefined();
      Y.applyUpdate(server, edit);
    }
    expect(server.store.pendingDs).toBeNull();
    expect(server.store.pendingStructs).toBeNull();
  });

  it('refuses a delete set of 900,000 ranges after reading only up to the limit', () => {
    expect(() => refusalOf(new Y.Doc(), deleteSetUpdate(424_242, 900_000), limits)).toThrow(UpdateOverLimit);
    // The count alone refuses it: a frame that claims 900,000 ranges and holds none is over
    // the limit, not undecodable, so nothing past the count was read.
    const claimOnly = deleteSetUpdate(424_242, 900_000).slice(0, 8);
    expect(() => refusalOf(new Y.Doc(), claimOnly, limits)).toThrow(UpdateOverLimit);
  });

  it('refuses deletions of edits the map does not have (they would wait in pendingDs forever)', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('title', 'Known');
    const client = doc.clientID;
    expect(refusalOf(doc, deleteSetUpdate(424_242, 10), limits)?.kind).toBe('unknown-state');
    // Past the end of a known client's edits.
    expect(refusalOf(doc, deleteSetUpdate(client, 1, 5), limits)?.kind).toBe('unknown-state');
    expect(refusalOf(doc, deleteSetUpdate(client, 1, 0), limits)).toBeUndefined();
  });

  it('refuses edits that continue or build on edits the map does not have', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    client.getMap('meta').set('title', 'first');
    const afterFirst = Y.encodeStateVector(client);
    client.getMap('meta').set('title', 'second');
    // The second edit alone starts at a clock the server has not reached.
    const second = Y.encodeStateAsUpdate(client, afterFirst);
    expect(refusalOf(server, second, limits)?.kind).toBe('unknown-state');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    expect(refusalOf(server, second, limits)).toBeUndefined();
  });

  it('refuses shared types nested deeper than the limit, in the update or under the map', () => {
    expect(refusalOf(new Y.Doc(), deeplyNestedUpdate(5000), limits)?.kind).toBe('over-limit');
    expect(refusalOf(new Y.Doc(), deeplyNestedUpdate(limits.maxNestingDepth - 2), limits)).toBeUndefined();
    // Each update shallow, but together too deep: the document's own depth counts.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, deeplyNestedUpdate(limits.maxNestingDepth - 2, doc));
    const deeper = new Y.Doc();
    Y.applyUpdate(deeper, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(deeper);
    let innermost = deeper.getMap('touchpoints').get('deep') as Y.Map<unknown>;
    while (innermost.get('inner')) innermost = innermost.get('inner') as Y.Map<unknown>;
    deeper.transact(() => {
      for (let level = 0; level < 3; level++) {
        const next = new Y.Map<unknown>();
        innermost.set('inner', next);
        innermost = next;
      }
    });
    const step = Y.encodeStateAsUpdate(deeper, before);
    expect(refusalOf(doc, step, limits)?.kind).toBe('over-limit');
  });

  it('refuses plain values nested deeper than the limit, without recursing', () => {
    const doc = new Y.Doc();
    doc.getMap('touchpoints').set('t', nestedValue(limits.maxNestingDepth + 1));
    expect(() => refusalOf(new Y.Doc(), Y.encodeStateAsUpdate(doc), limits)).toThrow(UpdateOverLimit);
    const fine = new Y.Doc();
    fine.getMap('touchpoints').set('t', nestedValue(limits.maxNestingDepth - 1));
    expect(refusalOf(new Y.Doc(), Y.encodeStateAsUpdate(fine), limits)).toBeUndefined();
  });

  it('refuses JSON values (as older Yjs wrote them) nested deeper than the limit, before parsing them', () => {
    const json = (depth: number) =>
      deepValueUpdate({ client: 9, parent: 'touchpoints', key: 't', depth, kind: 'json' });
    // V8 parses JSON this deep without trouble; Yjs writes it back with JSON.stringify, which overflows.
    expect(() => refusalOf(new Y.Doc(), json(7000), limits)).toThrow(UpdateOverLimit);
    expect(() => refusalOf(new Y.Doc(), json(limits.maxNestingDepth + 1), limits)).toThrow(UpdateOverLimit);
    expect(refusalOf(new Y.Doc(), json(limits.maxNestingDepth), limits)).toBeUndefined();
    expect(
      refusalOf(
        new Y.Doc(),
        deepValueUpdate({ client: 9, parent: 'touchpoints', key: 't', depth: 32, kind: 'any' }),
        limits,
      ),
    ).toBeUndefined();
  });

  it('refuses more items than the limit and bytes that are not an update', () => {
    const doc = new Y.Doc();
    doc.getArray('placements').push(Array.from({ length: 50 }, (_, index) => ({ index })));
    doc.getMap('meta').set('a', 1);
    doc.getMap('meta').set('b', 2);
    expect(() => refusalOf(new Y.Doc(), Y.encodeStateAsUpdate(doc), { ...limits, maxStructs: 2 })).toThrow(
      UpdateOverLimit,
    );
    expect(() => refusalOf(new Y.Doc(), new Uint8Array([1, 1, 7, 0, 99]), limits)).toThrow(UndecodableUpdate);
  });

  it('counts updates still being stored as known, so fast typing is never refused, but not their depth', () => {
    const server = new Y.Doc();
    const guard = new UpdateGuard(server, limits);
    const client = new Y.Doc();
    const updates: Uint8Array[] = [];
    client.on('update', (update: Uint8Array) => updates.push(update));
    const text = new Y.Text();
    client.getMap('notes').set('n', text);
    for (let i = 0; i < 20; i++) text.insert(i, 'x');
    text.delete(0, 10);
    // None is applied yet: each builds on the ones before it, still in flight.
    for (const update of updates) expect(guard.admit(scanUpdate(update, limits))).toBeUndefined();
    for (const update of updates) Y.applyUpdate(server, update);
    guard.settled();

    // One level per update, none applied yet: the depth still adds up.
    const nesting = new Y.Doc();
    const steps: Uint8Array[] = [];
    nesting.on('update', (update: Uint8Array) => steps.push(update));
    let current = nesting.getMap('touchpoints');
    for (let level = 0; level < limits.maxNestingDepth + 2; level++) {
      const next = new Y.Map<unknown>();
      current.set('inner', next);
      current = next;
    }
    const verdicts = steps.map((update) => guard.admit(scanUpdate(update, limits))?.kind);
    expect(verdicts.slice(0, limits.maxNestingDepth)).toEqual(
      Array.from({ length: limits.maxNestingDepth }, () => undefined),
    );
    expect(verdicts[limits.maxNestingDepth]).toBe('over-limit');
  });
});
