import { type Finding, LEAD_STAGES, type MapSnapshot, TEAMS } from '@baton/model';
import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
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

/**
 * Clicking a finding: its touchpoints (and connections) become the selection and the view
 * moves to frame them; a gap with no card frames the empty cell instead.
 */
export function useFraming(snapshot: MapSnapshot, select: (selection: Selection) => void) {
  const { fitView } = useReactFlow();
  const frame = useCallback(
    (ids: string[]) => {
      void fitView({ nodes: ids.map((id) => ({ id })), duration: 450, padding: 0.35, maxZoom: 1.2 });
    },
    [fitView],
  );

  const focusFinding = useCallback(
    (finding: Finding) => {
      const cards = cardsOf(finding, snapshot);
      select({ touchpoints: finding.touchpointIds.length ? cards : [], connections: finding.connectionIds });
      frame(cards.length ? cards : cellsOf(finding));
    },
    [snapshot, select, frame],
  );

  const focusTouchpoint = useCallback(
    (id: string) => {
      select({ touchpoints: [id], connections: [] });
      frame([id]);
    },
    [select, frame],
  );

  return { focusFinding, focusTouchpoint };
}
