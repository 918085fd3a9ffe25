import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectedArrivalDate, isBankingDayAt } from '../../src/domain/timelines.ts';

/** A time given as Central wall-clock time in winter (UTC−6), e.g. central('2026-11-30', 9). */
function central(date: string, hour: number, minute = 0): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!, hour + 6, minute));
}
/** 5pm Central on a winter day, the instant an arrival is reported as. */
const endOfDay = (date: string) => central(date, 17).toISOString();

describe('expectedArrivalDate', () => {
  // Stripe's table, for the week of Monday 30 November 2026 (requests before the cutoffs).
  it.each([
    ['Monday', '2026-11-30', '2026-12-01', '2026-11-30'],
    ['Tuesday', '2026-12-01', '2026-12-02', '2026-12-01'],
    ['Wednesday', '2026-12-02', '2026-12-03', '2026-12-02'],
    ['Thursday', '2026-12-03', '2026-12-04', '2026-12-03'],
    ['Friday', '2026-12-04', '2026-12-07', '2026-12-04'],
    ['Saturday', '2026-12-05', '2026-12-08', '2026-12-07'],
    ['Sunday', '2026-12-06', '2026-12-08', '2026-12-07'],
  ])('%s: ACH arrives %s, a wire %s', (_day, submitted, ach, wire) => {
    expect(expectedArrivalDate('ach', central(submitted, 10)).toISOString()).toBe(endOfDay(ach));
    expect(expectedArrivalDate('us_domestic_wire', central(submitted, 10)).toISOString()).toBe(endOfDay(wire));
  });

  it('moves a request after the cutoff (ACH 6pm, wire 3pm Central) to the next banking day', () => {
    expect(expectedArrivalDate('ach', central('2026-11-30', 17, 59)).toISOString()).toBe(endOfDay('2026-12-01'));
    expect(expectedArrivalDate('ach', central('2026-11-30', 18, 0)).toISOString()).toBe(endOfDay('2026-12-02'));
    expect(expectedArrivalDate('us_domestic_wire', central('2026-11-30', 14, 59)).toISOString()).toBe(endOfDay('2026-11-30'));
    expect(expectedArrivalDate('us_domestic_wire', central('2026-11-30', 15, 0)).toISOString()).toBe(endOfDay('2026-12-01'));
  });

  it('skips Federal Reserve holidays, but not the Friday before a Saturday holiday', () => {
    // Thanksgiving, Thursday 26 November 2026.
    expect(expectedArrivalDate('ach', central('2026-11-25', 10)).toISOString()).toBe(endOfDay('2026-11-27'));
    expect(expectedArrivalDate('us_domestic_wire', central('2026-11-26', 10)).toISOString()).toBe(endOfDay('2026-11-27'));
    // Christmas, Friday 25 December 2026.
    expect(expectedArrivalDate('ach', central('2026-12-24', 10)).toISOString()).toBe(endOfDay('2026-12-28'));
    // Independence Day 2026 is a Saturday: federal offices close Friday 3 July, the Fed does not.
    expect(isBankingDayAt(new Date('2026-07-03T15:00:00Z'))).toBe(true);
    // New Year's Day 2023 was a Sunday, observed Monday 2 January.
    expect(isBankingDayAt(new Date('2023-01-02T15:00:00Z'))).toBe(false);
  });

  it('reports 5pm Central in summer time too (UTC−5)', () => {
    expect(expectedArrivalDate('us_domestic_wire', new Date('2026-07-06T15:00:00Z')).toISOString()).toBe('2026-07-06T22:00:00.000Z');
  });

  it('posts over Stripe\'s network at once, at any hour', () => {
    const saturdayNight = central('2026-12-05', 23);
    expect(expectedArrivalDate('stripe', saturdayNight)).toEqual(saturdayNight);
  });

  it('never promises arrival before the request, and always on a banking day within a week (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom('ach' as const, 'us_domestic_wire' as const),
        (at, network) => {
          const arrival = expectedArrivalDate(network, at);
          expect(arrival.getTime()).toBeGreaterThanOrEqual(at.getTime());
          expect(arrival.getTime() - at.getTime()).toBeLessThan(8 * 24 * 3600 * 1000);
          expect(isBankingDayAt(arrival)).toBe(true);
          // A wire is never slower than ACH sent at the same time (between 3pm and 6pm Central they arrive together).
          if (network === 'ach') expect(arrival.getTime()).toBeGreaterThanOrEqual(expectedArrivalDate('us_domestic_wire', at).getTime());
        },
      ),
    );
  });
});
