import { useReactFlow, useStore } from '@xyflow/react';
import { memo, useEffect, useMemo, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { ViewportLayer } from '../canvas/canvas-layers';
import { createCursorTracker, type RemoteCursor } from './cursor-layer';
import type { Cursor } from './presence-schema';
import { createThrottledField } from './throttled-field';

/** How often this browser's pointer is published; receivers glide between samples (CSS). */
export const CURSOR_INTERVAL_MS = 60;

/** Publishes this browser's pointer over the canvas, in flow coordinates. */
function usePointerBroadcast(awareness: Awareness) {
  const domNode = useStore((state) => state.domNode);
  const { screenToFlowPosition } = useReactFlow();
  useEffect(() => {
    if (!domNode) return;
    const cursor = createThrottledField<Cursor>(awareness, 'cursor', CURSOR_INTERVAL_MS);
    const onMove = (event: PointerEvent) => {
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      cursor.set({ x: Math.round(point.x), y: Math.round(point.y) });
    };
    const onLeave = () => cursor.set(null);
    domNode.addEventListener('pointermove', onMove, { passive: true });
    domNode.addEventListener('pointerleave', onLeave);
    return () => {
      domNode.removeEventListener('pointermove', onMove);
      domNode.removeEventListener('pointerleave', onLeave);
      cursor.dispose();
    };
  }, [awareness, domNode, screenToFlowPosition]);
}

/** Colleagues' cursors, re-read at most once a frame, and once a second to hide idle ones. */
function useRemoteCursors(awareness: Awareness): RemoteCursor[] {
  const tracker = useMemo(createCursorTracker, []);
  const [cursors, setCursors] = useState<RemoteCursor[]>([]);
  useEffect(() => {
    let frame = 0;
    const read = () => {
      frame = 0;
      setCursors(tracker.read(awareness, performance.now()));
    };
    const schedule = () => {
      frame ||= requestAnimationFrame(read);
    };
    read();
    awareness.on('change', schedule);
    const idleCheck = setInterval(schedule, 1000);
    return () => {
      awareness.off('change', schedule);
      clearInterval(idleCheck);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [awareness, tracker]);
  return cursors;
}

const CursorMark = memo(function CursorMark({ cursor, scale }: { cursor: RemoteCursor; scale: number }) {
  return (
    <div
      className={cursor.idle ? 'live-cursor idle' : 'live-cursor'}
      style={{ transform: `translate(${cursor.x}px, ${cursor.y}px) scale(${scale})` }}
      data-testid="live-cursor"
      data-name={cursor.name}
      data-idle={cursor.idle ? 'true' : 'false'}
      aria-hidden="true"
    >
      <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
        <path d="M2 1.5 L15.5 8.5 L9 10 L6.5 16 Z" fill={cursor.color} stroke="#fff" strokeWidth="1.4" />
      </svg>
      <span className="live-cursor-name" style={{ background: cursor.color }}>
        {cursor.name}
      </span>
    </div>
  );
});

/**
 * Everyone's pointer on the canvas, in their colour with their full name, for every map
 * (workshop or not). Drawn in flow coordinates so a cursor stays on the card it points at
 * whatever each person's zoom; the mark keeps its screen size. Render inside the React Flow canvas.
 */
export function LiveCursors({ awareness }: { awareness: Awareness }) {
  usePointerBroadcast(awareness);
  const cursors = useRemoteCursors(awareness);
  const zoom = useStore((state) => state.transform[2]);
  return (
    <ViewportLayer>
      <div className="live-cursors" data-testid="live-cursors">
        {cursors.map((cursor) => (
          <CursorMark key={cursor.clientId} cursor={cursor} scale={1 / zoom} />
        ))}
      </div>
    </ViewportLayer>
  );
}
