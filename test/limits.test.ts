// Operations too costly to run are refused before any SQL beyond authentication
// is sent, say which limit and by how much, and cost the server next to nothing:
// the next request is answered as usual. Every response reports its cost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIntrospectionQuery, parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { ConfigError, loadConfig } from '../src/config.ts';
import { graphql } from './gql/index.ts';
import { createConnectedAccount, createFinancialAccount, createFlows, createPlatform, creditsEveryMinute } from './support/fixtures.ts';
import { NO_SWEEPS, startGateway, type TestGateway } from './support/gateway.ts';
import { subscribeSse, subscribeWs, wsClient } from './support/live.ts';

let gateway: TestGateway;
let key: string;
let platformId: string;
let faId: string;
let transactionIds: string[];

beforeAll(async () => {
  // No activation after the fixtures (they activate their features themselves) and no sweep:
  // the tests count the SQL statements a refused operation sends, and nothing else may send any.
  gateway = await startGateway({ ...NO_SWEEPS, featureActivationDelayMs: 3_600_000 });
  ({ secretKey: key, platformId } = await createPlatform(gateway));
  const account = await createConnectedAccount(gateway, platformId);
  const fa = await createFinancialAccount(gateway, { platformId, accountId: account.id });
  faId = fa.id;
  const transactions = await createFlows(gateway, { id: fa.id, platformId, accountId: account.id }, creditsEveryMinute(3));
  // Newest first.
  transactionIds = transactions.map((t) => t.id).reverse();
});
afterAll(() => gateway?.stop());

const NESTED = graphql(`
  query LimitsNested($a: Int, $f: Int, $t: Int, $e: Int) {
    connectedAccounts(first: $a) {
      nodes { financialAccounts(first: $f) { nodes { transactions(first: $t) { nodes { entries(first: $e) { nodes { id } } } } } } }
    }
  }
`);

const DEFAULTED = graphql(`
  query LimitsDefaulted($n: Int = 100) {
    connectedAccounts(first: $n) {
      nodes { financialAccounts(first: $n) { nodes { transactions(first: $n) { nodes { entries(first: $n) { nodes { id } } } } } } }
    }
  }
`);

const BY_IDS = graphql(`
  query LimitsByIds($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on FinancialAccount { id transactions(first: 100) { nodes { id entries(first: 100) { nodes { id } } } } }
    }
  }
`);

const BY_IDS_FLAT = graphql(`
  query LimitsByIdsFlat($ids: [ID!]!) {
    nodes(ids: $ids) { id }
  }
`);

const TRANSACTIONS = graphql(`
  query LimitsTransactions($id: ID!) {
    node(id: $id) { ... on FinancialAccount { id transactions(first: 10) { nodes { id amount } } } }
  }
`);

/** A deliberately broken operation, for the helpers that take typed documents. */
const untyped = (document: string) => parse(document) as TypedDocumentNode<unknown, Record<string, never>>;

/** The crash request: one financial account's id `count` times, each with two nested connections at 100. */
const duplicatedIdsInline = (id: string, count: number) =>
  `{ nodes(ids: [${Array.from({ length: count }, () => JSON.stringify(id)).join(', ')}]) {
    ... on FinancialAccount { id transactions(first: 100) { nodes { id entries(first: 100) { nodes { id } } } } } } }`;

/** A normal request right after a refused one: answered with the right data. */
async function expectNormalAnswer(target: TestGateway = gateway) {
  const res = await target.graphql(TRANSACTIONS, { token: key, variables: { id: faId } });
  expect(res.errors).toBeUndefined();
  const node = res.data!.node as { id: string; transactions: { nodes: Array<{ id: string; amount: number }> } };
  expect(node.id).toBe(faId);
  expect(node.transactions.nodes.map((t) => t.id)).toEqual(transactionIds);
  expect(node.transactions.nodes.map((t) => t.amount)).toEqual([300, 200, 100]);
}

describe('the requests that exhausted memory', () => {
  it.each([10_000, 5_000])('refuses %i duplicated ids written in the document while parsing, before authentication', async (count) => {
    const before = gateway.db.statements.count;
    const res = await gateway.graphql(duplicatedIdsInline(faId, count), { token: key });
    expect(res.data).toBeUndefined();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].message).toMatch(/more than 2000 tokens/);
    expect(res.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'tokens', limit: 2000, requested: 2001 });
    expect(gateway.db.statements.count - before).toBe(0);
    await expectNormalAnswer();
  });

  it.each([10_000, 5_000])('refuses %i duplicated ids passed as a variable: at most 100 ids, before any SQL but authentication', async (count) => {
    const before = gateway.db.statements.count;
    const res = await gateway.graphql(BY_IDS, { token: key, variables: { ids: Array(count).fill(faId) } });
    expect(res.data).toBeUndefined();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].message).toBe(`\`ids\` takes at most 100 ids; it has ${count}.`);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: ['ids'], limit: 100, requested: count });
    // Authentication reads the key; nothing else runs.
    expect(gateway.db.statements.count - before).toBe(1);
    await expectNormalAnswer();
  });

  it('refuses duplicated ids in the document when the token limit would let them through', async () => {
    const lenient = await startGateway({ db: gateway.db, limits: { maxTokens: 1_000_000 } });
    try {
      const before = gateway.db.statements.count;
      const res = await lenient.graphql(duplicatedIdsInline(faId, 10_000), { token: key });
      expect(res.data).toBeUndefined();
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: ['ids'], limit: 100, requested: 10_000 });
      expect(gateway.db.statements.count - before).toBe(1);
      await expectNormalAnswer(lenient);
    } finally {
      await lenient.stop();
    }
  });

  it('prices a variable at its default: four levels at $n = 100 sent without variables', async () => {
    const before = gateway.db.statements.count;
    const res = await gateway.graphql(DEFAULTED, { token: key });
    expect(res.data).toBeUndefined();
    // Each connection: 1 + 100 nodes, and what each node selects 100 times: 101 + 100·(101 + 100·(101 + 100·101)).
    expect(res.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'cost', limit: 50_000, requested: 102_020_201 });
    expect(res.errors![0].message).toMatch(/could cost 102020201 points, more than the limit of 50000 .*smaller pages/);
    expect(gateway.db.statements.count - before).toBe(1);
    await expectNormalAnswer();
  });

  it('prices the variable given rather than the default', async () => {
    const res = await gateway.graphql(DEFAULTED, { token: key, variables: { n: 5 } });
    expect(res.errors).toBeUndefined();
    // 6 + 5·(6 + 5·(6 + 5·6)) = 936
    expect(res.extensions?.cost).toMatchObject({ requested: 936 });
  });
});

describe('the cost limit', () => {
  it('runs the four-level query at 10/10/20/5', async () => {
    const res = await gateway.graphql(NESTED, { token: key, variables: { a: 10, f: 10, t: 20, e: 5 } });
    expect(res.errors).toBeUndefined();
    // 11 + 10·(11 + 10·(21 + 20·6)) = 14,221
    expect(res.extensions?.cost).toMatchObject({ requested: 14_221, limit: 50_000 });
  });

  it('refuses four levels at first: 100 before running any SQL, and says by how much', async () => {
    const before = gateway.db.statements.count;
    const res = await gateway.graphql(NESTED, { token: key, variables: { a: 100, f: 100, t: 100, e: 100 } });
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'cost', limit: 50_000, requested: 102_020_201 });
    expect(gateway.db.statements.count - before).toBe(1);
  });

  it('counts the default page size of 10 where first/last are not given', async () => {
    const res = await gateway.graphql(NESTED, { token: key, variables: { a: 100, f: 100 } });
    // 101 + 100·(101 + 100·(11 + 10·11)) = 1,220,201
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'cost', requested: 1_220_201 });
  });

  it('multiplies what each id selects by the number of ids', async () => {
    const res = await gateway.graphql(BY_IDS, { token: key, variables: { ids: Array(50).fill(faId) } });
    // 51 + 50·(101 + 100·101) = 510,101
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'cost', requested: 510_101 });
  });

  it('prices the operation the request names, not the first in the document', async () => {
    const document = `query Cheap { platform { id } }
      query Costly { connectedAccounts(first: 100) { nodes { financialAccounts(first: 100) { nodes { transactions(first: 100) { nodes { id } } } } } } }`;
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: document, operationName: 'Costly' }),
    });
    const res = (await response.json()) as { errors?: Array<{ extensions: Record<string, unknown> }> };
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'cost', requested: 1_020_201 });
  });
});

describe('nodes(ids:)', () => {
  it('takes 100 ids', async () => {
    const res = await gateway.graphql(BY_IDS_FLAT, { token: key, variables: { ids: Array(100).fill(faId) } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.nodes).toHaveLength(100);
    expect(res.data!.nodes.every((node) => node?.id === faId)).toBe(true);
  });

  it('refuses 101, naming the argument and the limit, before any SQL but authentication', async () => {
    const before = gateway.db.statements.count;
    const res = await gateway.graphql(BY_IDS_FLAT, { token: key, variables: { ids: Array(101).fill(faId) } });
    expect(res.data).toBeUndefined();
    expect(res.errors).toEqual([
      expect.objectContaining({
        message: '`ids` takes at most 100 ids; it has 101.',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: ['ids'], limit: 100, requested: 101 }),
      }),
    ]);
    expect(gateway.db.statements.count - before).toBe(1);
  });
});

describe('limits on the document', () => {
  const hop = (inner: string) => `transaction { financialAccount { transactionEntries(first: 1) { nodes { ${inner} } } } }`;

  it('refuses operations nested deeper than the limit', async () => {
    // Each round trip entry → transaction → financial account → entries → nodes adds four levels: 1 + 4·4 + 1 = 18.
    const deep = `{ transactionEntry(id: "trxne_x") { ${hop(hop(hop(hop('id'))))} } }`;
    const before = gateway.db.statements.count;
    const res = await gateway.graphql(deep, { token: key });
    expect(res.data).toBeUndefined();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].message).toBe('This operation nests fields 18 levels deep, more than the limit of 15.');
    expect(res.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'depth', limit: 15, requested: 18 });
    expect(gateway.db.statements.count - before).toBe(0);
  });

  it('counts the depth of fields, not of fragments', async () => {
    // 1 + 3·4 + 1 = 14 levels of fields, spread through fragments.
    const document = `{ transactionEntry(id: "trxne_x") { ...A } }
      fragment A on TransactionEntry { transaction { financialAccount { transactionEntries(first: 1) { nodes { ...B } } } } }
      fragment B on TransactionEntry { transaction { financialAccount { transactionEntries(first: 1) { nodes { ...C } } } } }
      fragment C on TransactionEntry { ${hop('id')} }`;
    const res = await gateway.graphql(document, { token: key });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ transactionEntry: null });
  });

  it('counts the depth of introspection, which multiplies like any list', async () => {
    const nested = (levels: number): string => (levels === 0 ? 'name' : `fields { type { ${nested(levels - 1)} } }`);
    // __schema, types, then two levels per round: 2 + 2·7 + 1 = 17.
    const res = await gateway.graphql(`{ __schema { types { ${nested(7)} } } }`, { token: key });
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'depth', limit: 15, requested: 17 });
  });

  it('refuses more aliases than the limit', async () => {
    const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `p${i}: platform { id }`).join(' ')} }`;
    expect((await gateway.graphql(aliases(30), { token: key })).errors).toBeUndefined();
    const res = await gateway.graphql(aliases(31), { token: key });
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].message).toBe('This operation uses 31 aliases, more than the limit of 30.');
    expect(res.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'aliases', limit: 30, requested: 31 });
  });

  it('refuses more directives than the limit', async () => {
    const directives = (count: number) => `{ platform { ${'id @include(if: true) '.repeat(count)}} }`;
    expect((await gateway.graphql(directives(50), { token: key })).errors).toBeUndefined();
    const res = await gateway.graphql(directives(51), { token: key });
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].message).toBe('This operation uses 51 directives, more than the limit of 50.');
    expect(res.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'directives', limit: 50, requested: 51 });
  });

  it('refuses a document of more tokens than the limit', async () => {
    const strict = await startGateway({ db: gateway.db, limits: { maxTokens: 100 } });
    try {
      // `{ platform { id id ... } }`: five tokens of braces and `platform`, and one per `id`.
      const fields = (count: number) => `{ platform { ${'id '.repeat(count)}} }`;
      expect((await strict.graphql(fields(95), { token: key })).errors).toBeUndefined();
      const res = await strict.graphql(fields(96), { token: key });
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].message).toBe(
        'This operation has more than 100 tokens, the limit: send a shorter document (pass long lists as variables).',
      );
      expect(res.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'tokens', limit: 100, requested: 101 });
    } finally {
      await strict.stop();
    }
  });

  it('refuses a document over a limit sent over WebSocket with an error, as over HTTP', async () => {
    const client = wsClient(gateway.url, key);
    try {
      const long = await subscribeWs(client, untyped(`subscription { events { ${'id '.repeat(2000)}} }`));
      const refused = await long.next(5000);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'tokens', limit: 2000 });
      // The connection stays usable.
      // 1 + 3·5 + 1 = 17 levels.
      const round = (inner: string) => `transactions(first: 1) { nodes { financialAccount { ${inner} } } }`;
      const deep = await subscribeWs(
        client,
        untyped(`subscription { financialAccountFeaturesStatusUpdated(financialAccount: "fa_x") { ${round(round(round(round(round('id')))))} } }`),
      );
      const tooDeep = await deep.next(5000);
      expect(tooDeep.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'depth', limit: 15 });
    } finally {
      await client.dispose();
    }
  });

  it('takes its limits from the server options', async () => {
    const strict = await startGateway({ db: gateway.db, limits: { maxCost: 100, maxDepth: 3, maxAliases: 1 } });
    try {
      const cost = await strict.graphql(NESTED, { token: key, variables: { a: 10, f: 10 } });
      expect(cost.errors?.[0].extensions).toMatchObject({ measure: 'depth', limit: 3 });
      const shallow = await strict.graphql(`{ connectedAccounts(first: 100) { nodes { id } } }`, { token: key });
      expect(shallow.errors?.[0].extensions).toMatchObject({ measure: 'cost', limit: 100, requested: 101 });
      const aliases = await strict.graphql(`{ a: platform { id } b: platform { id } }`, { token: key });
      expect(aliases.errors?.[0].extensions).toMatchObject({ measure: 'aliases', limit: 1, requested: 2 });
    } finally {
      await strict.stop();
    }
  });
});

describe('introspection', () => {
  it('is served by default, with suggestions for misspelt fields', async () => {
    const res = await gateway.graphql(getIntrospectionQuery(), { token: key });
    expect(res.errors).toBeUndefined();
    expect(res.data.__schema.queryType.name).toBe('Query');
    const misspelt = await gateway.graphql(`{ platfrom { id } }`, { token: key });
    expect(misspelt.errors?.[0].message).toMatch(/Did you mean "platform"\?/);
  });

  it('with INTROSPECTION off: refused, and misspelt fields get no suggestion', async () => {
    const closed = await startGateway({ db: gateway.db, introspection: false });
    try {
      const before = gateway.db.statements.count;
      const res = await closed.graphql(getIntrospectionQuery(), { token: key });
      expect(res.data).toBeUndefined();
      expect(res.errors?.[0].message).toMatch(/introspection has been disabled.*"__schema"/);
      const type = await closed.graphql(`{ __type(name: "Query") { name } }`, { token: key });
      expect(type.errors?.[0].message).toMatch(/introspection has been disabled.*"__type"/);
      const misspelt = await closed.graphql(`{ platfrom { id } }`, { token: key });
      expect(misspelt.errors).toHaveLength(1);
      expect(misspelt.errors![0].message).toBe('Cannot query field "platfrom" on type "Query".');
      expect(gateway.db.statements.count - before).toBe(0);
      // __typename is not introspection of the schema.
      const typename = await closed.graphql(`{ __typename platform { id } }`, { token: key });
      expect(typename.errors).toBeUndefined();
      expect(typename.data.__typename).toBe('Query');
    } finally {
      await closed.stop();
    }
  });
});

describe('extensions.cost', () => {
  const PLATFORM = graphql(`
    query LimitsPlatform { platform { id displayName } }
  `);

  it('reports the cost and the budget left on success, and the budget spends it', async () => {
    const { secretKey } = await createPlatform(gateway);
    const first = await gateway.graphql(NESTED, { token: secretKey, variables: { a: 10, f: 10, t: 20, e: 5 } });
    expect(first.errors).toBeUndefined();
    const cost = first.extensions!.cost;
    expect(cost).toEqual({
      requested: 14_221,
      limit: 50_000,
      budget: { limit: 1_000_000, windowSeconds: 60, remaining: 1_000_000 - 14_221, resetAt: expect.any(String) },
    });
    const resetIn = Date.parse(cost.budget.resetAt) - Date.now();
    expect(resetIn).toBeGreaterThan(0);
    expect(resetIn).toBeLessThanOrEqual(60_000);
    const second = await gateway.graphql(PLATFORM, { token: secretKey });
    // One object field: one point.
    expect(second.extensions!.cost).toMatchObject({ requested: 1, budget: { remaining: 1_000_000 - 14_221 - 1 } });
  });

  it('reports the cost of a refused operation, which spends nothing', async () => {
    const { secretKey } = await createPlatform(gateway);
    const refused = await gateway.graphql(DEFAULTED, { token: secretKey });
    expect(refused.extensions!.cost).toEqual({
      requested: 102_020_201,
      limit: 50_000,
      budget: { limit: 1_000_000, windowSeconds: 60, remaining: 1_000_000, resetAt: null },
    });
    const tooMany = await gateway.graphql(BY_IDS_FLAT, { token: secretKey, variables: { ids: Array(101).fill(faId) } });
    expect(tooMany.extensions!.cost).toMatchObject({ requested: null, limit: 50_000, budget: { remaining: 1_000_000 } });
    const next = await gateway.graphql(PLATFORM, { token: secretKey });
    expect(next.extensions!.cost).toMatchObject({ requested: 1, budget: { remaining: 999_999 } });
  });

  it('is reported for mutations', async () => {
    const res = await gateway.graphql(
      graphql(`
        mutation LimitsCreateAccount {
          createConnectedAccount(input: { displayName: "Priced" }) { connectedAccount { id } userErrors { code } }
        }
      `),
      { token: key },
    );
    expect(res.errors).toBeUndefined();
    // The payload, the account in it, and the list of userErrors.
    expect(res.extensions!.cost).toMatchObject({ requested: 3, limit: 50_000 });
  });

  it('is reported in the first payload of a subscription', async () => {
    const subscription = await subscribeSse(
      gateway.url,
      key,
      graphql(`
        subscription LimitsEvents { events { id type } }
      `),
    );
    try {
      await gateway.graphql(
        graphql(`
          mutation LimitsCreateWatched {
            createConnectedAccount(input: { displayName: "Watched" }) { connectedAccount { id } }
          }
        `),
        { token: key },
      );
      const first = await subscription.next(5000);
      expect(first.data).toMatchObject({ events: { type: 'ACCOUNT_CREATED' } });
      expect(first.extensions?.cost).toMatchObject({ requested: 1, limit: 50_000, budget: { limit: 1_000_000 } });
    } finally {
      await subscription.close();
    }
  });
});

describe('settings', () => {
  it('reads the limits and the budget from the environment, with the defaults', () => {
    const defaults = loadConfig({});
    expect(defaults.limits).toEqual({ maxCost: 50_000, maxDepth: 15, maxAliases: 30, maxTokens: 2000, maxDirectives: 50 });
    expect(defaults.introspection).toBe(true);
    expect(defaults.rateLimit).toEqual({ points: 1_000_000, windowSeconds: 60 });
    const set = loadConfig({
      MAX_QUERY_COST: '1000',
      MAX_QUERY_DEPTH: '8',
      MAX_QUERY_ALIASES: '5',
      MAX_QUERY_TOKENS: '500',
      MAX_QUERY_DIRECTIVES: '3',
      INTROSPECTION: 'false',
      RATE_LIMIT_POINTS: '5000',
      RATE_LIMIT_WINDOW_SECONDS: '3600',
    });
    expect(set.limits).toEqual({ maxCost: 1000, maxDepth: 8, maxAliases: 5, maxTokens: 500, maxDirectives: 3 });
    expect(set.introspection).toBe(false);
    expect(set.rateLimit).toEqual({ points: 5000, windowSeconds: 3600 });
    expect(loadConfig({ RATE_LIMIT_POINTS: '0' }).rateLimit).toBeNull();
  });

  it('refuses a budget smaller than one operation may cost, and the old node limit', () => {
    expect(() => loadConfig({ RATE_LIMIT_POINTS: '1000' })).toThrow(ConfigError);
    expect(() => loadConfig({ RATE_LIMIT_POINTS: '1000' })).toThrow(/must be at least MAX_QUERY_COST \(50000\)/);
    expect(() => loadConfig({ MAX_QUERY_NODES: '50000' })).toThrow(/replaced by MAX_QUERY_COST/);
    expect(() => loadConfig({ MAX_QUERY_COST: 'lots' })).toThrow(/MAX_QUERY_COST must be an integer/);
  });
});
