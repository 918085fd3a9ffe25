// ReceivedCredits through the real server: Stripe's test helper, the decision
// it makes (succeeded and posted to cash, or failed with a code and no
// transaction), the checks that are user errors and write nothing, idempotent
// replays, scope, the list on FinancialAccount, and the events with their replay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.ts';
import type { CreateReceivedCreditInput } from './gql/graphql.ts';
import { startGateway, type TestGateway } from './support/gateway.ts';
import { createAccountSession, createConnectedAccount, createFinancialAccount, createPlatform } from './support/fixtures.ts';
import { databaseSnapshot } from './support/db-snapshot.ts';
import { subscribeWs, wsClient } from './support/live.ts';
import type { Viewer } from '../src/domain/viewer.ts';

const CREATE = graphql(`
  mutation RcCreate($input: CreateReceivedCreditInput!) {
    createReceivedCredit(input: $input) {
      receivedCredit {
        id amount created currency description failureCode hostedRegulatoryReceiptUrl livemode network status
        financialAccount { id balance { cash { amount } } }
        initiatingPaymentMethodDetails {
          type balance issuingCard
          billingDetails { name email address { city country line1 line2 postalCode state } }
          financialAccount { id network }
          usBankAccount { bankName last4 routingNumber }
        }
        linkedFlows { creditReversal issuingAuthorization issuingTransaction sourceFlow sourceFlowType sourceFlowDetails { __typename } }
        reversalDetails { deadline restrictedReason }
        transaction {
          id amount status flow flowType balanceImpact { cash inboundPending outboundPending }
          entries { nodes { type balanceImpact { cash } flowDetails { __typename ... on ReceivedCredit { id } } } }
        }
      }
      userErrors { code message field }
    }
  }
`);
const READ = graphql(`query RcRead($id: ID!) { receivedCredit(id: $id) { id status } }`);
const NODES = graphql(`query RcNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`);
const LIST = graphql(`
  query RcList($fa: ID!, $filter: ReceivedCreditFilter) {
    financialAccount(id: $fa) { receivedCredits(first: 20, filter: $filter) { nodes { id status } } }
  }
`);
const STREAM = graphql(`
  subscription RcStream($after: ID) {
    events(types: [TREASURY_RECEIVED_CREDIT_CREATED, TREASURY_RECEIVED_CREDIT_SUCCEEDED, TREASURY_RECEIVED_CREDIT_FAILED], after: $after) { id type objectId data }
  }
`);

let gateway: TestGateway;
let p: { platformId: string; secretKey: string };
let live: { platformId: string; secretKey: string };
let accountA: string;
let sessionB: string;

const platform = (): Viewer => ({ platformId: p.platformId, livemode: false, accountId: null, credential: 'secret_key', credentialId: 't', expiresAt: null });

async function create(input: CreateReceivedCreditInput, token = p.secretKey) {
  const res = await gateway.graphql(CREATE, { token, variables: { input } });
  expect(res.errors).toBeUndefined();
  return res.data!.createReceivedCredit;
}

const newAccount = (options: Parameters<typeof createFinancialAccount>[2] = {}) =>
  createFinancialAccount(gateway, { platformId: p.platformId, accountId: accountA }, options);

beforeAll(async () => {
  gateway = await startGateway({ featureActivationSweepMs: 3_600_000, maxOpenFinancialAccountsPerAccount: 100 });
  p = await createPlatform(gateway, { name: 'Rc Platform' });
  live = await createPlatform(gateway, { name: 'Rc Live', livemode: true });
  accountA = (await createConnectedAccount(gateway, p.platformId)).id;
  const accountB = (await createConnectedAccount(gateway, p.platformId)).id;
  sessionB = await createAccountSession(gateway, p.platformId, accountB);
});

afterAll(() => gateway?.stop());

describe('createReceivedCredit', () => {
  it('posts the money to cash at once, with every field as Stripe has it', async () => {
    const fa = await newAccount();
    const payload = await create({
      financialAccount: fa.id,
      amount: 12_345,
      currency: 'usd',
      network: 'ACH',
      description: 'Invoice 42',
      initiatingPaymentMethodDetails: {
        type: 'US_BANK_ACCOUNT',
        usBankAccount: { accountHolderName: 'Jane Austen', accountNumber: '000123456789', routingNumber: '110000000' },
      },
    });
    expect(payload.userErrors).toEqual([]);
    const rc = payload.receivedCredit!;
    expect(rc).toMatchObject({
      amount: 12345,
      currency: 'usd',
      description: 'Invoice 42',
      failureCode: null,
      hostedRegulatoryReceiptUrl: null,
      livemode: false,
      network: 'ACH',
      status: 'SUCCEEDED',
      financialAccount: { id: fa.id, balance: { cash: [{ amount: 12345 }] } },
      initiatingPaymentMethodDetails: {
        type: 'US_BANK_ACCOUNT',
        balance: null,
        issuingCard: null,
        financialAccount: null,
        billingDetails: { name: 'Jane Austen', email: null },
        usBankAccount: { bankName: 'STRIPE TEST BANK', last4: '6789', routingNumber: '110000000' },
      },
      linkedFlows: { creditReversal: null, issuingAuthorization: null, issuingTransaction: null, sourceFlow: null, sourceFlowType: null, sourceFlowDetails: null },
      reversalDetails: { restrictedReason: null },
      transaction: {
        amount: 12345,
        status: 'POSTED',
        flow: rc.id,
        flowType: 'RECEIVED_CREDIT',
        balanceImpact: { cash: 12345, inboundPending: 0, outboundPending: 0 },
        entries: { nodes: [{ type: 'RECEIVED_CREDIT', balanceImpact: { cash: 12345 }, flowDetails: { __typename: 'ReceivedCredit', id: rc.id } }] },
      },
    });
    expect(rc.id).toMatch(/^rc_/);
    const events = await gateway.db.prisma.event.findMany({ where: { objectId: rc.id }, orderBy: { sequence: 'asc' } });
    expect(events.map((e) => [e.type, e.financialAccountIds])).toEqual([
      ['treasury.received_credit.created', [fa.id]],
      ['treasury.received_credit.succeeded', [fa.id]],
    ]);
    expect((events[0].data as { object: unknown }).object).toMatchObject({
      id: rc.id,
      object: 'treasury.received_credit',
      amount: 12345,
      network: 'ach',
      status: 'succeeded',
      failure_code: null,
      financial_account: fa.id,
      transaction: rc.transaction!.id,
      initiating_payment_method_details: { type: 'us_bank_account', us_bank_account: { last4: '6789', routing_number: '110000000' } },
      linked_flows: { source_flow: null },
    });
  });

  it.each([
    ['a closed account', { status: 'closed' as const }, 'ACCOUNT_CLOSED'],
    ['an account without ABA addresses', { features: ['outbound_transfers_ach' as const] }, 'OTHER'],
  ])('fails on %s: a failure code, no transaction, no money', async (_name, options, failureCode) => {
    const fa = await newAccount(options);
    const transactions = await gateway.db.prisma.transaction.count();
    const payload = await create({ financialAccount: fa.id, amount: 500, currency: 'usd', network: 'ACH' });
    expect(payload.userErrors).toEqual([]);
    expect(payload.receivedCredit).toMatchObject({ status: 'FAILED', failureCode, transaction: null, reversalDetails: { restrictedReason: 'OTHER' } });
    expect(await gateway.db.prisma.transaction.count()).toBe(transactions);
    const events = await gateway.db.prisma.event.findMany({ where: { objectId: payload.receivedCredit!.id }, orderBy: { sequence: 'asc' } });
    expect(events.map((e) => e.type)).toEqual(['treasury.received_credit.created', 'treasury.received_credit.failed']);
  });

  it('fails as ACCOUNT_FROZEN when the platform restricts inbound flows', async () => {
    const fa = await newAccount();
    await gateway.server.services.financialAccounts.update(platform(), { financialAccount: fa.id, platformRestrictions: { inboundFlows: 'restricted' } });
    const payload = await create({ financialAccount: fa.id, amount: 500, currency: 'usd', network: 'US_DOMESTIC_WIRE' });
    expect(payload.receivedCredit).toMatchObject({ status: 'FAILED', failureCode: 'ACCOUNT_FROZEN', network: 'US_DOMESTIC_WIRE', transaction: null });
  });

  it('over the stripe network it needs intra-Stripe flows', async () => {
    const without = await newAccount();
    expect((await create({ financialAccount: without.id, amount: 1, currency: 'usd', network: 'STRIPE' })).receivedCredit).toMatchObject({ status: 'FAILED', failureCode: 'OTHER' });
    const withIt = await newAccount({ features: ['intra_stripe_flows'] });
    const ok = (await create({ financialAccount: withIt.id, amount: 1, currency: 'usd', network: 'STRIPE' })).receivedCredit!;
    expect(ok).toMatchObject({ status: 'SUCCEEDED', network: 'STRIPE', initiatingPaymentMethodDetails: { type: 'STRIPE' } });
  });
});

describe('user errors: nothing written', () => {
  let fa: string;
  beforeAll(async () => {
    fa = (await newAccount()).id;
  });
  it.each([
    ['a zero amount', () => ({ financialAccount: fa, amount: 0, currency: 'usd', network: 'ACH' }), 'amount_too_small', ['input', 'amount']],
    ['an unsupported currency', () => ({ financialAccount: fa, amount: 1, currency: 'eur', network: 'ACH' }), 'parameter_invalid', ['input', 'currency']],
    ['an unknown account', () => ({ financialAccount: 'fa_000000000000000000000000', amount: 1, currency: 'usd', network: 'ACH' }), 'resource_missing', ['input', 'financialAccount']],
    [
      'a bad routing number',
      () => ({ financialAccount: fa, amount: 1, currency: 'usd', network: 'ACH', initiatingPaymentMethodDetails: { type: 'US_BANK_ACCOUNT', usBankAccount: { routingNumber: '110000001' } } }),
      expect.any(String),
      ['input', 'initiatingPaymentMethodDetails', 'usBankAccount', 'routingNumber'],
    ],
    [
      'bank details over the stripe network',
      () => ({ financialAccount: fa, amount: 1, currency: 'usd', network: 'STRIPE', initiatingPaymentMethodDetails: { type: 'US_BANK_ACCOUNT' } }),
      'parameter_invalid',
      ['input', 'initiatingPaymentMethodDetails'],
    ],
  ] as const)('%s', async (_name, input, code, field) => {
    const before = await databaseSnapshot(gateway.db);
    const payload = await create(input() as CreateReceivedCreditInput);
    expect(payload.receivedCredit).toBeNull();
    expect(payload.userErrors).toEqual([expect.objectContaining({ code, field })]);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });

  it('only in test mode', async () => {
    const before = await databaseSnapshot(gateway.db);
    const payload = await create({ financialAccount: fa, amount: 1, currency: 'usd', network: 'ACH' }, live.secretKey);
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'test_mode_only' })]);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });
});

describe('idempotency, scope, lists, events', () => {
  it('a replay credits once; the same key with another input is refused', async () => {
    const fa = await newAccount();
    const input = { financialAccount: fa.id, amount: 900, currency: 'usd', network: 'ACH' as const, idempotencyKey: 'rc-1' };
    const first = (await create(input)).receivedCredit!;
    const before = await databaseSnapshot(gateway.db);
    expect((await create(input)).receivedCredit!.id).toBe(first.id);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
    expect((await create({ ...input, amount: 901 })).userErrors).toEqual([expect.objectContaining({ code: 'idempotency_key_in_use' })]);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });

  it('is null for another account\'s session; listed and filtered on its account', async () => {
    const fa = await newAccount();
    const ok = (await create({ financialAccount: fa.id, amount: 1, currency: 'usd', network: 'ACH' })).receivedCredit!;
    expect((await gateway.graphql(READ, { token: sessionB, variables: { id: ok.id } })).data!.receivedCredit).toBeNull();
    expect((await gateway.graphql(NODES, { token: p.secretKey, variables: { ids: [ok.id] } })).data!.nodes).toEqual([{ __typename: 'ReceivedCredit', id: ok.id }]);
    const closed = await newAccount({ status: 'closed' });
    const failed = (await create({ financialAccount: closed.id, amount: 1, currency: 'usd', network: 'ACH' })).receivedCredit!;
    const list = async (id: string, filter?: object) =>
      (await gateway.graphql(LIST, { token: p.secretKey, variables: { fa: id, filter } })).data!.financialAccount!.receivedCredits.nodes;
    expect(await list(fa.id)).toEqual([{ id: ok.id, status: 'SUCCEEDED' }]);
    expect(await list(closed.id, { status: 'FAILED' })).toEqual([{ id: failed.id, status: 'FAILED' }]);
    expect(await list(closed.id, { status: 'SUCCEEDED' })).toEqual([]);
    expect(await list(fa.id, { linkedFlows: { sourceFlowType: 'OUTBOUND_TRANSFER' } })).toEqual([]);
  });

  it('its events reach the events subscription, and its replay', async () => {
    const fa = await newAccount();
    const first = (await create({ financialAccount: fa.id, amount: 10, currency: 'usd', network: 'ACH' })).receivedCredit!;
    const [created] = await gateway.db.prisma.event.findMany({ where: { objectId: first.id }, orderBy: { sequence: 'asc' } });
    const second = (await create({ financialAccount: fa.id, amount: 20, currency: 'usd', network: 'ACH' })).receivedCredit!;
    const client = wsClient(gateway.url, p.secretKey);
    try {
      const sub = await subscribeWs(client, STREAM, { after: created.id });
      const seen = [];
      for (let i = 0; i < 3; i++) seen.push((await sub.next(5000)).data!.events);
      expect(seen.map((e) => [e.type, e.objectId])).toEqual([
        ['TREASURY_RECEIVED_CREDIT_SUCCEEDED', first.id],
        ['TREASURY_RECEIVED_CREDIT_CREATED', second.id],
        ['TREASURY_RECEIVED_CREDIT_SUCCEEDED', second.id],
      ]);
      const third = (await create({ financialAccount: fa.id, amount: 30, currency: 'usd', network: 'ACH' })).receivedCredit!;
      const liveOne = (await sub.next(5000)).data!.events;
      expect([liveOne.type, liveOne.objectId, (liveOne.data as { object: { amount: number } }).object.amount]).toEqual([
        'TREASURY_RECEIVED_CREDIT_CREATED',
        third.id,
        30,
      ]);
      await sub.close();
    } finally {
      await client.dispose();
    }
  });
});
