// Input the database cannot store or no Stripe parameter allows — NUL
// characters, lone surrogates, impossible times, over-long text, forged
// cursors, malformed credentials — is a clear client error over every
// transport, and nothing is written.
import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { graphql } from './gql/index.ts';
import { createConnectedAccount, createFinancialAccount, createFlows, creditsEveryMinute, createPlatform } from './support/fixtures.ts';
import { startGateway, type GraphQLResponse, type TestGateway } from './support/gateway.ts';
import { subscribeSse, subscribeWs, wsClient, type Received } from './support/live.ts';
import { databaseSnapshot, type DatabaseSnapshot } from './support/db-snapshot.ts';
import { INPUT_LIMITS } from '../src/domain/input-limits.ts';

let gateway: TestGateway;
let key: string;
let accountId: string;
let financialAccountId: string;
let before: DatabaseSnapshot;

beforeAll(async () => {
  gateway = await startGateway();
  const platform = await createPlatform(gateway);
  key = platform.secretKey;
  accountId = (await createConnectedAccount(gateway, platform.platformId)).id;
  const fa = await createFinancialAccount(gateway, { platformId: platform.platformId, accountId });
  financialAccountId = fa.id;
  await createFlows(gateway, fa, creditsEveryMinute(3));
});
afterAll(() => gateway?.stop());
beforeEach(async () => {
  before = await databaseSnapshot(gateway.db);
});

const NUL = '\u0000';
const LONE_HIGH = '\ud800';
const LONE_LOW = '\udc00';

const CREATE_CONNECTED_ACCOUNT = graphql(`
  mutation BadInputCreateConnectedAccount($input: CreateConnectedAccountInput!) {
    createConnectedAccount(input: $input) { connectedAccount { id displayName email metadata } userErrors { code message field } }
  }
`);

const UPDATE_CONNECTED_ACCOUNT = graphql(`
  mutation BadInputUpdateConnectedAccount($input: UpdateConnectedAccountInput!) {
    updateConnectedAccount(input: $input) { connectedAccount { id } userErrors { code message field } }
  }
`);

const CREATE_FINANCIAL_ACCOUNT = graphql(`
  mutation BadInputCreateFinancialAccount($input: CreateFinancialAccountInput!) {
    createFinancialAccount(input: $input) { financialAccount { id nickname } userErrors { code message field } }
  }
`);

const UPDATE_FINANCIAL_ACCOUNT = graphql(`
  mutation BadInputUpdateFinancialAccount($input: UpdateFinancialAccountInput!) {
    updateFinancialAccount(input: $input) { financialAccount { id } userErrors { code message field } }
  }
`);

const CONNECTED_ACCOUNT = graphql(`
  query BadInputConnectedAccount($id: ID!) { connectedAccount(id: $id) { id } }
`);

const ENTRIES = graphql(`
  query BadInputEntries($fa: ID!, $filter: TransactionEntryFilter, $after: String) {
    financialAccount(id: $fa) { transactionEntries(first: 2, filter: $filter, after: $after) { nodes { id } pageInfo { endCursor } } }
  }
`);

const EVENTS = graphql(`
  query BadInputEvents($filter: EventFilter) { events(first: 2, filter: $filter) { nodes { id } } }
`);

const EVENTS_LIVE = graphql(`
  subscription BadInputEventsLive($after: ID) { events(after: $after) { id } }
`);

/** Refused as bad input: one BAD_USER_INPUT error naming `argument`, no data, and nothing written. */
async function expectRefused(res: GraphQLResponse<unknown>, argument: string[], problem: RegExp) {
  expect(res.status).toBe(200);
  expect(res.errors, JSON.stringify(res)).toHaveLength(1);
  const [error] = res.errors!;
  expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  expect(error.message).toMatch(problem);
  expect(res.data ?? null).toBeNull();
  expect(await databaseSnapshot(gateway.db)).toEqual(before);
}

describe('NUL characters', () => {
  const cases: Array<[string, () => Promise<GraphQLResponse<unknown>>, string[]]> = [
    ['a nickname', () => gateway.graphql(CREATE_FINANCIAL_ACCOUNT, { token: key, variables: { input: { supportedCurrencies: ['usd'], nickname: `Ops${NUL}` } } }), ['input', 'nickname']],
    ['a metadata key', () => gateway.graphql(CREATE_CONNECTED_ACCOUNT, { token: key, variables: { input: { metadata: { [`k${NUL}`]: 'v' } } } }), ['input', 'metadata']],
    ['a metadata value', () => gateway.graphql(CREATE_CONNECTED_ACCOUNT, { token: key, variables: { input: { metadata: { k: `v${NUL}` } } } }), ['input', 'metadata', 'k']],
    ['a display name', () => gateway.graphql(CREATE_CONNECTED_ACCOUNT, { token: key, variables: { input: { displayName: `Acme${NUL}` } } }), ['input', 'displayName']],
    ['an email', () => gateway.graphql(CREATE_CONNECTED_ACCOUNT, { token: key, variables: { input: { email: `a${NUL}@example.com` } } }), ['input', 'email']],
    ['an idempotency key', () => gateway.graphql(CREATE_CONNECTED_ACCOUNT, { token: key, variables: { input: { idempotencyKey: `k${NUL}` } } }), ['input', 'idempotencyKey']],
    ['a mutation\'s id', () => gateway.graphql(UPDATE_FINANCIAL_ACCOUNT, { token: key, variables: { input: { financialAccount: `fa_${NUL}`, nickname: 'x' } } }), ['input', 'financialAccount']],
    ['a query\'s id argument', () => gateway.graphql(CONNECTED_ACCOUNT, { token: key, variables: { id: `acct_${NUL}` } }), ['id']],
    ['a filter', () => gateway.graphql(ENTRIES, { token: key, variables: { fa: financialAccountId, filter: { transaction: `trxn_${NUL}` } } }), ['filter', 'transaction']],
    ['a cursor', () => gateway.graphql(ENTRIES, { token: key, variables: { fa: financialAccountId, after: `abc${NUL}` } }), ['after']],
  ];

  it.each(cases)('in %s (JSON variables) is BAD_USER_INPUT naming the field, and nothing is written', async (_name, send, argument) => {
    await expectRefused(await send(), argument, /NUL character \(U\+0000\)/);
  });

  it('in an inline literal, raw or escaped, is refused the same way', async () => {
    for (const nul of ['\\u0000', '\\u{0}', NUL]) {
      const res = await gateway.graphql(
        `mutation { createFinancialAccount(input: { supportedCurrencies: ["usd"], nickname: "Ops${nul}" }) { userErrors { code } } }`,
        { token: key },
      );
      await expectRefused(res, ['input', 'nickname'], /`input\.nickname` of `createFinancialAccount` contains a NUL character/);
    }
  });

  it('in a GET query string is refused the same way', async () => {
    const url = new URL(gateway.url);
    url.searchParams.set('query', 'query ($id: ID!) { connectedAccount(id: $id) { id } }');
    url.searchParams.set('variables', JSON.stringify({ id: `acct_${NUL}` }));
    const response = await fetch(url, { headers: { authorization: `Bearer ${key}`, accept: 'application/json' } });
    await expectRefused({ status: response.status, ...((await response.json()) as object) }, ['id'], /NUL/);
  });

  it('in a subscription\'s argument over graphql-ws is a BAD_USER_INPUT error, and the socket stays up', async () => {
    const client = wsClient(gateway.url, key);
    try {
      const refused = await subscribeWs(client, EVENTS_LIVE, { after: `evt_${NUL}` });
      await refused.completed;
      expect(refused.buffered).toHaveLength(1);
      expect(refused.buffered[0].errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: ['after'] });
      // The same connection still serves queries.
      const fine = await subscribeWs(client, EVENTS, {});
      expect((await fine.next()).data?.events).toBeDefined();
    } finally {
      await client.dispose();
    }
  });

  it('in a subscription\'s argument over SSE is a BAD_USER_INPUT error', async () => {
    const refused = await subscribeSse(gateway.url, key, EVENTS_LIVE, { after: `evt_${NUL}` });
    const result = await refused.next();
    await refused.close();
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: ['after'] });
  });
});

describe('lone UTF-16 surrogates', () => {
  it.each([
    ['a high surrogate', `Ops${LONE_HIGH}`, /lone UTF-16 surrogate \(U\+D800\) at index 3/],
    ['a low surrogate', `${LONE_LOW}Ops`, /lone UTF-16 surrogate \(U\+DC00\) at index 0/],
    ['two high surrogates', `${LONE_HIGH}${LONE_HIGH}\udc00`, /U\+D800\) at index 0/],
  ])('%s in JSON variables is refused rather than stored as U+FFFD', async (_name, nickname, problem) => {
    const res = await gateway.graphql(CREATE_FINANCIAL_ACCOUNT, { token: key, variables: { input: { supportedCurrencies: ['usd'], nickname } } });
    await expectRefused(res, ['input', 'nickname'], problem);
  });

  it('in metadata over JSON is refused', async () => {
    const res = await gateway.graphql(UPDATE_CONNECTED_ACCOUNT, { token: key, variables: { input: { account: accountId, metadata: { note: `x${LONE_HIGH}` } } } });
    await expectRefused(res, ['input', 'metadata', 'note'], /lone UTF-16 surrogate/);
  });

  it('in an inline literal is already a syntax error of graphql-js', async () => {
    const res = await gateway.graphql(
      `mutation { createFinancialAccount(input: { supportedCurrencies: ["usd"], nickname: "Ops\\ud800" }) { userErrors { code } } }`,
      { token: key },
    );
    expect(res.errors?.[0].message).toMatch(/Invalid Unicode escape sequence/);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });

  it('in an inline literal over graphql-ws is a parse error, and the socket stays up (not closed with 4500)', async () => {
    const client = wsClient(gateway.url, key);
    let closed: number | null = null;
    client.on('closed', (event) => (closed = (event as { code: number }).code));
    try {
      const errors = await new Promise<unknown>((resolve) => {
        client.subscribe({ query: '{ connectedAccount(id: "acct_\\ud800") { id } }' }, { next: () => {}, error: resolve, complete: () => resolve(null) });
      });
      expect(errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/Invalid Unicode escape sequence/), extensions: { code: 'GRAPHQL_PARSE_FAILED' } })]);
      const fine = await subscribeWs(client, EVENTS, {});
      expect((await fine.next()).data?.events).toBeDefined();
      expect(closed).toBeNull();
    } finally {
      await client.dispose();
    }
  });

  it('a well-formed pair (an emoji) is taken and stored as sent', async () => {
    const res = await gateway.graphql(CREATE_CONNECTED_ACCOUNT, { token: key, variables: { input: { displayName: 'Café 😀', metadata: { 'ключ': '値 😀' } } } });
    expect(res.data?.createConnectedAccount.userErrors).toEqual([]);
    expect(res.data?.createConnectedAccount.connectedAccount).toMatchObject({ displayName: 'Café 😀', metadata: { 'ключ': '値 😀' } });
  });
});

describe('DateTime', () => {
  const created = (gte: string) => gateway.graphql(EVENTS, { token: key, variables: { filter: { created: { gte } } } });

  it.each([
    ['year 0000', '0000-01-01T00:00:00Z', /between 1970-01-01T00:00:00Z and 9999-12-31/],
    ['year 0099 (which Date.UTC reads as 1999)', '0099-06-01T00:00:00Z', /between 1970/],
    ['before 1970', '1969-12-31T23:59:59Z', /between 1970/],
    ['before 1970 once the offset is applied', '1970-01-01T00:30:00+01:00', /between 1970/],
    ['30 February', '2026-02-30T00:00:00Z', /2026-02 has 28 days/],
    ['29 February of a common year', '2027-02-29', /2027-02 has 28 days/],
    ['month 13', '2026-13-01T00:00:00Z', /no month 13/],
    ['hour 24', '2026-01-01T24:00:00Z', /hours go to 23/],
    ['a leap second', '2026-06-30T23:59:60Z', /seconds to 59/],
    ['an offset of 24 hours', '2026-01-01T00:00:00+24:00', /offset is at most/],
    ['no time zone', '2026-01-01T00:00:00', /ISO 8601/],
    ['a NUL', `2026-01-01T00:00:00Z${NUL}`, /ISO 8601/],
  ])('refuses %s as BAD_USER_INPUT', async (_name, value, problem) => {
    const res = await created(value);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/filter\.created\.gte/);
    expect(res.errors?.[0].message).toMatch(problem);
    expect(res.data ?? null).toBeNull();
  });

  it('refuses an impossible date in an inline literal too', async () => {
    const res = await gateway.graphql(`{ events(filter: { created: { gte: "2026-02-30T00:00:00Z" } }) { nodes { id } } }`, { token: key });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/2026-02 has 28 days/);
  });

  it('over graphql-ws, an impossible date or a literal of the wrong type is refused with the code HTTP gives', async () => {
    const client = wsClient(gateway.url, key);
    const run = (query: string) =>
      new Promise<unknown>((resolve) => client.subscribe({ query }, { next: () => {}, error: resolve, complete: () => resolve(null) }));
    try {
      expect(await run('{ events(filter: { created: { gte: "2026-02-30T00:00:00Z" } }) { nodes { id } } }')).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/2026-02 has 28 days/), extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
      ]);
      expect(await run('{ connectedAccounts(first: "ten") { nodes { id } } }')).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/Int cannot represent/), extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }) }),
      ]);
    } finally {
      await client.dispose();
    }
  });

  it.each([
    ['29 February of a leap year', '2028-02-29'],
    ['the first instant', '1970-01-01T00:00:00Z'],
    ['the last instant', '9999-12-31T23:59:59.999Z'],
    ['an offset', '2026-03-01T01:00:00+01:00'],
    ['microseconds', '2026-01-01T00:00:00.123456Z'],
  ])('takes %s', async (_name, value) => {
    const res = await created(value);
    expect(res.errors).toBeUndefined();
  });
});

describe('lengths and sizes', () => {
  it('refuses an id over 255 characters before looking it up', async () => {
    const res = await gateway.graphql(CONNECTED_ACCOUNT, { token: key, variables: { id: `acct_${'a'.repeat(INPUT_LIMITS.id)}` } });
    await expectRefused(res, ['id'], /is 260 characters long; at most 255 are allowed/);
  });

  it('refuses any string over the global cap, even where a field has no limit of its own', async () => {
    const res = await gateway.graphql(ENTRIES, { token: key, variables: { fa: financialAccountId, after: 'a'.repeat(100_000) } });
    await expectRefused(res, ['after'], /100000 characters long; at most 5000/);
  });

  it('refuses a huge list', async () => {
    const res = await gateway.graphql(CREATE_FINANCIAL_ACCOUNT, {
      token: key,
      variables: { input: { supportedCurrencies: Array.from({ length: 10_000 }, () => 'usd') } },
    });
    await expectRefused(res, ['input', 'supportedCurrencies'], /10000 items; at most 100/);
  });

  it.each([
    ['a nickname', CREATE_FINANCIAL_ACCOUNT, { supportedCurrencies: ['usd'], nickname: 'n'.repeat(INPUT_LIMITS.nickname + 1) }, 'parameter_invalid_string_too_long', ['input', 'nickname']],
    ['an idempotency key', CREATE_CONNECTED_ACCOUNT, { idempotencyKey: 'k'.repeat(INPUT_LIMITS.idempotencyKey + 1) }, 'parameter_invalid', ['input', 'idempotencyKey']],
    ['an email', CREATE_CONNECTED_ACCOUNT, { email: `${'e'.repeat(INPUT_LIMITS.email)}@example.com` }, 'email_invalid', ['input', 'email']],
    ['a metadata value', CREATE_CONNECTED_ACCOUNT, { metadata: { k: 'v'.repeat(501) } }, 'parameter_invalid_string_too_long', ['input', 'metadata', 'k']],
  ] as const)('over Stripe\'s limit for %s is a user error, and nothing is written', async (_name, document, input, code, field) => {
    const res = await gateway.graphql(document as typeof CREATE_CONNECTED_ACCOUNT, { token: key, variables: { input: input as never } });
    const payload = Object.values(res.data ?? {})[0] as { userErrors: Array<{ code: string; field: string[] }> };
    expect(payload.userErrors).toEqual([expect.objectContaining({ code, field })]);
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });
});

describe('forged cursors', () => {
  const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it.each([
    ['a NUL in its id', () => forged(['createdAt', Date.parse('2026-01-01T00:00:00Z'), `trxne_${NUL}`])],
    ['a lone surrogate in its id', () => forged(['createdAt', Date.parse('2026-01-01T00:00:00Z'), `trxne_${LONE_HIGH}`])],
    ['an id of no type', () => forged(['createdAt', Date.parse('2026-01-01T00:00:00Z'), 'zzz_123'])],
    ['a huge id', () => forged(['createdAt', Date.parse('2026-01-01T00:00:00Z'), `trxne_${'a'.repeat(3000)}`])],
    ['garbage', () => 'not a cursor at all'],
    ['base64 of garbage', () => Buffer.from([0, 255, 0, 254]).toString('base64url')],
  ])('with %s is BAD_USER_INPUT', async (_name, cursor) => {
    const res = await gateway.graphql(ENTRIES, { token: key, variables: { fa: financialAccountId, after: cursor() } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: ['after'] });
    expect(res.errors?.[0].message).toMatch(/`after` is not a valid cursor/);
  });

  it('a real cursor still pages', async () => {
    const first = await gateway.graphql(ENTRIES, { token: key, variables: { fa: financialAccountId } });
    const after = first.data!.financialAccount!.transactionEntries.pageInfo.endCursor!;
    const next = await gateway.graphql(ENTRIES, { token: key, variables: { fa: financialAccountId, after } });
    expect(next.errors).toBeUndefined();
    expect(next.data!.financialAccount!.transactionEntries.nodes).toHaveLength(1);
  });
});

describe('malformed requests', () => {
  it('a GET query string whose variables are not JSON is a 400, not an internal error', async () => {
    const url = new URL(gateway.url);
    url.searchParams.set('query', '{ __typename }');
    url.searchParams.set('variables', '{not json');
    const response = await fetch(url, { headers: { authorization: `Bearer ${key}`, accept: 'application/json' } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as GraphQLResponse<unknown>;
    expect(body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/not valid JSON/), extensions: { code: 'BAD_REQUEST' } });
  });

  it('a form-encoded POST whose extensions are not JSON is a 400', async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ query: '{ __typename }', extensions: `${NUL}[` }).toString(),
    });
    expect(response.status).toBe(400);
  });

  it('a metadata key `__proto__` is refused, not silently dropped, in JSON and in a literal', async () => {
    const json = await gateway.graphql(CREATE_CONNECTED_ACCOUNT, {
      token: key,
      variables: { input: { metadata: Object.fromEntries([['__proto__', 'x'], ['a', 'b']]) } },
    });
    // A value that does not coerce is refused before execution (the cost of the operation, which
    // coerces its variables first, reports it).
    expect(json.data).toBeUndefined();
    expect(json.errors?.[0]).toMatchObject({ message: expect.stringMatching(/Metadata key "__proto__" is not allowed/), extensions: { code: 'BAD_USER_INPUT' } });
    const literal = await gateway.graphql(
      `mutation { createConnectedAccount(input: { metadata: { __proto__: "x" } }) { userErrors { code } } }`,
      { token: key },
    );
    expect(literal.errors?.[0]).toMatchObject({ message: expect.stringMatching(/__proto__/), extensions: { code: 'BAD_USER_INPUT' } });
    expect(await databaseSnapshot(gateway.db)).toEqual(before);
  });
});

describe('malformed credentials', () => {
  /** Connects over graphql-ws with these connectionParams; resolves with how the socket closed. */
  async function connectWs(params: Record<string, unknown>): Promise<{ code: number; reason: string; results: Received<unknown>[] }> {
    const client: Client = wsClient(gateway.url, null, params);
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      client.on('closed', (event) => {
        const close = event as { code: number; reason: unknown };
        resolve({ code: close.code, reason: String(close.reason) });
      }),
    );
    const subscription = await subscribeWs(client, EVENTS_LIVE, {});
    const outcome = await closed;
    await client.dispose();
    return { ...outcome, results: subscription.buffered };
  }

  it.each([
    ['a NUL in stripeContext', () => ({ authorization: `Bearer ${key}`, stripeContext: `acct_${NUL}` }), /Stripe-Context must be the id of a connected account/],
    ['a lone surrogate in stripeContext', () => ({ authorization: `Bearer ${key}`, stripeContext: `acct_${LONE_HIGH}` }), /Stripe-Context/],
    ['a huge stripeContext', () => ({ authorization: `Bearer ${key}`, stripeContext: 'acct_'.repeat(2_000) }), /Stripe-Context/],
    ['a NUL in authorization', () => ({ authorization: `Bearer ${key}${NUL}` }), /Authorization header contains a NUL/],
    ['a huge authorization', () => ({ authorization: `Bearer ${'k'.repeat(10_000)}` }), /Authorization header is 10007 characters long/],
    ['an authorization that is not a string', () => ({ authorization: { bearer: key } }), /connectionParams.authorization must be a string/],
    ['a stripeContext that is not a string', () => ({ authorization: `Bearer ${key}`, stripeContext: 42 }), /connectionParams.stripeContext must be a string/],
  ])('over graphql-ws, %s closes the socket with 4403 and the reason, never 4500', async (_name, params, reason) => {
    const outcome = await connectWs(params());
    expect(outcome.code).toBe(4403);
    expect(outcome.reason).toMatch(reason);
    expect(outcome.results.filter((r) => r.data)).toEqual([]);
  });

  it.each([
    ['a malformed Stripe-Context', { 'stripe-context': 'acct_<script>' }],
    ['a Stripe-Context with a space and a quote', { 'stripe-context': 'acct_1 "' }],
    ['a Stripe-Context with latin-1 text', { 'stripe-context': 'acct_caf\u00e9' }],
    ['a long Stripe-Context', { 'stripe-context': `acct_${'a'.repeat(8000)}` }],
  ])('over HTTP, %s is 401', async (_name, headers) => {
    const res = await gateway.graphql(EVENTS, { token: key, headers });
    expect(res.status).toBe(401);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0].message).toMatch(/Stripe-Context must be the id of a connected account/);
  });

  it('over HTTP, a long Authorization header is 401', async () => {
    const res = await gateway.graphql(EVENTS, { headers: { authorization: `Bearer ${'k'.repeat(8000)}` } });
    expect(res.status).toBe(401);
    expect(res.errors?.[0].message).toMatch(/at most 512 are allowed/);
  });

  it('over HTTP, a NUL in a header never reaches the gateway: Node\'s parser answers 400, not 500', async () => {
    // fetch refuses to send such a header, so it goes over a raw socket.
    const { port } = new URL(gateway.url);
    const status = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
            `Authorization: Bearer ${key}\r\nStripe-Context: acct_\u0000x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
        );
      });
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('latin1')));
      socket.on('end', () => resolve(text.split('\r\n')[0]));
      socket.on('error', reject);
    });
    expect(status).toMatch(/^HTTP\/1\.1 400/);
  });
});
