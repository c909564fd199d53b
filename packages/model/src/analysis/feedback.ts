import type { MapSnapshot } from '../schema.js';
import type { FeedbackAnalysis, Finding } from './types.js';
import { findingsOf, quoted, touchpointIndex } from './words.js';

const finding = findingsOf('feedback');

/** The feedback loop: at least one `feedback` connection from a sales touchpoint to a marketing one. */
export function analyzeFeedback(snapshot: MapSnapshot): FeedbackAnalysis {
  const touchpoints = touchpointIndex(snapshot);
  const loopIds: string[] = [];
  const misdirectedIds: string[] = [];
  const findings: Finding[] = [];

  for (const connection of snapshot.connections) {
    if (connection.kind !== 'feedback') continue;
    const source = touchpoints.get(connection.source);
    const target = touchpoints.get(connection.target);
    if (!source || !target) continue;
    if (source.team === 'sales' && target.team === 'marketing') {
      loopIds.push(connection.id);
      continue;
    }
    misdirectedIds.push(connection.id);
    findings.push(
      finding('warning', {
        id: `feedback.wrong-direction.${connection.id}`,
        message: `The feedback from ${quoted(source)} to ${quoted(target)} does not go from sales back to marketing, so it does not close the loop.`,
        touchpointIds: [source.id, target.id],
        connectionIds: [connection.id],
      }),
    );
  }

  if (loopIds.length === 0) {
    findings.unshift(
      finding('problem', {
        id: 'feedback.missing',
        message:
          'Sales never tells marketing about lead quality and objections: add a feedback connection from a sales touchpoint to a marketing one.',
      }),
    );
  } else {
    findings.push(
      finding('ok', {
        id: 'feedback.ok',
        message:
          loopIds.length === 1
            ? 'Sales feeds lead quality and objections back to marketing.'
            : `Sales feeds lead quality and objections back to marketing through ${loopIds.length} connections.`,
        connectionIds: loopIds,
      }),
    );
  }
  return { loopIds, misdirectedIds, hasLoop: loopIds.length > 0, findings };
}
