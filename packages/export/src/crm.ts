import type { LeadStage } from '@baton/model';

/**
 * How Baton's lead stages line up with CRM lifecycle stages (HubSpot's names).
 * `lifecycle` is what a person reads; `hubspot` is the one internal value of HubSpot's
 * `lifecyclestage` property to import, the earlier of the two where a stage spans two.
 */
export interface CrmLifecycleStage {
  lifecycle: string;
  hubspot: string;
}

export const CRM_LIFECYCLE_STAGES: Record<LeadStage, CrmLifecycleStage> = {
  cold: { lifecycle: 'subscriber / lead', hubspot: 'subscriber' },
  warm: { lifecycle: 'marketing qualified lead', hubspot: 'marketingqualifiedlead' },
  qualified: { lifecycle: 'sales qualified lead / opportunity', hubspot: 'salesqualifiedlead' },
  customer: { lifecycle: 'customer', hubspot: 'customer' },
};
