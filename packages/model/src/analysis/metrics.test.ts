import { describe, expect, it } from 'vitest';
import { handBuiltMap } from './hand-built.js';
import { analyzeMetrics, metricAttainment, NEAR_MISS } from './metrics.js';

describe('metric targets vs actuals', () => {
  it('rates each metric against its target', () => {
    expect(metricAttainment({ kind: 'leads', target: 200, actual: 250 })).toEqual({
      attainment: 1.25,
      status: 'met',
    });
    expect(metricAttainment({ kind: 'revenue', target: 1000, actual: 400 })).toEqual({
      attainment: 0.4,
      status: 'missed',
    });
    expect(metricAttainment({ kind: 'reach', target: null, actual: 10 })).toEqual({
      attainment: null,
      status: 'no-target',
    });
    expect(metricAttainment({ kind: 'reach', target: 10, actual: null })).toEqual({
      attainment: null,
      status: 'no-actual',
    });
    expect(metricAttainment({ kind: 'deals-closed', target: 0, actual: 0 })).toEqual({
      attainment: null,
      status: 'met',
    });
  });

  it('lists every metric and flags each miss on its touchpoint and cell', () => {
    const analysis = analyzeMetrics(
      handBuiltMap({
        touchpoints: [
          {
            id: 'ad',
            team: 'marketing',
            stage: 'cold',
            title: 'Digital ads',
            metrics: [
              { kind: 'reach', target: 10000, actual: 12000 },
              { kind: 'leads', target: 200, actual: 150 },
            ],
          },
          {
            id: 'call',
            team: 'sales',
            stage: 'qualified',
            title: 'Discovery call',
            metrics: [{ kind: 'conversion-rate', target: 30, actual: 30 }],
          },
        ],
      }),
    );
    expect(analysis.rows).toHaveLength(3);
    expect(analysis.rows[1]).toEqual({
      touchpointId: 'ad',
      touchpointTitle: 'Digital ads',
      team: 'marketing',
      stage: 'cold',
      kind: 'leads',
      target: 200,
      actual: 150,
      attainment: 0.75,
      status: 'missed',
    });
    expect({ met: analysis.met, missed: analysis.missed }).toEqual({ met: 2, missed: 1 });
    expect(analysis.findings).toEqual([
      {
        id: 'metrics.miss.ad.leads',
        rule: 'metrics',
        severity: 'warning',
        message: '“Digital ads” (Cold) missed its leads target: 150 against 200 (75% of target).',
        touchpointIds: ['ad'],
        connectionIds: [],
        cell: { stage: 'cold', team: 'marketing' },
      },
    ]);
  });

  it('reports a near miss, within a tenth of the target, as information rather than a warning', () => {
    const analysis = analyzeMetrics(
      handBuiltMap({
        touchpoints: [
          {
            id: 'upsell',
            team: 'sales',
            stage: 'customer',
            title: 'Quarterly upsell',
            metrics: [
              { kind: 'revenue', target: 300000, actual: 270000 },
              { kind: 'deal-size', target: 5000, actual: 4400 },
            ],
          },
        ],
      }),
    );
    expect(NEAR_MISS).toBe(0.9);
    expect(analysis.missed).toBe(2);
    expect(analysis.findings.map((finding) => [finding.id, finding.severity, finding.message])).toEqual([
      [
        'metrics.miss.upsell.revenue',
        'info',
        '“Quarterly upsell” (Customer) just missed its revenue target: 270,000 against 300,000 (90% of target).',
      ],
      [
        'metrics.miss.upsell.deal-size',
        'warning',
        '“Quarterly upsell” (Customer) missed its deal size target: 4,400 against 5,000 (88% of target).',
      ],
    ]);
  });

  it('keeps ids distinct when a touchpoint tracks one kind twice', () => {
    const analysis = analyzeMetrics(
      handBuiltMap({
        touchpoints: [
          {
            id: 'ad',
            team: 'marketing',
            stage: 'cold',
            metrics: [
              { kind: 'leads', target: 10, actual: 5 },
              { kind: 'leads', target: 20, actual: 5 },
            ],
          },
        ],
      }),
    );
    expect(analysis.findings.map((finding) => finding.id)).toEqual([
      'metrics.miss.ad.leads',
      'metrics.miss.ad.leads.2',
    ]);
  });

  it('reports all targets met, and points at metrics that cannot be measured', () => {
    const analysis = analyzeMetrics(
      handBuiltMap({
        touchpoints: [
          {
            id: 'ad',
            team: 'marketing',
            stage: 'cold',
            metrics: [
              { kind: 'reach', target: 100, actual: 120 },
              { kind: 'traffic', target: 50, actual: null },
            ],
          },
        ],
      }),
    );
    expect(analysis.findings.map((finding) => [finding.id, finding.severity])).toEqual([
      ['metrics.incomplete', 'info'],
      ['metrics.ok', 'ok'],
    ]);
    expect(analysis.findings[0]?.touchpointIds).toEqual(['ad']);
  });

  it('invites adding metrics when there are none', () => {
    const analysis = analyzeMetrics(
      handBuiltMap({ touchpoints: [{ id: 'ad', team: 'marketing', stage: 'cold' }] }),
    );
    expect(analysis.rows).toEqual([]);
    expect(analysis.findings).toMatchObject([{ id: 'metrics.none', severity: 'info' }]);
  });

  it('says the new names when the same cards are analysed again after a stage is renamed or a card retitled', () => {
    const before = handBuiltMap({
      touchpoints: [
        {
          id: 'ad',
          team: 'marketing',
          stage: 'cold',
          title: 'Digital ads',
          metrics: [{ kind: 'leads', target: 200, actual: 150 }],
        },
      ],
    });
    expect(analyzeMetrics(before).findings[0]?.message).toContain('“Digital ads” (Cold)');
    // The same touchpoint object under a renamed stage (what the snapshot reader hands over).
    const renamed = {
      ...before,
      stages: { ...before.stages, cold: { ...before.stages.cold, label: 'Strangers' } },
    };
    expect(analyzeMetrics(renamed).findings[0]?.message).toContain('“Digital ads” (Strangers)');
    const retitled = {
      ...renamed,
      touchpoints: renamed.touchpoints.map((touchpoint) => ({ ...touchpoint, title: 'Search ads' })),
    };
    expect(analyzeMetrics(retitled).findings[0]?.message).toContain('“Search ads” (Strangers)');
    expect(analyzeMetrics(retitled).rows[0]?.touchpointTitle).toBe('Search ads');
  });
});
