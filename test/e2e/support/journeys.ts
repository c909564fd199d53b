import {
  addConnection,
  addTouchpoint,
  type ConnectionInput,
  type TouchpointInput,
  updateStage,
} from '@baton/model';
import type * as Y from 'yjs';

export type JourneySketch = {
  touchpoints: (TouchpointInput & { key: string })[];
  connections: (Omit<ConnectionInput, 'source' | 'target'> & { from: string; to: string })[];
};

/**
 * A relay that is complete except for one gap: nobody in sales talks to qualified leads (only a
 * marketing discount sits there). Handoffs carry owners and rules, sales reports back to marketing.
 */
export const QUALIFIED_SALES_GAP: JourneySketch = {
  touchpoints: [
    { key: 'ads', title: 'Digital ads', team: 'marketing', stage: 'cold', channel: 'ads' },
    { key: 'nurture', title: 'Nurture emails', team: 'marketing', stage: 'warm', channel: 'email' },
    { key: 'letter', title: 'Sales letter', team: 'sales', stage: 'warm', channel: 'direct-mail' },
    {
      key: 'discount',
      title: 'Limited-time discount',
      team: 'marketing',
      stage: 'qualified',
      channel: 'email',
    },
    { key: 'onboarding', title: 'Onboarding call', team: 'sales', stage: 'customer', channel: 'phone' },
  ],
  connections: [
    { from: 'ads', to: 'nurture', kind: 'flow' },
    {
      from: 'nurture',
      to: 'letter',
      kind: 'handoff',
      owner: 'Marketing ops',
      rule: 'Opened three emails and fits the ideal customer',
    },
    { from: 'letter', to: 'discount', kind: 'flow' },
    { from: 'discount', to: 'onboarding', kind: 'flow' },
    { from: 'letter', to: 'nurture', kind: 'feedback', label: 'Objections heard' },
  ],
};

/** Two plain cards to edit, drag and undo: one per lane. */
export const TWO_CARDS: JourneySketch = {
  touchpoints: [
    { key: 'webinar', title: 'Webinar invitation', team: 'marketing', stage: 'warm', channel: 'event' },
    { key: 'demo', title: 'Product demo', team: 'sales', stage: 'qualified', channel: 'meeting' },
  ],
  connections: [{ from: 'webinar', to: 'demo', kind: 'handoff' }],
};

/** Three marketing cards dropped on the same spot of the Cold cell, one sales card elsewhere. */
export const STACKED_CARDS: JourneySketch = {
  touchpoints: [
    { key: 'ads', title: 'Search ads', team: 'marketing', stage: 'cold', channel: 'ads', x: 40, y: 40 },
    {
      key: 'posts',
      title: 'Sponsored posts',
      team: 'marketing',
      stage: 'cold',
      channel: 'social',
      x: 40,
      y: 40,
    },
    {
      key: 'report',
      title: 'Industry report',
      team: 'marketing',
      stage: 'cold',
      channel: 'content',
      x: 40,
      y: 40,
    },
    { key: 'call', title: 'Discovery call', team: 'sales', stage: 'qualified', channel: 'phone' },
  ],
  connections: [],
};

/** Writes a sketch through the model, as any client would; returns the ids by key. */
export function writeJourney(doc: Y.Doc, sketch: JourneySketch, leads?: number[]): Map<string, string> {
  const ids = new Map<string, string>();
  doc.transact(() => {
    for (const { key, ...touchpoint } of sketch.touchpoints) ids.set(key, addTouchpoint(doc, touchpoint));
    for (const { from, to, ...fields } of sketch.connections) {
      const source = ids.get(from);
      const target = ids.get(to);
      if (source && target) addConnection(doc, { source, target, ...fields });
    }
    const stages = ['cold', 'warm', 'qualified', 'customer'] as const;
    leads?.forEach((count, index) => {
      const stage = stages[index];
      if (stage) updateStage(doc, stage, { leads: count });
    });
  });
  return ids;
}
