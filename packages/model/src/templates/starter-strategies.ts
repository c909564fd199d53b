import type { LeadStage } from '../enums.js';
import type { StarterStrategy } from './types.js';

/** The palette: proven strategies for each lead stage, ready to drag onto the canvas. */
export const STARTER_STRATEGIES: Record<LeadStage, StarterStrategy[]> = {
  cold: [
    {
      title: 'Direct mailer',
      team: 'marketing',
      channel: 'direct-mail',
      description: 'A printed piece posted to a chosen list of people who do not know the brand yet.',
    },
    {
      title: 'Digital ads',
      team: 'marketing',
      channel: 'ads',
      description: 'Search or display ads that put the brand in front of a broad audience.',
    },
    {
      title: 'Sponsored social post',
      team: 'marketing',
      channel: 'social',
      description: 'A promoted post aimed at the audience most likely to need the offer.',
    },
    {
      title: 'Content',
      team: 'marketing',
      channel: 'content',
      description: 'Articles, videos or guides that answer the audience’s questions and build trust.',
    },
    {
      title: 'Market research',
      team: 'marketing',
      channel: 'other',
      description: 'Finding the likely audiences, their needs and where to reach them.',
    },
    {
      title: 'Cold call',
      team: 'sales',
      channel: 'phone',
      description: 'A first one-to-one call to a researched prospect who fits the ideal customer.',
    },
  ],
  warm: [
    {
      title: 'Personal follow-up email',
      team: 'marketing',
      channel: 'email',
      description: 'A note from a named person after a download, a visit or a question.',
    },
    {
      title: 'Sales letter',
      team: 'sales',
      channel: 'direct-mail',
      description: 'A letter that names the lead’s problem and the next step to solve it.',
    },
    {
      title: 'Seminar or training invitation',
      team: 'marketing',
      channel: 'event',
      description: 'An invitation to a free seminar or training session that shows expertise.',
    },
    {
      title: 'Nurturing email sequence',
      team: 'marketing',
      channel: 'email',
      description: 'A series of emails over weeks that keeps the brand in mind until the lead is ready.',
    },
  ],
  qualified: [
    {
      title: 'One-on-one call',
      team: 'sales',
      channel: 'phone',
      description: 'A call about the lead’s needs, budget and timing, and their objections.',
    },
    {
      title: 'In-person meeting',
      team: 'sales',
      channel: 'meeting',
      description: 'A meeting with the people who decide, to build trust and agree next steps.',
    },
    {
      title: 'Limited-time discount',
      team: 'sales',
      channel: 'email',
      description: 'An offer with a deadline that gives a ready lead a reason to decide now.',
    },
    {
      title: 'Proposal, contract or estimate',
      team: 'sales',
      channel: 'email',
      description: 'A written offer with scope, price and terms, ready to sign.',
    },
    {
      title: 'Abandoned cart email',
      team: 'sales',
      channel: 'email',
      description: 'A reminder to a shopper who left items in the cart, with help to finish the order.',
    },
  ],
  customer: [
    {
      title: 'Follow-up',
      team: 'sales',
      channel: 'email',
      description: 'A check after the purchase that everything arrived and works as promised.',
    },
    {
      title: 'Support',
      team: 'sales',
      channel: 'chat',
      description: 'Quick answers and fixes that keep the customer satisfied.',
    },
    {
      title: 'Upsell',
      team: 'sales',
      channel: 'meeting',
      description: 'An offer of more, or better, based on what the customer already uses.',
    },
    {
      title: 'Referral request',
      team: 'marketing',
      channel: 'referral',
      description: 'Asking a happy customer to introduce a friend or a peer, with a reward for both.',
    },
  ],
};
