import { Panel, type ReactFlowState, useStore, useStoreApi } from '@xyflow/react';
import {
  getBoundsOfRects,
  getInternalNodesBounds,
  type Rect,
  XYMinimap,
  type XYMinimapInstance,
} from '@xyflow/system';
import { useEffect, useMemo, useRef } from 'react';
import { MINIMAP } from './canvas-view';
import { minimapColor } from './palette';

/** Blank space around the map in the minimap, in minimap pixels. */
const OFFSET = 5;

/**
 * The nodes as one SVG path per colour. React Flow's own `<MiniMap>` gives every node a component
 * with its own store subscription, so on a 1,000-card map each store change (a drag frame, a
 * colleague's edit) ran a thousand selectors; here one selector sees the node list change and
 * the shapes are rebuilt as a handful of strings.
 */
function shapesOf(nodes: ReactFlowState['nodeLookup']): { color: string; path: string }[] {
  // Keyed by layer then colour: the grid's cells first, the cards drawn over them.
  const paths = new Map<string, { color: string; parts: string[] }>();
  for (const node of nodes.values()) {
    const { width = 0, height = 0 } = node.measured;
    if (node.hidden || !width || !height) continue;
    const color = minimapColor(node.internals.userNode);
    const key = `${node.type === 'touchpoint' ? 1 : 0}${color}`;
    const { x, y } = node.internals.positionAbsolute;
    const shape = paths.get(key) ?? { color, parts: [] };
    shape.parts.push(`M${x},${y}h${width}v${height}h${-width}z`);
    paths.set(key, shape);
  }
  return [...paths.keys()].sort().map((key) => {
    const { color, parts } = paths.get(key) as { color: string; parts: string[] };
    return { color, path: parts.join('') };
  });
}

const selectView = (s: ReactFlowState) => ({
  nodes: s.nodes,
  transform: s.transform,
  flowWidth: s.width,
  flowHeight: s.height,
  panZoom: s.panZoom,
  translateExtent: s.translateExtent,
});
type View = ReturnType<typeof selectView>;
const sameView = (a: View, b: View) =>
  a.nodes === b.nodes &&
  a.transform[0] === b.transform[0] &&
  a.transform[1] === b.transform[1] &&
  a.transform[2] === b.transform[2] &&
  a.flowWidth === b.flowWidth &&
  a.flowHeight === b.flowHeight &&
  a.panZoom === b.panZoom &&
  a.translateExtent === b.translateExtent;

/** An overview of the whole map with the visible part outlined; drag or scroll it to move the view. */
export function JourneyMiniMap({ label }: { label: string }) {
  const store = useStoreApi();
  const svg = useRef<SVGSVGElement>(null);
  const { nodes, transform, flowWidth, flowHeight, panZoom, translateExtent } = useStore(
    selectView,
    sameView,
  );
  // Rebuilt when a node moves or changes, never when the view pans or zooms.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `nodes` is the change signal for the lookup
  const { shapes, bounds } = useMemo(() => {
    const { nodeLookup } = store.getState();
    const visible = (node: { hidden?: boolean }) => !node.hidden;
    return {
      shapes: shapesOf(nodeLookup),
      bounds: nodeLookup.size ? getInternalNodesBounds(nodeLookup, { filter: visible }) : null,
    };
  }, [nodes, store]);

  const [tx, ty, zoom] = transform;
  const view: Rect = { x: -tx / zoom, y: -ty / zoom, width: flowWidth / zoom, height: flowHeight / zoom };
  const shown = bounds ? getBoundsOfRects(bounds, view) : view;
  const scale = Math.max(shown.width / MINIMAP.width, shown.height / MINIMAP.height) || 1;
  const offset = OFFSET * scale;
  const width = scale * MINIMAP.width + offset * 2;
  const height = scale * MINIMAP.height + offset * 2;
  const x = shown.x - (width - shown.width) / 2;
  const y = shown.y - (height - shown.height) / 2;

  const scaleRef = useRef(scale);
  scaleRef.current = scale;
  const minimap = useRef<XYMinimapInstance | null>(null);
  useEffect(() => {
    if (!svg.current || !panZoom) return;
    minimap.current = XYMinimap({
      domNode: svg.current,
      panZoom,
      getTransform: () => store.getState().transform,
      getViewScale: () => scaleRef.current,
    });
    return () => minimap.current?.destroy();
  }, [panZoom, store]);
  useEffect(() => {
    minimap.current?.update({
      translateExtent,
      width: flowWidth,
      height: flowHeight,
      pannable: true,
      zoomable: true,
    });
  }, [translateExtent, flowWidth, flowHeight]);

  return (
    <Panel
      position="bottom-right"
      className="react-flow__minimap minimap"
      style={{ width: MINIMAP.width, height: MINIMAP.height }}
    >
      <svg
        ref={svg}
        width={MINIMAP.width}
        height={MINIMAP.height}
        viewBox={`${x} ${y} ${width} ${height}`}
        className="react-flow__minimap-svg"
        role="img"
        aria-label={label}
      >
        {shapes.map(({ color, path }, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one path per layer and colour, in draw order
          <path key={index} className="react-flow__minimap-node" d={path} style={{ fill: color }} />
        ))}
        <path
          className="react-flow__minimap-mask"
          d={`M${x - offset},${y - offset}h${width + offset * 2}v${height + offset * 2}h${-width - offset * 2}z
        M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`}
          fillRule="evenodd"
          pointerEvents="none"
          style={{ fill: 'rgb(241 245 249 / 70%)' }}
        />
      </svg>
    </Panel>
  );
}
