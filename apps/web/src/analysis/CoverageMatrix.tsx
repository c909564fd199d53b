import { type CoverageAnalysis, LEAD_STAGES, type MapSnapshot, TEAM_LABELS, TEAMS } from '@baton/model';
import { memo } from 'react';
import { TEAM_COLORS } from '../canvas/palette';

/** Team × stage counts; the cells of a gap are marked, as they are on the canvas. */
export const CoverageMatrix = memo(function CoverageMatrix({
  coverage,
  stages,
}: {
  coverage: CoverageAnalysis;
  stages: MapSnapshot['stages'];
}) {
  return (
    <table className="coverage-matrix" data-testid="coverage-matrix">
      <thead>
        <tr>
          <th scope="col">
            <span className="sr-only">Team</span>
          </th>
          {LEAD_STAGES.map((stage) => (
            <th key={stage} scope="col">
              {stages[stage].label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {TEAMS.map((team) => (
          <tr key={team}>
            <th scope="row">
              <span
                className="matrix-swatch"
                style={{ background: TEAM_COLORS[team].accent }}
                aria-hidden="true"
              />
              {TEAM_LABELS[team]}
            </th>
            {LEAD_STAGES.map((stage) => {
              const cell = coverage.cells.find((entry) => entry.stage === stage && entry.team === team);
              const count = cell?.count ?? 0;
              return (
                <td
                  key={stage}
                  className={cell?.gap ? 'gap' : count === 0 ? 'empty' : undefined}
                  data-testid={`coverage-${stage}-${team}`}
                  data-gap={cell?.gap ? 'true' : 'false'}
                  title={cell?.gap ? 'A gap in the journey' : undefined}
                >
                  {count}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
});
