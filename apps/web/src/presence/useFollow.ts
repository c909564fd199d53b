import { useReactFlow, useStore } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { readViewport, type SharedViewport } from './presence-schema';
import { createThrottledField } from './throttled-field';

const VIEWPORT_INTERVAL_MS = 100;

/** Publishes the centre and zoom of what this browser shows, so colleagues can follow it. */
export function useViewportBroadcast(awareness: Awareness) {
  const transform = useStore((state) => state.transform);
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  const field = useRef<ReturnType<typeof createThrottledField<SharedViewport>> | null>(null);
  useEffect(() => {
    const created = createThrottledField<SharedViewport>(awareness, 'viewport', VIEWPORT_INTERVAL_MS);
    field.current = created;
    return () => created.dispose();
  }, [awareness]);
  useEffect(() => {
    const [x, y, zoom] = transform;
    if (!width || !height) return;
    field.current?.set({
      x: Math.round((width / 2 - x) / zoom),
      y: Math.round((height / 2 - y) / zoom),
      zoom: Math.round(zoom * 1000) / 1000,
    });
  }, [transform, width, height]);
}

export function viewportOf(awareness: Awareness, clientId: number): SharedViewport | null {
  const state = awareness.getStates().get(clientId) as { viewport?: unknown } | undefined;
  return readViewport(state?.viewport);
}

export interface Following {
  /** The awareness client whose view this browser copies, or null. */
  clientId: number | null;
  /** Held by the facilitator: moving does not leave. */
  held: boolean;
}

/**
 * Follows a colleague's viewport: the canvas copies their centre and zoom as it changes. Moving
 * the canvas yourself (wheel, drag, pinch, keyboard) leaves, unless the facilitator holds the room.
 */
export function useFollow(awareness: Awareness) {
  const [following, setFollowing] = useState<Following>({ clientId: null, held: false });
  const { setCenter } = useReactFlow();
  const domNode = useStore((state) => state.domNode);
  const follow = useCallback((clientId: number | null, held = false) => setFollowing({ clientId, held }), []);

  useEffect(() => {
    const { clientId } = following;
    if (clientId === null) return;
    let last = '';
    const copy = () => {
      if (!awareness.getStates().has(clientId)) {
        setFollowing({ clientId: null, held: false });
        return;
      }
      const view = viewportOf(awareness, clientId);
      const key = view ? `${view.x},${view.y},${view.zoom}` : '';
      if (!view || key === last) return;
      last = key;
      void setCenter(view.x, view.y, { zoom: view.zoom, duration: 150 });
    };
    copy();
    awareness.on('change', copy);
    return () => awareness.off('change', copy);
  }, [awareness, following, setCenter]);

  useEffect(() => {
    if (following.clientId === null || !domNode) return;
    const leave = (event: Event) => {
      if (following.held) {
        event.preventDefault();
        event.stopPropagation();
        return;
      }
      setFollowing({ clientId: null, held: false });
    };
    const moves = ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const;
    for (const type of moves) domNode.addEventListener(type, leave, { capture: true, passive: false });
    return () => {
      for (const type of moves) domNode.removeEventListener(type, leave, { capture: true });
    };
  }, [domNode, following]);

  return { following, follow };
}
