// DebitReversals through the real server: createDebitReversal under Stripe's
// rules (a succeeded ACH or card debit, once, before its deadline, not the
// return of an InboundTransfer, on an account that may take money in), each
// refusal a user error with Stripe's code that writes nothing; the reversal is
// created processing with no money moved and resolved by the gateway itself
// after the request (won: the amount back in cash), driven here directly and,
// on a second instance, by its timer and its sweep; idempotency, scope, the
// list on FinancialAccount with Stripe's filters, flowDetails and the events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.ts';
import type { CreateDebitReversalInput } from './gql/graphql.ts';
import { startGateway, type TestGateway } from './support/gateway.ts';
import { createAccountSession, createConnectedAccount, createFinancialAccount, createPlatform, fundFinancialAccount } from './support/fixtures.ts';
import { databaseSnapshot } from './support/db-snapshot.ts';
import { subscribeWs, wsClient } from './support/live.ts';
import { lockFinancialAccount } from '../src/db/financial-accounts.ts';
import { money } from '../src/domain/money.ts';
import type { Viewer } from '../src/domain/viewer.ts';
import { receiveDebit, type IncomingDebit } from '../src/services/received-debits.ts';
import { bankAccountInitiatingDetails } from '../src/services/received-flows.ts';

const CREATE = graphql(`
  mutation DrCreate($input: CreateDebitReversalInput!) {
    createDebitReversal(input: $input) {
      debitReversal {
        id amount created currency hostedRegulatoryReceiptUrl livemode metadata network status
        financialAccount { id balance { cash { amount } } }
        linkedFlows { issuingDispute }
        statusTransitions { completedAt }
        receivedDebit { id linkedFlows { debitReversal { id } } reversalDetails { restrictedReason } }
        transaction { id }
      }
      userErrors { code message field }
    }
  }
`);
const READ = graphql(`
  query DrRead($id: ID!) {
    debitReversal(id: $id) {
      id status statusTransitions { completedAt }
      financialAccount { balance { cash { amount } } }
      transaction {
        id amount status flow flowType balanceImpact { cash inboundPending outboundPending }
        flowDetails { __typename ... on DebitReversal { id } }
        entries { nodes { type balanceImpact { cash } flowDetails { __typename ... on DebitReversal { id status } } } }
      }
    }
  }
`);
const NODES = graphql(`query DrNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`);
const LIST = graphql(`
  query DrList($fa: ID!, $filter: DebitReversalFilter) {
    financialAccount(id: $fa) { debitReversals(first: 20, filter: $filter) { nodes { id status } } }
  }
`);
const STREAM = graphql(`
  subscription DrStream($after: ID) {
    events(types: [TREASURY_DEBIT_REVERSAL_CREATED, TREASURY_DEBIT_REVERSAL_COMPLETED], after: $after) { id type objectId data }
  }
`);

/** Long enough that no reversal of the main gateway resolves by itself while a test looks at it. */
const NEVER_MS = 3_600_000;

let gateway: TestGateway;
let p: { platformId: string; secretKey: string };
let live: { platformId: string; secretKey: string };
let accountA: string;
let sessionB: string;

const platform = (): Viewer => ({ platformId: p.platformId, livemode: false, accountId: null, credential: 'secret_key', credentialId: 't', expiresAt: null });

async function reverse(input: CreateDebitReversalInput, token = p.secretKey, on = gateway) {
  const res = await on.graphql(CREATE, { token, variables: { input } });
  expect(res.errors).toBeUndefined();
  return res.data!.createDebitReversal;
}

const read = async (id: string) => (await gateway.graphql(READ, { token: p.secretKey, variables: { id } })).data!.debitReversal!;

const newAccount = (options: Parameters<typeof createFinancialAccount>[2] = {}) =>
  createFinancialAccount(gateway, { platformId: p.platformId, accountId: accountA }, options);

const cashOf = async (id: string) =>
  (await gateway.db.prisma.financialAccountBalance.findMany({ where: { financialAccountId: id } })).reduce((sum, row) => sum + row.cash, 0n);

/** A succeeded ACH debit of `amount` from a new account funded with `cash` (the test helper, at `at`). */
async function debited(cash: bigint, amount: bigint, at?: Date, options: Parameters<typeof createFinancialAccount>[2] = {}) {
  const fa = await newAccount(options);
  await fundFinancialAccount(gateway, fa, cash, { at: at && new Date(at.getTime() - 60_000) });
  const { id } = await gateway.server.services.receivedDebits.create(platform(), { financialAccount: fa.id, amount, currency: 'usd', network: 'ach' }, null, at);
  return { fa, rd: id };
}

/** A debit booked the way other flows book theirs (receiveDebit), for what the test helper cannot simulate. */
async function booked(faId: string, debit: Partial<IncomingDebit>) {
  return gateway.server.services.unitOfWork.run(async (tx, changes) => {
    const account = (await lockFinancialAccount(tx, platform(), faId))!;
    const row = await receiveDebit(tx, changes, account, {
      money: money(100n, 'usd'),
      network: 'ach',
      description: 'Booked debit',
      initiatingPaymentMethodDetails: bankAccountInitiatingDetails(null),
      at: new Date(),
      ...debit,
    });
    expect(row.status).toBe('succeeded');
    return row.id;
  });
}

beforeAll(async () => {
  gateway = await startGateway({
    featureActivationSweepMs: NEVER_MS,
    debitReversalCompletionDelayMs: NEVER_MS,
    debitReversalCompletionSweepMs: NEVER_MS,
    maxOpenFinancialAccountsPerAccount: 100,
  });
  p = await createPlatform(gateway, { name: 'Dr Platform' });
  live = await createPlatform(gateway, { name: 'Dr Live', livemode: true });
  accountA = (await createConnectedAccount(gateway, p.platformId)).id;
  const accountB = (await createConnectedAccount(gateway, p.platformId)).id;
  sessionB = await createAccountSession(gateway, p.platformId, accountB);
});

afterAll(() => gateway?.stop());

describe('createDebitReversal', () => {
  it('creates it processing with every field as Stripe has it, moving no money', async () => {
    const { fa, rd } = await debited(10_000n, 2_500n);
    const transactions = await gateway.db.prisma.transaction.count();
    const payload = await reverse({ receivedDebit: rd, metadata: { case: 'unauthorized' } });
    expect(payload.userErrors).toEqual([]);
    const dr = payload.debitReversal!;
    expect(dr).toMatchObject({
      amount: 2500,
      currency: 'usd',
      hostedRegulatoryReceiptUrl: null,
      livemode: false,
      metadata: { case: 'unauthorized' },
      network: 'ACH',
      status: 'PROCESSING',
      financialAccount: { id: fa.id, balance: { cash: [{ amount: 7500 }] } },
      linkedFlows: { issuingDispute: null },
      statusTransitions: { completedAt: null },
      receivedDebit: { id: rd, linkedFlows: { debitReversal: { id: dr.id } }, reversalDetails: { restrictedReason: 'ALREADY_REVERSED' } },
      transaction: null,
    });
    expect(dr.id).toMatch(/^debrev_/);
    expect(await gateway.db.prisma.transaction.count()).toBe(transactions);
    const events = await gateway.db.prisma.event.findMany({ where: { objectId: dr.id }, orderBy: { sequence: 'asc' } });
    expect(events.map((e) => [e.type, e.financialAccountIds])).toEqual([['treasury.debit_reversal.created', [fa.id]]]);
    expect((events[0].data as { object: unknown }).object).toEqual({
      id: dr.id,
      object: 'treasury.debit_reversal',
      amount: 2500,
      created: Math.floor(new Date(dr.created).getTime() / 1000),
      currency: 'usd',
      financial_account: fa.id,
      hosted_regulatory_receipt_url: null,
      linked_flows: { issuing_dispute: null },
      livemode: false,
      metadata: { case: 'unauthorized' },
      network: 'ach',
      received_debit: rd,
      status: 'processing',
      status_transitions: { completed_at: null },
      transaction: null,
    });
  });

  it('resolves it won: the amount back in cash through one posted DEBIT_REVERSAL entry, with its events; once', async () => {
    const { fa, rd } = await debited(10_000n, 2_500n);
    const dr = (await reverse({ receivedDebit: rd })).debitReversal!;
    const at = new Date(Date.now() + 1000);
    const resolved = await gateway.server.services.debitReversalCompleter.complete(dr.id, at);
    expect(resolved).toMatchObject({ status: 'succeeded', completedAt: at });
    const after = await read(dr.id);
    expect(after).toMatchObject({
      status: 'SUCCEEDED',
      statusTransitions: { completedAt: at.toISOString() },
      financialAccount: { balance: { cash: [{ amount: 10_000 }] } },
      transaction: {
        amount: 2500,
        status: 'POSTED',
        flow: dr.id,
        flowType: 'DEBIT_REVERSAL',
        balanceImpact: { cash: 2500, inboundPending: 0, outboundPending: 0 },
        flowDetails: { __typename: 'DebitReversal', id: dr.id },
        entries: { nodes: [{ type: 'DEBIT_REVERSAL', balanceImpact: { cash: 2500 }, flowDetails: { __typename: 'DebitReversal', id: dr.id, status: 'SUCCEEDED' } }] },
      },
    });
    const events = await gateway.db.prisma.event.findMany({ where: { objectId: dr.id }, orderBy: { sequence: 'asc' } });
    expect(events.map((e) => e.type)).toEqual(['treasury.debit_reversal.created', 'treasury.debit_reversal.completed']);
    expect((events[1].data as { object: unknown }).object).toMatchObject({
      status: 'succeeded',
      status_transitions: { completed_at: Math.floor(at.getTime() / 1000) },
      transaction: after.transaction!.id,
    });
    const [balance] = await gateway.db.prisma.event.findMany({
      where: { type: 'treasury.financial_account.balance_updated', objectId: fa.id },
      orderBy: { sequence: 'desc' },
      take: 1,
    });
    expect(balance.data).toMatchObject({ transaction: after.transaction!.id, object: { balance: { cash: { usd: 10_000 } } } });

    const before = await databaseSnapshot(gateway.db);
    expect(await gateway.server.services.debitReversalCompleter.complete(dr.id)).toBeNull();
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
    expect(await cashOf(fa.id)).toBe(10_000n);
  });

  it('resolves it lost when the account closed meanwhile: no transaction, no money', async () => {
    const { fa, rd } = await debited(1_000n, 1_000n);
    const dr = (await reverse({ receivedDebit: rd })).debitReversal!;
    await gateway.server.services.financialAccounts.close(platform(), { financialAccount: fa.id });
    const resolved = await gateway.server.services.debitReversalCompleter.complete(dr.id);
    expect(resolved).toMatchObject({ status: 'failed', transactionId: null });
    expect(await read(dr.id)).toMatchObject({ status: 'FAILED', transaction: null, statusTransitions: { completedAt: expect.any(String) } });
    expect(await cashOf(fa.id)).toBe(0n);
    const events = await gateway.db.prisma.event.findMany({ where: { objectId: dr.id }, orderBy: { sequence: 'asc' } });
    expect(events.map((e) => e.type)).toEqual(['treasury.debit_reversal.created', 'treasury.debit_reversal.completed']);
  });

  it('reverses a card debit too (on an account with card issuing)', async () => {
    const fa = await newAccount({ features: ['card_issuing', 'financial_addresses_aba'] });
    await fundFinancialAccount(gateway, fa, 500n);
    const rd = await booked(fa.id, { network: 'card' });
    expect((await reverse({ receivedDebit: rd })).debitReversal).toMatchObject({ status: 'PROCESSING', network: 'CARD' });
  });
});

describe('refusals: a user error with Stripe\'s code, nothing written', () => {
  let reversible: string;
  const cases: Array<[string, () => Promise<CreateDebitReversalInput>, string, string[], string?]> = [
    ['an unknown received debit', async () => ({ receivedDebit: 'rd_000000000000000000000000' }), 'resource_missing', ['input', 'receivedDebit']],
    ['not a received debit id', async () => ({ receivedDebit: 'rc_000000000000000000000000' }), 'resource_missing', ['input', 'receivedDebit']],
    ['another account\'s debit', async () => ({ receivedDebit: reversible }), 'resource_missing', ['input', 'receivedDebit'], 'sessionB'],
    ['a test-mode debit with a live key', async () => ({ receivedDebit: reversible }), 'resource_missing', ['input', 'receivedDebit'], 'live'],
    [
      'a failed debit',
      async () => {
        const fa = await newAccount();
        const { id } = await gateway.server.services.receivedDebits.create(platform(), { financialAccount: fa.id, amount: 1n, currency: 'usd', network: 'ach' });
        return { receivedDebit: id };
      },
      'other',
      ['input', 'receivedDebit'],
    ],
    [
      'a second reversal',
      async () => {
        const { rd } = await debited(100n, 100n);
        expect((await reverse({ receivedDebit: rd })).userErrors).toEqual([]);
        return { receivedDebit: rd };
      },
      'already_reversed',
      ['input', 'receivedDebit'],
    ],
    ['a debit past its deadline', async () => ({ receivedDebit: (await debited(100n, 100n, new Date(Date.now() - 7 * 86_400_000))).rd }), 'deadline_passed', ['input', 'receivedDebit']],
    [
      'a debit over Stripe\'s network',
      async () => {
        const fa = await newAccount({ features: ['intra_stripe_flows', 'financial_addresses_aba'] });
        await fundFinancialAccount(gateway, fa, 500n);
        return { receivedDebit: await booked(fa.id, { network: 'stripe' }) };
      },
      'network_restricted',
      ['input', 'receivedDebit'],
    ],
    [
      'the return of an InboundTransfer',
      async () => {
        const fa = await newAccount();
        await fundFinancialAccount(gateway, fa, 500n);
        return { receivedDebit: await booked(fa.id, { linkedFlows: { inboundTransfer: 'ibt_000000000000000000000000' } }) };
      },
      'source_flow_restricted',
      ['input', 'receivedDebit'],
    ],
    [
      'a debit of a closed account',
      async () => {
        const { fa, rd } = await debited(300n, 300n);
        await gateway.server.services.financialAccounts.close(platform(), { financialAccount: fa.id });
        return { receivedDebit: rd };
      },
      'financial_account_closed',
      ['input', 'receivedDebit'],
    ],
    [
      'an account whose inbound flows the platform restricts',
      async () => {
        const { fa, rd } = await debited(300n, 300n);
        await gateway.server.services.financialAccounts.update(platform(), { financialAccount: fa.id, platformRestrictions: { inboundFlows: 'restricted' } });
        return { receivedDebit: rd };
      },
      'restricted_by_platform',
      ['input', 'receivedDebit'],
    ],
    ['a metadata key too long', async () => ({ receivedDebit: reversible, metadata: { ['k'.repeat(41)]: 'v' } }), 'parameter_invalid_string_too_long', ['input', 'metadata', 'k'.repeat(41)]],
  ];

  beforeAll(async () => {
    reversible = (await debited(1_000n, 100n)).rd;
  });

  it.each(cases)('%s', async (_name, input, code, field, token) => {
    const given = await input();
    const before = await databaseSnapshot(gateway.db);
    const payload = await reverse(given, token === 'sessionB' ? sessionB : token === 'live' ? live.secretKey : p.secretKey);
    expect(payload.debitReversal).toBeNull();
    expect(payload.userErrors).toEqual([expect.objectContaining({ code, field })]);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });

  it('the refused debits say why in reversalDetails.restrictedReason', async () => {
    const fa = await newAccount();
    await fundFinancialAccount(gateway, fa, 500n);
    const rd = await booked(fa.id, { linkedFlows: { inboundTransfer: 'ibt_000000000000000000000000' } });
    const res = await gateway.graphql(`query { receivedDebit(id: "${rd}") { reversalDetails { deadline restrictedReason } linkedFlows { inboundTransfer } } }`, { token: p.secretKey });
    expect(res.data).toMatchObject({
      receivedDebit: { reversalDetails: { restrictedReason: 'SOURCE_FLOW_RESTRICTED' }, linkedFlows: { inboundTransfer: 'ibt_000000000000000000000000' } },
    });
  });
});

describe('idempotency, scope, lists', () => {
  it('a replay reverses once; the same key with another input is refused', async () => {
    const { rd } = await debited(1_000n, 100n);
    const input = { receivedDebit: rd, metadata: { a: '1' }, idempotencyKey: 'dr-1' };
    const first = (await reverse(input)).debitReversal!;
    const before = await databaseSnapshot(gateway.db);
    expect((await reverse(input)).debitReversal!.id).toBe(first.id);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
    expect((await reverse({ ...input, metadata: { a: '2' } })).userErrors).toEqual([expect.objectContaining({ code: 'idempotency_key_in_use' })]);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });

  it('is null outside its scope; a node; listed with Stripe\'s filters', async () => {
    const fa = await newAccount();
    await fundFinancialAccount(gateway, fa, 1_000n);
    const debit = async () =>
      (await gateway.server.services.receivedDebits.create(platform(), { financialAccount: fa.id, amount: 100n, currency: 'usd', network: 'ach' })).id;
    const [rd1, rd2, rd3] = [await debit(), await debit(), await debit()];
    const won = (await reverse({ receivedDebit: rd1 })).debitReversal!;
    await gateway.server.services.debitReversalCompleter.complete(won.id);
    const open = (await reverse({ receivedDebit: rd2 })).debitReversal!;
    expect(rd3).toMatch(/^rd_/);
    expect((await gateway.graphql(READ, { token: sessionB, variables: { id: won.id } })).data!.debitReversal).toBeNull();
    expect((await gateway.graphql(NODES, { token: sessionB, variables: { ids: [won.id] } })).data!.nodes).toEqual([null]);
    expect((await gateway.graphql(NODES, { token: p.secretKey, variables: { ids: [won.id] } })).data!.nodes).toEqual([{ __typename: 'DebitReversal', id: won.id }]);
    const list = async (filter?: object) =>
      (await gateway.graphql(LIST, { token: p.secretKey, variables: { fa: fa.id, filter } })).data!.financialAccount!.debitReversals.nodes;
    const wonNode = { id: won.id, status: 'SUCCEEDED' };
    const openNode = { id: open.id, status: 'PROCESSING' };
    expect(await list()).toEqual([openNode, wonNode]);
    expect(await list({ receivedDebit: rd1 })).toEqual([wonNode]);
    expect(await list({ receivedDebit: rd3 })).toEqual([]);
    expect(await list({ resolution: 'WON' })).toEqual([wonNode]);
    expect(await list({ resolution: 'LOST' })).toEqual([]);
    expect(await list({ status: 'PROCESSING' })).toEqual([openNode]);
    expect(await list({ status: 'COMPLETED' })).toEqual([wonNode]);
    expect(await list({ status: 'CANCELED' })).toEqual([]);
    expect(await list({ status: 'COMPLETED', resolution: 'LOST' })).toEqual([]);
  });
});

describe('resolved by itself, after the request', () => {
  it('by its timer: the created and completed events reach a subscriber, and the money is back', async () => {
    const second = await startGateway({ db: gateway.db, debitReversalCompletionDelayMs: 200, debitReversalCompletionSweepMs: NEVER_MS, featureActivationSweepMs: NEVER_MS });
    const client = wsClient(second.url, p.secretKey);
    try {
      const { fa, rd } = await debited(5_000n, 1_200n);
      // Replayed from the debit's own event on, so the subscription misses nothing whenever it goes live.
      const [debitCreated] = await gateway.db.prisma.event.findMany({ where: { objectId: rd } });
      const events = await subscribeWs(client, STREAM, { after: debitCreated.id });
      const payload = await reverse({ receivedDebit: rd }, p.secretKey, second);
      // The response shows it as created: the resolution comes after the request.
      expect(payload.debitReversal).toMatchObject({ status: 'PROCESSING', transaction: null });
      const id = payload.debitReversal!.id;
      const seen = [(await events.next(5000)).data!.events, (await events.next(5000)).data!.events];
      expect(seen.map((e) => [e.type, e.objectId])).toEqual([
        ['TREASURY_DEBIT_REVERSAL_CREATED', id],
        ['TREASURY_DEBIT_REVERSAL_COMPLETED', id],
      ]);
      expect((seen[1].data as { object: { status: string } }).object.status).toBe('succeeded');
      expect(await read(id)).toMatchObject({ status: 'SUCCEEDED', transaction: { amount: 1200 } });
      expect(await cashOf(fa.id)).toBe(5_000n);
      await events.close();
    } finally {
      await client.dispose();
      await second.stop();
    }
  });

  it('by the sweep of another instance, for a reversal left processing', async () => {
    const { fa, rd } = await debited(5_000n, 700n);
    const left = (await reverse({ receivedDebit: rd })).debitReversal!;
    const sweeper = await startGateway({ db: gateway.db, debitReversalCompletionDelayMs: 0, debitReversalCompletionSweepMs: 100, featureActivationSweepMs: NEVER_MS });
    try {
      const deadline = Date.now() + 10_000;
      while ((await read(left.id)).status === 'PROCESSING' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await read(left.id)).toMatchObject({ status: 'SUCCEEDED', transaction: { amount: 700 } });
      expect(await cashOf(fa.id)).toBe(5_000n);
    } finally {
      await sweeper.stop();
    }
  });
});
