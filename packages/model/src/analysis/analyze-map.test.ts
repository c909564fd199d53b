import { describe, expect, it } from 'vitest';
import { handBuiltMap, relayMap } from './hand-built.js';
import { analyzeMap, sortFindings } from './index.js';
import type { Finding } from './types.js';

describe('analyzeMap', () => {
  it('turns green on a complete relay', () => {
    const analysis = analyzeMap(handBuiltMap(relayMap()));
    expect(analysis.healthy).toBe(true);
    expect(analysis.score).toBe(100);
    expect(analysis.counts).toEqual({ ok: 6, info: 1, warning: 0, problem: 0 });
    expect(analysis.summary).toBe('The journey is complete: every check passes.');
    expect(
      analysis.findings.every((finding) => finding.severity === 'ok' || finding.severity === 'info'),
    ).toBe(true);
  });

  it('lists an empty map as having gaps, worst first, in rule order', () => {
    const analysis = analyzeMap(handBuiltMap());
    expect(analysis.healthy).toBe(false);
    expect(analysis.counts.problem).toBe(6);
    expect(analysis.score).toBe(0);
    expect(analysis.summary).toMatch(/empty/);
    expect(analysis.findings.slice(0, 6).map((finding) => finding.id)).toEqual([
      'coverage.empty-stage.cold',
      'coverage.empty-stage.warm',
      'coverage.empty-stage.qualified',
      'coverage.empty-stage.customer',
      'handoff.missing',
      'feedback.missing',
    ]);
  });

  it('goes red when sales leaves the qualified stage and green again when it returns', () => {
    const sketch = relayMap();
    const marketingOnly = {
      ...sketch,
      touchpoints: [
        ...(sketch.touchpoints ?? []).filter((touchpoint) => touchpoint.id !== 'call'),
        { id: 'discount', team: 'marketing' as const, stage: 'qualified' as const },
      ],
      connections: [
        { id: 'ad-email', source: 'ad', target: 'email' },
        { id: 'email-discount', source: 'email', target: 'discount' },
        { id: 'discount-onboarding', source: 'discount', target: 'onboarding' },
      ],
    };
    const broken = analyzeMap(handBuiltMap(marketingOnly));
    expect(broken.healthy).toBe(false);
    const problems = broken.findings.filter((finding) => finding.severity === 'problem').map((f) => f.id);
    expect(problems).toEqual(['coverage.gap.qualified.sales', 'handoff.missing', 'feedback.missing']);
    expect(broken.summary).toBe('The journey has gaps: 3 problems to look at.');
    expect(broken.score).toBe(100 - 3 * 20);
    expect(analyzeMap(handBuiltMap(sketch)).healthy).toBe(true);
  });

  it('stays healthy with warnings, which only lower the score', () => {
    const sketch = relayMap();
    sketch.connections = sketch.connections?.map((connection) =>
      connection.kind === 'handoff' ? { ...connection, owner: '' } : connection,
    );
    const analysis = analyzeMap(handBuiltMap(sketch));
    expect(analysis.healthy).toBe(true);
    expect(analysis.score).toBe(95);
    expect(analysis.findings[0]).toMatchObject({ id: 'handoff.no-owner.email-call', severity: 'warning' });
    expect(analysis.summary).toBe('The journey is complete: 1 warning to look at.');
  });

  it('gives every finding a unique id', () => {
    const analysis = analyzeMap(handBuiltMap({ touchpoints: [{ id: 'x', team: 'sales', stage: 'warm' }] }));
    const ids = analysis.findings.map((finding) => finding.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sorts by severity, then rule, keeping each rule’s own order', () => {
    const base = { message: '', touchpointIds: [], connectionIds: [] };
    const findings: Finding[] = [
      { ...base, id: 'a', rule: 'orphan', severity: 'warning' },
      { ...base, id: 'b', rule: 'coverage', severity: 'ok' },
      { ...base, id: 'c', rule: 'handoff', severity: 'warning' },
      { ...base, id: 'd', rule: 'orphan', severity: 'problem' },
      { ...base, id: 'e', rule: 'handoff', severity: 'warning' },
    ];
    expect(sortFindings(findings).map((finding) => finding.id)).toEqual(['d', 'c', 'e', 'a', 'b']);
  });
});
