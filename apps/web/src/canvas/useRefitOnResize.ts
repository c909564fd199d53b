import { useReactFlow } from '@xyflow/react';
import { type RefObject, useEffect } from 'react';
import { FIT_VIEW } from './canvas-view';

/**
 * When the canvas area changes width (a side panel or the palette opens or closes), the grid is
 * fitted again, so no stage column is left hidden behind a panel.
 */
export function useRefitOnResize(container: RefObject<HTMLElement | null>): void {
  const { fitView } = useReactFlow();
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let width = element.clientWidth;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      const next = element.clientWidth;
      if (Math.abs(next - width) < 24) return;
      width = next;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => void fitView({ ...FIT_VIEW, duration: 200 }));
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [container, fitView]);
}
