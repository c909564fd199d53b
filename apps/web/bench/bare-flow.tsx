import {
  ConnectionMode,
  type Edge,
  Handle,
  type Node,
  type NodeProps,
  Position,
  ReactFlow,
  useEdgesState,
  useNodesState,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { memo, StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * A bare React Flow 12 page: the same cards and connections as the Baton map under test,
 * written the way React Flow's own guide shows (memoised custom node, node and edge state
 * hooks, smooth-step edges with their built-in labels), and nothing else. `pnpm bench:canvas`
 * measures it side by side with Baton.
 */
type CardData = { title: string; channel: string; stage: string };
type CardNode = Node<CardData, 'card'>;

export interface BareMap {
  nodes: CardNode[];
  edges: Edge[];
}

declare global {
  interface Window {
    /** Set by the benchmark before the page loads. */
    __BARE_MAP__?: BareMap;
    /** The benchmark's "remote edit": a new title for one card, as a colleague's edit would arrive. */
    bareFlow?: { rename(id: string, title: string): void };
  }
}

const SIDES = [
  ['top', Position.Top],
  ['right', Position.Right],
  ['bottom', Position.Bottom],
  ['left', Position.Left],
] as const;

const Card = memo(function Card({ data }: NodeProps<CardNode>) {
  return (
    <div
      style={{
        width: 220,
        height: 84,
        boxSizing: 'border-box',
        background: '#fff',
        border: '1px solid #cbd5e1',
        borderRadius: 8,
        padding: 8,
        font: '14px system-ui',
      }}
    >
      <div style={{ fontSize: 12, color: '#64748b' }}>
        {data.stage} · {data.channel}
      </div>
      <div className="bare-title" style={{ fontWeight: 600 }}>
        {data.title}
      </div>
      {SIDES.map(([side, position]) => (
        <Handle key={side} id={side} type="source" position={position} />
      ))}
    </div>
  );
});

const nodeTypes = { card: Card };

function BareFlow({ map }: { map: BareMap }) {
  const [nodes, setNodes, onNodesChange] = useNodesState(map.nodes);
  const [edges, , onEdgesChange] = useEdgesState(map.edges);
  useEffect(() => {
    window.bareFlow = {
      rename: (id, title) =>
        setNodes((current) =>
          current.map((node) => (node.id === id ? { ...node, data: { ...node.data, title } } : node)),
        ),
    };
  }, [setNodes]);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      connectionMode={ConnectionMode.Loose}
      panOnScroll
      minZoom={0.2}
      maxZoom={2}
      fitView
    />
  );
}

const root = document.getElementById('root');
const map = window.__BARE_MAP__;
if (root && map)
  createRoot(root).render(
    <StrictMode>
      <BareFlow map={map} />
    </StrictMode>,
  );
