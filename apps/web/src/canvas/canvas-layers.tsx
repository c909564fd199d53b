import { useStore } from '@xyflow/react';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';

/**
 * React Flow's two overlay layers inside the canvas, found once for the whole canvas: the edge
 * label layer (above every line) and the viewport portal (panned and zoomed with the cards).
 * React Flow's own `EdgeLabelRenderer` and `ViewportPortal` look their layer up with a
 * `querySelector` in a store selector, per instance, on every store update: with 350 labels, or
 * even three portals, on a 20k-element page, that was the largest script cost of a drag frame.
 */
export interface CanvasLayerElements {
  labels: HTMLElement | null;
  viewport: HTMLElement | null;
}

const NO_LAYERS: CanvasLayerElements = { labels: null, viewport: null };
const CanvasLayerContext = createContext<CanvasLayerElements>(NO_LAYERS);
const ReportLayers = createContext<(layers: CanvasLayerElements) => void>(() => {});

const domNodeOf = (state: { domNode: Element | null }) => state.domNode;

/**
 * Around `<ReactFlow>` (edges and nodes are rendered by React Flow, not as its children, so the
 * layers are provided from outside), with `<CanvasLayerFinder />` inside it.
 */
export function CanvasLayers({ children }: { children: ReactNode }) {
  const [layers, setLayers] = useState(NO_LAYERS);
  return (
    <ReportLayers.Provider value={setLayers}>
      <CanvasLayerContext.Provider value={layers}>{children}</CanvasLayerContext.Provider>
    </ReportLayers.Provider>
  );
}

/** Inside `<ReactFlow>`: finds the layers once the flow is mounted. */
export function CanvasLayerFinder() {
  const domNode = useStore(domNodeOf);
  const report = useContext(ReportLayers);
  useEffect(() => {
    report({
      labels: domNode?.querySelector<HTMLElement>('.react-flow__edgelabel-renderer') ?? null,
      viewport: domNode?.querySelector<HTMLElement>('.react-flow__viewport-portal') ?? null,
    });
  }, [domNode, report]);
  return null;
}

/** The label layer's element, once the canvas is mounted. */
export function useLabelLayer(): HTMLElement | null {
  return useContext(CanvasLayerContext).labels;
}

/** `ViewportPortal` without its per-update lookup: draws `children` in flow coordinates. */
export function ViewportLayer({ children }: { children: ReactNode }) {
  const layer = useContext(CanvasLayerContext).viewport;
  return layer ? createPortal(children, layer) : null;
}
