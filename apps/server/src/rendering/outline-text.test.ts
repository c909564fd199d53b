import { exportSvg } from '@baton/export';
import { sampleMap } from '@baton/export/testing';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { outlineText } from './outline-text.js';

describe('outlineText', () => {
  it('replaces every text of an exported map with placed glyph outlines', () => {
    const svg = exportSvg(sampleMap());
    const outlined = outlineText(svg);
    expect(XMLValidator.validate(outlined)).toBe(true);
    expect(outlined).not.toMatch(/<text\b/);
    const uses = [...outlined.matchAll(/<use href="#(g[rb]\d+)"/g)].map((match) => match[1]);
    const defined = new Set([...outlined.matchAll(/<path id="(g[rb]\d+)"/g)].map((match) => match[1]));
    // Glyphs are defined once and placed many times.
    expect(uses.length).toBeGreaterThan(300);
    expect(defined.size).toBeLessThan(uses.length / 3);
    for (const use of uses) expect(defined.has(use)).toBe(true);
  });

  it('centres and right-aligns by the glyphs’ advance widths', () => {
    const place = (anchor: string) =>
      outlineText(
        `<svg xmlns="http://www.w3.org/2000/svg"><text x="100" y="20" font-size="10" text-anchor="${anchor}">ii</text></svg>`,
      );
    const firstX = (svg: string) => Number(/translate\(([\d.]+) /.exec(svg)?.[1]);
    const start = firstX(place('start'));
    const middle = firstX(place('middle'));
    const end = firstX(place('end'));
    expect(start).toBe(100);
    expect(100 - middle).toBeCloseTo((100 - end) / 2, 1);
    expect(end).toBeLessThan(middle);
  });

  it('leaves text it does not understand to the renderer', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg"><text x="1" y="2">a <a href="#">link</a></text></svg>';
    expect(outlineText(svg)).toContain('<text x="1" y="2">a <a href="#">link</a></text>');
  });
});
