import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  ACCOUNT_HOLDER_TYPES,
  ACCOUNT_TYPES,
  US_BANK_NETWORKS,
  abaChecksumHolds,
  checkAccountHolderType,
  checkAccountNumber,
  checkAccountType,
  checkRoutingNumber,
  checkUsBankAccount,
  checkUsBankNetwork,
  last4,
} from '../../src/domain/bank-accounts.ts';

const WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7, 1];
/** The ninth digit that completes eight digits into a valid ABA checksum. */
const checkDigit = (eight: string) => (10 - ([...eight].reduce((s, d, i) => s + Number(d) * WEIGHTS[i], 0) % 10)) % 10;
const prefixes = ['00', '01', '05', '12', '21', '26', '32', '61', '67', '72', '80'];
const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });

describe('checkRoutingNumber', () => {
  it.each(['110000000', '021000021', '011000015', '121000248', '322271627'])('accepts the real routing number %s', (n) => {
    expect(checkRoutingNumber(n)).toEqual({ ok: true, value: n });
  });

  it.each([
    ['110000001', /check digit/],
    ['021000022', /check digit/],
    ['11000000', /exactly 9 digits/],
    ['1100000000', /exactly 9 digits/],
    ['11000000a', /exactly 9 digits/],
    [' 110000000', /exactly 9 digits/],
    ['500000005', /no ABA range starts with 50/],
    ['990000002', /no ABA range/],
  ])('refuses %s as routing_number_invalid', (n, message) => {
    const r = checkRoutingNumber(n);
    expect(r).toMatchObject({ ok: false, code: 'routing_number_invalid', field: ['routingNumber'] });
    expect(!r.ok && r.message).toMatch(message);
  });

  it('a missing routing number is parameter_missing', () => {
    expect(checkRoutingNumber(undefined)).toMatchObject({ ok: false, code: 'parameter_missing' });
    expect(checkRoutingNumber('')).toMatchObject({ ok: false, code: 'parameter_missing' });
  });

  it('property: any assigned prefix and six digits complete to exactly one valid routing number', () => {
    fc.assert(
      fc.property(fc.constantFrom(...prefixes), digits(6), (prefix, rest) => {
        const eight = prefix + rest;
        const valid = [...'0123456789'].filter((d) => abaChecksumHolds(eight + d));
        expect(valid).toEqual([String(checkDigit(eight))]);
        expect(checkRoutingNumber(eight + valid[0]).ok).toBe(true);
      }),
    );
  });

  it('property: changing any one digit of a valid number breaks the checksum (3, 7, 1 are prime to 10)', () => {
    fc.assert(
      fc.property(digits(8), fc.nat(8), fc.integer({ min: 1, max: 9 }), (eight, position, delta) => {
        const valid = eight + checkDigit(eight);
        const changed = valid.slice(0, position) + ((Number(valid[position]) + delta) % 10) + valid.slice(position + 1);
        expect(abaChecksumHolds(valid)).toBe(true);
        expect(abaChecksumHolds(changed)).toBe(false);
      }),
    );
  });
});

describe('checkAccountNumber and last4', () => {
  it('accepts 4 to 17 digits, keeping leading zeros', () => {
    expect(checkAccountNumber('0001')).toEqual({ ok: true, value: '0001' });
    expect(checkAccountNumber('12345678901234567').ok).toBe(true);
    expect(last4('000123456789')).toBe('6789');
  });

  it.each(['123', '123456789012345678', '1234-5678', '12 34', 'abcd', '١٢٣٤'])('refuses %j as account_number_invalid', (n) => {
    expect(checkAccountNumber(n)).toMatchObject({ ok: false, code: 'account_number_invalid', field: ['accountNumber'] });
  });

  it('property: exactly the digit strings of length 4..17 are accepted', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 25 }).chain((n) => digits(n)), (n) => {
        expect(checkAccountNumber(n).ok).toBe(n.length >= 4 && n.length <= 17);
        if (n.length >= 4) expect(last4(n)).toBe(n.slice(n.length - 4));
      }),
    );
  });
});

describe('enums', () => {
  it("are Stripe's values", () => {
    expect(US_BANK_NETWORKS).toEqual(['ach', 'us_domestic_wire']);
    expect(ACCOUNT_HOLDER_TYPES).toEqual(['company', 'individual']);
    expect(ACCOUNT_TYPES).toEqual(['checking', 'savings']);
  });

  it('account type defaults to checking; unknown values are parameter_invalid naming the choices', () => {
    expect(checkAccountType(undefined)).toEqual({ ok: true, value: 'checking' });
    expect(checkAccountType('savings')).toEqual({ ok: true, value: 'savings' });
    const r = checkAccountType('brokerage');
    expect(r).toMatchObject({ ok: false, code: 'parameter_invalid', field: ['accountType'] });
    expect(!r.ok && r.message).toMatch(/checking, savings/);
    expect(checkAccountHolderType('company').ok).toBe(true);
    expect(checkAccountHolderType('trust')).toMatchObject({ ok: false, field: ['accountHolderType'] });
    expect(checkUsBankNetwork('us_domestic_wire').ok).toBe(true);
    expect(checkUsBankNetwork('stripe')).toMatchObject({ ok: false, field: ['network'] });
  });
});

describe('checkUsBankAccount', () => {
  it('checks every part and reports last4', () => {
    expect(checkUsBankAccount({ routingNumber: '110000000', accountNumber: '000123456789', accountHolderType: 'individual' })).toEqual({
      ok: true,
      value: { routingNumber: '110000000', accountNumber: '000123456789', last4: '6789', accountHolderType: 'individual', accountType: 'checking' },
    });
  });

  it('names the offending field under the given path', () => {
    const base = { routingNumber: '110000000', accountNumber: '000123456789' };
    const at = ['input', 'destination'];
    expect(checkUsBankAccount({ ...base, routingNumber: '110000001' }, at)).toMatchObject({ ok: false, field: [...at, 'routingNumber'] });
    expect(checkUsBankAccount({ ...base, accountNumber: '12' }, at)).toMatchObject({ ok: false, field: [...at, 'accountNumber'] });
    expect(checkUsBankAccount({ ...base, accountHolderType: 'x' }, at)).toMatchObject({ ok: false, field: [...at, 'accountHolderType'] });
    expect(checkUsBankAccount({ ...base, accountType: 'x' }, at)).toMatchObject({ ok: false, field: [...at, 'accountType'] });
  });
});
