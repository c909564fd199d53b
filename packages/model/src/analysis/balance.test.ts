import { describe, expect, it } from 'vitest';
import { analyzeBalance, STARVED_SHARE } from './balance.js';
import { handBuiltMap, relayMap } from './hand-built.js';

describe('balance', () => {
  it('splits touchpoints and covered stages between the teams', () => {
    const analysis = analyzeBalance(handBuiltMap(relayMap()));
    expect(analysis.threshold).toBe(STARVED_SHARE);
    expect(analysis.teams.marketing).toEqual({
      team: 'marketing',
      touchpoints: 2,
      touchpointShare: 0.5,
      stages: ['cold', 'warm'],
      stageShare: 0.5,
      starved: false,
    });
    expect(analysis.teams.sales.stages).toEqual(['qualified', 'customer']);
    expect(analysis.starved).toEqual([]);
    expect(analysis.findings).toMatchObject([{ id: 'balance.ok', severity: 'ok' }]);
  });

  it('flags the side with under a quarter of the touchpoints as starved', () => {
    const touchpoints = [
      { id: 'ad', team: 'marketing' as const, stage: 'cold' as const },
      { id: 'post', team: 'marketing' as const, stage: 'cold' as const },
      { id: 'mailer', team: 'marketing' as const, stage: 'warm' as const },
      { id: 'webinar', team: 'marketing' as const, stage: 'qualified' as const },
      { id: 'call', team: 'sales' as const, stage: 'qualified' as const },
    ];
    const analysis = analyzeBalance(handBuiltMap({ touchpoints }));
    expect(analysis.teams.sales).toMatchObject({ touchpoints: 1, touchpointShare: 0.2, starved: true });
    expect(analysis.starved).toEqual(['sales']);
    expect(analysis.findings).toMatchObject([
      { id: 'balance.starved.sales', severity: 'warning', touchpointIds: ['call'] },
    ]);
    expect(analysis.findings[0]?.message).toMatch(/Sales is starved: 1 touchpoint \(20%\)/);
  });

  it('flags a side confined to one stage while the other covers all four', () => {
    const analysis = analyzeBalance(
      handBuiltMap({
        touchpoints: [
          { id: 'a', team: 'marketing', stage: 'cold' },
          { id: 'b', team: 'marketing', stage: 'warm' },
          { id: 'c', team: 'marketing', stage: 'qualified' },
          { id: 'd', team: 'marketing', stage: 'customer' },
          { id: 'e', team: 'sales', stage: 'qualified' },
          { id: 'f', team: 'sales', stage: 'qualified' },
        ],
      }),
    );
    expect(analysis.teams.sales.touchpointShare).toBeCloseTo(1 / 3);
    expect(analysis.teams.sales.stageShare).toBe(0.2);
    expect(analysis.starved).toEqual(['sales']);
  });

  it('says nothing is starved on an empty map, only that it is empty', () => {
    const analysis = analyzeBalance(handBuiltMap());
    expect(analysis.starved).toEqual([]);
    expect(analysis.findings).toMatchObject([{ id: 'balance.empty', severity: 'info' }]);
  });
});
