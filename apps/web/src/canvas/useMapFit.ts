import type { GridLayout } from '@baton/model';
import { useReactFlow, useStore, useStoreApi } from '@xyflow/react';
import { useCallback, useEffect, useRef } from 'react';
import { type FitRoom, fittedViewport, type Size, type Viewport } from './fit-view';

/** Margin between the fitted grid and the canvas's edges. */
const EDGE = 16;
/** Kept between the grid and the zoom controls. */
const CONTROLS_GAP = 8;
/** Where React Flow's controls sit when they cannot be measured (26px buttons, 15px margin). */
const CONTROLS_FALLBACK: Size = { width: 26 + 15 + CONTROLS_GAP, height: 5 * 26 + 15 + CONTROLS_GAP };
/** A change of the canvas's width (a side panel opened, closed or collapsed) fits the map again. */
const WIDTH_STEP = 24;

/** How far the zoom controls reach into the canvas from its right and bottom edges. */
function controlsRoom(canvas: Element, controls: Element): Size {
  const frame = canvas.getBoundingClientRect();
  const box = controls.getBoundingClientRect();
  return { width: frame.right - box.left + CONTROLS_GAP, height: frame.bottom - box.top + CONTROLS_GAP };
}

/**
 * The zoom controls' room, measured by a ResizeObserver: it reports after the browser's own
 * layout, so reading the boxes then costs nothing, where measuring them from an effect forced a
 * layout of the whole map (60–100 ms at 1,000 cards) before its first paint. `onMeasured` runs a
 * fit that waited for it; the observer reports before that frame is painted.
 */
function useControlsRoom(onMeasured: () => void) {
  const store = useStoreApi();
  const room = useRef<Size | null>(null);
  const measured = useRef(onMeasured);
  measured.current = onMeasured;
  useEffect(() => {
    const canvas = store.getState().domNode;
    const controls = canvas?.querySelector('.react-flow__controls');
    if (!canvas || !controls) {
      room.current = CONTROLS_FALLBACK;
      return;
    }
    const observer = new ResizeObserver(() => {
      room.current = controlsRoom(canvas, controls);
      measured.current();
    });
    observer.observe(controls);
    return () => observer.disconnect();
  }, [store]);
  return room;
}

const sameView = (a: Viewport, [x, y, zoom]: [number, number, number]) =>
  Math.abs(a.x - x) < 0.5 && Math.abs(a.y - y) < 0.5 && Math.abs(a.zoom - zoom) < 1e-3;

/**
 * The last fit: its view; whether it may still be animating there; whether the user moved the
 * view since; and whether its animation's start is still to come (a move starting without a
 * user's event is then that animation, not another of the app's moves).
 */
interface Fitted {
  view: Viewport;
  animating: boolean;
  moved: boolean;
  startPending: boolean;
}

/**
 * Fitting the grid to the canvas (`fittedViewport`): as large as the canvas allows, clear of the
 * zoom controls. The map is fitted when the canvas first has a size, again when its width changes
 * (so no stage is left behind a panel, and a collapsed panel's width goes to the map), and, while
 * the view is still the fitted one, when the canvas or the grid changes size (the map loaded, a
 * cell grew). `paused` (presentation zoom) keeps the view where it is. Pass `onMoveStart` to
 * React Flow.
 *
 * "Still the fitted one" holds while the fit animates, until its transition ends (or another
 * move takes over), however late the browser's frames are: a wall-clock window for the
 * animation missed a cell that grew after a slow frame, and left stages off the canvas.
 */
export function useMapFit(layout: GridLayout, paused: boolean) {
  const store = useStoreApi();
  const { setViewport } = useReactFlow();
  const fitted = useRef<Fitted | null>(null);
  // A fit asked for before the controls were measured (the first one): its duration.
  const waiting = useRef<number | null>(null);
  const controls = useControlsRoom(() => {
    const duration = waiting.current;
    waiting.current = null;
    if (duration !== null) fit(duration);
  });

  const fit = useCallback(
    (duration = 0) => {
      const { width, height, minZoom, maxZoom } = store.getState();
      if (!width || !height) return;
      if (!controls.current) {
        waiting.current = duration;
        return;
      }
      const room: FitRoom = { edge: EDGE, controls: controls.current, minZoom, maxZoom };
      const grid = { x: 0, y: 0, width: layout.width, height: layout.height };
      const view = fittedViewport({ width, height }, grid, room);
      const record: Fitted = { view, animating: true, moved: false, startPending: true };
      fitted.current = record;
      // Resolves once the transition has ended (never, if another move interrupted it).
      void setViewport(view, { duration }).then(() => {
        record.animating = false;
      });
    },
    [store, setViewport, layout.width, layout.height, controls],
  );

  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  const widthSeen = useRef(0);
  useEffect(() => {
    if (!width || !height || paused) return;
    const before = widthSeen.current;
    widthSeen.current = width;
    if (!before) return fit();
    const last = fitted.current;
    const untouched =
      !!last && !last.moved && (last.animating || sameView(last.view, store.getState().transform));
    if (Math.abs(width - before) >= WIDTH_STEP || untouched) fit(200);
  }, [width, height, fit, paused, store]);

  // A pan or zoom by the user leaves the fit. React Flow passes no event for moves made in code:
  // the fit's own animation starting, or another of the app's moves (framing a finding, following
  // a colleague, the zoom buttons), after which the view is the fitted one only if it is there.
  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null) => {
    const last = fitted.current;
    if (!last) return;
    if (event) last.moved = true;
    else if (last.startPending) last.startPending = false;
    else last.animating = false;
  }, []);

  return { fit, onMoveStart };
}
