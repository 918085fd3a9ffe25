// Server-sent events that can be resumed: each `events` message carries the
// event id as its SSE `id:`, and a client that reconnects with `Last-Event-ID`
// (as EventSource does by itself) gets what it missed, then live events. All
// through the real server, a real SSE client over fetch, and the event log in
// the database.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.ts';
import { startGateway, type TestGateway } from './support/gateway.ts';
import { createPlatform } from './support/fixtures.ts';
import { subscribeSse } from './support/live.ts';
import { ObservedBus } from './support/observed-bus.ts';

const EVENTS = graphql(`
  subscription SseEvents($types: [EventType!], $after: ID) {
    events(types: $types, after: $after) { id type objectId }
  }
`);

const EVENT_TYPES_ONLY = graphql(`
  subscription SseEventTypesOnly {
    events { type }
  }
`);

const FA_CREATED = graphql(`
  subscription SseFinancialAccountCreated {
    financialAccountCreated { id }
  }
`);

const CREATE_CONNECTED_ACCOUNT = graphql(`
  mutation SseCreateConnectedAccount($input: CreateConnectedAccountInput!) {
    createConnectedAccount(input: $input) {
      connectedAccount { id }
      userErrors { code message }
    }
  }
`);

const CREATE_FA = graphql(`
  mutation SseCreateFinancialAccount($input: CreateFinancialAccountInput!) {
    createFinancialAccount(input: $input) {
      financialAccount { id }
      userErrors { code message }
    }
  }
`);

let gateway: TestGateway;
const bus = new ObservedBus();
const open: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  gateway = await startGateway({ eventBus: bus });
});

afterEach(async () => {
  for (const subscription of open.splice(0)) await subscription.close();
});

afterAll(async () => {
  await gateway?.stop();
});

/** An SSE subscription, once the server listens for the platform's events. */
async function sse<R, V>(
  platformId: string,
  token: string,
  document: Parameters<typeof subscribeSse<R, V>>[2],
  variables: V,
  headers?: Record<string, string>,
  method?: 'GET' | 'POST',
) {
  const before = bus.startedFor(platformId);
  const subscription = await subscribeSse(gateway.url, token, document, variables, { headers, method });
  open.push(subscription);
  expect(subscription.status).toBe(200);
  await bus.until(() => bus.startedFor(platformId) > before, 'the SSE subscription to go live');
  return subscription;
}

async function createConnectedAccount(token: string): Promise<string> {
  const res = await gateway.graphql(CREATE_CONNECTED_ACCOUNT, {
    token,
    variables: { input: { displayName: 'SSE Test Business', capabilities: [{ name: 'TREASURY', status: 'ACTIVE' }] } },
  });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  expect(res.data!.createConnectedAccount.userErrors).toEqual([]);
  return res.data!.createConnectedAccount.connectedAccount!.id;
}

async function createFinancialAccount(token: string, account: string): Promise<string> {
  const res = await gateway.graphql(CREATE_FA, { token, variables: { input: { account, supportedCurrencies: ['usd'] } } });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  expect(res.data!.createFinancialAccount.userErrors).toEqual([]);
  return res.data!.createFinancialAccount.financialAccount!.id;
}

/** The platform's event ids in the log, in commit order. */
async function eventIdsInDb(platformId: string): Promise<string[]> {
  const events = await gateway.db.prisma.event.findMany({ where: { platformId }, orderBy: { sequence: 'asc' }, select: { id: true } });
  return events.map((event) => event.id);
}

/** The next `count` results' `events` ids; each must be data without errors. */
async function takeIds(subscription: { next(timeoutMs?: number): Promise<{ data?: any; errors?: unknown }> }, count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const result = await subscription.next();
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    ids.push(result.data.events.id);
  }
  return ids;
}

describe('SSE event ids', () => {
  it('gives every `events` message the id of its event, equal to the id in its data and in the log', async () => {
    const p = await createPlatform(gateway);
    const sub = await sse(p.platformId, p.secretKey, EVENTS, {});
    const account = await createConnectedAccount(p.secretKey);
    await createFinancialAccount(p.secretKey, account);
    await createConnectedAccount(p.secretKey);

    const log = await eventIdsInDb(p.platformId);
    expect(log).toHaveLength(3);
    expect(await takeIds(sub, 3)).toEqual(log);
    expect(sub.eventIds).toEqual(log);
    expect(log.every((id) => id.startsWith('evt_'))).toBe(true);
  });

  it('gives the id even when the subscription does not select it', async () => {
    const p = await createPlatform(gateway);
    const sub = await sse(p.platformId, p.secretKey, EVENT_TYPES_ONLY, {});
    await createConnectedAccount(p.secretKey);
    await createConnectedAccount(p.secretKey);
    const results = [await sub.next(), await sub.next()];
    expect(results.map((r) => r.data?.events)).toEqual([{ type: 'ACCOUNT_CREATED' }, { type: 'ACCOUNT_CREATED' }]);
    expect(sub.eventIds).toEqual(await eventIdsInDb(p.platformId));
  });

  it('gives the messages of the other subscriptions no id: Last-Event-ID would not resume them', async () => {
    const p = await createPlatform(gateway);
    const sub = await sse(p.platformId, p.secretKey, FA_CREATED, {});
    const account = await createConnectedAccount(p.secretKey);
    const fa = await createFinancialAccount(p.secretKey, account);
    expect((await sub.next()).data?.financialAccountCreated).toEqual({ id: fa });
    expect(sub.eventIds).toEqual([null]);
  });
});

describe('SSE reconnection with Last-Event-ID', () => {
  it('replays exactly the events missed since the last id received, in order, then goes on live', async () => {
    const p = await createPlatform(gateway);
    const first = await sse(p.platformId, p.secretKey, EVENTS, {});
    await createConnectedAccount(p.secretKey);
    await createConnectedAccount(p.secretKey);
    await takeIds(first, 2);
    const lastSeen = first.eventIds.at(-1)!;
    await first.close();
    await bus.until(() => bus.listeningFor(p.platformId) === 0, 'the first stream to stop listening');

    // Missed while disconnected.
    const account = await createConnectedAccount(p.secretKey);
    await createFinancialAccount(p.secretKey, account);
    await createFinancialAccount(p.secretKey, account);
    const missed = (await eventIdsInDb(p.platformId)).slice(2);
    expect(missed).toHaveLength(3);

    const again = await sse(p.platformId, p.secretKey, EVENTS, {}, { 'Last-Event-ID': lastSeen });
    expect(await takeIds(again, 3)).toEqual(missed);
    const liveAccount = await createConnectedAccount(p.secretKey);
    const [liveId] = await takeIds(again, 1);
    const log = await eventIdsInDb(p.platformId);
    expect(liveId).toBe(log.at(-1));
    expect((await gateway.db.prisma.event.findUniqueOrThrow({ where: { id: liveId } })).objectId).toBe(liveAccount);
    expect(again.eventIds).toEqual(log.slice(2));
    expect(again.buffered).toEqual([]);
  });

  it('resumes a GET subscription (what EventSource sends) the same way', async () => {
    const p = await createPlatform(gateway);
    await createConnectedAccount(p.secretKey);
    const first = await sse(p.platformId, p.secretKey, EVENTS, {}, undefined, 'GET');
    await createConnectedAccount(p.secretKey);
    await takeIds(first, 1);
    await first.close();
    await createConnectedAccount(p.secretKey);
    const log = await eventIdsInDb(p.platformId);
    const again = await sse(p.platformId, p.secretKey, EVENTS, {}, { 'Last-Event-ID': first.eventIds[0]! }, 'GET');
    expect(await takeIds(again, 1)).toEqual([log[2]]);
    expect(again.eventIds).toEqual([log[2]]);
  });

  it('keeps the filter of the subscription in the replay', async () => {
    const p = await createPlatform(gateway);
    const account = await createConnectedAccount(p.secretKey);
    const fa = await createFinancialAccount(p.secretKey, account);
    await createConnectedAccount(p.secretKey);
    const [firstId] = await eventIdsInDb(p.platformId);
    const sub = await sse(p.platformId, p.secretKey, EVENTS, { types: ['TREASURY_FINANCIAL_ACCOUNT_CREATED'] }, { 'Last-Event-ID': firstId });
    const [result] = [await sub.next()];
    expect(result.data?.events.objectId).toBe(fa);
    const fa2 = await createFinancialAccount(p.secretKey, account);
    expect((await sub.next()).data?.events.objectId).toBe(fa2);
    expect(sub.buffered).toEqual([]);
  });

  it('prefers an explicit `after` to Last-Event-ID', async () => {
    const p = await createPlatform(gateway);
    await createConnectedAccount(p.secretKey);
    await createConnectedAccount(p.secretKey);
    await createConnectedAccount(p.secretKey);
    const log = await eventIdsInDb(p.platformId);
    const sub = await sse(p.platformId, p.secretKey, EVENTS, { after: log[0] }, { 'Last-Event-ID': log[1] });
    expect(await takeIds(sub, 2)).toEqual(log.slice(1));
    expect(sub.buffered).toEqual([]);
  });

  it.each([
    ['an unknown event id', 'evt_0000000000000000000000000'],
    ['an id that is not an event\'s', 'acct_0000000000000000'],
  ])('refuses %s in Last-Event-ID as `after` would be refused, naming the header', async (_name, lastEventId) => {
    const p = await createPlatform(gateway);
    const sub = await subscribeSse(gateway.url, p.secretKey, EVENTS, {}, { headers: { 'Last-Event-ID': lastEventId } });
    open.push(sub);
    const result = await sub.next();
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: `No such event: '${lastEventId}' (the Last-Event-ID header).`,
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', stripeCode: 'resource_missing', argument: ['Last-Event-ID'] }),
      }),
    ]);
    await sub.completed;
  });

  it('does not let Last-Event-ID reach another platform\'s events', async () => {
    const other = await createPlatform(gateway);
    await createConnectedAccount(other.secretKey);
    const [foreign] = await eventIdsInDb(other.platformId);
    const p = await createPlatform(gateway);
    const sub = await subscribeSse(gateway.url, p.secretKey, EVENTS, {}, { headers: { 'Last-Event-ID': foreign } });
    open.push(sub);
    const result = await sub.next();
    expect(result.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
  });

  it('stops listening when the client goes away', async () => {
    const p = await createPlatform(gateway);
    const sub = await sse(p.platformId, p.secretKey, EVENTS, {});
    expect(bus.listeningFor(p.platformId)).toBe(1);
    await sub.close();
    await bus.until(() => bus.listeningFor(p.platformId) === 0, 'the stream to stop listening');
  });
});
