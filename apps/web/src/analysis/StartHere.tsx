/** The analysis of a map with no card yet: what it will check, instead of a score of 0. */
export function StartHere({ editable }: { editable: boolean }) {
  return (
    <div className="start-here" data-testid="analysis-start">
      <strong>Start here</strong>
      <p>
        {editable
          ? 'Add a first touchpoint: drag a starter strategy onto a cell, or double-click a cell.'
          : 'This map has no touchpoints yet.'}
      </p>
      <p className="muted">
        As cards arrive, this panel checks that every stage is covered by both teams, that marketing hands
        leads to sales with an owner and a rule, that sales reports back, and how the funnel converts.
      </p>
    </div>
  );
}
