import { ControlButton, useReactFlow } from '@xyflow/react';

/** Card titles are 14px at zoom 1: never below it while presenting, readable on a projector. */
export const PRESENTATION_ZOOM = 1;

interface PresentationZoomProps {
  on: boolean;
  onChange: (on: boolean) => void;
  /** Fits the map again after leaving the presentation zoom. */
  onLeave: () => void;
}

/**
 * The "presentation" zoom toggle in the zoom controls: on, the canvas zooms to where card titles
 * are 14px on screen and cannot be zoomed out past it (pan to move around); off, it fits again.
 */
export function PresentationZoom({ on, onChange, onLeave }: PresentationZoomProps) {
  const { getZoom, zoomTo } = useReactFlow();
  const toggle = () => {
    if (on) {
      onChange(false);
      // Once the lower zoom limit is back (next frame), the map fits again.
      requestAnimationFrame(onLeave);
      return;
    }
    onChange(true);
    if (getZoom() < PRESENTATION_ZOOM) void zoomTo(PRESENTATION_ZOOM, { duration: 300 });
  };
  const label = on ? 'Leave presentation zoom' : 'Presentation zoom: card text at 14px or larger';
  return (
    <ControlButton
      onClick={toggle}
      aria-label={label}
      aria-pressed={on}
      title={label}
      data-testid="presentation-zoom"
      className={on ? 'active' : undefined}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <rect
          x="1.5"
          y="2.5"
          width="13"
          height="8.5"
          rx="1"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
        />
        <path d="M8 11v3M5 14h6" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
    </ControlButton>
  );
}
