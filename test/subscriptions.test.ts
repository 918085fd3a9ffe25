// Live subscriptions through the real server and real clients: graphql-ws over
// WebSocket and server-sent events over HTTP. Events are caused by the real
// mutations and compared with the event log in the database.
//
// A subscription is "live" once the server listens on its event bus; the tests
// wait for exactly that (an observed bus, below) instead of sleeping.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import type { ResultOf, TypedDocumentNode, VariablesOf } from '@graphql-typed-document-node/core';
import { graphql } from './gql/index.ts';
import { startGateway, type TestGateway } from './support/gateway.ts';
import { createFlows, createPlatform } from './support/fixtures.ts';
import { eventually, subscribeSse, subscribeWs, wsClient, type LiveSubscription, type Received } from './support/live.ts';
import { ObservedBus } from './support/observed-bus.ts';

// ---------------------------------------------------------------------------
// Operations.

const FA_STATE = graphql(`
  fragment LiveFinancialAccountState on FinancialAccount {
    id
    status
    nickname
    metadata
    supportedCurrencies
    statusDetails { reasons }
    connectedAccount { id }
    activeFeatures
    pendingFeatures
    restrictedFeatures
    features { feature requested status statusDetails { code resolution restriction } }
    financialAddresses { type aba { accountNumber accountNumberLast4 routingNumber } }
    platformRestrictions { inboundFlows outboundFlows }
  }
`);
void FA_STATE;

const EVENTS = graphql(`
  subscription LiveEvents($types: [EventType!], $after: ID) {
    events(types: $types, after: $after) {
      id
      type
      objectId
      livemode
      created
      data
      connectedAccount { id }
      financialAccount { id status }
    }
  }
`);

const FA_CREATED = graphql(`
  subscription LiveFinancialAccountCreated($financialAccount: ID) {
    financialAccountCreated(financialAccount: $financialAccount) { ...LiveFinancialAccountState }
  }
`);

const FA_CLOSED = graphql(`
  subscription LiveFinancialAccountClosed($financialAccount: ID) {
    financialAccountClosed(financialAccount: $financialAccount) { ...LiveFinancialAccountState }
  }
`);

const FA_FEATURES = graphql(`
  subscription LiveFinancialAccountFeaturesStatusUpdated($financialAccount: ID) {
    financialAccountFeaturesStatusUpdated(financialAccount: $financialAccount) { ...LiveFinancialAccountState }
  }
`);

const CREATE_CONNECTED_ACCOUNT = graphql(`
  mutation LiveCreateConnectedAccount($input: CreateConnectedAccountInput!) {
    createConnectedAccount(input: $input) {
      connectedAccount { id }
      userErrors { code field message }
    }
  }
`);

const CREATE_FA = graphql(`
  mutation LiveCreateFinancialAccount($input: CreateFinancialAccountInput!) {
    createFinancialAccount(input: $input) {
      financialAccount { ...LiveFinancialAccountState }
      userErrors { code field message }
    }
  }
`);

const UPDATE_FA = graphql(`
  mutation LiveUpdateFinancialAccount($input: UpdateFinancialAccountInput!) {
    updateFinancialAccount(input: $input) {
      financialAccount { ...LiveFinancialAccountState }
      userErrors { code field message }
    }
  }
`);

const CLOSE_FA = graphql(`
  mutation LiveCloseFinancialAccount($input: CloseFinancialAccountInput!) {
    closeFinancialAccount(input: $input) {
      financialAccount { ...LiveFinancialAccountState }
      userErrors { code field message }
    }
  }
`);

const CREATE_ACCOUNT_SESSION = graphql(`
  mutation LiveCreateAccountSession($account: ID!) {
    createAccountSession(input: { account: $account }) {
      accountSession { clientSecret expiresAt account { id } }
      userErrors { code field message }
    }
  }
`);

// Types of what the operations return, taken from the typed documents.
type EventsData = ResultOf<typeof EVENTS>;
/** An event's `data` (a JSON scalar): the object as it became, and what it was before for updates. */
const dataOf = (event: EventsData['events']) =>
  event.data as { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> };
type FaState = ResultOf<typeof FA_CREATED>['financialAccountCreated'];
type CreateFaInput = VariablesOf<typeof CREATE_FA>['input'];
type UpdateFaInput = VariablesOf<typeof UPDATE_FA>['input'];
type CreateAccountInput = VariablesOf<typeof CREATE_CONNECTED_ACCOUNT>['input'];

// ---------------------------------------------------------------------------
// Helpers.

/** `treasury.financial_account.created` → `TREASURY_FINANCIAL_ACCOUNT_CREATED`. */
const enumOf = (type: string) => type.replace(/\./g, '_').toUpperCase();

interface Harness {
  gateway: TestGateway;
  bus: ObservedBus;
}

function harness() {
  const clients: Client[] = [];
  const subscriptions: Array<LiveSubscription<unknown>> = [];

  afterEach(async () => {
    for (const subscription of subscriptions.splice(0)) await subscription.close().catch(() => {});
    for (const client of clients.splice(0)) await client.dispose();
  });

  /** A graphql-ws client of its own (the support helper waits for one `connected` per client). */
  function client(h: Harness, token: string | null, extraParams?: Record<string, unknown>) {
    const created = wsClient(h.gateway.url, token, extraParams);
    clients.push(created);
    return created;
  }

  /**
   * Opens a graphql-ws subscription and, when `platformId` is given, waits
   * until the server listens for that platform's events.
   */
  async function ws<R, V>(
    h: Harness,
    token: string | null,
    document: TypedDocumentNode<R, V>,
    variables: V,
    options: { platformId?: string; extraParams?: Record<string, unknown> } = {},
  ): Promise<LiveSubscription<R>> {
    // Live once it has joined the server's fan-out (subscribers of one operation and scope share one bus listener).
    const live = h.gateway.server.live!;
    const before = options.platformId ? live.joinedFor(options.platformId) : 0;
    const subscription = await subscribeWs(client(h, token, options.extraParams), document, variables);
    subscriptions.push(subscription as LiveSubscription<unknown>);
    if (options.platformId) {
      const platformId = options.platformId;
      await eventually(() => live.joinedFor(platformId) > before, `a subscription of ${platformId} to go live`);
    }
    return subscription;
  }

  async function sse<R, V>(
    h: Harness,
    token: string | null,
    document: TypedDocumentNode<R, V>,
    variables: V,
    options: { platformId?: string } = {},
  ) {
    const before = options.platformId ? h.bus.startedFor(options.platformId) : 0;
    const subscription = await subscribeSse(h.gateway.url, token, document, variables);
    subscriptions.push(subscription as LiveSubscription<unknown>);
    if (options.platformId) {
      const platformId = options.platformId;
      await h.bus.until(() => h.bus.startedFor(platformId) > before, `an SSE subscription of ${platformId} to go live`);
    }
    return subscription;
  }

  return { client, ws, sse };
}

/** The next `count` results, each of which must be data without errors. */
async function take<R>(subscription: LiveSubscription<R>, count: number, timeoutMs = 5000): Promise<R[]> {
  const taken: R[] = [];
  for (let i = 0; i < count; i++) {
    const result = await subscription.next(timeoutMs);
    expect(result.errors, `result ${i + 1} of ${count}: ${JSON.stringify(result.errors)}`).toBeUndefined();
    expect(result.data).toBeTruthy();
    taken.push(result.data!);
  }
  return taken;
}

async function within<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer!: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function mutations(h: Harness) {
  const { gateway } = h;

  async function createConnectedAccount(
    token: string,
    options: { capabilityStatus?: 'ACTIVE' | 'PENDING'; input?: Partial<CreateAccountInput> } = {},
  ): Promise<string> {
    const status = options.capabilityStatus ?? 'ACTIVE';
    const res = await gateway.graphql(CREATE_CONNECTED_ACCOUNT, {
      token,
      variables: {
        input: {
          displayName: 'Live Test Business',
          capabilities: [
            { name: 'TREASURY', status },
            { name: 'US_BANK_ACCOUNT_ACH_PAYMENTS', status },
          ],
          ...options.input,
        },
      },
    });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data!.createConnectedAccount.userErrors).toEqual([]);
    return res.data!.createConnectedAccount.connectedAccount!.id;
  }

  async function createFinancialAccount(token: string, input: Partial<CreateFaInput> = {}): Promise<FaState> {
    const res = await gateway.graphql(CREATE_FA, { token, variables: { input: { supportedCurrencies: ['usd'], ...input } } });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data!.createFinancialAccount.userErrors).toEqual([]);
    return res.data!.createFinancialAccount.financialAccount!;
  }

  async function updateFinancialAccount(token: string, input: UpdateFaInput): Promise<FaState> {
    const res = await gateway.graphql(UPDATE_FA, { token, variables: { input } });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data!.updateFinancialAccount.userErrors).toEqual([]);
    return res.data!.updateFinancialAccount.financialAccount!;
  }

  async function closeFinancialAccount(token: string, financialAccount: string): Promise<FaState> {
    const res = await gateway.graphql(CLOSE_FA, { token, variables: { input: { financialAccount } } });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data!.closeFinancialAccount.userErrors).toEqual([]);
    return res.data!.closeFinancialAccount.financialAccount!;
  }

  async function createAccountSession(token: string, account: string) {
    const res = await gateway.graphql(CREATE_ACCOUNT_SESSION, { token, variables: { account } });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data!.createAccountSession.userErrors).toEqual([]);
    return res.data!.createAccountSession.accountSession!;
  }

  /** The platform's events in the log, in sequence (commit) order. */
  async function eventsInDb(platformId: string, where: { afterId?: string; accountId?: string } = {}) {
    const after = where.afterId
      ? (await gateway.db.prisma.event.findUniqueOrThrow({ where: { id: where.afterId } })).sequence
      : -1n;
    return gateway.db.prisma.event.findMany({
      where: { platformId, sequence: { gt: after }, ...(where.accountId ? { accountId: where.accountId } : {}) },
      orderBy: { sequence: 'asc' },
    });
  }

  return { createConnectedAccount, createFinancialAccount, updateFinancialAccount, closeFinancialAccount, createAccountSession, eventsInDb };
}

/** How a graphql-ws subscription attempt was refused: its results, and how the socket closed (if it did). */
async function attemptWs(client: Client, variables: { after?: string | null } = {}) {
  let closed: { code: number; reason: string } | null = null;
  client.on('closed', (event) => {
    const close = event as { code: number; reason: unknown };
    closed = { code: close.code, reason: String(close.reason) };
  });
  const subscription = await subscribeWs(client, EVENTS, variables);
  await within(subscription.completed, 5000, 'the refused subscription to end');
  return { results: [...subscription.buffered] as Received<EventsData>[], closed: closed as { code: number; reason: string } | null };
}

/**
 * A refused credential over graphql-ws: never data, and the client must be able
 * to tell it is an authentication failure — a subscription error with
 * `extensions.code: UNAUTHENTICATED`, or the socket closed with graphql-ws's
 * 4401 Unauthorized / 4403 Forbidden. (4500 is graphql-ws's "Internal server
 * error": in production its reason is only "Internal server error".)
 */
function expectAuthenticationRefusal(outcome: Awaited<ReturnType<typeof attemptWs>>, reasonPattern: RegExp) {
  expect(outcome.results.filter((result) => result.data != null)).toEqual([]);
  const unauthenticatedError = outcome.results.some((result) =>
    result.errors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED' && reasonPattern.test(error.message)),
  );
  const authClose = outcome.closed !== null && [4401, 4403].includes(outcome.closed.code) && reasonPattern.test(outcome.closed.reason);
  const observed = unauthenticatedError
    ? 'subscription error UNAUTHENTICATED'
    : authClose
      ? 'socket closed as unauthorized/forbidden'
      : `socket closed ${outcome.closed ? `${outcome.closed.code} "${outcome.closed.reason}"` : 'never'}; results ${JSON.stringify(outcome.results)}`;
  expect(observed, 'refused as an authentication failure').toMatch(
    /^(subscription error UNAUTHENTICATED|socket closed as unauthorized\/forbidden)$/,
  );
}

// ===========================================================================

describe('subscriptions', () => {
  const h = {} as Harness;
  const live = harness();
  let m: ReturnType<typeof mutations>;

  beforeAll(async () => {
    h.bus = new ObservedBus();
    h.gateway = await startGateway({ eventBus: h.bus });
    m = mutations(h);
  });

  afterAll(async () => {
    await h.gateway?.stop();
  });

  describe('graphql-ws', () => {
    it('delivers the events of mutations to a platform subscriber of `events`, in commit order, and nothing else', async () => {
      const p = await createPlatform(h.gateway);
      const sub = await live.ws(h, p.secretKey, EVENTS, {}, { platformId: p.platformId });

      const account = await m.createConnectedAccount(p.secretKey);
      const fa = await m.createFinancialAccount(p.secretKey, { account, nickname: 'Operating', metadata: { team: 'ops' } });
      await m.updateFinancialAccount(p.secretKey, { financialAccount: fa.id, nickname: 'Payroll' });
      await m.closeFinancialAccount(p.secretKey, fa.id);

      const received = (await take(sub, 4)).map((d) => d.events);
      const log = await m.eventsInDb(p.platformId);
      expect(log.map((e) => e.type)).toEqual([
        'account.created',
        'treasury.financial_account.created',
        'treasury.financial_account.updated',
        'treasury.financial_account.closed',
      ]);
      expect(received.map((e) => e.id)).toEqual(log.map((e) => e.id));
      expect(received.map((e) => [e.type, e.objectId])).toEqual([
        ['ACCOUNT_CREATED', account],
        ['TREASURY_FINANCIAL_ACCOUNT_CREATED', fa.id],
        ['TREASURY_FINANCIAL_ACCOUNT_UPDATED', fa.id],
        ['TREASURY_FINANCIAL_ACCOUNT_CLOSED', fa.id],
      ]);
      expect(received.every((e) => e.livemode === false && e.connectedAccount?.id === account)).toBe(true);
      // The data is the object as it became (not as it is now); previous_attributes for updates.
      expect(dataOf(received[1]).object).toMatchObject({ id: fa.id, object: 'treasury.financial_account', nickname: 'Operating', status: 'open' });
      expect(dataOf(received[2]).object).toMatchObject({ id: fa.id, nickname: 'Payroll', status: 'open' });
      expect(dataOf(received[2]).previous_attributes).toMatchObject({ nickname: 'Operating' });
      expect(dataOf(received[3]).object).toMatchObject({ id: fa.id, status: 'closed' });
      expect(received[3].financialAccount).toEqual({ id: fa.id, status: 'CLOSED' });

      // Nothing else was delivered: the next result is the event of the next mutation.
      const next = await m.createConnectedAccount(p.secretKey);
      const [sentinel] = (await take(sub, 1)).map((d) => d.events);
      expect([sentinel.type, sentinel.objectId]).toEqual(['ACCOUNT_CREATED', next]);
      expect(sub.buffered).toEqual([]);
    });

    it('financialAccountCreated delivers each new financial account in its new state, including the platform\'s own', async () => {
      const p = await createPlatform(h.gateway);
      const sub = await live.ws(h, p.secretKey, FA_CREATED, {}, { platformId: p.platformId });

      // Capabilities pending: the requested feature stays PENDING (no asynchronous activation to race with).
      const account = await m.createConnectedAccount(p.secretKey, { capabilityStatus: 'PENDING' });
      const fa = await m.createFinancialAccount(p.secretKey, {
        account,
        nickname: 'Reserve',
        metadata: { purpose: 'reserve' },
        features: [{ feature: 'DEPOSIT_INSURANCE', requested: true }],
      });
      const own = await m.createFinancialAccount(p.secretKey, { nickname: 'Platform float' });

      const [first, second] = (await take(sub, 2)).map((d) => d.financialAccountCreated);
      expect(first).toEqual(fa);
      expect(first).toMatchObject({
        status: 'OPEN',
        nickname: 'Reserve',
        metadata: { purpose: 'reserve' },
        supportedCurrencies: ['usd'],
        connectedAccount: { id: account },
        activeFeatures: [],
        pendingFeatures: ['DEPOSIT_INSURANCE'],
        restrictedFeatures: [],
        features: [
          {
            feature: 'DEPOSIT_INSURANCE',
            requested: true,
            status: 'PENDING',
            statusDetails: [{ code: 'REQUIREMENTS_PENDING_VERIFICATION', resolution: null, restriction: null }],
          },
        ],
      });
      expect(second).toEqual(own);
      expect(second).toMatchObject({ status: 'OPEN', nickname: 'Platform float', connectedAccount: null });

      // Only creations: an update and a close deliver nothing here.
      await m.updateFinancialAccount(p.secretKey, { financialAccount: fa.id, nickname: 'Reserve 2' });
      await m.closeFinancialAccount(p.secretKey, own.id);
      const third = await m.createFinancialAccount(p.secretKey, { account });
      expect((await take(sub, 1))[0].financialAccountCreated.id).toBe(third.id);
      expect(sub.buffered).toEqual([]);
    });

    it('financialAccountClosed delivers each closed financial account in its closed state, filtered by id when given', async () => {
      const p = await createPlatform(h.gateway);
      const account = await m.createConnectedAccount(p.secretKey);
      // Wait for the asynchronous activation of fa2's features on its real signal, the features event.
      const activated = await live.ws(h, p.secretKey, FA_FEATURES, {}, { platformId: p.platformId });
      const fa1 = await m.createFinancialAccount(p.secretKey, { account, nickname: 'One' });
      const fa2 = await m.createFinancialAccount(p.secretKey, {
        account,
        nickname: 'Two',
        features: [
          { feature: 'FINANCIAL_ADDRESSES_ABA', requested: true },
          { feature: 'OUTBOUND_TRANSFERS_ACH', requested: true },
        ],
      });
      const [active] = (await take(activated, 1)).map((d) => d.financialAccountFeaturesStatusUpdated);
      expect(active).toMatchObject({ id: fa2.id, activeFeatures: ['FINANCIAL_ADDRESSES_ABA', 'OUTBOUND_TRANSFERS_ACH'] });

      const all = await live.ws(h, p.secretKey, FA_CLOSED, {}, { platformId: p.platformId });
      const onlyFa2 = await live.ws(h, p.secretKey, FA_CLOSED, { financialAccount: fa2.id }, { platformId: p.platformId });

      const closed1 = await m.closeFinancialAccount(p.secretKey, fa1.id);
      const closed2 = await m.closeFinancialAccount(p.secretKey, fa2.id);

      const [first, second] = (await take(all, 2)).map((d) => d.financialAccountClosed);
      expect(first).toEqual(closed1);
      expect(second).toEqual(closed2);
      for (const closed of [first, second]) {
        expect(closed).toMatchObject({ status: 'CLOSED', statusDetails: { reasons: ['CLOSED_BY_PLATFORM'] }, activeFeatures: [], pendingFeatures: [] });
      }
      expect(second.restrictedFeatures).toEqual(['FINANCIAL_ADDRESSES_ABA', 'OUTBOUND_TRANSFERS_ACH']);
      expect(second.features.map((f) => [f.feature, f.status, f.statusDetails.map((d) => d.code)])).toEqual([
        ['FINANCIAL_ADDRESSES_ABA', 'RESTRICTED', ['FINANCIAL_ACCOUNT_CLOSED']],
        ['OUTBOUND_TRANSFERS_ACH', 'RESTRICTED', ['FINANCIAL_ACCOUNT_CLOSED']],
      ]);

      // The filtered subscription skipped fa1: its first result is fa2.
      const [filtered] = (await take(onlyFa2, 1)).map((d) => d.financialAccountClosed);
      expect(filtered).toEqual(closed2);
      expect(onlyFa2.buffered).toEqual([]);
      expect(all.buffered).toEqual([]);
    });

    it('financialAccountFeaturesStatusUpdated delivers the financial account in its new feature state, filtered by id when given', async () => {
      const p = await createPlatform(h.gateway);
      const account = await m.createConnectedAccount(p.secretKey);
      const all = await live.ws(h, p.secretKey, FA_FEATURES, {}, { platformId: p.platformId });
      const features = [
        { feature: 'FINANCIAL_ADDRESSES_ABA' as const, requested: true },
        { feature: 'OUTBOUND_TRANSFERS_ACH' as const, requested: true },
      ];
      const fa1 = await m.createFinancialAccount(p.secretKey, { account, nickname: 'One', features });
      const fa2 = await m.createFinancialAccount(p.secretKey, { account, nickname: 'Two', features });

      // Their asynchronous activation arrives as this event, once per account, with the ABA address.
      const activated = (await take(all, 2)).map((d) => d.financialAccountFeaturesStatusUpdated);
      expect(activated.map((fa) => fa.id).sort()).toEqual([fa1.id, fa2.id].sort());
      for (const fa of activated) {
        expect(fa).toMatchObject({
          status: 'OPEN',
          activeFeatures: ['FINANCIAL_ADDRESSES_ABA', 'OUTBOUND_TRANSFERS_ACH'],
          pendingFeatures: [],
          restrictedFeatures: [],
        });
        expect(fa.features.every((f) => f.status === 'ACTIVE' && f.statusDetails.length === 0)).toBe(true);
        expect(fa.financialAddresses).toHaveLength(1);
        const aba = fa.financialAddresses[0].aba!;
        expect(fa.financialAddresses[0].type).toBe('ABA');
        expect(aba.routingNumber).toBe('110000000');
        // The platform's own secret key sees the full number.
        expect(aba.accountNumber).toMatch(/^\d{12}$/);
        expect(aba.accountNumber!.slice(-4)).toBe(aba.accountNumberLast4);
      }

      const onlyFa2 = await live.ws(h, p.secretKey, FA_FEATURES, { financialAccount: fa2.id }, { platformId: p.platformId });
      // Platform restrictions change feature status at once (no activation involved).
      await m.updateFinancialAccount(p.secretKey, { financialAccount: fa1.id, platformRestrictions: { outboundFlows: 'RESTRICTED' } });
      await m.updateFinancialAccount(p.secretKey, { financialAccount: fa2.id, platformRestrictions: { inboundFlows: 'RESTRICTED' } });
      // A change that does not touch feature status delivers nothing.
      await m.updateFinancialAccount(p.secretKey, { financialAccount: fa1.id, nickname: 'One bis' });

      const [first, second] = (await take(all, 2)).map((d) => d.financialAccountFeaturesStatusUpdated);
      expect(first).toMatchObject({
        id: fa1.id,
        activeFeatures: ['FINANCIAL_ADDRESSES_ABA'],
        restrictedFeatures: ['OUTBOUND_TRANSFERS_ACH'],
        platformRestrictions: { inboundFlows: null, outboundFlows: 'RESTRICTED' },
      });
      expect(first.features.find((f) => f.feature === 'OUTBOUND_TRANSFERS_ACH')).toEqual({
        feature: 'OUTBOUND_TRANSFERS_ACH',
        requested: true,
        status: 'RESTRICTED',
        statusDetails: [{ code: 'RESTRICTED_BY_PLATFORM', resolution: 'REMOVE_RESTRICTION', restriction: 'OUTBOUND_FLOWS' }],
      });
      expect(second).toMatchObject({
        id: fa2.id,
        activeFeatures: ['OUTBOUND_TRANSFERS_ACH'],
        restrictedFeatures: ['FINANCIAL_ADDRESSES_ABA'],
        platformRestrictions: { inboundFlows: 'RESTRICTED', outboundFlows: null },
      });

      const [filtered] = (await take(onlyFa2, 1)).map((d) => d.financialAccountFeaturesStatusUpdated);
      expect(filtered).toEqual(second);

      // The nickname change delivered nothing: the next result is the next status change.
      await m.closeFinancialAccount(p.secretKey, fa1.id);
      const [afterClose] = (await take(all, 1)).map((d) => d.financialAccountFeaturesStatusUpdated);
      expect(afterClose).toMatchObject({ id: fa1.id, status: 'CLOSED', activeFeatures: [], restrictedFeatures: ['FINANCIAL_ADDRESSES_ABA', 'OUTBOUND_TRANSFERS_ACH'] });
      expect(all.buffered).toEqual([]);
      expect(onlyFa2.buffered).toEqual([]);
    });
  });

  describe('SSE', () => {
    it('delivers the same events as graphql-ws, with the same credentials (platform key and account session)', async () => {
      const p = await createPlatform(h.gateway);
      const account = await m.createConnectedAccount(p.secretKey);
      const session = await m.createAccountSession(p.secretKey, account);

      const wsEvents = await live.ws(h, p.secretKey, EVENTS, {}, { platformId: p.platformId });
      const sseEvents = await live.sse(h, p.secretKey, EVENTS, {}, { platformId: p.platformId });
      expect(sseEvents.status).toBe(200);
      const sseCreated = await live.sse(h, p.secretKey, FA_CREATED, {}, { platformId: p.platformId });
      const sseClosed = await live.sse(h, p.secretKey, FA_CLOSED, {}, { platformId: p.platformId });
      const sseSession = await live.sse(h, session.clientSecret, EVENTS, {}, { platformId: p.platformId });
      expect(sseSession.status).toBe(200);
      const wsSession = await live.ws(h, session.clientSecret, EVENTS, {}, { platformId: p.platformId });

      const fa = await m.createFinancialAccount(p.secretKey, { account, nickname: 'Over SSE' });
      await m.updateFinancialAccount(p.secretKey, { financialAccount: fa.id, metadata: { k: 'v' } });
      const closed = await m.closeFinancialAccount(p.secretKey, fa.id);
      const own = await m.createFinancialAccount(p.secretKey, {}); // the platform's own: not the session's

      const log = await m.eventsInDb(p.platformId, { afterId: (await m.eventsInDb(p.platformId))[0].id });
      expect(log.map((e) => e.type)).toEqual([
        'treasury.financial_account.created',
        'treasury.financial_account.updated',
        'treasury.financial_account.closed',
        'treasury.financial_account.created',
      ]);
      const overWs = (await take(wsEvents, 4)).map((d) => d.events);
      const overSse = (await take(sseEvents, 4)).map((d) => d.events);
      expect(overWs.map((e) => e.id)).toEqual(log.map((e) => e.id));
      expect(overSse).toEqual(overWs);

      expect((await take(sseCreated, 2)).map((d) => d.financialAccountCreated.id)).toEqual([fa.id, own.id]);
      expect((await take(sseClosed, 1))[0].financialAccountClosed).toEqual(closed);

      const sessionOverSse = (await take(sseSession, 3)).map((d) => d.events);
      const sessionOverWs = (await take(wsSession, 3)).map((d) => d.events);
      expect(sessionOverSse.map((e) => e.id)).toEqual(log.slice(0, 3).map((e) => e.id));
      expect(sessionOverWs).toEqual(sessionOverSse);
    });

    it.each([
      ['no credential', null],
      ['a malformed credential', 'not-a-key'],
      ['an unknown secret key', 'sk_test_0000000000000000000000000000'],
      ['an unknown account session secret', 'accs_secret__0000000000000000000000000000'],
    ])('refuses %s with 401 UNAUTHENTICATED and no data', async (_name, token) => {
      const sub = await subscribeSse(h.gateway.url, token, EVENTS, {});
      try {
        expect(sub.status).toBe(401);
        const result = await sub.next(5000);
        expect(result.data ?? null).toBeNull();
        expect(result.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
        await within(sub.completed, 5000, 'the refused SSE response to end');
        expect(sub.buffered).toEqual([]);
      } finally {
        await sub.close();
      }
    });
  });

  describe('authentication over graphql-ws', () => {
    it.each([
      ['no credential', null, /credential/i],
      ['a malformed credential', 'not-a-key', /credential/i],
      ['an unknown secret key', 'sk_test_0000000000000000000000000000', /API key/i],
      ['an unknown account session secret', 'accs_secret__0000000000000000000000000000', /account session/i],
    ])('refuses %s as an authentication failure, never with data', async (_name, token, reason) => {
      const outcome = await attemptWs(live.client(h, token));
      expectAuthenticationRefusal(outcome, reason);
    });

    it('refuses a Stripe-Context that names no account of the platform', async () => {
      const p1 = await createPlatform(h.gateway);
      const p2 = await createPlatform(h.gateway);
      const foreign = await m.createConnectedAccount(p2.secretKey);
      const outcome = await attemptWs(live.client(h, p1.secretKey, { stripeContext: foreign }));
      expect(h.bus.startedFor(p1.platformId)).toBe(0);
      expectAuthenticationRefusal(outcome, /Stripe-Context/);
    });
  });

  describe('events are published only after commit', () => {
    it('delivers nothing for mutations that change nothing (user errors), then the next valid change', async () => {
      const p = await createPlatform(h.gateway);
      const account = await m.createConnectedAccount(p.secretKey);
      await m.createFinancialAccount(p.secretKey, { account, nickname: 'Main' }); // its nickname is taken below
      const closed = await m.createFinancialAccount(p.secretKey, { account, nickname: 'Gone' });
      await m.closeFinancialAccount(p.secretKey, closed.id);
      const funded = await m.createFinancialAccount(p.secretKey, { account, nickname: 'Funded' });
      await createFlows(h.gateway, { id: funded.id, platformId: p.platformId, accountId: account }, [
        { flowType: 'received_credit', outcome: 'succeeded', amount: 1_000n, at: new Date('2026-01-01T00:00:00Z') },
      ]);
      const keyed = await h.gateway.graphql(CREATE_CONNECTED_ACCOUNT, {
        token: p.secretKey,
        variables: { input: { displayName: 'Keyed', idempotencyKey: 'live-key-1' } },
      });
      expect(keyed.data!.createConnectedAccount.userErrors).toEqual([]);

      const sub = await live.ws(h, p.secretKey, EVENTS, {}, { platformId: p.platformId });
      const logBefore = await m.eventsInDb(p.platformId);

      const failures: Array<[string, Promise<{ data?: any; errors?: unknown }>, string]> = [
        ['eur', h.gateway.graphql(CREATE_FA, { token: p.secretKey, variables: { input: { account, supportedCurrencies: ['eur'] } } }), 'parameter_invalid'],
        ['duplicate nickname', h.gateway.graphql(CREATE_FA, { token: p.secretKey, variables: { input: { account, supportedCurrencies: ['usd'], nickname: 'Main' } } }), 'nickname_in_use'],
        ['card issuing without capability', h.gateway.graphql(CREATE_FA, { token: p.secretKey, variables: { input: { account, supportedCurrencies: ['usd'], features: [{ feature: 'CARD_ISSUING', requested: true }] } } }), 'capability_required'],
        ['update of a closed account', h.gateway.graphql(UPDATE_FA, { token: p.secretKey, variables: { input: { financialAccount: closed.id, nickname: 'Back' } } }), 'financial_account_closed'],
        ['rename to a taken nickname', h.gateway.graphql(UPDATE_FA, { token: p.secretKey, variables: { input: { financialAccount: funded.id, nickname: 'Main', metadata: { x: 'y' } } } }), 'nickname_in_use'],
        ['close with a balance', h.gateway.graphql(CLOSE_FA, { token: p.secretKey, variables: { input: { financialAccount: funded.id } } }), 'balance_nonzero'],
        ['idempotency key reused with another input', h.gateway.graphql(CREATE_CONNECTED_ACCOUNT, { token: p.secretKey, variables: { input: { displayName: 'Other', idempotencyKey: 'live-key-1' } } }), 'idempotency_key_in_use'],
      ];
      for (const [name, pending, code] of failures) {
        const res = await pending;
        expect(res.errors, name).toBeUndefined();
        const payload = Object.values(res.data!)[0] as { userErrors: Array<{ code: string }> };
        expect(payload.userErrors.map((e) => e.code), name).toEqual([code]);
      }
      // An idempotent replay changes nothing either.
      const replay = await h.gateway.graphql(CREATE_CONNECTED_ACCOUNT, {
        token: p.secretKey,
        variables: { input: { displayName: 'Keyed', idempotencyKey: 'live-key-1' } },
      });
      expect(replay.data!.createConnectedAccount.connectedAccount!.id).toBe(keyed.data!.createConnectedAccount.connectedAccount!.id);

      expect((await m.eventsInDb(p.platformId)).map((e) => e.id)).toEqual(logBefore.map((e) => e.id));

      // The subscriber was live all along: the first thing it receives is the next valid change.
      const valid = await m.createFinancialAccount(p.secretKey, { account, nickname: 'Valid' });
      const [event] = (await take(sub, 1)).map((d) => d.events);
      expect([event.type, event.objectId]).toEqual(['TREASURY_FINANCIAL_ACCOUNT_CREATED', valid.id]);
      expect(sub.buffered).toEqual([]);
    });

    it('concurrent replays of one idempotent create deliver exactly one event', async () => {
      const p = await createPlatform(h.gateway);
      const sub = await live.ws(h, p.secretKey, EVENTS, {}, { platformId: p.platformId });
      const input = { displayName: 'Raced', idempotencyKey: 'live-race-key' };
      const results = await Promise.all(
        Array.from({ length: 6 }, () => h.gateway.graphql(CREATE_CONNECTED_ACCOUNT, { token: p.secretKey, variables: { input } })),
      );
      for (const res of results) {
        expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
        expect(res.data!.createConnectedAccount.userErrors).toEqual([]);
      }
      const ids = new Set(results.map((res) => res.data!.createConnectedAccount.connectedAccount!.id));
      expect(ids.size).toBe(1);
      const [id] = ids;

      const log = await m.eventsInDb(p.platformId);
      expect(log.map((e) => [e.type, e.objectId])).toEqual([['account.created', id]]);
      const [event] = (await take(sub, 1)).map((d) => d.events);
      expect(event.id).toBe(log[0].id);

      const next = await m.createConnectedAccount(p.secretKey);
      expect((await take(sub, 1))[0].events.objectId).toBe(next);
      expect(sub.buffered).toEqual([]);
    });
  });

  describe('events(after:) replays what was missed, then goes on live', () => {
    it('replays the events missed while disconnected in order, then live ones, with no gap and no duplicate', async () => {
      const p = await createPlatform(h.gateway);

      // Connected: see three events and remember their ids.
      const first = await live.ws(h, p.secretKey, EVENTS, {}, { platformId: p.platformId });
      const account = await m.createConnectedAccount(p.secretKey);
      const fa = await m.createFinancialAccount(p.secretKey, { account, nickname: 'A' });
      await m.updateFinancialAccount(p.secretKey, { financialAccount: fa.id, metadata: { step: '1' } });
      const seen = (await take(first, 3)).map((d) => d.events.id);
      await first.close();

      // Disconnected: five more.
      await m.updateFinancialAccount(p.secretKey, { financialAccount: fa.id, metadata: { step: '2' } });
      const fa2 = await m.createFinancialAccount(p.secretKey, { account, nickname: 'B' });
      await m.updateFinancialAccount(p.secretKey, { financialAccount: fa2.id, nickname: 'B2' });
      await m.closeFinancialAccount(p.secretKey, fa2.id);
      await m.createConnectedAccount(p.secretKey);
      const missed = await m.eventsInDb(p.platformId, { afterId: seen[2] });
      expect(missed).toHaveLength(5);

      // Reconnected after the last one seen: the five, in order, then live ones.
      const again = await live.ws(h, p.secretKey, EVENTS, { after: seen[2] }, { platformId: p.platformId });
      const replayed = (await take(again, 5)).map((d) => d.events);
      expect(replayed.map((e) => e.id)).toEqual(missed.map((e) => e.id));
      expect(replayed.map((e) => e.type)).toEqual(missed.map((e) => enumOf(e.type)));

      await m.updateFinancialAccount(p.secretKey, { financialAccount: fa.id, metadata: { step: '3' } });
      await m.closeFinancialAccount(p.secretKey, fa.id);
      const liveOnes = (await take(again, 2)).map((d) => d.events);
      const all = await m.eventsInDb(p.platformId, { afterId: seen[2] });
      expect([...replayed, ...liveOnes].map((e) => e.id)).toEqual(all.map((e) => e.id));
      expect(new Set([...seen, ...all.map((e) => e.id)]).size).toBe(seen.length + all.length);
      expect(again.buffered).toEqual([]);

      // after: the very last event replays nothing and goes on live.
      const last = all[all.length - 1].id;
      const fromLast = await live.ws(h, p.secretKey, EVENTS, { after: last }, { platformId: p.platformId });
      const next = await m.createConnectedAccount(p.secretKey);
      expect((await take(fromLast, 1))[0].events.objectId).toBe(next);
      expect(fromLast.buffered).toEqual([]);
    });

    it('replays over SSE too', async () => {
      const p = await createPlatform(h.gateway);
      const account = await m.createConnectedAccount(p.secretKey);
      await m.createFinancialAccount(p.secretKey, { account });
      await m.createFinancialAccount(p.secretKey, { account });
      const log = await m.eventsInDb(p.platformId);
      const sub = await live.sse(h, p.secretKey, EVENTS, { after: log[0].id }, { platformId: p.platformId });
      expect(sub.status).toBe(200);
      const replayed = (await take(sub, 2)).map((d) => d.events.id);
      expect(replayed).toEqual(log.slice(1).map((e) => e.id));
      const fa = await m.createFinancialAccount(p.secretKey, { account });
      expect((await take(sub, 1))[0].events.objectId).toBe(fa.id);
      const sentinel = await m.createConnectedAccount(p.secretKey);
      expect((await take(sub, 1))[0].events.objectId).toBe(sentinel);
      expect(sub.buffered).toEqual([]);
    });

    it.each(['burst fired just before resubscribing', 'burst fired just after resubscribing'])(
      'replay and live join without gap or duplicate while mutations run concurrently (%s)',
      async (variant) => {
        const p = await createPlatform(h.gateway);
        const accounts = [
          await m.createConnectedAccount(p.secretKey),
          await m.createConnectedAccount(p.secretKey),
          await m.createConnectedAccount(p.secretKey),
        ];
        const fas = [
          await m.createFinancialAccount(p.secretKey, { account: accounts[0] }),
          await m.createFinancialAccount(p.secretKey, { account: accounts[1] }),
          await m.createFinancialAccount(p.secretKey, { account: accounts[2] }),
          await m.createFinancialAccount(p.secretKey, {}),
        ];

        // Connected once: remember the last id seen.
        const first = await live.ws(h, p.secretKey, EVENTS, {}, { platformId: p.platformId });
        await m.updateFinancialAccount(p.secretKey, { financialAccount: fas[0].id, nickname: 'seen' });
        const [lastSeen] = (await take(first, 1)).map((d) => d.events.id);
        await first.close();

        // Disconnected: 30 more events, a few at a time.
        for (let round = 0; round < 6; round++) {
          await Promise.all(
            fas.slice(0, 3).map((fa, i) => m.updateFinancialAccount(p.secretKey, { financialAccount: fa.id, metadata: { round: `${round}-${i}` } })),
          );
          await Promise.all([m.createConnectedAccount(p.secretKey), m.updateFinancialAccount(p.secretKey, { financialAccount: fas[3].id, metadata: { r: `${round}` } })]);
        }

        // Every burst mutation writes exactly one event.
        let created = 0;
        const burstMutation = (i: number): Promise<unknown> => {
          switch (i % 4) {
            case 0:
              return m.createFinancialAccount(p.secretKey, { account: accounts[created++ % 3] });
            case 1:
              return m.updateFinancialAccount(p.secretKey, { financialAccount: fas[i % 4].id, metadata: { burst: String(i) } });
            case 2:
              return m.createConnectedAccount(p.secretKey);
            default:
              return m.updateFinancialAccount(p.secretKey, { financialAccount: fas[(i + 1) % 4].id, nickname: `burst ${i}` });
          }
        };
        const fire = () => Promise.all(Array.from({ length: 20 }, (_, i) => burstMutation(i)));

        let burst: Promise<unknown[]>;
        let again: LiveSubscription<EventsData>;
        if (variant.includes('before')) {
          burst = fire();
          again = await live.ws(h, p.secretKey, EVENTS, { after: lastSeen });
        } else {
          const subscribing = live.ws(h, p.secretKey, EVENTS, { after: lastSeen });
          burst = fire();
          again = await subscribing;
        }
        await burst;

        const expected = await m.eventsInDb(p.platformId, { afterId: lastSeen });
        expect(expected).toHaveLength(30 + 20);
        const received = (await take(again, expected.length)).map((d) => d.events);
        expect(received.map((e) => e.id)).toEqual(expected.map((e) => e.id));

        // Nothing twice: the next result is the next event.
        const sentinel = await m.createConnectedAccount(p.secretKey);
        const [next] = (await take(again, 1)).map((d) => d.events);
        expect(next.objectId).toBe(sentinel);
        expect(again.buffered).toEqual([]);
      },
    );

    it('replays more than one page of missed events (over 500), then goes on live', async () => {
      const p = await createPlatform(h.gateway);
      const first = await live.ws(h, p.secretKey, EVENTS, {}, { platformId: p.platformId });
      await m.createConnectedAccount(p.secretKey);
      const [lastSeen] = (await take(first, 1)).map((d) => d.events.id);
      await first.close();

      for (let batch = 0; batch < 26; batch++) {
        await Promise.all(Array.from({ length: 20 }, () => m.createConnectedAccount(p.secretKey)));
      }
      const missed = await m.eventsInDb(p.platformId, { afterId: lastSeen });
      expect(missed).toHaveLength(520);

      const again = await live.ws(h, p.secretKey, EVENTS, { after: lastSeen }, { platformId: p.platformId });
      const sentinel = await m.createConnectedAccount(p.secretKey);
      const received = (await take(again, 521, 10_000)).map((d) => d.events);
      expect(received.map((e) => e.id)).toEqual([...missed.map((e) => e.id), (await m.eventsInDb(p.platformId)).at(-1)!.id]);
      expect(received.at(-1)!.objectId).toBe(sentinel);
      expect(again.buffered).toEqual([]);
    }, 120_000);

    it('replays to an account session only its own account\'s events', async () => {
      const p = await createPlatform(h.gateway);
      const a = await m.createConnectedAccount(p.secretKey);
      const b = await m.createConnectedAccount(p.secretKey);
      const session = await m.createAccountSession(p.secretKey, a);
      const faA = await m.createFinancialAccount(p.secretKey, { account: a });
      const ownEvent = (await m.eventsInDb(p.platformId, { accountId: a })).at(-1)!;
      expect(ownEvent.objectId).toBe(faA.id);

      // While the session is away: B's, the platform's own, and A's changes, interleaved.
      const faB = await m.createFinancialAccount(p.secretKey, { account: b });
      await m.updateFinancialAccount(p.secretKey, { financialAccount: faA.id, nickname: 'A1' });
      const own = await m.createFinancialAccount(p.secretKey, {});
      await m.closeFinancialAccount(p.secretKey, faB.id);
      await m.updateFinancialAccount(session.clientSecret, { financialAccount: faA.id, metadata: { by: 'session' } });
      await m.closeFinancialAccount(p.secretKey, own.id);

      const expected = await m.eventsInDb(p.platformId, { afterId: ownEvent.id, accountId: a });
      expect(expected).toHaveLength(2);
      const sub = await live.ws(h, session.clientSecret, EVENTS, { after: ownEvent.id }, { platformId: p.platformId });
      const replayed = (await take(sub, 2)).map((d) => d.events);
      expect(replayed.map((e) => e.id)).toEqual(expected.map((e) => e.id));

      // Live: B's change is skipped, A's arrives.
      const faB2 = await m.createFinancialAccount(p.secretKey, { account: b });
      await m.closeFinancialAccount(p.secretKey, faB2.id);
      await m.closeFinancialAccount(p.secretKey, faA.id);
      const [next] = (await take(sub, 1)).map((d) => d.events);
      expect([next.type, next.objectId]).toEqual(['TREASURY_FINANCIAL_ACCOUNT_CLOSED', faA.id]);
      expect(sub.buffered).toEqual([]);
    });

    it('filters by types, in the replay and live', async () => {
      const p = await createPlatform(h.gateway);
      const account = await m.createConnectedAccount(p.secretKey);
      const types = ['TREASURY_FINANCIAL_ACCOUNT_CREATED', 'TREASURY_FINANCIAL_ACCOUNT_CLOSED'] as const;

      const liveOnly = await live.ws(h, p.secretKey, EVENTS, { types: [...types] }, { platformId: p.platformId });
      const closedOnly = await live.ws(h, p.secretKey, EVENTS, { types: ['TREASURY_FINANCIAL_ACCOUNT_CLOSED'] }, { platformId: p.platformId });
      const fa1 = await m.createFinancialAccount(p.secretKey, { account });
      await m.updateFinancialAccount(p.secretKey, { financialAccount: fa1.id, nickname: 'x' });
      await m.closeFinancialAccount(p.secretKey, fa1.id);
      await m.createConnectedAccount(p.secretKey);
      const fa2 = await m.createFinancialAccount(p.secretKey, { account });

      expect((await take(liveOnly, 3)).map((d) => [d.events.type, d.events.objectId])).toEqual([
        ['TREASURY_FINANCIAL_ACCOUNT_CREATED', fa1.id],
        ['TREASURY_FINANCIAL_ACCOUNT_CLOSED', fa1.id],
        ['TREASURY_FINANCIAL_ACCOUNT_CREATED', fa2.id],
      ]);
      expect((await take(closedOnly, 1)).map((d) => [d.events.type, d.events.objectId])).toEqual([['TREASURY_FINANCIAL_ACCOUNT_CLOSED', fa1.id]]);

      // Replay from the connected account's creation, with types: only those types, then live.
      const log = await m.eventsInDb(p.platformId);
      const replay = await live.ws(h, p.secretKey, EVENTS, { after: log[0].id, types: [...types] }, { platformId: p.platformId });
      const replayed = (await take(replay, 3)).map((d) => d.events.id);
      expect(replayed).toEqual(
        log.filter((e) => e.type === 'treasury.financial_account.created' || e.type === 'treasury.financial_account.closed').map((e) => e.id),
      );
      await m.updateFinancialAccount(p.secretKey, { financialAccount: fa2.id, nickname: 'y' });
      await m.closeFinancialAccount(p.secretKey, fa2.id);
      expect((await take(replay, 1)).map((d) => [d.events.type, d.events.objectId])).toEqual([['TREASURY_FINANCIAL_ACCOUNT_CLOSED', fa2.id]]);
      expect((await take(closedOnly, 1)).map((d) => d.events.objectId)).toEqual([fa2.id]);
      expect((await take(liveOnly, 1)).map((d) => [d.events.type, d.events.objectId])).toEqual([['TREASURY_FINANCIAL_ACCOUNT_CLOSED', fa2.id]]);
      expect(replay.buffered).toEqual([]);
      expect(liveOnly.buffered).toEqual([]);
      expect(closedOnly.buffered).toEqual([]);
    });

    it('refuses an unknown, malformed or foreign `after` with a BAD_USER_INPUT error naming `after`', async () => {
      const p1 = await createPlatform(h.gateway);
      const p2 = await createPlatform(h.gateway);
      const a = await m.createConnectedAccount(p1.secretKey);
      const b = await m.createConnectedAccount(p1.secretKey);
      const faB = await m.createFinancialAccount(p1.secretKey, { account: b });
      const own = await m.createFinancialAccount(p1.secretKey, {});
      const session = await m.createAccountSession(p1.secretKey, a);
      const [eventOfB] = await m.eventsInDb(p1.platformId, { accountId: b });
      const [eventOfPlatform] = await m.eventsInDb(p1.platformId, { accountId: p1.platformId });
      expect(eventOfPlatform.objectId).toBe(own.id);

      const cases: Array<[string, string, string]> = [
        ['unknown event', p1.secretKey, 'evt_0000000000000000000000'],
        ['not an event id', p1.secretKey, faB.id],
        ['another platform\'s event', p2.secretKey, eventOfB.id],
        ['another account\'s event (account session)', session.clientSecret, eventOfB.id],
        ['the platform\'s own event (account session)', session.clientSecret, eventOfPlatform.id],
        ['another account\'s event (Stripe-Context)', p1.secretKey, eventOfB.id],
      ];
      for (const [name, token, after] of cases) {
        const extraParams = name.includes('Stripe-Context') ? { stripeContext: a } : undefined;
        const sub = await subscribeWs(live.client(h, token, extraParams), EVENTS, { after });
        const result = await sub.next(5000);
        expect(result.data ?? null, name).toBeNull();
        expect(result.errors, name).toEqual([
          expect.objectContaining({
            path: ['events'],
            extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: ['after'] }),
          }),
        ]);
        expect(result.errors![0].message, name).toContain(after);
        await within(sub.completed, 5000, `${name}: the subscription to end`);

        if (extraParams) continue; // the SSE helper sends no Stripe-Context header
        const overSse = await subscribeSse(h.gateway.url, token, EVENTS, { after });
        try {
          const sseResult = await overSse.next(5000);
          expect(sseResult.data ?? null, name).toBeNull();
          expect(sseResult.errors?.[0].extensions, name).toMatchObject({ code: 'BAD_USER_INPUT', argument: ['after'] });
          await within(overSse.completed, 5000, `${name}: the SSE response to end`);
        } finally {
          await overSse.close();
        }
      }
      // None of them listened for anything.
      expect(h.bus.startedFor(p1.platformId)).toBe(0);
      expect(h.bus.startedFor(p2.platformId)).toBe(0);
    });
  });

  describe('scope isolation', () => {
    it('an account session sees only its own account\'s events through every subscription field; another platform\'s key sees none', async () => {
      const p1 = await createPlatform(h.gateway);
      const p2 = await createPlatform(h.gateway);
      // Pending capabilities: feature changes happen within the mutations (no asynchronous activation).
      const a = await m.createConnectedAccount(p1.secretKey, { capabilityStatus: 'PENDING' });
      const b = await m.createConnectedAccount(p1.secretKey, { capabilityStatus: 'PENDING' });
      const c = await m.createConnectedAccount(p2.secretKey, { capabilityStatus: 'PENDING' });
      const session = await m.createAccountSession(p1.secretKey, a);
      const secret = session.clientSecret;
      const faB = await m.createFinancialAccount(p1.secretKey, { account: b, nickname: 'B existing' });

      const P1 = { platformId: p1.platformId };
      const P2 = { platformId: p2.platformId };
      const asA = {
        events: await live.ws(h, secret, EVENTS, {}, P1),
        eventsViaContext: await live.ws(h, p1.secretKey, EVENTS, {}, { ...P1, extraParams: { stripeContext: a } }),
        eventsSse: await live.sse(h, secret, EVENTS, {}, P1),
        created: await live.ws(h, secret, FA_CREATED, {}, P1),
        closed: await live.ws(h, secret, FA_CLOSED, {}, P1),
        features: await live.ws(h, secret, FA_FEATURES, {}, P1),
        closedOfB: await live.ws(h, secret, FA_CLOSED, { financialAccount: faB.id }, P1),
        featuresOfB: await live.ws(h, secret, FA_FEATURES, { financialAccount: faB.id }, P1),
      };
      const asP2 = {
        events: await live.ws(h, p2.secretKey, EVENTS, {}, P2),
        created: await live.ws(h, p2.secretKey, FA_CREATED, {}, P2),
        closed: await live.ws(h, p2.secretKey, FA_CLOSED, {}, P2),
        features: await live.ws(h, p2.secretKey, FA_FEATURES, {}, P2),
      };

      // Everything A and P2 must not see: B's, the platform's own, and account events of others.
      const mark = (await m.eventsInDb(p1.platformId)).at(-1)!.id;
      const fb = await m.createFinancialAccount(p1.secretKey, { account: b });
      await m.updateFinancialAccount(p1.secretKey, { financialAccount: fb.id, features: [{ feature: 'DEPOSIT_INSURANCE', requested: true }] });
      await m.updateFinancialAccount(p1.secretKey, { financialAccount: faB.id, features: [{ feature: 'DEPOSIT_INSURANCE', requested: true }] });
      await m.closeFinancialAccount(p1.secretKey, fb.id);
      await m.closeFinancialAccount(p1.secretKey, faB.id);
      const own = await m.createFinancialAccount(p1.secretKey, { features: [{ feature: 'DEPOSIT_INSURANCE', requested: true }] });
      await m.closeFinancialAccount(p1.secretKey, own.id);
      await m.createConnectedAccount(p1.secretKey);

      // Then A's own changes.
      const fa = await m.createFinancialAccount(p1.secretKey, { account: a, nickname: 'A one' });
      await m.updateFinancialAccount(secret, { financialAccount: fa.id, features: [{ feature: 'DEPOSIT_INSURANCE', requested: true }] });
      const closedA = await m.closeFinancialAccount(p1.secretKey, fa.id);
      const logA = await m.eventsInDb(p1.platformId, { afterId: mark, accountId: a });
      expect(logA.map((e) => e.type)).toEqual([
        'treasury.financial_account.created',
        'treasury.financial_account.updated',
        'treasury.financial_account.features_status_updated',
        'treasury.financial_account.closed',
        'treasury.financial_account.features_status_updated',
      ]);
      // The noise really happened (and would have been visible to the platform).
      const noise = (await m.eventsInDb(p1.platformId, { afterId: mark })).filter((e) => e.accountId !== a);
      expect(noise.length).toBeGreaterThanOrEqual(12);

      // A's subscriptions: exactly A's events, in order, first thing.
      for (const [name, sub] of [['session', asA.events], ['Stripe-Context', asA.eventsViaContext], ['session over SSE', asA.eventsSse]] as const) {
        const received = (await take(sub, logA.length)).map((d) => d.events);
        expect(received.map((e) => e.id), name).toEqual(logA.map((e) => e.id));
        expect(received.every((e) => e.connectedAccount?.id === a), name).toBe(true);
      }
      expect((await take(asA.created, 1))[0].financialAccountCreated.id).toBe(fa.id);
      const closedDelivered = (await take(asA.closed, 1))[0].financialAccountClosed;
      expect(closedDelivered).toMatchObject({ id: fa.id, status: 'CLOSED' });
      expect(closedDelivered).toEqual(closedA);
      expect((await take(asA.features, 2)).map((d) => d.financialAccountFeaturesStatusUpdated.id)).toEqual([fa.id, fa.id]);

      // P2: now its own changes arrive first; none of P1's came before.
      const fc = await m.createFinancialAccount(p2.secretKey, { account: c });
      await m.updateFinancialAccount(p2.secretKey, { financialAccount: fc.id, features: [{ feature: 'DEPOSIT_INSURANCE', requested: true }] });
      await m.closeFinancialAccount(p2.secretKey, fc.id);
      const logC = await m.eventsInDb(p2.platformId, { accountId: c });
      const p2Events = (await take(asP2.events, logC.length - 1)).map((d) => d.events);
      expect(p2Events.map((e) => e.id)).toEqual(logC.slice(1).map((e) => e.id)); // after c's account.created
      expect((await take(asP2.created, 1))[0].financialAccountCreated.id).toBe(fc.id);
      expect((await take(asP2.closed, 1))[0].financialAccountClosed.id).toBe(fc.id);
      expect((await take(asP2.features, 2)).map((d) => d.financialAccountFeaturesStatusUpdated.id)).toEqual([fc.id, fc.id]);

      // Nothing else anywhere, including A's subscriptions filtered to B's financial account.
      for (const [name, sub] of Object.entries({ ...asA, ...Object.fromEntries(Object.entries(asP2).map(([k, v]) => [`p2 ${k}`, v])) })) {
        expect((sub as LiveSubscription<unknown>).buffered, name).toEqual([]);
      }
    });
  });

  describe('closing a subscription', () => {
    it('stops the server listening at once, without waiting for another event', async () => {
      const p = await createPlatform(h.gateway);
      const unsubscribed = await live.ws(h, p.secretKey, EVENTS, {}, { platformId: p.platformId });
      const disconnectedClient = live.client(h, p.secretKey);
      const before = h.bus.startedFor(p.platformId);
      await subscribeWs(disconnectedClient, FA_CREATED, {});
      await h.bus.until(() => h.bus.startedFor(p.platformId) > before, 'the second subscription to go live');
      const sse = await live.sse(h, p.secretKey, EVENTS, {}, { platformId: p.platformId });
      expect(h.bus.listeningFor(p.platformId)).toBe(3);

      await unsubscribed.close(); // graphql-ws Complete; the socket stays open
      await disconnectedClient.dispose(); // the socket closes
      await sse.close(); // the HTTP response is aborted
      await h.bus.until(
        () => h.bus.listeningFor(p.platformId) === 0,
        () => `every closed subscription to stop listening (still listening: ${h.bus.listeningFor(p.platformId)} of 3)`,
        3000,
      );
    });
  });
});

// ===========================================================================

describe('account session expiry', () => {
  const h = {} as Harness;
  const live = harness();
  let m: ReturnType<typeof mutations>;

  beforeAll(async () => {
    h.bus = new ObservedBus();
    h.gateway = await startGateway({ eventBus: h.bus, accountSessionTtlSeconds: 2 });
    m = mutations(h);
  });

  afterAll(async () => {
    await h.gateway?.stop();
  });

  it('ends the session\'s open subscriptions with UNAUTHENTICATED at expiry, over graphql-ws and SSE', async () => {
    const p = await createPlatform(h.gateway);
    const account = await m.createConnectedAccount(p.secretKey);
    const session = await m.createAccountSession(p.secretKey, account);
    const expiresAt = new Date(session.expiresAt).getTime();
    expect(expiresAt - Date.now()).toBeGreaterThan(1000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(2000);

    const P = { platformId: p.platformId };
    const subs = {
      events: await live.ws(h, session.clientSecret, EVENTS, {}, P),
      created: await live.ws(h, session.clientSecret, FA_CREATED, {}, P),
      features: await live.ws(h, session.clientSecret, FA_FEATURES, {}, P),
      sse: await live.sse(h, session.clientSecret, EVENTS, {}, P),
    };
    // A platform subscriber does not expire.
    const platform = await live.ws(h, p.secretKey, EVENTS, {}, P);

    // Live before expiry.
    const fa = await m.createFinancialAccount(p.secretKey, { account });
    expect((await take(subs.events, 1))[0].events.objectId).toBe(fa.id);
    expect((await take(subs.sse, 1))[0].events.objectId).toBe(fa.id);
    expect((await take(subs.created, 1))[0].financialAccountCreated.id).toBe(fa.id);
    expect((await take(platform, 1))[0].events.objectId).toBe(fa.id);
    expect(Date.now()).toBeLessThan(expiresAt);

    // At expiry, each gets one UNAUTHENTICATED error and completes.
    for (const [name, sub] of Object.entries(subs)) {
      const result = await (sub as LiveSubscription<unknown>).next(4000);
      const at = Date.now();
      expect(result.data ?? null, name).toBeNull();
      expect(result.errors, name).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
      expect(at, name).toBeGreaterThanOrEqual(expiresAt - 20);
      expect(at, name).toBeLessThan(expiresAt + 2000);
      await within((sub as LiveSubscription<unknown>).completed, 2000, `${name} to complete`);
      expect((sub as LiveSubscription<unknown>).buffered, name).toEqual([]);
    }
    // The server stopped listening for them; the platform's subscription goes on.
    await h.bus.until(() => h.bus.listeningFor(p.platformId) === 1, 'the expired subscriptions to stop listening');
    const after = await m.createFinancialAccount(p.secretKey, { account });
    expect((await take(platform, 1))[0].events.objectId).toBe(after.id);
  });

  it('refuses a new subscription with the expired secret over SSE (401 UNAUTHENTICATED)', async () => {
    const p = await createPlatform(h.gateway);
    const account = await m.createConnectedAccount(p.secretKey);
    const session = await m.createAccountSession(p.secretKey, account);
    const expiresAt = new Date(session.expiresAt).getTime();
    // Wait for expiry on the real signal: an open subscription's end.
    const watcher = await live.ws(h, session.clientSecret, EVENTS, {}, { platformId: p.platformId });
    await within(watcher.completed, 4000, 'the session to expire');
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt - 20);

    const sub = await subscribeSse(h.gateway.url, session.clientSecret, EVENTS, {});
    try {
      expect(sub.status).toBe(401);
      const result = await sub.next(5000);
      expect(result.data ?? null).toBeNull();
      expect(result.errors).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/expired/), extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
      ]);
    } finally {
      await sub.close();
    }
    expect(h.bus.startedFor(p.platformId)).toBe(1);
  });

  it('refuses a new subscription with the expired secret over graphql-ws as an authentication failure', async () => {
    const p = await createPlatform(h.gateway);
    const account = await m.createConnectedAccount(p.secretKey);
    const session = await m.createAccountSession(p.secretKey, account);
    const watcher = await live.ws(h, session.clientSecret, EVENTS, {}, { platformId: p.platformId });
    await within(watcher.completed, 4000, 'the session to expire');

    const outcome = await attemptWs(live.client(h, session.clientSecret));
    expect(h.bus.startedFor(p.platformId)).toBe(1);
    expectAuthenticationRefusal(outcome, /expired/);
  });
});
