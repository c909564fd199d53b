import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupedNumber } from './grouped-number.js';

describe('a number with thousands grouped', () => {
  it('reads as the en-US formatter writes it', () => {
    expect(groupedNumber(260000, 2)).toBe('260,000');
    expect(groupedNumber(1234.5, 2)).toBe('1,234.5');
    expect(groupedNumber(-1234567.891, 2)).toBe('-1,234,567.89');
    expect(groupedNumber(0.004, 2)).toBe('0');
    expect(groupedNumber(999.999, 2)).toBe('1,000');
    expect(groupedNumber(12, 3)).toBe('12');
  });

  it('matches Intl.NumberFormat for counts and amounts a map holds', () => {
    const amounts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
    const counts = new Intl.NumberFormat('en-US');
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const value = whole + Math.sign(whole || 1) * (cents / 100);
        expect(groupedNumber(value, 2)).toBe(amounts.format(value));
        expect(groupedNumber(whole, 3)).toBe(counts.format(whole));
      }),
      { numRuns: 2000 },
    );
  });
});
