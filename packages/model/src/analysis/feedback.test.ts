import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from './feedback.js';
import { handBuiltMap, relayMap } from './hand-built.js';

describe('feedback loop check', () => {
  it('passes a feedback connection from sales back to marketing', () => {
    const analysis = analyzeFeedback(handBuiltMap(relayMap()));
    expect(analysis).toMatchObject({ hasLoop: true, loopIds: ['call-email'], misdirectedIds: [] });
    expect(analysis.findings).toMatchObject([
      { id: 'feedback.ok', severity: 'ok', connectionIds: ['call-email'] },
    ]);
  });

  it('is a problem when sales never reports back to marketing', () => {
    const sketch = relayMap();
    sketch.connections = sketch.connections?.filter((connection) => connection.kind !== 'feedback');
    const analysis = analyzeFeedback(handBuiltMap(sketch));
    expect(analysis.hasLoop).toBe(false);
    expect(analysis.findings).toMatchObject([{ id: 'feedback.missing', severity: 'problem' }]);
  });

  it('does not count feedback that runs from marketing to sales or within a team', () => {
    const sketch = relayMap();
    sketch.connections = [
      ...(sketch.connections ?? []).filter((connection) => connection.kind !== 'feedback'),
      { id: 'wrong-way', source: 'email', target: 'call', kind: 'feedback' },
      { id: 'inside-sales', source: 'onboarding', target: 'call', kind: 'feedback' },
    ];
    const analysis = analyzeFeedback(handBuiltMap(sketch));
    expect(analysis.hasLoop).toBe(false);
    expect(analysis.misdirectedIds).toEqual(['wrong-way', 'inside-sales']);
    expect(analysis.findings.map((finding) => [finding.id, finding.severity])).toEqual([
      ['feedback.missing', 'problem'],
      ['feedback.wrong-direction.wrong-way', 'warning'],
      ['feedback.wrong-direction.inside-sales', 'warning'],
    ]);
  });
});
