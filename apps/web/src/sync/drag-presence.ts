import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { presencePublisher } from '../presence/presence-publisher';

/** A card someone else is dragging right now, at its live canvas position. */
export interface RemoteDrag {
  x: number;
  y: number;
  name: string;
  color: string;
}

/** The awareness field a dragging browser publishes: canvas positions of the cards in hand. */
interface DragState {
  cards: { id: string; x: number; y: number }[];
}

const BROADCAST_INTERVAL_MS = 40;

function isDragState(value: unknown): value is DragState {
  return Array.isArray((value as Partial<DragState> | null)?.cards);
}

/**
 * Publishes the cards this browser is dragging, at most every 40 ms, through awareness only:
 * the document is written once, on drop, so a long drag costs the map nothing. Sent together
 * with the pointer's own position (`presence-publisher.ts`).
 */
export function createDragBroadcast(awareness: Awareness) {
  const publisher = presencePublisher(awareness);
  return {
    move(cards: DragState['cards']) {
      const rounded = cards.map(({ id, x, y }) => ({ id, x: Math.round(x), y: Math.round(y) }));
      publisher.set('drag', { cards: rounded } satisfies DragState, BROADCAST_INTERVAL_MS);
    },
    end() {
      publisher.set('drag', null, BROADCAST_INTERVAL_MS);
    },
  };
}

export type DragBroadcast = ReturnType<typeof createDragBroadcast>;

function remoteDragsOf(awareness: Awareness): Map<string, RemoteDrag> {
  const drags = new Map<string, RemoteDrag>();
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const { drag, user } = state as { drag?: unknown; user?: { name?: unknown; color?: unknown } };
    if (!isDragState(drag)) continue;
    const name = typeof user?.name === 'string' ? user.name.slice(0, 40) : 'A colleague';
    const color =
      typeof user?.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#64748b';
    for (const card of drag.cards.slice(0, 200)) {
      if (typeof card?.id !== 'string' || !Number.isFinite(card.x) || !Number.isFinite(card.y)) continue;
      drags.set(card.id, { x: card.x, y: card.y, name, color });
    }
  }
  return drags;
}

function sameDrags(a: ReadonlyMap<string, RemoteDrag>, b: ReadonlyMap<string, RemoteDrag>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, drag] of a) {
    const other = b.get(id);
    if (
      !other ||
      other.x !== drag.x ||
      other.y !== drag.y ||
      other.name !== drag.name ||
      other.color !== drag.color
    )
      return false;
  }
  return true;
}

const NO_DRAGS: ReadonlyMap<string, RemoteDrag> = new Map();

/**
 * The cards colleagues are dragging at this moment, keyed by touchpoint id. The same map is kept
 * while nothing changed, so this tab's own presence (its drags, its cursor) re-renders nothing.
 */
export function useRemoteDrags(awareness: Awareness | undefined): ReadonlyMap<string, RemoteDrag> {
  const [drags, setDrags] = useState<ReadonlyMap<string, RemoteDrag>>(() =>
    awareness ? remoteDragsOf(awareness) : NO_DRAGS,
  );
  useEffect(() => {
    if (!awareness) return;
    const update = (changes?: { added: number[]; updated: number[]; removed: number[] }) => {
      // This tab's own cursor and drags change nothing here.
      const own = awareness.clientID;
      if (changes && [...changes.added, ...changes.updated, ...changes.removed].every((id) => id === own))
        return;
      setDrags((current) => {
        const next = remoteDragsOf(awareness);
        return sameDrags(current, next) ? current : next;
      });
    };
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);
  return drags;
}
