// isoString writes exactly what Date#toISOString writes, for every instant.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoString } from '../../src/domain/iso-time.ts';

const YEAR_0 = new Date(Date.UTC(2000, 0, 1)).setUTCFullYear(0);
const YEAR_10000 = new Date(Date.UTC(2000, 0, 1)).setUTCFullYear(10000);

describe('isoString', () => {
  it('equals toISOString from year 0 to 9999, to the millisecond', () => {
    fc.assert(
      fc.property(fc.integer({ min: YEAR_0, max: YEAR_10000 - 1 }), (time) => {
        expect(isoString(new Date(time))).toBe(new Date(time).toISOString());
      }),
      { numRuns: 20_000 },
    );
  });

  it('equals it at the edges: leap days, ends of months, years and centuries, and the epoch', () => {
    const edges = [0, -1, YEAR_0, YEAR_10000 - 1, Date.UTC(2000, 1, 29), Date.UTC(1900, 1, 28, 23, 59, 59, 999), Date.UTC(2100, 2, 1), Date.UTC(2024, 11, 31, 23, 59, 59, 999)];
    for (const time of edges) expect(isoString(new Date(time)), String(time)).toBe(new Date(time).toISOString());
  });

  it('hands years beyond four digits to toISOString (a sign and six digits), and throws as it does for an invalid date', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -8.64e15, max: YEAR_0 - 1 }), fc.integer({ min: YEAR_10000, max: 8.64e15 })), (time) => {
        expect(isoString(new Date(time))).toBe(new Date(time).toISOString());
      }),
    );
    expect(() => isoString(new Date(Number.NaN))).toThrow(RangeError);
  });
});
