import type { PublicBallot } from '@baton/model';
import { useState } from 'react';

/** Shown at once; the rest behind "Show all", so a 60-card ballot does not cover the canvas. */
const TOP = 8;

interface BallotResultProps {
  ballot: PublicBallot;
  /** 1 for the workshop's first ballot. */
  number: number;
  titles: ReadonlyMap<string, string>;
}

/** Ranks with ties sharing a place: 1, 2, 2, 4. */
function ranked(totals: readonly { touchpoint: string; votes: number }[]) {
  const withVotes = totals.filter((total) => total.votes > 0);
  let rank = 0;
  return withVotes.map((total, index) => {
    if (index === 0 || withVotes[index - 1]?.votes !== total.votes) rank = index + 1;
    return { ...total, rank };
  });
}

/**
 * The revealed ballot's ranking, on every screen until each person hides it: the most-dotted
 * touchpoints first, with their dots. A new reveal shows again.
 */
export function BallotResult({ ballot, number, titles }: BallotResultProps) {
  const [hidden, setHidden] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  if (!ballot.revealed || hidden === ballot.id) return null;
  const rows = ranked(ballot.totals ?? []);
  const shown = all ? rows : rows.slice(0, TOP);
  const top = rows[0]?.votes ?? 1;
  return (
    <section
      className="ballot-result"
      aria-label={`Result of ballot ${number}`}
      data-testid="ballot-result"
      data-ballot-id={ballot.id}
    >
      <header>
        <strong>Ballot {number} result</strong>
        <span className="muted">
          {ballot.voters} {ballot.voters === 1 ? 'voter' : 'voters'}
        </span>
        <button
          type="button"
          className="icon-button"
          onClick={() => setHidden(ballot.id)}
          aria-label="Hide the ballot result"
          data-testid="hide-ballot-result"
        >
          ×
        </button>
      </header>
      {rows.length === 0 ? (
        <p className="muted">Nobody placed a dot.</p>
      ) : (
        <ol className="ballot-ranking">
          {shown.map((row) => (
            <li
              key={row.touchpoint}
              data-testid="ballot-rank"
              data-rank={row.rank}
              data-votes={row.votes}
              data-touchpoint-id={row.touchpoint}
            >
              <span className="rank">{row.rank}</span>
              <span className="title">{titles.get(row.touchpoint) ?? 'A removed touchpoint'}</span>
              <span className="bar" style={{ width: `${Math.round((row.votes / top) * 60)}px` }} />
              <span className="votes">
                {row.votes} {row.votes === 1 ? 'dot' : 'dots'}
              </span>
            </li>
          ))}
        </ol>
      )}
      {rows.length > TOP && (
        <button type="button" className="button small ghost" onClick={() => setAll((open) => !open)}>
          {all ? 'Show the top ones' : `Show all ${rows.length}`}
        </button>
      )}
    </section>
  );
}
