// OutboundPayments through the real server: each destination kind (a saved
// payment method, a bank account given inline, another account's financial
// account over Stripe's network), each transition with its ledger read back
// through GraphQL, every one of Stripe's checks as a user error that writes
// nothing, idempotent replays, scope, reads, the events, and the posting over
// Stripe's network that happens by itself after the request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { graphql } from './gql/index.ts';
import type { CreateOutboundPaymentInput } from './gql/graphql.ts';
import { startGateway, type TestGateway } from './support/gateway.ts';
import {
  createAccountSession,
  createConnectedAccount,
  createFinancialAccount,
  createPaymentMethod,
  createPlatform,
  fundFinancialAccount,
} from './support/fixtures.ts';
import { databaseSnapshot } from './support/db-snapshot.ts';
import { subscribeWs, wsClient } from './support/live.ts';
import { ObservedBus } from './support/observed-bus.ts';
import type { Viewer } from '../src/domain/viewer.ts';

graphql(`
  fragment ObpFields on OutboundPayment {
    id amount cancelable created currency customer description destinationPaymentMethod expectedArrivalDate livemode metadata
    statementDescriptor status hostedRegulatoryReceiptUrl
    endUserDetails { present ipAddress }
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
      flowDetails { __typename ... on OutboundPayment { id status } }
    }
  }
`);

const CREATE = graphql(`
  mutation ObpCreate($input: CreateOutboundPaymentInput!) {
    createOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }
  }
`);
const CANCEL = graphql(`
  mutation ObpCancel($input: CancelOutboundPaymentInput!) {
    cancelOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }
  }
`);
const POST = graphql(`
  mutation ObpPost($input: PostOutboundPaymentInput!) {
    postOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }
  }
`);
const FAIL = graphql(`
  mutation ObpFail($input: FailOutboundPaymentInput!) {
    failOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }
  }
`);
const RETURN = graphql(`
  mutation ObpReturn($input: ReturnOutboundPaymentInput!) {
    returnOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }
  }
`);
const UPDATE = graphql(`
  mutation ObpUpdate($input: UpdateOutboundPaymentInput!) {
    updateOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }
  }
`);
const BALANCE = graphql(`
  query ObpBalance($id: ID!) {
    financialAccount(id: $id) { id balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } } }
  }
`);
const READ = graphql(`query ObpRead($id: ID!) { outboundPayment(id: $id) { ...ObpFields } }`);
const NODE = graphql(`query ObpNode($id: ID!) { node(id: $id) { __typename id ... on OutboundPayment { status } } }`);
const LIST = graphql(`
  query ObpList($fa: ID!, $filter: OutboundPaymentFilter) {
    financialAccount(id: $fa) { outboundPayments(first: 20, filter: $filter) { nodes { id status customer } } }
  }
`);
const RECEIVED = graphql(`
  query ObpReceived($fa: ID!) {
    financialAccount(id: $fa) {
      receivedCredits(first: 5, filter: { linkedFlows: { sourceFlowType: OUTBOUND_PAYMENT } }) {
        nodes {
          id amount network status
          initiatingPaymentMethodDetails { type financialAccount { id network } }
          linkedFlows { sourceFlow sourceFlowType sourceFlowDetails { __typename ... on OutboundPayment { id status } } }
          transaction { status amount }
        }
      }
    }
  }
`);
const EVENTS = graphql(`
  query ObpEvents($types: [EventType!]) { events(first: 50, filter: { types: $types }) { nodes { id type objectId data } } }
`);
const BALANCE_UPDATED = graphql(`
  subscription ObpBalanceUpdated($fa: ID!) {
    financialAccountBalanceUpdated(financialAccount: $fa) {
      transaction { flow flowType status }
      balance { cash { amount } outboundPending { amount } }
    }
  }
`);
const REPLAY = graphql(`
  subscription ObpReplay($after: ID) { events(types: [TREASURY_OUTBOUND_PAYMENT_CREATED, TREASURY_OUTBOUND_PAYMENT_POSTED], after: $after) { id type } }
`);

let gateway: TestGateway;
let p: { platformId: string; secretKey: string };
let live: { platformId: string; secretKey: string };
let accountA: string;
let accountB: string;
let sessionB: string;
let pmA: string;
let pmB: string;

const PAYMENT_FEATURES = ['financial_addresses_aba', 'outbound_payments_ach', 'outbound_payments_us_domestic_wire', 'intra_stripe_flows'] as const;
type Features = NonNullable<Parameters<typeof createFinancialAccount>[2]>['features'];

const token = () => p.secretKey;
const platform = (): Viewer => ({ platformId: p.platformId, livemode: false, accountId: null, credential: 'secret_key', credentialId: 't', expiresAt: null });

async function newAccount(features: Features = [...PAYMENT_FEATURES], fund = 10_000n, accountId = accountA, world = gateway) {
  const fa = await createFinancialAccount(world, { platformId: p.platformId, accountId }, { features });
  if (fund > 0n) await fundFinancialAccount(world, fa, fund);
  return fa;
}

async function balance(id: string, world = gateway) {
  const res = await world.graphql(BALANCE, { token: token(), variables: { id } });
  const b = res.data!.financialAccount!.balance;
  return { cash: b.cash[0].amount, inboundPending: b.inboundPending[0].amount, outboundPending: b.outboundPending[0].amount };
}

async function create(input: CreateOutboundPaymentInput, t = token(), world = gateway) {
  const res = await world.graphql(CREATE, { token: t, variables: { input } });
  expect(res.errors).toBeUndefined();
  return res.data!.createOutboundPayment;
}

async function created(input: CreateOutboundPaymentInput, world = gateway) {
  const payload = await create(input, token(), world);
  expect(payload.userErrors).toEqual([]);
  return payload.outboundPayment!;
}

async function step(doc: unknown, input: Record<string, unknown>, t = token()) {
  const res = await gateway.graphql(doc as typeof POST, { token: t, variables: { input: input as never } });
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0] as any;
}

const toPm = (fa: string, amount: number, extra: Partial<CreateOutboundPaymentInput> = {}): CreateOutboundPaymentInput => ({
  financialAccount: fa,
  amount,
  currency: 'usd',
  destinationPaymentMethod: pmA,
  ...extra,
});

const BANK = { routingNumber: '110000000', accountNumber: '000999888777', accountHolderType: 'INDIVIDUAL' as const };
const toBank = (fa: string, amount: number, extra: Partial<CreateOutboundPaymentInput> = {}): CreateOutboundPaymentInput => ({
  financialAccount: fa,
  amount,
  currency: 'usd',
  destinationPaymentMethodData: { type: 'US_BANK_ACCOUNT', usBankAccount: BANK, billingDetails: { name: 'Ada Lovelace', email: 'ada@example.com' } },
  ...extra,
});

const toAccount = (fa: string, destination: string, amount: number, extra: Partial<CreateOutboundPaymentInput> = {}): CreateOutboundPaymentInput => ({
  financialAccount: fa,
  amount,
  currency: 'usd',
  destinationPaymentMethodData: { type: 'FINANCIAL_ACCOUNT', financialAccount: destination },
  ...extra,
});

beforeAll(async () => {
  // Payments over Stripe's network post by themselves after an hour here: the tests post them when they choose.
  gateway = await startGateway({ featureActivationSweepMs: 3_600_000, stripeNetworkPostingDelayMs: 3_600_000, maxOpenFinancialAccountsPerAccount: 100 });
  p = await createPlatform(gateway, { name: 'Obp Platform' });
  live = await createPlatform(gateway, { name: 'Obp Live', livemode: true });
  accountA = (await createConnectedAccount(gateway, p.platformId, { displayName: 'Obp A' })).id;
  accountB = (await createConnectedAccount(gateway, p.platformId, { displayName: 'Obp B' })).id;
  sessionB = await createAccountSession(gateway, p.platformId, accountB);
  pmA = (await createPaymentMethod(gateway, { platformId: p.platformId, accountId: accountA }, { name: 'Jane Austen', accountNumber: '000123456789' })).id;
  pmB = (await createPaymentMethod(gateway, { platformId: p.platformId, accountId: accountB })).id;
});

afterAll(() => gateway?.stop());

describe('createOutboundPayment to a saved payment method, then post', () => {
  it('holds the amount in outbound pending on an open transaction, then posts it out, with its events', async () => {
    const fa = await newAccount();
    const payment = await created(
      toPm(fa.id, 3_000, {
        description: 'Invoice 7',
        statementDescriptor: 'ACME',
        metadata: { ref: 'r1' },
        customer: 'cus_Jane1',
        endUserDetails: { present: true, ipAddress: '203.0.113.7' },
      }),
    );
    expect(payment).toMatchObject({
      amount: 3000,
      cancelable: true,
      currency: 'usd',
      customer: 'cus_Jane1',
      description: 'Invoice 7',
      destinationPaymentMethod: pmA,
      livemode: false,
      metadata: { ref: 'r1' },
      statementDescriptor: 'ACME',
      status: 'PROCESSING',
      hostedRegulatoryReceiptUrl: null,
      endUserDetails: { present: true, ipAddress: '203.0.113.7' },
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
        flow: payment.id,
        flowType: 'OUTBOUND_PAYMENT',
        statusTransitions: { postedAt: null, voidAt: null },
        balanceImpact: { cash: -3000, inboundPending: 0, outboundPending: 3000 },
        entries: { nodes: [{ type: 'OUTBOUND_PAYMENT', flowType: 'OUTBOUND_PAYMENT', balanceImpact: { cash: -3000, inboundPending: 0, outboundPending: 3000 } }] },
        flowDetails: { __typename: 'OutboundPayment', id: payment.id, status: 'PROCESSING' },
      },
    });
    expect(payment.id).toMatch(/^obp_/);
    expect(new Date(payment.expectedArrivalDate).getTime()).toBeGreaterThan(new Date(payment.created).getTime());
    expect(await balance(fa.id)).toEqual({ cash: 7000, inboundPending: 0, outboundPending: 3000 });

    const posted = await step(POST, { outboundPayment: payment.id });
    expect(posted.userErrors).toEqual([]);
    expect(posted.outboundPayment).toMatchObject({
      status: 'POSTED',
      cancelable: false,
      transaction: { status: 'POSTED', balanceImpact: { cash: -3000, inboundPending: 0, outboundPending: 0 } },
    });
    expect(posted.outboundPayment.transaction.entries.nodes).toEqual([
      { type: 'OUTBOUND_PAYMENT', flowType: 'OUTBOUND_PAYMENT', balanceImpact: { cash: -3000, inboundPending: 0, outboundPending: 3000 } },
      { type: 'OUTBOUND_PAYMENT_POSTING', flowType: 'OUTBOUND_PAYMENT', balanceImpact: { cash: 0, inboundPending: 0, outboundPending: -3000 } },
    ].reverse());
    expect(posted.outboundPayment.statusTransitions.postedAt).not.toBeNull();
    expect(await balance(fa.id)).toEqual({ cash: 7000, inboundPending: 0, outboundPending: 0 });

    const events = (await gateway.graphql(EVENTS, {
      token: token(),
      variables: { types: ['TREASURY_OUTBOUND_PAYMENT_CREATED', 'TREASURY_OUTBOUND_PAYMENT_POSTED'] },
    })).data!.events.nodes.filter((e) => e.objectId === payment.id);
    expect(events.map((e) => e.type)).toEqual(['TREASURY_OUTBOUND_PAYMENT_POSTED', 'TREASURY_OUTBOUND_PAYMENT_CREATED']);
    expect((events[1].data as { object: unknown }).object).toEqual({
      id: payment.id,
      object: 'treasury.outbound_payment',
      amount: 3000,
      cancelable: true,
      created: Math.floor(new Date(payment.created).getTime() / 1000),
      currency: 'usd',
      customer: 'cus_Jane1',
      description: 'Invoice 7',
      destination_payment_method: pmA,
      destination_payment_method_details: {
        type: 'us_bank_account',
        billing_details: { name: 'Jane Austen', email: null, address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null } },
        us_bank_account: {
          account_holder_type: 'company',
          account_type: 'checking',
          bank_name: 'STRIPE TEST BANK',
          fingerprint: payment.destinationPaymentMethodDetails.usBankAccount!.fingerprint,
          last4: '6789',
          network: 'ach',
          routing_number: '110000000',
        },
        financial_account: null,
      },
      end_user_details: { ip_address: '203.0.113.7', present: true },
      expected_arrival_date: Math.floor(new Date(payment.expectedArrivalDate).getTime() / 1000),
      financial_account: fa.id,
      hosted_regulatory_receipt_url: null,
      livemode: false,
      metadata: { ref: 'r1' },
      returned_details: null,
      statement_descriptor: 'ACME',
      status: 'processing',
      status_transitions: { canceled_at: null, failed_at: null, posted_at: null, returned_at: null },
      tracking_details: null,
      transaction: payment.transaction.id,
    });
    expect((events[0].data as { object: unknown }).object).toMatchObject({ status: 'posted', cancelable: false });
    const rows = await gateway.db.prisma.event.findMany({ where: { objectId: payment.id } });
    for (const row of rows) expect(row.financialAccountIds).toEqual([fa.id]);
    // Each change's balance, as the gateway's own event, in the same transaction.
    const balanceEvents = await gateway.db.prisma.event.findMany({
      where: { type: 'treasury.financial_account.balance_updated', objectId: fa.id },
      orderBy: { sequence: 'asc' },
    });
    expect(balanceEvents.slice(-2).map((e) => (e.data as { transaction: string }).transaction)).toEqual([payment.transaction.id, payment.transaction.id]);
  });
});

describe('a bank account given inline', () => {
  it('checks the numbers and the holder as a payment method would, keeps no full number visible, and pays over a wire', async () => {
    const fa = await newAccount();
    const payment = await created(toBank(fa.id, 1_500, { destinationPaymentMethodOptions: { usBankAccount: { network: 'US_DOMESTIC_WIRE' } } }));
    expect(payment).toMatchObject({
      status: 'PROCESSING',
      destinationPaymentMethod: null,
      statementDescriptor: 'payment',
      customer: null,
      endUserDetails: { present: false, ipAddress: null },
      destinationPaymentMethodDetails: {
        type: 'US_BANK_ACCOUNT',
        billingDetails: { name: 'Ada Lovelace', email: 'ada@example.com' },
        usBankAccount: { accountHolderType: 'INDIVIDUAL', accountType: 'CHECKING', bankName: 'STRIPE TEST BANK', last4: '8777', network: 'US_DOMESTIC_WIRE', routingNumber: '110000000' },
      },
    });
    const event = await gateway.db.prisma.event.findFirst({ where: { objectId: payment.id } });
    expect(JSON.stringify(event!.data)).not.toContain('000999888777');
    // The same numbers again: the same fingerprint.
    const again = await created(toBank(fa.id, 100));
    expect(again.destinationPaymentMethodDetails.usBankAccount!.fingerprint).toBe(payment.destinationPaymentMethodDetails.usBankAccount!.fingerprint);
    expect(await balance(fa.id)).toEqual({ cash: 8_400, inboundPending: 0, outboundPending: 1_600 });
  });
});

describe('the other transitions and their ledger', () => {
  it('cancel gives the hold back to cash and voids the transaction; only once', async () => {
    const fa = await newAccount();
    const payment = await created(toPm(fa.id, 2_500));
    const canceled = await step(CANCEL, { outboundPayment: payment.id });
    expect(canceled.userErrors).toEqual([]);
    expect(canceled.outboundPayment).toMatchObject({
      status: 'CANCELED',
      cancelable: false,
      transaction: { status: 'VOID', balanceImpact: { cash: 0, inboundPending: 0, outboundPending: 0 } },
    });
    expect(canceled.outboundPayment.transaction.entries.nodes.map((e: { type: string }) => e.type).sort()).toEqual(['OUTBOUND_PAYMENT', 'OUTBOUND_PAYMENT_CANCELLATION']);
    expect(canceled.outboundPayment.statusTransitions.canceledAt).not.toBeNull();
    expect(canceled.outboundPayment.transaction.statusTransitions.voidAt).not.toBeNull();
    expect(await balance(fa.id)).toEqual({ cash: 10_000, inboundPending: 0, outboundPending: 0 });

    const before = await databaseSnapshot(gateway.db);
    for (const doc of [CANCEL, POST, FAIL, RETURN] as const) {
      const payload = await step(doc, { outboundPayment: payment.id });
      expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'invalid_status_transition', field: ['input', 'outboundPayment'] })]);
    }
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });

  it('fail gives the hold back to cash and voids the transaction', async () => {
    const fa = await newAccount();
    const payment = await created(toBank(fa.id, 1_000));
    const failed = await step(FAIL, { outboundPayment: payment.id });
    expect(failed.userErrors).toEqual([]);
    expect(failed.outboundPayment).toMatchObject({ status: 'FAILED', transaction: { status: 'VOID', balanceImpact: { cash: 0, outboundPending: 0 } } });
    expect(failed.outboundPayment.transaction.entries.nodes.map((e: { type: string }) => e.type).sort()).toEqual(['OUTBOUND_PAYMENT', 'OUTBOUND_PAYMENT_FAILURE']);
    expect(failed.outboundPayment.statusTransitions.failedAt).not.toBeNull();
    expect(await balance(fa.id)).toEqual({ cash: 10_000, inboundPending: 0, outboundPending: 0 });
    const event = await gateway.db.prisma.event.findFirst({ where: { objectId: payment.id, type: 'treasury.outbound_payment.failed' } });
    expect((event!.data as { object: { status: string } }).object.status).toBe('failed');
  });

  it('a return after posting credits cash through a second, posted transaction, with Stripe\'s code', async () => {
    const fa = await newAccount();
    const payment = await created(toPm(fa.id, 4_000));
    await step(POST, { outboundPayment: payment.id });
    expect(await balance(fa.id)).toEqual({ cash: 6_000, inboundPending: 0, outboundPending: 0 });
    const returned = await step(RETURN, { outboundPayment: payment.id, returnedDetails: { code: 'NO_ACCOUNT' } });
    expect(returned.userErrors).toEqual([]);
    expect(returned.outboundPayment).toMatchObject({
      status: 'RETURNED',
      transaction: { status: 'POSTED', balanceImpact: { cash: -4000, outboundPending: 0 } },
      returnedDetails: {
        code: 'NO_ACCOUNT',
        transaction: {
          amount: 4000,
          status: 'POSTED',
          flow: payment.id,
          flowType: 'OUTBOUND_PAYMENT',
          entries: { nodes: [{ type: 'OUTBOUND_PAYMENT_RETURN', balanceImpact: { cash: 4000, outboundPending: 0 } }] },
        },
      },
    });
    expect(returned.outboundPayment.returnedDetails.transaction.id).not.toBe(payment.transaction.id);
    expect(returned.outboundPayment.statusTransitions.returnedAt).not.toBeNull();
    expect(await balance(fa.id)).toEqual({ cash: 10_000, inboundPending: 0, outboundPending: 0 });
    const event = await gateway.db.prisma.event.findFirst({ where: { objectId: payment.id, type: 'treasury.outbound_payment.returned' } });
    expect((event!.data as { object: unknown }).object).toMatchObject({
      status: 'returned',
      returned_details: { code: 'no_account', transaction: returned.outboundPayment.returnedDetails.transaction.id },
    });
  });

  it('a return of a processing payment posts it and credits the money back (default code DECLINED)', async () => {
    const fa = await newAccount();
    const payment = await created(toBank(fa.id, 500));
    const returned = await step(RETURN, { outboundPayment: payment.id });
    expect(returned.outboundPayment).toMatchObject({ status: 'RETURNED', returnedDetails: { code: 'DECLINED' }, transaction: { status: 'POSTED' } });
    expect(returned.outboundPayment.transaction.entries.nodes.map((e: { type: string }) => e.type).sort()).toEqual(['OUTBOUND_PAYMENT', 'OUTBOUND_PAYMENT_POSTING']);
    expect(returned.outboundPayment.statusTransitions.postedAt).not.toBeNull();
    expect(await balance(fa.id)).toEqual({ cash: 10_000, inboundPending: 0, outboundPending: 0 });
  });

  it('tracking details come once the network has the payment, in its network\'s terms', async () => {
    const fa = await newAccount();
    const ach = await created(toPm(fa.id, 100));
    const early = await step(UPDATE, { outboundPayment: ach.id, trackingDetails: { type: 'ACH', ach: { traceId: 'T1' } } });
    expect(early.userErrors).toEqual([expect.objectContaining({ code: 'invalid_status_transition' })]);
    await step(POST, { outboundPayment: ach.id });
    const wrongType = await step(UPDATE, { outboundPayment: ach.id, trackingDetails: { type: 'US_DOMESTIC_WIRE', usDomesticWire: { imad: 'I' } } });
    expect(wrongType.userErrors).toEqual([expect.objectContaining({ code: 'parameter_invalid', field: ['input', 'trackingDetails', 'type'] })]);
    const tracked = await step(UPDATE, { outboundPayment: ach.id, trackingDetails: { type: 'ACH', ach: { traceId: 'T1' } } });
    expect(tracked.userErrors).toEqual([]);
    expect(tracked.outboundPayment.trackingDetails).toEqual({ type: 'ACH', ach: { traceId: 'T1' }, usDomesticWire: null });
    const event = await gateway.db.prisma.event.findFirst({ where: { objectId: ach.id, type: 'treasury.outbound_payment.tracking_details_updated' } });
    expect((event!.data as { object: { tracking_details: unknown } }).object.tracking_details).toEqual({ type: 'ach', ach: { trace_id: 'T1' }, us_domestic_wire: null });
  });
});

describe('to another account\'s financial account over Stripe\'s network', () => {
  it('holds, then posts by itself after the request: the money arrives as a ReceivedCredit linked to the payment', async () => {
    const from = await newAccount();
    const to = await newAccount([...PAYMENT_FEATURES], 0n, accountB);
    const payment = await created(toAccount(from.id, to.id, 1_234, { statementDescriptor: 'A'.repeat(500) }));
    expect(payment).toMatchObject({
      status: 'PROCESSING',
      cancelable: true,
      destinationPaymentMethod: null,
      destinationPaymentMethodDetails: { type: 'FINANCIAL_ACCOUNT', financialAccount: { id: to.id, network: 'STRIPE' }, usBankAccount: null },
      transaction: { status: 'OPEN', balanceImpact: { cash: -1234, outboundPending: 1234 } },
    });
    // Stripe's network posts the same day: the expected arrival is the creation day's end at the latest.
    expect(new Date(payment.expectedArrivalDate).getTime() - new Date(payment.created).getTime()).toBeLessThanOrEqual(4 * 24 * 3600_000);
    expect(await balance(to.id)).toEqual({ cash: 0, inboundPending: 0, outboundPending: 0 });

    await gateway.server.services.stripeNetworkPoster.post(payment.id);
    const read = (await gateway.graphql(READ, { token: token(), variables: { id: payment.id } })).data!.outboundPayment!;
    expect(read).toMatchObject({ status: 'POSTED', cancelable: false, transaction: { status: 'POSTED', balanceImpact: { cash: -1234, outboundPending: 0 } } });
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
        linkedFlows: { sourceFlow: payment.id, sourceFlowType: 'OUTBOUND_PAYMENT', sourceFlowDetails: { __typename: 'OutboundPayment', id: payment.id, status: 'POSTED' } },
        transaction: { status: 'POSTED', amount: 1234 },
      },
    ]);
    // The payee sees its credit, and of the payment only its id: the payment is the payer's.
    const sessionCredits = (await gateway.graphql(RECEIVED, { token: sessionB, variables: { fa: to.id } })).data!.financialAccount!.receivedCredits.nodes;
    expect(sessionCredits[0].linkedFlows).toEqual({ sourceFlow: payment.id, sourceFlowType: 'OUTBOUND_PAYMENT', sourceFlowDetails: null });
    expect((await gateway.graphql(READ, { token: sessionB, variables: { id: payment.id } })).data!.outboundPayment).toBeNull();

    // Posting again does nothing; the network cannot return it; it has no ACH or wire tracking.
    const before = await databaseSnapshot(gateway.db);
    await gateway.server.services.stripeNetworkPoster.post(payment.id);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
    const back = await step(RETURN, { outboundPayment: payment.id });
    expect(back.userErrors).toEqual([expect.objectContaining({ code: 'invalid_status_transition' })]);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });

  it('the test helper posts it too; canceled first, it never arrives; a destination closed meanwhile fails it', async () => {
    const from = await newAccount();
    const to = await newAccount([...PAYMENT_FEATURES], 0n, accountB);
    const byHelper = await created(toAccount(from.id, to.id, 100));
    const posted = await step(POST, { outboundPayment: byHelper.id });
    expect(posted.outboundPayment.status).toBe('POSTED');
    expect(await balance(to.id)).toMatchObject({ cash: 100 });

    const canceled = await created(toAccount(from.id, to.id, 200));
    expect((await step(CANCEL, { outboundPayment: canceled.id })).outboundPayment.status).toBe('CANCELED');
    await gateway.server.services.stripeNetworkPoster.post(canceled.id);
    expect(await balance(to.id)).toMatchObject({ cash: 100 });

    const closing = await newAccount([...PAYMENT_FEATURES], 0n, accountB);
    const undeliverable = await created(toAccount(from.id, closing.id, 300));
    await gateway.server.services.financialAccounts.close(platform(), { financialAccount: closing.id });
    await gateway.server.services.stripeNetworkPoster.post(undeliverable.id);
    const read = (await gateway.graphql(READ, { token: token(), variables: { id: undeliverable.id } })).data!.outboundPayment!;
    expect(read).toMatchObject({ status: 'FAILED', transaction: { status: 'VOID' } });
    expect(await balance(from.id)).toEqual({ cash: 10_000 - 100, inboundPending: 0, outboundPending: 0 });
    expect(await gateway.db.prisma.receivedCredit.count({ where: { financialAccountId: closing.id } })).toBe(0);
  });

  it('posts by itself shortly after the request, seen live by the balance subscription and by events with replay', async () => {
    const bus = new ObservedBus();
    const quick = await startGateway({ featureActivationSweepMs: 3_600_000, stripeNetworkPostingDelayMs: 50, eventBus: bus });
    const clients: Client[] = [];
    try {
      const q = await createPlatform(quick, { name: 'Quick' });
      const a = (await createConnectedAccount(quick, q.platformId)).id;
      const b = (await createConnectedAccount(quick, q.platformId)).id;
      const from = await createFinancialAccount(quick, { platformId: q.platformId, accountId: a }, { features: [...PAYMENT_FEATURES] });
      const to = await createFinancialAccount(quick, { platformId: q.platformId, accountId: b }, { features: [...PAYMENT_FEATURES] });
      const funding = await fundFinancialAccount(quick, from, 5_000n);
      const started = bus.startedFor(q.platformId);
      const client = wsClient(quick.url, q.secretKey);
      clients.push(client);
      const balanceSub = await subscribeWs(client, BALANCE_UPDATED, { fa: from.id });
      await bus.until(() => bus.startedFor(q.platformId) > started, 'the balance subscription to go live');

      const res = await quick.graphql(CREATE, { token: q.secretKey, variables: { input: toAccount(from.id, to.id, 700) } });
      const payment = res.data!.createOutboundPayment.outboundPayment!;
      expect(payment.status).toBe('PROCESSING');
      const first = (await balanceSub.next()).data!.financialAccountBalanceUpdated;
      const second = (await balanceSub.next()).data!.financialAccountBalanceUpdated;
      expect([first, second]).toEqual([
        { transaction: { flow: payment.id, flowType: 'OUTBOUND_PAYMENT', status: 'OPEN' }, balance: { cash: [{ amount: 4300 }], outboundPending: [{ amount: 700 }] } },
        { transaction: { flow: payment.id, flowType: 'OUTBOUND_PAYMENT', status: 'POSTED' }, balance: { cash: [{ amount: 4300 }], outboundPending: [{ amount: 0 }] } },
      ]);
      const read = (await quick.graphql(READ, { token: q.secretKey, variables: { id: payment.id } })).data!.outboundPayment!;
      expect(read.status).toBe('POSTED');
      expect(await gateway.db.prisma.receivedCredit.count({ where: { financialAccountId: to.id } })).toBe(0);
      expect(await quick.db.prisma.receivedCredit.count({ where: { financialAccountId: to.id, sourceFlow: payment.id } })).toBe(1);

      // A client that reconnects from before the payment replays both of its events.
      const replayClient = wsClient(quick.url, q.secretKey);
      clients.push(replayClient);
      const fundingEvent = await quick.db.prisma.event.findFirst({ where: { objectId: funding, type: 'treasury.received_credit.succeeded' } });
      const replay = await subscribeWs(replayClient, REPLAY, { after: fundingEvent!.id });
      const replayed = [(await replay.next()).data!.events, (await replay.next()).data!.events];
      expect(replayed.map((e) => e.type)).toEqual(['TREASURY_OUTBOUND_PAYMENT_CREATED', 'TREASURY_OUTBOUND_PAYMENT_POSTED']);
    } finally {
      for (const client of clients) await client.dispose();
      await quick.stop();
    }
  });
});

const ctx = { fa: '', noPayments: '', foreignFa: '', sameOwnerFa: '', restrictedFa: '', closedFa: '', cannotReceive: '', platformFa: '' };
beforeAll(async () => {
  ctx.fa = (await newAccount()).id;
  ctx.noPayments = (await newAccount(['financial_addresses_aba', 'outbound_transfers_ach'])).id;
  ctx.foreignFa = (await newAccount([...PAYMENT_FEATURES], 0n, accountB)).id;
  ctx.sameOwnerFa = (await newAccount([...PAYMENT_FEATURES], 0n)).id;
  ctx.cannotReceive = (await newAccount(['financial_addresses_aba'], 0n, accountB)).id;
  const restricted = await newAccount();
  await gateway.server.services.financialAccounts.update(platform(), { financialAccount: restricted.id, platformRestrictions: { outboundFlows: 'restricted' } });
  ctx.restrictedFa = restricted.id;
  ctx.closedFa = (await createFinancialAccount(gateway, { platformId: p.platformId, accountId: accountA }, { status: 'closed', features: [...PAYMENT_FEATURES] })).id;
  const own = await createFinancialAccount(gateway, { platformId: p.platformId, accountId: p.platformId }, { features: [...PAYMENT_FEATURES] });
  await fundFinancialAccount(gateway, own, 5_000n);
  ctx.platformFa = own.id;
});

describe('Stripe\'s checks: a user error, and nothing written', () => {
  const bankData = (usBankAccount: Record<string, unknown>, billingDetails: Record<string, unknown> = { name: 'Ada' }) => ({
    destinationPaymentMethod: undefined,
    destinationPaymentMethodData: { type: 'US_BANK_ACCOUNT' as const, usBankAccount, billingDetails },
  });
  it.each([
    ['not enough cash', () => toPm(ctx.fa, 10_001), 'balance_insufficient', ['input', 'amount']],
    ['a zero amount', () => toPm(ctx.fa, 0), 'amount_too_small', ['input', 'amount']],
    ['an amount over the limit', () => toPm(ctx.fa, 100_000_000), 'amount_too_large', ['input', 'amount']],
    ['an unsupported currency', () => ({ ...toPm(ctx.fa, 100), currency: 'eur' }), 'parameter_invalid', ['input', 'currency']],
    ['an ACH statement descriptor over 10 characters', () => toPm(ctx.fa, 100, { statementDescriptor: 'ELEVEN CHRS' }), 'parameter_invalid_string_too_long', ['input', 'statementDescriptor']],
    ['a statement descriptor over 500 characters over stripe', () => toAccount(ctx.fa, ctx.foreignFa, 100, { statementDescriptor: 'A'.repeat(501) }), 'parameter_invalid_string_too_long', ['input', 'statementDescriptor']],
    ['a statement descriptor with other characters', () => toPm(ctx.fa, 100, { statementDescriptor: 'a_b' }), 'invalid_characters', ['input', 'statementDescriptor']],
    ['ACH without outbound payments', () => toPm(ctx.noPayments, 100), 'feature_not_active', ['input', 'financialAccount']],
    ['a wire without its feature', () => toPm(ctx.noPayments, 100, { destinationPaymentMethodOptions: { usBankAccount: { network: 'US_DOMESTIC_WIRE' } } }), 'feature_not_active', ['input', 'financialAccount']],
    ['another account\'s payment method', () => toPm(ctx.fa, 100, { destinationPaymentMethod: pmB }), 'resource_missing', ['input', 'destinationPaymentMethod']],
    ['an unknown payment method', () => toPm(ctx.fa, 100, { destinationPaymentMethod: 'pm_000000000000000000000000' }), 'resource_missing', ['input', 'destinationPaymentMethod']],
    ['no destination', () => ({ financialAccount: ctx.fa, amount: 100, currency: 'usd' }), 'parameter_missing', ['input', 'destinationPaymentMethod']],
    ['both destinations', () => toBank(ctx.fa, 100, { destinationPaymentMethod: pmA }), 'parameter_invalid', ['input', 'destinationPaymentMethodData']],
    ['an unknown financial account', () => toPm('fa_000000000000000000000000', 100), 'resource_missing', ['input', 'financialAccount']],
    ['a routing number with a bad check digit', () => toPm(ctx.fa, 100, bankData({ routingNumber: '110000001', accountNumber: '000123456789' })), 'routing_number_invalid', ['input', 'destinationPaymentMethodData', 'usBankAccount', 'routingNumber']],
    ['an account number of 3 digits', () => toPm(ctx.fa, 100, bankData({ routingNumber: '110000000', accountNumber: '123' })), 'account_number_invalid', ['input', 'destinationPaymentMethodData', 'usBankAccount', 'accountNumber']],
    ['a bank account without its holder\'s name', () => toPm(ctx.fa, 100, bankData({ routingNumber: '110000000', accountNumber: '000123456789' }, {})), 'parameter_missing', ['input', 'destinationPaymentMethodData', 'billingDetails', 'name']],
    ['a bank account given without numbers', () => ({ financialAccount: ctx.fa, amount: 100, currency: 'usd', destinationPaymentMethodData: { type: 'US_BANK_ACCOUNT' as const } }), 'parameter_missing', ['input', 'destinationPaymentMethodData', 'usBankAccount']],
    ['a Financial Connections account', () => toPm(ctx.fa, 100, bankData({ financialConnectionsAccount: 'fca_123' })), 'resource_missing', ['input', 'destinationPaymentMethodData', 'usBankAccount', 'financialConnectionsAccount']],
    ['an end user present without an IP address', () => toPm(ctx.fa, 100, { endUserDetails: { present: true } }), 'parameter_missing', ['input', 'endUserDetails', 'ipAddress']],
    ['an end user with a malformed IP address', () => toPm(ctx.fa, 100, { endUserDetails: { present: true, ipAddress: '300.1.1.1' } }), 'parameter_invalid', ['input', 'endUserDetails', 'ipAddress']],
    ['an IP address with no end user present', () => toPm(ctx.fa, 100, { endUserDetails: { present: false, ipAddress: '203.0.113.7' } }), 'parameter_invalid', ['input', 'endUserDetails', 'ipAddress']],
    ['a customer that is not a customer id', () => toPm(ctx.fa, 100, { customer: 'acct_123' }), 'resource_missing', ['input', 'customer']],
    ['a financial account of the same owner (an OutboundTransfer\'s job)', () => toAccount(ctx.fa, ctx.sameOwnerFa, 100), 'parameter_invalid', ['input', 'destinationPaymentMethodData', 'financialAccount']],
    ['a financial account of another platform', () => toAccount(ctx.fa, 'fa_000000000000000000000000', 100), 'resource_missing', ['input', 'destinationPaymentMethodData', 'financialAccount']],
    ['a destination that cannot receive over stripe', () => toAccount(ctx.fa, ctx.cannotReceive, 100), 'feature_not_active', ['input', 'destinationPaymentMethodData', 'financialAccount']],
    ['network options for a financial account', () => toAccount(ctx.fa, ctx.foreignFa, 100, { destinationPaymentMethodOptions: { usBankAccount: { network: 'ACH' } } }), 'parameter_invalid', ['input', 'destinationPaymentMethodOptions', 'usBankAccount']],
    ['a restricted account', () => toPm(ctx.restrictedFa, 100), 'restricted_by_platform', ['input', 'financialAccount']],
    ['a closed account', () => toPm(ctx.closedFa, 100), 'financial_account_closed', ['input', 'financialAccount']],
    ['the platform\'s own account to a payment method', () => toPm(ctx.platformFa, 100), 'parameter_not_allowed', ['input', 'destinationPaymentMethod']],
    ['the platform\'s own account to another account\'s financial account', () => toAccount(ctx.platformFa, ctx.foreignFa, 100), 'parameter_not_allowed', ['input', 'destinationPaymentMethodData']],
  ] as const)('%s', async (_name, input, code, field) => {
    const before = await databaseSnapshot(gateway.db);
    const payload = await create(input() as CreateOutboundPaymentInput);
    expect(payload.outboundPayment).toBeNull();
    expect(payload.userErrors).toEqual([expect.objectContaining({ code, field })]);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });

  it('test helpers only in test mode', async () => {
    const before = await databaseSnapshot(gateway.db);
    for (const doc of [POST, FAIL, RETURN] as const) {
      const res = await gateway.graphql(doc as typeof POST, { token: live.secretKey, variables: { input: { outboundPayment: 'obp_000000000000000000000000' } } });
      const payload = Object.values(res.data!)[0] as { userErrors: Array<{ code: string }> };
      expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'test_mode_only' })]);
    }
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });
});

describe('idempotency, scope, reads', () => {
  it('a replay moves no money twice; the same key with another input is refused; helpers replay too', async () => {
    const fa = await newAccount();
    const first = await created(toBank(fa.id, 700, { idempotencyKey: 'obp-key-1' }));
    const before = await databaseSnapshot(gateway.db);
    const again = await created(toBank(fa.id, 700, { idempotencyKey: 'obp-key-1' }));
    expect(again.id).toBe(first.id);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
    expect(await balance(fa.id)).toEqual({ cash: 9_300, inboundPending: 0, outboundPending: 700 });
    const other = await create(toBank(fa.id, 701, { idempotencyKey: 'obp-key-1' }));
    expect(other.userErrors).toEqual([expect.objectContaining({ code: 'idempotency_key_in_use', field: ['input', 'idempotencyKey'] })]);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);

    const ret1 = await step(RETURN, { outboundPayment: first.id, idempotencyKey: 'obp-return-1' });
    expect(ret1.userErrors).toEqual([]);
    const afterReturn = await databaseSnapshot(gateway.db);
    const ret2 = await step(RETURN, { outboundPayment: first.id, idempotencyKey: 'obp-return-1' });
    expect(ret2.userErrors).toEqual([]);
    expect(ret2.outboundPayment.status).toBe('RETURNED');
    expect(await databaseSnapshot(gateway.db)).toEqual(afterReturn);
  });

  it('another account\'s session sees null; node and the filtered list find it', async () => {
    const fa = await newAccount();
    const a = await created(toPm(fa.id, 100, { customer: 'cus_One' }));
    const b = await created(toBank(fa.id, 200, { customer: 'cus_Two' }));
    await step(POST, { outboundPayment: b.id });
    expect((await gateway.graphql(READ, { token: sessionB, variables: { id: a.id } })).data!.outboundPayment).toBeNull();
    expect((await gateway.graphql(NODE, { token: sessionB, variables: { id: a.id } })).data!.node).toBeNull();
    const sessionA = await createAccountSession(gateway, p.platformId, accountA);
    expect((await gateway.graphql(READ, { token: sessionA, variables: { id: a.id } })).data!.outboundPayment!.id).toBe(a.id);
    expect((await gateway.graphql(NODE, { token: token(), variables: { id: a.id } })).data!.node).toEqual({ __typename: 'OutboundPayment', id: a.id, status: 'PROCESSING' });
    const listed = await gateway.graphql(LIST, { token: token(), variables: { fa: fa.id } });
    expect(listed.extensions?.cost?.requested).toBe(22);
    expect(listed.data!.financialAccount!.outboundPayments.nodes.map((n) => n.id)).toEqual([b.id, a.id]);
    const list = async (filter: Record<string, unknown>) =>
      (await gateway.graphql(LIST, { token: token(), variables: { fa: fa.id, filter } })).data!.financialAccount!.outboundPayments.nodes.map((n) => n.id);
    expect(await list({ status: 'POSTED' })).toEqual([b.id]);
    expect(await list({ customer: 'cus_One' })).toEqual([a.id]);
    expect(await list({ created: { gt: b.created } })).toEqual([]);
    expect(await list({ created: { lte: b.created } })).toEqual([b.id, a.id]);
    const badRange = await gateway.graphql(LIST, { token: token(), variables: { fa: fa.id, filter: { created: { gt: b.created, gte: a.created } } } });
    expect(badRange.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    // A session cannot cancel another account's payment: it does not exist for it.
    const before = await databaseSnapshot(gateway.db);
    const cancel = await step(CANCEL, { outboundPayment: a.id }, sessionB);
    expect(cancel.userErrors).toEqual([expect.objectContaining({ code: 'resource_missing', field: ['input', 'outboundPayment'] })]);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });
});
