// Stripe-style object ids: a type prefix and a random, unguessable part.
// The prefix is what `node(id:)` dispatches on, so it is the single source of
// truth for which GraphQL type an id names.
import { randomBytes } from 'node:crypto';
import { UserInputError } from './errors.ts';
import { MOVEMENT_LIST, type MOVEMENTS, type MoneyMovementFlowType } from './money-movements/movements.ts';

/** The money movements' prefixes, from their descriptors. */
const MOVEMENT_PREFIXES = Object.fromEntries(MOVEMENT_LIST.map((m) => [m.typeName, m.idPrefix])) as {
  [F in MoneyMovementFlowType as (typeof MOVEMENTS)[F]['typeName']]: (typeof MOVEMENTS)[F]['idPrefix'];
};

/** The id prefix of every object type the gateway serves, by GraphQL type name. */
export const ID_PREFIXES = {
  ConnectedAccount: 'acct',
  FinancialAccount: 'fa',
  Transaction: 'trxn',
  TransactionEntry: 'trxne',
  ...MOVEMENT_PREFIXES,
  Event: 'evt',
  AccountSession: 'accs',
  ApiKey: 'key',
  FinancialAddress: 'fadd',
  PaymentMethod: 'pm',
} as const;

export type IdType = keyof typeof ID_PREFIXES;
export type IdPrefix = (typeof ID_PREFIXES)[IdType];

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `length` characters of base62 from a CSPRNG, without modulo bias. */
export function randomToken(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 248 = 4 * 62: bytes above it would favour the first characters.
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

/** A new id of the given type: `fa_` followed by 24 random base62 characters (~143 bits). */
export function newId(type: IdType): string {
  return `${ID_PREFIXES[type]}_${randomToken(24)}`;
}

const TYPE_BY_PREFIX = new Map<string, IdType>(
  Object.entries(ID_PREFIXES).map(([type, prefix]) => [prefix, type as IdType]),
);

/** The type an id names, from its prefix; undefined for anything that is not one of our ids. */
export function idType(id: string): IdType | undefined {
  const match = /^([a-z]+)_[0-9A-Za-z]{1,64}$/.exec(id);
  return match ? TYPE_BY_PREFIX.get(match[1]) : undefined;
}

/** Whether `id` is a well-formed id of the given type. */
export function isIdOf(type: IdType, id: string): boolean {
  return idType(id) === type;
}

/** The most ids one `nodes(ids:)` lookup takes: as many as one page of a list. */
export const MAX_IDS_PER_LOOKUP = 100;

/** Refuses a lookup of more ids than MAX_IDS_PER_LOOKUP, naming the argument, the limit and the count. */
export function assertIdsWithinLimit(count: number, argument = 'ids'): void {
  if (count > MAX_IDS_PER_LOOKUP) {
    throw new UserInputError(
      'parameter_invalid',
      `\`${argument}\` takes at most ${MAX_IDS_PER_LOOKUP} ids; it has ${count}.`,
      [argument],
      { limit: MAX_IDS_PER_LOOKUP, requested: count },
    );
  }
}
