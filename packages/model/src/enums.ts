import { z } from 'zod';

/** Who owns a touchpoint. Marketing runs the first legs of the relay, sales the last. */
export const TEAMS = ['marketing', 'sales'] as const;
export const TeamSchema = z.enum(TEAMS);
export type Team = z.infer<typeof TeamSchema>;

/** The lead stages, in journey order. */
export const LEAD_STAGES = ['cold', 'warm', 'qualified', 'customer'] as const;
export const LeadStageSchema = z.enum(LEAD_STAGES);
export type LeadStage = z.infer<typeof LeadStageSchema>;

export const CHANNELS = [
  'email',
  'social',
  'ads',
  'content',
  'web',
  'event',
  'direct-mail',
  'phone',
  'meeting',
  'chat',
  'referral',
  'other',
] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

export const REACHES = ['one-to-many', 'one-to-one'] as const;
export const ReachSchema = z.enum(REACHES);
export type Reach = z.infer<typeof ReachSchema>;

export const CONNECTION_KINDS = ['flow', 'handoff', 'feedback'] as const;
export const ConnectionKindSchema = z.enum(CONNECTION_KINDS);
export type ConnectionKind = z.infer<typeof ConnectionKindSchema>;

export const MARKETING_METRIC_KINDS = ['reach', 'engagement', 'leads', 'traffic', 'brand-recall'] as const;
export const SALES_METRIC_KINDS = [
  'conversion-rate',
  'deal-size',
  'revenue',
  'deals-closed',
  'quota',
] as const;
export const METRIC_KINDS = [...MARKETING_METRIC_KINDS, ...SALES_METRIC_KINDS] as const;
export const MetricKindSchema = z.enum(METRIC_KINDS);
export type MetricKind = z.infer<typeof MetricKindSchema>;

/** Marketing speaks one-to-many, sales one-to-one; a touchpoint's reach starts from its team. */
export function defaultReach(team: Team): Reach {
  return team === 'marketing' ? 'one-to-many' : 'one-to-one';
}

export function metricKindsFor(team: Team): readonly MetricKind[] {
  return team === 'marketing' ? MARKETING_METRIC_KINDS : SALES_METRIC_KINDS;
}

export const TEAM_LABELS: Record<Team, string> = { marketing: 'Marketing', sales: 'Sales' };

export const STAGE_DEFAULTS: Record<LeadStage, { label: string; description: string }> = {
  cold: { label: 'Cold', description: 'Does not know the brand yet; no intent to buy.' },
  warm: {
    label: 'Warm',
    description: 'Has heard of the business, is somewhat interested, may have reached out.',
  },
  qualified: {
    label: 'Qualified',
    description: 'Knows what they want and is ready to buy; needs convincing.',
  },
  customer: {
    label: 'Customer',
    description: 'Has bought; the aim is retention, satisfaction and buying more.',
  },
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  email: 'Email',
  social: 'Social',
  ads: 'Ads',
  content: 'Content',
  web: 'Web',
  event: 'Event',
  'direct-mail': 'Direct mail',
  phone: 'Phone',
  meeting: 'Meeting',
  chat: 'Chat',
  referral: 'Referral',
  other: 'Other',
};

export const CONNECTION_KIND_LABELS: Record<ConnectionKind, string> = {
  flow: 'Flow',
  handoff: 'Handoff',
  feedback: 'Feedback',
};
