import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_STATEMENT_DESCRIPTOR,
  STATEMENT_DESCRIPTOR_MAX_LENGTH,
  checkStatementDescriptor,
} from '../../src/domain/statement-descriptors.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -#.$&*';

describe('checkStatementDescriptor', () => {
  it("gives Stripe's default when none is given", () => {
    expect(checkStatementDescriptor(undefined, 'outbound_transfer', 'ach')).toEqual({ ok: true, value: 'transfer' });
    expect(checkStatementDescriptor(null, 'outbound_payment', 'us_domestic_wire')).toEqual({ ok: true, value: 'payment' });
    expect(DEFAULT_STATEMENT_DESCRIPTOR.inbound_transfer).toBe('transfer');
  });

  it('limits: 10 over ACH, 140 over a domestic wire, 500 over Stripe; an InboundTransfer is always ACH', () => {
    expect(STATEMENT_DESCRIPTOR_MAX_LENGTH).toEqual({ ach: 10, us_domestic_wire: 140, stripe: 500 });
    expect(checkStatementDescriptor('A'.repeat(10), 'outbound_transfer', 'ach').ok).toBe(true);
    expect(checkStatementDescriptor('A'.repeat(11), 'outbound_transfer', 'ach')).toMatchObject({
      ok: false,
      code: 'parameter_invalid_string_too_long',
      field: ['statementDescriptor'],
    });
    expect(checkStatementDescriptor('A'.repeat(140), 'outbound_payment', 'us_domestic_wire').ok).toBe(true);
    expect(checkStatementDescriptor('A'.repeat(141), 'outbound_payment', 'us_domestic_wire').ok).toBe(false);
    expect(checkStatementDescriptor('A'.repeat(500), 'outbound_payment', 'stripe').ok).toBe(true);
    expect(checkStatementDescriptor('A'.repeat(501), 'outbound_payment', 'stripe').ok).toBe(false);
    expect(checkStatementDescriptor('A'.repeat(11), 'inbound_transfer', 'stripe').ok).toBe(false);
  });

  it.each([
    ['', 'parameter_invalid_empty'],
    ['   ', 'parameter_invalid_string_blank'],
    ['Rent_Dec', 'invalid_characters'],
    ['Café', 'invalid_characters'],
    ['a/b', 'invalid_characters'],
    ['tab\there', 'invalid_characters'],
  ])('refuses %j with %s', (value, code) => {
    expect(checkStatementDescriptor(value, 'outbound_transfer', 'ach')).toMatchObject({ ok: false, code, field: ['statementDescriptor'] });
  });

  it('accepts every allowed character', () => {
    expect(checkStatementDescriptor('Inv #12.5 $&*-', 'outbound_payment', 'us_domestic_wire')).toEqual({ ok: true, value: 'Inv #12.5 $&*-' });
  });

  it('property: a non-blank string of the allowed characters within the limit is accepted unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 1, maxLength: 10 }), (s) => {
        fc.pre(s.trim().length > 0);
        expect(checkStatementDescriptor(s, 'outbound_transfer', 'ach')).toEqual({ ok: true, value: s });
      }),
    );
  });

  it('property: any character outside the set is refused as invalid_characters', () => {
    const outside = fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }).filter((c) => !ALPHABET.includes(c));
    fc.assert(
      fc.property(outside, fc.nat(3), (bad, at) => {
        const s = 'ab'.slice(0, at) + bad + 'cd';
        fc.pre(s.length <= 140);
        expect(checkStatementDescriptor(s, 'outbound_transfer', 'us_domestic_wire')).toMatchObject({ ok: false, code: 'invalid_characters' });
      }),
    );
  });
});
