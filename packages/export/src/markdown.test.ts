import { analyzeMap } from '@baton/model';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { exportMarkdown } from './markdown.js';
import { defaultStages, sampleMap, touchpoint } from './testing/fixtures.js';

describe('exportMarkdown', () => {
  const map = sampleMap();
  const report = exportMarkdown(map);

  it('starts with the escaped title and the analysis summary', () => {
    const [title, , byline, , summary] = report.split('\n');
    expect(title).toBe('# Q3 launch \\<EMEA\\> \\& "friends"');
    expect(byline).toBe('Customer journey map · 5 touchpoints · 4 connections · created 2025-01-02');
    expect(summary).toBe(`> ${analyzeMap(map).summary}`);
  });

  it('lists each stage with its touchpoints by team, in journey order', () => {
    const headings = report.split('\n').filter((line) => line.startsWith('### '));
    expect(headings.slice(0, 4)).toEqual([
      '### Cold (12,000 leads)',
      '### Warm (1,800 leads)',
      '### Qualified (240 leads)',
      '### Customer (60 leads)',
    ]);
    expect(report).toContain(
      '- **Sponsored LinkedIn posts for the spring campaign targeting operations leaders**: Social, one-to-many · owner Maya · 3 votes\n  - Metrics:\n    - reach 8,200 of 10,000 (82%)\n    - leads target 500, no actual yet',
    );
    const cold = report.slice(report.indexOf('### Cold'), report.indexOf('### Warm'));
    expect(cold).toContain('**Sales**\n\n- _No touchpoint yet._');
  });

  it('tables the connections and lists the handoff rules', () => {
    expect(report).toContain('| Webinar invite | Discovery call | Handoff |   | Sam |');
    expect(report).toContain(
      '- **Webinar invite → Discovery call** (owner: Sam): Attended and asked for pricing',
    );
  });

  it('shows the coverage matrix, the findings and the funnel', () => {
    expect(report).toContain(
      '| Team | Cold | Warm | Qualified | Customer |\n| --- | ---: | ---: | ---: | ---: |\n| Marketing | 2 | 1 | 0 | 0 |',
    );
    for (const finding of analyzeMap(map).findings)
      expect(report).toContain(finding.message.replace(/"/g, '"'));
    expect(report).toContain('| Warm | 1,800 | 15% |');
    expect(report).toContain("Overall, 0.5% of the first stage's leads become customers.");
  });

  it('marks coverage gaps and escapes Markdown in user text', () => {
    const gappy = {
      ...sampleMap(),
      stages: defaultStages(),
      touchpoints: [
        touchpoint({
          id: 'x',
          title: '**Bold** | pipe\n# heading',
          team: 'sales',
          stage: 'warm',
          description: 'line one\nline two',
        }),
      ],
      connections: [],
      notes: [],
    };
    const text = exportMarkdown(gappy);
    expect(text).toContain(
      '- **\\*\\*Bold\\*\\* \\| pipe \\# heading**: Other, one-to-one\n  - line one\\\n    line two',
    );
    expect(text).toMatch(/\| Marketing \| \*\*0\*\* \(gap\) \|/);
    expect(text).toContain('| Cold | not counted | — |');
    expect(text).toContain('_No connections yet._');
  });

  it('renders descriptions and metrics as separate lines when GitHub renders the report', () => {
    const html = micromark(
      exportMarkdown({
        ...sampleMap(),
        touchpoints: [
          touchpoint({
            id: 'demo',
            title: 'Demo call',
            description: 'Book within two days\nSend the deck after',
            metrics: [
              { kind: 'reach', target: 100, actual: 80 },
              { kind: 'leads', target: 10, actual: null },
            ],
          }),
        ],
        connections: [],
      }),
      { extensions: [gfm()], htmlExtensions: [gfmHtml()] },
    );
    const item = html.slice(html.indexOf('<strong>Demo call</strong>'));
    expect(item).toMatch(/<li>Book within two days<br \/>\s*Send the deck after<\/li>/);
    expect(item).toMatch(
      /<li>Metrics:\s*<ul>\s*<li>reach 80 of 100 \(80%\)<\/li>\s*<li>leads target 10, no actual yet<\/li>/,
    );
  });
});
