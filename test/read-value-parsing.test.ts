// The read path's own parsers of PostgreSQL's text (src/db/database.ts): its
// timestamptz parser (parseUtcTimestamp) against node-postgres's, the same
// instant for every text PostgreSQL prints, the fast form and every form it
// hands back to node-postgres's parser; and int8 as the exact bigint.
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, parseInt8, parseUtcTimestamp, type Database } from '../src/db/database.ts';
import { testDatabase } from './support/gateway.ts';

const pgParser = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ) as (text: string) => Date;

// Date.UTC reads years 0 to 99 as 1900 to 1999.
const YEAR_1 = new Date(Date.UTC(2000, 0, 1)).setUTCFullYear(1);

/** Milliseconds from year 100 to 9999, and every year before. */
const instants = fc.oneof(
  fc.integer({ min: Date.UTC(100, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }),
  fc.integer({ min: YEAR_1, max: Date.UTC(100, 0, 1) }),
  // Whole seconds and tenths, which PostgreSQL prints with no or fewer decimals.
  fc.integer({ min: 0, max: 4_102_444_800 }).map((seconds) => seconds * 1000),
  fc.integer({ min: 0, max: 41_024_448_000 }).map((tenths) => tenths * 100),
);

describe('reading timestamptz', () => {
  let db: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const scratch = await testDatabase();
    drop = scratch.drop;
    db = await openDatabase(scratch.target, { logError: () => {} });
  });
  afterAll(async () => {
    await db?.close();
    await drop?.();
  });

  it('gives the instant PostgreSQL printed, as node-postgres does, for every instant of years 1 to 9999', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(instants, { minLength: 1, maxLength: 50 }), async (times) => {
        // PostgreSQL's own text for each, in the UTC session every connection runs in.
        const { rows } = await db.pool.query<{ text: string }>(
          'SELECT t::text AS text FROM unnest($1::timestamptz[]) AS t',
          [times.map((time) => new Date(time).toISOString())],
        );
        rows.forEach(({ text }, i) => {
          expect(parseUtcTimestamp(text).getTime(), text).toBe(times[i]);
          expect(parseUtcTimestamp(text).getTime(), text).toBe(pgParser(text).getTime());
        });
      }),
      { numRuns: 40 },
    );
  });

  it('hands every other form to node-postgres: other offsets, microseconds, BC, years beyond 9999, infinity', () => {
    for (const text of [
      '2026-01-02 03:04:05.678+02',
      '2026-01-02 03:04:05.678-05:30',
      '2026-01-02 03:04:05.123456+00',
      '2026-01-02 03:04:05+00 BC',
      '0099-12-31 23:59:59+00',
      '12026-01-02 03:04:05+00',
      'infinity',
      '-infinity',
    ]) {
      // postgres-date reads infinity as the number Infinity, not as a Date.
      const instant = (value: unknown) => String(value instanceof Date ? value.getTime() : value);
      expect(instant(parseUtcTimestamp(text)), text).toBe(instant(pgParser(text)));
    }
  });

  it('reads every int8 PostgreSQL prints as the same bigint, short ones through a number', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n })), { minLength: 1, maxLength: 50 }), async (values) => {
        const { rows } = await db.pool.query<{ text: string }>('SELECT v::text AS text FROM unnest($1::int8[]) AS v', [values.map(String)]);
        rows.forEach(({ text }, i) => expect(parseInt8(text)).toBe(values[i]));
      }),
      { numRuns: 40 },
    );
  });

  it('reads fewer than three decimals as what they are worth: .89 is 890 ms', async () => {
    const { rows } = await db.pool.query<{ text: string }>(`SELECT '2026-03-04 05:06:07.89+00'::timestamptz::text AS text`);
    expect(rows[0].text).toBe('2026-03-04 05:06:07.89+00');
    expect(parseUtcTimestamp(rows[0].text).toISOString()).toBe('2026-03-04T05:06:07.890Z');
  });
});
