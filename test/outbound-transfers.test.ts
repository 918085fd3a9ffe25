// OutboundTransfers through the real server: each transition with its ledger
// (balances, transactions and entries read back through GraphQL), every one of
// Stripe's checks as a user error that writes nothing, idempotent replays,
// scope, node(id:), the list on FinancialAccount, and the events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.ts';
import type { CreateOutboundTransferInput } from './gql/graphql.ts';
import { startGateway, type TestGateway } from './support/gateway.ts';
import {
  createAccountSession,
  createConnectedAccount,
  createFinancialAccount,
  createPaymentMethod,
  createPlatform,
  fundFinancialAccount,
  sendOutboundTransfer,
} from './support/fixtures.ts';
import { databaseSnapshot } from './support/db-snapshot.ts';
import type { Viewer } from '../src/domain/viewer.ts';

graphql(`
  fragment ObtFields on OutboundTransfer {
    id amount cancelable created currency description destinationPaymentMethod expectedArrivalDate livemode metadata
    statementDescriptor status hostedRegulatoryReceiptUrl
    destinationPaymentMethodDetails {
      type
      billingDetails { name email address { city country line1 line2 postalCode state } }
      usBankAccount { accountHolderType accountType bankName fingerprint last4 network routingNumber }
      financialAccount { id network }
    }
    financialAccount { id }
    returnedDetails { code transaction { id amount status flow flowType entries { nodes { type balanceImpact { cash outboundPending } } } } }
    statusTransitions { canceledAt failedAt postedAt returnedAt }
    trackingDetails { type ach { traceId } usDomesticWire { chips imad omad } }
    transaction {
      id amount status flow flowType statusTransitions { postedAt voidAt }
      balanceImpact { cash inboundPending outboundPending }
      entries(first: 10) { nodes { type flowType balanceImpact { cash inboundPending outboundPending } } }
      flowDetails { __typename ... on OutboundTransfer { id status } }
    }
  }
`);

const CREATE = graphql(`
  mutation ObtCreate($input: CreateOutboundTransferInput!) {
    createOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }
  }
`);
const CANCEL = graphql(`
  mutation ObtCancel($input: CancelOutboundTransferInput!) {
    cancelOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }
  }
`);
const POST = graphql(`
  mutation ObtPost($input: PostOutboundTransferInput!) {
    postOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }
  }
`);
const FAIL = graphql(`
  mutation ObtFail($input: FailOutboundTransferInput!) {
    failOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }
  }
`);
const RETURN = graphql(`
  mutation ObtReturn($input: ReturnOutboundTransferInput!) {
    returnOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }
  }
`);
const UPDATE = graphql(`
  mutation ObtUpdate($input: UpdateOutboundTransferInput!) {
    updateOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }
  }
`);
const BALANCE = graphql(`
  query ObtBalance($id: ID!) {
    financialAccount(id: $id) { id balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } } }
  }
`);
const READ = graphql(`query ObtRead($id: ID!) { outboundTransfer(id: $id) { ...ObtFields } }`);
const NODE = graphql(`query ObtNode($id: ID!) { node(id: $id) { __typename id ... on OutboundTransfer { status } } }`);
const LIST = graphql(`
  query ObtList($fa: ID!, $filter: OutboundTransferFilter) {
    financialAccount(id: $fa) { outboundTransfers(first: 20, filter: $filter) { nodes { id status } } }
  }
`);
const RECEIVED = graphql(`
  query ObtReceived($fa: ID!) {
    financialAccount(id: $fa) {
      receivedCredits(first: 5, filter: { linkedFlows: { sourceFlowType: OUTBOUND_TRANSFER } }) {
        nodes {
          id amount network status
          initiatingPaymentMethodDetails { type financialAccount { id network } }
          linkedFlows { sourceFlow sourceFlowType sourceFlowDetails { __typename ... on OutboundTransfer { id status } } }
          transaction { id status amount flowDetails { __typename ... on ReceivedCredit { id } } }
        }
      }
    }
  }
`);
const EVENTS = graphql(`
  query ObtEvents($types: [EventType!]) { events(first: 50, filter: { types: $types }) { nodes { id type objectId data } } }
`);

let gateway: TestGateway;
let p: { platformId: string; secretKey: string };
let live: { platformId: string; secretKey: string };
let accountA: string;
let accountB: string;
let sessionB: string;
let pmA: string;
let pmB: string;

const token = () => p.secretKey;
const platform = (): Viewer => ({ platformId: p.platformId, livemode: false, accountId: null, credential: 'secret_key', credentialId: 't', expiresAt: null });

async function newAccount(features: NonNullable<Parameters<typeof createFinancialAccount>[2]>['features'] = undefined, fund = 10_000n) {
  const fa = await createFinancialAccount(gateway, { platformId: p.platformId, accountId: accountA }, { features });
  if (fund > 0n) await fundFinancialAccount(gateway, fa, fund);
  return fa;
}

async function balance(id: string, t = token()) {
  const res = await gateway.graphql(BALANCE, { token: t, variables: { id } });
  const b = res.data!.financialAccount!.balance;
  return { cash: b.cash[0].amount, inboundPending: b.inboundPending[0].amount, outboundPending: b.outboundPending[0].amount };
}

async function create(input: CreateOutboundTransferInput, t = token()) {
  const res = await gateway.graphql(CREATE, { token: t, variables: { input } });
  expect(res.errors).toBeUndefined();
  return res.data!.createOutboundTransfer;
}

async function created(input: CreateOutboundTransferInput) {
  const payload = await create(input);
  expect(payload.userErrors).toEqual([]);
  return payload.outboundTransfer!;
}

const toBank = (fa: string, amount: number, extra: Partial<CreateOutboundTransferInput> = {}): CreateOutboundTransferInput => ({
  financialAccount: fa,
  amount,
  currency: 'usd',
  destinationPaymentMethod: pmA,
  ...extra,
});

beforeAll(async () => {
  gateway = await startGateway({ featureActivationSweepMs: 3_600_000, maxOpenFinancialAccountsPerAccount: 100 });
  p = await createPlatform(gateway, { name: 'Obt Platform' });
  live = await createPlatform(gateway, { name: 'Obt Live', livemode: true });
  accountA = (await createConnectedAccount(gateway, p.platformId, { displayName: 'Obt A' })).id;
  accountB = (await createConnectedAccount(gateway, p.platformId, { displayName: 'Obt B' })).id;
  sessionB = await createAccountSession(gateway, p.platformId, accountB);
  pmA = (await createPaymentMethod(gateway, { platformId: p.platformId, accountId: accountA }, { name: 'Jane Austen', accountNumber: '000123456789' })).id;
  pmB = (await createPaymentMethod(gateway, { platformId: p.platformId, accountId: accountB })).id;
});

afterAll(() => gateway?.stop());

describe('createOutboundTransfer to a bank account, then post', () => {
  it('writes its transaction with the hold entry in one statement, and its events in one more', async () => {
    const fa = await newAccount();
    // The account's features activate after its creation: that work must not land in the log.
    await gateway.server.services.activator.idle();
    const { db } = gateway;
    const log: string[] = (db.statements.log = []);
    try {
      await sendOutboundTransfer(gateway, fa, pmA, 1_000n);
    } finally {
      db.statements.log = null;
    }
    const writes = (table: string) => log.filter((sql) => new RegExp(`(INSERT INTO|UPDATE) "(public"\\.")?${table}"`).test(sql));
    expect(writes('Transaction')).toHaveLength(1);
    expect(writes('Transaction')[0]).toMatch(/INSERT INTO "TransactionEntry"/);
    expect(writes('TransactionEntry')).toHaveLength(1);
    expect(writes('Event')).toHaveLength(1);
    // The use case's whole cost: the accounts' lock, the payment method, the source's standing (features and
    // balance), the ledger, the transfer's row, the balance it left, the events and the commit.
    expect(log.length, log.join("\n")).toBeLessThanOrEqual(8);
    expect(await balance(fa.id)).toEqual({ cash: 9_000, inboundPending: 0, outboundPending: 1_000 });
  });

  it('holds the amount in outbound pending on an open transaction, then posts it out', async () => {
    const fa = await newAccount();
    const transfer = await created(toBank(fa.id, 3_000, { description: 'Payout', statementDescriptor: 'ACME', metadata: { ref: 'r1' } }));
    expect(transfer).toMatchObject({
      amount: 3000,
      cancelable: true,
      currency: 'usd',
      description: 'Payout',
      destinationPaymentMethod: pmA,
      livemode: false,
      metadata: { ref: 'r1' },
      statementDescriptor: 'ACME',
      status: 'PROCESSING',
      hostedRegulatoryReceiptUrl: null,
      destinationPaymentMethodDetails: {
        type: 'US_BANK_ACCOUNT',
        billingDetails: { name: 'Jane Austen' },
        usBankAccount: { bankName: 'STRIPE TEST BANK', last4: '6789', network: 'ACH', routingNumber: '110000000', accountType: 'CHECKING' },
        financialAccount: null,
      },
      financialAccount: { id: fa.id },
      returnedDetails: null,
      statusTransitions: { canceledAt: null, failedAt: null, postedAt: null, returnedAt: null },
      trackingDetails: null,
      transaction: {
        amount: -3000,
        status: 'OPEN',
        flow: transfer.id,
        flowType: 'OUTBOUND_TRANSFER',
        statusTransitions: { postedAt: null, voidAt: null },
        balanceImpact: { cash: -3000, inboundPending: 0, outboundPending: 3000 },
        entries: { nodes: [{ type: 'OUTBOUND_TRANSFER', flowType: 'OUTBOUND_TRANSFER', balanceImpact: { cash: -3000, inboundPending: 0, outboundPending: 3000 } }] },
        flowDetails: { __typename: 'OutboundTransfer', id: transfer.id, status: 'PROCESSING' },
      },
    });
    expect(transfer.id).toMatch(/^obt_/);
    expect(new Date(transfer.expectedArrivalDate).getTime()).toBeGreaterThan(new Date(transfer.created).getTime());
    expect(await balance(fa.id)).toEqual({ cash: 7000, inboundPending: 0, outboundPending: 3000 });

    const posted = (await gateway.graphql(POST, { token: token(), variables: { input: { outboundTransfer: transfer.id } } })).data!.postOutboundTransfer;
    expect(posted.userErrors).toEqual([]);
    expect(posted.outboundTransfer).toMatchObject({
      status: 'POSTED',
      cancelable: false,
      transaction: {
        status: 'POSTED',
        balanceImpact: { cash: -3000, inboundPending: 0, outboundPending: 0 },
        entries: {
          nodes: expect.arrayContaining([
            { type: 'OUTBOUND_TRANSFER_POSTING', flowType: 'OUTBOUND_TRANSFER', balanceImpact: { cash: 0, inboundPending: 0, outboundPending: -3000 } },
          ]),
        },
      },
    });
    expect(posted.outboundTransfer!.statusTransitions.postedAt).not.toBeNull();
    expect(posted.outboundTransfer!.transaction.statusTransitions.postedAt).not.toBeNull();
    expect(await balance(fa.id)).toEqual({ cash: 7000, inboundPending: 0, outboundPending: 0 });

    // Events, in Stripe's shape, touching the account.
    const events = (await gateway.graphql(EVENTS, {
      token: token(),
      variables: { types: ['TREASURY_OUTBOUND_TRANSFER_CREATED', 'TREASURY_OUTBOUND_TRANSFER_POSTED'] },
    })).data!.events.nodes.filter((e) => e.objectId === transfer.id);
    expect(events.map((e) => e.type)).toEqual(['TREASURY_OUTBOUND_TRANSFER_POSTED', 'TREASURY_OUTBOUND_TRANSFER_CREATED']);
    expect((events[1].data as { object: unknown }).object).toMatchObject({
      id: transfer.id,
      object: 'treasury.outbound_transfer',
      amount: 3000,
      status: 'processing',
      financial_account: fa.id,
      destination_payment_method: pmA,
      destination_payment_method_details: { type: 'us_bank_account', us_bank_account: { last4: '6789', network: 'ach' } },
      transaction: transfer.transaction.id,
    });
    expect((events[0].data as { object: unknown }).object).toMatchObject({ status: 'posted', cancelable: false });
    const rows = await gateway.db.prisma.event.findMany({ where: { objectId: transfer.id } });
    for (const row of rows) expect(row.financialAccountIds).toEqual([fa.id]);
  });
});

describe('the other transitions', () => {
  it('cancel gives the hold back to cash and voids the transaction; only once', async () => {
    const fa = await newAccount();
    const transfer = await created(toBank(fa.id, 2_500));
    const canceled = (await gateway.graphql(CANCEL, { token: token(), variables: { input: { outboundTransfer: transfer.id } } })).data!.cancelOutboundTransfer;
    expect(canceled.userErrors).toEqual([]);
    expect(canceled.outboundTransfer).toMatchObject({
      status: 'CANCELED',
      cancelable: false,
      transaction: { status: 'VOID', balanceImpact: { cash: 0, inboundPending: 0, outboundPending: 0 } },
    });
    expect(canceled.outboundTransfer!.transaction.entries.nodes.map((e) => e.type).sort()).toEqual(['OUTBOUND_TRANSFER', 'OUTBOUND_TRANSFER_CANCELLATION']);
    expect(canceled.outboundTransfer!.statusTransitions.canceledAt).not.toBeNull();
    expect(canceled.outboundTransfer!.transaction.statusTransitions.voidAt).not.toBeNull();
    expect(await balance(fa.id)).toEqual({ cash: 10_000, inboundPending: 0, outboundPending: 0 });

    const before = await databaseSnapshot(gateway.db);
    for (const doc of [CANCEL, POST, FAIL, RETURN] as const) {
      const res = await gateway.graphql(doc as typeof CANCEL, { token: token(), variables: { input: { outboundTransfer: transfer.id } } });
      const payload = Object.values(res.data!)[0] as { userErrors: Array<{ code: string; field: string[] | null }> };
      expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'invalid_status_transition', field: ['input', 'outboundTransfer'] })]);
    }
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });

  it('fail gives the hold back to cash and voids the transaction', async () => {
    const fa = await newAccount();
    const transfer = await created(toBank(fa.id, 1_000));
    const failed = (await gateway.graphql(FAIL, { token: token(), variables: { input: { outboundTransfer: transfer.id } } })).data!.failOutboundTransfer;
    expect(failed.userErrors).toEqual([]);
    expect(failed.outboundTransfer).toMatchObject({ status: 'FAILED', transaction: { status: 'VOID' } });
    expect(failed.outboundTransfer!.transaction.entries.nodes.map((e) => e.type).sort()).toEqual(['OUTBOUND_TRANSFER', 'OUTBOUND_TRANSFER_FAILURE']);
    expect(failed.outboundTransfer!.statusTransitions.failedAt).not.toBeNull();
    expect(await balance(fa.id)).toEqual({ cash: 10_000, inboundPending: 0, outboundPending: 0 });
  });

  it('a return after posting credits cash through a second, posted transaction', async () => {
    const fa = await newAccount();
    const transfer = await created(toBank(fa.id, 4_000));
    await gateway.graphql(POST, { token: token(), variables: { input: { outboundTransfer: transfer.id } } });
    expect(await balance(fa.id)).toEqual({ cash: 6_000, inboundPending: 0, outboundPending: 0 });
    const returned = (await gateway.graphql(RETURN, {
      token: token(),
      variables: { input: { outboundTransfer: transfer.id, returnedDetails: { code: 'ACCOUNT_CLOSED' } } },
    })).data!.returnOutboundTransfer;
    expect(returned.userErrors).toEqual([]);
    expect(returned.outboundTransfer).toMatchObject({
      status: 'RETURNED',
      transaction: { status: 'POSTED', balanceImpact: { cash: -4000, outboundPending: 0 } },
      returnedDetails: {
        code: 'ACCOUNT_CLOSED',
        transaction: {
          amount: 4000,
          status: 'POSTED',
          flow: transfer.id,
          flowType: 'OUTBOUND_TRANSFER',
          entries: { nodes: [{ type: 'OUTBOUND_TRANSFER_RETURN', balanceImpact: { cash: 4000, outboundPending: 0 } }] },
        },
      },
    });
    expect(returned.outboundTransfer!.returnedDetails!.transaction.id).not.toBe(transfer.transaction.id);
    expect(returned.outboundTransfer!.statusTransitions.returnedAt).not.toBeNull();
    expect(await balance(fa.id)).toEqual({ cash: 10_000, inboundPending: 0, outboundPending: 0 });
  });

  it('a return of a processing transfer posts it and credits the money back', async () => {
    const fa = await newAccount();
    const transfer = await created(toBank(fa.id, 500));
    const returned = (await gateway.graphql(RETURN, { token: token(), variables: { input: { outboundTransfer: transfer.id } } })).data!.returnOutboundTransfer;
    expect(returned.outboundTransfer).toMatchObject({ status: 'RETURNED', returnedDetails: { code: 'DECLINED' }, transaction: { status: 'POSTED' } });
    expect(returned.outboundTransfer!.statusTransitions.postedAt).not.toBeNull();
    expect(await balance(fa.id)).toEqual({ cash: 10_000, inboundPending: 0, outboundPending: 0 });
  });

  it('tracking details come once the network has the transfer, in the network\'s own terms', async () => {
    const fa = await newAccount(['financial_addresses_aba', 'outbound_transfers_ach', 'outbound_transfers_us_domestic_wire']);
    const ach = await created(toBank(fa.id, 100));
    const early = (await gateway.graphql(UPDATE, {
      token: token(),
      variables: { input: { outboundTransfer: ach.id, trackingDetails: { type: 'ACH', ach: { traceId: 'T1' } } } },
    })).data!.updateOutboundTransfer;
    expect(early.userErrors).toEqual([expect.objectContaining({ code: 'invalid_status_transition' })]);
    await gateway.graphql(POST, { token: token(), variables: { input: { outboundTransfer: ach.id } } });
    const wrongType = (await gateway.graphql(UPDATE, {
      token: token(),
      variables: { input: { outboundTransfer: ach.id, trackingDetails: { type: 'US_DOMESTIC_WIRE', usDomesticWire: { imad: 'I' } } } },
    })).data!.updateOutboundTransfer;
    expect(wrongType.userErrors).toEqual([expect.objectContaining({ code: 'parameter_invalid', field: ['input', 'trackingDetails', 'type'] })]);
    const tracked = (await gateway.graphql(UPDATE, {
      token: token(),
      variables: { input: { outboundTransfer: ach.id, trackingDetails: { type: 'ACH', ach: { traceId: 'T1' } } } },
    })).data!.updateOutboundTransfer;
    expect(tracked.userErrors).toEqual([]);
    expect(tracked.outboundTransfer!.trackingDetails).toEqual({ type: 'ACH', ach: { traceId: 'T1' }, usDomesticWire: null });

    const wire = await created(toBank(fa.id, 100, { destinationPaymentMethodOptions: { usBankAccount: { network: 'US_DOMESTIC_WIRE' } } }));
    expect(wire.destinationPaymentMethodDetails.usBankAccount!.network).toBe('US_DOMESTIC_WIRE');
    await gateway.graphql(POST, { token: token(), variables: { input: { outboundTransfer: wire.id } } });
    const wired = (await gateway.graphql(UPDATE, {
      token: token(),
      variables: { input: { outboundTransfer: wire.id, trackingDetails: { type: 'US_DOMESTIC_WIRE', usDomesticWire: { imad: 'IMAD1', omad: 'OMAD1' } } } },
    })).data!.updateOutboundTransfer;
    expect(wired.outboundTransfer!.trackingDetails).toEqual({
      type: 'US_DOMESTIC_WIRE',
      ach: null,
      usDomesticWire: { chips: null, imad: 'IMAD1', omad: 'OMAD1' },
    });
    const event = await gateway.db.prisma.event.findFirst({ where: { objectId: wire.id, type: 'treasury.outbound_transfer.tracking_details_updated' } });
    expect((event!.data as { object: { tracking_details: unknown } }).object.tracking_details).toEqual({
      type: 'us_domestic_wire',
      ach: null,
      us_domestic_wire: { chips: null, imad: 'IMAD1', omad: 'OMAD1' },
    });
  });
});

describe('to another financial account of the same owner', () => {
  it('arrives as a ReceivedCredit over stripe in the same transaction, and the transfer posts', async () => {
    const features = ['financial_addresses_aba', 'intra_stripe_flows'] as const;
    const from = await newAccount([...features]);
    const to = await newAccount([...features], 0n);
    const transfer = await created({
      financialAccount: from.id,
      amount: 1_234,
      currency: 'usd',
      destinationPaymentMethodData: { type: 'FINANCIAL_ACCOUNT', financialAccount: to.id },
    });
    expect(transfer).toMatchObject({
      status: 'POSTED',
      destinationPaymentMethod: null,
      statementDescriptor: 'transfer',
      destinationPaymentMethodDetails: { type: 'FINANCIAL_ACCOUNT', financialAccount: { id: to.id, network: 'STRIPE' }, usBankAccount: null },
      transaction: { status: 'POSTED', balanceImpact: { cash: -1234, outboundPending: 0 } },
    });
    expect(await balance(from.id)).toEqual({ cash: 10_000 - 1_234, inboundPending: 0, outboundPending: 0 });
    expect(await balance(to.id)).toEqual({ cash: 1_234, inboundPending: 0, outboundPending: 0 });
    const credits = (await gateway.graphql(RECEIVED, { token: token(), variables: { fa: to.id } })).data!.financialAccount!.receivedCredits.nodes;
    expect(credits).toEqual([
      {
        id: expect.stringMatching(/^rc_/),
        amount: 1234,
        network: 'STRIPE',
        status: 'SUCCEEDED',
        initiatingPaymentMethodDetails: { type: 'FINANCIAL_ACCOUNT', financialAccount: { id: from.id, network: 'STRIPE' } },
        linkedFlows: {
          sourceFlow: transfer.id,
          sourceFlowType: 'OUTBOUND_TRANSFER',
          sourceFlowDetails: { __typename: 'OutboundTransfer', id: transfer.id, status: 'POSTED' },
        },
        transaction: { id: expect.stringMatching(/^trxn_/), status: 'POSTED', amount: 1234, flowDetails: { __typename: 'ReceivedCredit', id: credits[0].id } },
      },
    ]);
    const created_ = await gateway.db.prisma.event.findFirst({ where: { objectId: transfer.id, type: 'treasury.outbound_transfer.created' } });
    expect(created_!.financialAccountIds).toEqual([from.id, to.id]);
    const rc = await gateway.db.prisma.event.findFirst({ where: { objectId: credits[0].id, type: 'treasury.received_credit.created' } });
    expect(rc!.financialAccountIds).toEqual([to.id, from.id]);
    // Delivered: the network cannot return it.
    const back = (await gateway.graphql(RETURN, { token: token(), variables: { input: { outboundTransfer: transfer.id } } })).data!.returnOutboundTransfer;
    expect(back.userErrors).toEqual([expect.objectContaining({ code: 'invalid_status_transition' })]);
  });

  it('the platform\'s own financial accounts may move money between themselves, but not to a payment method', async () => {
    const features = ['financial_addresses_aba', 'intra_stripe_flows', 'outbound_transfers_ach'] as const;
    const one = await createFinancialAccount(gateway, { platformId: p.platformId, accountId: p.platformId }, { features: [...features] });
    const two = await createFinancialAccount(gateway, { platformId: p.platformId, accountId: p.platformId }, { features: [...features] });
    await fundFinancialAccount(gateway, one, 5_000n);
    const moved = await created({ financialAccount: one.id, amount: 100, currency: 'usd', destinationPaymentMethodData: { type: 'FINANCIAL_ACCOUNT', financialAccount: two.id } });
    expect(moved.status).toBe('POSTED');
    const before = await databaseSnapshot(gateway.db);
    const refused = await create({ financialAccount: one.id, amount: 100, currency: 'usd', destinationPaymentMethod: pmA });
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'parameter_not_allowed', field: ['input', 'destinationPaymentMethod'] })]);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });
});

describe('Stripe\'s checks: a user error, and nothing written', () => {
  it.each([
    ['not enough cash', () => toBank(ctx.fa, 10_001), 'balance_insufficient', ['input', 'amount']],
    ['a zero amount', () => toBank(ctx.fa, 0), 'amount_too_small', ['input', 'amount']],
    ['an amount over the limit', () => toBank(ctx.fa, 100_000_000), 'amount_too_large', ['input', 'amount']],
    ['an unsupported currency', () => ({ ...toBank(ctx.fa, 100), currency: 'eur' }), 'parameter_invalid', ['input', 'currency']],
    ['an ACH statement descriptor over 10 characters', () => toBank(ctx.fa, 100, { statementDescriptor: 'ELEVEN CHRS' }), 'parameter_invalid_string_too_long', ['input', 'statementDescriptor']],
    ['a statement descriptor with other characters', () => toBank(ctx.fa, 100, { statementDescriptor: 'a_b' }), 'invalid_characters', ['input', 'statementDescriptor']],
    ['a wire without its feature', () => toBank(ctx.fa, 100, { destinationPaymentMethodOptions: { usBankAccount: { network: 'US_DOMESTIC_WIRE' } } }), 'feature_not_active', ['input', 'financialAccount']],
    ['another account\'s payment method', () => toBank(ctx.fa, 100, { destinationPaymentMethod: pmB }), 'resource_missing', ['input', 'destinationPaymentMethod']],
    ['an unknown payment method', () => toBank(ctx.fa, 100, { destinationPaymentMethod: 'pm_000000000000000000000000' }), 'resource_missing', ['input', 'destinationPaymentMethod']],
    ['no destination', () => ({ financialAccount: ctx.fa, amount: 100, currency: 'usd' }), 'parameter_missing', ['input', 'destinationPaymentMethod']],
    ['an unknown financial account', () => toBank('fa_000000000000000000000000', 100), 'resource_missing', ['input', 'financialAccount']],
    ['another owner\'s financial account as destination', () => ({ financialAccount: ctx.fa, amount: 100, currency: 'usd', destinationPaymentMethodData: { type: 'FINANCIAL_ACCOUNT' as const, financialAccount: ctx.foreignFa } }), 'resource_missing', ['input', 'destinationPaymentMethodData', 'financialAccount']],
    ['a financial account to itself', () => ({ financialAccount: ctx.fa, amount: 100, currency: 'usd', destinationPaymentMethodData: { type: 'FINANCIAL_ACCOUNT' as const, financialAccount: ctx.fa } }), 'parameter_invalid', ['input', 'destinationPaymentMethodData', 'financialAccount']],
    ['a destination that cannot receive over stripe', () => ({ financialAccount: ctx.intraFa, amount: 100, currency: 'usd', destinationPaymentMethodData: { type: 'FINANCIAL_ACCOUNT' as const, financialAccount: ctx.fa } }), 'feature_not_active', ['input', 'destinationPaymentMethodData', 'financialAccount']],
    ['a transfer between financial accounts without intra-Stripe flows', () => ({ financialAccount: ctx.fa, amount: 100, currency: 'usd', destinationPaymentMethodData: { type: 'FINANCIAL_ACCOUNT' as const, financialAccount: ctx.intraFa } }), 'feature_not_active', ['input', 'financialAccount']],
    ['a restricted account', () => toBank(ctx.restrictedFa, 100), 'restricted_by_platform', ['input', 'financialAccount']],
    ['a closed account', () => toBank(ctx.closedFa, 100), 'financial_account_closed', ['input', 'financialAccount']],
  ] as const)('%s', async (_name, input, code, field) => {
    const before = await databaseSnapshot(gateway.db);
    const payload = await create(input() as CreateOutboundTransferInput);
    expect(payload.outboundTransfer).toBeNull();
    expect(payload.userErrors).toEqual([expect.objectContaining({ code, field })]);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });

  it('test helpers only in test mode', async () => {
    const before = await databaseSnapshot(gateway.db);
    for (const doc of [POST, FAIL, RETURN] as const) {
      const res = await gateway.graphql(doc as typeof POST, { token: live.secretKey, variables: { input: { outboundTransfer: 'obt_000000000000000000000000' } } });
      const payload = Object.values(res.data!)[0] as { userErrors: Array<{ code: string }> };
      expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'test_mode_only' })]);
    }
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });
});

const ctx = { fa: '', intraFa: '', foreignFa: '', restrictedFa: '', closedFa: '' };
beforeAll(async () => {
  ctx.fa = (await newAccount()).id;
  ctx.intraFa = (await newAccount(['financial_addresses_aba', 'intra_stripe_flows'])).id;
  ctx.foreignFa = (await createFinancialAccount(gateway, { platformId: p.platformId, accountId: accountB }, { features: ['financial_addresses_aba', 'intra_stripe_flows'] })).id;
  const restricted = await newAccount();
  await gateway.server.services.financialAccounts.update(platform(), { financialAccount: restricted.id, platformRestrictions: { outboundFlows: 'restricted' } });
  ctx.restrictedFa = restricted.id;
  ctx.closedFa = (await createFinancialAccount(gateway, { platformId: p.platformId, accountId: accountA }, { status: 'closed' })).id;
});

describe('idempotency, scope, reads', () => {
  it('a replay moves no money twice; the same key with another input is refused', async () => {
    const fa = await newAccount();
    const first = await created(toBank(fa.id, 700, { idempotencyKey: 'obt-key-1' }));
    const before = await databaseSnapshot(gateway.db);
    const again = await created(toBank(fa.id, 700, { idempotencyKey: 'obt-key-1' }));
    expect(again.id).toBe(first.id);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
    expect(await balance(fa.id)).toEqual({ cash: 9_300, inboundPending: 0, outboundPending: 700 });
    const other = await create(toBank(fa.id, 701, { idempotencyKey: 'obt-key-1' }));
    expect(other.userErrors).toEqual([expect.objectContaining({ code: 'idempotency_key_in_use', field: ['input', 'idempotencyKey'] })]);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);

    const post1 = (await gateway.graphql(POST, { token: token(), variables: { input: { outboundTransfer: first.id, idempotencyKey: 'post-1' } } })).data!.postOutboundTransfer;
    expect(post1.userErrors).toEqual([]);
    const post2 = (await gateway.graphql(POST, { token: token(), variables: { input: { outboundTransfer: first.id, idempotencyKey: 'post-1' } } })).data!.postOutboundTransfer;
    expect(post2.userErrors).toEqual([]);
    expect(post2.outboundTransfer!.status).toBe('POSTED');
  });

  it('another account\'s session sees null; node, nodes and the filtered list find it', async () => {
    const fa = await newAccount();
    const a = await created(toBank(fa.id, 100));
    const b = await created(toBank(fa.id, 200));
    await gateway.graphql(POST, { token: token(), variables: { input: { outboundTransfer: b.id } } });
    expect((await gateway.graphql(READ, { token: sessionB, variables: { id: a.id } })).data!.outboundTransfer).toBeNull();
    expect((await gateway.graphql(NODE, { token: sessionB, variables: { id: a.id } })).data!.node).toBeNull();
    const sessionA = await createAccountSession(gateway, p.platformId, accountA);
    expect((await gateway.graphql(READ, { token: sessionA, variables: { id: a.id } })).data!.outboundTransfer!.id).toBe(a.id);
    expect((await gateway.graphql(NODE, { token: token(), variables: { id: a.id } })).data!.node).toEqual({ __typename: 'OutboundTransfer', id: a.id, status: 'PROCESSING' });
    const listed = await gateway.graphql(LIST, { token: token(), variables: { fa: fa.id } });
    // Priced as every connection: the account (1), the list (1 + its page of 20).
    expect(listed.extensions?.cost?.requested).toBe(22);
    const all = listed.data!.financialAccount!.outboundTransfers.nodes;
    expect(all.map((n) => n.id)).toEqual([b.id, a.id]);
    const posted = (await gateway.graphql(LIST, { token: token(), variables: { fa: fa.id, filter: { status: 'POSTED' } } })).data!.financialAccount!.outboundTransfers.nodes;
    expect(posted).toEqual([{ id: b.id, status: 'POSTED' }]);
    // A session cannot cancel another account's transfer: it does not exist for it.
    const cancel = (await gateway.graphql(CANCEL, { token: sessionB, variables: { input: { outboundTransfer: a.id } } })).data!.cancelOutboundTransfer;
    expect(cancel.userErrors).toEqual([expect.objectContaining({ code: 'resource_missing' })]);
  });
});
