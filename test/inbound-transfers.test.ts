// InboundTransfers through the real server: each transition with its ledger
// (balances, transactions and entries read back through GraphQL: nothing while
// processing, inbound pending always 0), every one of Stripe's checks as a user
// error that writes nothing, idempotent replays, scope, node(id:), the list on
// FinancialAccount, the events (stored, live and replayed), and the close rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { graphql } from './gql/index.ts';
import type { CreateInboundTransferInput } from './gql/graphql.ts';
import { startGateway, type TestGateway } from './support/gateway.ts';
import {
  createAccountSession,
  createConnectedAccount,
  createFinancialAccount,
  createPaymentMethod,
  createPlatform,
} from './support/fixtures.ts';
import { databaseSnapshot } from './support/db-snapshot.ts';
import { subscribeWs, wsClient } from './support/live.ts';
import { ObservedBus } from './support/observed-bus.ts';
import type { Viewer } from '../src/domain/viewer.ts';

graphql(`
  fragment IbtFields on InboundTransfer {
    id amount cancelable created currency description livemode metadata statementDescriptor status hostedRegulatoryReceiptUrl
    returned originPaymentMethod
    failureDetails { code }
    financialAccount { id }
    linkedFlows { receivedDebit }
    originPaymentMethodDetails {
      type
      billingDetails { name email address { city country line1 line2 postalCode state } }
      usBankAccount { accountHolderType accountType bankName fingerprint last4 mandate network routingNumber }
    }
    statusTransitions { canceledAt failedAt succeededAt }
    transaction {
      id amount status flow flowType statusTransitions { postedAt voidAt }
      balanceImpact { cash inboundPending outboundPending }
      entries(first: 10) { nodes { type flowType balanceImpact { cash inboundPending outboundPending } } }
      flowDetails { __typename ... on InboundTransfer { id status } }
    }
  }
`);

const CREATE = graphql(`
  mutation IbtCreate($input: CreateInboundTransferInput!) {
    createInboundTransfer(input: $input) { inboundTransfer { ...IbtFields } userErrors { code message field } }
  }
`);
const CANCEL = graphql(`
  mutation IbtCancel($input: CancelInboundTransferInput!) {
    cancelInboundTransfer(input: $input) { inboundTransfer { ...IbtFields } userErrors { code message field } }
  }
`);
const SUCCEED = graphql(`
  mutation IbtSucceed($input: SucceedInboundTransferInput!) {
    succeedInboundTransfer(input: $input) { inboundTransfer { ...IbtFields } userErrors { code message field } }
  }
`);
const FAIL = graphql(`
  mutation IbtFail($input: FailInboundTransferInput!) {
    failInboundTransfer(input: $input) { inboundTransfer { ...IbtFields } userErrors { code message field } }
  }
`);
const RETURN = graphql(`
  mutation IbtReturn($input: ReturnInboundTransferInput!) {
    returnInboundTransfer(input: $input) { inboundTransfer { ...IbtFields } userErrors { code message field } }
  }
`);
const CLOSE = graphql(`
  mutation IbtClose($input: CloseFinancialAccountInput!) {
    closeFinancialAccount(input: $input) { financialAccount { id status } userErrors { code message field } }
  }
`);
const DEBIT = graphql(`
  query IbtReceivedDebit($id: ID!) {
    receivedDebit(id: $id) {
      id amount currency status network failureCode description
      financialAccount { id }
      linkedFlows { inboundTransfer }
      reversalDetails { restrictedReason }
      initiatingPaymentMethodDetails { type billingDetails { name } usBankAccount { bankName last4 routingNumber } }
      transaction {
        id amount status flow flowType
        balanceImpact { cash inboundPending outboundPending }
        entries(first: 10) { nodes { type flowType balanceImpact { cash inboundPending outboundPending } } }
        flowDetails { __typename ... on ReceivedDebit { id } }
      }
    }
  }
`);
const BALANCE = graphql(`
  query IbtBalance($id: ID!) {
    financialAccount(id: $id) {
      id
      balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } }
      transactions(first: 20) { nodes { id flow } }
    }
  }
`);
const READ = graphql(`query IbtRead($id: ID!) { inboundTransfer(id: $id) { ...IbtFields } }`);
const NODE = graphql(`query IbtNode($id: ID!) { node(id: $id) { __typename id ... on InboundTransfer { status } } }`);
const LIST = graphql(`
  query IbtList($fa: ID!, $filter: InboundTransferFilter) {
    financialAccount(id: $fa) { inboundTransfers(first: 20, filter: $filter) { nodes { id status } } }
  }
`);
const EVENTS = graphql(`
  query IbtEvents($types: [EventType!]) { events(first: 50, filter: { types: $types }) { nodes { id type objectId data } } }
`);
const LIVE_EVENTS = graphql(`
  subscription IbtLiveEvents($types: [EventType!], $after: ID) { events(types: $types, after: $after) { id type objectId } }
`);
const BALANCE_UPDATED = graphql(`
  subscription IbtBalanceUpdated($fa: ID!) {
    financialAccountBalanceUpdated(financialAccount: $fa) {
      transaction { flow flowType status }
      balance { cash { amount } inboundPending { amount } outboundPending { amount } }
    }
  }
`);

const IBT_FEATURES = ['financial_addresses_aba', 'inbound_transfers_ach'] as const;

let gateway: TestGateway;
let bus: ObservedBus;
let p: { platformId: string; secretKey: string };
let live: { platformId: string; secretKey: string };
let accountA: string;
let accountB: string;
let sessionB: string;
let pmA: string;
let pmB: string;
const clients: Client[] = [];

const token = () => p.secretKey;
const platform = (): Viewer => ({ platformId: p.platformId, livemode: false, accountId: null, credential: 'secret_key', credentialId: 't', expiresAt: null });

async function newAccount(features: NonNullable<Parameters<typeof createFinancialAccount>[2]>['features'] = [...IBT_FEATURES]) {
  return createFinancialAccount(gateway, { platformId: p.platformId, accountId: accountA }, { features });
}

async function balance(id: string) {
  const res = await gateway.graphql(BALANCE, { token: token(), variables: { id } });
  const fa = res.data!.financialAccount!;
  const b = fa.balance;
  return { cash: b.cash[0].amount, inboundPending: b.inboundPending[0].amount, outboundPending: b.outboundPending[0].amount, transactions: fa.transactions.nodes };
}

async function create(input: CreateInboundTransferInput, t = token()) {
  const res = await gateway.graphql(CREATE, { token: t, variables: { input } });
  expect(res.errors).toBeUndefined();
  return res.data!.createInboundTransfer;
}

async function created(input: CreateInboundTransferInput) {
  const payload = await create(input);
  expect(payload.userErrors).toEqual([]);
  return payload.inboundTransfer!;
}

type StepDocument = typeof CANCEL | typeof SUCCEED | typeof FAIL | typeof RETURN;

/** A step mutation's payload (the only root field of its document). */
async function step(doc: StepDocument, input: { inboundTransfer: string; idempotencyKey?: string; failureDetails?: unknown }, t = token()) {
  const res = await gateway.graphql(doc as typeof CANCEL, { token: t, variables: { input: input as never } });
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0] as Awaited<ReturnType<typeof create>>;
}

const fromBank = (fa: string, amount: number, extra: Partial<CreateInboundTransferInput> = {}): CreateInboundTransferInput => ({
  financialAccount: fa,
  amount,
  currency: 'usd',
  originPaymentMethod: pmA,
  ...extra,
});

beforeAll(async () => {
  bus = new ObservedBus();
  gateway = await startGateway({ featureActivationSweepMs: 3_600_000, maxOpenFinancialAccountsPerAccount: 100, eventBus: bus });
  p = await createPlatform(gateway, { name: 'Ibt Platform' });
  live = await createPlatform(gateway, { name: 'Ibt Live', livemode: true });
  accountA = (await createConnectedAccount(gateway, p.platformId, { displayName: 'Ibt A' })).id;
  accountB = (await createConnectedAccount(gateway, p.platformId, { displayName: 'Ibt B' })).id;
  sessionB = await createAccountSession(gateway, p.platformId, accountB);
  pmA = (await createPaymentMethod(gateway, { platformId: p.platformId, accountId: accountA }, { name: 'Jane Austen', accountNumber: '000123456789' })).id;
  pmB = (await createPaymentMethod(gateway, { platformId: p.platformId, accountId: accountB })).id;
});

afterAll(async () => {
  for (const client of clients) await client.dispose();
  await gateway?.stop();
});

describe('createInboundTransfer, then succeed', () => {
  it('moves nothing while processing (no transaction, inbound pending 0), then posts the amount into cash', async () => {
    const fa = await newAccount();
    const transfer = await created(fromBank(fa.id, 3_000, { description: 'Top up', statementDescriptor: 'ACME-1', metadata: { ref: 'r1' } }));
    expect(transfer).toEqual({
      id: expect.stringMatching(/^ibt_/),
      amount: 3000,
      cancelable: true,
      created: expect.any(String),
      currency: 'usd',
      description: 'Top up',
      livemode: false,
      metadata: { ref: 'r1' },
      statementDescriptor: 'ACME-1',
      status: 'PROCESSING',
      hostedRegulatoryReceiptUrl: null,
      returned: false,
      originPaymentMethod: pmA,
      failureDetails: null,
      financialAccount: { id: fa.id },
      linkedFlows: { receivedDebit: null },
      originPaymentMethodDetails: {
        type: 'US_BANK_ACCOUNT',
        billingDetails: { name: 'Jane Austen', email: null, address: { city: null, country: null, line1: null, line2: null, postalCode: null, state: null } },
        usBankAccount: {
          accountHolderType: 'COMPANY',
          accountType: 'CHECKING',
          bankName: 'STRIPE TEST BANK',
          fingerprint: expect.any(String),
          last4: '6789',
          mandate: null,
          network: 'ACH',
          routingNumber: '110000000',
        },
      },
      statusTransitions: { canceledAt: null, failedAt: null, succeededAt: null },
      transaction: null,
    });
    // Stripe reserves inbound_pending: a processing InboundTransfer shows in no balance and has no transaction.
    expect(await balance(fa.id)).toEqual({ cash: 0, inboundPending: 0, outboundPending: 0, transactions: [] });

    const succeeded = await step(SUCCEED, { inboundTransfer: transfer.id });
    expect(succeeded.userErrors).toEqual([]);
    expect(succeeded.inboundTransfer).toMatchObject({
      status: 'SUCCEEDED',
      cancelable: false,
      returned: false,
      failureDetails: null,
      transaction: {
        amount: 3000,
        status: 'POSTED',
        flow: transfer.id,
        flowType: 'INBOUND_TRANSFER',
        statusTransitions: { voidAt: null },
        balanceImpact: { cash: 3000, inboundPending: 0, outboundPending: 0 },
        entries: { nodes: [{ type: 'INBOUND_TRANSFER', flowType: 'INBOUND_TRANSFER', balanceImpact: { cash: 3000, inboundPending: 0, outboundPending: 0 } }] },
        flowDetails: { __typename: 'InboundTransfer', id: transfer.id, status: 'SUCCEEDED' },
      },
    });
    const done = succeeded.inboundTransfer!;
    expect(done.statusTransitions.succeededAt).not.toBeNull();
    expect(done.transaction!.statusTransitions.postedAt).toBe(done.statusTransitions.succeededAt);
    expect(await balance(fa.id)).toEqual({ cash: 3000, inboundPending: 0, outboundPending: 0, transactions: [{ id: done.transaction!.id, flow: transfer.id }] });

    // Events, in Stripe's shape, touching the account; the balance event only once money moved.
    const events = (await gateway.graphql(EVENTS, {
      token: token(),
      variables: { types: ['TREASURY_INBOUND_TRANSFER_CREATED', 'TREASURY_INBOUND_TRANSFER_SUCCEEDED'] },
    })).data!.events.nodes.filter((e) => e.objectId === transfer.id);
    expect(events.map((e) => e.type)).toEqual(['TREASURY_INBOUND_TRANSFER_SUCCEEDED', 'TREASURY_INBOUND_TRANSFER_CREATED']);
    expect((events[1].data as { object: unknown }).object).toEqual({
      id: transfer.id,
      object: 'treasury.inbound_transfer',
      amount: 3000,
      cancelable: true,
      created: Math.floor(new Date(transfer.created).getTime() / 1000),
      currency: 'usd',
      description: 'Top up',
      failure_details: null,
      financial_account: fa.id,
      hosted_regulatory_receipt_url: null,
      linked_flows: { received_debit: null },
      livemode: false,
      metadata: { ref: 'r1' },
      origin_payment_method: pmA,
      origin_payment_method_details: {
        type: 'us_bank_account',
        billing_details: { name: 'Jane Austen', email: null, address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null } },
        us_bank_account: {
          account_holder_type: 'company',
          account_type: 'checking',
          bank_name: 'STRIPE TEST BANK',
          fingerprint: transfer.originPaymentMethodDetails.usBankAccount.fingerprint,
          last4: '6789',
          network: 'ach',
          routing_number: '110000000',
        },
      },
      returned: false,
      statement_descriptor: 'ACME-1',
      status: 'processing',
      status_transitions: { canceled_at: null, failed_at: null, succeeded_at: null },
      transaction: null,
    });
    expect(JSON.stringify(events)).not.toContain('000123456789');
    expect((events[0].data as { object: unknown }).object).toMatchObject({ status: 'succeeded', cancelable: false, transaction: done.transaction!.id });
    const rows = await gateway.db.prisma.event.findMany({ where: { objectId: transfer.id } });
    for (const row of rows) expect(row.financialAccountIds).toEqual([fa.id]);
    const balanceEvents = await gateway.db.prisma.event.findMany({ where: { objectId: fa.id, type: 'treasury.financial_account.balance_updated' } });
    expect(balanceEvents.map((e) => (e.data as { transaction: string }).transaction)).toEqual([done.transaction!.id]);
  });

  it('reaches live subscribers: the events as they happen, a replay after any of them, and the balance when it succeeds', async () => {
    const fa = await newAccount();
    const before = bus.startedFor(p.platformId);
    const client = () => {
      const made = wsClient(gateway.url, token());
      clients.push(made);
      return made;
    };
    const types = ['TREASURY_INBOUND_TRANSFER_CREATED', 'TREASURY_INBOUND_TRANSFER_SUCCEEDED'] as const;
    const events = await subscribeWs(client(), LIVE_EVENTS, { types: [...types] });
    const balances = await subscribeWs(client(), BALANCE_UPDATED, { fa: fa.id });
    await bus.until(() => bus.startedFor(p.platformId) >= before + 2, 'both subscriptions to go live');

    const transfer = await created(fromBank(fa.id, 1_200));
    await step(SUCCEED, { inboundTransfer: transfer.id });
    const first = await events.next();
    const second = await events.next();
    expect([first.data!.events, second.data!.events].map((e) => [e.type, e.objectId])).toEqual([
      ['TREASURY_INBOUND_TRANSFER_CREATED', transfer.id],
      ['TREASURY_INBOUND_TRANSFER_SUCCEEDED', transfer.id],
    ]);
    // Processing moved nothing, so the only balance update is the success's.
    const update = (await balances.next()).data!.financialAccountBalanceUpdated;
    expect(update).toEqual({
      transaction: { flow: transfer.id, flowType: 'INBOUND_TRANSFER', status: 'POSTED' },
      balance: { cash: [{ amount: 1200 }], inboundPending: [{ amount: 0 }], outboundPending: [{ amount: 0 }] },
    });
    expect(balances.buffered).toEqual([]);

    // A client that saw only the creation replays what it missed.
    const replay = await subscribeWs(client(), LIVE_EVENTS, { types: [...types], after: first.data!.events.id });
    expect((await replay.next()).data!.events).toEqual(second.data!.events);
    await Promise.all([events.close(), balances.close(), replay.close()]);
  });
});

describe('the other transitions', () => {
  it('cancel while processing moves nothing; after it, no step is allowed and none writes', async () => {
    const fa = await newAccount();
    const transfer = await created(fromBank(fa.id, 2_500));
    const canceled = await step(CANCEL, { inboundTransfer: transfer.id });
    expect(canceled.userErrors).toEqual([]);
    expect(canceled.inboundTransfer).toMatchObject({ status: 'CANCELED', cancelable: false, transaction: null, failureDetails: null, returned: false });
    expect(canceled.inboundTransfer!.statusTransitions.canceledAt).not.toBeNull();
    expect(await balance(fa.id)).toEqual({ cash: 0, inboundPending: 0, outboundPending: 0, transactions: [] });
    const event = await gateway.db.prisma.event.findFirst({ where: { objectId: transfer.id, type: 'treasury.inbound_transfer.canceled' } });
    expect((event!.data as { object: unknown }).object).toMatchObject({ status: 'canceled', cancelable: false, transaction: null });

    const before = await databaseSnapshot(gateway.db);
    for (const doc of [CANCEL, SUCCEED, FAIL, RETURN]) {
      const payload = await step(doc, { inboundTransfer: transfer.id });
      expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'invalid_status_transition', field: ['input', 'inboundTransfer'] })]);
      expect(payload.inboundTransfer).toBeNull();
    }
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });

  it('fail records Stripe\'s failure code (default OTHER) and moves nothing', async () => {
    const fa = await newAccount();
    const one = await created(fromBank(fa.id, 1_000));
    const failed = await step(FAIL, { inboundTransfer: one.id, failureDetails: { code: 'INSUFFICIENT_FUNDS' } });
    expect(failed.userErrors).toEqual([]);
    expect(failed.inboundTransfer).toMatchObject({ status: 'FAILED', cancelable: false, transaction: null, failureDetails: { code: 'INSUFFICIENT_FUNDS' } });
    expect(failed.inboundTransfer!.statusTransitions.failedAt).not.toBeNull();
    const two = await created(fromBank(fa.id, 1_000));
    expect((await step(FAIL, { inboundTransfer: two.id })).inboundTransfer!.failureDetails).toEqual({ code: 'OTHER' });
    expect(await balance(fa.id)).toEqual({ cash: 0, inboundPending: 0, outboundPending: 0, transactions: [] });
    const event = await gateway.db.prisma.event.findFirst({ where: { objectId: one.id, type: 'treasury.inbound_transfer.failed' } });
    expect((event!.data as { object: unknown }).object).toMatchObject({ status: 'failed', failure_details: { code: 'insufficient_funds' } });

    const before = await databaseSnapshot(gateway.db);
    for (const doc of [CANCEL, SUCCEED, FAIL, RETURN]) {
      expect((await step(doc, { inboundTransfer: one.id })).userErrors).toEqual([expect.objectContaining({ code: 'invalid_status_transition' })]);
    }
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });

  it('a succeeded transfer can no longer be canceled, failed or succeeded again; a processing one cannot be returned', async () => {
    const fa = await newAccount();
    const processing = await created(fromBank(fa.id, 400));
    const done = await created(fromBank(fa.id, 600));
    await step(SUCCEED, { inboundTransfer: done.id });
    const before = await databaseSnapshot(gateway.db);
    for (const doc of [CANCEL, SUCCEED, FAIL]) {
      expect((await step(doc, { inboundTransfer: done.id })).userErrors).toEqual([expect.objectContaining({ code: 'invalid_status_transition' })]);
    }
    expect((await step(RETURN, { inboundTransfer: processing.id })).userErrors).toEqual([
      expect.objectContaining({ code: 'invalid_status_transition', field: ['input', 'inboundTransfer'] }),
    ]);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });
});

describe('the return (test helper)', () => {
  it('marks a succeeded transfer returned and links a ReceivedDebit, whose posted transaction takes the money back out of cash', async () => {
    const fa = await newAccount();
    const transfer = await created(fromBank(fa.id, 5_000, { description: 'Top up' }));
    const succeeded = (await step(SUCCEED, { inboundTransfer: transfer.id })).inboundTransfer!;
    const returned = await step(RETURN, { inboundTransfer: transfer.id });
    expect(returned.userErrors).toEqual([]);
    const rdId = returned.inboundTransfer!.linkedFlows.receivedDebit!;
    expect(rdId).toMatch(/^rd_/);
    // It stays succeeded, with its own transaction as it was: the return is the ReceivedDebit's.
    expect(returned.inboundTransfer).toMatchObject({
      status: 'SUCCEEDED',
      returned: true,
      cancelable: false,
      statusTransitions: succeeded.statusTransitions,
      transaction: { id: succeeded.transaction!.id, amount: 5000, status: 'POSTED', balanceImpact: { cash: 5000 } },
    });
    const debit = (await gateway.graphql(DEBIT, { token: token(), variables: { id: rdId } })).data!.receivedDebit!;
    expect(debit).toEqual({
      id: rdId,
      amount: 5000,
      currency: 'usd',
      status: 'SUCCEEDED',
      network: 'ACH',
      failureCode: null,
      description: 'Return: Top up',
      financialAccount: { id: fa.id },
      linkedFlows: { inboundTransfer: transfer.id },
      // The bank sent back money the account pulled in itself: nothing to reverse.
      reversalDetails: { restrictedReason: 'SOURCE_FLOW_RESTRICTED' },
      initiatingPaymentMethodDetails: {
        type: 'US_BANK_ACCOUNT',
        billingDetails: { name: 'Jane Austen' },
        usBankAccount: { bankName: 'STRIPE TEST BANK', last4: '6789', routingNumber: '110000000' },
      },
      transaction: {
        id: expect.stringMatching(/^trxn_/),
        amount: -5000,
        status: 'POSTED',
        flow: rdId,
        flowType: 'RECEIVED_DEBIT',
        balanceImpact: { cash: -5000, inboundPending: 0, outboundPending: 0 },
        entries: { nodes: [{ type: 'INBOUND_TRANSFER_RETURN', flowType: 'RECEIVED_DEBIT', balanceImpact: { cash: -5000, inboundPending: 0, outboundPending: 0 } }] },
        flowDetails: { __typename: 'ReceivedDebit', id: rdId },
      },
    });
    const after = await balance(fa.id);
    expect(after).toMatchObject({ cash: 0, inboundPending: 0, outboundPending: 0 });
    expect(after.transactions.map((t) => t.flow).sort()).toEqual([rdId, transfer.id].sort());

    // Reported by the ReceivedDebit (Stripe has no InboundTransfer event for a return) and the balance it left.
    const rdEvent = await gateway.db.prisma.event.findFirstOrThrow({ where: { objectId: rdId, type: 'treasury.received_debit.created' } });
    expect((rdEvent.data as { object: unknown }).object).toMatchObject({ linked_flows: { inbound_transfer: transfer.id }, status: 'succeeded', amount: 5000 });
    const balanceEvents = await gateway.db.prisma.event.findMany({ where: { objectId: fa.id, type: 'treasury.financial_account.balance_updated' }, orderBy: { sequence: 'asc' } });
    expect(balanceEvents.map((e) => (e.data as { transaction: string }).transaction)).toEqual([succeeded.transaction!.id, debit.transaction!.id]);
    // Later events show the transfer returned.
    const read = (await gateway.graphql(READ, { token: token(), variables: { id: transfer.id } })).data!.inboundTransfer!;
    expect(read).toMatchObject({ returned: true, linkedFlows: { receivedDebit: rdId } });

    // Only once.
    const before = await databaseSnapshot(gateway.db);
    expect((await step(RETURN, { inboundTransfer: transfer.id })).userErrors).toEqual([
      expect.objectContaining({ code: 'invalid_status_transition', field: ['input', 'inboundTransfer'] }),
    ]);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });

  it('is refused, writing nothing, when the cash no longer covers it, or the account may not be debited', async () => {
    const fa = await newAccount([...IBT_FEATURES, 'outbound_transfers_ach']);
    const transfer = await created(fromBank(fa.id, 2_000));
    await step(SUCCEED, { inboundTransfer: transfer.id });
    // Most of the money has gone out again.
    const out = await gateway.server.services.outboundTransfers.create(platform(), { financialAccount: fa.id, amount: 1_500n, currency: 'usd', destinationPaymentMethod: pmA });
    let before = await databaseSnapshot(gateway.db);
    expect((await step(RETURN, { inboundTransfer: transfer.id })).userErrors).toEqual([
      expect.objectContaining({ code: 'balance_insufficient', field: ['input', 'inboundTransfer'] }),
    ]);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);

    // Once the money is back, a platform restriction of outbound flows stops the debit.
    await gateway.server.services.outboundTransfers.cancel(platform(), { outboundTransfer: out.id });
    await gateway.server.services.financialAccounts.update(platform(), { financialAccount: fa.id, platformRestrictions: { outboundFlows: 'restricted' } });
    before = await databaseSnapshot(gateway.db);
    expect((await step(RETURN, { inboundTransfer: transfer.id })).userErrors).toEqual([
      expect.objectContaining({ code: 'restricted_by_platform', field: ['input', 'inboundTransfer'] }),
    ]);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
    await gateway.server.services.financialAccounts.update(platform(), { financialAccount: fa.id, platformRestrictions: { outboundFlows: 'unrestricted' } });
    expect((await step(RETURN, { inboundTransfer: transfer.id })).userErrors).toEqual([]);
    expect(await balance(fa.id)).toMatchObject({ cash: 0, inboundPending: 0, outboundPending: 0 });
  });
});

describe('Stripe\'s checks: a user error, and nothing written', () => {
  it.each([
    ['a zero amount', () => fromBank(ctx.fa, 0), 'amount_too_small', ['input', 'amount']],
    ['an amount over the limit', () => fromBank(ctx.fa, 100_000_000), 'amount_too_large', ['input', 'amount']],
    ['an unsupported currency', () => ({ ...fromBank(ctx.fa, 100), currency: 'eur' }), 'parameter_invalid', ['input', 'currency']],
    ['a statement descriptor over 10 characters', () => fromBank(ctx.fa, 100, { statementDescriptor: 'ELEVEN CHRS' }), 'parameter_invalid_string_too_long', ['input', 'statementDescriptor']],
    ['a statement descriptor with other characters', () => fromBank(ctx.fa, 100, { statementDescriptor: 'a_b' }), 'invalid_characters', ['input', 'statementDescriptor']],
    ['an empty statement descriptor', () => fromBank(ctx.fa, 100, { statementDescriptor: '' }), 'parameter_invalid_empty', ['input', 'statementDescriptor']],
    ['a blank statement descriptor', () => fromBank(ctx.fa, 100, { statementDescriptor: '   ' }), 'parameter_invalid_string_blank', ['input', 'statementDescriptor']],
    ['another account\'s payment method', () => fromBank(ctx.fa, 100, { originPaymentMethod: pmB }), 'resource_missing', ['input', 'originPaymentMethod']],
    ['an unknown payment method', () => fromBank(ctx.fa, 100, { originPaymentMethod: 'pm_000000000000000000000000' }), 'resource_missing', ['input', 'originPaymentMethod']],
    ['something that is not a payment method', () => fromBank(ctx.fa, 100, { originPaymentMethod: ctx.fa }), 'resource_missing', ['input', 'originPaymentMethod']],
    ['an unknown financial account', () => fromBank('fa_000000000000000000000000', 100), 'resource_missing', ['input', 'financialAccount']],
    ['a bank account of another owner than the financial account\'s', () => fromBank(ctx.foreignFa, 100), 'resource_missing', ['input', 'originPaymentMethod']],
    ['an account without inbound_transfers.ach', () => fromBank(ctx.noFeatureFa, 100), 'feature_not_active', ['input', 'financialAccount']],
    ['an account whose inbound flows the platform restricts', () => fromBank(ctx.restrictedFa, 100), 'restricted_by_platform', ['input', 'financialAccount']],
    ['a closed account', () => fromBank(ctx.closedFa, 100), 'financial_account_closed', ['input', 'financialAccount']],
    ['the platform\'s own financial account', () => fromBank(ctx.platformFa, 100), 'parameter_not_allowed', ['input', 'originPaymentMethod']],
    ['a metadata value over 500 characters', () => fromBank(ctx.fa, 100, { metadata: { note: 'x'.repeat(501) } }), undefined, undefined],
  ] as const)('%s', async (_name, input, code, field) => {
    // An activation an earlier test scheduled (a lifted restriction) must not land between the snapshots.
    await gateway.server.services.activator.idle();
    const before = await databaseSnapshot(gateway.db);
    const res = await gateway.graphql(CREATE, { token: token(), variables: { input: input() as CreateInboundTransferInput } });
    // A value the schema's own input checks refuse arrives as a GraphQL error; every other refusal as a user error.
    if (code === undefined) expect(res.errors ?? res.data!.createInboundTransfer.userErrors).not.toHaveLength(0);
    else {
      expect(res.errors).toBeUndefined();
      expect(res.data!.createInboundTransfer.inboundTransfer).toBeNull();
      expect(res.data!.createInboundTransfer.userErrors).toEqual([expect.objectContaining({ code, field })]);
    }
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });

  it('test helpers only in test mode', async () => {
    const before = await databaseSnapshot(gateway.db);
    for (const doc of [SUCCEED, FAIL, RETURN]) {
      const payload = await step(doc, { inboundTransfer: 'ibt_000000000000000000000000' }, live.secretKey);
      expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'test_mode_only' })]);
    }
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });

  it('a step of an unknown transfer, or of something that is not one', async () => {
    const before = await databaseSnapshot(gateway.db);
    for (const id of ['ibt_000000000000000000000000', ctx.fa, '']) {
      for (const doc of [CANCEL, SUCCEED, FAIL, RETURN]) {
        const payload = await step(doc, { inboundTransfer: id });
        expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'resource_missing', field: ['input', 'inboundTransfer'] })]);
      }
    }
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });
});

const ctx = { fa: '', noFeatureFa: '', foreignFa: '', restrictedFa: '', closedFa: '', platformFa: '' };
beforeAll(async () => {
  ctx.fa = (await newAccount()).id;
  ctx.noFeatureFa = (await newAccount(['financial_addresses_aba', 'outbound_transfers_ach'])).id;
  ctx.foreignFa = (await createFinancialAccount(gateway, { platformId: p.platformId, accountId: accountB }, { features: [...IBT_FEATURES] })).id;
  const restricted = await newAccount();
  await gateway.server.services.financialAccounts.update(platform(), { financialAccount: restricted.id, platformRestrictions: { inboundFlows: 'restricted' } });
  ctx.restrictedFa = restricted.id;
  ctx.closedFa = (await createFinancialAccount(gateway, { platformId: p.platformId, accountId: accountA }, { status: 'closed', features: [...IBT_FEATURES] })).id;
  ctx.platformFa = (await createFinancialAccount(gateway, { platformId: p.platformId, accountId: p.platformId }, { features: [...IBT_FEATURES] })).id;
});

describe('idempotency, scope, reads', () => {
  it('a replay creates nothing twice; the same key with another input is refused; a replayed step does nothing again', async () => {
    const fa = await newAccount();
    const first = await created(fromBank(fa.id, 700, { idempotencyKey: 'ibt-key-1' }));
    const before = await databaseSnapshot(gateway.db);
    const again = await created(fromBank(fa.id, 700, { idempotencyKey: 'ibt-key-1' }));
    expect(again.id).toBe(first.id);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
    const other = await create(fromBank(fa.id, 701, { idempotencyKey: 'ibt-key-1' }));
    expect(other.userErrors).toEqual([expect.objectContaining({ code: 'idempotency_key_in_use', field: ['input', 'idempotencyKey'] })]);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);

    const once = await step(SUCCEED, { inboundTransfer: first.id, idempotencyKey: 'succeed-1' });
    expect(once.userErrors).toEqual([]);
    const afterSuccess = await databaseSnapshot(gateway.db);
    const twice = await step(SUCCEED, { inboundTransfer: first.id, idempotencyKey: 'succeed-1' });
    expect(twice.userErrors).toEqual([]);
    expect(twice.inboundTransfer!.status).toBe('SUCCEEDED');
    expect(await databaseSnapshot(gateway.db)).toEqual(afterSuccess);
    expect((await balance(fa.id)).cash).toBe(700);
  });

  it('another account\'s session sees null; node, the owner\'s session and the filtered list find it', async () => {
    const fa = await newAccount();
    const a = await created(fromBank(fa.id, 100));
    const b = await created(fromBank(fa.id, 200));
    await step(SUCCEED, { inboundTransfer: b.id });
    expect((await gateway.graphql(READ, { token: sessionB, variables: { id: a.id } })).data!.inboundTransfer).toBeNull();
    expect((await gateway.graphql(NODE, { token: sessionB, variables: { id: a.id } })).data!.node).toBeNull();
    const sessionA = await createAccountSession(gateway, p.platformId, accountA);
    expect((await gateway.graphql(READ, { token: sessionA, variables: { id: a.id } })).data!.inboundTransfer!.id).toBe(a.id);
    expect((await gateway.graphql(NODE, { token: token(), variables: { id: a.id } })).data!.node).toEqual({ __typename: 'InboundTransfer', id: a.id, status: 'PROCESSING' });
    const listed = await gateway.graphql(LIST, { token: token(), variables: { fa: fa.id } });
    expect(listed.extensions?.cost?.requested).toBe(22);
    expect(listed.data!.financialAccount!.inboundTransfers.nodes.map((n) => n.id)).toEqual([b.id, a.id]);
    for (const [status, expected] of [['SUCCEEDED', [b.id]], ['PROCESSING', [a.id]], ['FAILED', []]] as const) {
      const nodes = (await gateway.graphql(LIST, { token: token(), variables: { fa: fa.id, filter: { status } } })).data!.financialAccount!.inboundTransfers.nodes;
      expect(nodes.map((n) => n.id)).toEqual(expected);
    }
    // A session cannot cancel another account's transfer, nor pull from its own bank into another's account.
    const before = await databaseSnapshot(gateway.db);
    expect((await step(CANCEL, { inboundTransfer: a.id }, sessionB)).userErrors).toEqual([expect.objectContaining({ code: 'resource_missing' })]);
    expect((await create(fromBank(fa.id, 100, { originPaymentMethod: pmB }), sessionB)).userErrors).toEqual([
      expect.objectContaining({ code: 'resource_missing', field: ['input', 'financialAccount'] }),
    ]);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
    // The owner's own session may pull from its own bank account.
    expect((await create(fromBank(fa.id, 100), sessionA)).userErrors).toEqual([]);
  });
});

describe('closing a financial account', () => {
  it('is refused while one of its inbound transfers is processing, naming it; allowed once none is', async () => {
    const fa = await newAccount();
    const pending = await created(fromBank(fa.id, 900));
    const before = await databaseSnapshot(gateway.db);
    const refused = (await gateway.graphql(CLOSE, { token: token(), variables: { input: { financialAccount: fa.id } } })).data!.closeFinancialAccount;
    expect(refused.financialAccount).toBeNull();
    expect(refused.userErrors).toEqual([{ code: 'inbound_transfers_pending', message: expect.stringContaining(pending.id), field: ['input', 'financialAccount'] }]);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);

    await step(CANCEL, { inboundTransfer: pending.id });
    const closed = (await gateway.graphql(CLOSE, { token: token(), variables: { input: { financialAccount: fa.id } } })).data!.closeFinancialAccount;
    expect(closed.userErrors).toEqual([]);
    expect(closed.financialAccount!.status).toBe('CLOSED');
  });

  it('a succeeded transfer leaves cash, which the balance rule refuses until it is gone', async () => {
    const fa = await newAccount();
    const done = await created(fromBank(fa.id, 300));
    await step(SUCCEED, { inboundTransfer: done.id });
    const refused = (await gateway.graphql(CLOSE, { token: token(), variables: { input: { financialAccount: fa.id } } })).data!.closeFinancialAccount;
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'balance_nonzero' })]);
  });
});

