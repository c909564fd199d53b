import {
  type Connection,
  defaultReach,
  LEAD_STAGES,
  type LeadStage,
  type MapSnapshot,
  SCHEMA_VERSION,
  STAGE_DEFAULTS,
  type Stage,
  type Touchpoint,
} from '@baton/model';

export function defaultStages(leads: Partial<Record<LeadStage, number>> = {}): Record<LeadStage, Stage> {
  const stages = {} as Record<LeadStage, Stage>;
  for (const stage of LEAD_STAGES)
    stages[stage] = { stage, ...STAGE_DEFAULTS[stage], leads: leads[stage] ?? null };
  return stages;
}

export function touchpoint(fields: Partial<Touchpoint> & Pick<Touchpoint, 'id' | 'title'>): Touchpoint {
  const team = fields.team ?? 'marketing';
  return {
    team,
    stage: 'cold',
    channel: 'other',
    reach: defaultReach(team),
    description: '',
    owner: '',
    x: 16,
    y: 16,
    metrics: [],
    votes: 0,
    ...fields,
  };
}

export function connection(
  fields: Partial<Connection> & Pick<Connection, 'id' | 'source' | 'target'>,
): Connection {
  return { kind: 'flow', label: '', rule: '', owner: '', ...fields };
}

/** A small but complete map: both teams, every stage, all three connection kinds. */
export function sampleMap(): MapSnapshot {
  return {
    meta: {
      title: 'Q3 launch <EMEA> & "friends"',
      schemaVersion: SCHEMA_VERSION,
      createdAt: '2025-01-02T03:04:05.000Z',
    },
    stages: defaultStages({ cold: 12000, warm: 1800, qualified: 240, customer: 60 }),
    touchpoints: [
      touchpoint({
        id: 'ads',
        title: 'Sponsored LinkedIn posts for the spring campaign targeting operations leaders',
        channel: 'social',
        owner: 'Maya',
        metrics: [
          { kind: 'reach', target: 10000, actual: 8200 },
          { kind: 'leads', target: 500, actual: null },
        ],
        votes: 3,
      }),
      touchpoint({ id: 'mailer', title: 'Direct mailer', channel: 'direct-mail', x: 16, y: 116 }),
      touchpoint({ id: 'webinar', title: 'Webinar invite', stage: 'warm', channel: 'event' }),
      touchpoint({
        id: 'call',
        title: 'Discovery call',
        team: 'sales',
        stage: 'qualified',
        channel: 'phone',
        owner: 'Sam',
        metrics: [{ kind: 'conversion-rate', target: 0.3, actual: 0.25 }],
      }),
      touchpoint({
        id: 'upsell',
        title: 'Upsell review',
        team: 'sales',
        stage: 'customer',
        channel: 'meeting',
      }),
    ],
    connections: [
      connection({ id: 'c1', source: 'ads', target: 'webinar', label: 'clicks through' }),
      connection({
        id: 'c2',
        source: 'webinar',
        target: 'call',
        kind: 'handoff',
        rule: 'Attended and asked for pricing',
        owner: 'Sam',
      }),
      connection({ id: 'c3', source: 'call', target: 'ads', kind: 'feedback', label: 'objections' }),
      connection({ id: 'c4', source: 'call', target: 'upsell' }),
    ],
    notes: [{ id: 'n1', text: 'Check budget with finance', x: 900, y: 700, author: 'Maya', color: 'yellow' }],
  };
}

/** A map of `count` touchpoints spread over every cell, chained by connections. */
export function largeMap(count: number): MapSnapshot {
  const touchpoints: Touchpoint[] = [];
  const connections: Connection[] = [];
  for (let index = 0; index < count; index++) {
    const stage = LEAD_STAGES[index % LEAD_STAGES.length] as LeadStage;
    const team = index % 8 < 4 ? 'marketing' : 'sales';
    touchpoints.push(
      touchpoint({
        id: `t${index}`,
        title: `Touchpoint ${index}: ${'★'.repeat(index % 3)} a fairly long title that needs to wrap`,
        team,
        stage,
        channel: 'email',
        x: (index * 7) % 120,
        y: (index * 13) % 336,
        metrics: [{ kind: team === 'marketing' ? 'reach' : 'revenue', target: index, actual: index / 2 }],
      }),
    );
    if (index > 0) {
      connections.push(
        connection({
          id: `c${index}`,
          source: `t${index - 1}`,
          target: `t${index}`,
          kind: index % 10 === 0 ? 'handoff' : 'flow',
        }),
      );
    }
  }
  return {
    meta: { title: 'Large map', schemaVersion: SCHEMA_VERSION, createdAt: '2025-01-01T00:00:00.000Z' },
    stages: defaultStages(),
    touchpoints,
    connections,
    notes: [],
  };
}
