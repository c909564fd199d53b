import { describe, expect, it } from 'vitest';
import { AppliedPositions } from './positions.js';

describe('applied positions', () => {
  it('advances over contiguous positions and notices a hole', () => {
    const applied = new AppliedPositions(3);
    applied.add(4);
    expect(applied.head).toBe(4);
    expect(applied.hasGap).toBe(false);
    applied.add(6);
    expect(applied.head).toBe(4);
    expect(applied.hasGap).toBe(true);
    expect(applied.has(6)).toBe(true);
    expect(applied.has(5)).toBe(false);
    applied.add(5);
    expect(applied.head).toBe(6);
    expect(applied.hasGap).toBe(false);
  });

  it('closes a hole from a store read and keeps what was already ahead of it', () => {
    const applied = new AppliedPositions(0);
    applied.add(2);
    applied.add(5);
    applied.advanceTo(3);
    expect(applied.head).toBe(3);
    expect(applied.hasGap).toBe(true);
    applied.add(4);
    expect(applied.head).toBe(5);
    expect(applied.hasGap).toBe(false);
  });
});
