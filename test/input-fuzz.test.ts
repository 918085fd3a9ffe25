// Property: no input makes the gateway fail, and refused input writes nothing.
//
// The operations and their inputs are derived from the schema itself: every
// Mutation field, and every field with arguments that a query can reach (each
// connection with its filters, and the root fields that take ids), so a new
// mutation or list is fuzzed without a change here. Each run sends generated
// arguments (valid-looking values from the fixtures mixed with hostile ones)
// as JSON variables or inline literals, over HTTP POST, a GET query string or
// graphql-ws, as one of three credentials, and checks that no error is INTERNAL_SERVER_ERROR, nothing was
// logged as unexpected, and a refused operation (a GraphQL error, or non-empty
// userErrors) and every query leave every table exactly as it was.
import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/graphql/schema.ts';
import { ID_PREFIXES, newId } from '../src/domain/ids.ts';
import { INPUT_LIMITS } from '../src/domain/input-limits.ts';
import { createAccountSession, createConnectedAccount, createFinancialAccount, createFlows, creditsEveryMinute, createPlatform } from './support/fixtures.ts';
import { startGateway, type GraphQLResponse, type TestGateway } from './support/gateway.ts';
import { databaseSnapshot, rowCounts, type DatabaseSnapshot } from './support/db-snapshot.ts';
import { wsClient } from './support/live.ts';
import type { Client } from 'graphql-ws';

/** Generated requests per operation; the file sends about (operations × this) requests. */
const RUNS_PER_OPERATION = 30;
/** Items in a generated list that is not meant to be huge. */
const SMALL_LIST = 3;
/** Items in a list that is meant to be too long. */
const HUGE_LIST = 150;
/** Characters in a string that is meant to be far too long. */
const HUGE_STRING = 100_000;
/** Keys in generated metadata that is not meant to be huge. */
const SMALL_METADATA = 4;
/** How often (1 in N) a value is hostile rather than valid-looking. */
const HOSTILE_ONE_IN = 4;

let gateway: TestGateway;
const unexpected: unknown[] = [];
/** Ids that exist, by prefix (`acct`, `fa`, ...), and cursors of real pages. */
const pool: { ids: Map<string, string[]>; cursors: string[] } = { ids: new Map(), cursors: [] };
let credentials: Array<{ name: string; token: string; headers?: Record<string, string> }>;

beforeAll(async () => {
  gateway = await startGateway({
    logError: (error) => unexpected.push(error),
    // Activation would write after a response; a refused request must be the only thing between two snapshots.
    featureActivationDelayMs: 3_600_000,
    featureActivationSweepMs: 3_600_000,
  });
  const { prisma } = gateway.db;
  const platform = await createPlatform(gateway);
  const other = await createPlatform(gateway, { name: 'Other platform' });
  const account = await createConnectedAccount(gateway, platform.platformId);
  const restricted = await createConnectedAccount(gateway, platform.platformId, { capabilityStatus: 'inactive' });
  const foreign = await createConnectedAccount(gateway, other.platformId);
  const fa = await createFinancialAccount(gateway, { platformId: platform.platformId, accountId: account.id }, { nickname: 'Operating' });
  const empty = await createFinancialAccount(gateway, { platformId: platform.platformId, accountId: account.id }, { nickname: 'Empty' });
  const transactions = await createFlows(gateway, fa, creditsEveryMinute(4));
  const entries = await prisma.transactionEntry.findMany({ select: { id: true } });
  // An event, written the way every event is: by a mutation.
  const created = await gateway.graphql(`mutation { createConnectedAccount(input: { displayName: "Seed" }) { userErrors { code } } }`, {
    token: platform.secretKey,
  });
  expect(created.errors).toBeUndefined();
  const events = await prisma.event.findMany({ select: { id: true } });
  const add = (prefix: string, ids: string[]) => pool.ids.set(prefix, [...(pool.ids.get(prefix) ?? []), ...ids]);
  add('acct', [account.id, restricted.id, foreign.id, platform.platformId]);
  add('fa', [fa.id, empty.id]);
  add('trxn', transactions.map((t) => t.id));
  add('trxne', entries.map((e) => e.id));
  add('evt', events.map((e) => e.id));
  const page = await gateway.graphql(
    `query ($fa: ID!) { financialAccount(id: $fa) { transactions(first: 2) { pageInfo { endCursor } } transactionEntries(first: 2) { pageInfo { endCursor } } } }`,
    { token: platform.secretKey, variables: { fa: fa.id } },
  );
  const lists = page.data.financialAccount;
  pool.cursors.push(lists.transactions.pageInfo.endCursor, lists.transactionEntries.pageInfo.endCursor);
  credentials = [
    { name: 'platform key', token: platform.secretKey },
    { name: 'platform key as the account', token: platform.secretKey, headers: { 'stripe-context': account.id } },
    { name: 'account session', token: await createAccountSession(gateway, platform.platformId, account.id) },
  ];
});
afterAll(async () => {
  for (const client of wsClients.values()) await client.dispose();
  await gateway?.stop();
});

// --- values ----------------------------------------------------------------

const NUL = '\u0000';

/** Strings no input may carry, or that no id is. */
const hostileString = fc.oneof(
  fc.constantFrom(
    `x${NUL}`,
    NUL,
    `acct_${NUL}`,
    '\ud800',
    'a\udfff',
    '\udc00\ud800',
    'x'.repeat(HUGE_STRING),
    'x'.repeat(INPUT_LIMITS.string + 1),
    `acct_${'a'.repeat(INPUT_LIMITS.id)}`,
    'fa_wrongprefix',
    'acct_',
    '_',
    '',
    ' ',
    '\t\n',
    "'; DROP TABLE \"Account\"; --",
    '%00',
    '\\u0000',
    'null',
    '0000-01-01T00:00:00Z',
    '\u202Eevil',
    '😀'.repeat(3000),
  ),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ maxLength: 10 }).map((s) => `${s}${NUL}${s}`),
  fc.string({ maxLength: 10 }).map((s) => `${s}\ud83d`),
);

/** Values of the wrong JSON type, for any input. */
const wrongType = fc.constantFrom<unknown>(true, 0, -1, 1.5, 2 ** 53 + 1, [], {}, [NUL], { a: NUL }, 'text');

const hostileInt = fc.constantFrom<unknown>(-1, 0, 101, -(2 ** 31), 2 ** 31 - 1, 2 ** 31, 2 ** 53 + 1, -(2 ** 53) - 1, 1.5, 1e300, '10', true);

const hostileDateTime = fc.constantFrom<unknown>(
  '0000-01-01T00:00:00Z',
  '2026-02-30T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-01-01T24:00:00Z',
  '1969-12-31T23:59:59Z',
  '+275760-09-13T00:00:00.000Z',
  '10000-01-01T00:00:00Z',
  '2026-01-01T00:00:00',
  'now',
  `2026-01-01T00:00:00Z${NUL}`,
  1_700_000_000,
);

const saneDateTime = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

const saneText = fc.oneof(
  fc.constantFrom('usd', 'eur', 'US', 'us', 'owner@example.com', 'Operating', 'Payroll', 'Café 😀', 'a'),
  fc.string({ minLength: 1, maxLength: 30 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }),
);

/** In a hostile run, one value in HOSTILE_ONE_IN is hostile; in a sane run, none is. */
const maybeHostile = <T>(hostileRun: boolean, sane: fc.Arbitrary<T>, hostile: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  hostileRun ? fc.oneof({ arbitrary: sane, weight: HOSTILE_ONE_IN - 1 }, { arbitrary: hostile, weight: 1 }) : sane;

/** Valid-looking strings for inputs whose name says what they hold; any other gets saneText. */
const SANE_BY_NAME: Record<string, fc.Arbitrary<string>> = {
  supportedCurrencies: fc.constantFrom('usd', 'usd', 'eur'),
  country: fc.constantFrom('US', 'GB', 'us'),
  email: fc.constantFrom('owner@example.com', 'a@b.co', 'not an email'),
};

/** The id prefix an input's name suggests (`account` → acct, `financialAccount` → fa), if any. */
function prefixFor(name: string): string | undefined {
  if (name === 'account') return ID_PREFIXES.ConnectedAccount;
  const type = Object.keys(ID_PREFIXES).find((t) => t[0].toLowerCase() + t.slice(1) === name) as keyof typeof ID_PREFIXES | undefined;
  return type && ID_PREFIXES[type];
}

function idArbitrary(name: string, hostileRun: boolean): fc.Arbitrary<unknown> {
  const existing = [...pool.ids.values()].flat();
  const hinted = pool.ids.get(prefixFor(name) ?? '') ?? existing;
  const missing = Object.values(ID_PREFIXES).map((prefix) => `${prefix}_${newId('ApiKey').slice(4)}`);
  const sane = fc.oneof(
    { arbitrary: fc.constantFrom(...hinted), weight: 6 },
    { arbitrary: fc.constantFrom(...existing), weight: 2 },
    { arbitrary: fc.constantFrom(...missing), weight: 1 },
  );
  return maybeHostile(hostileRun, sane, hostileString);
}

function stringArbitrary(name: string, hostileRun: boolean): fc.Arbitrary<unknown> {
  const sane =
    name === 'after' || name === 'before' ? fc.oneof(fc.constantFrom(...pool.cursors), forgedCursor) : (SANE_BY_NAME[name] ?? saneText);
  return maybeHostile(hostileRun, sane, hostileString);
}

const forgedCursor = fc
  .tuple(
    fc.constantFrom('createdAt', 'postedAt', 'effectiveAt', 'x'),
    fc.oneof(fc.integer(), fc.constant(-62_198_755_200_001)),
    fc.oneof(hostileString, fc.constant('trxn_1')),
  )
  .map((parts) => Buffer.from(JSON.stringify(parts)).toString('base64url'));

const metadataArbitrary = (hostileRun: boolean) =>
  maybeHostile(
    hostileRun,
    fc.dictionary(fc.oneof(fc.constantFrom('order', 'ref', 'note'), fc.string({ minLength: 1, maxLength: 12 })), fc.oneof(saneText, fc.constant('')), {
      maxKeys: SMALL_METADATA,
    }),
    fc.oneof(
      fc.dictionary(hostileString, saneText, { minKeys: 1, maxKeys: 2 }),
      fc.dictionary(saneText, hostileString, { minKeys: 1, maxKeys: 2 }),
      fc.constant(Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, 'v']))),
      fc.constant({ k: { nested: 'object' } }),
      fc.constant({ k: 1 }),
      fc.constant(Object.fromEntries([['__proto__', 'x']])),
      wrongType,
    ),
  );

/** A value for an input of `type`, named `name` (names pick valid-looking strings and ids, e.g. cursors for `after`). */
function valueFor(type: GraphQLInputType, name: string, hostileRun: boolean): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return maybeHostile(hostileRun, presentValueFor(type.ofType, name, hostileRun), fc.constant(null));
  const present = presentValueFor(type, name, hostileRun);
  // Sane runs leave most optional inputs out, so that simple valid operations are common.
  return fc.oneof({ arbitrary: present, weight: hostileRun ? 3 : 1 }, { arbitrary: fc.constantFrom(undefined, null), weight: 1 });
}

function presentValueFor(type: GraphQLInputType, name: string, hostileRun: boolean): fc.Arbitrary<unknown> {
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) {
    const item = valueFor(nullable.ofType, name, hostileRun);
    return maybeHostile(
      hostileRun,
      fc.array(item, { minLength: 1, maxLength: SMALL_LIST }),
      fc.oneof(item.map((one) => Array.from({ length: HUGE_LIST }, () => one)), item, fc.constant([])),
    );
  }
  if (isInputObjectType(nullable)) {
    const fields = Object.values(nullable.getFields());
    const record = fc.record(Object.fromEntries(fields.map((f) => [f.name, valueFor(f.type, f.name, hostileRun)])), {
      requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
    });
    return maybeHostile(hostileRun, record, fc.oneof(wrongType, record.map((r) => ({ ...r, notAField: 'x' }))));
  }
  if (isEnumType(nullable)) {
    return maybeHostile(hostileRun, fc.constantFrom(...nullable.getValues().map((v) => v.name)), fc.constantFrom('NOT_A_VALUE', 'usd', NUL, 1));
  }
  if (isScalarType(nullable)) {
    switch (nullable.name) {
      case 'ID':
        return idArbitrary(name, hostileRun);
      case 'String':
        return stringArbitrary(name, hostileRun);
      case 'Int':
        return maybeHostile(hostileRun, fc.integer({ min: 0, max: 12 }), hostileInt);
      case 'Float':
        return maybeHostile(hostileRun, fc.double({ noNaN: true, noDefaultInfinity: true }), wrongType);
      case 'Boolean':
        return maybeHostile(hostileRun, fc.boolean(), wrongType);
      case 'DateTime':
        return maybeHostile(hostileRun, saneDateTime, hostileDateTime);
      case 'MinorUnits':
        return maybeHostile(
          hostileRun,
          fc.integer({ min: -1_000_000, max: 1_000_000 }),
          fc.constantFrom(2 ** 53, 2 ** 53 + 1, -(2 ** 53) - 1, 1.5, '100', 1e21),
        );
      case 'Metadata':
        return metadataArbitrary(hostileRun);
      default:
        // A scalar added later: anything, hostile included, must still be a client error at worst.
        return hostileRun ? fc.oneof(saneText, hostileString, wrongType) : saneText;
    }
  }
  throw new Error(`No arbitrary for input type ${String(nullable)}`);
}

/** `value` as a GraphQL literal of `type`; null when it has none (e.g. a metadata key that is not a Name). */
function literal(value: unknown, type: GraphQLInputType): string | null {
  if (value === null) return 'null';
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isEnumType(nullable) && typeof value === 'string' && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) return value;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => literal(item, isListType(nullable) ? nullable.ofType : nullable));
    return items.includes(null) ? null : `[${items.join(', ')}]`;
  }
  if (typeof value === 'object') {
    const fields = isInputObjectType(nullable) ? nullable.getFields() : {};
    const parts: string[] = [];
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (item === undefined) continue;
      if (!/^[_A-Za-z][_0-9A-Za-z]*$/.test(key)) return null;
      const printed = literal(item, fields[key]?.type ?? nullable);
      if (printed === null) return null;
      parts.push(`${key}: ${printed}`);
    }
    return `{${parts.join(', ')}}`;
  }
  return null;
}

// --- operations --------------------------------------------------------------

interface Operation {
  name: string;
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  /** The document around the field, given its arguments' text. */
  wrap: (call: string) => string;
}

/** A selection of `type`'s leaves, and the ids of the objects it returns, without arguments. */
function selectionOf(type: GraphQLNamedType, depth = 0): string {
  if (isLeafType(type)) return '';
  if (!isObjectType(type) && !isInterfaceType(type)) return '{ __typename }';
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type))) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (depth < 2 && (isObjectType(named) || isInterfaceType(named)) && !named.name.endsWith('Connection')) {
      parts.push(`${field.name} ${selectionOf(named, depth + 1)}`);
    }
  }
  return `{ ${parts.join(' ')} }`;
}

function operations(): Operation[] {
  const out: Operation[] = [];
  const mutation = schema.getMutationType()!;
  for (const field of Object.values(mutation.getFields())) {
    const selection = selectionOf(getNamedType(field.type));
    out.push({ name: `Mutation.${field.name}`, kind: 'mutation', field, wrap: (call) => `mutation { ${call} ${selection} }` });
  }
  const query = schema.getQueryType()!;
  // How a query reaches an object of each type: a root field without arguments, or node(id:) with an existing id.
  const reach = new Map<string, (inner: string) => string>();
  for (const field of Object.values(query.getFields())) {
    const named = getNamedType(field.type);
    if (field.args.length === 0 && isObjectType(named)) reach.set(named.name, (inner) => `${field.name} { ${inner} }`);
  }
  const prefixOf = ID_PREFIXES as Record<string, string>;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || reach.has(type.name) || !type.getInterfaces().some((i) => i.name === 'Node')) continue;
    const prefix = prefixOf[type.name];
    if (!prefix) continue;
    reach.set(type.name, (inner) => {
      // Looked up when the request is made: the fixtures exist by then.
      const id = pool.ids.get(prefix)?.[0];
      if (!id) throw new Error(`No fixture of type ${type.name} (${prefix}_...) to reach it through node(id:): add one in beforeAll.`);
      return `node(id: ${JSON.stringify(id)}) { ... on ${type.name} { ${inner} } }`;
    });
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type === mutation || type === schema.getSubscriptionType()) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const selection = selectionOf(getNamedType(field.type)) || '';
      const at = type === query ? (inner: string) => inner : reach.get(type.name);
      if (!at) throw new Error(`${type.name}.${field.name} takes arguments, but no query reaches ${type.name}: teach this test how.`);
      out.push({ name: `${type.name}.${field.name}`, kind: 'query', field, wrap: (call) => `query { ${at(`${call} ${selection}`)} }` });
    }
  }
  return out;
}

/** The arguments of a field, generated: a value (or absence) for each; one run in three has nothing hostile. */
function argumentsFor(args: readonly GraphQLArgument[]) {
  const run = (hostileRun: boolean) =>
    fc.record(Object.fromEntries(args.map((a) => [a.name, valueFor(a.type, a.name, hostileRun)])), {
      requiredKeys: args.filter((a) => isNonNullType(a.type)).map((a) => a.name),
    });
  return fc.oneof({ arbitrary: run(false), weight: 1 }, { arbitrary: run(true), weight: 2 });
}

type Transport = 'variables' | 'literal' | 'get' | 'ws' | 'ws-literal';

/** One graphql-ws connection per credential, reopened on demand after the server closes one. */
const wsClients = new Map<string, Client>();

/** Runs a query or mutation over graphql-ws; a closed socket is reported as an error, 4500 as an internal one. */
function overWs(credential: (typeof credentials)[number], document: string, variables?: Record<string, unknown>) {
  let client = wsClients.get(credential.name);
  if (!client) {
    const stripeContext = credential.headers?.['stripe-context'];
    client = wsClient(gateway.url, credential.token, stripeContext ? { stripeContext } : {});
    wsClients.set(credential.name, client);
  }
  return new Promise<GraphQLResponse<any>>((resolve) => {
    let result: object = {};
    client.subscribe(
      { query: document, variables },
      {
        next: (value) => (result = value),
        error: (error) => {
          if (Array.isArray(error)) return resolve({ status: 200, errors: error });
          const code = (error as { code?: number }).code;
          resolve({
            status: 200,
            errors: [{ message: `socket closed: ${code}`, extensions: { code: code === 4500 ? 'INTERNAL_SERVER_ERROR' : 'SOCKET_CLOSED' } }],
          });
        },
        complete: () => resolve({ status: 200, ...result }),
      },
    );
  });
}

/** Builds and sends the request; the document either declares variables or inlines the values. */
async function send(
  operation: Operation,
  values: Record<string, unknown>,
  transport: Transport,
  credential: (typeof credentials)[number],
): Promise<{ response: GraphQLResponse<any>; document: string; variables?: Record<string, unknown> }> {
  const args = operation.field.args.filter((a) => values[a.name] !== undefined);
  const literals = args.map((a) => literal(values[a.name], a.type));
  const useLiteral = (transport === 'literal' || transport === 'ws-literal') && !literals.includes(null);
  let document: string;
  let variables: Record<string, unknown> | undefined;
  const call = (text: string) => (args.length ? `${operation.field.name}(${text})` : operation.field.name);
  if (useLiteral) {
    document = operation.wrap(call(args.map((a, i) => `${a.name}: ${literals[i]}`).join(', ')));
  } else {
    variables = Object.fromEntries(args.map((a) => [a.name, values[a.name]]));
    const declared = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
    const body = operation.wrap(call(args.map((a) => `${a.name}: $${a.name}`).join(', ')));
    document = declared ? body.replace(/^(query|mutation) /, `$1 Fuzz(${declared}) `) : body;
  }
  if (transport === 'ws' || transport === 'ws-literal') return { response: await overWs(credential, document, variables), document, variables };
  if (transport === 'get' && operation.kind === 'query') {
    const url = new URL(gateway.url);
    url.searchParams.set('query', document);
    if (variables) url.searchParams.set('variables', JSON.stringify(variables));
    const res = await fetch(url, { headers: { accept: 'application/json', authorization: `Bearer ${credential.token}`, ...credential.headers } });
    const text = await res.text();
    return { response: { status: res.status, ...parseBody(text) }, document, variables };
  }
  const response = await gateway.graphql(document, { token: credential.token, variables, headers: credential.headers });
  return { response, document, variables };
}

function parseBody(text: string): object {
  try {
    return JSON.parse(text) as object;
  } catch {
    return { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
  }
}

/** Whether the operation was refused: a GraphQL error, or a payload with userErrors. */
function refused(response: GraphQLResponse<any>): boolean {
  if (response.errors?.length) return true;
  return Object.values(response.data ?? {}).some((payload) => Array.isArray((payload as any)?.userErrors) && (payload as any).userErrors.length > 0);
}

const short = (value: unknown) => {
  const text = JSON.stringify(value, (_k, v) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v));
  return text && text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
};

const OPERATIONS = operations();
const seen = { refused: 0, accepted: 0 };

describe('every mutation and every field with arguments, fuzzed through the real server', () => {
  it('finds every mutation and every connection in the schema', () => {
    const names = OPERATIONS.map((o) => o.name);
    for (const field of Object.keys(schema.getMutationType()!.getFields())) expect(names).toContain(`Mutation.${field}`);
    const connections = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .flatMap((type: GraphQLObjectType) =>
        Object.values(type.getFields())
          .filter((f) => getNamedType(f.type).name.endsWith('Connection') && type !== schema.getSubscriptionType())
          .map((f) => `${type.name}.${f.name}`),
      );
    expect(connections.length).toBeGreaterThanOrEqual(8);
    for (const connection of connections) expect(names).toContain(connection);
  });

  it.each(OPERATIONS.map((operation) => [operation.name, operation] as const))(
    '%s: never an internal error, and refused input changes nothing',
    async (_name, operation) => {
      let snapshot: DatabaseSnapshot = await databaseSnapshot(gateway.db);
      await fc.assert(
        fc.asyncProperty(
          argumentsFor(operation.field.args),
          fc.constantFrom<Transport>('variables', 'literal', 'get', 'ws', 'ws-literal'),
          // Mostly the platform key, which may call every mutation; the others meet the permission rules.
          fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.nat(credentials.length - 1), weight: 1 }),
          async (values, transport, credentialIndex) => {
            const credential = credentials[credentialIndex];
            const { response, document, variables } = await send(operation, values, transport, credential);
            const after = await databaseSnapshot(gateway.db);
            const context = `${operation.name} as ${credential.name} over ${transport}: ${short(document)} ${short(variables)} → ${short(response)}`;
            expect(response.status, context).toBeLessThan(500);
            for (const error of response.errors ?? []) {
              expect(error.extensions?.code, context).not.toBe('INTERNAL_SERVER_ERROR');
              expect(error.message, context).not.toBe('Unexpected error.');
            }
            expect(unexpected.map(String), context).toEqual([]);
            if (refused(response) || operation.kind === 'query') {
              expect(rowCounts(after), context).toEqual(rowCounts(snapshot));
              expect(after, context).toEqual(snapshot);
              seen.refused += Number(refused(response));
            } else {
              seen.accepted += 1;
            }
            snapshot = after;
          },
        ),
        { numRuns: RUNS_PER_OPERATION },
      );
    },
  );

  it('exercised both sides: the generators are neither all hostile nor all valid', () => {
    expect(seen.refused).toBeGreaterThan(OPERATIONS.length);
    expect(seen.accepted).toBeGreaterThan(0);
  });
});
