// US bank account details as Stripe validates them before money moves: ABA
// routing numbers, account numbers, and the enums of `us_bank_account`.
import { failure, ok, type Result } from './result.ts';

/** The US bank networks (`us_bank_account.network`, `destination_payment_method_options[us_bank_account][network]`). */
export const US_BANK_NETWORKS = ['ach', 'us_domestic_wire'] as const;
export type UsBankNetwork = (typeof US_BANK_NETWORKS)[number];

/** `us_bank_account.account_holder_type`: "Account holder type: individual or company." */
export const ACCOUNT_HOLDER_TYPES = ['company', 'individual'] as const;
export type AccountHolderType = (typeof ACCOUNT_HOLDER_TYPES)[number];

/** `us_bank_account.account_type`: "checkings or savings. Defaults to checking if omitted." */
export const ACCOUNT_TYPES = ['checking', 'savings'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];
export const DEFAULT_ACCOUNT_TYPE: AccountType = 'checking';

/** The weights of the ABA checksum, digit by digit: 3(d1+d4+d7) + 7(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10). */
const ABA_WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7, 1] as const;

/**
 * Whether the first two digits fall in a range the ABA assigns: 00 (US
 * government), 01–12 (banks), 21–32 (thrifts), 61–72 (electronic), 80 (traveller's
 * cheques). Anything else cannot be a real routing number even if its checksum holds.
 */
function assignedPrefix(prefix: number): boolean {
  return prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80;
}

/** Whether a string of 9 digits satisfies the ABA routing number checksum. */
export function abaChecksumHolds(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * ABA_WEIGHTS[i];
  return sum % 10 === 0;
}

/** Stripe's `routing_number_invalid`: nine digits, an assigned prefix and a valid ABA checksum. */
export function checkRoutingNumber(value: unknown, field: string[] = ['routingNumber']): Result<string> {
  if (value === undefined || value === null || value === '') return failure('parameter_missing', 'A routing number is required.', field);
  if (typeof value !== 'string' || !/^\d{9}$/.test(value)) {
    return failure('routing_number_invalid', 'A routing number is exactly 9 digits.', field);
  }
  if (!assignedPrefix(Number(value.slice(0, 2)))) {
    return failure('routing_number_invalid', `${value} is not a routing number: no ABA range starts with ${value.slice(0, 2)}.`, field);
  }
  if (!abaChecksumHolds(value)) {
    return failure('routing_number_invalid', `${value} is not a routing number: its check digit is wrong.`, field);
  }
  return ok(value);
}

/** US account numbers as Stripe accepts them for us_bank_account: 4 to 17 digits. */
export const ACCOUNT_NUMBER_LENGTH = { min: 4, max: 17 } as const;

/** Stripe's `account_number_invalid`: digits only, 4 to 17 of them. */
export function checkAccountNumber(value: unknown, field: string[] = ['accountNumber']): Result<string> {
  if (value === undefined || value === null || value === '') return failure('parameter_missing', 'An account number is required.', field);
  if (typeof value !== 'string' || !/^\d+$/.test(value)) {
    return failure('account_number_invalid', 'An account number contains digits only.', field);
  }
  if (value.length < ACCOUNT_NUMBER_LENGTH.min || value.length > ACCOUNT_NUMBER_LENGTH.max) {
    return failure(
      'account_number_invalid',
      `An account number has ${ACCOUNT_NUMBER_LENGTH.min} to ${ACCOUNT_NUMBER_LENGTH.max} digits; this one has ${value.length}.`,
      field,
    );
  }
  return ok(value);
}

/** `last4` / `account_number_last4`: "Last four digits of the bank account number." */
export function last4(accountNumber: string): string {
  return accountNumber.slice(-4);
}

function checkEnum<T extends string>(values: readonly T[], value: unknown, what: string, field: string[]): Result<T> {
  if (typeof value === 'string' && (values as readonly string[]).includes(value)) return ok(value as T);
  return failure('parameter_invalid', `${what} must be one of ${values.join(', ')}.`, field);
}

export function checkAccountHolderType(value: unknown, field: string[] = ['accountHolderType']): Result<AccountHolderType> {
  return checkEnum(ACCOUNT_HOLDER_TYPES, value, 'The account holder type', field);
}

export function checkAccountType(value: unknown, field: string[] = ['accountType']): Result<AccountType> {
  if (value === undefined || value === null) return ok(DEFAULT_ACCOUNT_TYPE);
  return checkEnum(ACCOUNT_TYPES, value, 'The account type', field);
}

export function checkUsBankNetwork(value: unknown, field: string[] = ['network']): Result<UsBankNetwork> {
  return checkEnum(US_BANK_NETWORKS, value, 'The network', field);
}

/** The details of an external US bank account, checked: what `us_bank_account` reports, plus the full number to store. */
export interface UsBankAccount {
  routingNumber: string;
  accountNumber: string;
  last4: string;
  accountHolderType: AccountHolderType | null;
  accountType: AccountType;
}

/** All of a `us_bank_account` input's rules, stopping at the first broken one (fields under `field`). */
export function checkUsBankAccount(
  input: { routingNumber: unknown; accountNumber: unknown; accountHolderType?: unknown; accountType?: unknown },
  field: string[] = [],
): Result<UsBankAccount> {
  const routing = checkRoutingNumber(input.routingNumber, [...field, 'routingNumber']);
  if (!routing.ok) return routing;
  const account = checkAccountNumber(input.accountNumber, [...field, 'accountNumber']);
  if (!account.ok) return account;
  let holder: AccountHolderType | null = null;
  if (input.accountHolderType !== undefined && input.accountHolderType !== null) {
    const checked = checkAccountHolderType(input.accountHolderType, [...field, 'accountHolderType']);
    if (!checked.ok) return checked;
    holder = checked.value;
  }
  const type = checkAccountType(input.accountType, [...field, 'accountType']);
  if (!type.ok) return type;
  return ok({
    routingNumber: routing.value,
    accountNumber: account.value,
    last4: last4(account.value),
    accountHolderType: holder,
    accountType: type.value,
  });
}
