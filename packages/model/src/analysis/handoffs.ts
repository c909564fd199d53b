import type { MapSnapshot } from '../schema.js';
import type { Finding, HandoffAnalysis, HandoffReview } from './types.js';
import { findingsOf, quoted, touchpointIndex } from './words.js';

const finding = findingsOf('handoff');

/**
 * The lead handoff: at least one `handoff` from a marketing touchpoint to a sales touchpoint,
 * each with an owner and a qualifying rule ("what makes a lead sales-ready"). A handoff whose
 * ends are not marketing → sales is flagged.
 */
export function analyzeHandoffs(snapshot: MapSnapshot): HandoffAnalysis {
  const touchpoints = touchpointIndex(snapshot);
  const handoffs: HandoffReview[] = [];
  const findings: Finding[] = [];

  for (const connection of snapshot.connections) {
    if (connection.kind !== 'handoff') continue;
    const source = touchpoints.get(connection.source);
    const target = touchpoints.get(connection.target);
    if (!source || !target) continue;
    const review: HandoffReview = {
      connectionId: connection.id,
      sourceId: source.id,
      targetId: target.id,
      sourceTeam: source.team,
      targetTeam: target.team,
      marketingToSales: source.team === 'marketing' && target.team === 'sales',
      hasOwner: connection.owner.trim() !== '',
      hasRule: connection.rule.trim() !== '',
    };
    handoffs.push(review);
    const ends = { touchpointIds: [source.id, target.id], connectionIds: [connection.id] };
    const name = `The handoff from ${quoted(source)} to ${quoted(target)}`;
    if (!review.marketingToSales) {
      findings.push(
        finding('warning', {
          id: `handoff.wrong-direction.${connection.id}`,
          message: `${name} does not pass the lead from marketing to sales; make it a flow or a feedback connection, or move its ends.`,
          ...ends,
        }),
      );
    }
    if (!review.hasRule) {
      findings.push(
        finding('warning', {
          id: `handoff.no-rule.${connection.id}`,
          message: `${name} has no qualifying rule: say what makes a lead sales-ready.`,
          ...ends,
        }),
      );
    }
    if (!review.hasOwner) {
      findings.push(
        finding('warning', {
          id: `handoff.no-owner.${connection.id}`,
          message: `${name} has no owner: name who makes sure the lead is passed on.`,
          ...ends,
        }),
      );
    }
  }

  const hasMarketingToSales = handoffs.some((review) => review.marketingToSales);
  if (!hasMarketingToSales) {
    findings.unshift(
      finding('problem', {
        id: 'handoff.missing',
        message:
          'No handoff passes leads from marketing to sales: connect a marketing touchpoint to a sales touchpoint with a handoff.',
      }),
    );
  } else if (findings.length === 0) {
    const count = handoffs.length;
    findings.push(
      finding('ok', {
        id: 'handoff.ok',
        message: `${count === 1 ? 'The handoff passes' : count === 2 ? 'Both handoffs pass' : `All ${count} handoffs pass`} the lead from marketing to sales with an owner and a qualifying rule.`,
        connectionIds: handoffs.map((review) => review.connectionId),
      }),
    );
  }
  return { handoffs, hasMarketingToSales, findings };
}
