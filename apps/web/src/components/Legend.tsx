import { CONNECTION_KIND_LABELS, CONNECTION_KINDS, TEAM_LABELS, TEAMS } from '@baton/model';
import { CONNECTION_STYLES, TEAM_COLORS } from '../canvas/palette';

/** What the colours and lines on the canvas mean. */
export function Legend() {
  return (
    <section className="legend" aria-label="Legend" data-testid="legend">
      {TEAMS.map((team) => (
        <span key={team} className="legend-item">
          <span
            className="legend-swatch"
            style={{ background: TEAM_COLORS[team].accent }}
            aria-hidden="true"
          />
          {TEAM_LABELS[team]}
        </span>
      ))}
      <span className="legend-divider" aria-hidden="true" />
      {CONNECTION_KINDS.map((kind) => {
        const style = CONNECTION_STYLES[kind];
        return (
          <span key={kind} className="legend-item" title={style.description}>
            <svg width="30" height="10" aria-hidden="true">
              <line
                x1="1"
                y1="5"
                x2="29"
                y2="5"
                stroke={style.color}
                strokeWidth={style.width}
                strokeDasharray={style.dash}
              />
            </svg>
            {CONNECTION_KIND_LABELS[kind]}
          </span>
        );
      })}
    </section>
  );
}
