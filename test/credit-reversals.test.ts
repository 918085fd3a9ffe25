// CreditReversals through the real server: the ledger of creation and of the
// posting Stripe does by itself (driven here by the service's own post step, and
// asynchronously after the request on a second gateway), Stripe's rules of which
// received credits can be reversed as user errors that write nothing, idempotent
// replays, scope, the reads, and the events with their replay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.ts';
import type { CreateCreditReversalInput } from './gql/graphql.ts';
import { startGateway, type TestGateway } from './support/gateway.ts';
import {
  createAccountSession,
  createConnectedAccount,
  createFinancialAccount,
  createPaymentMethod,
  createPlatform,
  fundFinancialAccount,
  sendOutboundPaymentOverStripe,
  sendOutboundTransfer,
} from './support/fixtures.ts';
import { databaseSnapshot } from './support/db-snapshot.ts';
import { subscribeWs, wsClient } from './support/live.ts';
import { ObservedBus } from './support/observed-bus.ts';
import type { Viewer } from '../src/domain/viewer.ts';

graphql(`
  fragment CredrevFields on CreditReversal {
    id amount created currency hostedRegulatoryReceiptUrl livemode metadata network status
    financialAccount { id }
    receivedCredit { id linkedFlows { creditReversal creditReversalDetails { id } } reversalDetails { deadline restrictedReason } }
    statusTransitions { postedAt }
    transaction {
      id amount status flow flowType statusTransitions { postedAt }
      balanceImpact { cash inboundPending outboundPending }
      entries(first: 10) { nodes { type flowType balanceImpact { cash inboundPending outboundPending } flowDetails { __typename } } }
      flowDetails { __typename ... on CreditReversal { id status } }
    }
  }
`);

const CREATE = graphql(`
  mutation CredrevCreate($input: CreateCreditReversalInput!) {
    createCreditReversal(input: $input) { creditReversal { ...CredrevFields } userErrors { code message field } }
  }
`);
const READ = graphql(`query CredrevRead($id: ID!) { creditReversal(id: $id) { ...CredrevFields } }`);
const NODE = graphql(`query CredrevNode($id: ID!) { node(id: $id) { __typename id ... on CreditReversal { status } } }`);
const CREDIT = graphql(`
  query CredrevCredit($id: ID!) {
    receivedCredit(id: $id) { id network linkedFlows { creditReversal sourceFlowType } reversalDetails { deadline restrictedReason } }
  }
`);
const LIST = graphql(`
  query CredrevList($fa: ID!, $filter: CreditReversalFilter) {
    financialAccount(id: $fa) { creditReversals(first: 20, filter: $filter) { nodes { id status receivedCredit { id } } } }
  }
`);
const RECEIVED = graphql(`
  query CredrevReceived($fa: ID!) { financialAccount(id: $fa) { receivedCredits(first: 5) { nodes { id } } } }
`);
const BALANCE = graphql(`
  query CredrevBalance($id: ID!) {
    financialAccount(id: $id) { balance { cash { amount } inboundPending { amount } outboundPending { amount } } }
  }
`);
const EVENTS = graphql(`
  query CredrevEvents($types: [EventType!]) { events(first: 50, filter: { types: $types }) { nodes { id type objectId data } } }
`);
const BALANCE_UPDATED = graphql(`
  subscription CredrevBalanceUpdated($fa: ID!) {
    financialAccountBalanceUpdated(financialAccount: $fa) {
      transaction { id flowType }
      balance { cash { amount } outboundPending { amount } }
    }
  }
`);
const STREAM = graphql(`
  subscription CredrevStream($after: ID) {
    events(types: [TREASURY_CREDIT_REVERSAL_CREATED, TREASURY_CREDIT_REVERSAL_POSTED], after: $after) { id type objectId data }
  }
`);

/** The keys of Stripe's `treasury.credit_reversal` (schemas.json). */
const STRIPE_KEYS = [
  'amount', 'created', 'currency', 'financial_account', 'hosted_regulatory_receipt_url', 'id', 'livemode', 'metadata',
  'network', 'object', 'received_credit', 'status', 'status_transitions', 'transaction',
].sort();

let gateway: TestGateway;
let p: { platformId: string; secretKey: string };
let live: { platformId: string; secretKey: string };
let accountA: string;
let sessionB: string;
let pmA: string;

const platform = (): Viewer => ({ platformId: p.platformId, livemode: false, accountId: null, credential: 'secret_key', credentialId: 't', expiresAt: null });

async function newAccount(features?: NonNullable<Parameters<typeof createFinancialAccount>[2]>['features']) {
  return createFinancialAccount(gateway, { platformId: p.platformId, accountId: accountA }, { features });
}

async function balance(id: string) {
  const b = (await gateway.graphql(BALANCE, { token: p.secretKey, variables: { id } })).data!.financialAccount!.balance;
  return { cash: b.cash[0].amount, inboundPending: b.inboundPending[0].amount, outboundPending: b.outboundPending[0].amount };
}

async function create(input: CreateCreditReversalInput, token = p.secretKey) {
  const res = await gateway.graphql(CREATE, { token, variables: { input } });
  expect(res.errors).toBeUndefined();
  return res.data!.createCreditReversal;
}

async function created(input: CreateCreditReversalInput) {
  const payload = await create(input);
  expect(payload.userErrors).toEqual([]);
  return payload.creditReversal!;
}

async function read(id: string, token = p.secretKey) {
  return (await gateway.graphql(READ, { token, variables: { id } })).data!.creditReversal;
}

async function eventsOf(objectId: string) {
  const rows = await gateway.db.prisma.event.findMany({ where: { objectId }, orderBy: { sequence: 'asc' } });
  return rows.map((e) => e.type);
}

beforeAll(async () => {
  // Stripe's posting is asynchronous; here it waits (an hour) so that each test takes it itself, when it chooses.
  gateway = await startGateway({
    featureActivationSweepMs: 3_600_000,
    creditReversalPostingDelayMs: 3_600_000,
    creditReversalPostingSweepMs: 3_600_000,
    stripeNetworkPostingDelayMs: 3_600_000,
    maxOpenFinancialAccountsPerAccount: 100,
  });
  p = await createPlatform(gateway, { name: 'Credrev Platform' });
  live = await createPlatform(gateway, { name: 'Credrev Live', livemode: true });
  accountA = (await createConnectedAccount(gateway, p.platformId, { displayName: 'Credrev A' })).id;
  const accountB = (await createConnectedAccount(gateway, p.platformId)).id;
  sessionB = await createAccountSession(gateway, p.platformId, accountB);
  pmA = (await createPaymentMethod(gateway, { platformId: p.platformId, accountId: accountA })).id;
});

afterAll(() => gateway?.stop());

describe('createCreditReversal, then Stripe posts it', () => {
  it('holds the credit\'s amount in outbound pending on an open transaction, then posts it out, with every field as Stripe has it', async () => {
    const fa = await newAccount();
    await fundFinancialAccount(gateway, fa, 5_000n);
    const rc = await fundFinancialAccount(gateway, fa, 1_234n);
    const reversal = await created({ receivedCredit: rc, metadata: { reason: 'duplicate' } });
    expect(reversal).toMatchObject({
      amount: 1234,
      currency: 'usd',
      hostedRegulatoryReceiptUrl: null,
      livemode: false,
      metadata: { reason: 'duplicate' },
      network: 'ACH',
      status: 'PROCESSING',
      financialAccount: { id: fa.id },
      statusTransitions: { postedAt: null },
      receivedCredit: { id: rc, linkedFlows: { creditReversal: reversal.id, creditReversalDetails: { id: reversal.id } }, reversalDetails: { restrictedReason: 'ALREADY_REVERSED' } },
      transaction: {
        amount: -1234,
        status: 'OPEN',
        flow: reversal.id,
        flowType: 'CREDIT_REVERSAL',
        statusTransitions: { postedAt: null },
        balanceImpact: { cash: -1234, inboundPending: 0, outboundPending: 1234 },
        entries: { nodes: [{ type: 'CREDIT_REVERSAL', flowType: 'CREDIT_REVERSAL', balanceImpact: { cash: -1234, inboundPending: 0, outboundPending: 1234 }, flowDetails: { __typename: 'CreditReversal' } }] },
        flowDetails: { __typename: 'CreditReversal', id: reversal.id, status: 'PROCESSING' },
      },
    });
    expect(reversal.id).toMatch(/^credrev_/);
    expect(await balance(fa.id)).toEqual({ cash: 5_000, inboundPending: 0, outboundPending: 1_234 });
    expect(await eventsOf(reversal.id)).toEqual(['treasury.credit_reversal.created']);

    await gateway.server.services.creditReversals.post(reversal.id);
    const posted = (await read(reversal.id))!;
    expect(posted).toMatchObject({
      status: 'POSTED',
      transaction: {
        amount: -1234,
        status: 'POSTED',
        balanceImpact: { cash: -1234, inboundPending: 0, outboundPending: 0 },
        entries: {
          nodes: expect.arrayContaining([
            expect.objectContaining({ type: 'CREDIT_REVERSAL' }),
            expect.objectContaining({ type: 'CREDIT_REVERSAL_POSTING', balanceImpact: { cash: 0, inboundPending: 0, outboundPending: -1234 } }),
          ]),
        },
      },
    });
    expect(posted.statusTransitions.postedAt).toBe(posted.transaction.statusTransitions.postedAt);
    expect(posted.statusTransitions.postedAt).not.toBeNull();
    expect(await balance(fa.id)).toEqual({ cash: 5_000, inboundPending: 0, outboundPending: 0 });
    expect(await eventsOf(reversal.id)).toEqual(['treasury.credit_reversal.created', 'treasury.credit_reversal.posted']);

    // Posting again (a sweep after the timer, another instance) changes nothing.
    const before = await databaseSnapshot(gateway.db);
    await gateway.server.services.creditReversals.post(reversal.id);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });

  it('reports each change to the balance, in the transaction that made it', async () => {
    const fa = await newAccount();
    const rc = await fundFinancialAccount(gateway, fa, 800n);
    const reversal = await created({ receivedCredit: rc });
    await gateway.server.services.creditReversals.post(reversal.id);
    const updates = await gateway.db.prisma.event.findMany({ where: { objectId: fa.id, type: 'treasury.financial_account.balance_updated' }, orderBy: { sequence: 'asc' } });
    const last = updates.slice(-2).map((e) => e.data as { object: { balance: { cash: { usd: number }; outbound_pending: { usd: number } } }; transaction: string });
    expect(last.map((d) => [d.transaction, d.object.balance.cash.usd, d.object.balance.outbound_pending.usd])).toEqual([
      [reversal.transaction.id, 0, 800],
      [reversal.transaction.id, 0, 0],
    ]);
  });

  it('gives ACH credits a deadline of two banking days, before which they can be reversed', async () => {
    const fa = await newAccount();
    // Monday 2 November 2026, 9am Central: the deadline is Wednesday's end of business (5pm Central, UTC−6).
    const rc = await fundFinancialAccount(gateway, fa, 100n, { at: new Date('2026-11-02T15:00:00Z') });
    const credit = (await gateway.graphql(CREDIT, { token: p.secretKey, variables: { id: rc } })).data!.receivedCredit!;
    expect(credit.reversalDetails).toEqual({ deadline: '2026-11-04T23:00:00.000Z', restrictedReason: 'DEADLINE_PASSED' });
    const fresh = await fundFinancialAccount(gateway, fa, 100n);
    const now = (await gateway.graphql(CREDIT, { token: p.secretKey, variables: { id: fresh } })).data!.receivedCredit!;
    expect(now.reversalDetails.restrictedReason).toBeNull();
    expect(new Date(now.reversalDetails.deadline!).getTime()).toBeGreaterThan(Date.now() + 24 * 3600_000);
  });
});

describe('Stripe\'s rules of which credits can be reversed: a user error, and nothing written', () => {
  const ctx = { reversed: '', lateAch: '', wire: '', fromTransfer: '', failed: '', spent: '', restricted: '' };
  beforeAll(async () => {
    const fa = await newAccount();
    ctx.reversed = await fundFinancialAccount(gateway, fa, 300n);
    await created({ receivedCredit: ctx.reversed });
    ctx.lateAch = await fundFinancialAccount(gateway, fa, 300n, { at: new Date('2026-10-01T15:00:00Z') });
    ctx.wire = await fundFinancialAccount(gateway, fa, 300n, { network: 'us_domestic_wire' });

    const features = ['financial_addresses_aba', 'intra_stripe_flows', 'outbound_transfers_ach'] as const;
    const source = await newAccount([...features]);
    const destination = await newAccount([...features]);
    await fundFinancialAccount(gateway, source, 1_000n);
    await sendOutboundTransfer(gateway, source, destination.id, 400n);
    ctx.fromTransfer = (await gateway.graphql(RECEIVED, { token: p.secretKey, variables: { fa: destination.id } })).data!.financialAccount!.receivedCredits.nodes[0].id;

    // Without ABA addresses an ACH credit fails: no money moved.
    ctx.failed = await fundFinancialAccount(gateway, await newAccount(['outbound_transfers_ach']), 300n);

    const spending = await newAccount();
    ctx.spent = await fundFinancialAccount(gateway, spending, 1_000n);
    await sendOutboundTransfer(gateway, spending, pmA, 900n);

    const restricted = await newAccount();
    ctx.restricted = await fundFinancialAccount(gateway, restricted, 300n);
    await gateway.server.services.financialAccounts.update(platform(), { financialAccount: restricted.id, platformRestrictions: { outboundFlows: 'restricted' } });
  });

  it.each([
    ['a credit already reversed', (): string => ctx.reversed, 'already_reversed'],
    ['an ACH credit past its deadline', (): string => ctx.lateAch, 'deadline_passed'],
    ['a wire', (): string => ctx.wire, 'network_restricted'],
    ['a credit from an OutboundTransfer between financial accounts', (): string => ctx.fromTransfer, 'source_flow_restricted'],
    ['a failed credit', (): string => ctx.failed, 'other'],
    ['a credit whose amount is no longer in cash', (): string => ctx.spent, 'balance_insufficient'],
    ['an account whose outbound flows the platform restricts', (): string => ctx.restricted, 'restricted_by_platform'],
    ['an unknown credit', (): string => 'rc_000000000000000000000000', 'resource_missing'],
    ['not a received credit id', (): string => 'obt_000000000000000000000000', 'resource_missing'],
  ] as const)('%s', async (_name, receivedCredit, code) => {
    const before = await databaseSnapshot(gateway.db);
    const payload = await create({ receivedCredit: receivedCredit() });
    expect(payload.creditReversal).toBeNull();
    expect(payload.userErrors).toEqual([expect.objectContaining({ code, field: ['input', 'receivedCredit'] })]);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });

  it('the restricted reason the credit shows is the refusal\'s code', async () => {
    const reasons = [];
    for (const id of [ctx.reversed, ctx.lateAch, ctx.wire, ctx.fromTransfer, ctx.failed, ctx.spent]) {
      reasons.push((await gateway.graphql(CREDIT, { token: p.secretKey, variables: { id } })).data!.receivedCredit!.reversalDetails.restrictedReason);
    }
    // The cash check is the account's, not the credit's: that credit itself is still reversible.
    expect(reasons).toEqual(['ALREADY_REVERSED', 'DEADLINE_PASSED', 'NETWORK_RESTRICTED', 'SOURCE_FLOW_RESTRICTED', 'OTHER', null]);
  });

  it('bad metadata', async () => {
    const fa = await newAccount();
    const rc = await fundFinancialAccount(gateway, fa, 100n);
    const before = await databaseSnapshot(gateway.db);
    const payload = await create({ receivedCredit: rc, metadata: { ['k'.repeat(41)]: 'v' } });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'parameter_invalid_string_too_long', field: ['input', 'metadata', 'k'.repeat(41)] })]);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });
});

describe('a credit over Stripe\'s network, by the flow that sent it', () => {
  const features = ['financial_addresses_aba', 'intra_stripe_flows', 'outbound_transfers_ach'] as const;

  /** The credit `send` makes arrive: an OutboundPayment pays another account, an OutboundTransfer moves money between the owner's accounts. */
  async function creditFrom(send: (source: { id: string; platformId: string }, destination: string) => Promise<string>, to: 'another account' | 'the same owner') {
    const source = await newAccount([...features]);
    await fundFinancialAccount(gateway, source, 1_000n);
    const owner = to === 'the same owner' ? accountA : (await createConnectedAccount(gateway, p.platformId)).id;
    const destination = await createFinancialAccount(gateway, { platformId: p.platformId, accountId: owner }, { features: [...features] });
    await send(source, destination.id);
    const [credit] = (await gateway.graphql(RECEIVED, { token: p.secretKey, variables: { fa: destination.id } })).data!.financialAccount!.receivedCredits.nodes;
    return { credit: credit.id, destination: destination.id };
  }

  it('from an OutboundPayment: shown reversible, and reversed', async () => {
    const { credit, destination } = await creditFrom((source, to) => sendOutboundPaymentOverStripe(gateway, source, to, 400n), 'another account');
    const before = (await gateway.graphql(CREDIT, { token: p.secretKey, variables: { id: credit } })).data!.receivedCredit!;
    expect(before).toMatchObject({ network: 'STRIPE', linkedFlows: { creditReversal: null, sourceFlowType: 'OUTBOUND_PAYMENT' }, reversalDetails: { restrictedReason: null } });

    const reversal = await created({ receivedCredit: credit });
    expect(reversal).toMatchObject({
      amount: 400,
      network: 'STRIPE',
      status: 'PROCESSING',
      financialAccount: { id: destination },
      receivedCredit: { id: credit, linkedFlows: { creditReversal: reversal.id }, reversalDetails: { restrictedReason: 'ALREADY_REVERSED' } },
    });
    expect(await balance(destination)).toEqual({ cash: 0, inboundPending: 0, outboundPending: 400 });
  });

  it('from an OutboundTransfer: shown restricted, and refused with that reason, writing nothing', async () => {
    const { credit } = await creditFrom((source, to) => sendOutboundTransfer(gateway, source, to, 400n), 'the same owner');
    const shown = (await gateway.graphql(CREDIT, { token: p.secretKey, variables: { id: credit } })).data!.receivedCredit!;
    expect(shown).toMatchObject({ network: 'STRIPE', linkedFlows: { sourceFlowType: 'OUTBOUND_TRANSFER' }, reversalDetails: { restrictedReason: 'SOURCE_FLOW_RESTRICTED' } });

    const before = await databaseSnapshot(gateway.db);
    const payload = await create({ receivedCredit: credit });
    expect(payload.creditReversal).toBeNull();
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'source_flow_restricted', field: ['input', 'receivedCredit'] })]);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });
});

describe('idempotency, scope, reads, events', () => {
  it('a replay moves no money twice; the same key with another input is refused', async () => {
    const fa = await newAccount();
    const rc = await fundFinancialAccount(gateway, fa, 700n);
    const first = await created({ receivedCredit: rc, idempotencyKey: 'credrev-key-1' });
    const before = await databaseSnapshot(gateway.db);
    const again = await created({ receivedCredit: rc, idempotencyKey: 'credrev-key-1' });
    expect(again.id).toBe(first.id);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
    const other = await create({ receivedCredit: rc, metadata: { a: 'b' }, idempotencyKey: 'credrev-key-1' });
    expect(other.userErrors).toEqual([expect.objectContaining({ code: 'idempotency_key_in_use', field: ['input', 'idempotencyKey'] })]);
    // Without the key it is a second request: the credit is already reversed.
    const second = await create({ receivedCredit: rc });
    expect(second.userErrors).toEqual([expect.objectContaining({ code: 'already_reversed' })]);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });

  it('another account\'s session sees null and cannot reverse; its own and the platform find it by id, node and the filtered list', async () => {
    const fa = await newAccount();
    const rcA = await fundFinancialAccount(gateway, fa, 100n);
    const rcB = await fundFinancialAccount(gateway, fa, 200n);
    const a = await created({ receivedCredit: rcA });
    const b = await created({ receivedCredit: rcB });
    await gateway.server.services.creditReversals.post(b.id);
    expect(await read(a.id, sessionB)).toBeNull();
    expect((await gateway.graphql(NODE, { token: sessionB, variables: { id: a.id } })).data!.node).toBeNull();
    const sessionA = await createAccountSession(gateway, p.platformId, accountA);
    expect((await read(a.id, sessionA))!.id).toBe(a.id);
    expect((await gateway.graphql(NODE, { token: p.secretKey, variables: { id: a.id } })).data!.node).toEqual({ __typename: 'CreditReversal', id: a.id, status: 'PROCESSING' });
    expect(await read(a.id, live.secretKey)).toBeNull();

    const list = async (filter?: object) =>
      (await gateway.graphql(LIST, { token: p.secretKey, variables: { fa: fa.id, filter } })).data!.financialAccount!.creditReversals.nodes.map((n) => n.id);
    expect(await list()).toEqual([b.id, a.id]);
    expect(await list({ status: 'POSTED' })).toEqual([b.id]);
    expect(await list({ status: 'PROCESSING' })).toEqual([a.id]);
    expect(await list({ receivedCredit: rcA })).toEqual([a.id]);
    expect(await list({ receivedCredit: rcA, status: 'POSTED' })).toEqual([]);

    const fresh = await fundFinancialAccount(gateway, fa, 50n);
    const before = await databaseSnapshot(gateway.db);
    for (const token of [sessionB, live.secretKey]) {
      const refused = await create({ receivedCredit: fresh }, token);
      expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'resource_missing', field: ['input', 'receivedCredit'] })]);
    }
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
    // Its own account's session may reverse it, as Stripe lets a connected account.
    expect((await create({ receivedCredit: fresh }, sessionA)).userErrors).toEqual([]);
  });

  it('events carry Stripe\'s object as it became, and replay over a subscription', async () => {
    const fa = await newAccount();
    const rc = await fundFinancialAccount(gateway, fa, 450n);
    const lastBefore = (await gateway.db.prisma.event.findFirst({ orderBy: { sequence: 'desc' } }))!.id;
    const reversal = await created({ receivedCredit: rc, metadata: { k: 'v' } });
    await gateway.server.services.creditReversals.post(reversal.id);

    const listed = (await gateway.graphql(EVENTS, { token: p.secretKey, variables: { types: ['TREASURY_CREDIT_REVERSAL_CREATED', 'TREASURY_CREDIT_REVERSAL_POSTED'] } })).data!.events.nodes
      .filter((e) => e.objectId === reversal.id);
    expect(listed.map((e) => e.type).sort()).toEqual(['TREASURY_CREDIT_REVERSAL_CREATED', 'TREASURY_CREDIT_REVERSAL_POSTED']);
    const createdEvent = (listed.find((e) => e.type === 'TREASURY_CREDIT_REVERSAL_CREATED')!.data as { object: Record<string, unknown> }).object;
    expect(Object.keys(createdEvent).sort()).toEqual(STRIPE_KEYS);
    expect(createdEvent).toMatchObject({
      id: reversal.id,
      object: 'treasury.credit_reversal',
      amount: 450,
      currency: 'usd',
      financial_account: fa.id,
      metadata: { k: 'v' },
      network: 'ach',
      received_credit: rc,
      status: 'processing',
      status_transitions: { posted_at: null },
      transaction: reversal.transaction.id,
    });
    const postedEvent = (listed.find((e) => e.type === 'TREASURY_CREDIT_REVERSAL_POSTED')!.data as { object: Record<string, unknown> }).object;
    expect(postedEvent).toMatchObject({ status: 'posted', status_transitions: { posted_at: expect.any(Number) } });
    // Another account's session sees neither.
    const foreign = (await gateway.graphql(EVENTS, { token: sessionB, variables: { types: ['TREASURY_CREDIT_REVERSAL_CREATED'] } })).data!.events.nodes;
    expect(foreign.filter((e) => e.objectId === reversal.id)).toEqual([]);

    const client = wsClient(gateway.url, p.secretKey);
    try {
      const sub = await subscribeWs(client, STREAM, { after: lastBefore });
      const replayed = [(await sub.next()).data!.events, (await sub.next()).data!.events];
      expect(replayed.map((e) => [e.objectId, e.type])).toEqual([
        [reversal.id, 'TREASURY_CREDIT_REVERSAL_CREATED'],
        [reversal.id, 'TREASURY_CREDIT_REVERSAL_POSTED'],
      ]);
      await sub.close();
    } finally {
      await client.dispose();
    }
  });
});

describe('Stripe posts a reversal by itself, after the request', () => {
  let eager: TestGateway;
  const bus = new ObservedBus();
  /** Long enough that the mutation's answer is always read before the posting runs, even on a loaded machine. */
  const POSTING_DELAY_MS = 500;
  const WAIT_MS = 10_000;
  beforeAll(async () => {
    eager = await startGateway({ eventBus: bus, featureActivationSweepMs: 3_600_000, creditReversalPostingDelayMs: POSTING_DELAY_MS, creditReversalPostingSweepMs: 3_600_000 });
  });
  afterAll(() => eager?.stop());

  it('answers PROCESSING, then posts it with its event and balance update', async () => {
    const owner = await createPlatform(eager, { name: 'Credrev Eager' });
    const accountId = (await createConnectedAccount(eager, owner.platformId)).id;
    const fa = await createFinancialAccount(eager, { platformId: owner.platformId, accountId });
    const rc = await fundFinancialAccount(eager, fa, 2_500n);
    const lastBefore = (await eager.db.prisma.event.findFirst({ orderBy: { sequence: 'desc' } }))!.id;
    // The balance subscription listens before the reversal exists: both of its changes arrive live.
    const balanceClient = wsClient(eager.url, owner.secretKey);
    const started = bus.startedFor(owner.platformId);
    const balances = await subscribeWs(balanceClient, BALANCE_UPDATED, { fa: fa.id });
    await bus.until(() => bus.startedFor(owner.platformId) > started, 'the balance subscription to go live');
    const res = await eager.graphql(CREATE, { token: owner.secretKey, variables: { input: { receivedCredit: rc } } });
    const reversal = res.data!.createCreditReversal.creditReversal!;
    expect(reversal.status).toBe('PROCESSING');

    const client = wsClient(eager.url, owner.secretKey);
    try {
      const sub = await subscribeWs(client, STREAM, { after: lastBefore });
      const types = [(await sub.next(WAIT_MS)).data!.events.type, (await sub.next(WAIT_MS)).data!.events.type];
      expect(types).toEqual(['TREASURY_CREDIT_REVERSAL_CREATED', 'TREASURY_CREDIT_REVERSAL_POSTED']);
      await sub.close();
      const live = [(await balances.next(WAIT_MS)).data!.financialAccountBalanceUpdated, (await balances.next(WAIT_MS)).data!.financialAccountBalanceUpdated];
      // The balance as each change left it (the transaction itself is read as it is now).
      expect(live.map((u) => [u.transaction.id, u.transaction.flowType, u.balance.cash[0].amount, u.balance.outboundPending[0].amount])).toEqual([
        [reversal.transaction.id, 'CREDIT_REVERSAL', 0, 2500],
        [reversal.transaction.id, 'CREDIT_REVERSAL', 0, 0],
      ]);
      await balances.close();
    } finally {
      await client.dispose();
      await balanceClient.dispose();
    }
    const after = (await eager.graphql(READ, { token: owner.secretKey, variables: { id: reversal.id } })).data!.creditReversal!;
    expect(after).toMatchObject({ status: 'POSTED', transaction: { status: 'POSTED', balanceImpact: { cash: -2500, outboundPending: 0 } } });
    const balanceEvents = await eager.db.prisma.event.findMany({ where: { objectId: fa.id, type: 'treasury.financial_account.balance_updated' } });
    expect(balanceEvents.filter((e) => (e.data as { transaction: string }).transaction === reversal.transaction.id)).toHaveLength(2);
  });
});
