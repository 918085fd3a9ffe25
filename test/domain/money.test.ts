import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  MAX_AMOUNT,
  SUPPORTED_CURRENCIES,
  addMoney,
  checkAmount,
  checkCurrency,
  checkMoney,
  compareMoney,
  isSupportedCurrency,
  money,
  negateMoney,
  subtractMoney,
  sumMoney,
} from '../../src/domain/money.ts';
import { toUserInputError, unwrap } from '../../src/domain/result.ts';
import { UserInputError } from '../../src/domain/errors.ts';

describe('checkCurrency', () => {
  it('accepts usd, the only Treasury currency', () => {
    expect(SUPPORTED_CURRENCIES).toEqual(['usd']);
    expect(checkCurrency('usd')).toEqual({ ok: true, value: 'usd' });
    expect(isSupportedCurrency('usd')).toBe(true);
  });

  it.each([
    [undefined, 'parameter_missing'],
    [null, 'parameter_missing'],
    ['', 'parameter_invalid_empty'],
    [840, 'parameter_invalid'],
    ['us', 'parameter_invalid'],
    ['usdx', 'parameter_invalid'],
    ['us1', 'parameter_invalid'],
    ['USD', 'parameter_invalid'],
    ['eur', 'parameter_invalid'],
  ])('refuses %j with %s on the currency field', (value, code) => {
    const r = checkCurrency(value);
    expect(r).toMatchObject({ ok: false, code, field: ['currency'] });
  });

  it('says to use lowercase for an uppercase code, and names a field path given to it', () => {
    const r = checkCurrency('USD', ['input', 'currency']);
    expect(r).toMatchObject({ ok: false, field: ['input', 'currency'] });
    expect(!r.ok && r.message).toMatch(/lowercase: use 'usd'/);
  });
});

describe('checkAmount', () => {
  it("caps a movement at Stripe's eight digits for usd", () => {
    expect(MAX_AMOUNT.usd).toBe(99_999_999n);
    expect(checkAmount(99_999_999n, 'usd')).toEqual({ ok: true, value: 99_999_999n });
    expect(checkAmount(100_000_000n, 'usd')).toMatchObject({ ok: false, code: 'amount_too_large', field: ['amount'] });
  });

  it.each([
    [0n, 'amount_too_small'],
    [-1n, 'amount_too_small'],
    [0, 'amount_too_small'],
    [1.5, 'parameter_invalid_integer'],
    [Number.NaN, 'parameter_invalid_integer'],
    [Number.POSITIVE_INFINITY, 'parameter_invalid_integer'],
    [2 ** 60, 'parameter_invalid_integer'],
    ['100', 'parameter_invalid_integer'],
    [undefined, 'parameter_missing'],
  ])('refuses %s with %s', (value, code) => {
    expect(checkAmount(value, 'usd')).toMatchObject({ ok: false, code, field: ['amount'] });
  });

  it('property: accepts exactly the integers 1..MAX, as bigint or safe number, returning a bigint', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), (n) => {
        const valid = n >= 1n && n <= MAX_AMOUNT.usd;
        const r = checkAmount(n, 'usd');
        expect(r.ok).toBe(valid);
        if (r.ok) expect(r.value).toBe(n);
        const asNumber = checkAmount(Number(n), 'usd');
        expect(asNumber).toEqual(r);
      }),
    );
  });

  it('property: refuses every non-integer number rather than rounding it', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }).filter((x) => !Number.isInteger(x)), (x) => {
        expect(checkAmount(x, 'usd')).toMatchObject({ ok: false, code: 'parameter_invalid_integer' });
      }),
    );
  });
});

describe('checkMoney', () => {
  it('checks the currency first, then the amount against its limit', () => {
    expect(checkMoney({ amount: 500n, currency: 'usd' })).toEqual({ ok: true, value: { amount: 500n, currency: 'usd' } });
    expect(checkMoney({ amount: 1.5, currency: 'eur' })).toMatchObject({ ok: false, field: ['currency'] });
    expect(checkMoney({ amount: 0n, currency: 'usd' }, { amount: ['input', 'amount'] })).toMatchObject({
      ok: false,
      code: 'amount_too_small',
      field: ['input', 'amount'],
    });
  });

  it('a failure becomes the UserInputError the GraphQL layer reports; unwrap throws it', () => {
    const r = checkMoney({ amount: 0n, currency: 'usd' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const error = toUserInputError(r);
    expect(error).toBeInstanceOf(UserInputError);
    expect([error.code, error.field]).toEqual(['amount_too_small', ['amount']]);
    expect(() => unwrap(r)).toThrow(UserInputError);
    expect(unwrap(checkCurrency('usd'))).toBe('usd');
  });
});

describe('money arithmetic', () => {
  const m = (n: bigint) => money(n, 'usd');
  const big = fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n });

  it('property: exact beyond 2^53; add is commutative, subtract undoes add, negate is subtract from zero', () => {
    fc.assert(
      fc.property(big, big, (a, b) => {
        expect(addMoney(m(a), m(b))).toEqual(addMoney(m(b), m(a)));
        expect(subtractMoney(addMoney(m(a), m(b)), m(b))).toEqual(m(a));
        expect(negateMoney(m(a))).toEqual(subtractMoney(m(0n), m(a)));
        expect(compareMoney(m(a), m(b))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });

  it('property: sumMoney is the bigint sum, zero for nothing', () => {
    fc.assert(
      fc.property(fc.array(big), (list) => {
        expect(sumMoney(list.map(m), 'usd')).toEqual(m(list.reduce((x, y) => x + y, 0n)));
      }),
    );
  });

  it('refuses to mix currencies or to hold a number', () => {
    const eur = { amount: 1n, currency: 'eur' } as unknown as ReturnType<typeof m>;
    expect(() => addMoney(m(1n), eur)).toThrow(TypeError);
    expect(() => money(1 as unknown as bigint, 'usd')).toThrow(TypeError);
  });
});
