/** Shown over an empty grid so a new map never looks broken, with the ways to begin. */
export function EmptyState({ editable }: { editable: boolean }) {
  return (
    <div className="empty-state" data-testid="empty-state">
      <div className="empty-mark">
        <svg width="40" height="40" viewBox="0 0 40 40" aria-hidden="true">
          <rect x="3" y="8" width="15" height="10" rx="3" fill="#dbeafe" stroke="#2563eb" strokeWidth="1.5" />
          <rect
            x="22"
            y="22"
            width="15"
            height="10"
            rx="3"
            fill="#d1fae5"
            stroke="#059669"
            strokeWidth="1.5"
          />
          <path d="M18 13h6v9" fill="none" stroke="#f97316" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </div>
      <strong>{editable ? 'Start the relay' : 'No touchpoints yet'}</strong>
      {editable ? (
        <ul>
          <li>Drag a starter strategy from the left onto a cell</li>
          <li>Double-click a cell, or use + Touchpoint</li>
          <li>To connect two cards, drag from a dot on a card’s edge and drop anywhere on the other card</li>
        </ul>
      ) : (
        <span>Touchpoints appear here as soon as the map’s editors add them.</span>
      )}
    </div>
  );
}
