import { LEAD_STAGES, TEAMS, type Team } from '../enums.js';
import type { MapSnapshot } from '../schema.js';
import type { BalanceAnalysis, Finding, TeamBalance } from './types.js';
import { findingsOf, percent, plural, stageName, teamName } from './words.js';

/** A side with less than a quarter of the touchpoints, or of the covered stages, is starved. */
export const STARVED_SHARE = 0.25;

const finding = findingsOf('balance');

const otherTeam = (team: Team): Team => (team === 'marketing' ? 'sales' : 'marketing');

/**
 * Marketing vs sales: each side's share of the touchpoints and of the stages it covers, so a
 * small business where one person does both sees which side is starved.
 */
export function analyzeBalance(snapshot: MapSnapshot): BalanceAnalysis {
  const total = snapshot.touchpoints.length;
  const stagesOf = (team: Team) =>
    LEAD_STAGES.filter((stage) =>
      snapshot.touchpoints.some((touchpoint) => touchpoint.team === team && touchpoint.stage === stage),
    );
  const covered = { marketing: stagesOf('marketing'), sales: stagesOf('sales') };
  const coveredTotal = covered.marketing.length + covered.sales.length;

  const teams = {} as Record<Team, TeamBalance>;
  for (const team of TEAMS) {
    const touchpoints = snapshot.touchpoints.filter((touchpoint) => touchpoint.team === team).length;
    const touchpointShare = total === 0 ? 0 : touchpoints / total;
    const stageShare = coveredTotal === 0 ? 0 : covered[team].length / coveredTotal;
    teams[team] = {
      team,
      touchpoints,
      touchpointShare,
      stages: covered[team],
      stageShare,
      starved: total > 0 && (touchpointShare < STARVED_SHARE || stageShare < STARVED_SHARE),
    };
  }

  const starved = TEAMS.filter((team) => teams[team].starved);
  const findings: Finding[] = [];
  if (total === 0) {
    findings.push(
      finding('info', {
        id: 'balance.empty',
        message: 'Add touchpoints to see how marketing and sales share the work.',
      }),
    );
  }
  for (const team of starved) {
    const side = teams[team];
    const other = teams[otherTeam(team)];
    const stages = side.stages.map((stage) => stageName(snapshot, stage)).join(', ') || 'no stage';
    findings.push(
      finding('warning', {
        id: `balance.starved.${team}`,
        message: `${teamName(team)} is starved: ${plural(side.touchpoints, 'touchpoint')} (${percent(side.touchpointShare)}) covering ${stages}, against ${other.touchpoints} for ${teamName(other.team).toLowerCase()}.`,
        touchpointIds: snapshot.touchpoints.filter((touchpoint) => touchpoint.team === team).map((t) => t.id),
      }),
    );
  }
  if (total > 0 && starved.length === 0) {
    findings.push(
      finding('ok', {
        id: 'balance.ok',
        message: `Marketing has ${percent(teams.marketing.touchpointShare)} of the touchpoints and sales ${percent(teams.sales.touchpointShare)}; neither side is starved.`,
      }),
    );
  }
  return { teams, threshold: STARVED_SHARE, starved, findings };
}
