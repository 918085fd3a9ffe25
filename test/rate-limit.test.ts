// Each credential spends its operations' cost from a budget of points per
// window; over budget, an operation is refused (RATE_LIMITED, with the time to
// retry) and nothing runs. With Redis, every gateway instance spends from the
// same budgets: that suite runs when TEST_REDIS_URL is set, and always in CI
// (CI=true), where a missing Redis must fail it rather than skip it.
import { randomBytes } from 'node:crypto';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.ts';
import { createAccountSession, createConnectedAccount, createPlatform } from './support/fixtures.ts';
import { NO_SWEEPS, startGateway, type TestGateway } from './support/gateway.ts';
import { subscribeWs, wsClient } from './support/live.ts';

const redisUrl = process.env.TEST_REDIS_URL ?? (process.env.CI ? 'redis://127.0.0.1:6379' : undefined);

const WINDOW_SECONDS = 3600;
const BUDGET = 1000;

/** `nodes(ids:)` with n ids costs 1 + n points (the ids need not exist): up to 101. */
const PRICED = graphql(`
  query RateLimitPriced($ids: [ID!]!) {
    nodes(ids: $ids) { id }
  }
`);
const costing = (points: number) => ({ ids: Array.from({ length: points - 1 }, (_, i) => `fa_missing${i}`) });

const CREATE_ACCOUNT = graphql(`
  mutation RateLimitCreateAccount($name: String!) {
    createConnectedAccount(input: { displayName: $name }) { connectedAccount { id } userErrors { code } }
  }
`);

const EVENTS = graphql(`
  subscription RateLimitEvents { events { id } }
`);

/** The Retry-After header of an operation's response, which the harness's graphql() does not return. */
async function retryAfterHeader(gateway: TestGateway, token: string, variables: unknown) {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: print(PRICED), variables }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after') };
}

async function spend(gateway: TestGateway, token: string, points: number) {
  const res = await gateway.graphql(PRICED, { token, variables: costing(points) });
  expect(res.errors).toBeUndefined();
  return res.extensions!.cost;
}

/** Spends a credential's whole budget, 100 points at a time. */
async function exhaust(gateway: TestGateway, token: string) {
  for (let spent = 0; spent < BUDGET; spent += 100) await spend(gateway, token, 100);
}

describe('the budget of each credential', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startGateway({ ...NO_SWEEPS, limits: { maxCost: 500 }, rateLimit: { points: BUDGET, windowSeconds: WINDOW_SECONDS } });
  });
  afterAll(() => gateway?.stop());

  it('spends each operation’s cost, then refuses with the time to retry, running nothing', async () => {
    const { secretKey } = await createPlatform(gateway);
    const first = await spend(gateway, secretKey, 100);
    expect(first).toMatchObject({ requested: 100, limit: 500, budget: { limit: BUDGET, windowSeconds: WINDOW_SECONDS, remaining: 900 } });
    for (let remaining = 800; remaining >= 0; remaining -= 100) {
      expect(await spend(gateway, secretKey, 100)).toMatchObject({ budget: { remaining } });
    }

    const before = gateway.db.statements.count;
    const res = await gateway.graphql(PRICED, { token: secretKey, variables: costing(2) });
    expect(res.data).toBeUndefined();
    expect(res.status).toBe(429);
    const retryAfter = res.errors![0].extensions!.retryAfter;
    expect(retryAfter).toBeGreaterThan(WINDOW_SECONDS - 60);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(res.errors).toEqual([
      {
        message: `This operation costs 2 points and this credential has 0 of its ${BUDGET} points per ${WINDOW_SECONDS} seconds left: retry in ${retryAfter} seconds.`,
        extensions: {
          code: 'RATE_LIMITED',
          limit: BUDGET,
          remaining: 0,
          requested: 2,
          retryAfter,
          resetAt: expect.any(String),
        },
      },
    ]);
    expect(res.extensions!.cost).toMatchObject({ requested: 2, budget: { remaining: 0 } });
    // Authentication reads the key; nothing else runs.
    expect(gateway.db.statements.count - before).toBe(1);

    const again = await retryAfterHeader(gateway, secretKey, costing(2));
    expect(again.status).toBe(429);
    expect(Number(again.retryAfter)).toBeGreaterThan(WINDOW_SECONDS - 60);
    expect(Number(again.retryAfter)).toBeLessThanOrEqual(retryAfter);
  });

  it('spends nothing on a refused operation: a smaller one still fits', async () => {
    const { secretKey } = await createPlatform(gateway);
    for (let i = 0; i < 9; i++) await spend(gateway, secretKey, 100);
    expect(await spend(gateway, secretKey, 50)).toMatchObject({ budget: { remaining: 50 } });

    const refused = await gateway.graphql(PRICED, { token: secretKey, variables: costing(100) });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', remaining: 50, requested: 100 });
    expect(await spend(gateway, secretKey, 50)).toMatchObject({ budget: { remaining: 0 } });
  });

  it('refuses a mutation over budget, changing nothing', async () => {
    const { secretKey, platformId } = await createPlatform(gateway);
    await exhaust(gateway, secretKey);
    const accounts = await gateway.db.prisma.account.count({ where: { platformId } });
    const before = gateway.db.statements.count;
    const res = await gateway.graphql(CREATE_ACCOUNT, { token: secretKey, variables: { name: 'Over budget' } });
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(gateway.db.statements.count - before).toBe(1);
    expect(await gateway.db.prisma.account.count({ where: { platformId } })).toBe(accounts);
  });

  it('refuses a subscription over budget over WebSocket', async () => {
    const { secretKey } = await createPlatform(gateway);
    await exhaust(gateway, secretKey);
    const client = wsClient(gateway.url, secretKey);
    const subscription = await subscribeWs(client, EVENTS);
    try {
      const result = await subscription.next(5000);
      expect(result.data).toBeUndefined();
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
      expect(result.extensions?.cost).toMatchObject({ requested: 1, budget: { remaining: 0 } });
    } finally {
      await subscription.close();
      await client.dispose();
    }
  });

  it('keeps separate budgets for separate credentials, acting as an account or not', async () => {
    const platform = await createPlatform(gateway);
    const account = await createConnectedAccount(gateway, platform.platformId);
    await exhaust(gateway, platform.secretKey);

    // The same key acting as one of its accounts spends the same budget.
    const asAccount = await gateway.graphql(PRICED, {
      token: platform.secretKey,
      variables: costing(2),
      headers: { 'Stripe-Context': account.id },
    });
    expect(asAccount.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });

    // An account session is a credential of its own; so is another platform's key.
    const session = await createAccountSession(gateway, platform.platformId, account.id);
    expect(await spend(gateway, session, 100)).toMatchObject({ budget: { remaining: 900 } });
    const other = await createPlatform(gateway);
    expect(await spend(gateway, other.secretKey, 100)).toMatchObject({ budget: { remaining: 900 } });
  });
});

describe('without a budget', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startGateway({ limits: { maxCost: 500 }, rateLimit: false });
  });
  afterAll(() => gateway?.stop());

  it('reports the cost alone and refuses nothing for spending', async () => {
    const { secretKey } = await createPlatform(gateway);
    // Well past what a budget of 1000 would allow.
    for (let i = 0; i < 12; i++) {
      const res = await gateway.graphql(PRICED, { token: secretKey, variables: costing(100) });
      expect(res.errors).toBeUndefined();
      expect(res.extensions!.cost).toEqual({ requested: 100, limit: 500 });
    }
  });

  it('does not start when the Redis of a shared budget cannot be reached', async () => {
    await expect(
      startGateway({ db: gateway.db, limits: { maxCost: 500 }, rateLimit: { points: BUDGET, windowSeconds: 60, redisUrl: 'redis://127.0.0.1:1' } }),
    ).rejects.toThrow(/ECONNREFUSED|max retries/);
  });

  it('refuses a budget smaller than one operation may cost', async () => {
    await expect(
      startGateway({ db: gateway.db, limits: { maxCost: 500 }, rateLimit: { points: 499, windowSeconds: 60 } }),
    ).rejects.toThrow(/must be at least MAX_QUERY_COST \(500\)/);
  });
});

describe.skipIf(!redisUrl)('budgets shared by gateway instances (Redis)', () => {
  let first: TestGateway;
  let second: TestGateway;

  beforeAll(async () => {
    // Keys of their own, so that runs (and other test files) never share a budget.
    const rateLimit = { points: BUDGET, windowSeconds: WINDOW_SECONDS, redisUrl, keyPrefix: `test:cost:${randomBytes(6).toString('hex')}` };
    first = await startGateway({ limits: { maxCost: 500 }, rateLimit });
    // A second instance over the same database, as two processes behind a load balancer would be.
    second = await startGateway({ db: first.db, limits: { maxCost: 500 }, rateLimit });
  });
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
  });

  it('spends one budget on both instances, and refuses on one what was spent on the other', async () => {
    const { secretKey } = await createPlatform(first);
    for (let remaining = 900; remaining >= 0; remaining -= 100) {
      const instance = remaining % 200 === 0 ? first : second;
      expect(await spend(instance, secretKey, 100)).toMatchObject({ budget: { remaining } });
    }

    const before = first.db.statements.count;
    const res = await second.graphql(PRICED, { token: secretKey, variables: costing(2) });
    expect(res.status).toBe(429);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', remaining: 0, requested: 2 });
    expect(first.db.statements.count - before).toBe(1);

    // Another credential is untouched on either instance.
    const other = await createPlatform(first);
    expect(await spend(second, other.secretKey, 100)).toMatchObject({ budget: { remaining: 900 } });
  });
});
