import { LEAD_STAGES, type LeadStage, TEAMS, type Team } from '../enums.js';
import type { MapSnapshot } from '../schema.js';
import type { CoverageAnalysis, CoverageCell, CoverageGap, Finding, GridCell } from './types.js';
import { findingsOf, stageLeads, teamName } from './words.js';

/**
 * The cells a journey cannot leave empty: marketing has to reach cold leads, and sales has
 * to talk to qualified ones. Other empty cells are normal (sales rarely touches a cold lead).
 */
export const REQUIRED_CELLS: readonly GridCell[] = [
  { stage: 'cold', team: 'marketing' },
  { stage: 'qualified', team: 'sales' },
];

const finding = findingsOf('coverage');

function requiredCellMessage(snapshot: MapSnapshot, cell: GridCell): string {
  const leads = stageLeads(snapshot, cell.stage);
  return cell.team === 'marketing'
    ? `${teamName(cell.team)} has no touchpoint for ${leads}: nobody is reaching people who do not know the brand yet.`
    : `${teamName(cell.team)} has no touchpoint for ${leads}: nobody is talking one-to-one with leads who are ready to buy.`;
}

/** Team × stage counts, and the gaps: an empty stage, no marketing on cold, no sales on qualified. */
export function analyzeCoverage(snapshot: MapSnapshot): CoverageAnalysis {
  // One pass over the cards, not a filter per cell.
  const idsByCell = new Map<string, string[]>();
  for (const { stage, team, id } of snapshot.touchpoints) {
    const key = `${stage}:${team}`;
    const ids = idsByCell.get(key);
    if (ids) ids.push(id);
    else idsByCell.set(key, [id]);
  }
  const matrix = {} as Record<LeadStage, Record<Team, number>>;
  const cells: CoverageCell[] = [];
  for (const stage of LEAD_STAGES) {
    matrix[stage] = { marketing: 0, sales: 0 };
    for (const team of TEAMS) {
      const touchpointIds = idsByCell.get(`${stage}:${team}`) ?? [];
      matrix[stage][team] = touchpointIds.length;
      cells.push({ stage, team, count: touchpointIds.length, touchpointIds, gap: false });
    }
  }

  const gaps: CoverageGap[] = [];
  const findings: Finding[] = [];
  const markGap = (stage: LeadStage, team: Team | null) => {
    for (const cell of cells)
      if (cell.stage === stage && (team === null || cell.team === team)) cell.gap = true;
  };

  const emptyStages = LEAD_STAGES.filter((stage) => matrix[stage].marketing + matrix[stage].sales === 0);
  for (const stage of emptyStages) {
    const id = `coverage.empty-stage.${stage}`;
    gaps.push({ stage, team: null, findingId: id });
    markGap(stage, null);
    findings.push(
      finding('problem', {
        id,
        stage,
        message: `No touchpoint reaches ${stageLeads(snapshot, stage)}: the journey has a hole at this stage.`,
      }),
    );
  }
  for (const cell of REQUIRED_CELLS) {
    if (emptyStages.includes(cell.stage) || matrix[cell.stage][cell.team] > 0) continue;
    const id = `coverage.gap.${cell.stage}.${cell.team}`;
    gaps.push({ stage: cell.stage, team: cell.team, findingId: id });
    markGap(cell.stage, cell.team);
    findings.push(finding('problem', { id, cell, message: requiredCellMessage(snapshot, cell) }));
  }

  if (gaps.length === 0) {
    findings.push(
      finding('ok', {
        id: 'coverage.ok',
        message:
          'Every stage has a touchpoint, marketing reaches cold leads and sales talks to qualified ones.',
      }),
    );
  }
  return { matrix, cells, gaps, findings };
}
