import type { Connection, ConnectionKind, MapSnapshot, Touchpoint, TouchpointInput } from '@baton/model';

/** What Ctrl/Cmd+C keeps: the copied cards and the connections running between them. */
export interface CopiedCards {
  touchpoints: (TouchpointInput & { x: number; y: number })[];
  /** Indexes into `touchpoints`, so pasted connections join the pasted cards. */
  connections: {
    source: number;
    target: number;
    kind: ConnectionKind;
    label: string;
    rule: string;
    owner: string;
  }[];
}

const STORAGE_KEY = 'baton-clipboard';

/** Every field of a touchpoint a copy carries (not its id, nor its votes). */
function copiedFields(touchpoint: Touchpoint): TouchpointInput & { x: number; y: number } {
  const { id: _id, votes: _votes, ...fields } = touchpoint;
  return { ...fields, metrics: fields.metrics.map((metric) => ({ ...metric })) };
}

export function copyCards(snapshot: MapSnapshot, ids: readonly string[]): CopiedCards | null {
  const chosen = snapshot.touchpoints.filter((touchpoint) => ids.includes(touchpoint.id));
  if (chosen.length === 0) return null;
  const index = new Map(chosen.map((touchpoint, position) => [touchpoint.id, position]));
  const between = (connection: Connection) => index.has(connection.source) && index.has(connection.target);
  return {
    touchpoints: chosen.map(copiedFields),
    connections: snapshot.connections.filter(between).map((connection) => ({
      source: index.get(connection.source) as number,
      target: index.get(connection.target) as number,
      kind: connection.kind,
      label: connection.label,
      rule: connection.rule,
      owner: connection.owner,
    })),
  };
}

/** Kept in localStorage, so a copy can be pasted into another map or tab. */
export function storeCopy(copy: CopiedCards): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(copy));
  } catch {
    // Storage full or blocked: the copy is simply not kept.
  }
}

export function loadCopy(): CopiedCards | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as CopiedCards;
    return Array.isArray(parsed.touchpoints) && Array.isArray(parsed.connections) ? parsed : null;
  } catch {
    return null;
  }
}
