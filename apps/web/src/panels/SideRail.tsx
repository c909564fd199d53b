import type { ReactNode } from 'react';

interface SideRailProps {
  side: 'left' | 'right';
  /** What the rail's one button opens, e.g. "Show the analysis". */
  label: string;
  testId: string;
  onExpand: () => void;
  icon: ReactNode;
  /** A small mark on the icon: a count, or the journey's health. */
  badge?: ReactNode;
}

/**
 * A collapsed side panel: a narrow rail with the panel's icon, as in Miro or FigJam. The canvas
 * takes the panel's width; the icon opens the panel again.
 */
export function SideRail({ side, label, testId, onExpand, icon, badge }: SideRailProps) {
  return (
    <div className={`side-rail ${side}`} data-testid={testId}>
      <button
        type="button"
        className="rail-button"
        onClick={onExpand}
        aria-label={label}
        aria-expanded={false}
        title={label}
      >
        {icon}
        {badge}
      </button>
    </div>
  );
}

/** The button that collapses an open side panel to its rail. */
export function CollapseButton({
  side,
  label,
  onCollapse,
}: {
  side: 'left' | 'right';
  label: string;
  onCollapse: () => void;
}) {
  return (
    <button
      type="button"
      className="icon-button collapse-button"
      onClick={onCollapse}
      aria-label={label}
      aria-expanded={true}
      title={label}
    >
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        <path
          d={side === 'left' ? 'M10 3.5 5.5 8l4.5 4.5' : 'M6 3.5 10.5 8 6 12.5'}
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    </button>
  );
}
