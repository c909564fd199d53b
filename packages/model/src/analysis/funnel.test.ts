import { describe, expect, it } from 'vitest';
import { analyzeFunnel, conversionRate } from './funnel.js';
import { handBuiltMap, relayMap } from './hand-built.js';

describe('funnel', () => {
  it('computes stage-to-stage conversion from the lead counts', () => {
    const funnel = analyzeFunnel(handBuiltMap(relayMap()));
    expect(funnel.steps.map((step) => [step.stage, step.leads])).toEqual([
      ['cold', 1000],
      ['warm', 200],
      ['qualified', 50],
      ['customer', 10],
    ]);
    expect(funnel.conversions).toEqual([
      { from: 'cold', to: 'warm', rate: 0.2, grows: false },
      { from: 'warm', to: 'qualified', rate: 0.25, grows: false },
      { from: 'qualified', to: 'customer', rate: 0.2, grows: false },
    ]);
    expect(funnel.overall).toBe(0.01);
    expect(funnel.missingStages).toEqual([]);
    expect(funnel.findings).toMatchObject([{ id: 'funnel.ok', severity: 'ok' }]);
    expect(funnel.findings[0]?.message).toContain('1% of cold leads become customers');
  });

  it('gives no conversion where a count is missing or zero', () => {
    expect(conversionRate(null, 5)).toBeNull();
    expect(conversionRate(5, null)).toBeNull();
    expect(conversionRate(0, 0)).toBeNull();
    expect(conversionRate(4, 0)).toBe(0);
    const funnel = analyzeFunnel(handBuiltMap({ leads: { cold: 0, warm: 0, qualified: 12 } }));
    expect(funnel.conversions.map((conversion) => conversion.rate)).toEqual([null, null, null]);
    expect(funnel.overall).toBeNull();
    expect(funnel.missingStages).toEqual(['customer']);
    expect(funnel.findings.map((finding) => [finding.id, finding.severity])).toEqual([
      ['funnel.growth.warm.qualified', 'warning'],
      ['funnel.missing-counts', 'info'],
    ]);
  });

  it('flags a count that grows from one stage to the next', () => {
    const funnel = analyzeFunnel(
      handBuiltMap({
        leads: { cold: 300, warm: 500, qualified: 40, customer: 10 },
        labels: { warm: 'Engaged' },
      }),
    );
    expect(funnel.conversions[0]).toEqual({ from: 'cold', to: 'warm', rate: 500 / 300, grows: true });
    expect(funnel.findings).toMatchObject([
      { id: 'funnel.growth.cold.warm', severity: 'warning', stage: 'warm' },
    ]);
    expect(funnel.findings[0]?.message).toBe(
      'More leads are counted at Engaged (500) than at Cold (300); a funnel only narrows, so check the counts.',
    );
  });

  it('asks for counts when no stage has one', () => {
    const funnel = analyzeFunnel(handBuiltMap());
    expect(funnel.missingStages).toHaveLength(4);
    expect(funnel.findings).toMatchObject([{ id: 'funnel.no-counts', severity: 'info' }]);
  });
});
