// @vitest-environment happy-dom
import {
  createSnapshotReader,
  type MapSnapshot,
  moveTouchpoint,
  snapshotToDocument,
  templateSnapshot,
  updateTouchpoint,
} from '@baton/model';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, expect, test } from 'vitest';
import { PLAIN_VIEW } from './canvas-view';
import { useJourneyEdges } from './edge-elements';
import { useGridLayout } from './grid-layout';
import type { JourneyEdge } from './JourneyEdge';
import type { JourneyNode } from './node-types';
import type { Selection } from './selection';
import { useJourneyNodes } from './useJourneyNodes';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const unmounts: (() => void)[] = [];
afterEach(() => {
  for (const unmount of unmounts.splice(0)) act(unmount);
});

const NO_DRAGS = new Map();
const NO_DIMMED = new Set<string>();
const ignore = () => {};

interface Drawn {
  nodes: JourneyNode[];
  edges: JourneyEdge[];
}

function Probe({ snapshot, selection, out }: { snapshot: MapSnapshot; selection: Selection; out: Drawn[] }) {
  const layout = useGridLayout(snapshot);
  const { nodes } = useJourneyNodes({
    snapshot,
    editable: true,
    selection,
    onSelectionChange: ignore,
    view: PLAIN_VIEW,
    layout,
    remoteDrags: NO_DRAGS,
    dropTarget: null,
  });
  const edges = useJourneyEdges(snapshot, selection.connections, NO_DIMMED, layout);
  out.push({ nodes, edges });
  return null;
}

/** A template map in a document, drawn through the live reader as the canvas draws it. */
function drawnMap() {
  const doc = snapshotToDocument(templateSnapshot('saas-free-trial'));
  const reader = createSnapshotReader(doc);
  const out: Drawn[] = [];
  const root = createRoot(document.createElement('div'));
  unmounts.push(() => root.unmount());
  let selection: Selection = { touchpoints: [], connections: [] };
  const draw = () =>
    act(() => root.render(createElement(Probe, { snapshot: reader.read().snapshot, selection, out })));
  draw();
  return {
    doc,
    draw,
    select(next: Selection) {
      selection = next;
      draw();
    },
    last: () => out.at(-1) as Drawn,
  };
}

const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((item) => [item.id, item]));

test("a colleague's title edit rebuilds that card's node and nothing else", () => {
  const map = drawnMap();
  const before = map.last();
  const edited = before.nodes.find((node) => node.type === 'touchpoint');
  if (!edited) throw new Error('the template has no cards');
  updateTouchpoint(map.doc, edited.id, { title: 'Renamed by a colleague' });
  map.draw();
  const after = map.last();
  const old = byId(before.nodes);
  const changed = after.nodes.filter((node) => node.type === 'touchpoint' && old.get(node.id) !== node);
  expect(changed.map((node) => node.id)).toEqual([edited.id]);
  expect(changed[0]?.ariaLabel).toMatch(/^Renamed by a colleague:/);
  // A title is not part of any line's drawing: every edge is the same object.
  expect(after.edges).toBe(before.edges);
});

test('selecting a card or a connection rebuilds only what was selected', () => {
  const map = drawnMap();
  const before = map.last();
  const card = before.nodes.find((node) => node.type === 'touchpoint');
  const edge = before.edges[0];
  if (!card || !edge) throw new Error('the template has no cards or connections');
  map.select({ touchpoints: [card.id], connections: [edge.id] });
  const after = map.last();
  const oldNodes = byId(before.nodes);
  const oldEdges = byId(before.edges);
  expect(after.nodes.filter((node) => oldNodes.get(node.id) !== node).map((node) => node.id)).toEqual([
    card.id,
  ]);
  expect(after.nodes.find((node) => node.id === card.id)?.selected).toBe(true);
  expect(after.edges.filter((e) => oldEdges.get(e.id) !== e).map((e) => e.id)).toEqual([edge.id]);
  expect(after.edges.find((e) => e.id === edge.id)?.selected).toBe(true);
});

test('moving a card redraws its node, and no edge but its own lines and labels it pushed away', () => {
  const map = drawnMap();
  const before = map.last();
  const edge = before.edges[0];
  if (!edge) throw new Error('the template has no connections');
  const card = before.nodes.find((node) => node.id === edge.source);
  if (card?.type !== 'touchpoint') throw new Error('no source card');
  const { stage, team, x, y } = card.data.touchpoint;
  moveTouchpoint(map.doc, card.id, { stage, team, x: x + 40, y });
  map.draw();
  const after = map.last();
  expect(after.nodes.find((node) => node.id === card.id)?.position).not.toEqual(card.position);
  const oldEdges = byId(before.edges);
  const redrawn = after.edges.filter((e) => oldEdges.get(e.id) !== e);
  expect(redrawn.length).toBeLessThan(after.edges.length);
  for (const line of redrawn) {
    // Labels keep clear of the cards: another line's label may have moved away from this one.
    const touches = line.source === card.id || line.target === card.id;
    const labelMoved = line.data?.labelOffset !== oldEdges.get(line.id)?.data?.labelOffset;
    expect(touches || labelMoved).toBe(true);
  }
});
