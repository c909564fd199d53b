import { describe, expect, it } from 'vitest';
import { analyzeCoverage } from './coverage.js';
import { handBuiltMap, relayMap } from './hand-built.js';

describe('coverage', () => {
  it('counts touchpoints per team and stage and finds no gap in a complete relay', () => {
    const coverage = analyzeCoverage(handBuiltMap(relayMap()));
    expect(coverage.matrix).toEqual({
      cold: { marketing: 1, sales: 0 },
      warm: { marketing: 1, sales: 0 },
      qualified: { marketing: 0, sales: 1 },
      customer: { marketing: 0, sales: 1 },
    });
    expect(coverage.cells).toHaveLength(8);
    expect(coverage.cells.find((cell) => cell.stage === 'warm' && cell.team === 'marketing')).toMatchObject({
      count: 1,
      touchpointIds: ['email'],
      gap: false,
    });
    expect(coverage.gaps).toEqual([]);
    expect(coverage.findings.map((finding) => [finding.id, finding.severity])).toEqual([
      ['coverage.ok', 'ok'],
    ]);
  });

  it('reports a stage with no touchpoint at all and highlights both of its cells', () => {
    const sketch = relayMap();
    sketch.touchpoints = sketch.touchpoints?.filter((touchpoint) => touchpoint.stage !== 'warm');
    const coverage = analyzeCoverage(handBuiltMap({ ...sketch, labels: { warm: 'Interested' } }));
    expect(coverage.gaps).toEqual([{ stage: 'warm', team: null, findingId: 'coverage.empty-stage.warm' }]);
    expect(coverage.cells.filter((cell) => cell.gap).map((cell) => `${cell.stage}.${cell.team}`)).toEqual([
      'warm.marketing',
      'warm.sales',
    ]);
    const [finding] = coverage.findings;
    expect(finding).toMatchObject({ id: 'coverage.empty-stage.warm', severity: 'problem', stage: 'warm' });
    expect(finding?.message).toContain('Interested');
  });

  it('reports cold leads with no marketing touchpoint, even when sales calls them', () => {
    const coverage = analyzeCoverage(
      handBuiltMap({
        touchpoints: [
          { id: 'cold-call', team: 'sales', stage: 'cold' },
          { id: 'email', team: 'marketing', stage: 'warm' },
          { id: 'call', team: 'sales', stage: 'qualified' },
          { id: 'onboarding', team: 'sales', stage: 'customer' },
        ],
      }),
    );
    expect(coverage.gaps).toEqual([
      { stage: 'cold', team: 'marketing', findingId: 'coverage.gap.cold.marketing' },
    ]);
    expect(coverage.cells.filter((cell) => cell.gap)).toMatchObject([{ stage: 'cold', team: 'marketing' }]);
    expect(coverage.findings).toMatchObject([
      { id: 'coverage.gap.cold.marketing', severity: 'problem', cell: { stage: 'cold', team: 'marketing' } },
    ]);
  });

  it('reports qualified leads with no sales touchpoint', () => {
    const coverage = analyzeCoverage(
      handBuiltMap({
        touchpoints: [
          { id: 'ad', team: 'marketing', stage: 'cold' },
          { id: 'email', team: 'marketing', stage: 'warm' },
          { id: 'discount', team: 'marketing', stage: 'qualified' },
          { id: 'onboarding', team: 'sales', stage: 'customer' },
        ],
      }),
    );
    expect(coverage.findings.map((finding) => finding.id)).toEqual(['coverage.gap.qualified.sales']);
    expect(coverage.findings[0]?.message).toMatch(/Sales has no touchpoint for qualified leads/);
  });

  it('names a stage the team renamed as a stage, not as an adjective before "leads"', () => {
    const coverage = analyzeCoverage(
      handBuiltMap({
        labels: { qualified: 'Marketing qualified lead', cold: 'cold' },
        touchpoints: [
          { id: 'email', team: 'marketing', stage: 'warm' },
          { id: 'onboarding', team: 'sales', stage: 'customer' },
        ],
      }),
    );
    const messages = coverage.findings.map((finding) => finding.message);
    expect(messages).toContain(
      'No touchpoint reaches leads at the “Marketing qualified lead” stage: the journey has a hole at this stage.',
    );
    // A default name in another case is still the default: "cold leads".
    expect(messages).toContain('No touchpoint reaches cold leads: the journey has a hole at this stage.');
    expect(messages.join(' ')).not.toMatch(/lead leads/);
  });

  it('reports every stage of an empty map, without repeating the required cells', () => {
    const coverage = analyzeCoverage(handBuiltMap());
    expect(coverage.findings.map((finding) => finding.id)).toEqual([
      'coverage.empty-stage.cold',
      'coverage.empty-stage.warm',
      'coverage.empty-stage.qualified',
      'coverage.empty-stage.customer',
    ]);
    expect(coverage.cells.every((cell) => cell.gap)).toBe(true);
  });
});
