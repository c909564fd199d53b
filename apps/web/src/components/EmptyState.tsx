/** Shown over an empty grid so a new map never looks broken. */
export function EmptyState({ editable }: { editable: boolean }) {
  return (
    <div className="empty-state" data-testid="empty-state">
      <strong>{editable ? 'Start the relay' : 'No touchpoints yet'}</strong>
      <span>
        {editable
          ? 'Double-click a cell, or use + Touchpoint, to place the first step of the journey. Drag between card edges to connect them.'
          : 'Touchpoints appear here as soon as the map’s editors add them.'}
      </span>
    </div>
  );
}
