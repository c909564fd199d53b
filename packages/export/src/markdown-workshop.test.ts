import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { exportMarkdown } from './markdown.js';
import { duration } from './markdown-workshop.js';
import { sampleMap, workshopMap, workshopResult } from './testing/fixtures.js';

const section = (report: string, heading: string) => {
  const start = report.indexOf(`\n${heading}\n`);
  expect(start).toBeGreaterThan(-1);
  const end = report.indexOf('\n## ', start + heading.length + 2);
  return report.slice(start + 1, end === -1 ? undefined : end);
};

describe('exportMarkdown with workshop data', () => {
  const report = exportMarkdown(workshopMap());

  it('lists comment threads under their touchpoint: author, team, time, open or resolved, replies nested', () => {
    const qualified = report.slice(report.indexOf('### Qualified'), report.indexOf('### Customer'));
    expect(qualified).toContain(
      [
        '  - Comments:',
        '    - **Sam Ortiz** (Sales, 2026-11-20 09:05 UTC): We need the webinar questions before this call. · _resolved by Mia Larsen on 2026-11-20 09:08 UTC_',
        '      - **Mia Larsen** (Marketing, 2026-11-20 09:06 UTC): I will send them the day before.',
      ].join('\n'),
    );
    const cold = report.slice(report.indexOf('### Cold'), report.indexOf('### Warm'));
    expect(cold).toContain('    - **Fran Okafor** (2026-11-20 09:07 UTC): Is the budget approved? · _open_');
    // GitHub renders the reply as a list inside the thread's item.
    const html = micromark(report, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
    expect(html).toMatch(/resolved by Mia Larsen[^<]*<\/em>\s*<ul>\s*<li><strong>Mia Larsen<\/strong>/);
  });

  it('tables the decisions and action items with owner, due date and what each is about', () => {
    const decisions = section(report, '## Decisions and action items');
    expect(decisions).toContain(
      '| Action | Sales calls every webinar attendee within two days | Sam Ortiz | 2026-12-18 | Webinar invite | Open |',
    );
    expect(decisions).toContain(
      '| Decision | Marketing owns the webinar follow-up email |   |   | _a finding no longer raised_ |   |',
    );
  });

  it('reports the workshop: participants, duration, phases, the ranked ballot, sign-offs and decisions', () => {
    const workshops = section(report, '## Workshops');
    expect(workshops).toContain('### Q3 handoff workshop');
    expect(workshops).toContain(
      '2026-11-20 09:00 UTC to 2026-11-20 09:47 UTC · 47 min · 3 participants · saved as version “Workshop: Q3 handoff workshop”',
    );
    expect(workshops).toContain(
      '- Fran Okafor (Marketing, facilitator)\n- Mia Larsen (Marketing)\n- Sam Ortiz (Sales)',
    );
    expect(workshops).toContain('| Vote on the biggest gaps | 2026-11-20 09:16 UTC | 31 min |');
    expect(workshops).toContain(
      '**Ballot 1**: 3 dots each, at most 2 per card, 2 voters, revealed 2026-11-20 09:30 UTC.',
    );
    // Ranked, equal totals sharing a rank; a card deleted since keeps the title it had.
    expect(workshops).toContain(
      '| 1 | Discovery call | 3 |\n| 2 | Webinar invite | 1 |\n| 2 | Cold calling list | 1 |',
    );
    expect(workshops).toContain(
      '| Warm | Signed | Mia Larsen, 2026-11-20 09:10 UTC | Sam Ortiz, 2026-11-20 09:11 UTC |',
    );
    expect(workshops).toContain(
      '| Action | Sales calls every webinar attendee within two days | Sam Ortiz | 2026-12-18 | Webinar invite | Open |',
    );
    expect(section(report, '## Sticky notes')).toContain('- Check budget with finance (Maya)');
  });

  it('shows the latest five workshops in full, newest first, and older ones as one row each', () => {
    const results = Array.from({ length: 7 }, (_, index) =>
      workshopResult({
        id: `w${index}`,
        title: `Workshop ${index}`,
        startedAt: `2026-11-0${index + 1}T09:00:00.000Z`,
        durationMs: 90 * 60_000,
      }),
    );
    const many = exportMarkdown({
      ...sampleMap(),
      workshop: { comments: [], signOffs: [], decisions: [], results },
    });
    const headings = section(many, '## Workshops')
      .split('\n')
      .filter((line) => line.startsWith('### '));
    expect(headings).toEqual([
      '### Workshop 6',
      '### Workshop 5',
      '### Workshop 4',
      '### Workshop 3',
      '### Workshop 2',
      '### Earlier workshops',
    ]);
    expect(many).toContain('| Workshop 1 | 2026-11-02 09:00 UTC | 1 h 30 min | 3 | 1 |');
    expect(many).toContain('| Workshop 0 | 2026-11-01 09:00 UTC | 1 h 30 min | 3 | 1 |');
  });

  it('keeps comments whose touchpoint was deleted, and adds nothing to a map without workshop data', () => {
    const map = workshopMap();
    const withoutCall = exportMarkdown({
      ...map,
      touchpoints: map.touchpoints.filter((touchpoint) => touchpoint.id !== 'call'),
      connections: map.connections.filter((c) => c.source !== 'call' && c.target !== 'call'),
    });
    expect(section(withoutCall, '## Comments on removed touchpoints')).toContain(
      '- **Sam Ortiz** (Sales, 2026-11-20 09:05 UTC): We need the webinar questions before this call.',
    );
    const plain = exportMarkdown(sampleMap());
    for (const heading of ['## Workshops', '## Decisions and action items', 'Comments:'])
      expect(plain).not.toContain(heading);
  });

  it('writes durations as a reader says them', () => {
    expect([10_000, 42 * 60_000, 60 * 60_000, 65 * 60_000].map(duration)).toEqual([
      'under a minute',
      '42 min',
      '1 h',
      '1 h 5 min',
    ]);
  });
});
