import { LEAD_STAGES } from '../enums.js';
import type { MapSnapshot } from '../schema.js';
import type { Finding, FunnelAnalysis, FunnelConversion, FunnelStep } from './types.js';
import { findingsOf, percent, stageLeads, stageName } from './words.js';

const finding = findingsOf('funnel');

/** `to` over `from`; null when a count is missing or there is nothing to convert from. */
export function conversionRate(from: number | null, to: number | null): number | null {
  if (from === null || to === null || from <= 0) return null;
  return to / from;
}

/**
 * The funnel: lead counts per stage and the conversion from each stage to the next. A count
 * that grows from one stage to the next is flagged, since leads cannot appear mid-funnel.
 */
export function analyzeFunnel(snapshot: MapSnapshot): FunnelAnalysis {
  const steps: FunnelStep[] = LEAD_STAGES.map((stage) => ({
    stage,
    label: stageName(snapshot, stage),
    leads: snapshot.stages[stage]?.leads ?? null,
  }));
  const conversions: FunnelConversion[] = [];
  for (let index = 0; index + 1 < steps.length; index++) {
    const from = steps[index] as FunnelStep;
    const to = steps[index + 1] as FunnelStep;
    conversions.push({
      from: from.stage,
      to: to.stage,
      rate: conversionRate(from.leads, to.leads),
      grows: from.leads !== null && to.leads !== null && to.leads > from.leads,
    });
  }
  const first = steps[0] as FunnelStep;
  const last = steps[steps.length - 1] as FunnelStep;
  const overall = conversionRate(first.leads, last.leads);
  const missingStages = steps.filter((step) => step.leads === null).map((step) => step.stage);

  const findings: Finding[] = [];
  for (const conversion of conversions) {
    if (!conversion.grows) continue;
    const from = steps.find((step) => step.stage === conversion.from) as FunnelStep;
    const to = steps.find((step) => step.stage === conversion.to) as FunnelStep;
    findings.push(
      finding('warning', {
        id: `funnel.growth.${conversion.from}.${conversion.to}`,
        stage: conversion.to,
        message: `More leads are counted at ${to.label} (${to.leads}) than at ${from.label} (${from.leads}); a funnel only narrows, so check the counts.`,
      }),
    );
  }
  if (missingStages.length === steps.length) {
    findings.push(
      finding('info', {
        id: 'funnel.no-counts',
        message: 'Add a lead count to each stage to see how many leads move from one stage to the next.',
      }),
    );
  } else if (missingStages.length > 0) {
    const names = missingStages.map((stage) => stageName(snapshot, stage)).join(', ');
    findings.push(
      finding('info', {
        id: 'funnel.missing-counts',
        message: `Add a lead count for ${names} to complete the funnel's conversion rates.`,
      }),
    );
  }
  if (findings.length === 0) {
    findings.push(
      finding('ok', {
        id: 'funnel.ok',
        message:
          overall === null
            ? 'Every stage has a lead count and the funnel narrows from stage to stage.'
            : `Every stage has a lead count; ${percent(overall)} of ${stageLeads(snapshot, first.stage)} become customers.`,
      }),
    );
  }
  return { steps, conversions, overall, missingStages, findings };
}
