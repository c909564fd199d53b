import { defaultReach, LEAD_STAGES, type LeadStage, STAGE_DEFAULTS, type Team } from '../enums.js';
import {
  type Connection,
  type MapSnapshot,
  type Metric,
  SCHEMA_VERSION,
  type Touchpoint,
} from '../schema.js';

/** Just enough to describe a touchpoint in a test; the rest takes the schema's defaults. */
export interface SketchedTouchpoint {
  id: string;
  team: Team;
  stage: LeadStage;
  title?: string;
  metrics?: Metric[];
}

export interface SketchedConnection {
  id: string;
  source: string;
  target: string;
  kind?: Connection['kind'];
  rule?: string;
  owner?: string;
}

export interface MapSketch {
  touchpoints?: SketchedTouchpoint[];
  connections?: SketchedConnection[];
  leads?: Partial<Record<LeadStage, number | null>>;
  labels?: Partial<Record<LeadStage, string>>;
}

/** A plain, valid snapshot built by hand: what the analysis unit tests start from. */
export function handBuiltMap(sketch: MapSketch = {}): MapSnapshot {
  const stages = {} as MapSnapshot['stages'];
  for (const stage of LEAD_STAGES) {
    stages[stage] = {
      stage,
      label: sketch.labels?.[stage] ?? STAGE_DEFAULTS[stage].label,
      description: STAGE_DEFAULTS[stage].description,
      leads: sketch.leads?.[stage] ?? null,
    };
  }
  const touchpoints: Touchpoint[] = (sketch.touchpoints ?? []).map((touchpoint) => ({
    id: touchpoint.id,
    title: touchpoint.title ?? touchpoint.id,
    team: touchpoint.team,
    stage: touchpoint.stage,
    channel: 'other',
    reach: defaultReach(touchpoint.team),
    description: '',
    owner: '',
    x: 0,
    y: 0,
    metrics: touchpoint.metrics ?? [],
    votes: 0,
  }));
  const connections: Connection[] = (sketch.connections ?? []).map((connection) => ({
    id: connection.id,
    source: connection.source,
    target: connection.target,
    kind: connection.kind ?? 'flow',
    label: '',
    rule: connection.rule ?? '',
    owner: connection.owner ?? '',
  }));
  return {
    meta: {
      title: 'Hand-built journey',
      schemaVersion: SCHEMA_VERSION,
      createdAt: '2024-01-01T00:00:00.000Z',
    },
    stages,
    touchpoints,
    connections,
    notes: [],
  };
}

/**
 * The smallest journey that passes every check: an ad, a nurture email handed off to a
 * discovery call, onboarding, and the call's feedback to the email's authors.
 */
export function relayMap(): MapSketch {
  return {
    touchpoints: [
      { id: 'ad', team: 'marketing', stage: 'cold', title: 'Sponsored post' },
      { id: 'email', team: 'marketing', stage: 'warm', title: 'Nurture email' },
      { id: 'call', team: 'sales', stage: 'qualified', title: 'Discovery call' },
      { id: 'onboarding', team: 'sales', stage: 'customer', title: 'Onboarding' },
    ],
    connections: [
      { id: 'ad-email', source: 'ad', target: 'email' },
      {
        id: 'email-call',
        source: 'email',
        target: 'call',
        kind: 'handoff',
        rule: 'Opened three emails and booked a call',
        owner: 'Dana',
      },
      { id: 'call-onboarding', source: 'call', target: 'onboarding' },
      { id: 'call-email', source: 'call', target: 'email', kind: 'feedback' },
    ],
    leads: { cold: 1000, warm: 200, qualified: 50, customer: 10 },
  };
}
