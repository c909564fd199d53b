import type { GridLayout } from '@baton/model';
import { ControlButton, Controls, type ReactFlowState, useStore } from '@xyflow/react';
import { useCallback, useState } from 'react';
import { JourneyMiniMap } from './JourneyMiniMap';
import { PresentationZoom } from './PresentationZoom';

/** React Flow's fit-view icon. */
const FIT_ICON =
  'M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z';

interface CanvasControlsProps {
  layout: GridLayout;
  presenting: boolean;
  onPresentingChange: (on: boolean) => void;
  /** Fits the grid to the canvas (the fit button, and leaving the presentation zoom). */
  fit: (duration?: number) => void;
}

/**
 * The zoom controls (zoom, fit, presentation zoom, minimap) in the canvas's bottom right corner,
 * and the minimap beside them. The minimap shows only while part of the grid is out of view: with
 * the whole map on screen it would only repeat it, and cover part of it.
 */
export function CanvasControls({ layout, presenting, onPresentingChange, fit }: CanvasControlsProps) {
  const [minimap, setMinimap] = useState(true);
  const partlyOutOfView = useStore(
    useCallback(
      ({ transform: [x, y, zoom], width, height }: ReactFlowState) =>
        x < -1 || y < -1 || x + layout.width * zoom > width + 1 || y + layout.height * zoom > height + 1,
      [layout.width, layout.height],
    ),
  );
  const minimapLabel = minimap ? 'Hide the minimap' : 'Show the minimap when part of the map is out of view';
  return (
    <>
      <Controls showInteractive={false} showFitView={false} position="bottom-right">
        {/* React Flow's own fit button would also run its own fit (padding 10%, controls ignored). */}
        <ControlButton
          className="react-flow__controls-fitview"
          onClick={() => fit(300)}
          aria-label="Fit the map to the screen"
          title="Fit the map to the screen"
        >
          <svg viewBox="0 0 32 30" aria-hidden="true">
            <path d={FIT_ICON} />
          </svg>
        </ControlButton>
        <PresentationZoom on={presenting} onChange={onPresentingChange} onLeave={() => fit(300)} />
        <ControlButton
          onClick={() => setMinimap((shown) => !shown)}
          aria-label={minimapLabel}
          aria-pressed={minimap}
          title={minimapLabel}
          data-testid="toggle-minimap"
        >
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <rect
              x="1.5"
              y="3"
              width="13"
              height="10"
              rx="1.5"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
            />
            <rect x="8" y="8" width="5" height="3.5" fill="currentColor" />
          </svg>
        </ControlButton>
      </Controls>
      {minimap && partlyOutOfView && <JourneyMiniMap label="Minimap of the journey" />}
    </>
  );
}
