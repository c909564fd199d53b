import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import {
  addConnection,
  addTouchpoint,
  CHANNELS,
  CONNECTION_KINDS,
  copyCards,
  deleteSelection,
  LEAD_STAGES,
  ModelError,
  mapDocument,
  moveTouchpoints,
  pasteCards,
  readSnapshot,
  TEAMS,
  updateTouchpoint,
} from '../index.js';
import type { SimPeer } from './sim-network.js';

/**
 * One random user action through the real model writers, as the web app calls them: inside a
 * transaction tagged with the peer's origin, so its undo manager records it as one step. A
 * write the model refuses must leave the document exactly as it was.
 */
type Operation = 'add' | 'edit' | 'move' | 'delete' | 'connect' | 'paste' | 'undo' | 'redo' | 'old-tab';

const WEIGHTED: Operation[] = [
  ...Array<Operation>(4).fill('add'),
  ...Array<Operation>(3).fill('edit'),
  ...Array<Operation>(4).fill('move'),
  ...Array<Operation>(2).fill('delete'),
  ...Array<Operation>(2).fill('connect'),
  'paste',
  ...Array<Operation>(2).fill('undo'),
  'redo',
  'old-tab',
];

const pick = <T>(random: prng.PRNG, items: readonly T[]): T => prng.oneOf(random, items as T[]);

function someOf<T>(random: prng.PRNG, items: readonly T[], most: number): T[] {
  const chosen = new Set<T>();
  const count = prng.int32(random, 1, most);
  for (let i = 0; i < count && items.length > 0; i++) chosen.add(pick(random, items));
  return [...chosen];
}

function placement(random: prng.PRNG) {
  return {
    stage: pick(random, LEAD_STAGES),
    team: pick(random, TEAMS),
    x: prng.int32(random, -50, 400),
    y: prng.int32(random, -50, 500),
  };
}

export function randomOperation(random: prng.PRNG, peer: SimPeer, makeId: () => string): Operation {
  const { doc } = peer;
  const operation = pick(random, WEIGHTED);
  // Ids as the user sees them on this peer, plus one a colleague may have deleted meanwhile.
  const cards = [...mapDocument(doc).touchpoints.keys()].sort();
  const known = [...cards, 'deleted-elsewhere'];
  const write = (change: () => void) => doc.transact(change, peer.origin);
  let wrote = false;
  const noteWrite = () => {
    wrote = true;
  };
  doc.on('update', noteWrite);
  try {
    switch (operation) {
      case 'add':
        write(() =>
          addTouchpoint(
            doc,
            {
              title: `Card ${prng.word(random, 1, 6)}`,
              ...placement(random),
              channel: pick(random, CHANNELS),
            },
            makeId(),
          ),
        );
        break;
      case 'edit':
        write(() =>
          updateTouchpoint(
            doc,
            pick(random, known),
            prng.bool(random) ? { title: prng.word(random, 0, 8) } : { stage: pick(random, LEAD_STAGES) },
          ),
        );
        break;
      case 'move':
        write(() =>
          moveTouchpoints(
            doc,
            someOf(random, known, 3).map((id) => ({ id, placement: placement(random) })),
          ),
        );
        break;
      case 'delete': {
        const connections = [...mapDocument(doc).connections.keys()];
        write(() =>
          deleteSelection(doc, {
            touchpoints: someOf(random, cards, 2),
            connections: prng.bool(random) ? someOf(random, connections, 2) : [],
          }),
        );
        break;
      }
      case 'connect':
        write(() =>
          addConnection(
            doc,
            {
              source: pick(random, known),
              target: pick(random, known),
              kind: pick(random, CONNECTION_KINDS),
            },
            makeId(),
          ),
        );
        break;
      case 'paste': {
        const copy = copyCards(readSnapshot(doc).snapshot, someOf(random, cards, 3));
        if (copy) write(() => pasteCards(doc, copy, 24, makeId));
        break;
      }
      case 'undo':
        peer.undo.undo();
        break;
      case 'redo':
        peer.undo.redo();
        break;
      case 'old-tab': {
        // A tab still running schema v1 moves a card by writing the card's own keys.
        const entry = mapDocument(doc).touchpoints.get(pick(random, known));
        if (entry instanceof Y.Map)
          doc.transact(() => {
            entry.set('stage', pick(random, [...LEAD_STAGES, 'hot']));
            if (prng.bool(random)) entry.set('x', prng.int32(random, -100, 900));
          }, 'old-tab');
        break;
      }
    }
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    if (wrote) throw new Error(`A refused ${operation} left part of its change: ${error.message}`);
  } finally {
    doc.off('update', noteWrite);
  }
  return operation;
}
