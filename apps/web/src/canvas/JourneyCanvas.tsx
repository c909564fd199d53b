import {
  type CellPlacement,
  type ConnectionKind,
  GRID,
  GRID_HEIGHT,
  GRID_WIDTH,
  type LeadStage,
  type MapSnapshot,
  placementAt,
  type Team,
} from '@baton/model';
import {
  applyNodeChanges,
  Background,
  type Connection,
  ConnectionMode,
  Controls,
  type EdgeChange,
  type NodeChange,
  type NodeTypes,
  type OnNodeDrag,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import {
  type Dispatch,
  type ReactNode,
  type SetStateAction,
  useCallback,
  useEffect,
  useMemo,
  useState,
} from 'react';
import type { MapActions } from '../editing/map-actions';
import { connectionEdges, gridNodes, touchpointNode } from './flow-elements';
import { CellView, LaneHeaderView, StageHeaderView } from './GridNodes';
import { isTouchpointNode, type JourneyNode } from './node-types';
import { EMPTY_SELECTION, type Selection, toggled } from './selection';
import { TouchpointCard } from './TouchpointCard';

/** Room around the grid for the legend and zoom controls floating over the canvas. */
const FIT_VIEW = { padding: { top: '24px', left: '24px', right: '24px', bottom: '64px' } } as const;

const nodeTypes: NodeTypes = {
  touchpoint: TouchpointCard,
  cell: CellView,
  stageHeader: StageHeaderView,
  laneHeader: LaneHeaderView,
};

export interface JourneyCanvasProps {
  snapshot: MapSnapshot;
  editable: boolean;
  actions: MapActions;
  selection: Selection;
  onSelectionChange: Dispatch<SetStateAction<Selection>>;
  /** Double-click on a cell: the editor opens to add a touchpoint there. */
  onRequestAdd: (placement: CellPlacement) => void;
  /** The kind given to a new connection; 'auto' picks handoff/feedback from the teams. */
  newConnectionKind: ConnectionKind | 'auto';
  children?: ReactNode;
}

function autoKind(sourceTeam: Team | undefined, targetTeam: Team | undefined): ConnectionKind {
  if (sourceTeam === 'marketing' && targetTeam === 'sales') return 'handoff';
  if (sourceTeam === 'sales' && targetTeam === 'marketing') return 'feedback';
  return 'flow';
}

/** The stage × team grid with its touchpoint cards and connections, drawn by React Flow. */
export function JourneyCanvas(props: JourneyCanvasProps) {
  const { snapshot, editable, actions, selection, onSelectionChange, onRequestAdd, newConnectionKind } =
    props;
  const { screenToFlowPosition } = useReactFlow();
  const [nodes, setNodes] = useState<JourneyNode[]>([]);
  const [dropTarget, setDropTarget] = useState<{ stage: LeadStage; team: Team } | null>(null);
  const [resync, setResync] = useState(0);

  // The document is the truth: rebuild the cards from each snapshot, keeping only what
  // React Flow owns locally (measured size, a card mid-drag).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `resync` forces a rebuild after a no-op drop
  useEffect(() => {
    const selected = new Set(selection.touchpoints);
    setNodes((previous) => {
      const before = new Map(previous.map((node) => [node.id, node]));
      const cards = snapshot.touchpoints.map((touchpoint) => {
        const node = touchpointNode(touchpoint, snapshot, editable);
        const old = before.get(touchpoint.id);
        node.selected = selected.has(touchpoint.id);
        if (old?.dragging) {
          node.position = old.position;
          node.dragging = true;
        }
        if (old?.measured) node.measured = old.measured;
        return node;
      });
      return [...gridNodes(snapshot, { editable, dropTarget }), ...cards];
    });
  }, [snapshot, editable, dropTarget, selection, resync]);

  const edges = useMemo(
    () => connectionEdges(snapshot, new Set(selection.connections)),
    [snapshot, selection.connections],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<JourneyNode>[]) => {
      const picks = changes.filter((change) => change.type === 'select');
      if (picks.length) {
        onSelectionChange((current) => {
          let ids = current.touchpoints;
          for (const pick of picks) ids = toggled(ids, pick.id, pick.selected);
          return { ...current, touchpoints: ids };
        });
      }
      const local = changes.filter((change) => change.type === 'position' || change.type === 'dimensions');
      if (local.length) setNodes((current) => applyNodeChanges(local, current));
    },
    [onSelectionChange],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const picks = changes.filter((change) => change.type === 'select');
      if (!picks.length) return;
      onSelectionChange((current) => {
        let ids = current.connections;
        for (const pick of picks) ids = toggled(ids, pick.id, pick.selected);
        return { ...current, connections: ids };
      });
    },
    [onSelectionChange],
  );

  const onNodeDrag: OnNodeDrag<JourneyNode> = useCallback((_event, node) => {
    const { stage, team } = placementAt(node.position);
    setDropTarget((current) =>
      current?.stage === stage && current.team === team ? current : { stage, team },
    );
  }, []);

  const onNodeDragStop: OnNodeDrag<JourneyNode> = useCallback(
    (_event, _node, dragged) => {
      const moves = dragged
        .filter(isTouchpointNode)
        .map((node) => ({ id: node.id, placement: placementAt(node.position) }));
      if (moves.length) actions.moveTouchpoints(moves);
      setDropTarget(null);
      setResync((tick) => tick + 1);
    },
    [actions],
  );

  // Background nodes let pointer events through, so a double-click on the grid reaches the
  // canvas itself; anything over a card, an edge or a floating panel is not an empty cell.
  const onCanvasDoubleClick = useCallback(
    (event: React.MouseEvent) => {
      if (!editable) return;
      const target = event.target as Element;
      if (target.closest('.react-flow__node-touchpoint, .react-flow__edge, .react-flow__panel')) return;
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const overGrid =
        point.x >= GRID.laneHeaderWidth &&
        point.x < GRID_WIDTH &&
        point.y >= GRID.stageHeaderHeight &&
        point.y < GRID_HEIGHT;
      if (!overGrid) return;
      onRequestAdd(placementAt({ x: point.x - GRID.cardWidth / 2, y: point.y - GRID.cardHeight / 2 }));
    },
    [editable, screenToFlowPosition, onRequestAdd],
  );

  const onConnect = useCallback(
    ({ source, target }: Connection) => {
      const teamOf = (id: string) => snapshot.touchpoints.find((tp) => tp.id === id)?.team;
      const kind =
        newConnectionKind === 'auto' ? autoKind(teamOf(source), teamOf(target)) : newConnectionKind;
      const id = actions.addConnection({ source, target, kind });
      if (id) onSelectionChange({ touchpoints: [], connections: [id] });
    },
    [actions, snapshot, newConnectionKind, onSelectionChange],
  );

  const onDelete = useCallback(
    ({ nodes: gone, edges: cut }: { nodes: JourneyNode[]; edges: { id: string }[] }) => {
      const touchpointIds = gone.filter(isTouchpointNode).map((node) => node.id);
      if (cut.length) actions.deleteConnections(cut.map((edge) => edge.id));
      if (touchpointIds.length) actions.deleteTouchpoints(touchpointIds);
      onSelectionChange(EMPTY_SELECTION);
    },
    [actions, onSelectionChange],
  );

  return (
    <ReactFlow<JourneyNode>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onNodeDrag={onNodeDrag}
      onNodeDragStop={onNodeDragStop}
      onDoubleClick={onCanvasDoubleClick}
      onConnect={onConnect}
      onDelete={onDelete}
      isValidConnection={(connection) => connection.source !== connection.target}
      connectionMode={ConnectionMode.Loose}
      nodesDraggable={editable}
      nodesConnectable={editable}
      elementsSelectable={editable}
      edgesFocusable={editable}
      deleteKeyCode={editable ? ['Delete', 'Backspace'] : null}
      zoomOnDoubleClick={false}
      minZoom={0.2}
      maxZoom={2}
      fitView
      fitViewOptions={FIT_VIEW}
      proOptions={{ hideAttribution: true }}
      aria-label="Journey map canvas"
    >
      <Background gap={24} color="#e2e8f0" />
      <Controls showInteractive={false} position="bottom-right" />
      {props.children}
    </ReactFlow>
  );
}
