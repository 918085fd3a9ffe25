// The hand-written peer of the write-path benchmark (bench/write-path.ts): node
// http, graphql-js and pg, and nothing else, answering the gateway's own
// createOutboundTransfer mutation (schema/schema.graphql) to a saved bank
// account over ACH or wire, on the gateway's tables, writing exactly the rows
// the gateway writes for it: the transaction with its hold entry, the
// outbound transfer, the idempotency key when one is given, and the two
// events (`treasury.outbound_transfer.created` and the gateway's own
// `treasury.financial_account.balance_updated`, with Stripe's objects in
// `data`), in one database transaction. The benchmark checks that its rows
// have the gateway's shape and its events the gateway's objects.
//
// Per request, 6 statements: the API key by its hash (the gateway's check),
// BEGIN, the account's row lock, one read of everything the checks and the
// events need, one write of everything, COMMIT. So 3 round trips while the
// account's row is locked (the read, the write, COMMIT).
//
// The same rules as the gateway for this request: the caller's scope
// (platform and mode), the account open, outbound flows not restricted by
// the platform, the network's feature active, usd held, the amount a positive
// integer up to Stripe's maximum, the statement descriptor (default, length per
// network, character set), metadata limits, the payment method a saved one of
// the account's owner (never for the platform's own accounts), enough cash, and
// idempotency (a replay answers the first transfer; another input with the same
// key is refused). Not served: a financial account as destination (over
// Stripe's network, with its ReceivedCredit), `Stripe-Context`, account
// sessions, the gateway's operation limits, cost, budget and input checks
// at the edge, and fields beyond the transfer's own columns in the answer.
//
//   DATABASE_URL=postgres://... PORT=0 node write-path.mjs
import { createServer } from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { buildSchema, execute, parse, validate } from 'graphql';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, options: '-c TimeZone=UTC' });
pool.on('error', (error) => console.error(error));
// int8 as BigInt, as the gateway reads it: amounts are exact.
const types = {
  getTypeParser: (oid, format) => (oid === 20 ? (value) => BigInt(value) : pg.types.getTypeParser(oid, format)),
};
const sql = (client, text, values) => client.query({ text, values, types }).then((result) => result.rows);

// ------------------------------------------------------------------ schema

const schema = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));
const MAX_MINOR_UNITS = 2n ** 53n - 1n;
Object.assign(schema.getType('MinorUnits'), {
  serialize: (value) => {
    const amount = BigInt(value);
    if (amount > MAX_MINOR_UNITS || amount < -MAX_MINOR_UNITS) throw new Error(`The amount ${amount} cannot be represented exactly in JSON.`);
    return Number(amount);
  },
  // A JSON integer only: a fraction or an unsafe number is refused, never rounded.
  parseValue: (value) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new TypeError('MinorUnits must be an integer number of minor units.');
    return BigInt(value);
  },
});
Object.assign(schema.getType('DateTime'), { serialize: (value) => new Date(value).toISOString() });
Object.assign(schema.getType('Metadata'), { serialize: (value) => value, parseValue: (value) => value });

const upper = (value) => value.toUpperCase();
const resolvers = {
  Mutation: { createOutboundTransfer: (_root, { input }, ctx) => createOutboundTransfer(ctx.viewer, input) },
  OutboundTransfer: {
    status: (row) => upper(row.status),
    created: (row) => row.createdAt,
    hostedRegulatoryReceiptUrl: () => null,
    statusTransitions: (row) => row,
    returnedDetails: () => null,
    trackingDetails: () => null,
    financialAccount: () => unserved('financialAccount'),
    transaction: () => unserved('transaction'),
    destinationPaymentMethodDetails: () => unserved('destinationPaymentMethodDetails'),
  },
};
function unserved(field) {
  throw new Error(`This peer answers the transfer's own columns only, not ${field}.`);
}
for (const [typeName, fields] of Object.entries(resolvers)) {
  const type = schema.getType(typeName).getFields();
  for (const [fieldName, resolve] of Object.entries(fields)) type[fieldName].resolve = resolve;
}

// ------------------------------------------------------------------ rules

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Stripe-style ids, as the gateway makes them: a prefix and 24 base62 characters from a CSPRNG, without modulo bias. */
function newId(prefix) {
  let out = '';
  while (out.length < 24) for (const byte of randomBytes(48)) if (byte < 248 && out.length < 24) out += BASE62[byte % 62];
  return `${prefix}_${out}`;
}

class UserError extends Error {
  constructor(code, message, field) {
    super(message);
    this.code = code;
    this.field = field;
  }
}

const MAX_AMOUNT = 99_999_999n;
const DESCRIPTOR_MAX = { ach: 10, us_domestic_wire: 140 };
const DESCRIPTOR_CHARACTERS = /^[A-Za-z0-9 \-#.$&*]*$/;
const FEATURE_OF_NETWORK = { ach: 'outbound_transfers_ach', us_domestic_wire: 'outbound_transfers_us_domestic_wire' };
const OPERATION = 'createOutboundTransfer';

/** The request's own checks, before any statement: what the database cannot change. */
function checkRequest(input) {
  const { amount, currency } = input;
  if (currency !== 'usd') throw new UserError('parameter_invalid', `Treasury supports only usd, not '${String(currency).slice(0, 20)}'.`, ['currency']);
  if (amount < 1n) throw new UserError('parameter_invalid', 'The amount must be a positive integer of minor units.', ['amount']);
  if (amount > MAX_AMOUNT) throw new UserError('amount_too_large', `The amount is at most ${MAX_AMOUNT} minor units.`, ['amount']);
  if (input.destinationPaymentMethodData) {
    throw new UserError('parameter_unsupported', 'This server sends to a saved bank account (destinationPaymentMethod) only.', ['destinationPaymentMethodData']);
  }
  if (!input.destinationPaymentMethod) throw new UserError('parameter_missing', 'Name the destination: destinationPaymentMethod (a pm_... bank account).', ['destinationPaymentMethod']);
  const network = (input.destinationPaymentMethodOptions?.usBankAccount?.network ?? 'ACH').toLowerCase();
  const descriptor = input.statementDescriptor ?? 'transfer';
  if (descriptor.trim().length === 0) throw new UserError('parameter_invalid_empty', 'The statement descriptor cannot be empty or blank.', ['statementDescriptor']);
  if (descriptor.length > DESCRIPTOR_MAX[network]) {
    throw new UserError('parameter_invalid_string_too_long', `At most ${DESCRIPTOR_MAX[network]} characters over ${network}.`, ['statementDescriptor']);
  }
  if (!DESCRIPTOR_CHARACTERS.test(descriptor)) {
    throw new UserError('invalid_characters', 'The statement descriptor may contain only letters, digits, spaces and - # . $ & *.', ['statementDescriptor']);
  }
  const metadata = {};
  const given = Object.entries(input.metadata ?? {});
  if (given.length > 50) throw new UserError('parameter_invalid', 'At most 50 metadata keys.', ['metadata']);
  for (const [key, value] of given) {
    if (typeof value !== 'string') throw new UserError('parameter_invalid', `Metadata value of "${key}" must be a string.`, ['metadata', key]);
    if (key.length === 0) throw new UserError('parameter_invalid_empty', 'Metadata keys cannot be empty.', ['metadata']);
    if (key.length > 40 || value.length > 500) throw new UserError('parameter_invalid_string_too_long', `Metadata "${key.slice(0, 60)}" is too long.`, ['metadata', key]);
    if (key.includes('\u0000') || value.includes('\u0000')) throw new UserError('parameter_invalid', 'Metadata cannot contain NUL characters.', ['metadata', key]);
    // An empty value removes its key, as in an update: a new transfer simply does not have it.
    if (value !== '') metadata[key] = value;
  }
  const key = input.idempotencyKey ?? null;
  if (key !== null && (key.length === 0 || key.length > 255)) {
    throw new UserError('parameter_invalid', 'The idempotency key must be 1 to 255 characters long.', ['idempotencyKey']);
  }
  const { idempotencyKey: _key, ...rest } = input;
  return { network, descriptor, metadata, key, requestHash: createHash('sha256').update(`${OPERATION}\n${canonical(rest)}`).digest('hex') };
}

/** Canonical JSON (sorted keys, bigint as text), so one input always hashes the same. */
function canonical(value) {
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

// ------------------------------------------------------------------ banking days

// Stripe's timeline for ACH: submitted the same banking day before 6pm Central
// (else the next banking day), arriving the next banking day, reported as 5pm
// Central then. Banking days are the Federal Reserve's: weekdays that are not
// Fed holidays; a Sunday holiday is observed on Monday, a Saturday one not at
// all (the Fed stays open on the Friday before). A wire arrives the day it is
// submitted (before 3pm).
const central = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
function centralDay(at) {
  const p = {};
  for (const part of central.formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { year: p.year, month: p.month, day: p.day, minutes: p.hour * 60 + p.minute };
}
const utcDay = (y, m, d) => new Date(Date.UTC(y, m - 1, d));
const nthWeekday = (n, weekday, month, year) => {
  const first = utcDay(year, month, 1).getUTCDay();
  return 1 + ((weekday - first + 7) % 7) + (n - 1) * 7;
};
const lastWeekday = (weekday, month, year) => {
  const last = utcDay(year, month + 1, 0);
  return last.getUTCDate() - ((last.getUTCDay() - weekday + 7) % 7);
};
const holidayYears = new Map();
function fedHolidays(year) {
  let days = holidayYears.get(year);
  if (!days) {
    const dates = [
      [1, 1], [1, nthWeekday(3, 1, 1, year)], [2, nthWeekday(3, 1, 2, year)], [5, lastWeekday(1, 5, year)],
      ...(year > 2020 ? [[6, 19]] : []), [7, 4], [9, nthWeekday(1, 1, 9, year)], [10, nthWeekday(2, 1, 10, year)],
      [11, 11], [11, nthWeekday(4, 4, 11, year)], [12, 25],
    ];
    days = new Set(dates.map(([m, d]) => {
      const date = utcDay(year, m, d);
      if (date.getUTCDay() === 0) date.setUTCDate(date.getUTCDate() + 1);
      return date.getTime();
    }));
    holidayYears.set(year, days);
  }
  return days;
}
function isBankingDay(date) {
  const weekday = date.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !fedHolidays(date.getUTCFullYear()).has(date.getTime());
}
function nextBankingDay(date) {
  const next = new Date(date);
  do next.setUTCDate(next.getUTCDate() + 1);
  while (!isBankingDay(next));
  return next;
}
function fivePmCentral(date) {
  for (const offset of [6, 5]) {
    const at = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 17 + offset));
    const local = centralDay(at);
    if (local.day === date.getUTCDate() && local.minutes === 17 * 60) return at;
  }
  throw new RangeError(`No 5pm Central on ${date.toISOString().slice(0, 10)}`);
}
function expectedArrival(network, at) {
  const local = centralDay(at);
  const today = utcDay(local.year, local.month, local.day);
  const cutoff = network === 'ach' ? 18 * 60 : 15 * 60;
  const submitted = isBankingDay(today) && local.minutes < cutoff ? today : nextBankingDay(today);
  return fivePmCentral(network === 'ach' ? nextBankingDay(submitted) : submitted);
}

// ------------------------------------------------------------------ Stripe's objects, for the events

const seconds = (date) => Math.floor(new Date(date).getTime() / 1000);
const snake = (value) => {
  if (Array.isArray(value)) return value.map(snake);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), snake(v)]));
  return value;
};
const FEATURE_PATHS = {
  financial_addresses_aba: 'financial_addresses.aba',
  inbound_transfers_ach: 'inbound_transfers.ach',
  outbound_payments_ach: 'outbound_payments.ach',
  outbound_payments_us_domestic_wire: 'outbound_payments.us_domestic_wire',
  outbound_transfers_ach: 'outbound_transfers.ach',
  outbound_transfers_us_domestic_wire: 'outbound_transfers.us_domestic_wire',
};
const featurePath = (feature) => FEATURE_PATHS[feature] ?? feature;

function transferObject(t) {
  return {
    id: t.id,
    object: 'treasury.outbound_transfer',
    amount: Number(t.amount),
    cancelable: t.cancelable,
    created: seconds(t.createdAt),
    currency: t.currency,
    description: t.description,
    destination_payment_method: t.destinationPaymentMethod,
    destination_payment_method_details: snake(t.destinationDetails),
    expected_arrival_date: seconds(t.expectedArrivalDate),
    financial_account: t.financialAccountId,
    hosted_regulatory_receipt_url: null,
    livemode: t.livemode,
    metadata: t.metadata,
    returned_details: null,
    statement_descriptor: t.statementDescriptor,
    status: t.status,
    status_transitions: { canceled_at: null, failed_at: null, posted_at: null, returned_at: null },
    tracking_details: null,
    transaction: t.transactionId,
  };
}

/** The financial account as the transfer leaves it: `balance` is the one read under the lock, less the hold. */
function financialAccountObject(fa, features, addresses, balance) {
  const requested = features.filter((f) => f.requested);
  const paths = (status) => requested.filter((f) => f.status === status).map((f) => featurePath(f.feature));
  const hash = { object: 'treasury.financial_account_features' };
  for (const f of features) {
    const setting = { requested: f.requested, status: f.status, status_details: f.statusDetails };
    const [group, leaf] = featurePath(f.feature).split('.');
    hash[group] = leaf ? { ...hash[group], [leaf]: setting } : setting;
  }
  const currencies = [...balance.keys()].sort();
  const amounts = (key) => Object.fromEntries(currencies.map((c) => [c, Number(balance.get(c)[key])]));
  return {
    id: fa.id,
    object: 'treasury.financial_account',
    active_features: paths('active'),
    pending_features: paths('pending'),
    restricted_features: paths('restricted'),
    balance: { cash: amounts('cash'), inbound_pending: amounts('inboundPending'), outbound_pending: amounts('outboundPending') },
    country: fa.country,
    created: seconds(fa.createdAt),
    features: hash,
    financial_addresses: addresses.map((a) => ({
      type: a.type,
      supported_networks: a.supportedNetworks,
      aba: { account_holder_name: a.accountHolderName, account_number_last4: a.accountNumberLast4, bank_name: a.bankName, routing_number: a.routingNumber },
    })),
    is_default: fa.isDefault,
    livemode: fa.livemode,
    metadata: fa.metadata,
    nickname: fa.nickname,
    platform_restrictions: fa.inboundFlows || fa.outboundFlows ? { inbound_flows: fa.inboundFlows, outbound_flows: fa.outboundFlows } : null,
    status: fa.status,
    status_details: { closed: fa.status === 'closed' ? { reasons: enumArray(fa.closedReasons) } : null },
    supported_currencies: fa.supportedCurrencies,
  };
}

/** node-postgres leaves an array of a database enum as its text (`{a,b}`); enum labels need no quoting. */
const enumArray = (value) => (Array.isArray(value) ? value : String(value).replace(/^\{|\}$/g, '').split(',').filter(Boolean));

// ------------------------------------------------------------------ the use case

// The account's row lock is its own statement, and everything the checks and
// the events need is read in the next one: a statement's snapshot is taken
// when it starts, so subqueries in the locking statement itself would see the
// balance as it was before the lock was granted (READ COMMITTED re-checks only
// the locked row), not the one the previous holder committed.
const LOCK = `SELECT * FROM "FinancialAccount" WHERE "id" = $1 FOR UPDATE`;

const READ = `SELECT
  (SELECT COALESCE(json_agg(f ORDER BY f."feature"), '[]') FROM "FeatureSetting" f WHERE f."financialAccountId" = $1) AS "features",
  (SELECT COALESCE(json_agg(a ORDER BY a."createdAt"), '[]') FROM "FinancialAddress" a WHERE a."financialAccountId" = $1) AS "addresses",
  (SELECT COALESCE(json_agg(json_build_object('currency', b."currency", 'cash', b."cash"::text,
      'inboundPending', b."inboundPending"::text, 'outboundPending', b."outboundPending"::text)), '[]')
   FROM "FinancialAccountBalance" b WHERE b."financialAccountId" = $1) AS "balances",
  (SELECT row_to_json(p) FROM "PaymentMethod" p WHERE p."id" = $2 AND p."platformId" = $3 AND p."livemode" = $4) AS "paymentMethod",
  (SELECT row_to_json(k) FROM "IdempotencyKey" k
   WHERE k."platformId" = $3 AND k."livemode" = $4 AND k."scope" = $3 AND k."key" = $5) AS "idempotencyKey",
  (SELECT row_to_json(o) FROM "OutboundTransfer" o WHERE o."id" = (SELECT k."resultId" FROM "IdempotencyKey" k
     WHERE k."platformId" = $3 AND k."livemode" = $4 AND k."scope" = $3 AND k."key" = $5)) AS "replayed"`;

// The event log's order lock, the gateway's (src/db/events.ts): held from
// just before the events are numbered until the commit, so that events are
// numbered in commit order whichever server writes them.
const EVENT_ORDER_LOCK = 0x65766e74;

// Everything in one statement. The entry's trigger keeps the balance; the
// event's balance is the one read under the lock less the hold, which is what
// the trigger leaves (nobody else moves this account's money while we hold its lock).
const WRITE = `WITH
"transaction" AS (
  INSERT INTO "Transaction" ("id", "platformId", "accountId", "financialAccountId", "livemode", "amount", "currency",
    "description", "status", "postedAt", "voidAt", "flow", "flowType", "cashImpact", "inboundPendingImpact", "outboundPendingImpact", "createdAt")
  VALUES ($1, $2, $3, $4, $5, -$6::int8, $7, $8, 'open', NULL, NULL, $9, 'outbound_transfer', -$6::int8, 0, $6::int8, $10)
),
"entry" AS (
  INSERT INTO "TransactionEntry" ("id", "platformId", "accountId", "financialAccountId", "transactionId", "livemode", "currency",
    "cashImpact", "inboundPendingImpact", "outboundPendingImpact", "effectiveAt", "type", "flow", "flowType", "createdAt")
  VALUES ($11, $2, $3, $4, $1, $5, $7, -$6::int8, 0, $6::int8, $10, 'outbound_transfer', $9, 'outbound_transfer', $10)
),
"transfer" AS (
  INSERT INTO "OutboundTransfer" ("id", "platformId", "accountId", "livemode", "financialAccountId", "amount", "currency", "description",
    "statementDescriptor", "metadata", "status", "cancelable", "destinationType", "destinationPaymentMethod", "destinationFinancialAccountId",
    "network", "destinationDetails", "expectedArrivalDate", "transactionId", "createdAt")
  VALUES ($9, $2, $3, $5, $4, $6::int8, $7, $12, $13, $14::jsonb, 'processing', TRUE, 'us_bank_account', $15, NULL, $16, $17::jsonb, $18, $1, $10)
  RETURNING *
),
"key" AS (
  INSERT INTO "IdempotencyKey" ("platformId", "scope", "livemode", "key", "operation", "requestHash", "resultId", "createdAt")
  SELECT $2, $2, $5, $19::text, '${OPERATION}', $20::text, $9, $10 WHERE $19::text IS NOT NULL
),
"eventOrder" AS MATERIALIZED (SELECT pg_advisory_xact_lock(${EVENT_ORDER_LOCK})),
"events" AS (
  INSERT INTO "Event" ("id", "platformId", "accountId", "livemode", "type", "objectId", "financialAccountIds", "data", "createdAt")
  SELECT e->>'id', e->>'platformId', e->>'accountId', (e->>'livemode')::boolean, e->>'type', e->>'objectId',
    ARRAY(SELECT jsonb_array_elements_text(e->'financialAccountIds')), e->'data', $21::timestamptz
  FROM "eventOrder", jsonb_array_elements($22::jsonb) WITH ORDINALITY AS given(e, position)
  ORDER BY given.position
)
SELECT * FROM "transfer"`;

async function createOutboundTransfer(viewer, input) {
  let request;
  try {
    request = checkRequest(input);
  } catch (error) {
    return refusal(error);
  }
  // A concurrent request that recorded the same key first makes the write fail (unique key): once more, the read finds it.
  for (let attempt = 0; ; attempt++) {
    try {
      return { outboundTransfer: await inTransaction((client) => transfer(client, viewer, input, request)), userErrors: [] };
    } catch (error) {
      if (error instanceof UserError) return refusal(error);
      if (error?.code === '23505' && attempt === 0) continue;
      throw error;
    }
  }
}

const refusal = (error) => {
  if (!(error instanceof UserError)) throw error;
  return { outboundTransfer: null, userErrors: [{ code: error.code, message: error.message, field: ['input', ...error.field] }] };
};

async function inTransaction(work) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function transfer(client, viewer, input, request) {
  const now = new Date();
  const [fa] = await sql(client, LOCK, [input.financialAccount]);
  // Outside the caller's scope an account does not exist (the lock taken on it is released with the rollback).
  if (!fa || fa.platformId !== viewer.platformId || fa.livemode !== viewer.livemode) {
    throw new UserError('resource_missing', `No such financial account: '${input.financialAccount}'.`, ['financialAccount']);
  }
  const [state] = await sql(client, READ, [fa.id, input.destinationPaymentMethod, viewer.platformId, viewer.livemode, request.key]);
  if (state.idempotencyKey) {
    const previous = state.idempotencyKey;
    if (previous.operation !== OPERATION || previous.requestHash !== request.requestHash) {
      throw new UserError('idempotency_key_in_use', `The idempotency key "${request.key}" was already used with a different request.`, ['idempotencyKey']);
    }
    const row = state.replayed;
    return { ...row, amount: BigInt(row.amount), createdAt: new Date(row.createdAt), expectedArrivalDate: new Date(row.expectedArrivalDate) };
  }
  if (!fa.supportedCurrencies.includes(input.currency)) throw new UserError('parameter_invalid', `The financial account does not hold ${input.currency}.`, ['currency']);
  if (fa.accountId === fa.platformId) {
    throw new UserError('parameter_not_allowed', 'The platform\'s own financial accounts cannot send money to a payment method.', ['destinationPaymentMethod']);
  }
  const pm = state.paymentMethod;
  if (!pm || pm.accountId !== fa.accountId) {
    throw new UserError('resource_missing', `No such payment method of the financial account's owner: '${input.destinationPaymentMethod}'.`, ['destinationPaymentMethod']);
  }
  const feature = FEATURE_OF_NETWORK[request.network];
  if (fa.status !== 'open') throw new UserError('financial_account_closed', 'The financial account is closed: no money moves in or out.', ['financialAccount']);
  if (fa.outboundFlows === 'restricted') throw new UserError('restricted_by_platform', 'The platform restricts outbound flows on this financial account.', ['financialAccount']);
  if (!state.features.some((f) => f.feature === feature && f.requested && f.status === 'active')) {
    throw new UserError('feature_not_active', `An outbound_transfer over ${request.network} needs the ${feature} feature, which is not active on this financial account.`, ['financialAccount']);
  }
  const balance = new Map(fa.supportedCurrencies.map((c) => [c, { cash: 0n, inboundPending: 0n, outboundPending: 0n }]));
  for (const b of state.balances) balance.set(b.currency, { cash: BigInt(b.cash), inboundPending: BigInt(b.inboundPending), outboundPending: BigInt(b.outboundPending) });
  const amount = input.amount;
  const held = balance.get(input.currency);
  if (held.cash < amount) {
    throw new UserError('balance_insufficient', `The financial account has ${held.cash} ${input.currency} minor units of cash; this needs ${amount}.`, ['amount']);
  }
  balance.set(input.currency, { ...held, cash: held.cash - amount, outboundPending: held.outboundPending + amount });

  const ids = { transaction: newId('trxn'), entry: newId('trxne'), transfer: newId('obt') };
  const destinationDetails = {
    type: 'us_bank_account',
    billingDetails: {
      name: pm.billingName,
      email: pm.billingEmail,
      address: { city: pm.addressCity, country: pm.addressCountry, line1: pm.addressLine1, line2: pm.addressLine2, postalCode: pm.addressPostalCode, state: pm.addressState },
    },
    usBankAccount: {
      accountHolderType: pm.accountHolderType,
      accountType: pm.accountType,
      bankName: pm.bankName,
      fingerprint: pm.fingerprint,
      last4: pm.last4,
      network: request.network,
      routingNumber: pm.routingNumber,
    },
    financialAccount: null,
  };
  const row = {
    id: ids.transfer,
    platformId: fa.platformId,
    accountId: fa.accountId,
    livemode: fa.livemode,
    financialAccountId: fa.id,
    amount,
    currency: input.currency,
    description: input.description ?? null,
    statementDescriptor: request.descriptor,
    metadata: request.metadata,
    status: 'processing',
    cancelable: true,
    destinationPaymentMethod: pm.id,
    destinationDetails,
    expectedArrivalDate: expectedArrival(request.network, now),
    transactionId: ids.transaction,
    createdAt: now,
  };
  const scope = { platformId: fa.platformId, accountId: fa.accountId, livemode: fa.livemode };
  const events = [
    { id: newId('evt'), ...scope, type: 'treasury.outbound_transfer.created', objectId: row.id, financialAccountIds: [fa.id], data: { object: transferObject(row) } },
    {
      id: newId('evt'),
      ...scope,
      type: 'treasury.financial_account.balance_updated',
      objectId: fa.id,
      financialAccountIds: [fa.id],
      data: { object: financialAccountObject(fa, state.features, state.addresses, balance), transaction: ids.transaction },
    },
  ];
  const [written] = await sql(client, WRITE, [
    ids.transaction, fa.platformId, fa.accountId, fa.id, fa.livemode, amount.toString(), input.currency,
    input.description ?? 'Outbound transfer', ids.transfer, now, ids.entry, row.description, row.statementDescriptor,
    JSON.stringify(row.metadata), pm.id, request.network, JSON.stringify(destinationDetails), row.expectedArrivalDate,
    request.key, request.requestHash, new Date(), JSON.stringify(events),
  ]);
  return written;
}

// ------------------------------------------------------------------ HTTP

async function authenticate(header) {
  const match = /^Bearer\s+(sk_(?:test|live)_[0-9A-Za-z]{16,128})$/i.exec(header ?? '');
  if (!match) return null;
  const hash = createHash('sha256').update(match[1]).digest('hex');
  const [key] = await sql(pool, `SELECT "platformId", "livemode", "revokedAt" FROM "ApiKey" WHERE "secretHash" = $1 LIMIT 1`, [hash]);
  return key && !key.revokedAt ? { platformId: key.platformId, livemode: key.livemode } : null;
}

/** Parsed and validated documents by their text, as yoga keeps them. */
const documents = new Map();
function documentOf(query) {
  let entry = documents.get(query);
  if (!entry) {
    const document = parse(query);
    entry = { document, errors: validate(schema, document) };
    if (documents.size > 100) documents.clear();
    documents.set(query, entry);
  }
  return entry;
}

const server = createServer(async (req, res) => {
  const send = (status, body) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  try {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const { query, variables, operationName } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const viewer = await authenticate(req.headers.authorization);
    if (!viewer) return send(401, { errors: [{ message: 'Invalid API key.' }] });
    const { document, errors } = documentOf(query);
    if (errors.length) return send(400, { errors });
    const result = await execute({ schema, document, variableValues: variables, operationName, contextValue: { viewer } });
    if (result.errors) for (const error of result.errors) console.error(error.originalError ?? error);
    send(200, result);
  } catch (error) {
    send(500, { errors: [{ message: String(error) }] });
  }
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const url = `http://127.0.0.1:${server.address().port}/graphql`;
  if (process.send) process.send({ ready: url });
  else console.log(url);
});
process.on('disconnect', () => void new Promise((resolve) => server.close(resolve)).then(() => pool.end()).finally(() => process.exit(0)));
