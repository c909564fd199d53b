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
  type WorkshopResult,
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

/** A workshop result as the server writes it when a workshop ends. */
export function workshopResult(fields: Partial<WorkshopResult> & Pick<WorkshopResult, 'id'>): WorkshopResult {
  return {
    title: 'Q3 handoff workshop',
    startedAt: '2026-11-20T09:00:00.000Z',
    endedAt: '2026-11-20T09:47:00.000Z',
    durationMs: 47 * 60_000,
    versionId: 'v1',
    versionName: 'Workshop: Q3 handoff workshop',
    participants: [
      {
        id: 'p1',
        name: 'Fran Okafor',
        team: 'marketing',
        role: 'facilitator',
        joinedAt: '2026-11-20T09:00:00.000Z',
      },
      {
        id: 'p2',
        name: 'Mia Larsen',
        team: 'marketing',
        role: 'participant',
        joinedAt: '2026-11-20T09:01:00.000Z',
      },
      {
        id: 'p3',
        name: 'Sam Ortiz',
        team: 'sales',
        role: 'participant',
        joinedAt: '2026-11-20T09:02:00.000Z',
      },
    ],
    phases: [
      {
        id: 'map-journey',
        title: 'Map the journey',
        goal: 'Every touchpoint on the map',
        minutes: 15,
        startedAt: '2026-11-20T09:00:00.000Z',
        endedAt: '2026-11-20T09:16:00.000Z',
        durationMs: 16 * 60_000,
      },
      {
        id: 'vote-gaps',
        title: 'Vote on the biggest gaps',
        goal: 'Dots on the weakest cards',
        minutes: 10,
        startedAt: '2026-11-20T09:16:00.000Z',
        endedAt: '2026-11-20T09:47:00.000Z',
        durationMs: 31 * 60_000,
      },
    ],
    ballots: [
      {
        id: 'b1',
        open: false,
        revealed: true,
        dotsPerPerson: 3,
        maxPerCard: 2,
        voters: 2,
        openedAt: '2026-11-20T09:20:00.000Z',
        revealedAt: '2026-11-20T09:30:00.000Z',
        totals: [
          { touchpoint: 'call', votes: 3 },
          { touchpoint: 'webinar', votes: 1 },
          { touchpoint: 'gone', votes: 1 },
        ],
        titles: { call: 'Discovery call', webinar: 'Webinar invite', gone: 'Cold calling list' },
      },
    ],
    signOffs: [
      {
        stage: 'warm',
        status: 'signed',
        marketing: { name: 'Mia Larsen', signedAt: '2026-11-20T09:10:00.000Z' },
        sales: { name: 'Sam Ortiz', signedAt: '2026-11-20T09:11:00.000Z' },
        changes: [],
      },
    ],
    decisions: [
      {
        id: 'd1',
        kind: 'action',
        text: 'Sales calls every webinar attendee within two days',
        owner: 'Sam Ortiz',
        due: '2026-12-18',
        link: { kind: 'touchpoint', id: 'webinar' },
        done: false,
        author: 'Sam Ortiz',
        createdAt: '2026-11-20T09:40:00.000Z',
      },
    ],
    ...fields,
  };
}

/** The sample map after a workshop: comment threads, decisions and action items, one result. */
export function workshopMap(): MapSnapshot {
  const result = workshopResult({ id: 'w1' });
  return {
    ...sampleMap(),
    workshop: {
      comments: [
        {
          id: 'k1',
          touchpoint: 'call',
          thread: 'k1',
          text: 'We need the webinar questions before this call.',
          author: 'Sam Ortiz',
          team: 'sales',
          createdAt: '2026-11-20T09:05:00.000Z',
          resolved: true,
          resolvedBy: 'Mia Larsen',
          resolvedAt: '2026-11-20T09:08:00.000Z',
        },
        {
          id: 'k2',
          touchpoint: 'call',
          thread: 'k1',
          text: 'I will send them the day before.',
          author: 'Mia Larsen',
          team: 'marketing',
          createdAt: '2026-11-20T09:06:00.000Z',
          resolved: false,
        },
        {
          id: 'k3',
          touchpoint: 'ads',
          thread: 'k3',
          text: 'Is the budget approved?',
          author: 'Fran Okafor',
          team: null,
          createdAt: '2026-11-20T09:07:00.000Z',
          resolved: false,
        },
      ],
      signOffs: [],
      decisions: [
        ...result.decisions,
        {
          id: 'd2',
          kind: 'decision',
          text: 'Marketing owns the webinar follow-up email',
          owner: '',
          due: null,
          link: { kind: 'finding', id: 'no-such-finding' },
          done: false,
          author: 'Fran Okafor',
          createdAt: '2026-11-20T09:41:00.000Z',
        },
      ],
      results: [result],
    },
  };
}
