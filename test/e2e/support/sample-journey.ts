import { addConnection, addTouchpoint, type ConnectionKind, type TouchpointInput } from '@baton/model';
import type * as Y from 'yjs';

/** A small, realistic B2B journey: both teams, every stage, handoffs and a feedback loop. */
const TOUCHPOINTS: (TouchpointInput & { key: string })[] = [
  { key: 'ads', title: 'Sponsored LinkedIn posts', team: 'marketing', stage: 'cold', channel: 'social' },
  {
    key: 'guide',
    title: 'Pipeline playbook (gated guide)',
    team: 'marketing',
    stage: 'cold',
    channel: 'content',
  },
  { key: 'webinar', title: 'Webinar invitation', team: 'marketing', stage: 'warm', channel: 'event' },
  { key: 'nurture', title: 'Nurture email sequence', team: 'marketing', stage: 'warm', channel: 'email' },
  { key: 'followup', title: 'Personal follow-up email', team: 'sales', stage: 'warm', channel: 'email' },
  { key: 'discovery', title: 'Discovery call', team: 'sales', stage: 'qualified', channel: 'phone' },
  { key: 'proposal', title: 'Proposal and estimate', team: 'sales', stage: 'qualified', channel: 'meeting' },
  { key: 'newsletter', title: 'Customer newsletter', team: 'marketing', stage: 'customer', channel: 'email' },
  { key: 'onboarding', title: 'Onboarding check-in', team: 'sales', stage: 'customer', channel: 'meeting' },
  { key: 'referral', title: 'Referral request', team: 'sales', stage: 'customer', channel: 'referral' },
];

const CONNECTIONS: [string, string, ConnectionKind, string?][] = [
  ['ads', 'webinar', 'flow'],
  ['guide', 'nurture', 'flow'],
  ['webinar', 'discovery', 'handoff', 'Handoff: attended + ICP fit'],
  ['nurture', 'followup', 'handoff'],
  ['followup', 'discovery', 'flow'],
  ['discovery', 'proposal', 'flow'],
  ['proposal', 'onboarding', 'flow'],
  ['onboarding', 'referral', 'flow'],
  ['discovery', 'nurture', 'feedback', 'Feedback: objections'],
];

export function writeSampleJourney(doc: Y.Doc): void {
  doc.transact(() => {
    const ids = new Map<string, string>();
    for (const { key, ...touchpoint } of TOUCHPOINTS) ids.set(key, addTouchpoint(doc, touchpoint));
    for (const [from, to, kind, label] of CONNECTIONS) {
      const source = ids.get(from);
      const target = ids.get(to);
      if (source && target) addConnection(doc, { source, target, kind, label: label ?? '' });
    }
  });
}
