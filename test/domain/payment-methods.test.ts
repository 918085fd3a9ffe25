import { describe, expect, it } from 'vitest';
import { bankNameOf, BILLING_TEXT_MAX_LENGTH, checkBillingDetails, checkMetadataText } from '../../src/domain/payment-methods.ts';

describe('checkBillingDetails', () => {
  it('trims every text, takes blanks as absent, and keeps the address parts', () => {
    expect(
      checkBillingDetails({ name: ' Jenny Rosen ', email: ' j@example.com', phone: '  ', address: { line1: '1 Main St', country: 'US', city: '' } }),
    ).toEqual({
      ok: true,
      value: {
        name: 'Jenny Rosen',
        email: 'j@example.com',
        phone: null,
        address: { line1: '1 Main St', line2: null, city: null, state: null, postalCode: null, country: 'US' },
      },
    });
  });

  it.each([
    [undefined, 'parameter_missing', ['billingDetails', 'name']],
    [{}, 'parameter_missing', ['billingDetails', 'name']],
    [{ name: ' \t ' }, 'parameter_invalid', ['billingDetails', 'name']],
    [{ name: '   ' }, 'parameter_missing', ['billingDetails', 'name']],
    [{ name: 'a\u0000b' }, 'parameter_invalid', ['billingDetails', 'name']],
    [{ name: 'a\nb' }, 'parameter_invalid', ['billingDetails', 'name']],
    [{ name: 'n'.repeat(BILLING_TEXT_MAX_LENGTH + 1) }, 'parameter_invalid_string_too_long', ['billingDetails', 'name']],
    [{ name: 'J', email: 'j@' }, 'email_invalid', ['billingDetails', 'email']],
    [{ name: 'J', phone: '\u007f' }, 'parameter_invalid', ['billingDetails', 'phone']],
    [{ name: 'J', address: { country: 'us' } }, 'country_invalid', ['billingDetails', 'address', 'country']],
    [{ name: 'J', address: { postalCode: '9\u00001' } }, 'parameter_invalid', ['billingDetails', 'address', 'postalCode']],
  ])('refuses %j with %s at %j', (input, code, field) => {
    expect(checkBillingDetails(input)).toMatchObject({ ok: false, code, field });
  });

  it('accepts a name of exactly the maximum length', () => {
    expect(checkBillingDetails({ name: 'n'.repeat(BILLING_TEXT_MAX_LENGTH) }).ok).toBe(true);
  });
});

describe('checkMetadataText', () => {
  it('refuses NUL in keys and values, naming the key of a bad value', () => {
    expect(checkMetadataText({ 'a\u0000': 'v' })).toMatchObject({ ok: false, code: 'parameter_invalid', field: ['metadata'] });
    expect(checkMetadataText({ note: 'v\u0000' })).toMatchObject({ ok: false, code: 'parameter_invalid', field: ['metadata', 'note'] });
    expect(checkMetadataText({ note: 'émoji ✓' })).toEqual({ ok: true, value: undefined });
    expect(checkMetadataText(null)).toEqual({ ok: true, value: undefined });
  });
});

describe('bankNameOf', () => {
  it('knows Stripe\'s test routing number only', () => {
    expect(bankNameOf('110000000')).toBe('STRIPE TEST BANK');
    expect(bankNameOf('021000021')).toBeNull();
  });
});
