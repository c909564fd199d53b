import { describe, expect, it } from 'vitest';
import type { GroupNode, PathNode, RectNode, SceneNode } from './scene.js';
import { exportSvg, mapScene } from './svg.js';
import { sceneToSvg } from './svg-scene.js';
import { connection, sampleMap, touchpoint } from './testing/fixtures.js';

function walk(nodes: readonly SceneNode[], found: SceneNode[] = []): SceneNode[] {
  for (const node of nodes) {
    found.push(node);
    if (node.kind === 'group') walk(node.children, found);
  }
  return found;
}

describe('mapScene', () => {
  const map = sampleMap();
  const scene = mapScene(map);
  const nodes = walk(scene.children);

  it('is what the SVG export writes', () => {
    expect(sceneToSvg(scene)).toBe(exportSvg(map));
  });

  it('holds a card per touchpoint, titled, and a path per connection with its arrowhead', () => {
    const cards = nodes.filter(
      (node): node is GroupNode => node.kind === 'group' && node.data?.touchpoint !== undefined,
    );
    expect(cards.map((card) => card.data?.touchpoint).sort()).toEqual(
      map.touchpoints.map((entry) => entry.id).sort(),
    );
    for (const card of cards) expect(card.children[0]?.kind).toBe('title');
    const lines = nodes.filter(
      (node): node is PathNode => node.kind === 'path' && node.data?.connection !== undefined,
    );
    expect(lines).toHaveLength(map.connections.length);
    for (const line of lines) {
      expect(line.d).toMatch(/^M[\d.,-]+ C[\d.,-]+ [\d.,-]+ [\d.,-]+$/);
      expect(scene.arrowheads.map((head) => head.kind)).toContain(line.marker);
    }
    expect(lines.find((line) => line.marker === 'feedback')?.dash).toEqual([7, 5]);
  });

  it('keeps text as lines, wrapped titles as a block', () => {
    const texts = nodes.filter((node) => node.kind === 'text');
    expect(texts.flatMap((node) => node.lines)).toContain('Webinar invite');
    const wrapped = texts.find((node) => node.lines[0] === 'Sponsored LinkedIn');
    expect(wrapped).toMatchObject({
      lineHeight: 17,
      bold: true,
      lines: ['Sponsored LinkedIn', 'posts for the spring cam…'],
    });
  });
});

describe('connection labels in the map picture', () => {
  it('never print one label over another, and keep off the cards where the curve allows', () => {
    const map = sampleMap();
    // Two cards and three labelled connections between them: every label's curve has the same middle.
    const crowded = {
      ...map,
      touchpoints: [
        touchpoint({ id: 'a', title: 'Webinar', stage: 'warm', x: 16, y: 16 }),
        touchpoint({ id: 'b', title: 'Discovery call', team: 'sales', stage: 'qualified', x: 16, y: 16 }),
      ],
      connections: [
        connection({ id: 'c1', source: 'a', target: 'b', kind: 'handoff', label: 'Asked for pricing' }),
        connection({ id: 'c2', source: 'b', target: 'a', kind: 'feedback', label: 'Why deals were lost' }),
        connection({ id: 'c3', source: 'a', target: 'b', label: 'Brought to the meeting' }),
      ],
    };
    const labelGroup = walk(mapScene(crowded).children).find(
      (node): node is GroupNode => node.kind === 'group' && node.data?.part === 'connection-labels',
    );
    const pills = walk(labelGroup?.children ?? []).filter((node): node is RectNode => node.kind === 'rect');
    expect(pills).toHaveLength(3);
    const overlap = (a: RectNode, b: RectNode) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    for (const [index, pill] of pills.entries())
      for (const other of pills.slice(index + 1)) expect(overlap(pill, other)).toBe(false);
  });
});
