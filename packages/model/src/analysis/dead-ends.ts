import type { MapSnapshot } from '../schema.js';
import type { DeadEndAnalysis, Finding } from './types.js';
import { findingsOf, quoted, stageLeads } from './words.js';

const deadEnd = findingsOf('dead-end');
const orphan = findingsOf('orphan');

/**
 * Dead ends: touchpoints before `customer` with no way forward (no outgoing flow or handoff),
 * where the lead is left waiting. Orphans: touchpoints with no connection at all; an orphan is
 * reported once, as an orphan, not also as a dead end.
 */
export function analyzeDeadEnds(snapshot: MapSnapshot): DeadEndAnalysis {
  const connected = new Set<string>();
  const movesOn = new Set<string>();
  for (const connection of snapshot.connections) {
    connected.add(connection.source);
    connected.add(connection.target);
    if (connection.kind === 'flow' || connection.kind === 'handoff') movesOn.add(connection.source);
  }

  const findings: Finding[] = [];
  const deadEndIds: string[] = [];
  const orphanIds: string[] = [];
  for (const touchpoint of snapshot.touchpoints) {
    const cell = { stage: touchpoint.stage, team: touchpoint.team };
    if (!connected.has(touchpoint.id)) {
      orphanIds.push(touchpoint.id);
      findings.push(
        orphan('warning', {
          id: `orphan.${touchpoint.id}`,
          message: `${quoted(touchpoint)} is not connected to anything: link it into the journey or remove it.`,
          touchpointIds: [touchpoint.id],
          cell,
        }),
      );
    } else if (touchpoint.stage !== 'customer' && !movesOn.has(touchpoint.id)) {
      deadEndIds.push(touchpoint.id);
      findings.push(
        deadEnd('warning', {
          id: `dead-end.${touchpoint.id}`,
          message: `${quoted(touchpoint)} is a dead end: ${stageLeads(snapshot, touchpoint.stage, 'one')} has no next step from here.`,
          touchpointIds: [touchpoint.id],
          cell,
        }),
      );
    }
  }
  if (snapshot.touchpoints.length > 0 && findings.length === 0) {
    findings.push(
      deadEnd('ok', {
        id: 'dead-end.ok',
        message: 'Every touchpoint is connected, and every lead before the customer stage has a next step.',
      }),
    );
  }
  return { deadEndIds, orphanIds, findings };
}
