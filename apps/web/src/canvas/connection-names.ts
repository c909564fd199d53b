import {
  CONNECTION_KIND_LABELS,
  type Connection,
  compareCodeUnits,
  type MapSnapshot,
  type Touchpoint,
} from '@baton/model';
import { indexCards } from './connection-lines';
import { readingRanks } from './flow-elements';

/** How a connection is announced: its kind and the titles of its cards, never ids. */
export function connectionName(
  connection: Pick<Connection, 'kind' | 'label'>,
  source: Pick<Touchpoint, 'title'>,
  target: Pick<Touchpoint, 'title'>,
): string {
  const label = connection.label ? `: ${connection.label}` : '';
  return `${CONNECTION_KIND_LABELS[connection.kind]} from ${source.title} to ${target.title}${label}`;
}

export interface NamedConnection {
  id: string;
  name: string;
}

interface Named extends NamedConnection {
  connection: Connection;
  source: Touchpoint;
  target: Touchpoint;
}

/**
 * The connections in the order the map reads: by where their source card comes (stage, lane,
 * position), then their target card. Connections to a missing card are left out, as on the canvas.
 *
 * Kept incremental, as the canvas is: sorted again only when a card moved or the connections
 * changed, a name made again only when its connection or one of its cards changed, and the same
 * list returned while every name is the same (a colleague's edit to a card's notes names nothing).
 */
export function createConnectionNamer() {
  const cards = { list: [] as readonly Touchpoint[], byId: new Map<string, Touchpoint>() };
  let sorted: {
    ranks: ReadonlyMap<string, number>;
    connections: readonly Connection[];
    list: Connection[];
  } | null = null;
  let named = new Map<string, Named>();
  let last: NamedConnection[] = [];
  return function name(snapshot: Pick<MapSnapshot, 'touchpoints' | 'connections'>): NamedConnection[] {
    const ranks = readingRanks(snapshot.touchpoints);
    const byId = indexCards(cards, snapshot.touchpoints);
    if (sorted?.ranks !== ranks || sorted.connections !== snapshot.connections) {
      const rank = (id: string) => ranks.get(id) ?? 0;
      const list = snapshot.connections
        .filter((connection) => byId.has(connection.source) && byId.has(connection.target))
        .sort(
          (a, b) =>
            rank(a.source) - rank(b.source) ||
            rank(a.target) - rank(b.target) ||
            compareCodeUnits(a.id, b.id),
        );
      sorted = { ranks, connections: snapshot.connections, list };
    }
    const next = new Map<string, Named>();
    let same = sorted.list.length === last.length;
    const result = sorted.list.map((connection, index) => {
      const source = byId.get(connection.source) as Touchpoint;
      const target = byId.get(connection.target) as Touchpoint;
      const known = named.get(connection.id);
      const entry =
        known && known.connection === connection && known.source === source && known.target === target
          ? known
          : {
              id: connection.id,
              name: connectionName(connection, source, target),
              connection,
              source,
              target,
            };
      next.set(connection.id, entry);
      const shown = last[index];
      if (shown?.id !== entry.id || shown.name !== entry.name) same = false;
      return entry;
    });
    named = next;
    if (!same) last = result;
    return last;
  };
}
