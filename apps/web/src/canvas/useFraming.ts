import { type Finding, LEAD_STAGES, type MapSnapshot, TEAMS } from '@baton/model';
import { useReactFlow } from '@xyflow/react';
import { useCallback, useState } from 'react';
import type { Selection } from './selection';

/** The cards a finding is about: its touchpoints, else the ends of its connections. */
function cardsOf(finding: Finding, snapshot: MapSnapshot): string[] {
  if (finding.touchpointIds.length) return finding.touchpointIds;
  const ends = snapshot.connections
    .filter((connection) => finding.connectionIds.includes(connection.id))
    .flatMap((connection) => [connection.source, connection.target]);
  return [...new Set(ends)];
}

/** The grid cells a finding points at when it has no cards: a cell, or a whole stage column. */
function cellsOf(finding: Finding): string[] {
  if (finding.cell) return [`cell:${finding.cell.stage}:${finding.cell.team}`];
  if (finding.stage) return TEAMS.map((team) => `cell:${finding.stage}:${team}`);
  return LEAD_STAGES.flatMap((stage) => TEAMS.map((team) => `cell:${stage}:${team}`));
}

/** What the analysis framed last, while the selection is still the one it made. */
export interface Framing {
  findingId: string | null;
  selection: Selection;
}

/**
 * Clicking a finding: its touchpoints (and connections) become the selection and the view
 * moves to frame them, never closer than a card's actual size (so one card is not blown up);
 * a gap with no card frames the empty cell instead. While that selection stands, `framing`
 * says so, and the analysis stays open beside it (with Previous / Next) instead of an editor.
 */
export function useFraming(
  snapshot: MapSnapshot,
  select: (selection: Selection) => void,
  selection: Selection,
) {
  const { fitView } = useReactFlow();
  const [framed, setFramed] = useState<Framing | null>(null);
  const frame = useCallback(
    (ids: string[]) => {
      void fitView({ nodes: ids.map((id) => ({ id })), duration: 450, padding: 0.35, maxZoom: 1 });
    },
    [fitView],
  );

  const focusFinding = useCallback(
    (finding: Finding) => {
      const cards = cardsOf(finding, snapshot);
      const next = {
        touchpoints: finding.touchpointIds.length ? cards : [],
        connections: finding.connectionIds,
      };
      select(next);
      setFramed({ findingId: finding.id, selection: next });
      frame(cards.length ? cards : cellsOf(finding));
    },
    [snapshot, select, frame],
  );

  const focusTouchpoint = useCallback(
    (id: string) => {
      const next = { touchpoints: [id], connections: [] };
      select(next);
      setFramed({ findingId: null, selection: next });
      frame([id]);
    },
    [select, frame],
  );

  const stopFraming = useCallback(() => setFramed(null), []);
  const framing = framed && framed.selection === selection ? framed : null;
  return { focusFinding, focusTouchpoint, framing, stopFraming };
}
