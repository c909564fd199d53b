import {
  type CellPlacement,
  type ConnectionKind,
  GRID,
  type LeadStage,
  type MapSnapshot,
  placementAt,
  type Team,
} from '@baton/model';
import {
  Background,
  type Connection,
  ConnectionMode,
  type EdgeChange,
  type EdgeTypes,
  type FinalConnectionState,
  type NodeTypes,
  SelectionMode,
  useReactFlow,
} from '@xyflow/react';
import {
  type Dispatch,
  type ReactNode,
  type SetStateAction,
  useCallback,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { MapActions } from '../editing/map-actions';
import { type DragBroadcast, useRemoteDrags } from '../sync/drag-presence';
import { useLiveSnapshotOr } from '../sync/useSnapshot';
import { CanvasControls } from './CanvasControls';
import { ConnectionKeys } from './ConnectionKeys';
import { CanvasLayerFinder, CanvasLayers } from './canvas-layers';
import type { CanvasView } from './canvas-view';
import { FLOW_ID } from './card-handles';
import { CardTitlesProvider, useCardTitlesOf } from './card-titles';
import { connectOnCardDrop } from './dropOnCard';
import { useJourneyEdges } from './edge-elements';
import { CellView, LaneHeaderView, StageHeaderView } from './GridNodes';
import { useGridLayout } from './grid-layout';
import { JourneyEdgeView } from './JourneyEdge';
import { JourneyFlow } from './JourneyFlow';
import { isTouchpointNode, type JourneyNode } from './node-types';
import { PRESENTATION_ZOOM } from './PresentationZoom';
import { EMPTY_SELECTION, type Selection, toggled } from './selection';
import { TouchpointCard } from './TouchpointCard';
import { useCardDrag } from './useCardDrag';
import { useJourneyNodes } from './useJourneyNodes';
import { useMapFit } from './useMapFit';
import { useSeededFlowStore } from './useSeededFlowStore';
import { useStrategyDrop } from './useStrategyDrop';

const nodeTypes: NodeTypes = {
  touchpoint: TouchpointCard,
  cell: CellView,
  stageHeader: StageHeaderView,
  laneHeader: LaneHeaderView,
};

const edgeTypes: EdgeTypes = { journey: JourneyEdgeView };

// Props given to <ReactFlow> as constants, so its store is not updated on every render.
const PRO_OPTIONS = { hideAttribution: true };
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const PAN_BUTTONS = [1, 2];
const notToItself = (connection: { source: string; target: string }) =>
  connection.source !== connection.target;

export interface JourneyCanvasProps {
  /** What to draw when not `liveDoc` (an old version, a comparison). */
  snapshot: MapSnapshot;
  /**
   * The live document, when the canvas shows it: the canvas then reads it itself, so an edit
   * (a colleague's, or Enter in the editor) re-renders the canvas at once and the rest of the
   * workspace later, in a transition (`useDeferredSnapshot`).
   */
  liveDoc?: Y.Doc;
  editable: boolean;
  actions: MapActions;
  selection: Selection;
  onSelectionChange: Dispatch<SetStateAction<Selection>>;
  view: CanvasView;
  /** Publishes this user's in-flight drags to colleagues. */
  dragBroadcast?: DragBroadcast;
  /** Presence, where colleagues' in-flight drags arrive: read here, so they re-render only the canvas. */
  awareness?: Awareness;
  /** Double-click on a cell: the editor opens to add a touchpoint there. */
  onRequestAdd: (placement: CellPlacement) => void;
  onEditStage: (stage: LeadStage) => void;
  /** The kind given to a new connection; 'auto' picks handoff/feedback from the teams. */
  newConnectionKind: ConnectionKind | 'auto';
  children?: ReactNode;
}

/** Puts the keyboard on the connection panel's first field (or its first button, to read and close it). */
function focusConnectionPanel() {
  const panel = document.querySelector('[data-testid=connection-editor], [data-testid=connection-inspector]');
  const first =
    panel?.querySelector<HTMLElement>('input, select, textarea') ??
    panel?.querySelector<HTMLElement>('button');
  first?.focus();
}

function autoKind(sourceTeam: Team | undefined, targetTeam: Team | undefined): ConnectionKind {
  if (sourceTeam === 'marketing' && targetTeam === 'sales') return 'handoff';
  if (sourceTeam === 'sales' && targetTeam === 'marketing') return 'feedback';
  return 'flow';
}

/** The stage × team grid with its touchpoint cards and connections, drawn by React Flow. */
export function JourneyCanvas(props: JourneyCanvasProps) {
  const { editable, actions, selection, onSelectionChange, onRequestAdd, newConnectionKind } = props;
  const snapshot = useLiveSnapshotOr(props.liveDoc, props.snapshot);
  const { screenToFlowPosition } = useReactFlow();
  const [presenting, setPresenting] = useState(false);
  const selectOnly = useCallback(
    (id: string) => onSelectionChange({ touchpoints: [id], connections: [] }),
    [onSelectionChange],
  );
  const layout = useGridLayout(snapshot);
  const { fit, onMoveStart } = useMapFit(layout, presenting);
  const drag = useCardDrag(actions, props.dragBroadcast, layout);
  const remoteDrags = useRemoteDrags(props.awareness);
  const { nodes, onSelectChange } = useJourneyNodes({
    snapshot,
    editable,
    selection,
    onSelectionChange,
    view: props.view,
    layout,
    remoteDrags,
    dropTarget: drag.dropTarget,
    onEditStage: props.onEditStage,
  });
  const strategyDrop = useStrategyDrop(actions, drag.setDropTarget, selectOnly, layout);

  const dimmed = useMemo(
    () => new Set([...props.view.emphasis].filter(([, how]) => how === 'dimmed').map(([id]) => id)),
    [props.view.emphasis],
  );
  const edges = useJourneyEdges(snapshot, selection.connections, dimmed, layout);
  const titles = useCardTitlesOf(snapshot.touchpoints);
  useSeededFlowStore(nodes, edges);
  // Callbacks read the latest map through a ref, so they stay the same across edits.
  const latest = useRef(snapshot);
  latest.current = snapshot;

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
        point.x < layout.width &&
        point.y >= GRID.stageHeaderHeight &&
        point.y < layout.height;
      if (!overGrid) return;
      onRequestAdd(
        placementAt({ x: point.x - GRID.cardWidth / 2, y: point.y - GRID.cardHeight / 2 }, layout),
      );
    },
    [editable, screenToFlowPosition, onRequestAdd, layout],
  );

  const onConnect = useCallback(
    ({ source, target }: Connection) => {
      const teamOf = (id: string) => latest.current.touchpoints.find((tp) => tp.id === id)?.team;
      const kind =
        newConnectionKind === 'auto' ? autoKind(teamOf(source), teamOf(target)) : newConnectionKind;
      const id = actions.addConnection({ source, target, kind });
      if (id) onSelectionChange({ touchpoints: [], connections: [id] });
    },
    [actions, newConnectionKind, onSelectionChange],
  );

  // A plain click on a card picks it alone, even when it already is the (framed) selection, so
  // a card a finding framed opens its editor on click.
  const onNodeClick = useCallback(
    (event: React.MouseEvent, node: JourneyNode) => {
      if (event.shiftKey || event.metaKey || event.ctrlKey || !isTouchpointNode(node)) return;
      onSelectionChange({ touchpoints: [node.id], connections: [] });
    },
    [onSelectionChange],
  );

  // From the keyboard: the connection opens in the side panel, and the keyboard goes with it.
  const openConnection = useCallback(
    (id: string) => {
      onSelectionChange({ touchpoints: [], connections: [id] });
      requestAnimationFrame(() => requestAnimationFrame(focusConnectionPanel));
    },
    [onSelectionChange],
  );

  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) =>
      connectOnCardDrop(event, state, onConnect),
    [onConnect],
  );

  const onDelete = useCallback(
    ({ nodes: gone, edges: cut }: { nodes: JourneyNode[]; edges: { id: string }[] }) => {
      const touchpointIds = gone.filter(isTouchpointNode).map((node) => node.id);
      // One change, so one undo brings back the cards and their connections together.
      actions.deleteSelection({ touchpoints: touchpointIds, connections: cut.map((edge) => edge.id) });
      onSelectionChange(EMPTY_SELECTION);
    },
    [actions, onSelectionChange],
  );

  return (
    <CanvasLayers>
      <CardTitlesProvider value={titles}>
        <JourneyFlow
          id={FLOW_ID}
          nodes={nodes}
          onSelectChange={onSelectChange}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onEdgesChange={onEdgesChange}
          onNodeClick={onNodeClick}
          onNodeDrag={drag.onNodeDrag}
          onNodeDragStop={drag.onNodeDragStop}
          onDoubleClick={onCanvasDoubleClick}
          onMoveStart={onMoveStart}
          onDragOver={editable ? strategyDrop.onDragOver : undefined}
          onDragLeave={editable ? strategyDrop.onDragLeave : undefined}
          onDrop={editable ? strategyDrop.onDrop : undefined}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          onDelete={onDelete}
          isValidConnection={notToItself}
          connectionMode={ConnectionMode.Loose}
          nodesDraggable={editable}
          nodesConnectable={editable}
          elementsSelectable
          edgesFocusable={false}
          deleteKeyCode={editable ? DELETE_KEYS : null}
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          selectionKeyCode={null}
          selectionOnDrag={editable}
          selectionMode={SelectionMode.Partial}
          panOnDrag={editable ? PAN_BUTTONS : true}
          panOnScroll
          zoomOnDoubleClick={false}
          minZoom={presenting ? PRESENTATION_ZOOM : 0.2}
          maxZoom={2}
          proOptions={PRO_OPTIONS}
          aria-label="Journey map canvas"
        >
          <ConnectionKeys
            touchpoints={snapshot.touchpoints}
            connections={snapshot.connections}
            onOpen={openConnection}
          />
          <Background gap={24} color="#e2e8f0" />
          <CanvasControls
            layout={layout}
            presenting={presenting}
            onPresentingChange={setPresenting}
            fit={fit}
          />
          <CanvasLayerFinder />
          {props.children}
        </JourneyFlow>
      </CardTitlesProvider>
    </CanvasLayers>
  );
}
