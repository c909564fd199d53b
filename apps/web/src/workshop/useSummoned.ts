import type { Summon } from '@baton/model';
import { useReactFlow, useStore } from '@xyflow/react';
import { useEffect, useRef } from 'react';

/**
 * Follows the facilitator's summon: the canvas jumps to their view once per summon, and while
 * it holds, this browser cannot pan or zoom away until released. The facilitator stays put.
 */
export function useSummoned(summon: Summon | null, isFacilitator: boolean) {
  const { setCenter } = useReactFlow();
  const domNode = useStore((state) => state.domNode);
  const seen = useRef<string | null>(null);
  const active = summon && !isFacilitator ? summon : null;

  useEffect(() => {
    if (!active || seen.current === active.id) return;
    seen.current = active.id;
    void setCenter(active.viewport.x, active.viewport.y, { zoom: active.viewport.zoom, duration: 300 });
  }, [active, setCenter]);

  const held = Boolean(active?.hold);
  useEffect(() => {
    if (!held || !domNode) return;
    const block = (event: Event) => {
      if ((event.target as Element | null)?.closest?.('.react-flow__panel')) return;
      event.preventDefault();
      event.stopPropagation();
    };
    const moves = ['wheel', 'pointerdown', 'touchstart', 'dblclick'] as const;
    for (const type of moves) domNode.addEventListener(type, block, { capture: true, passive: false });
    return () => {
      for (const type of moves) domNode.removeEventListener(type, block, { capture: true });
    };
  }, [held, domNode]);
  return { held };
}
