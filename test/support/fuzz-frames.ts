import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import {
  deeplyNestedUpdate,
  deepValueUpdate,
  deleteSetUpdate,
} from '../../apps/server/src/sync/hostile-updates.test-support.js';

/** A small seeded generator (mulberry32): the same seed gives the same frames, to replay a failure. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  bytes(length: number): Uint8Array {
    const bytes = new Uint8Array(length);
    for (let i = 0; i < length; i++) bytes[i] = this.int(256);
    return bytes;
  }
}

export interface FuzzFrame {
  kind: string;
  bytes: Uint8Array;
}

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

const syncFrame = (step: number, payload: Uint8Array) =>
  message((encoder) => {
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, step);
    encoding.writeVarUint8Array(encoder, payload);
  });

const awarenessFrame = (entries: { client: number; clock: number; state: string }[]) =>
  message((encoder) => {
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint8Array(
      encoder,
      message((inner) => {
        encoding.writeVarUint(inner, entries.length);
        for (const entry of entries) {
          encoding.writeVarUint(inner, entry.client);
          encoding.writeVarUint(inner, entry.clock);
          encoding.writeVarString(inner, entry.state);
        }
      }),
    );
  });

/** A real Yjs update: a few random edits by a fresh client, sometimes on top of another's. */
function randomUpdate(random: Random): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 1 + random.int(2 ** 30);
  const edits = 1 + random.int(6);
  for (let i = 0; i < edits; i++) {
    const map = doc.getMap(random.pick(['notes', 'touchpoints', 'meta', 'stages', 'connections']));
    const key = `k${random.int(20)}`;
    switch (random.int(5)) {
      case 0:
        map.set(key, random.int(1000));
        break;
      case 1:
        map.set(key, 'text'.repeat(random.int(30)));
        break;
      case 2: {
        const inner = new Y.Map<unknown>();
        inner.set('title', `card ${random.int(100)}`);
        map.set(key, inner);
        break;
      }
      case 3:
        doc.getArray('placements').push([{ touchpoint: key, stage: 'cold', team: 'sales', x: 1, y: 1 }]);
        break;
      default:
        map.delete(key);
    }
  }
  return Y.encodeStateAsUpdate(doc);
}

/** Flips, drops, inserts or cuts bytes of a valid frame. */
function mutate(random: Random, frame: Uint8Array): Uint8Array {
  const bytes = [...frame];
  const changes = 1 + random.int(4);
  for (let i = 0; i < changes && bytes.length > 0; i++) {
    const at = random.int(bytes.length);
    switch (random.int(4)) {
      case 0:
        bytes[at] = (bytes[at] as number) ^ (1 << random.int(8));
        break;
      case 1:
        bytes.splice(at, 1);
        break;
      case 2:
        bytes.splice(at, 0, random.int(256));
        break;
      default:
        bytes[at] = random.pick([0x00, 0x7f, 0x80, 0xff]);
    }
  }
  return new Uint8Array(bytes);
}

/** A varint that never ends (every byte has its continuation bit), or one past 2^53. */
function hugeVarint(random: Random): Uint8Array {
  const length = 8 + random.int(12);
  const bytes = new Uint8Array(length).fill(0xff);
  if (random.int(2) === 0) bytes[length - 1] = 0x7f;
  return bytes;
}

/** One frame of a random kind; `maxFrameBytes` lets some be just over the server's limit. */
export function fuzzFrame(random: Random, maxFrameBytes: number): FuzzFrame {
  const kind = random.pick([
    'random',
    'sync-step-1',
    'sync-step-2',
    'update',
    'mutated-update',
    'truncated-update',
    'awareness',
    'mutated-awareness',
    'huge-varint',
    'huge-length',
    'unknown-type',
    'query-awareness',
    'deep-nesting',
    'deep-value',
    'deep-awareness',
    'unknown-deletions',
    'oversized',
    'empty',
  ] as const);
  switch (kind) {
    case 'random':
      return { kind, bytes: random.bytes(random.int(80)) };
    case 'sync-step-1': {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, randomUpdate(random));
      const frame = syncFrame(0, Y.encodeStateVector(doc));
      return { kind, bytes: random.int(2) === 0 ? frame : mutate(random, frame) };
    }
    case 'sync-step-2':
      return { kind, bytes: syncFrame(1, randomUpdate(random)) };
    case 'update':
      return { kind, bytes: syncFrame(2, randomUpdate(random)) };
    case 'mutated-update':
      return { kind, bytes: mutate(random, syncFrame(random.pick([1, 2]), randomUpdate(random))) };
    case 'truncated-update': {
      const frame = syncFrame(2, randomUpdate(random));
      return { kind, bytes: frame.slice(0, random.int(frame.length)) };
    }
    case 'awareness':
      return {
        kind,
        bytes: awarenessFrame([
          {
            client: 1 + random.int(2 ** 30),
            clock: random.int(100),
            state: JSON.stringify({ user: { name: 'f' } }),
          },
        ]),
      };
    case 'mutated-awareness': {
      const frame = awarenessFrame([
        {
          client: random.int(2 ** 31),
          clock: random.int(2 ** 31),
          state: random.pick(['{', 'null', '[]', '"x"', '{"user":7}']),
        },
      ]);
      return { kind, bytes: random.int(2) === 0 ? frame : mutate(random, frame) };
    }
    case 'huge-varint':
      return { kind, bytes: new Uint8Array([random.pick([0, 1]), ...hugeVarint(random)]) };
    case 'huge-length':
      // A sync update whose length prefix claims far more bytes than the frame has.
      return { kind, bytes: new Uint8Array([0, 2, ...hugeVarint(random), 0, 0]) };
    case 'unknown-type':
      return { kind, bytes: new Uint8Array([4 + random.int(120), ...random.bytes(random.int(8))]) };
    case 'query-awareness':
      return {
        kind,
        bytes: random.int(2) === 0 ? new Uint8Array([3]) : new Uint8Array([3, ...random.bytes(3)]),
      };
    case 'deep-nesting':
      return { kind, bytes: syncFrame(2, deeplyNestedUpdate(40 + random.int(200))) };
    case 'deep-value': {
      // Around the guard's nesting limit (32) and far past it, as values and as JSON.
      const update = deepValueUpdate({
        client: 1 + random.int(2 ** 30),
        parent: random.pick(['notes', 'touchpoints', 'meta']),
        key: `deep${random.int(5)}`,
        depth: random.pick([30, 31, 32, 33, 34, 500, 5000, 7000]),
        kind: random.pick(['any', 'json'] as const),
      });
      const frame = syncFrame(random.pick([1, 2]), update);
      return { kind, bytes: random.int(4) === 0 ? mutate(random, frame) : frame };
    }
    case 'deep-awareness': {
      const depth = random.pick([3, 15, 16, 17, 100, 3000]);
      const state = `{"user":{"name":"d"},"cursor":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      return { kind, bytes: awarenessFrame([{ client: 1 + random.int(2 ** 30), clock: 1, state }]) };
    }
    case 'unknown-deletions':
      return { kind, bytes: syncFrame(2, deleteSetUpdate(1 + random.int(2 ** 30), 1 + random.int(300))) };
    case 'oversized':
      return { kind, bytes: random.bytes(maxFrameBytes + 1 + random.int(1000)) };
    case 'empty':
      return { kind, bytes: new Uint8Array(0) };
  }
}
