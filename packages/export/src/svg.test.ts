import { cardsOverlap, GRID, nextFreeSlot, type Point, toCanvasPosition } from '@baton/model';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { exportSvg } from './svg.js';
import { escapeXml, textWidth, wrapText } from './svg-text.js';
import { sampleMap, touchpoint } from './testing/fixtures.js';

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
});

/** Every element named `name` anywhere under `node`. */
function findAll(node: unknown, name: string, found: Node[] = []): Node[] {
  if (Array.isArray(node)) for (const child of node) findAll(child, name, found);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === name)
        for (const element of Array.isArray(value) ? value : [value])
          found.push(typeof element === 'object' ? (element as Node) : { '#text': element });
      findAll(value, name, found);
    }
  }
  return found;
}

function text(node: Node): string {
  const own = node['#text'];
  return typeof own === 'string' || typeof own === 'number' ? String(own) : '';
}

const hostile = touchpoint({
  id: 'hostile',
  title: `</text><script>alert("x")</script> & 'quotes' \u0007bell`,
  owner: '<b>Eve</b>',
  stage: 'warm',
  x: 40,
  y: 200,
});
const cjk = touchpoint({
  id: 'cjk',
  title: '顧客インタビューと満足度調査のフォローアップ面談をします 😀',
  team: 'sales',
  stage: 'customer',
});
const map = { ...sampleMap(), touchpoints: [...sampleMap().touchpoints, hostile, cjk] };
const svg = exportSvg(map);
const document = parser.parse(svg) as Node;

describe('exportSvg', () => {
  it('is well-formed XML with a size, a viewBox and a named font', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    const root = document.svg as Node;
    expect(root.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(Number(root.width)).toBeGreaterThan(1400);
    expect(root.viewBox).toBe(`0 0 ${root.width} ${root.height}`);
    expect(root['font-family']).toMatch(/^DejaVu Sans, /);
  });

  it('holds every touchpoint title, escaped, and no markup from the data', () => {
    const titles = findAll(document, 'title').map(text);
    expect(titles[0]).toBe(map.meta.title);
    for (const entry of map.touchpoints) expect(titles).toContain(entry.title.replace('\u0007', ''));
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;/text&gt;&lt;script&gt;');
    expect(findAll(document, 'script')).toEqual([]);
  });

  it('draws the stage headers, both lanes and the legend', () => {
    const texts = findAll(document, 'text').map(text);
    for (const label of [
      'Cold',
      'Warm',
      'Qualified',
      'Customer',
      'Marketing',
      'Sales',
      'Flow',
      'Handoff',
      'Feedback',
    ]) {
      expect(texts).toContain(label);
    }
    expect(texts).toContain('12,000 leads');
  });

  it('places each card where the canvas layout puts it', () => {
    const cards = findAll(document, 'g').filter((group) => group['data-touchpoint']);
    expect(cards).toHaveLength(map.touchpoints.length);
    for (const card of cards) {
      const entry = map.touchpoints.find((item) => item.id === card['data-touchpoint']);
      const position = toCanvasPosition(entry ?? hostile);
      const [frame] = findAll(card, 'rect');
      expect(frame).toMatchObject({
        x: String(position.x),
        y: String(position.y),
        width: String(GRID.cardWidth),
      });
    }
  });

  it('wraps and ellipsizes long titles on the cards', () => {
    const card = findAll(document, 'g').find((group) => group['data-touchpoint'] === 'ads') as Node;
    const lines = findAll(card, 'tspan').map(text);
    expect(lines).toEqual(['Sponsored LinkedIn', 'posts for the spring cam…']);
    const cjkCard = findAll(document, 'g').find((group) => group['data-touchpoint'] === 'cjk') as Node;
    expect(findAll(cjkCard, 'tspan').map(text)).toHaveLength(2);
  });

  it('styles connections by kind with arrowheads', () => {
    const paths = findAll(document, 'path').filter((path) => path['data-connection']);
    const byId = new Map(paths.map((path) => [path['data-connection'], path]));
    expect(byId.get('c1')).toMatchObject({ stroke: '#64748b', 'marker-end': 'url(#arrow-flow)' });
    expect(byId.get('c1')?.['stroke-dasharray']).toBeUndefined();
    expect(byId.get('c2')).toMatchObject({
      stroke: '#f97316',
      'stroke-width': '3.5',
      'marker-end': 'url(#arrow-handoff)',
    });
    expect(byId.get('c3')).toMatchObject({
      stroke: '#8b5cf6',
      'stroke-dasharray': '7 5',
      'marker-end': 'url(#arrow-feedback)',
    });
    const markers = findAll(document, 'marker').map((marker) => marker.id);
    expect(markers).toEqual(['arrow-flow', 'arrow-handoff', 'arrow-feedback']);
    expect(findAll(document, 'text').map(text)).toContain('clicks through');
  });

  it('draws sticky notes and grows the drawing to take in a note off the grid', () => {
    const far = {
      ...sampleMap(),
      notes: [{ id: 'far', text: 'Far away', x: 3000, y: -400, author: '', color: 'pink' as const }],
    };
    const root = (parser.parse(exportSvg(far)) as Node).svg as Node;
    expect(Number(root.width)).toBeGreaterThan(3000);
    expect(findAll(root, 'tspan').map(text)).toContain('Far away');
  });
});

describe('SVG text helpers', () => {
  it('escapes markup and drops characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0000\uD800`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
    );
    expect(escapeXml('emoji 😀 漢字')).toBe('emoji 😀 漢字');
  });

  it('wraps at spaces, breaks words too long for a line and ellipsizes the last line', () => {
    expect(wrapText('Short', { maxWidth: 200, fontSize: 13, maxLines: 2 })).toEqual(['Short']);
    const lines = wrapText('one two three four five six seven eight nine ten', {
      maxWidth: 80,
      fontSize: 13,
      maxLines: 2,
    });
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
    for (const line of lines) expect(textWidth(line, 13)).toBeLessThanOrEqual(80);
    const broken = wrapText('Supercalifragilisticexpialidocious', {
      maxWidth: 100,
      fontSize: 13,
      maxLines: 3,
    });
    expect(broken.length).toBeGreaterThan(1);
    expect(broken.join('').replace('…', '')).toMatch(/^Supercalifrag/);
  });

  it('grows a crowded cell as the canvas does: twelve cards, none covering another', () => {
    const taken: Point[] = [];
    const crowded = Array.from({ length: 12 }, (_, index) => {
      const slot = nextFreeSlot(taken);
      taken.push(slot);
      return touchpoint({ id: `card-${index}`, title: `Card ${index}`, stage: 'warm', ...slot });
    });
    const svg = exportSvg({ ...sampleMap(), touchpoints: crowded, connections: [], notes: [] });
    const frames = findAll(parser.parse(svg), 'g')
      .filter((group) => group['data-touchpoint'])
      .map((group) => findAll(group, 'rect')[0] as Node)
      .map((rect) => ({ x: Number(rect.x), y: Number(rect.y) }));
    expect(frames).toHaveLength(12);
    for (const [i, a] of frames.entries())
      for (const b of frames.slice(i + 1)) expect(cardsOverlap(a, b)).toBe(false);
    // The Warm column is drawn wide enough for its three columns of cards.
    const cell = findAll(parser.parse(svg), 'g').find((group) => group['data-lane'] === 'marketing') as Node;
    const widths = findAll(cell, 'rect').map((rect) => Number(rect.width));
    expect(Math.max(...widths)).toBeGreaterThanOrEqual(3 * (GRID.cardWidth + GRID.cellPadding));
  });
});
