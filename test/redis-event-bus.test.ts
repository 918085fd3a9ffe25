// Several gateway instances share subscriptions through Redis: an event
// committed on one instance reaches subscribers on every instance, once.
// Runs when TEST_REDIS_URL is set, and always in CI (CI=true), where a
// missing Redis must fail the suite rather than skip it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisEventBus } from '../src/events/redis-event-bus.ts';
import { graphql } from './gql/index.ts';
import { createPlatform } from './support/fixtures.ts';
import { startGateway, type TestGateway } from './support/gateway.ts';
import { subscribeWs, wsClient, type LiveSubscription } from './support/live.ts';

const redisUrl = process.env.TEST_REDIS_URL ?? (process.env.CI ? 'redis://127.0.0.1:6379' : undefined);

const CREATE_ACCOUNT = graphql(`
  mutation RedisCreateAccount($name: String!) {
    createConnectedAccount(input: { displayName: $name, capabilities: [{ name: TREASURY, status: ACTIVE }] }) {
      connectedAccount { id }
      userErrors { code message }
    }
  }
`);

const EVENTS = graphql(`
  subscription RedisEvents($after: ID) {
    events(after: $after) { id type objectId }
  }
`);

describe.skipIf(!redisUrl)('subscriptions across gateway instances (Redis)', () => {
  let first: TestGateway;
  let second: TestGateway;
  let buses: RedisEventBus[] = [];
  let key: string;

  beforeAll(async () => {
    buses = [new RedisEventBus(redisUrl!, () => {}), new RedisEventBus(redisUrl!, () => {})];
    await Promise.all(buses.map((bus) => bus.ready()));
    first = await startGateway({ eventBus: buses[0] });
    // A second instance over the same database, as two processes behind a load balancer would be.
    second = await startGateway({ db: first.db, eventBus: buses[1] });
    ({ secretKey: key } = await createPlatform(first));
  });

  afterAll(async () => {
    await second?.stop();
    await first?.stop();
    await Promise.all(buses.map((bus) => bus.close()));
  });

  it('delivers an event committed on one instance to subscribers on both, once each', async () => {
    const clients = [wsClient(first.url, key), wsClient(second.url, key)];
    const subscriptions: LiveSubscription<any>[] = await Promise.all(clients.map((client) => subscribeWs(client, EVENTS, {})));
    try {
      const created = await second.graphql(CREATE_ACCOUNT, { token: key, variables: { name: 'Made on the second instance' } });
      const accountId = created.data!.createConnectedAccount.connectedAccount!.id;
      const created2 = await first.graphql(CREATE_ACCOUNT, { token: key, variables: { name: 'Made on the first instance' } });
      const accountId2 = created2.data!.createConnectedAccount.connectedAccount!.id;

      for (const subscription of subscriptions) {
        const one = await subscription.next(5000);
        const two = await subscription.next(5000);
        expect([one.data!.events.objectId, two.data!.events.objectId]).toEqual([accountId, accountId2]);
        expect(one.data!.events.type).toBe('ACCOUNT_CREATED');
      }
      // Nothing arrives twice.
      await expect(subscriptions[0].next(500)).rejects.toThrow(/No subscription result/);
      expect(subscriptions[1].buffered).toEqual([]);
    } finally {
      await Promise.all(subscriptions.map((s) => s.close()));
      await Promise.all(clients.map((c) => c.dispose()));
    }
  });

  it('replays on one instance what was committed on the other while the client was away', async () => {
    const firstEvent = await first.graphql(CREATE_ACCOUNT, { token: key, variables: { name: 'Before the gap' } });
    const before = await first.db.prisma.event.findFirstOrThrow({
      where: { objectId: firstEvent.data!.createConnectedAccount.connectedAccount!.id },
    });
    const missed = [];
    for (const name of ['Gap 1', 'Gap 2', 'Gap 3']) {
      const res = await first.graphql(CREATE_ACCOUNT, { token: key, variables: { name } });
      missed.push(res.data!.createConnectedAccount.connectedAccount!.id);
    }
    const client = wsClient(second.url, key);
    const subscription = await subscribeWs(client, EVENTS, { after: before.id });
    try {
      const replayed = [];
      for (let i = 0; i < missed.length; i++) replayed.push((await subscription.next(5000)).data!.events.objectId);
      expect(replayed).toEqual(missed);
      const live = await first.graphql(CREATE_ACCOUNT, { token: key, variables: { name: 'Live again' } });
      expect((await subscription.next(5000)).data!.events.objectId).toBe(live.data!.createConnectedAccount.connectedAccount!.id);
    } finally {
      await subscription.close();
      await client.dispose();
    }
  });
});
