import type { ChangesReport } from '@baton/model';
import { inline } from './markdown-text.js';

/** "Changes since <version>": the summary, then one bullet per change in the domain's words. */
export function changesSection(report: ChangesReport): string[] {
  const date = report.since.createdAt.slice(0, 10);
  const lines = [
    `## Changes since ${inline(report.since.name)} (${inline(date)})`,
    '',
    inline(report.summary),
  ];
  if (report.lines.length > 0) lines.push('', ...report.lines.map((line) => `- ${inline(line.text)}`));
  return lines;
}
