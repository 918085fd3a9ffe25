// The fan-out of graphql-ws subscriptions: subscribers of one operation and
// scope share each event's execution (constant SQL per event however many
// there are), subscribers of different scopes never share, and the delivery
// stays exact (nothing lost, nothing duplicated, replay without gap), while
// slow and dead sockets are let go without holding the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { print } from 'graphql';
import { graphql } from './gql/index.ts';
import { createAccountSession, createConnectedAccount, createFinancialAccount, createPlatform } from './support/fixtures.ts';
import { NO_SWEEPS, startGateway, type TestGateway } from './support/gateway.ts';
import { eventually, subscribeWs, wsClient, type LiveSubscription } from './support/live.ts';
import type { Client } from 'graphql-ws';
import { RedisEventBus } from '../src/events/redis-event-bus.ts';

const WATCH = graphql(`
  subscription FanoutWatch {
    events(types: [TREASURY_FINANCIAL_ACCOUNT_UPDATED]) {
      id
      objectId
      financialAccount { id nickname status balance { cash { currency amount } } }
    }
  }
`);

const WATCH_NUMBERS = graphql(`
  subscription FanoutWatchNumbers {
    events(types: [TREASURY_FINANCIAL_ACCOUNT_UPDATED]) {
      id
      objectId
      financialAccount { id financialAddresses { aba { accountNumber accountNumberLast4 } } }
    }
  }
`);

const WATCH_IDS = graphql(`
  subscription FanoutWatchIds($after: ID) {
    events(types: [TREASURY_FINANCIAL_ACCOUNT_UPDATED], after: $after) { id objectId }
  }
`);

const WATCH_DATA = graphql(`
  subscription FanoutWatchData {
    events(types: [TREASURY_FINANCIAL_ACCOUNT_UPDATED]) { id data }
  }
`);

const RENAME = graphql(`
  mutation FanoutRename($input: UpdateFinancialAccountInput!) {
    updateFinancialAccount(input: $input) { financialAccount { id nickname } userErrors { message } }
  }
`);

const EVENT_LOG = graphql(`
  query FanoutEventLog {
    events(first: 100, filter: { types: [TREASURY_FINANCIAL_ACCOUNT_UPDATED] }) { nodes { id objectId } }
  }
`);

type Watched = { events: { id: string; objectId: string; financialAccount: any } };

// No background sweeps (feature activation, Stripe-network postings, reversals): their statements would be
// counted with an event's.
describe('live fan-out over graphql-ws', () => {
  let gateway: TestGateway;
  const clients: Client[] = [];
  beforeAll(async () => {
    gateway = await startGateway({ ...NO_SWEEPS, live: { sendBatchSize: 4 } });
  });
  afterAll(async () => {
    await Promise.allSettled(clients.map((client) => client.dispose()));
    await gateway?.stop();
  });

  async function world() {
    const p = await createPlatform(gateway);
    const account = await createConnectedAccount(gateway, p.platformId);
    const fa = await createFinancialAccount(gateway, { platformId: p.platformId, accountId: account!.id });
    return { ...p, accountId: account!.id, faId: fa!.id };
  }

  /** Subscribers, once every one of them is live on the server. */
  async function subscribers<R>(
    platformId: string,
    count: number,
    token: string,
    document: Parameters<typeof subscribeWs<R, any>>[1],
    variables: Record<string, unknown> = {},
    extraParams: Record<string, unknown> = {},
  ): Promise<LiveSubscription<R>[]> {
    const live = gateway.server.live!;
    const before = live.joinedFor(platformId);
    const subs = await Promise.all(
      Array.from({ length: count }, () => {
        const client = wsClient(gateway.url, token, extraParams);
        clients.push(client);
        return subscribeWs(client, document, variables);
      }),
    );
    await eventually(() => live.joinedFor(platformId) >= before + count, `${count} subscribers to go live`);
    return subs;
  }

  async function rename(token: string, faId: string, nickname: string) {
    const result = await gateway.graphql(RENAME, { token, variables: { input: { financialAccount: faId, nickname } } });
    expect(result.data?.updateFinancialAccount.userErrors).toEqual([]);
  }

  /** The statements the server sends for one rename, until each subscriber has its event. */
  async function statementsForOneEvent(w: Awaited<ReturnType<typeof world>>, subs: LiveSubscription<Watched>[], nickname: string) {
    const before = gateway.db.statements.count;
    await rename(w.secretKey, w.faId, nickname);
    const results = await Promise.all(subs.map((sub) => sub.next(10_000)));
    const count = gateway.db.statements.count - before;
    for (const result of results) {
      expect(result.errors).toBeUndefined();
      expect(result.data!.events.financialAccount.nickname).toBe(nickname);
    }
    return { count, results };
  }

  it('executes each event once for all subscribers of one operation and scope: the same SQL for 1 and for 50', async () => {
    const w = await world();
    const [one] = await subscribers<Watched>(w.platformId, 1, w.secretKey, WATCH);
    // The first event also warms what any first request does (on PostgreSQL, a few more statements): count from the second.
    const first = await statementsForOneEvent(w, [one], 'Seen first');
    // The first message carries the subscription's cost, as over HTTP; later ones do not.
    expect(first.results[0].extensions?.cost).toEqual(expect.objectContaining({ requested: expect.any(Number), limit: expect.any(Number) }));
    const single = await statementsForOneEvent(w, [one], 'Seen by one');

    const more = await subscribers<Watched>(w.platformId, 49, w.secretKey, WATCH);
    expect(gateway.server.live!.stats(w.platformId)).toEqual({ groups: 1, members: 50 });
    const fifty = await statementsForOneEvent(w, [one, ...more], 'Seen by fifty');
    expect(fifty.count).toBe(single.count);
    expect(fifty.results[0].extensions?.cost).toBeUndefined();
    expect(fifty.results[1].extensions?.cost).toEqual(expect.objectContaining({ requested: expect.any(Number) }));
    // Every subscriber got the same result.
    expect(new Set(fifty.results.map((r) => JSON.stringify(r.data))).size).toBe(1);

    for (const sub of [one, ...more]) await sub.close();
    await eventually(() => gateway.server.live!.stats(w.platformId).groups === 0, 'the group to end with its last member');
  });

  it('never shares between different scopes: another account, or the same account through another kind of credential', async () => {
    const w = await world();
    const otherAccount = (await createConnectedAccount(gateway, w.platformId))!.id;
    const otherFa = (await createFinancialAccount(gateway, { platformId: w.platformId, accountId: otherAccount }))!.id;
    const sessionA = await createAccountSession(gateway, w.platformId, w.accountId);
    const sessionB = await createAccountSession(gateway, w.platformId, otherAccount);

    const [platform] = await subscribers<Watched>(w.platformId, 1, w.secretKey, WATCH_NUMBERS);
    const [keyAsA] = await subscribers<Watched>(w.platformId, 1, w.secretKey, WATCH_NUMBERS, {}, { stripeContext: w.accountId });
    const [asA] = await subscribers<Watched>(w.platformId, 1, sessionA, WATCH_NUMBERS);
    const [asB] = await subscribers<Watched>(w.platformId, 1, sessionB, WATCH_NUMBERS);
    // Four scopes, four groups, though the operation is the same.
    expect(gateway.server.live!.stats(w.platformId)).toEqual({ groups: 4, members: 4 });

    await rename(w.secretKey, w.faId, 'Of account A');
    const aba = (result: { data?: Watched | null }) => result.data!.events.financialAccount.financialAddresses[0].aba;
    const seenByPlatform = await platform.next();
    const seenByKeyAsA = await keyAsA.next();
    const seenByA = await asA.next();
    for (const seen of [seenByPlatform, seenByKeyAsA, seenByA]) expect(seen.data!.events.objectId).toBe(w.faId);
    // The secret key sees the full account number (Stripe's expand); the account session only its last four digits.
    const full = aba(seenByPlatform).accountNumber as string;
    expect(full).toMatch(/^\d{6,}$/);
    expect(aba(seenByKeyAsA).accountNumber).toBe(full);
    expect(aba(seenByA).accountNumber).toBeNull();
    expect(aba(seenByA).accountNumberLast4).toBe(full.slice(-4));

    await rename(w.secretKey, otherFa, 'Of account B');
    expect((await platform.next()).data!.events.objectId).toBe(otherFa);
    const seenByB = await asB.next();
    expect(seenByB.data!.events.objectId).toBe(otherFa);
    expect(aba(seenByB).accountNumber).toBeNull();
    // A's subscribers never see B's account: after one more of A's events, A's next is that one.
    await rename(w.secretKey, w.faId, 'A again');
    expect((await asA.next()).data!.events.objectId).toBe(w.faId);
    expect((await keyAsA.next()).data!.events.objectId).toBe(w.faId);
    expect(asA.buffered).toEqual([]);
    expect(asB.buffered).toEqual([]);
    for (const sub of [platform, keyAsA, asA, asB]) await sub.close();
  });

  it('delivers a burst of concurrent events to every subscriber once each, in the same order to a group', async () => {
    const w = await world();
    const second = (await createFinancialAccount(gateway, { platformId: w.platformId, accountId: w.accountId }))!.id;
    const shared = await subscribers<{ events: { id: string } }>(w.platformId, 20, w.secretKey, WATCH_IDS);
    const others = await subscribers<Watched>(w.platformId, 5, w.secretKey, WATCH);
    const burst = 24;
    await Promise.all(Array.from({ length: burst }, (_, i) => rename(w.secretKey, i % 2 ? second : w.faId, `Burst ${i}`)));
    // The log, oldest first: the order events were committed in.
    const log = (await gateway.graphql(EVENT_LOG, { token: w.secretKey })).data!.events.nodes.map((n) => n.id).reverse();
    expect(log).toHaveLength(burst);
    const orders: string[][] = [];
    for (const sub of [...shared, ...others] as LiveSubscription<{ events: { id: string } }>[]) {
      const ids: string[] = [];
      for (let i = 0; i < burst; i += 1) ids.push((await sub.next(10_000)).data!.events.id);
      // Each event once (live events come in the order they were published, which concurrent commits need not keep).
      expect([...ids].sort()).toEqual([...log].sort());
      orders.push(ids);
    }
    // One group, one order: its members got the events in the same order.
    for (const ids of orders.slice(1, shared.length)) expect(ids).toEqual(orders[0]);
    // And nothing more: no duplicate arrives late.
    await rename(w.secretKey, w.faId, 'After the burst');
    for (const sub of shared) {
      const next = await sub.next(5000);
      expect(log).not.toContain(next.data!.events.id);
      expect(sub.buffered).toEqual([]);
    }
  });

  it('replays to subscribers that join a running group, then goes on live, without gap or duplicate', async () => {
    const w = await world();
    const [running] = await subscribers<{ events: { id: string } }>(w.platformId, 1, w.secretKey, WATCH_IDS);
    await rename(w.secretKey, w.faId, 'Before');
    const resumeAfter = (await running.next()).data!.events.id;
    for (let i = 0; i < 5; i += 1) await rename(w.secretKey, w.faId, `Missed ${i}`);
    // Mutations go on while the late subscribers replay.
    const during = Promise.all(Array.from({ length: 6 }, (_, i) => rename(w.secretKey, w.faId, `During ${i}`)));
    const late = await subscribers<{ events: { id: string } }>(w.platformId, 3, w.secretKey, WATCH_IDS, { after: resumeAfter });
    await during;
    await rename(w.secretKey, w.faId, 'After');
    const log = (await gateway.graphql(EVENT_LOG, { token: w.secretKey })).data!.events.nodes.map((n) => n.id).reverse();
    const expected = log.slice(log.indexOf(resumeAfter) + 1);
    expect(expected).toHaveLength(12);
    for (const sub of late) {
      const ids: string[] = [];
      for (let i = 0; i < expected.length; i += 1) ids.push((await sub.next(10_000)).data!.events.id);
      // The missed ones first, replayed in commit order; then every later one once.
      expect(ids.slice(0, 5)).toEqual(expected.slice(0, 5));
      expect([...ids].sort()).toEqual([...expected].sort());
      expect(sub.buffered).toEqual([]);
    }
    // The late ones (same `after`) share one group; the running one has its own operation variables.
    expect(gateway.server.live!.stats(w.platformId)).toEqual({ groups: 2, members: 4 });
  });
});

describe.each([
  // The slow client must not also be dropped for the pings it does not read: no keep-alive.
  { name: 'slow', settings: { live: { maxBufferedBytes: 64 * 1024 }, transport: { wsKeepAliveMs: 0 } } },
  // Short pings, so that a dead client is noticed within the test.
  { name: 'dead', settings: { transport: { wsKeepAliveMs: 1000 } } },
])('live fan-out: $name sockets', ({ name, settings }) => {
  let gateway: TestGateway;
  const clients: Client[] = [];
  beforeAll(async () => {
    gateway = await startGateway({ ...NO_SWEEPS, ...settings });
  });
  afterAll(async () => {
    await Promise.allSettled(clients.map((client) => client.dispose()));
    await gateway?.stop();
  });

  /** A raw graphql-ws socket, subscribed `count` times to one operation. */
  async function rawSubscriber(token: string, query: string, count: number, options: { autoPong?: boolean } = {}) {
    const socket = new WebSocket(gateway.url.replace(/^http/, 'ws'), 'graphql-transport-ws', { autoPong: options.autoPong ?? true });
    const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
    let messages = 0;
    await new Promise<void>((resolve, reject) => {
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
      socket.on('message', (data) => {
        const message = JSON.parse(String(data));
        if (message.type === 'connection_ack') resolve();
        if (message.type === 'next') messages += 1;
      });
      socket.on('error', reject);
    });
    for (let i = 1; i <= count; i += 1) socket.send(JSON.stringify({ id: String(i), type: 'subscribe', payload: { query } }));
    return { socket, closed, messages: () => messages };
  }

  it.runIf(name === 'slow')('closes a socket that does not read its messages (1013), and goes on delivering to the others', async () => {
    const p = await createPlatform(gateway);
    const account = (await createConnectedAccount(gateway, p.platformId))!.id;
    const fa = (await createFinancialAccount(gateway, { platformId: p.platformId, accountId: account }))!.id;
    const live = gateway.server.live!;
    const slow = await rawSubscriber(p.secretKey, print(WATCH_DATA), 40);
    const client = wsClient(gateway.url, p.secretKey);
    clients.push(client);
    const reader = await subscribeWs(client, WATCH_DATA, {});
    await eventually(() => live.stats(p.platformId).members === 41, 'every subscription to go live');
    // The slow client stops reading: what the server writes piles up in the kernel's buffers, then in the server's.
    (slow.socket as unknown as { _socket: { pause(): void } })._socket.pause();

    // Large events (metadata of ~20 KB each), 40 copies each on the slow socket.
    const metadata = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`key${i}`, 'x'.repeat(500)]));
    let sent = 0;
    while (live.stats(p.platformId).members > 1 && sent < 200) {
      const result = await gateway.graphql(RENAME, {
        token: p.secretKey,
        variables: { input: { financialAccount: fa, nickname: `Large ${sent}`, metadata: { ...metadata, n: String(sent) } } },
      });
      expect(result.data?.updateFinancialAccount.userErrors).toEqual([]);
      sent += 1;
    }
    // The slow socket's subscriptions were let go; the reader's goes on.
    expect(live.stats(p.platformId)).toEqual({ groups: 1, members: 1 });
    (slow.socket as unknown as { _socket: { resume(): void } })._socket.resume();
    const closed = await slow.closed;
    expect(closed.code).toBe(1013);
    expect(closed.reason).toMatch(/too slow/);
    for (let i = 0; i < sent; i += 1) {
      const result = await reader.next(10_000);
      expect(result.errors).toBeUndefined();
    }
    expect(reader.buffered).toEqual([]);
  });

  it.runIf(name === 'dead')('releases the subscriptions of a client that stops answering pings, and goes on with the rest of its group', async () => {
    const p = await createPlatform(gateway);
    const account = (await createConnectedAccount(gateway, p.platformId))!.id;
    const fa = (await createFinancialAccount(gateway, { platformId: p.platformId, accountId: account }))!.id;
    const live = gateway.server.live!;
    const dead = await rawSubscriber(p.secretKey, print(WATCH), 3, { autoPong: false });
    const client = wsClient(gateway.url, p.secretKey);
    clients.push(client);
    const alive = await subscribeWs(client, WATCH, {});
    await eventually(() => live.stats(p.platformId).members === 4, 'every subscription to go live');
    expect(live.stats(p.platformId).groups).toBe(1);

    const closed = await dead.closed;
    // Terminated by the server, without a closing handshake, after a ping it did not answer.
    expect(closed.code).toBe(1006);
    await eventually(() => live.stats(p.platformId).members === 1, 'the dead client\'s subscriptions to be released');
    const result = await gateway.graphql(RENAME, { token: p.secretKey, variables: { input: { financialAccount: fa, nickname: 'Still here' } } });
    expect(result.data?.updateFinancialAccount.userErrors).toEqual([]);
    expect((await alive.next(5000)).data?.events?.financialAccount?.nickname).toBe('Still here');
  });
});

const redisUrl = process.env.TEST_REDIS_URL ?? (process.env.CI ? 'redis://127.0.0.1:6379' : undefined);

describe.skipIf(!redisUrl)('live fan-out across two instances (Redis)', () => {
  let first: TestGateway;
  let second: TestGateway;
  let buses: RedisEventBus[] = [];
  const clients: Client[] = [];
  beforeAll(async () => {
    buses = [new RedisEventBus(redisUrl!, () => {}), new RedisEventBus(redisUrl!, () => {})];
    await Promise.all(buses.map((bus) => bus.ready()));
    first = await startGateway({ eventBus: buses[0], ...NO_SWEEPS, live: { sendBatchSize: 2 } });
    second = await startGateway({ db: first.db, eventBus: buses[1], ...NO_SWEEPS, live: { sendBatchSize: 2 } });
  });
  afterAll(async () => {
    await Promise.allSettled(clients.map((client) => client.dispose()));
    await second?.stop();
    await first?.stop();
    await Promise.all(buses.map((bus) => bus.close()));
  });

  it('gives every subscriber on either instance each event committed on one of them, once', async () => {
    const p = await createPlatform(first);
    const account = (await createConnectedAccount(first, p.platformId))!.id;
    const fa = (await createFinancialAccount(first, { platformId: p.platformId, accountId: account }))!.id;
    const subs: LiveSubscription<{ events: { id: string } }>[] = [];
    for (const gateway of [first, second]) {
      for (let i = 0; i < 5; i += 1) {
        const client = wsClient(gateway.url, p.secretKey);
        clients.push(client);
        subs.push(await subscribeWs(client, WATCH_IDS, {}));
      }
      await eventually(() => gateway.server.live!.stats(p.platformId).members === 5, 'the subscribers to go live');
      expect(gateway.server.live!.stats(p.platformId).groups).toBe(1);
    }
    // Committed on both instances, concurrently.
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? second : first).graphql(RENAME, { token: p.secretKey, variables: { input: { financialAccount: fa, nickname: `Across ${i}` } } }),
      ),
    );
    const log = (await first.graphql(EVENT_LOG, { token: p.secretKey })).data!.events.nodes.map((n) => n.id).reverse();
    expect(log).toHaveLength(8);
    for (const sub of subs) {
      const ids: string[] = [];
      for (let i = 0; i < log.length; i += 1) ids.push((await sub.next(10_000)).data!.events.id);
      expect([...ids].sort()).toEqual([...log].sort());
      expect(sub.buffered).toEqual([]);
    }
  });
});
