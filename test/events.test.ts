// Events through the real server: the `events` connection (order, filters,
// scope, Stripe's shape, no full account numbers), one event per change written
// in the change's own transaction, and the guarantee that a failure after the
// change rolls back the change and its events together, with nothing published.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.ts';
import type {
  CapabilityInput,
  CreateConnectedAccountInput,
  CreateFinancialAccountInput,
  EventFilter,
  UpdateConnectedAccountInput,
  UpdateFinancialAccountInput,
} from './gql/graphql.ts';
import { startGateway, type TestGateway } from './support/gateway.ts';
import { createFlows, createPlatform } from './support/fixtures.ts';
import { subscribeWs, wsClient, type LiveSubscription } from './support/live.ts';
import { ObservedBus } from './support/observed-bus.ts';

const WAIT_MS = 10_000;


const CREATE_ACCOUNT = graphql(`
  mutation EvtCreateAccount($input: CreateConnectedAccountInput!) {
    createConnectedAccount(input: $input) { connectedAccount { id email } userErrors { code message field } }
  }
`);
const UPDATE_ACCOUNT = graphql(`
  mutation EvtUpdateAccount($input: UpdateConnectedAccountInput!) {
    updateConnectedAccount(input: $input) { connectedAccount { id email displayName } userErrors { code message field } }
  }
`);
const CREATE_SESSION = graphql(`
  mutation EvtCreateSession($account: ID!) {
    createAccountSession(input: { account: $account }) { accountSession { clientSecret } userErrors { code message } }
  }
`);
const CREATE_FA = graphql(`
  mutation EvtCreateFinancialAccount($input: CreateFinancialAccountInput!) {
    createFinancialAccount(input: $input) { financialAccount { id nickname } userErrors { code message field } }
  }
`);
const UPDATE_FA = graphql(`
  mutation EvtUpdateFinancialAccount($input: UpdateFinancialAccountInput!) {
    updateFinancialAccount(input: $input) { financialAccount { id nickname } userErrors { code message field } }
  }
`);
const CLOSE_FA = graphql(`
  mutation EvtCloseFinancialAccount($id: ID!) {
    closeFinancialAccount(input: { financialAccount: $id }) { financialAccount { id status } userErrors { code message field } }
  }
`);
const FINANCIAL_ACCOUNT = graphql(`
  query EvtFinancialAccount($id: ID!) {
    financialAccount(id: $id) {
      id
      status
      nickname
      activeFeatures
      features { feature status statusDetails { code } }
      financialAddresses { aba { accountNumber accountNumberLast4 } }
    }
  }
`);
const EVENTS = graphql(`
  query EvtEvents($filter: EventFilter, $first: Int, $after: String) {
    events(filter: $filter, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { id type created livemode objectId data connectedAccount { id } financialAccount { id } }
    }
  }
`);
const EVENT_BY_ID = graphql(`
  query EvtEventById($id: ID!) {
    event(id: $id) { id type objectId }
    node(id: $id) { __typename id }
  }
`);
const EVENT_STREAM = graphql(`
  subscription EvtStream($types: [EventType!], $after: ID) {
    events(types: $types, after: $after) { id type objectId data }
  }
`);

type ListedEvent = { id: string; type: string; created: string; livemode: boolean; objectId: string; data: any; connectedAccount: { id: string } | null; financialAccount: { id: string } | null };
type StreamEvent = { id: string; type: string; objectId: string; data: any };

let gateway: TestGateway;
let bus: ObservedBus;
const logged: unknown[] = [];
const clients: Array<{ dispose(): void | Promise<void> }> = [];
const subscriptions: Array<LiveSubscription<unknown>> = [];

let p1: { platformId: string; secretKey: string };
let p2: { platformId: string; secretKey: string };
let alpha: string;
let beta: string;
let gamma: string;
let faAlpha: string;
let faBeta: string;
let faGamma: string;
let sessionAlpha: string;
let alphaAccountNumber: string;

const ALL_ACTIVE: CapabilityInput[] = [
  { name: 'TREASURY', status: 'ACTIVE' },
  { name: 'US_BANK_ACCOUNT_ACH_PAYMENTS', status: 'ACTIVE' },
];

// ---------------------------------------------------------------------------------------------
// Helpers

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits until no feature waits for its activation, so no background event is on its way. */
async function settle() {
  await until(async () => {
    const [{ count }] = await gateway.db.prisma.$queryRaw<Array<{ count: number }>>`
      SELECT count(*)::int AS count FROM "FeatureSetting" WHERE "status" = 'pending' AND "statusDetails" @> '[{"code": "activating"}]'::jsonb`;
    return count === 0;
  }, 'pending activations to finish');
}

async function createAccount(token: string, input: { displayName?: string; email?: string; capabilities?: CapabilityInput[] }) {
  const res = await gateway.graphql(CREATE_ACCOUNT, { token, variables: { input } });
  expect(res.errors).toBeUndefined();
  expect(res.data!.createConnectedAccount.userErrors).toEqual([]);
  return res.data!.createConnectedAccount.connectedAccount!.id;
}

async function createFa(token: string, input: Omit<CreateFinancialAccountInput, 'supportedCurrencies'>) {
  const res = await gateway.graphql(CREATE_FA, { token, variables: { input: { supportedCurrencies: ['usd'], ...input } } });
  expect(res.errors).toBeUndefined();
  expect(res.data!.createFinancialAccount.userErrors).toEqual([]);
  return res.data!.createFinancialAccount.financialAccount!.id;
}

async function updateFa(token: string, input: UpdateFinancialAccountInput) {
  const res = await gateway.graphql(UPDATE_FA, { token, variables: { input } });
  expect(res.errors).toBeUndefined();
  expect(res.data!.updateFinancialAccount.userErrors).toEqual([]);
  return res.data!.updateFinancialAccount.financialAccount!;
}

async function readFa(id: string, token = p1.secretKey) {
  const res = await gateway.graphql(FINANCIAL_ACCOUNT, { token, variables: { id } });
  expect(res.errors).toBeUndefined();
  return res.data!.financialAccount!;
}

/** Every event the token may see (all pages), newest first. */
async function allEvents(token: string, filter?: EventFilter, headers?: Record<string, string>): Promise<ListedEvent[]> {
  const out: ListedEvent[] = [];
  let after: string | null | undefined = null;
  for (;;) {
    const res: { errors?: unknown; data?: { events: { pageInfo: { hasNextPage: boolean; endCursor?: string | null }; nodes: unknown[] } } } =
      await gateway.graphql(EVENTS, {
      token,
      headers,
      variables: { filter, first: 100, after },
    });
    expect(res.errors).toBeUndefined();
    out.push(...(res.data!.events.nodes as ListedEvent[]));
    if (!res.data!.events.pageInfo.hasNextPage) return out;
    after = res.data!.events.pageInfo.endCursor;
  }
}

async function maxSequence(): Promise<bigint> {
  const row = await gateway.db.prisma.event.findFirst({ orderBy: { sequence: 'desc' }, select: { sequence: true } });
  return row?.sequence ?? 0n;
}

/** The event rows written after `sequence`, in order, as `type objectId`. */
async function rowsSince(sequence: bigint) {
  return gateway.db.prisma.event.findMany({ where: { sequence: { gt: sequence } }, orderBy: { sequence: 'asc' } });
}

const typeAndObject = (rows: Array<{ type: string; objectId: string }>) => rows.map((r) => `${r.type} ${r.objectId}`);

/** An events subscription over graphql-ws with the platform key, live on the server when it returns. */
async function liveEvents(token: string, variables: { types?: string[] | null; after?: string | null } = {}) {
  const client = wsClient(gateway.url, token);
  clients.push(client);
  // Live once it has joined the server's fan-out (subscribers of one operation and scope share one bus listener).
  const before = gateway.server.live!.joinedFor();
  const subscription = await subscribeWs(client, EVENT_STREAM, variables as never);
  subscriptions.push(subscription as LiveSubscription<unknown>);
  await until(() => gateway.server.live!.joinedFor() > before, 'the subscription to be live');
  return subscription;
}

async function nextEvent(subscription: LiveSubscription<{ events: StreamEvent }>): Promise<StreamEvent> {
  const result = await subscription.next(WAIT_MS);
  expect(result.errors).toBeUndefined();
  return result.data!.events;
}

/** Every key of a JSON value, at any depth, except inside metadata (whose keys are the user's). */
function keysOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => keysOf(item, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      if (k !== 'metadata') keysOf(v, out);
    }
  }
  return out;
}

async function execSql(...statements: string[]) {
  for (const statement of statements) await gateway.db.prisma.$executeRawUnsafe(statement);
}

const failEventsOfType = (type: string) => [
  `CREATE OR REPLACE FUNCTION evt_test_fail_event() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql`,
  `CREATE TRIGGER evt_test_fail_event BEFORE INSERT ON "Event" FOR EACH ROW WHEN (NEW.type = '${type}') EXECUTE FUNCTION evt_test_fail_event()`,
];
/** The same failure, raised only when the transaction commits (a deferred constraint trigger): after everything else ran. */
const failEventsOfTypeAtCommit = (type: string) => [
  failEventsOfType(type)[0],
  `CREATE CONSTRAINT TRIGGER evt_test_fail_event AFTER INSERT ON "Event" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.type = '${type}') EXECUTE FUNCTION evt_test_fail_event()`,
];
const DROP_TRIGGER = [`DROP TRIGGER IF EXISTS evt_test_fail_event ON "Event"`, `DROP FUNCTION IF EXISTS evt_test_fail_event()`];

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  bus = new ObservedBus();
  gateway = await startGateway({ eventBus: bus, logError: (error) => logged.push(error) });
  p1 = await createPlatform(gateway, { name: 'Events Platform' });
  p2 = await createPlatform(gateway, { name: 'Other Platform' });

  alpha = await createAccount(p1.secretKey, { displayName: 'Alpha Co', email: 'alpha@example.com', capabilities: ALL_ACTIVE });
  beta = await createAccount(p1.secretKey, { displayName: 'Beta Co', capabilities: ALL_ACTIVE });
  gamma = await createAccount(p2.secretKey, { displayName: 'Gamma Co', capabilities: ALL_ACTIVE });
  const aba = [{ feature: 'FINANCIAL_ADDRESSES_ABA' as const, requested: true }];
  faAlpha = await createFa(p1.secretKey, {
    account: alpha,
    nickname: 'Alpha main',
    features: [...aba, { feature: 'OUTBOUND_TRANSFERS_ACH', requested: true }],
  });
  faBeta = await createFa(p1.secretKey, { account: beta, features: aba });
  faGamma = await createFa(p2.secretKey, { account: gamma, features: aba });
  await settle();
  await updateFa(p1.secretKey, { financialAccount: faAlpha, nickname: 'Alpha operating', metadata: { team: 'ops' } });
  const updated = await gateway.graphql(UPDATE_ACCOUNT, { token: p1.secretKey, variables: { input: { account: alpha, email: 'treasury@alpha.example.com' } } });
  expect(updated.data!.updateConnectedAccount.userErrors).toEqual([]);

  const session = await gateway.graphql(CREATE_SESSION, { token: p1.secretKey, variables: { account: alpha } });
  sessionAlpha = session.data!.createAccountSession.accountSession!.clientSecret;
  alphaAccountNumber = (await readFa(faAlpha)).financialAddresses[0].aba!.accountNumber!;
  expect(alphaAccountNumber).toMatch(/^\d+$/);
});

afterAll(async () => {
  for (const subscription of subscriptions) await subscription.close();
  for (const client of clients) await client.dispose();
  await gateway?.stop();
});

describe('the events connection', () => {
  it('lists every event of the platform, newest first, and pages through them', async () => {
    const events = await allEvents(p1.secretKey);
    const rows = await gateway.db.prisma.event.findMany({ where: { platformId: p1.platformId } });
    expect(events.map((e) => e.id).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(events.length).toBeGreaterThanOrEqual(8);
    for (const e of events) expect(e.id).toMatch(/^evt_[0-9A-Za-z]+$/);
    for (let i = 1; i < events.length; i++) {
      expect(new Date(events[i - 1].created).getTime()).toBeGreaterThanOrEqual(new Date(events[i].created).getTime());
    }
    // What happened, newest first (the setup's changes, in reverse).
    const story = events.map((e) => `${e.type} ${e.objectId}`);
    const at = (s: string) => {
      expect(story).toContain(s);
      return story.indexOf(s);
    };
    expect(at(`ACCOUNT_UPDATED ${alpha}`)).toBeLessThan(at(`TREASURY_FINANCIAL_ACCOUNT_UPDATED ${faAlpha}`));
    expect(at(`TREASURY_FINANCIAL_ACCOUNT_UPDATED ${faAlpha}`)).toBeLessThan(at(`TREASURY_FINANCIAL_ACCOUNT_FEATURES_STATUS_UPDATED ${faAlpha}`));
    expect(at(`TREASURY_FINANCIAL_ACCOUNT_FEATURES_STATUS_UPDATED ${faAlpha}`)).toBeLessThan(at(`TREASURY_FINANCIAL_ACCOUNT_CREATED ${faAlpha}`));
    expect(at(`TREASURY_FINANCIAL_ACCOUNT_CREATED ${faBeta}`)).toBeLessThan(at(`TREASURY_FINANCIAL_ACCOUNT_CREATED ${faAlpha}`));
    expect(at(`TREASURY_FINANCIAL_ACCOUNT_CREATED ${faAlpha}`)).toBeLessThan(at(`ACCOUNT_CREATED ${beta}`));
    expect(at(`ACCOUNT_CREATED ${beta}`)).toBeLessThan(at(`ACCOUNT_CREATED ${alpha}`));

    // A new change is the first one listed.
    await updateFa(p1.secretKey, { financialAccount: faBeta, nickname: 'Beta main' });
    const newest = await gateway.graphql(EVENTS, { token: p1.secretKey, variables: { first: 1 } });
    expect(newest.data!.events.nodes.map((e) => `${e.type} ${e.objectId}`)).toEqual([`TREASURY_FINANCIAL_ACCOUNT_UPDATED ${faBeta}`]);

    // Pages continue each other without overlap.
    const six = (await gateway.graphql(EVENTS, { token: p1.secretKey, variables: { first: 6 } })).data!.events;
    const first3 = (await gateway.graphql(EVENTS, { token: p1.secretKey, variables: { first: 3 } })).data!.events;
    const next3 = (await gateway.graphql(EVENTS, { token: p1.secretKey, variables: { first: 3, after: first3.pageInfo.endCursor } })).data!.events;
    expect(first3.pageInfo.hasNextPage).toBe(true);
    expect([...first3.nodes, ...next3.nodes].map((e) => e.id)).toEqual(six.nodes.map((e) => e.id));
  });

  it('gives each event its object in Stripe\'s JSON shape, and previous_attributes for updates', async () => {
    const events = await allEvents(p1.secretKey);
    for (const e of events) {
      expect(e.livemode).toBe(false);
      expect(Object.keys(e.data).every((k) => k === 'object' || k === 'previous_attributes')).toBe(true);
      expect(typeof e.data.object).toBe('object');
      // Stripe's shape: snake_case keys, unix seconds.
      for (const k of keysOf(e.data)) expect(k).toMatch(/^[a-z0-9_.]+$/);
      if (e.type !== 'CAPABILITY_UPDATED') expect(e.data.object.id).toBe(e.objectId);
      if ('created' in e.data.object) {
        expect(Number.isInteger(e.data.object.created)).toBe(true);
        expect(Math.abs(e.data.object.created - Date.now() / 1000)).toBeLessThan(3600);
      }
    }
    const find = (type: string, objectId: string) => events.find((e) => e.type === type && e.objectId === objectId)!;

    const accountCreated = find('ACCOUNT_CREATED', alpha);
    expect(accountCreated.data.object).toMatchObject({
      id: alpha,
      object: 'account',
      business_profile: { name: 'Alpha Co' },
      email: 'alpha@example.com',
      capabilities: { treasury: 'active', us_bank_account_ach_payments: 'active' },
    });
    expect(accountCreated.data.previous_attributes).toBeUndefined();
    expect(accountCreated.connectedAccount).toEqual({ id: alpha });
    expect(accountCreated.financialAccount).toBeNull();

    const accountUpdated = find('ACCOUNT_UPDATED', alpha);
    expect(accountUpdated.data.object.email).toBe('treasury@alpha.example.com');
    expect(accountUpdated.data.previous_attributes).toEqual({ email: 'alpha@example.com' });

    const faCreated = find('TREASURY_FINANCIAL_ACCOUNT_CREATED', faAlpha);
    expect(faCreated.data.object).toMatchObject({
      id: faAlpha,
      object: 'treasury.financial_account',
      status: 'open',
      nickname: 'Alpha main',
      supported_currencies: ['usd'],
      active_features: [],
      balance: { cash: { usd: 0 }, inbound_pending: { usd: 0 }, outbound_pending: { usd: 0 } },
      features: {
        financial_addresses: { aba: { requested: true, status: 'pending', status_details: [{ code: 'activating', resolution: null, restriction: null }] } },
      },
      financial_addresses: [],
    });
    expect([...faCreated.data.object.pending_features].sort()).toEqual(['financial_addresses.aba', 'outbound_transfers.ach']);
    expect(faCreated.financialAccount).toEqual({ id: faAlpha });
    expect(faCreated.connectedAccount).toEqual({ id: alpha });

    const faUpdated = find('TREASURY_FINANCIAL_ACCOUNT_UPDATED', faAlpha);
    expect(faUpdated.data.object).toMatchObject({ nickname: 'Alpha operating', metadata: { team: 'ops' } });
    expect(faUpdated.data.previous_attributes).toEqual({ nickname: 'Alpha main', metadata: {} });

    const activated = find('TREASURY_FINANCIAL_ACCOUNT_FEATURES_STATUS_UPDATED', faAlpha);
    expect([...activated.data.object.active_features].sort()).toEqual(['financial_addresses.aba', 'outbound_transfers.ach']);
    expect(activated.data.object.financial_addresses).toHaveLength(1);
  });

  it('never carries the full ABA account number', async () => {
    const last4 = alphaAccountNumber.slice(-4);
    const events = await allEvents(p1.secretKey);
    const withAddress = events.filter((e) => e.data.object.financial_addresses?.length);
    // The address is in the events (so the search below means something), with its last 4 only.
    expect(withAddress.length).toBeGreaterThan(0);
    for (const e of withAddress.filter((e) => e.objectId === faAlpha)) {
      expect(e.data.object.financial_addresses[0].aba.account_number_last4).toBe(last4);
      expect(e.data.object.financial_addresses[0].aba).not.toHaveProperty('account_number');
    }
    expect(JSON.stringify(events)).not.toContain(alphaAccountNumber);
    for (const e of events) expect(keysOf(e.data)).not.toContain('account_number');
    // Nor does the stored log, whoever would read it.
    const rows = await gateway.db.prisma.event.findMany();
    expect(JSON.stringify(rows.map((r) => r.data))).not.toContain(alphaAccountNumber);
    const numbers = await gateway.db.prisma.financialAddress.findMany({ select: { accountNumber: true } });
    for (const { accountNumber } of numbers) expect(JSON.stringify(rows.map((r) => r.data))).not.toContain(accountNumber);
  });

  it('filters by types', async () => {
    const rows = await gateway.db.prisma.event.findMany({ where: { platformId: p1.platformId } });
    const created = await allEvents(p1.secretKey, { types: ['TREASURY_FINANCIAL_ACCOUNT_CREATED'] });
    expect(created.length).toBeGreaterThanOrEqual(2);
    expect(created.every((e) => e.type === 'TREASURY_FINANCIAL_ACCOUNT_CREATED')).toBe(true);
    expect(created.map((e) => e.id).sort()).toEqual(rows.filter((r) => r.type === 'treasury.financial_account.created').map((r) => r.id).sort());

    const two = await allEvents(p1.secretKey, { types: ['ACCOUNT_CREATED', 'TREASURY_FINANCIAL_ACCOUNT_FEATURES_STATUS_UPDATED'] });
    expect(two.map((e) => e.id).sort()).toEqual(
      rows.filter((r) => r.type === 'account.created' || r.type === 'treasury.financial_account.features_status_updated').map((r) => r.id).sort(),
    );
    expect(new Set(two.map((e) => e.type))).toEqual(new Set(['ACCOUNT_CREATED', 'TREASURY_FINANCIAL_ACCOUNT_FEATURES_STATUS_UPDATED']));

    expect(await allEvents(p1.secretKey, { types: ['TREASURY_OUTBOUND_TRANSFER_POSTED'] })).toEqual([]);
  });

  it('filters by a created range', async () => {
    const events = await allEvents(p1.secretKey);
    const times = [...new Set(events.map((e) => new Date(e.created).getTime()))].sort((a, b) => a - b);
    expect(times.length).toBeGreaterThanOrEqual(5);
    const pivot = times[Math.floor(times.length / 2)];
    const upper = times[times.length - 2];
    const iso = (t: number) => new Date(t).toISOString();
    const idsWhere = (test: (t: number) => boolean) => events.filter((e) => test(new Date(e.created).getTime())).map((e) => e.id);
    const check = async (created: { gt?: string; gte?: string; lt?: string; lte?: string }, test: (t: number) => boolean) => {
      const listed = await allEvents(p1.secretKey, { created });
      expect(listed.map((e) => e.id)).toEqual(idsWhere(test));
      expect(listed.length).toBeGreaterThan(0);
    };
    await check({ gte: iso(pivot) }, (t) => t >= pivot);
    await check({ gt: iso(pivot) }, (t) => t > pivot);
    await check({ lt: iso(pivot) }, (t) => t < pivot);
    await check({ lte: iso(pivot) }, (t) => t <= pivot);
    await check({ gte: iso(pivot), lt: iso(upper) }, (t) => t >= pivot && t < upper);
    // Together with a type.
    const typed = await allEvents(p1.secretKey, { created: { gte: iso(pivot) }, types: ['ACCOUNT_CREATED'] });
    expect(typed.map((e) => e.id)).toEqual(events.filter((e) => e.type === 'ACCOUNT_CREATED' && new Date(e.created).getTime() >= pivot).map((e) => e.id));

    // A range that ends before it starts is a clear error naming the argument.
    const bad = await gateway.graphql(EVENTS, { token: p1.secretKey, variables: { filter: { created: { gt: iso(upper), lt: iso(pivot) } } } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.errors?.[0].extensions?.argument ?? bad.errors?.[0].message)).toContain('created');
  });

  it('is scoped: an account sees its own events, another platform none of these', async () => {
    const rows = await gateway.db.prisma.event.findMany();
    const idsOf = (test: (r: (typeof rows)[number]) => boolean) => rows.filter(test).map((r) => r.id).sort();

    const forAlpha = await allEvents(sessionAlpha);
    expect(forAlpha.map((e) => e.id).sort()).toEqual(idsOf((r) => r.accountId === alpha));
    expect(forAlpha.map((e) => e.objectId)).toEqual(expect.arrayContaining([alpha, faAlpha]));
    expect(forAlpha.some((e) => e.objectId === beta || e.objectId === faBeta)).toBe(false);
    // The platform acting as Alpha (Stripe-Context) sees the same.
    const asAlpha = await allEvents(p1.secretKey, undefined, { 'stripe-context': alpha });
    expect(asAlpha.map((e) => e.id)).toEqual(forAlpha.map((e) => e.id));

    const forP2 = await allEvents(p2.secretKey);
    expect(forP2.map((e) => e.id).sort()).toEqual(idsOf((r) => r.platformId === p2.platformId));
    expect(forP2.map((e) => e.objectId)).toEqual(expect.arrayContaining([gamma, faGamma]));
    const p1Ids = new Set(idsOf((r) => r.platformId === p1.platformId));
    expect(forP2.some((e) => p1Ids.has(e.id))).toBe(false);

    // By id: someone else's event is indistinguishable from one that does not exist.
    const betaEvent = rows.find((r) => r.accountId === beta)!.id;
    const alphaEvent = rows.find((r) => r.accountId === alpha)!.id;
    const byId = async (token: string, id: string) => {
      const res = await gateway.graphql(EVENT_BY_ID, { token, variables: { id } });
      expect(res.errors).toBeUndefined();
      return res.data!;
    };
    expect(await byId(sessionAlpha, betaEvent)).toEqual({ event: null, node: null });
    expect(await byId(p2.secretKey, alphaEvent)).toEqual({ event: null, node: null });
    expect(await byId(p1.secretKey, 'evt_0000000000000000000000000')).toEqual({ event: null, node: null });
    expect(await byId(sessionAlpha, alphaEvent)).toEqual({
      event: expect.objectContaining({ id: alphaEvent }),
      node: { __typename: 'Event', id: alphaEvent },
    });
    expect((await byId(p1.secretKey, betaEvent)).node).toEqual({ __typename: 'Event', id: betaEvent });
  });
});

describe('one event per change, in its transaction', () => {
  it('writes exactly the events of each change, with the object as it became', async () => {
    await settle();
    const key = p1.secretKey;

    let mark = await maxSequence();
    const delta = createAccount(key, { displayName: 'Delta Co', email: 'delta@example.com', capabilities: ALL_ACTIVE });
    const deltaId = await delta;
    expect(typeAndObject(await rowsSince(mark))).toEqual([`account.created ${deltaId}`]);

    mark = await maxSequence();
    const plain = await createFa(key, { account: deltaId, nickname: 'Plain' });
    expect(typeAndObject(await rowsSince(mark))).toEqual([`treasury.financial_account.created ${plain}`]);

    // Requested features: the created event now, their activation's event later; nothing else.
    mark = await maxSequence();
    const featured = await createFa(key, {
      account: deltaId,
      nickname: 'Featured',
      features: [
        { feature: 'FINANCIAL_ADDRESSES_ABA', requested: true },
        { feature: 'OUTBOUND_TRANSFERS_ACH', requested: true },
      ],
    });
    expect(typeAndObject(await rowsSince(mark)).filter((s) => s.includes('.created '))).toEqual([`treasury.financial_account.created ${featured}`]);
    await settle();
    expect(typeAndObject(await rowsSince(mark))).toEqual([
      `treasury.financial_account.created ${featured}`,
      `treasury.financial_account.features_status_updated ${featured}`,
    ]);

    mark = await maxSequence();
    await updateFa(key, { financialAccount: plain, nickname: 'Plain renamed' });
    const renamed = await rowsSince(mark);
    expect(typeAndObject(renamed)).toEqual([`treasury.financial_account.updated ${plain}`]);
    expect(renamed[0].data).toMatchObject({ object: { nickname: 'Plain renamed' }, previous_attributes: { nickname: 'Plain' } });

    mark = await maxSequence();
    const emailChange = await gateway.graphql(UPDATE_ACCOUNT, { token: key, variables: { input: { account: deltaId, email: 'new@delta.example.com' } } });
    expect(emailChange.data!.updateConnectedAccount.userErrors).toEqual([]);
    const emailRows = await rowsSince(mark);
    expect(typeAndObject(emailRows)).toEqual([`account.updated ${deltaId}`]);
    expect(emailRows[0].data).toMatchObject({ object: { email: 'new@delta.example.com' }, previous_attributes: { email: 'delta@example.com' } });

    // A capability change: the account, the capability, and the features of its financial account that depend on it.
    mark = await maxSequence();
    const capability = await gateway.graphql(UPDATE_ACCOUNT, {
      token: key,
      variables: { input: { account: deltaId, capabilities: [{ name: 'US_BANK_ACCOUNT_ACH_PAYMENTS', status: 'INACTIVE' }] } },
    });
    expect(capability.data!.updateConnectedAccount.userErrors).toEqual([]);
    const capabilityRows = await rowsSince(mark);
    expect(typeAndObject(capabilityRows)).toEqual([
      `account.updated ${deltaId}`,
      `capability.updated ${deltaId}/us_bank_account_ach_payments`,
      `treasury.financial_account.features_status_updated ${featured}`,
    ]);
    expect(capabilityRows[1].data).toMatchObject({ object: { object: 'capability', id: 'us_bank_account_ach_payments', account: deltaId, status: 'inactive' } });
    expect((capabilityRows[2].data as any).object.features.outbound_transfers.ach.status).toBe('restricted');

    // Closing: the closed event, and the features' event when features change.
    mark = await maxSequence();
    const closePlain = await gateway.graphql(CLOSE_FA, { token: key, variables: { id: plain } });
    expect(closePlain.data!.closeFinancialAccount.userErrors).toEqual([]);
    const closedRows = await rowsSince(mark);
    expect(typeAndObject(closedRows)).toEqual([`treasury.financial_account.closed ${plain}`]);
    expect(closedRows[0].data).toMatchObject({ object: { status: 'closed', status_details: { closed: { reasons: ['closed_by_platform'] } } }, previous_attributes: { status: 'open' } });

    mark = await maxSequence();
    await gateway.graphql(CLOSE_FA, { token: key, variables: { id: featured } });
    expect(typeAndObject(await rowsSince(mark))).toEqual([
      `treasury.financial_account.closed ${featured}`,
      `treasury.financial_account.features_status_updated ${featured}`,
    ]);

    // A replay (same idempotency key and input) changes nothing, so it writes nothing.
    mark = await maxSequence();
    const input = { displayName: 'Echo Co', capabilities: ALL_ACTIVE, idempotencyKey: `echo-${Date.now()}` };
    const first = await gateway.graphql(CREATE_ACCOUNT, { token: key, variables: { input } });
    const replay = await gateway.graphql(CREATE_ACCOUNT, { token: key, variables: { input } });
    const echo = first.data!.createConnectedAccount.connectedAccount!.id;
    expect(replay.data!.createConnectedAccount.connectedAccount?.id).toBe(echo);
    expect(typeAndObject(await rowsSince(mark))).toEqual([`account.created ${echo}`]);
    const faInput = { account: echo, supportedCurrencies: ['usd'], idempotencyKey: `echo-fa-${Date.now()}` };
    mark = await maxSequence();
    const faFirst = await gateway.graphql(CREATE_FA, { token: key, variables: { input: faInput } });
    const faReplay = await gateway.graphql(CREATE_FA, { token: key, variables: { input: faInput } });
    expect(faReplay.data!.createFinancialAccount.financialAccount?.id).toBe(faFirst.data!.createFinancialAccount.financialAccount!.id);
    expect(await rowsSince(mark)).toHaveLength(1);
  });

  it('rolls back the change and its events together when writing an event fails, and publishes nothing', async () => {
    const key = p1.secretKey;
    const owner = await createAccount(key, { displayName: 'Fragile Co', capabilities: ALL_ACTIVE });
    const fa = await createFa(key, { account: owner, nickname: 'Fragile', features: [{ feature: 'DEPOSIT_INSURANCE', requested: true }] });
    await settle();
    expect((await readFa(fa)).activeFeatures).toEqual(['DEPOSIT_INSURANCE']);
    const live = await liveEvents(key);
    const eventCount = await gateway.db.prisma.event.count();
    const loggedBefore = logged.length;

    try {
      // The first event of the close (`closed`) cannot be written.
      await execSql(...failEventsOfType('treasury.financial_account.closed'));
      const failed = await gateway.graphql(CLOSE_FA, { token: key, variables: { id: fa } });
      expect(failed.status).toBe(200);
      expect(failed.data ?? null).toBeNull();
      expect(failed.errors).toHaveLength(1);
      expect(failed.errors![0].message).toBe('Unexpected error.');
      expect(failed.errors![0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(failed)).not.toMatch(/injected|evt_test|trigger|prisma|postgres|pglite|P0001|sql|"Event"|stack/i);
      // The failure that was masked is the injected one, raised after the change was made.
      expect(logged.length).toBeGreaterThan(loggedBefore);
      expect(String((logged.at(-1) as Error)?.message ?? logged.at(-1))).toContain('injected failure');

      let state = await readFa(fa);
      expect(state.status).toBe('OPEN');
      expect(state.activeFeatures).toEqual(['DEPOSIT_INSURANCE']);
      expect((await gateway.db.prisma.financialAccount.findUniqueOrThrow({ where: { id: fa } })).closedAt).toBeNull();
      expect(await gateway.db.prisma.event.count()).toBe(eventCount);
      expect(await gateway.db.prisma.event.count({ where: { objectId: fa, type: 'treasury.financial_account.closed' } })).toBe(0);

      // The second event (`features_status_updated`) cannot be written: the change and the first event, already
      // inserted in the same transaction, roll back as well.
      await execSql(...DROP_TRIGGER, ...failEventsOfType('treasury.financial_account.features_status_updated'));
      const failedAgain = await gateway.graphql(CLOSE_FA, { token: key, variables: { id: fa } });
      expect(failedAgain.errors?.[0]).toMatchObject({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      state = await readFa(fa);
      expect(state.status).toBe('OPEN');
      expect(state.features).toEqual([{ feature: 'DEPOSIT_INSURANCE', status: 'ACTIVE', statusDetails: [] }]);
      expect(await gateway.db.prisma.event.count()).toBe(eventCount);
      expect(await gateway.db.prisma.event.count({ where: { objectId: fa } })).toBe(2); // created, features_status_updated

      // The failure comes at the commit itself, after the change and every event were written.
      await execSql(...DROP_TRIGGER, ...failEventsOfTypeAtCommit('treasury.financial_account.closed'));
      const failedAtCommit = await gateway.graphql(CLOSE_FA, { token: key, variables: { id: fa } });
      expect(failedAtCommit.errors?.[0]).toMatchObject({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(JSON.stringify(failedAtCommit)).not.toMatch(/injected|evt_test|trigger|prisma|P0001|"Event"/i);
      state = await readFa(fa);
      expect(state.status).toBe('OPEN');
      expect(state.features).toEqual([{ feature: 'DEPOSIT_INSURANCE', status: 'ACTIVE', statusDetails: [] }]);
      expect(await gateway.db.prisma.event.count()).toBe(eventCount);
    } finally {
      await execSql(...DROP_TRIGGER);
    }

    // No subscriber got anything for the rolled-back closes: the next event it receives is a later change.
    await updateFa(key, { financialAccount: fa, nickname: 'Fragile but fine' });
    const next = await nextEvent(live);
    expect(`${next.type} ${next.objectId}`).toBe(`TREASURY_FINANCIAL_ACCOUNT_UPDATED ${fa}`);
    expect(next.data.object.status).toBe('open');

    // Without the trigger, the close succeeds with its events, delivered after it.
    const closed = await gateway.graphql(CLOSE_FA, { token: key, variables: { id: fa } });
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.closeFinancialAccount).toEqual({ financialAccount: { id: fa, status: 'CLOSED' }, userErrors: [] });
    const closedEvent = await nextEvent(live);
    expect(`${closedEvent.type} ${closedEvent.objectId}`).toBe(`TREASURY_FINANCIAL_ACCOUNT_CLOSED ${fa}`);
    expect(closedEvent.data.object.status).toBe('closed');
    const featuresEvent = await nextEvent(live);
    expect(`${featuresEvent.type} ${featuresEvent.objectId}`).toBe(`TREASURY_FINANCIAL_ACCOUNT_FEATURES_STATUS_UPDATED ${fa}`);
    expect(await gateway.db.prisma.event.count({ where: { objectId: fa, type: 'treasury.financial_account.closed' } })).toBe(1);
    expect(await gateway.db.prisma.event.count()).toBe(eventCount + 3);
  });

  it('rolls back an activation (features and ABA address) with its event when the event cannot be written', async () => {
    const key = p1.secretKey;
    const owner = await createAccount(key, { displayName: 'Slow Start Co', capabilities: ALL_ACTIVE });
    await settle();
    const loggedBefore = logged.length;
    let fa = '';
    try {
      await execSql(...failEventsOfType('treasury.financial_account.features_status_updated'));
      fa = await createFa(key, { account: owner, features: [{ feature: 'FINANCIAL_ADDRESSES_ABA', requested: true }] });
      // The scheduled activation runs, fails on its event, and is logged.
      await until(
        () => logged.slice(loggedBefore).some((e) => String((e as Error)?.message ?? e).includes('injected failure')),
        'the activation to fail',
      );
      const state = await readFa(fa);
      expect(state.features).toEqual([{ feature: 'FINANCIAL_ADDRESSES_ABA', status: 'PENDING', statusDetails: [{ code: 'ACTIVATING' }] }]);
      expect(state.financialAddresses).toEqual([]);
      expect(await gateway.db.prisma.financialAddress.count({ where: { financialAccountId: fa } })).toBe(0);
      expect((await gateway.db.prisma.event.findMany({ where: { objectId: fa } })).map((e) => e.type)).toEqual(['treasury.financial_account.created']);
    } finally {
      await execSql(...DROP_TRIGGER);
    }
    // Once events can be written again, the activation (as the sweep would run it) goes through, with one address.
    await gateway.server.services.activator.activate(fa);
    const state = await readFa(fa);
    expect(state.activeFeatures).toEqual(['FINANCIAL_ADDRESSES_ABA']);
    expect(state.financialAddresses).toHaveLength(1);
    expect((await gateway.db.prisma.event.findMany({ where: { objectId: fa }, orderBy: { sequence: 'asc' } })).map((e) => e.type)).toEqual([
      'treasury.financial_account.created',
      'treasury.financial_account.features_status_updated',
    ]);
  });

  it('writes no event for a rejected input, and changes nothing', async () => {
    const key = p1.secretKey;
    const noTreasury = await createAccount(key, { displayName: 'No Treasury Co' });
    const spare = await createFa(key, { account: beta, nickname: 'Beta spare' });
    const funded = await createFa(key, { account: beta, nickname: 'Beta funded' });
    await createFlows(gateway, { id: funded, platformId: p1.platformId, accountId: beta }, [
      { flowType: 'received_credit', outcome: 'succeeded', amount: 500n, at: new Date() },
    ]);
    const closed = await createFa(key, { account: beta, nickname: 'Beta closed' });
    expect((await gateway.graphql(CLOSE_FA, { token: key, variables: { id: closed } })).data!.closeFinancialAccount.userErrors).toEqual([]);
    const idempotencyKey = `reuse-${Date.now()}`;
    await createFa(key, { account: beta, idempotencyKey, nickname: 'Beta idempotent' });
    await settle();

    const live = await liveEvents(key);
    const mark = await maxSequence();
    const counts = async () => ({
      events: await gateway.db.prisma.event.count(),
      accounts: await gateway.db.prisma.account.count(),
      financialAccounts: await gateway.db.prisma.financialAccount.count(),
      capabilities: await gateway.db.prisma.accountCapability.findMany({ orderBy: [{ accountId: 'asc' }, { name: 'asc' }] }),
      features: await gateway.db.prisma.featureSetting.findMany({ orderBy: [{ financialAccountId: 'asc' }, { feature: 'asc' }] }),
      financialAccountRows: await gateway.db.prisma.financialAccount.findMany({ orderBy: { id: 'asc' } }),
      accountRows: await gateway.db.prisma.account.findMany({ orderBy: { id: 'asc' } }),
    });
    const before = await counts();

    type Errors = Promise<Array<{ code: string }>>;
    const createAccountErrors = (input: CreateConnectedAccountInput): Errors =>
      gateway.graphql(CREATE_ACCOUNT, { token: key, variables: { input } }).then((r) => r.data!.createConnectedAccount.userErrors);
    const updateAccountErrors = (input: UpdateConnectedAccountInput): Errors =>
      gateway.graphql(UPDATE_ACCOUNT, { token: key, variables: { input } }).then((r) => r.data!.updateConnectedAccount.userErrors);
    const createFaErrors = (input: CreateFinancialAccountInput): Errors =>
      gateway.graphql(CREATE_FA, { token: key, variables: { input } }).then((r) => r.data!.createFinancialAccount.userErrors);
    const updateFaErrors = (input: UpdateFinancialAccountInput, token = key): Errors =>
      gateway.graphql(UPDATE_FA, { token, variables: { input } }).then((r) => r.data!.updateFinancialAccount.userErrors);
    const closeFaErrors = (id: string): Errors =>
      gateway.graphql(CLOSE_FA, { token: key, variables: { id } }).then((r) => r.data!.closeFinancialAccount.userErrors);
    const usd = ['usd'];

    const rejected: Array<[code: string, run: () => Errors]> = [
      ['country_invalid', () => createAccountErrors({ country: 'usa' })],
      ['email_invalid', () => createAccountErrors({ email: 'not-an-email' })],
      ['parameter_invalid', () => createAccountErrors({ capabilities: [{ name: 'TREASURY' }, { name: 'TREASURY' }] })],
      ['parameter_invalid_empty', () => updateAccountErrors({ account: beta, displayName: '   ' })],
      ['resource_missing', () => updateAccountErrors({ account: gamma, capabilities: [{ name: 'TREASURY', status: 'INACTIVE' }] })],
      ['parameter_invalid_empty', () => createFaErrors({ account: beta, supportedCurrencies: [] })],
      ['parameter_invalid', () => createFaErrors({ account: beta, supportedCurrencies: ['eur'] })],
      ['capability_required', () => createFaErrors({ account: noTreasury, supportedCurrencies: usd })],
      ['capability_required', () => createFaErrors({ account: beta, supportedCurrencies: usd, features: [{ feature: 'CARD_ISSUING', requested: true }] })],
      ['nickname_in_use', () => createFaErrors({ account: beta, supportedCurrencies: usd, nickname: 'Beta spare' })],
      [
        'parameter_invalid',
        () =>
          createFaErrors({
            account: beta,
            supportedCurrencies: usd,
            features: [
              { feature: 'DEPOSIT_INSURANCE', requested: true },
              { feature: 'DEPOSIT_INSURANCE', requested: false },
            ],
          }),
      ],
      ['idempotency_key_in_use', () => createFaErrors({ account: beta, supportedCurrencies: usd, idempotencyKey, nickname: 'Something else' })],
      ['parameter_invalid_empty', () => updateFaErrors({ financialAccount: spare, nickname: '  ' })],
      ['nickname_in_use', () => updateFaErrors({ financialAccount: spare, nickname: 'Beta funded' })],
      ['financial_account_closed', () => updateFaErrors({ financialAccount: closed, nickname: 'Reopened?' })],
      ['parameter_not_allowed', () => updateFaErrors({ financialAccount: faAlpha, platformRestrictions: { inboundFlows: 'RESTRICTED' } }, sessionAlpha)],
      ['resource_missing', () => updateFaErrors({ financialAccount: spare, nickname: 'Mine now' }, sessionAlpha)],
      ['resource_missing', () => closeFaErrors(faGamma)],
      ['resource_missing', () => closeFaErrors('fa_doesnotexist')],
      ['balance_nonzero', () => closeFaErrors(funded)],
      ['financial_account_closed', () => closeFaErrors(closed)],
    ];
    for (const [code, run] of rejected) {
      const userErrors = await run();
      expect(userErrors, code).toHaveLength(1);
      expect(userErrors[0].code, code).toBe(code);
    }

    expect(await rowsSince(mark)).toEqual([]);
    expect(await counts()).toEqual(before);

    // Nor was anything published: the next event a subscriber gets is the next real change.
    await updateFa(key, { financialAccount: spare, nickname: 'Beta spare, renamed' });
    const next = await nextEvent(live);
    expect(`${next.type} ${next.objectId}`).toBe(`TREASURY_FINANCIAL_ACCOUNT_UPDATED ${spare}`);
    expect(live.buffered).toEqual([]);
  });
});
