// createPaymentMethod and the reads of payment methods through the real
// server: every field read back, the full account number never shown, every
// bad input a user error that writes nothing, Stripe's Idempotency-Key, scope,
// the ConnectedAccount.paymentMethods connection and node(id:).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.ts';
import type { CreatePaymentMethodInput } from './gql/graphql.ts';
import { NO_SWEEPS, startGateway, type TestGateway } from './support/gateway.ts';
import { createAccountSession, createConnectedAccount, createPaymentMethod, createPlatform } from './support/fixtures.ts';
import { subscribeWs, wsClient } from './support/live.ts';
import { newId } from '../src/domain/ids.ts';

let gateway: TestGateway;
/** Platform P1 with its connected accounts A and B (each with a session); platform P2 with its account C. */
let p1: { platformId: string; secretKey: string };
let p2: { platformId: string; secretKey: string };
let accountA: string;
let accountB: string;
let accountC: string;
let sessionA: string;
let sessionB: string;

const CREATE = graphql(`
  mutation PmCreate($input: CreatePaymentMethodInput!) {
    createPaymentMethod(input: $input) {
      paymentMethod {
        id
        type
        created
        livemode
        metadata
        billingDetails { name email phone address { line1 line2 city state postalCode country } }
        usBankAccount {
          bankName
          last4
          routingNumber
          accountHolderType
          accountType
          fingerprint
          networks { preferred supported }
        }
        connectedAccount { id }
      }
      userErrors { code message field }
    }
  }
`);

const READ = graphql(`
  query PmRead($id: ID!) {
    paymentMethod(id: $id) {
      id
      type
      created
      livemode
      metadata
      billingDetails { name email phone address { line1 line2 city state postalCode country } }
      usBankAccount {
        bankName
        last4
        routingNumber
        accountHolderType
        accountType
        fingerprint
        networks { preferred supported }
      }
      connectedAccount { id }
    }
  }
`);

const NODE = graphql(`
  query PmNode($id: ID!) {
    node(id: $id) { __typename id ... on PaymentMethod { usBankAccount { last4 } connectedAccount { id } } }
  }
`);

const NODES = graphql(`query PmNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`);

const LIST = graphql(`
  query PmList($account: ID!, $first: Int, $after: String, $last: Int, $before: String, $filter: PaymentMethodFilter) {
    connectedAccount(id: $account) {
      id
      paymentMethods(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
        edges { cursor node { id created } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }
`);

const ACCOUNTS_WITH_METHODS = graphql(`
  query PmAccountsWithMethods($n: Int) {
    connectedAccounts(first: $n) { nodes { id paymentMethods(first: $n) { nodes { id usBankAccount { last4 } connectedAccount { id } } } } }
  }
`);

const ALL_ACCOUNTS = graphql(`
  query PmAllAccounts {
    connectedAccounts(first: 100) { nodes { id paymentMethods(first: 100) { nodes { id connectedAccount { id } } } } }
  }
`);

const EVENTS = graphql(`
  query PmEvents {
    events(first: 100, filter: { types: [PAYMENT_METHOD_ATTACHED] }) { nodes { id type objectId data connectedAccount { id } } }
  }
`);

const EVENT_STREAM = graphql(`
  subscription PmEventStream($after: ID) { events(types: [PAYMENT_METHOD_ATTACHED], after: $after) { id type objectId data } }
`);

const prisma = () => gateway.db.prisma;

/** Row counts of everything createPaymentMethod may write. */
async function counts() {
  const db = prisma();
  const [paymentMethods, events, idempotencyKeys] = await Promise.all([
    db.paymentMethod.count(),
    db.event.count(),
    db.idempotencyKey.count(),
  ]);
  return { paymentMethods, events, idempotencyKeys };
}

const create = (input: CreatePaymentMethodInput, token = p1.secretKey, headers?: Record<string, string>) =>
  gateway.graphql(CREATE, { token, variables: { input }, headers });

/** A complete, valid input for account A; tests override what they are about. */
function validInput(overrides: Partial<CreatePaymentMethodInput> = {}): CreatePaymentMethodInput {
  return {
    account: accountA,
    type: 'US_BANK_ACCOUNT',
    usBankAccount: { routingNumber: '110000000', accountNumber: '000123456789', accountHolderType: 'COMPANY', accountType: 'CHECKING' },
    billingDetails: { name: 'Jenny Rosen' },
    ...overrides,
  };
}

/** Creates a payment method through the API and returns it. */
async function created(input: CreatePaymentMethodInput, token = p1.secretKey, headers?: Record<string, string>) {
  const res = await create(input, token, headers);
  expect(res.errors).toBeUndefined();
  expect(res.data!.createPaymentMethod.userErrors).toEqual([]);
  return res.data!.createPaymentMethod.paymentMethod!;
}

const metadataWithKeys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, `v${i}`]));

beforeAll(async () => {
  // No activation sweep: a test counts the SQL statements the server sends.
  gateway = await startGateway({ ...NO_SWEEPS });
  p1 = await createPlatform(gateway, { name: 'Pm Platform One' });
  p2 = await createPlatform(gateway, { name: 'Pm Platform Two' });
  accountA = (await createConnectedAccount(gateway, p1.platformId, { displayName: 'Pm Account A' })).id;
  accountB = (await createConnectedAccount(gateway, p1.platformId, { displayName: 'Pm Account B' })).id;
  accountC = (await createConnectedAccount(gateway, p2.platformId, { displayName: 'Pm Account C' })).id;
  sessionA = await createAccountSession(gateway, p1.platformId, accountA);
  sessionB = await createAccountSession(gateway, p1.platformId, accountB);
});

afterAll(() => gateway?.stop());

describe('createPaymentMethod', () => {
  it('creates a US bank account payment method with every field, readable by id, by node and in its account\'s list', async () => {
    const before = await counts();
    const pm = await created({
      account: accountA,
      type: 'US_BANK_ACCOUNT',
      usBankAccount: { routingNumber: '110000000', accountNumber: '000123456789', accountHolderType: 'INDIVIDUAL', accountType: 'SAVINGS' },
      billingDetails: {
        name: '  Jenny Rosen ',
        email: 'jenny@example.com',
        phone: '+1 415 555 0100',
        address: { line1: '510 Townsend St', line2: 'Floor 2', city: 'San Francisco', state: 'CA', postalCode: '94103', country: 'US' },
      },
      metadata: { vendor_id: 'V-7', purpose: 'payouts' },
    });
    expect(pm.id).toMatch(/^pm_[0-9A-Za-z]{24}$/);
    expect(pm).toMatchObject({
      type: 'US_BANK_ACCOUNT',
      livemode: false,
      metadata: { vendor_id: 'V-7', purpose: 'payouts' },
      billingDetails: {
        name: 'Jenny Rosen',
        email: 'jenny@example.com',
        phone: '+1 415 555 0100',
        address: { line1: '510 Townsend St', line2: 'Floor 2', city: 'San Francisco', state: 'CA', postalCode: '94103', country: 'US' },
      },
      usBankAccount: {
        bankName: 'STRIPE TEST BANK',
        last4: '6789',
        routingNumber: '110000000',
        accountHolderType: 'INDIVIDUAL',
        accountType: 'SAVINGS',
        networks: { preferred: 'ACH', supported: ['ACH', 'US_DOMESTIC_WIRE'] },
      },
      connectedAccount: { id: accountA },
    });
    expect(pm.usBankAccount!.fingerprint).toMatch(/^[0-9A-Za-z]{16}$/);
    expect(Math.abs(Date.parse(pm.created) - Date.now())).toBeLessThan(60_000);

    const read = await gateway.graphql(READ, { token: p1.secretKey, variables: { id: pm.id } });
    expect(read.errors).toBeUndefined();
    expect(read.data!.paymentMethod).toEqual(pm);
    const node = await gateway.graphql(NODE, { token: p1.secretKey, variables: { id: pm.id } });
    expect(node.data!.node).toEqual({ __typename: 'PaymentMethod', id: pm.id, usBankAccount: { last4: '6789' }, connectedAccount: { id: accountA } });
    const list = await gateway.graphql(LIST, { token: p1.secretKey, variables: { account: accountA, first: 100 } });
    expect(list.data!.connectedAccount!.paymentMethods.edges.map((e) => e.node.id)).toContain(pm.id);

    // Stored with the full number (money movements need it), in the account's scope.
    const row = await prisma().paymentMethod.findUniqueOrThrow({ where: { id: pm.id } });
    expect(row).toMatchObject({ platformId: p1.platformId, accountId: accountA, livemode: false, accountNumber: '000123456789', last4: '6789' });
    expect(await counts()).toEqual({ ...before, paymentMethods: before.paymentMethods + 1, events: before.events + 1 });
  });

  it('writes payment_method.attached with the payment method in Stripe\'s shape', async () => {
    const pm = await created(validInput({ metadata: { a: '1' }, billingDetails: { name: 'Evented Holder', email: 'e@example.com' } }));
    const events = await prisma().event.findMany({ where: { objectId: pm.id } });
    expect(events.map((e) => e.type)).toEqual(['payment_method.attached']);
    expect(events[0]).toMatchObject({ platformId: p1.platformId, accountId: accountA, livemode: false, financialAccountIds: [] });
    const object = (events[0].data as any).object;
    expect(object).toEqual({
      id: pm.id,
      object: 'payment_method',
      billing_details: {
        address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null },
        email: 'e@example.com',
        name: 'Evented Holder',
        phone: null,
      },
      created: Math.floor(Date.parse(pm.created) / 1000),
      customer: null,
      livemode: false,
      metadata: { a: '1' },
      type: 'us_bank_account',
      us_bank_account: {
        account_holder_type: 'company',
        account_type: 'checking',
        bank_name: 'STRIPE TEST BANK',
        financial_connections_account: null,
        fingerprint: pm.usBankAccount!.fingerprint,
        last4: '6789',
        networks: { preferred: 'ach', supported: ['ach', 'us_domestic_wire'] },
        routing_number: '110000000',
      },
    });
  });

  it('defaults: no holder type, checking, no bank name for a routing number it does not know, empty metadata', async () => {
    const pm = await created({
      account: accountA,
      type: 'US_BANK_ACCOUNT',
      usBankAccount: { routingNumber: '021000021', accountNumber: '4321' },
      billingDetails: { name: 'Minimal Holder' },
    });
    expect(pm).toMatchObject({
      metadata: {},
      billingDetails: { name: 'Minimal Holder', email: null, phone: null, address: { line1: null, country: null } },
      usBankAccount: { bankName: null, last4: '4321', routingNumber: '021000021', accountHolderType: null, accountType: 'CHECKING' },
    });
  });

  it('never shows the full account number: not in the payload, any read, the event rows or the events API', async () => {
    const accountNumber = '98765432105555';
    const responses: unknown[] = [];
    const res = await create(validInput({ usBankAccount: { routingNumber: '110000000', accountNumber } }));
    responses.push(res);
    const pm = res.data!.createPaymentMethod.paymentMethod!;
    expect(pm.usBankAccount!.last4).toBe('5555');
    for (const token of [p1.secretKey, sessionA]) {
      responses.push(await gateway.graphql(READ, { token, variables: { id: pm.id } }));
      responses.push(await gateway.graphql(NODE, { token, variables: { id: pm.id } }));
      responses.push(await gateway.graphql(LIST, { token, variables: { account: accountA, first: 100 } }));
      responses.push(await gateway.graphql(EVENTS, { token }));
    }
    // The reads did find it: the number's absence is not an empty response's.
    expect(JSON.stringify(responses)).toContain(pm.id);
    expect(JSON.stringify(responses)).not.toContain(accountNumber);
    const events = await prisma().event.findMany({ where: { objectId: pm.id } });
    expect(events).toHaveLength(1);
    // Event rows carry a bigint sequence, which JSON.stringify cannot write as it is.
    const eventsJson = JSON.stringify(events, (_key, value) => (typeof value === 'bigint' ? String(value) : value));
    expect(eventsJson).not.toContain(accountNumber);
    // Nor a prefix long enough to matter: only the last four digits are shown anywhere.
    expect(JSON.stringify(responses) + eventsJson).not.toContain(accountNumber.slice(0, 10));
  });

  it('gives one bank account one fingerprint across the platform\'s accounts, and other numbers or platforms another', async () => {
    const numbers = { routingNumber: '110000000', accountNumber: '55550000111' };
    const first = await created(validInput({ account: accountA, usBankAccount: numbers }));
    const again = await created(validInput({ account: accountB, usBankAccount: { ...numbers, accountType: 'SAVINGS' } }));
    const other = await created(validInput({ account: accountA, usBankAccount: { ...numbers, accountNumber: '55550000112' } }));
    const elsewhere = await created(validInput({ account: accountC, usBankAccount: numbers }), p2.secretKey);
    expect(again.usBankAccount!.fingerprint).toBe(first.usBankAccount!.fingerprint);
    expect(other.usBankAccount!.fingerprint).not.toBe(first.usBankAccount!.fingerprint);
    expect(elsewhere.usBankAccount!.fingerprint).not.toBe(first.usBankAccount!.fingerprint);
  });

  it('gives a bank account one fingerprint even when its first payment methods are created at once', async () => {
    const numbers = { routingNumber: '110000000', accountNumber: '77770000999' };
    const results = await Promise.all(
      [accountA, accountB, accountA, accountB].map((account) => created(validInput({ account, usBankAccount: numbers }))),
    );
    expect(new Set(results.map((pm) => pm.id)).size).toBe(4);
    expect(new Set(results.map((pm) => pm.usBankAccount!.fingerprint)).size).toBe(1);
  });

  describe('refuses bad input with a user error and writes nothing', () => {
    const bank = (usBankAccount: Partial<NonNullable<CreatePaymentMethodInput['usBankAccount']>>) => ({
      usBankAccount: { routingNumber: '110000000', accountNumber: '000123456789', ...usBankAccount },
    });
    const routing = ['input', 'usBankAccount', 'routingNumber'];
    const accountNumberField = ['input', 'usBankAccount', 'accountNumber'];
    const cases: Array<[string, () => Partial<CreatePaymentMethodInput>, string, string[]]> = [
      ['a routing number with a wrong check digit', () => bank({ routingNumber: '110000001' }), 'routing_number_invalid', routing],
      ['a routing number of 8 digits', () => bank({ routingNumber: '11000000' }), 'routing_number_invalid', routing],
      ['a routing number of 10 digits', () => bank({ routingNumber: '1100000000' }), 'routing_number_invalid', routing],
      ['a routing number with letters', () => bank({ routingNumber: '11000000A' }), 'routing_number_invalid', routing],
      ['a routing number with spaces', () => bank({ routingNumber: ' 110000000' }), 'routing_number_invalid', routing],
      // 990000000 has a valid check digit, but no ABA range starts with 99.
      ['a routing number outside the ABA ranges', () => bank({ routingNumber: '990000000' }), 'routing_number_invalid', routing],
      ['an empty routing number', () => bank({ routingNumber: '' }), 'parameter_missing', routing],
      ['an account number of 3 digits', () => bank({ accountNumber: '123' }), 'account_number_invalid', accountNumberField],
      ['an account number of 18 digits', () => bank({ accountNumber: '1'.repeat(18) }), 'account_number_invalid', accountNumberField],
      ['an account number with letters', () => bank({ accountNumber: '1234abcd' }), 'account_number_invalid', accountNumberField],
      ['an account number with dashes', () => bank({ accountNumber: '1234-5678' }), 'account_number_invalid', accountNumberField],
      ['an empty account number', () => bank({ accountNumber: '' }), 'parameter_missing', accountNumberField],
      ['no bank account', () => ({ usBankAccount: null }), 'parameter_missing', ['input', 'usBankAccount']],
      ['no billing details (the holder\'s name is required)', () => ({ billingDetails: null }), 'parameter_missing', ['input', 'billingDetails', 'name']],
      ['billing details without a name', () => ({ billingDetails: { email: 'x@example.com' } }), 'parameter_missing', ['input', 'billingDetails', 'name']],
      ['a blank name', () => ({ billingDetails: { name: '   ' } }), 'parameter_missing', ['input', 'billingDetails', 'name']],
      ['an invalid email', () => ({ billingDetails: { name: 'J R', email: 'not-an-email' } }), 'email_invalid', ['input', 'billingDetails', 'email']],
      [
        'a three-letter country',
        () => ({ billingDetails: { name: 'J R', address: { country: 'USA' } } }),
        'country_invalid',
        ['input', 'billingDetails', 'address', 'country'],
      ],
      ['metadata with 51 keys', () => ({ metadata: metadataWithKeys(51) }), 'parameter_invalid', ['input', 'metadata']],
      ['a metadata key of 41 characters', () => ({ metadata: { ['k'.repeat(41)]: 'v' } }), 'parameter_invalid_string_too_long', ['input', 'metadata', 'k'.repeat(41)]],
      ['a metadata value of 501 characters', () => ({ metadata: { note: 'v'.repeat(501) } }), 'parameter_invalid_string_too_long', ['input', 'metadata', 'note']],
      ['an empty metadata key', () => ({ metadata: { '': 'v' } }), 'parameter_invalid_empty', ['input', 'metadata']],
      ['another platform\'s account', () => ({ account: accountC }), 'resource_missing', ['input', 'account']],
      ['the platform\'s own account', () => ({ account: p1.platformId }), 'resource_missing', ['input', 'account']],
      ['an id that is no account', () => ({ account: newId('FinancialAccount') }), 'resource_missing', ['input', 'account']],
      ['an account that does not exist', () => ({ account: newId('ConnectedAccount') }), 'resource_missing', ['input', 'account']],
      ['no account, acting as the whole platform', () => ({ account: null }), 'parameter_missing', ['input', 'account']],
      ['an empty idempotency key', () => ({ idempotencyKey: '' }), 'parameter_invalid', ['input', 'idempotencyKey']],
    ];

    it.each(cases)('%s', async (_name, overrides, code, field) => {
      const before = await counts();
      const res = await create(validInput(overrides()));
      expect(res.errors).toBeUndefined();
      const payload = res.data!.createPaymentMethod;
      expect(payload.paymentMethod).toBeNull();
      expect(payload.userErrors).toHaveLength(1);
      expect(payload.userErrors[0]).toMatchObject({ code, field });
      expect(payload.userErrors[0].message.length).toBeGreaterThan(0);
      expect(await counts()).toEqual(before);
    });

    // Text no field may hold (a NUL, which PostgreSQL cannot store; more than any string may
    // carry) is refused for every operation before it runs, naming the input field.
    it.each([
      ['an account number with a NUL', () => bank({ accountNumber: '1234\u00005678' }), 'account_number_invalid', accountNumberField],
      ['a name with a NUL', () => ({ billingDetails: { name: 'Jenny\u0000Rosen' } }), 'parameter_invalid', ['input', 'billingDetails', 'name']],
      ['a name over 5000 characters', () => ({ billingDetails: { name: 'n'.repeat(5001) } }), 'parameter_invalid_string_too_long', ['input', 'billingDetails', 'name']],
      [
        'an address line with a NUL',
        () => ({ billingDetails: { name: 'J R', address: { line1: '1 Main\u0000St' } } }),
        'parameter_invalid',
        ['input', 'billingDetails', 'address', 'line1'],
      ],
      ['a metadata value with a NUL', () => ({ metadata: { note: 'a\u0000b' } }), 'parameter_invalid', ['input', 'metadata', 'note']],
    ] as Array<[string, () => Partial<CreatePaymentMethodInput>, string, string[]]>)('%s: refused before the mutation runs', async (_name, overrides, _code, field) => {
      const before = await counts();
      const res = await create(validInput(overrides()));
      expect(res.data ?? null).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: field });
      expect(await counts()).toEqual(before);
    });

    // An enum value the schema does not have never reaches the mutation: GraphQL refuses the
    // variables, naming the value, before anything runs.
    it.each([
      ['type', { type: 'CARD' }],
      ['accountHolderType', { usBankAccount: { routingNumber: '110000000', accountNumber: '000123456789', accountHolderType: 'TRUST' } }],
      ['accountType', { usBankAccount: { routingNumber: '110000000', accountNumber: '000123456789', accountType: 'MONEY_MARKET' } }],
    ])('an unknown %s value', async (_name, overrides) => {
      const before = await counts();
      const res = await create(validInput(overrides as Partial<CreatePaymentMethodInput>));
      expect(res.data ?? null).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].message).toMatch(/CARD|TRUST|MONEY_MARKET/);
      expect(res.errors![0].extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
      expect(await counts()).toEqual(before);
    });
  });

  describe('idempotency', () => {
    it('replays the first result for the same key and input, and creates nothing again', async () => {
      const input = validInput({ idempotencyKey: 'pm-replay-1', usBankAccount: { routingNumber: '110000000', accountNumber: '11112222' } });
      const first = await created(input);
      const before = await counts();
      const replay = await created(input);
      expect(replay).toEqual(first);
      expect(await counts()).toEqual(before);
    });

    it('refuses the same key with another input, and writes nothing', async () => {
      await created(validInput({ idempotencyKey: 'pm-replay-2' }));
      const before = await counts();
      const res = await create(validInput({ idempotencyKey: 'pm-replay-2', billingDetails: { name: 'Someone Else' } }));
      expect(res.data!.createPaymentMethod.paymentMethod).toBeNull();
      expect(res.data!.createPaymentMethod.userErrors).toEqual([
        expect.objectContaining({ code: 'idempotency_key_in_use', field: ['input', 'idempotencyKey'] }),
      ]);
      expect(await counts()).toEqual(before);
    });

    it('answers concurrent requests with one key with one payment method', async () => {
      const input = validInput({ idempotencyKey: 'pm-concurrent', usBankAccount: { routingNumber: '110000000', accountNumber: '33334444' } });
      const before = await counts();
      const results = await Promise.all([create(input), create(input), create(input)]);
      const ids = results.map((r) => {
        expect(r.data!.createPaymentMethod.userErrors).toEqual([]);
        return r.data!.createPaymentMethod.paymentMethod!.id;
      });
      expect(new Set(ids).size).toBe(1);
      expect(await counts()).toEqual({ paymentMethods: before.paymentMethods + 1, events: before.events + 1, idempotencyKeys: before.idempotencyKeys + 1 });
    });
  });
});

describe('scope', () => {
  let ofA: string;
  let ofB: string;
  let ofC: string;

  beforeAll(async () => {
    ofA = (await createPaymentMethod(gateway, { platformId: p1.platformId, accountId: accountA })).id;
    ofB = (await createPaymentMethod(gateway, { platformId: p1.platformId, accountId: accountB })).id;
    ofC = (await createPaymentMethod(gateway, { platformId: p2.platformId, accountId: accountC })).id;
  });

  const read = async (id: string, token: string, headers?: Record<string, string>) => {
    const [byId, byNode] = await Promise.all([
      gateway.graphql(READ, { token, variables: { id }, headers }),
      gateway.graphql(NODE, { token, variables: { id }, headers }),
    ]);
    expect(byId.errors).toBeUndefined();
    expect(byNode.errors).toBeUndefined();
    return { paymentMethod: byId.data!.paymentMethod?.id ?? null, node: byNode.data!.node?.id ?? null };
  };

  it('lets an account session create and read its own account\'s payment methods (the account is the default)', async () => {
    const pm = await created(validInput({ account: undefined }), sessionA);
    expect(pm.connectedAccount).toEqual({ id: accountA });
    expect(await read(pm.id, sessionA)).toEqual({ paymentMethod: pm.id, node: pm.id });
    expect(await read(ofA, sessionA)).toEqual({ paymentMethod: ofA, node: ofA });
  });

  it('hides other accounts\' payment methods from an account session, as if they did not exist', async () => {
    expect(await read(ofB, sessionA)).toEqual({ paymentMethod: null, node: null });
    expect(await read(ofC, sessionA)).toEqual({ paymentMethod: null, node: null });
    expect(await read(ofA, sessionB)).toEqual({ paymentMethod: null, node: null });
    const list = await gateway.graphql(LIST, { token: sessionB, variables: { account: accountA, first: 100 } });
    expect(list.data!.connectedAccount).toBeNull();
    const events = await gateway.graphql(EVENTS, { token: sessionB });
    const objectIds = events.data!.events.nodes.map((e) => e.objectId);
    expect(objectIds).toContain(ofB);
    expect(objectIds).not.toContain(ofA);
  });

  it('delivers payment_method.attached over graphql-ws to the account\'s own subscribers only, without the account number', async () => {
    const mark = await created(validInput({ account: accountA }));
    const markEvent = await prisma().event.findFirstOrThrow({ where: { objectId: mark.id } });
    await created(validInput({ account: accountB, usBankAccount: { routingNumber: '110000000', accountNumber: '24680246801' } }));
    const mine = await created(validInput({ account: accountA, usBankAccount: { routingNumber: '110000000', accountNumber: '13579135791' } }));
    const client = wsClient(gateway.url, sessionA);
    try {
      // Replayed from the mark: B's event lies between, but is not A's to see.
      const subscription = await subscribeWs(client, EVENT_STREAM, { after: markEvent.id });
      const received = await subscription.next();
      expect(received.errors).toBeUndefined();
      expect(received.data!.events).toMatchObject({ type: 'PAYMENT_METHOD_ATTACHED', objectId: mine.id });
      expect((received.data!.events.data as any).object).toMatchObject({ id: mine.id, us_bank_account: { last4: '5791' } });
      expect(JSON.stringify(received)).not.toContain('13579135791');
      await subscription.close();
    } finally {
      await client.dispose();
    }
  });

  it('refuses an account session creating for another account, and writes nothing', async () => {
    const before = await counts();
    const res = await create(validInput({ account: accountB }), sessionA);
    expect(res.data!.createPaymentMethod.userErrors).toEqual([expect.objectContaining({ code: 'resource_missing', field: ['input', 'account'] })]);
    expect(await counts()).toEqual(before);
  });

  it('lets the platform key with Stripe-Context (or Stripe-Account) act as one account', async () => {
    for (const header of ['Stripe-Context', 'Stripe-Account']) {
      const pm = await created(validInput({ account: undefined }), p1.secretKey, { [header]: accountB });
      expect(pm.connectedAccount).toEqual({ id: accountB });
      expect(await read(pm.id, p1.secretKey, { [header]: accountB })).toEqual({ paymentMethod: pm.id, node: pm.id });
      expect(await read(ofA, p1.secretKey, { [header]: accountB })).toEqual({ paymentMethod: null, node: null });
    }
    const before = await counts();
    const res = await create(validInput({ account: accountA }), p1.secretKey, { 'Stripe-Context': accountB });
    expect(res.data!.createPaymentMethod.userErrors).toEqual([expect.objectContaining({ code: 'resource_missing', field: ['input', 'account'] })]);
    expect(await counts()).toEqual(before);
  });

  it('lets the platform read all of its accounts\' payment methods, and no other platform\'s', async () => {
    expect(await read(ofA, p1.secretKey)).toEqual({ paymentMethod: ofA, node: ofA });
    expect(await read(ofB, p1.secretKey)).toEqual({ paymentMethod: ofB, node: ofB });
    expect(await read(ofC, p1.secretKey)).toEqual({ paymentMethod: null, node: null });
    expect(await read(ofA, p2.secretKey)).toEqual({ paymentMethod: null, node: null });

    // Each account's list holds its own payment methods only, read in one request for all accounts.
    const all = await gateway.graphql(ALL_ACCOUNTS, { token: p1.secretKey });
    expect(all.errors).toBeUndefined();
    const byAccount = new Map(all.data!.connectedAccounts.nodes.map((a) => [a.id, a.paymentMethods.nodes]));
    expect(byAccount.get(accountA)!.map((pm) => pm.id)).toContain(ofA);
    expect(byAccount.get(accountA)!.map((pm) => pm.id)).not.toContain(ofB);
    expect(byAccount.get(accountB)!.map((pm) => pm.id)).toContain(ofB);
    for (const [account, methods] of byAccount) for (const pm of methods) expect(pm.connectedAccount.id).toBe(account);
    const rows = await prisma().paymentMethod.groupBy({ by: ['accountId'], where: { platformId: p1.platformId }, _count: true });
    for (const row of rows) expect(byAccount.get(row.accountId)).toHaveLength(row._count);
  });

  it('resolves nodes(ids:) in order, null for what is outside the scope or does not exist', async () => {
    const missing = newId('PaymentMethod');
    const res = await gateway.graphql(NODES, { token: sessionA, variables: { ids: [ofB, ofA, missing, ofC, 'pm_not!an-id'] } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.nodes).toEqual([null, { __typename: 'PaymentMethod', id: ofA }, null, null, null]);
  });
});

describe('ConnectedAccount.paymentMethods', () => {
  let account: string;
  /** Newest first, as the list orders them: five a minute apart, then three created at one instant. */
  let expected: string[];

  beforeAll(async () => {
    account = (await createConnectedAccount(gateway, p1.platformId, { displayName: 'Pm Paged' })).id;
    const owner = { platformId: p1.platformId, accountId: account };
    const start = Date.parse('2026-02-01T00:00:00Z');
    const made: Array<{ id: string; at: number }> = [];
    for (let i = 0; i < 5; i++) {
      const at = new Date(start + i * 60_000);
      made.push({ id: (await createPaymentMethod(gateway, owner, { createdAt: at })).id, at: at.getTime() });
    }
    const same = new Date(start + 10 * 60_000);
    for (let i = 0; i < 3; i++) {
      made.push({ id: (await createPaymentMethod(gateway, owner, { createdAt: same })).id, at: same.getTime() });
    }
    expected = made.sort((x, y) => y.at - x.at || (x.id < y.id ? 1 : x.id > y.id ? -1 : 0)).map((m) => m.id);
  });

  const page = (variables: { first?: number; after?: string | null; last?: number; before?: string | null; filter?: { type?: 'US_BANK_ACCOUNT' } }) =>
    gateway.graphql(LIST, { token: p1.secretKey, variables: { account, ...variables } }).then((res) => {
      expect(res.errors).toBeUndefined();
      return res.data!.connectedAccount!.paymentMethods;
    });

  it('lists newest first with the id as tie-breaker, filtered by type', async () => {
    const all = await page({ first: 100 });
    expect(all.edges.map((e) => e.node.id)).toEqual(expected);
    expect(all.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    const filtered = await page({ first: 100, filter: { type: 'US_BANK_ACCOUNT' } });
    expect(filtered.edges.map((e) => e.node.id)).toEqual(expected);
    const byDefault = await page({});
    expect(byDefault.edges).toHaveLength(8);
  });

  it('pages forward and backward by cursor without skipping or repeating', async () => {
    const forward: string[] = [];
    let after: string | null = null;
    for (;;) {
      const p = await page({ first: 3, after });
      forward.push(...p.edges.map((e) => e.node.id));
      expect(p.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(forward).toEqual(expected);

    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const p = await page({ last: 3, before });
      backward.unshift(...p.edges.map((e) => e.node.id));
      expect(p.pageInfo.hasNextPage).toBe(before !== null);
      if (!p.pageInfo.hasPreviousPage) break;
      before = p.pageInfo.startCursor;
    }
    expect(backward).toEqual(expected);
  });

  it('reads every account\'s page in one statement, the same at first: 1 as at first: 10', async () => {
    const statements = gateway.db.statements;
    const run = async (n: number) => {
      const before = statements.count;
      statements.log = [];
      const res = await gateway.graphql(ACCOUNTS_WITH_METHODS, { token: p1.secretKey, variables: { n } });
      expect(res.errors).toBeUndefined();
      const log = statements.log;
      statements.log = null;
      return { count: statements.count - before, pages: log.filter((sql) => sql.includes('"PaymentMethod"')) };
    };
    const one = await run(1);
    const ten = await run(10);
    // authentication 1 + accounts 1 + payment methods 1; each method's account comes primed from the accounts' page.
    expect(one.count).toBe(3);
    expect(ten.count).toBe(3);
    expect(ten.pages).toHaveLength(1);
    expect(ten.pages[0]).toMatch(/LEFT JOIN LATERAL[\s\S]*FROM "PaymentMethod" t/);
  });

  it('refuses a bad page request with a clear error', async () => {
    const res = await gateway.graphql(LIST, { token: p1.secretKey, variables: { account, first: 101 } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', stripeCode: 'parameter_invalid_integer' });
    const cursor = await gateway.graphql(LIST, { token: p1.secretKey, variables: { account, after: 'not-a-cursor' } });
    expect(cursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: ['after'] });
  });
});
