// ReceivedDebits through the real server: Stripe's test helper, the decision it
// makes (succeeded and taken from cash, or failed with a code and no
// transaction: insufficient funds, a closed account, a missing feature, outbound
// flows restricted), the checks that are user errors and write nothing,
// idempotent replays, scope, the list on FinancialAccount, flowDetails, and the
// events with their replay and the balance they leave.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.ts';
import type { CreateReceivedDebitInput } from './gql/graphql.ts';
import { startGateway, type TestGateway } from './support/gateway.ts';
import { createAccountSession, createConnectedAccount, createFinancialAccount, createPlatform, fundFinancialAccount } from './support/fixtures.ts';
import { databaseSnapshot } from './support/db-snapshot.ts';
import { subscribeWs, wsClient } from './support/live.ts';
import { ObservedBus } from './support/observed-bus.ts';
import type { Viewer } from '../src/domain/viewer.ts';

const CREATE = graphql(`
  mutation RdCreate($input: CreateReceivedDebitInput!) {
    createReceivedDebit(input: $input) {
      receivedDebit {
        id amount created currency description failureCode hostedRegulatoryReceiptUrl livemode network status
        financialAccount { id balance { cash { amount } } }
        initiatingPaymentMethodDetails {
          type balance issuingCard
          billingDetails { name email address { city country line1 line2 postalCode state } }
          financialAccount { id network }
          usBankAccount { bankName last4 routingNumber }
        }
        linkedFlows { inboundTransfer issuingAuthorization issuingTransaction payout topup }
        reversalDetails { deadline restrictedReason }
        transaction {
          id amount status flow flowType balanceImpact { cash inboundPending outboundPending }
          flowDetails { __typename ... on ReceivedDebit { id } }
          entries { nodes { type balanceImpact { cash } flowDetails { __typename ... on ReceivedDebit { id } } } }
        }
      }
      userErrors { code message field }
    }
  }
`);
const READ = graphql(`query RdRead($id: ID!) { receivedDebit(id: $id) { id status reversalDetails { deadline restrictedReason } } }`);
const NODES = graphql(`query RdNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`);
const LIST = graphql(`
  query RdList($fa: ID!, $filter: ReceivedDebitFilter) {
    financialAccount(id: $fa) { receivedDebits(first: 20, filter: $filter) { nodes { id status } } }
  }
`);
const STREAM = graphql(`
  subscription RdStream($after: ID) {
    events(types: [TREASURY_RECEIVED_DEBIT_CREATED], after: $after) { id type objectId data }
  }
`);
const BALANCE = graphql(`
  subscription RdBalance($fa: ID!) {
    financialAccountBalanceUpdated(financialAccount: $fa) { financialAccount { id balance { cash { amount } } } transaction { id flow } }
  }
`);

let gateway: TestGateway;
let bus: ObservedBus;
let p: { platformId: string; secretKey: string };
let live: { platformId: string; secretKey: string };
let accountA: string;
let sessionB: string;

const platform = (): Viewer => ({ platformId: p.platformId, livemode: false, accountId: null, credential: 'secret_key', credentialId: 't', expiresAt: null });

async function create(input: CreateReceivedDebitInput, token = p.secretKey) {
  const res = await gateway.graphql(CREATE, { token, variables: { input } });
  expect(res.errors).toBeUndefined();
  return res.data!.createReceivedDebit;
}

const newAccount = (options: Parameters<typeof createFinancialAccount>[2] = {}) =>
  createFinancialAccount(gateway, { platformId: p.platformId, accountId: accountA }, options);

/** An open account with `cash` in it. */
async function fundedAccount(cash: bigint, options: Parameters<typeof createFinancialAccount>[2] = {}) {
  const fa = await newAccount(options);
  await fundFinancialAccount(gateway, fa, cash);
  return fa;
}

const cashOf = async (id: string) =>
  (await gateway.db.prisma.financialAccountBalance.findMany({ where: { financialAccountId: id } })).reduce((sum, row) => sum + row.cash, 0n);

beforeAll(async () => {
  bus = new ObservedBus();
  gateway = await startGateway({ featureActivationSweepMs: 3_600_000, maxOpenFinancialAccountsPerAccount: 100, eventBus: bus });
  p = await createPlatform(gateway, { name: 'Rd Platform' });
  live = await createPlatform(gateway, { name: 'Rd Live', livemode: true });
  accountA = (await createConnectedAccount(gateway, p.platformId)).id;
  const accountB = (await createConnectedAccount(gateway, p.platformId)).id;
  sessionB = await createAccountSession(gateway, p.platformId, accountB);
});

afterAll(() => gateway?.stop());

describe('createReceivedDebit', () => {
  it('takes the money from cash at once, with every field as Stripe has it', async () => {
    const fa = await fundedAccount(20_000n);
    const payload = await create({
      financialAccount: fa.id,
      amount: 12_345,
      currency: 'usd',
      network: 'ACH',
      description: 'Utility bill',
      initiatingPaymentMethodDetails: {
        type: 'US_BANK_ACCOUNT',
        usBankAccount: { accountHolderName: 'Jane Austen', accountNumber: '000123456789', routingNumber: '110000000' },
      },
    });
    expect(payload.userErrors).toEqual([]);
    const rd = payload.receivedDebit!;
    expect(rd).toMatchObject({
      amount: 12345,
      currency: 'usd',
      description: 'Utility bill',
      failureCode: null,
      hostedRegulatoryReceiptUrl: null,
      livemode: false,
      network: 'ACH',
      status: 'SUCCEEDED',
      financialAccount: { id: fa.id, balance: { cash: [{ amount: 20000 - 12345 }] } },
      initiatingPaymentMethodDetails: {
        type: 'US_BANK_ACCOUNT',
        balance: null,
        issuingCard: null,
        financialAccount: null,
        billingDetails: { name: 'Jane Austen', email: null },
        usBankAccount: { bankName: 'STRIPE TEST BANK', last4: '6789', routingNumber: '110000000' },
      },
      linkedFlows: { inboundTransfer: null, issuingAuthorization: null, issuingTransaction: null, payout: null, topup: null },
      reversalDetails: { restrictedReason: null },
      transaction: {
        amount: -12345,
        status: 'POSTED',
        flow: rd.id,
        flowType: 'RECEIVED_DEBIT',
        balanceImpact: { cash: -12345, inboundPending: 0, outboundPending: 0 },
        flowDetails: { __typename: 'ReceivedDebit', id: rd.id },
        entries: { nodes: [{ type: 'RECEIVED_DEBIT', balanceImpact: { cash: -12345 }, flowDetails: { __typename: 'ReceivedDebit', id: rd.id } }] },
      },
    });
    expect(rd.id).toMatch(/^rd_/);
    expect(new Date(rd.reversalDetails!.deadline!).getTime()).toBeGreaterThan(new Date(rd.created).getTime());
    const events = await gateway.db.prisma.event.findMany({ where: { objectId: rd.id }, orderBy: { sequence: 'asc' } });
    expect(events.map((e) => [e.type, e.financialAccountIds])).toEqual([['treasury.received_debit.created', [fa.id]]]);
    expect((events[0].data as { object: unknown }).object).toMatchObject({
      id: rd.id,
      object: 'treasury.received_debit',
      amount: 12345,
      description: 'Utility bill',
      network: 'ach',
      status: 'succeeded',
      failure_code: null,
      financial_account: fa.id,
      transaction: rd.transaction!.id,
      hosted_regulatory_receipt_url: null,
      initiating_payment_method_details: { type: 'us_bank_account', us_bank_account: { last4: '6789', routing_number: '110000000' } },
      linked_flows: { debit_reversal: null, inbound_transfer: null, issuing_authorization: null, issuing_transaction: null, payout: null, topup: null },
      reversal_details: { deadline: Math.floor(new Date(rd.reversalDetails!.deadline!).getTime() / 1000), restricted_reason: null },
    });
    const balance = await gateway.db.prisma.event.findMany({
      where: { type: 'treasury.financial_account.balance_updated', objectId: fa.id },
      orderBy: { sequence: 'desc' },
      take: 1,
    });
    expect(balance[0].data).toMatchObject({ transaction: rd.transaction!.id, object: { balance: { cash: { usd: 20000 - 12345 } } } });
  });

  it('defaults to Stripe\'s test sender and description; all the cash may go', async () => {
    const fa = await fundedAccount(500n);
    const rd = (await create({ financialAccount: fa.id, amount: 500, currency: 'usd', network: 'ACH' })).receivedDebit!;
    expect(rd).toMatchObject({
      status: 'SUCCEEDED',
      description: 'Stripe Test',
      initiatingPaymentMethodDetails: { type: 'US_BANK_ACCOUNT', billingDetails: { name: null }, usBankAccount: { last4: '6789' } },
      financialAccount: { balance: { cash: [{ amount: 0 }] } },
    });
  });

  it('has its reversal deadline one ACH banking day after receipt', async () => {
    const fa = await fundedAccount(1_000n);
    // A Friday morning in Chicago (CST): reversible until the end of Monday's banking day, 5pm CST.
    const { id } = await gateway.server.services.receivedDebits.create(
      platform(),
      { financialAccount: fa.id, amount: 100n, currency: 'usd', network: 'ach' },
      null,
      new Date('2026-01-09T15:00:00Z'),
    );
    const rd = (await gateway.graphql(READ, { token: p.secretKey, variables: { id } })).data!.receivedDebit!;
    expect(rd.reversalDetails).toEqual({ deadline: '2026-01-12T23:00:00.000Z', restrictedReason: 'DEADLINE_PASSED' });
  });

  it.each([
    ['less cash than the amount', { cash: 999n, options: {} }, 'INSUFFICIENT_FUNDS'],
    ['a closed account', { cash: 0n, options: { status: 'closed' as const } }, 'ACCOUNT_CLOSED'],
    ['an account without ABA addresses', { cash: 0n, options: { features: ['outbound_transfers_ach' as const] } }, 'OTHER'],
  ])('fails on %s: a failure code, no transaction, no money', async (_name, { cash, options }, failureCode) => {
    const fa = cash > 0n ? await fundedAccount(cash, options) : await newAccount(options);
    const transactions = await gateway.db.prisma.transaction.count();
    const payload = await create({ financialAccount: fa.id, amount: 1000, currency: 'usd', network: 'ACH' });
    expect(payload.userErrors).toEqual([]);
    expect(payload.receivedDebit).toMatchObject({
      status: 'FAILED',
      failureCode,
      transaction: null,
      reversalDetails: { deadline: null, restrictedReason: 'OTHER' },
      financialAccount: { balance: { cash: [{ amount: Number(cash) }] } },
    });
    expect(await gateway.db.prisma.transaction.count()).toBe(transactions);
    expect(await cashOf(fa.id)).toBe(cash);
    const events = await gateway.db.prisma.event.findMany({ where: { objectId: payload.receivedDebit!.id }, orderBy: { sequence: 'asc' } });
    expect(events.map((e) => e.type)).toEqual(['treasury.received_debit.created']);
    expect((events[0].data as { object: object }).object).toMatchObject({ status: 'failed', failure_code: failureCode.toLowerCase(), transaction: null });
  });

  it('fails as ACCOUNT_FROZEN when the platform restricts outbound flows', async () => {
    const outbound = await fundedAccount(5_000n);
    await gateway.server.services.financialAccounts.update(platform(), { financialAccount: outbound.id, platformRestrictions: { outboundFlows: 'restricted' } });
    const payload = await create({ financialAccount: outbound.id, amount: 100, currency: 'usd', network: 'ACH' });
    expect(payload.receivedDebit).toMatchObject({ status: 'FAILED', failureCode: 'ACCOUNT_FROZEN', transaction: null });
    expect(await cashOf(outbound.id)).toBe(5_000n);
  });
});

describe('user errors: nothing written', () => {
  let fa: string;
  beforeAll(async () => {
    fa = (await fundedAccount(10_000n)).id;
  });
  it.each([
    ['a zero amount', () => ({ financialAccount: fa, amount: 0, currency: 'usd', network: 'ACH' }), 'amount_too_small', ['input', 'amount']],
    ['an unsupported currency', () => ({ financialAccount: fa, amount: 1, currency: 'eur', network: 'ACH' }), 'parameter_invalid', ['input', 'currency']],
    ['an unknown account', () => ({ financialAccount: 'fa_000000000000000000000000', amount: 1, currency: 'usd', network: 'ACH' }), 'resource_missing', ['input', 'financialAccount']],
    ['not an account id', () => ({ financialAccount: 'rd_000000000000000000000000', amount: 1, currency: 'usd', network: 'ACH' }), 'resource_missing', ['input', 'financialAccount']],
    [
      'a bad routing number',
      () => ({ financialAccount: fa, amount: 1, currency: 'usd', network: 'ACH', initiatingPaymentMethodDetails: { type: 'US_BANK_ACCOUNT', usBankAccount: { routingNumber: '110000001' } } }),
      expect.any(String),
      ['input', 'initiatingPaymentMethodDetails', 'usBankAccount', 'routingNumber'],
    ],
  ] as const)('%s', async (_name, input, code, field) => {
    const before = await databaseSnapshot(gateway.db);
    const payload = await create(input() as CreateReceivedDebitInput);
    expect(payload.receivedDebit).toBeNull();
    expect(payload.userErrors).toEqual([expect.objectContaining({ code, field })]);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });

  it('only in test mode', async () => {
    const before = await databaseSnapshot(gateway.db);
    const payload = await create({ financialAccount: fa, amount: 1, currency: 'usd', network: 'ACH' }, live.secretKey);
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'test_mode_only' })]);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });

  it('not on another account\'s financial account', async () => {
    const before = await databaseSnapshot(gateway.db);
    const payload = await create({ financialAccount: fa, amount: 1, currency: 'usd', network: 'ACH' }, sessionB);
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'resource_missing', field: ['input', 'financialAccount'] })]);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });
});

describe('idempotency, scope, lists, events', () => {
  it('a replay debits once; the same key with another input is refused', async () => {
    const fa = await fundedAccount(5_000n);
    const input = { financialAccount: fa.id, amount: 900, currency: 'usd', network: 'ACH' as const, idempotencyKey: 'rd-1' };
    const first = (await create(input)).receivedDebit!;
    const before = await databaseSnapshot(gateway.db);
    expect((await create(input)).receivedDebit!.id).toBe(first.id);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
    expect((await create({ ...input, amount: 901 })).userErrors).toEqual([expect.objectContaining({ code: 'idempotency_key_in_use' })]);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
    expect(await cashOf(fa.id)).toBe(4_100n);
  });

  it('is null for another account\'s session; a node; listed and filtered on its account', async () => {
    const fa = await fundedAccount(100n);
    const ok = (await create({ financialAccount: fa.id, amount: 60, currency: 'usd', network: 'ACH' })).receivedDebit!;
    const failed = (await create({ financialAccount: fa.id, amount: 60, currency: 'usd', network: 'ACH' })).receivedDebit!;
    expect(failed.failureCode).toBe('INSUFFICIENT_FUNDS');
    expect((await gateway.graphql(READ, { token: sessionB, variables: { id: ok.id } })).data!.receivedDebit).toBeNull();
    expect((await gateway.graphql(NODES, { token: sessionB, variables: { ids: [ok.id] } })).data!.nodes).toEqual([null]);
    expect((await gateway.graphql(NODES, { token: p.secretKey, variables: { ids: [ok.id] } })).data!.nodes).toEqual([{ __typename: 'ReceivedDebit', id: ok.id }]);
    const list = async (filter?: object) =>
      (await gateway.graphql(LIST, { token: p.secretKey, variables: { fa: fa.id, filter } })).data!.financialAccount!.receivedDebits.nodes;
    expect(await list()).toEqual([
      { id: failed.id, status: 'FAILED' },
      { id: ok.id, status: 'SUCCEEDED' },
    ]);
    expect(await list({ status: 'FAILED' })).toEqual([{ id: failed.id, status: 'FAILED' }]);
    expect(await list({ status: 'SUCCEEDED' })).toEqual([{ id: ok.id, status: 'SUCCEEDED' }]);
  });

  it('its events reach the events subscription, and its replay; the balance subscription sees the debit', async () => {
    const fa = await fundedAccount(1_000n);
    const first = (await create({ financialAccount: fa.id, amount: 10, currency: 'usd', network: 'ACH' })).receivedDebit!;
    const [created] = await gateway.db.prisma.event.findMany({ where: { objectId: first.id } });
    const second = (await create({ financialAccount: fa.id, amount: 20, currency: 'usd', network: 'ACH' })).receivedDebit!;
    const client = wsClient(gateway.url, p.secretKey);
    const balanceClient = wsClient(gateway.url, p.secretKey);
    try {
      const sub = await subscribeWs(client, STREAM, { after: created.id });
      const started = bus.startedFor(p.platformId);
      const balances = await subscribeWs(balanceClient, BALANCE, { fa: fa.id });
      await bus.until(() => bus.startedFor(p.platformId) > started, 'the balance subscription to go live');
      const replayed = (await sub.next(5000)).data!.events;
      expect([replayed.type, replayed.objectId]).toEqual(['TREASURY_RECEIVED_DEBIT_CREATED', second.id]);
      const third = (await create({ financialAccount: fa.id, amount: 30, currency: 'usd', network: 'ACH' })).receivedDebit!;
      const liveOne = (await sub.next(5000)).data!.events;
      expect([liveOne.type, liveOne.objectId, (liveOne.data as { object: { amount: number } }).object.amount]).toEqual([
        'TREASURY_RECEIVED_DEBIT_CREATED',
        third.id,
        30,
      ]);
      const balance = (await balances.next(5000)).data!.financialAccountBalanceUpdated;
      expect(balance).toEqual({ financialAccount: { id: fa.id, balance: { cash: [{ amount: 940 }] } }, transaction: { id: third.transaction!.id, flow: third.id } });
      await sub.close();
      await balances.close();
    } finally {
      await client.dispose();
      await balanceClient.dispose();
    }
  });
});
