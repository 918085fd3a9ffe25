// PaymentMethod (Stripe's `payment_method`, type `us_bank_account`): the rules
// of its billing details and what a US bank account payment method reports
// beyond the account's numbers (checked in bank-accounts.ts).
import type { UsBankNetwork } from './bank-accounts.ts';
import { failure, ok, type Result } from './result.ts';

/** `payment_method.type`: only US bank accounts for now. */
export const PAYMENT_METHOD_TYPES = ['us_bank_account'] as const;
export type PaymentMethodType = (typeof PAYMENT_METHOD_TYPES)[number];

/**
 * `us_bank_account.networks`: Treasury sends to an external US bank account by
 * ACH or by domestic wire, so both are supported; ACH is the one Stripe prefers.
 */
export const US_BANK_ACCOUNT_NETWORKS: { preferred: UsBankNetwork; supported: readonly UsBankNetwork[] } = {
  preferred: 'ach',
  supported: ['ach', 'us_domestic_wire'],
};

/**
 * Bank names of the routing numbers Stripe's test mode uses. A bank's name
 * cannot be derived from its routing number offline (that takes the Federal
 * Reserve's directory), so every other routing number reports no bank name.
 */
const TEST_BANK_NAMES: Record<string, string> = {
  '110000000': 'STRIPE TEST BANK',
};

export function bankNameOf(routingNumber: string): string | null {
  return TEST_BANK_NAMES[routingNumber] ?? null;
}

/** Stripe's `maxLength` of the billing details' strings. */
export const BILLING_TEXT_MAX_LENGTH = 5000;

export interface BillingAddress {
  line1: string | null;
  line2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
}

export interface BillingDetails {
  name: string;
  email: string | null;
  phone: string | null;
  address: BillingAddress;
}

export interface BillingDetailsInput {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: Partial<Record<keyof BillingAddress, string | null>> | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// NUL cannot be stored in PostgreSQL text, and no control character belongs in a name or an address.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** An optional billing text: trimmed, blank as absent, no control characters, at most Stripe's length. */
function checkText(value: string | null | undefined, what: string, field: string[]): Result<string | null> {
  if (value === undefined || value === null) return ok(null);
  if (CONTROL_CHARACTER.test(value)) return failure('parameter_invalid', `${what} cannot contain control characters.`, field);
  const trimmed = value.trim();
  if (trimmed.length > BILLING_TEXT_MAX_LENGTH) {
    return failure('parameter_invalid_string_too_long', `${what} is ${trimmed.length} characters; at most ${BILLING_TEXT_MAX_LENGTH} are allowed.`, field);
  }
  return ok(trimmed.length ? trimmed : null);
}

/**
 * `billing_details`, checked. Stripe requires the account holder's name for a
 * `us_bank_account` payment method (`billing_details[name]`).
 */
export function checkBillingDetails(input: BillingDetailsInput | null | undefined, field: string[] = ['billingDetails']): Result<BillingDetails> {
  const name = checkText(input?.name, 'The account holder\'s name', [...field, 'name']);
  if (!name.ok) return name;
  if (name.value === null) {
    return failure('parameter_missing', 'A US bank account payment method needs the account holder\'s name (billingDetails.name).', [...field, 'name']);
  }
  const email = checkText(input?.email, 'The email address', [...field, 'email']);
  if (!email.ok) return email;
  if (email.value !== null && (!EMAIL.test(email.value) || email.value.length > 254)) {
    return failure('email_invalid', `'${email.value.slice(0, 80)}' is not a valid email address.`, [...field, 'email']);
  }
  const phone = checkText(input?.phone, 'The phone number', [...field, 'phone']);
  if (!phone.ok) return phone;

  const address: BillingAddress = { line1: null, line2: null, city: null, state: null, postalCode: null, country: null };
  const labels: Record<keyof BillingAddress, string> = {
    line1: 'The address line 1',
    line2: 'The address line 2',
    city: 'The city',
    state: 'The state',
    postalCode: 'The postal code',
    country: 'The country',
  };
  for (const key of Object.keys(labels) as Array<keyof BillingAddress>) {
    const checked = checkText(input?.address?.[key], labels[key], [...field, 'address', key]);
    if (!checked.ok) return checked;
    address[key] = checked.value;
  }
  if (address.country !== null && !/^[A-Z]{2}$/.test(address.country)) {
    return failure('country_invalid', `'${address.country.slice(0, 20)}' is not a two-letter ISO country code (e.g. US).`, [
      ...field,
      'address',
      'country',
    ]);
  }
  return ok({ name: name.value, email: email.value, phone: phone.value, address });
}

/**
 * Metadata keys and values may hold any text but NUL, which PostgreSQL cannot
 * store (the limits themselves are metadata.ts's).
 */
export function checkMetadataText(metadata: Record<string, string> | null | undefined, field: string[] = ['metadata']): Result<void> {
  for (const [key, value] of Object.entries(metadata ?? {})) {
    if (key.includes('\u0000')) return failure('parameter_invalid', 'Metadata keys cannot contain NUL characters.', field);
    if (value.includes('\u0000')) {
      return failure('parameter_invalid', `Metadata value of "${key}" cannot contain NUL characters.`, [...field, key]);
    }
  }
  return ok(undefined);
}
