import { type CoverageAnalysis, TEAM_LABELS, TEAMS } from '@baton/model';

/** The coverage gaps as the canvas marks them: per `stage:team` cell, what is missing there. */
export function gapLabels(coverage: CoverageAnalysis): Map<string, string> {
  const labels = new Map<string, string>();
  for (const gap of coverage.gaps) {
    if (gap.team === null) {
      for (const team of TEAMS) labels.set(`${gap.stage}:${team}`, 'Gap: no touchpoint at this stage');
    } else {
      labels.set(`${gap.stage}:${gap.team}`, `Gap: no ${TEAM_LABELS[gap.team].toLowerCase()} touchpoint`);
    }
  }
  return labels;
}
