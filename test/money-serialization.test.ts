// MinorUnits on the way out: exact to ±(2^53−1), refused beyond, whether the
// value comes as a bigint (the database's int8) or as a number.
import fc from 'fast-check';
import { GraphQLError, type GraphQLScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/graphql/schema.ts';

const minorUnits = schema.getType('MinorUnits') as GraphQLScalarType;
const LIMIT = BigInt(Number.MAX_SAFE_INTEGER);

describe('MinorUnits serialization', () => {
  it('gives the same integer for every bigint within ±(2^53−1)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -LIMIT, max: LIMIT }), (amount) => {
        const out = minorUnits.serialize(amount) as number;
        expect(BigInt(out)).toBe(amount);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses every bigint beyond, by a code, rather than round it', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: LIMIT + 1n, max: LIMIT * 1000n }), fc.boolean(), (magnitude, negative) => {
        const amount = negative ? -magnitude : magnitude;
        let error: unknown;
        try {
          minorUnits.serialize(amount);
        } catch (caught) {
          error = caught;
        }
        expect(error).toBeInstanceOf(GraphQLError);
        expect((error as GraphQLError).extensions.code).toBe('AMOUNT_NOT_REPRESENTABLE');
        expect((error as GraphQLError).message).toContain(String(amount));
      }),
      { numRuns: 500 },
    );
  });

  it('passes safe integer numbers through and refuses fractions and unsafe numbers', () => {
    expect(minorUnits.serialize(1099)).toBe(1099);
    expect(minorUnits.serialize(-Number.MAX_SAFE_INTEGER)).toBe(-Number.MAX_SAFE_INTEGER);
    for (const bad of [10.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => minorUnits.serialize(bad)).toThrow(/cannot be represented exactly/);
    }
  });
});
