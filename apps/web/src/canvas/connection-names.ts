import { CONNECTION_KIND_LABELS, type Connection, type MapSnapshot, type Touchpoint } from '@baton/model';
import { inReadingOrder } from './flow-elements';

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

/**
 * The connections in the order the map reads: by where their source card comes (stage, lane,
 * position), then their target card. Connections to a missing card are left out, as on the canvas.
 */
export function connectionsInReadingOrder(
  snapshot: Pick<MapSnapshot, 'touchpoints' | 'connections'>,
): NamedConnection[] {
  const ordered = inReadingOrder(snapshot.touchpoints);
  const rank = new Map(ordered.map((touchpoint, index) => [touchpoint.id, index]));
  const byId = new Map(ordered.map((touchpoint) => [touchpoint.id, touchpoint]));
  return snapshot.connections
    .flatMap((connection) => {
      const source = byId.get(connection.source);
      const target = byId.get(connection.target);
      if (!source || !target) return [];
      const order = [rank.get(source.id) ?? 0, rank.get(target.id) ?? 0] as const;
      return [{ id: connection.id, name: connectionName(connection, source, target), order }];
    })
    .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.id.localeCompare(b.id))
    .map(({ id, name }) => ({ id, name }));
}
