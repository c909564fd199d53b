import { describe, expect, it } from 'vitest';
import { handBuiltMap, relayMap } from './hand-built.js';
import { analyzeHandoffs } from './handoffs.js';

describe('handoff check', () => {
  it('passes a marketing → sales handoff with an owner and a rule', () => {
    const analysis = analyzeHandoffs(handBuiltMap(relayMap()));
    expect(analysis.hasMarketingToSales).toBe(true);
    expect(analysis.handoffs).toEqual([
      {
        connectionId: 'email-call',
        sourceId: 'email',
        targetId: 'call',
        sourceTeam: 'marketing',
        targetTeam: 'sales',
        marketingToSales: true,
        hasOwner: true,
        hasRule: true,
      },
    ]);
    expect(analysis.findings).toMatchObject([
      { id: 'handoff.ok', severity: 'ok', connectionIds: ['email-call'] },
    ]);
  });

  it('is a problem when no handoff exists, even if a flow crosses from marketing to sales', () => {
    const sketch = relayMap();
    sketch.connections = sketch.connections?.map((connection) =>
      connection.id === 'email-call' ? { ...connection, kind: 'flow' } : connection,
    );
    const analysis = analyzeHandoffs(handBuiltMap(sketch));
    expect(analysis.hasMarketingToSales).toBe(false);
    expect(analysis.findings).toMatchObject([{ id: 'handoff.missing', severity: 'problem' }]);
  });

  it('flags a handoff with no owner and no qualifying rule, pointing at its ends', () => {
    const sketch = relayMap();
    sketch.connections = sketch.connections?.map((connection) =>
      connection.id === 'email-call' ? { ...connection, rule: '  ', owner: '' } : connection,
    );
    const analysis = analyzeHandoffs(handBuiltMap(sketch));
    expect(analysis.hasMarketingToSales).toBe(true);
    expect(analysis.findings.map((finding) => [finding.id, finding.severity])).toEqual([
      ['handoff.no-rule.email-call', 'warning'],
      ['handoff.no-owner.email-call', 'warning'],
    ]);
    expect(analysis.findings[0]).toMatchObject({
      touchpointIds: ['email', 'call'],
      connectionIds: ['email-call'],
    });
    expect(analysis.findings[0]?.message).toContain('sales-ready');
  });

  it('flags a "handoff" whose ends are not marketing → sales, and does not count it', () => {
    const analysis = analyzeHandoffs(
      handBuiltMap({
        touchpoints: [
          { id: 'call', team: 'sales', stage: 'qualified', title: 'Discovery call' },
          { id: 'email', team: 'marketing', stage: 'warm', title: 'Nurture email' },
          { id: 'ad', team: 'marketing', stage: 'cold' },
        ],
        connections: [
          { id: 'back', source: 'call', target: 'email', kind: 'handoff', rule: 'Not ready', owner: 'Sam' },
          { id: 'inside', source: 'ad', target: 'email', kind: 'handoff', rule: 'Clicked', owner: 'Ann' },
        ],
      }),
    );
    expect(analysis.hasMarketingToSales).toBe(false);
    expect(analysis.findings.map((finding) => finding.id)).toEqual([
      'handoff.missing',
      'handoff.wrong-direction.back',
      'handoff.wrong-direction.inside',
    ]);
    expect(analysis.findings[1]?.message).toContain('“Discovery call”');
  });
});
