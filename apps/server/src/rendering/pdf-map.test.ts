import { describe, expect, it } from 'vitest';
import { pathEnd } from './pdf-map.js';

describe('pathEnd', () => {
  it('points a curve’s arrowhead along its last control point', () => {
    expect(pathEnd('M0,0 C40,0 60,60 100,100')?.angle).toBeCloseTo(Math.PI / 4);
    expect(pathEnd('M10,10 L110,10')).toEqual({ x: 110, y: 10, angle: 0 });
    expect(pathEnd('M0,0 C0,-30 0,-30 0,-50')?.angle).toBeCloseTo(-Math.PI / 2);
  });

  it('falls back to an earlier point when the last control point sits on the end', () => {
    expect(pathEnd('M0,0 C-20,0 -40,0 -40,0')?.angle).toBeCloseTo(Math.PI);
    expect(pathEnd('M1.5,2.25 L1.5,2.25')).toEqual({ x: 1.5, y: 2.25, angle: 0 });
    expect(pathEnd('')).toBeUndefined();
  });
});
