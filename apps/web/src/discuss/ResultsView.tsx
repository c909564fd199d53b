import type { WorkshopResult } from '@baton/model';

function minutes(ms: number): string {
  const m = Math.round(ms / 60_000);
  return m < 1 ? 'under a minute' : `${m} min`;
}

/** One ended workshop: who took part, the phases, each ballot's ranking, sign-offs, decisions. */
function Result({ result }: { result: WorkshopResult }) {
  return (
    <article className="workshop-result" data-testid="workshop-result" data-workshop-id={result.id}>
      <h3>{result.title}</h3>
      <p className="muted">
        {new Date(result.startedAt).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })} ·{' '}
        {minutes(result.durationMs)}
        {result.versionName && ` · saved as “${result.versionName}”`}
      </p>
      <h4>Participants</h4>
      <ul data-testid="result-participants">
        {result.participants.map((p) => (
          <li key={p.id}>
            {p.name} — {p.team}
            {p.role === 'facilitator' ? ', facilitator' : ''}
          </li>
        ))}
      </ul>
      <h4>Phases</h4>
      <ol>
        {result.phases.map((phase) => (
          <li key={`${phase.id}-${phase.startedAt}`}>
            {phase.title} ({minutes(phase.durationMs)})
          </li>
        ))}
      </ol>
      {result.ballots.map((ballot, index) => (
        <section key={ballot.id} data-testid="result-ballot">
          <h4>Ballot {index + 1}</h4>
          <ol>
            {(ballot.totals ?? []).map((total) => (
              <li key={total.touchpoint}>
                {ballot.titles[total.touchpoint] ?? total.touchpoint}: {total.votes}
              </li>
            ))}
          </ol>
        </section>
      ))}
      <h4>Sign-offs</h4>
      <ul>
        {result.signOffs.map((s) => (
          <li key={s.stage}>
            {s.stage}: {s.status}
            {s.marketing && ` · marketing ${s.marketing.name}`}
            {s.sales && ` · sales ${s.sales.name}`}
          </li>
        ))}
      </ul>
      <h4>Decisions and action items</h4>
      <ul data-testid="result-decisions">
        {result.decisions.map((d) => (
          <li key={d.id}>
            {d.kind === 'decision' ? 'Decision' : 'Action'}: {d.text}
            {d.owner && ` — ${d.owner}`}
            {d.due && `, due ${d.due}`}
          </li>
        ))}
      </ul>
    </article>
  );
}

/** Every ended workshop on this map, newest first (they travel in the map's document and exports). */
export function ResultsView({ results }: { results: readonly WorkshopResult[] }) {
  if (results.length === 0) return <p className="muted">No workshop has ended on this map yet.</p>;
  return (
    <div className="results-view" data-testid="results-view">
      {[...results].reverse().map((result) => (
        <Result key={result.id} result={result} />
      ))}
    </div>
  );
}
