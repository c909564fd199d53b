import { useState } from 'react';

/**
 * The first `pageSize` items of a long list, and a way to show more. A 1,000-card map can have
 * hundreds of findings and metric rows; drawing them all held ~12,000 elements in the panel and
 * re-rendered them on every edit.
 */
export function usePaged<T>(items: readonly T[], pageSize: number) {
  const [limit, setLimit] = useState(pageSize);
  return {
    shown: items.length > limit ? items.slice(0, limit) : items,
    hidden: Math.max(0, items.length - limit),
    showMore: () => setLimit((current) => current + pageSize * 4),
  };
}

export function ShowMore({ hidden, onClick, what }: { hidden: number; onClick: () => void; what: string }) {
  if (hidden === 0) return null;
  return (
    <button type="button" className="link-button show-more" onClick={onClick} data-testid="show-more">
      Show {hidden} more {what}
    </button>
  );
}
