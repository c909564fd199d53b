import { describe, expect, it } from 'vitest';
import type { GroupNode, PathNode, SceneNode } from './scene.js';
import { exportSvg, mapScene } from './svg.js';
import { sceneToSvg } from './svg-scene.js';
import { sampleMap } from './testing/fixtures.js';

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
