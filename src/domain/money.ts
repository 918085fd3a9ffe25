// Currencies and amounts as Stripe Treasury accepts them. Amounts are integer
// minor units held in bigint from the edge inwards: a float never touches money.
import { failure, ok, type Result } from './result.ts';

/** Treasury financial accounts hold only usd (treasury.financial_account `supported_currencies`; Stripe's Treasury docs). */
export const SUPPORTED_CURRENCIES = ['usd'] as const;
export type Currency = (typeof SUPPORTED_CURRENCIES)[number];

/** An amount of money: signed integer minor units (cents for usd) and its lowercase ISO 4217 currency. */
export interface Money {
  amount: bigint;
  currency: Currency;
}

/**
 * The largest amount one money movement may carry, per currency, in minor units.
 * Stripe's material here (spec3.json) gives no maximum; Stripe's currency guide
 * (docs.stripe.com/currencies, "Minimum and maximum charge amounts") says amounts
 * "support up to eight digits (e.g., a value of 99999999 for a USD charge of
 * $999,999.99)". We apply that per movement until Treasury's own per-account
 * limits are modelled.
 */
export const MAX_AMOUNT: Readonly<Record<Currency, bigint>> = Object.freeze({ usd: 99_999_999n });

/** The smallest amount of a money movement: Stripe's `amount` is a positive integer ("Amount (in cents) to be transferred"). */
export const MIN_AMOUNT = 1n;

/** Whether `value` is a currency Treasury supports (exactly, lowercase). */
export function isSupportedCurrency(value: unknown): value is Currency {
  return typeof value === 'string' && (SUPPORTED_CURRENCIES as readonly string[]).includes(value);
}

/** Stripe's `currency` rule: "Three-letter ISO currency code, in lowercase. Must be a supported currency." */
export function checkCurrency(value: unknown, field: string[] = ['currency']): Result<Currency> {
  if (value === undefined || value === null) return failure('parameter_missing', 'A currency is required (usd).', field);
  if (typeof value !== 'string') return failure('parameter_invalid', 'The currency must be a three-letter ISO code such as usd.', field);
  if (value.length === 0) return failure('parameter_invalid_empty', 'The currency cannot be empty (usd).', field);
  if (!/^[A-Za-z]{3}$/.test(value)) {
    return failure('parameter_invalid', `'${value.slice(0, 20)}' is not a three-letter ISO currency code.`, field);
  }
  if (value !== value.toLowerCase()) {
    return failure('parameter_invalid', `Currency codes are lowercase: use '${value.toLowerCase()}', not '${value}'.`, field);
  }
  if (!isSupportedCurrency(value)) {
    return failure('parameter_invalid', `Treasury supports only ${SUPPORTED_CURRENCIES.join(', ')}, not '${value}'.`, field);
  }
  return ok(value);
}

/**
 * Stripe's `amount` rule for a money movement: a positive integer of minor units,
 * at most MAX_AMOUNT. Accepts a bigint, or a number only when it is a safe integer
 * (a fractional or unsafe number is refused, never rounded).
 */
export function checkAmount(value: unknown, currency: Currency, field: string[] = ['amount']): Result<bigint> {
  if (value === undefined || value === null) return failure('parameter_missing', 'An amount is required, in minor units (cents).', field);
  let amount: bigint;
  if (typeof value === 'bigint') amount = value;
  else if (typeof value === 'number' && Number.isSafeInteger(value)) amount = BigInt(value);
  else {
    return failure('parameter_invalid_integer', 'The amount must be a whole number of minor units (cents), not a fraction.', field);
  }
  if (amount < MIN_AMOUNT) {
    return failure('amount_too_small', `The amount must be at least ${MIN_AMOUNT} (minor units); got ${amount}.`, field);
  }
  const max = MAX_AMOUNT[currency];
  if (amount > max) {
    return failure('amount_too_large', `The amount must be at most ${max} ${currency} minor units; got ${amount}.`, field);
  }
  return ok(amount);
}

/** Both rules at once, currency first (the amount's limit depends on it); fields default to `amount` and `currency`. */
export function checkMoney(
  input: { amount: unknown; currency: unknown },
  fields: { amount?: string[]; currency?: string[] } = {},
): Result<Money> {
  const currency = checkCurrency(input.currency, fields.currency);
  if (!currency.ok) return currency;
  const amount = checkAmount(input.amount, currency.value, fields.amount);
  if (!amount.ok) return amount;
  return ok({ amount: amount.value, currency: currency.value });
}

/** A currency mismatch is a bug in the caller, never user input: money of two currencies is never combined. */
function sameCurrency(a: Money, b: Money): Currency {
  if (a.currency !== b.currency) throw new TypeError(`Cannot combine ${a.currency} with ${b.currency}`);
  return a.currency;
}

export function money(amount: bigint, currency: Currency): Money {
  if (typeof amount !== 'bigint') throw new TypeError(`Money amounts are bigint minor units, got ${typeof amount}`);
  return { amount, currency };
}

export function addMoney(a: Money, b: Money): Money {
  return { amount: a.amount + b.amount, currency: sameCurrency(a, b) };
}

export function subtractMoney(a: Money, b: Money): Money {
  return { amount: a.amount - b.amount, currency: sameCurrency(a, b) };
}

export function negateMoney(a: Money): Money {
  return { amount: -a.amount, currency: a.currency };
}

/** -1, 0 or 1, as for a sort. */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b);
  return a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0;
}

/** The sum of a list of one currency; zero of `currency` for an empty list. */
export function sumMoney(list: Iterable<Money>, currency: Currency): Money {
  let total = money(0n, currency);
  for (const m of list) total = addMoney(total, m);
  return total;
}
