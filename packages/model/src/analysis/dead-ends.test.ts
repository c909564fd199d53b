import { describe, expect, it } from 'vitest';
import { analyzeDeadEnds } from './dead-ends.js';
import { handBuiltMap, relayMap } from './hand-built.js';

describe('dead ends and orphans', () => {
  it('finds none in a connected relay, where only customers have no way forward', () => {
    const analysis = analyzeDeadEnds(handBuiltMap(relayMap()));
    expect(analysis.deadEndIds).toEqual([]);
    expect(analysis.orphanIds).toEqual([]);
    expect(analysis.findings).toMatchObject([{ id: 'dead-end.ok', severity: 'ok' }]);
  });

  it('flags a touchpoint before customer whose only outgoing link is feedback', () => {
    const analysis = analyzeDeadEnds(
      handBuiltMap({
        touchpoints: [
          { id: 'ad', team: 'marketing', stage: 'cold' },
          { id: 'email', team: 'marketing', stage: 'warm', title: 'Nurture email' },
          { id: 'call', team: 'sales', stage: 'qualified' },
        ],
        connections: [
          { id: 'ad-email', source: 'ad', target: 'email' },
          { id: 'call-email', source: 'call', target: 'email', kind: 'feedback' },
        ],
      }),
    );
    expect(analysis.deadEndIds).toEqual(['email', 'call']);
    expect(analysis.findings).toMatchObject([
      {
        id: 'dead-end.email',
        rule: 'dead-end',
        severity: 'warning',
        cell: { stage: 'warm', team: 'marketing' },
      },
      { id: 'dead-end.call', rule: 'dead-end', severity: 'warning', touchpointIds: ['call'] },
    ]);
    expect(analysis.findings[0]?.message).toContain('“Nurture email” is a dead end');
  });

  it('says where a dead end is in the stage’s own words, default or renamed', () => {
    const sketch = (labels: Record<string, string>) =>
      handBuiltMap({
        labels,
        touchpoints: [
          { id: 'ad', team: 'marketing', stage: 'cold' },
          { id: 'email', team: 'marketing', stage: 'warm', title: 'Nurture email' },
        ],
        connections: [{ id: 'ad-email', source: 'ad', target: 'email' }],
      });
    expect(analyzeDeadEnds(sketch({})).findings[0]?.message).toBe(
      '“Nurture email” is a dead end: a warm lead has no next step from here.',
    );
    expect(analyzeDeadEnds(sketch({ warm: 'Engaged' })).findings[0]?.message).toBe(
      '“Nurture email” is a dead end: a lead at the “Engaged” stage has no next step from here.',
    );
  });

  it('counts a handoff as a way forward', () => {
    const analysis = analyzeDeadEnds(
      handBuiltMap({
        touchpoints: [
          { id: 'email', team: 'marketing', stage: 'warm' },
          { id: 'call', team: 'sales', stage: 'qualified' },
          { id: 'onboarding', team: 'sales', stage: 'customer' },
        ],
        connections: [
          { id: 'h', source: 'email', target: 'call', kind: 'handoff' },
          { id: 'f', source: 'call', target: 'onboarding' },
        ],
      }),
    );
    expect(analysis.deadEndIds).toEqual([]);
  });

  it('reports an unconnected touchpoint once, as an orphan, at any stage', () => {
    const sketch = relayMap();
    sketch.touchpoints = [
      ...(sketch.touchpoints ?? []),
      { id: 'stray', team: 'marketing', stage: 'cold', title: 'Trade show' },
      { id: 'survey', team: 'sales', stage: 'customer' },
    ];
    const analysis = analyzeDeadEnds(handBuiltMap(sketch));
    expect(analysis.orphanIds).toEqual(['stray', 'survey']);
    expect(analysis.deadEndIds).toEqual([]);
    expect(analysis.findings.map((finding) => [finding.id, finding.rule])).toEqual([
      ['orphan.stray', 'orphan'],
      ['orphan.survey', 'orphan'],
    ]);
  });
});
