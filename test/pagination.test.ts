// Relay connections through the real server: order (newest first, id as the
// tie-breaker), walking forward and backward, page sizes, cursors, and nested
// connections whose parents each get a page of their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.ts';
import { startGateway, type GraphQLResponse, type TestGateway } from './support/gateway.ts';
import {
  createConnectedAccount,
  createFinancialAccount,
  createFlows,
  createPlatform,
  creditsEveryMinute,
  type FlowSpec,
} from './support/fixtures.ts';

// ---------------------------------------------------------------------------
// Operations

const PAGE_TRANSACTIONS = graphql(`
  query PageTransactions($id: ID!, $first: Int, $last: Int, $after: String, $before: String, $filter: TransactionFilter) {
    financialAccount(id: $id) {
      transactions(first: $first, last: $last, after: $after, before: $before, filter: $filter) {
        edges { cursor node { id created } }
        nodes { id created }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }
`);

const PAGE_ENTRIES = graphql(`
  query PageEntries($id: ID!, $first: Int, $last: Int, $after: String, $before: String, $filter: TransactionEntryFilter) {
    financialAccount(id: $id) {
      transactionEntries(first: $first, last: $last, after: $after, before: $before, filter: $filter) {
        edges { cursor node { id created } }
        nodes { id created }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }
`);

const PAGE_TRANSACTION_ENTRIES = graphql(`
  query PageTransactionEntries($id: ID!, $first: Int, $last: Int, $after: String, $before: String) {
    transaction(id: $id) {
      entries(first: $first, last: $last, after: $after, before: $before) {
        edges { cursor node { id created type transaction { id } } }
        nodes { id created type transaction { id } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }
`);

const PAGE_ACCOUNT_FINANCIAL_ACCOUNTS = graphql(`
  query PageAccountFinancialAccounts($id: ID!, $first: Int, $last: Int, $after: String, $before: String) {
    connectedAccount(id: $id) {
      financialAccounts(first: $first, last: $last, after: $after, before: $before) {
        edges { cursor node { id created } }
        nodes { id created }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }
`);

const PAGE_CONNECTED_ACCOUNTS = graphql(`
  query PageConnectedAccounts($first: Int, $last: Int, $after: String, $before: String) {
    connectedAccounts(first: $first, last: $last, after: $after, before: $before) {
      edges { cursor node { id created } }
      nodes { id created }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`);

const PAGE_NESTED = graphql(`
  query PageNested($id: ID!) {
    connectedAccount(id: $id) {
      financialAccounts(first: 10) {
        nodes {
          id
          transactions(first: 3) {
            edges { cursor node { id financialAccount { id } } }
            nodes { id financialAccount { id } }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
      }
    }
  }
`);

const PAGE_NESTED_ALIASES = graphql(`
  query PageNestedAliases($a: ID!, $b: ID!, $afterA: String, $afterB: String) {
    a: financialAccount(id: $a) {
      id
      transactions(first: 3, after: $afterA) {
        nodes { id financialAccount { id } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
    b: financialAccount(id: $b) {
      id
      transactions(first: 3, after: $afterB) {
        nodes { id financialAccount { id } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }
`);

const PAGE_NESTED_ENTRIES = graphql(`
  query PageNestedEntries($id: ID!) {
    financialAccount(id: $id) {
      transactions(first: 20) {
        nodes {
          id
          entries(first: 1) {
            edges { node { id transaction { id } } }
            nodes { id transaction { id } }
            pageInfo { hasNextPage hasPreviousPage }
          }
        }
      }
    }
  }
`);

// ---------------------------------------------------------------------------
// Helpers

interface Row {
  id: string;
  at: Date;
}

/** Newest first, the greater id first among rows of the same time: the gateway's list order. */
function newestFirst<T extends Row>(rows: T[]): T[] {
  return [...rows].sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

type FlowRows = Awaited<ReturnType<typeof createFlows>>;

function transactionRows(rows: FlowRows): Row[] {
  return rows.map((r) => ({ id: r.id!, at: new Date(r.createdAt as Date) }));
}

interface Connection {
  edges: Array<{ cursor: string; node: { id: string } }>;
  nodes: Array<{ id: string }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor?: string | null; endCursor?: string | null };
}

interface PageArgs {
  first?: number;
  last?: number;
  after?: string;
  before?: string;
}

type FetchPage = (args: PageArgs) => Promise<Connection>;

/** The shape every page has, whatever its content: nodes are the edges' nodes, cursors are the edges' ends. */
function expectConsistent(page: Connection) {
  expect(page.nodes.map((n) => n.id)).toEqual(page.edges.map((e) => e.node.id));
  expect(page.pageInfo.startCursor ?? null).toBe(page.edges[0]?.cursor ?? null);
  expect(page.pageInfo.endCursor ?? null).toBe(page.edges.at(-1)?.cursor ?? null);
  expect(new Set(page.edges.map((e) => e.cursor)).size).toBe(page.edges.length);
}

/** Pages through a list with first/after until hasNextPage is false, checking pageInfo on the way. */
async function walkForward(fetchPage: FetchPage, size: number, expectedIds: string[]): Promise<Connection[]> {
  const pages: Connection[] = [];
  let after: string | undefined;
  const maxPages = Math.ceil(expectedIds.length / size) + 2;
  for (let i = 0; i < maxPages; i++) {
    const page = await fetchPage({ first: size, after });
    pages.push(page);
    expectConsistent(page);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor!;
  }
  expect(pages.flatMap((p) => p.nodes.map((n) => n.id))).toEqual(expectedIds);
  const expectedPages = Math.max(1, Math.ceil(expectedIds.length / size));
  expect(pages).toHaveLength(expectedPages);
  pages.forEach((page, i) => {
    const last = i === pages.length - 1;
    expect(page.edges).toHaveLength(last ? expectedIds.length - size * i : size);
    expect(page.pageInfo.hasNextPage).toBe(!last);
    expect(page.pageInfo.hasPreviousPage).toBe(i > 0);
  });
  return pages;
}

/** Pages through a list from its end with last/before until hasPreviousPage is false. */
async function walkBackward(fetchPage: FetchPage, size: number, expectedIds: string[]): Promise<Connection[]> {
  const pages: Connection[] = [];
  let before: string | undefined;
  const maxPages = Math.ceil(expectedIds.length / size) + 2;
  for (let i = 0; i < maxPages; i++) {
    const page = await fetchPage({ last: size, before });
    pages.unshift(page);
    expectConsistent(page);
    if (!page.pageInfo.hasPreviousPage) break;
    before = page.pageInfo.startCursor!;
  }
  expect(pages.flatMap((p) => p.nodes.map((n) => n.id))).toEqual(expectedIds);
  const expectedPages = Math.max(1, Math.ceil(expectedIds.length / size));
  expect(pages).toHaveLength(expectedPages);
  pages.forEach((page, i) => {
    const first = i === 0;
    const remainder = expectedIds.length % size || size;
    expect(page.edges).toHaveLength(first ? Math.min(remainder, expectedIds.length) : size);
    expect(page.pageInfo.hasPreviousPage).toBe(!first);
    expect(page.pageInfo.hasNextPage).toBe(i < pages.length - 1);
  });
  return pages;
}

function ok<T>(res: GraphQLResponse<T>): T {
  expect(res.errors).toBeUndefined();
  expect(res.status).toBe(200);
  return res.data!;
}

function expectUserInputError(res: GraphQLResponse<unknown>, argument: string[] | string[][]) {
  expect(res.errors, 'expected a GraphQL error').toBeDefined();
  expect(res.errors).toHaveLength(1);
  const extensions = res.errors![0].extensions ?? {};
  expect(extensions.code).toBe('BAD_USER_INPUT');
  if (Array.isArray(argument[0])) expect(argument).toContainEqual(extensions.argument);
  else expect(extensions.argument).toEqual(argument);
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

// ---------------------------------------------------------------------------
// Fixtures

let gateway: TestGateway;
let key: string;
let platformId: string;

const T0 = new Date('2026-01-01T00:00:00Z');
const minutes = (n: number, from = T0) => new Date(from.getTime() + n * 60_000);

/** 25 transactions: 20 credits a minute apart, and 5 more at minute 10, six rows sharing one time. */
let big: { id: string; expected: Row[] };
/** 8 transactions at one time and 2 around it. */
let ties: { id: string; expected: Row[] };
let empty: { id: string };
/** Transactions with one entry and with two, for the entry lists. */
let withEntries: { id: string; transactions: FlowRows; entries: Array<Row & { transactionId: string }> };
/** One connected account with 9 financial accounts (3 created at the same time). */
let manyFas: { accountId: string; expected: Row[] };
/** Every connected account of the platform. */
const connectedAccounts: Row[] = [];
/** A connected account with financial accounts A (5 rows), B (4 rows, interleaved in time with A's) and C (none). */
let nest: { accountId: string; a: { id: string; expected: Row[] }; b: { id: string; expected: Row[] }; c: { id: string } };

beforeAll(async () => {
  gateway = await startGateway();
  const prisma = gateway.db.prisma;
  ({ platformId, secretKey: key } = await createPlatform(gateway));

  const account = async (createdAt: Date) => {
    const row = await createConnectedAccount(gateway, platformId, { createdAt });
    connectedAccounts.push({ id: row.id, at: row.createdAt });
    return row;
  };
  const owner = await account(minutes(0));

  const bigFa = await createFinancialAccount(gateway, { platformId, accountId: owner.id }, { createdAt: minutes(0) });
  const sameTime: FlowSpec[] = [1, 2, 3, 4, 5].map((i) => ({
    flowType: 'received_credit',
    outcome: 'succeeded',
    amount: BigInt(i * 7),
    at: minutes(10),
  }));
  big = {
    id: bigFa.id,
    expected: newestFirst(transactionRows(await createFlows(gateway, bigFa, [...creditsEveryMinute(20, T0), ...sameTime]))),
  };

  const tiesFa = await createFinancialAccount(gateway, { platformId, accountId: owner.id }, { createdAt: minutes(1) });
  const tieAt = minutes(5);
  const tieSpecs: FlowSpec[] = [
    { flowType: 'received_credit', outcome: 'succeeded', amount: 1n, at: minutes(4) },
    ...Array.from({ length: 8 }, (_, i): FlowSpec => ({
      flowType: i % 2 ? 'received_credit' : 'outbound_transfer',
      outcome: i % 2 ? 'succeeded' : 'posted',
      amount: BigInt(100 + i),
      at: tieAt,
    })),
    { flowType: 'received_credit', outcome: 'succeeded', amount: 2n, at: minutes(6) },
  ];
  ties = { id: tiesFa.id, expected: newestFirst(transactionRows(await createFlows(gateway, tiesFa, tieSpecs))) };

  empty = await createFinancialAccount(gateway, { platformId, accountId: owner.id }, { createdAt: minutes(2) });

  const entriesFa = await createFinancialAccount(gateway, { platformId, accountId: owner.id }, { createdAt: minutes(3) });
  const entryTransactions = await createFlows(gateway, entriesFa, [
    { flowType: 'outbound_transfer', outcome: 'posted', amount: 100n, at: minutes(0) },
    { flowType: 'received_credit', outcome: 'succeeded', amount: 500n, at: minutes(0) },
    { flowType: 'outbound_payment', outcome: 'canceled', amount: 30n, at: minutes(1) },
    { flowType: 'outbound_transfer', outcome: 'returned', amount: 40n, at: minutes(2) },
    { flowType: 'outbound_transfer', outcome: 'processing', amount: 20n, at: minutes(3) },
    { flowType: 'outbound_payment', outcome: 'failed', amount: 10n, at: minutes(3) },
    { flowType: 'received_debit', outcome: 'succeeded', amount: 5n, at: minutes(4) },
  ]);
  const entryRows = await prisma.transactionEntry.findMany({ where: { financialAccountId: entriesFa.id } });
  withEntries = {
    id: entriesFa.id,
    transactions: entryTransactions,
    entries: newestFirst(entryRows.map((e) => ({ id: e.id, at: e.createdAt, transactionId: e.transactionId }))),
  };

  const manyOwner = await account(minutes(1));
  const fas: Row[] = [];
  for (const m of [0, 1, 2, 2, 2, 3, 4, 5, 6]) {
    const fa = await createFinancialAccount(gateway, { platformId, accountId: manyOwner.id }, { createdAt: minutes(m) });
    fas.push({ id: fa.id, at: fa.createdAt });
  }
  manyFas = { accountId: manyOwner.id, expected: newestFirst(fas) };

  // More connected accounts, three of them created at the same time.
  for (const m of [2, 3, 3, 3, 4, 5]) await account(minutes(m));

  const nestOwner = await account(minutes(6));
  const faA = await createFinancialAccount(gateway, { platformId, accountId: nestOwner.id }, { createdAt: minutes(0) });
  const faB = await createFinancialAccount(gateway, { platformId, accountId: nestOwner.id }, { createdAt: minutes(1) });
  const faC = await createFinancialAccount(gateway, { platformId, accountId: nestOwner.id }, { createdAt: minutes(2) });
  const credit = (m: number): FlowSpec => ({ flowType: 'received_credit', outcome: 'succeeded', amount: BigInt(m + 1), at: minutes(m) });
  nest = {
    accountId: nestOwner.id,
    a: { id: faA.id, expected: newestFirst(transactionRows(await createFlows(gateway, faA, [0, 2, 4, 6, 8].map(credit)))) },
    b: { id: faB.id, expected: newestFirst(transactionRows(await createFlows(gateway, faB, [1, 3, 5, 7].map(credit)))) },
    c: { id: faC.id },
  };
}, 120_000);

afterAll(() => gateway?.stop());

const transactionsOf =
  (id: string, filter?: { orderBy?: 'CREATED' | 'POSTED_AT'; status?: 'POSTED' }): FetchPage =>
  async (args) =>
    ok(await gateway.graphql(PAGE_TRANSACTIONS, { token: key, variables: { id, ...args, filter } })).financialAccount!.transactions;

const ids = (rows: Row[]) => rows.map((r) => r.id);

// ---------------------------------------------------------------------------

describe('order', () => {
  it('lists transactions newest first, the greater id first among rows created at the same time', async () => {
    const res = await gateway.graphql(PAGE_TRANSACTIONS, { token: key, variables: { id: ties.id, first: 100 } });
    const page = ok(res).financialAccount!.transactions;
    expect(page.nodes.map((n) => n.id)).toEqual(ids(ties.expected));
    const times = page.nodes.map((n) => Date.parse(n.created));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    // The fixture really has a tie: 8 rows share one createdAt, listed by id, greatest first.
    const tied = page.nodes.filter((n) => n.created === minutes(5).toISOString()).map((n) => n.id);
    expect(tied).toHaveLength(8);
    expect(tied).toEqual([...tied].sort().reverse());
  });

  it('pages across rows of the same time without skipping or repeating, whatever the page size', async () => {
    for (const size of [1, 2, 3, 4]) {
      await walkForward(transactionsOf(ties.id), size, ids(ties.expected));
      await walkBackward(transactionsOf(ties.id), size, ids(ties.expected));
    }
  });
});

describe('walking FinancialAccount.transactions', () => {
  it('forward with first/after: 25 rows in pages of 7, each once and in order', async () => {
    expect(big.expected).toHaveLength(25);
    const pages = await walkForward(transactionsOf(big.id), 7, ids(big.expected));
    expect(pages.map((p) => p.edges.length)).toEqual([7, 7, 7, 4]);
  });

  it('backward with last/before from the end gives the same rows in the same order', async () => {
    const pages = await walkBackward(transactionsOf(big.id), 7, ids(big.expected));
    expect(pages.map((p) => p.edges.length)).toEqual([4, 7, 7, 7]);
    // The first backward page is the end of the list: nothing after it, rows before it.
    expect(pages.at(-1)!.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('a page with after and before both set holds exactly the rows between them', async () => {
    const all = await transactionsOf(big.id)({ first: 100 });
    const after = all.edges[3].cursor;
    const before = all.edges[12].cursor;
    const forward = await transactionsOf(big.id)({ first: 100, after, before });
    expect(forward.nodes.map((n) => n.id)).toEqual(ids(big.expected.slice(4, 12)));
    const backward = await transactionsOf(big.id)({ last: 100, after, before });
    expect(backward.nodes.map((n) => n.id)).toEqual(ids(big.expected.slice(4, 12)));
  });

  it('edges carry cursors that resume right after their own row', async () => {
    const all = await transactionsOf(big.id)({ first: 100 });
    for (const i of [0, 8, 9, 13, 14, 23]) {
      const next = await transactionsOf(big.id)({ first: 2, after: all.edges[i].cursor });
      expect(next.nodes.map((n) => n.id)).toEqual(ids(big.expected.slice(i + 1, i + 3)));
      const previous = await transactionsOf(big.id)({ last: 2, before: all.edges[i].cursor });
      expect(previous.nodes.map((n) => n.id)).toEqual(ids(big.expected.slice(Math.max(0, i - 2), i)));
    }
  });
});

describe('page sizes', () => {
  it('defaults to 10 rows', async () => {
    const page = await transactionsOf(big.id)({});
    expect(page.nodes.map((n) => n.id)).toEqual(ids(big.expected.slice(0, 10)));
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('first: 0 gives an empty page', async () => {
    const page = await transactionsOf(big.id)({ first: 0 });
    expect(page.edges).toEqual([]);
    expect(page.nodes).toEqual([]);
    expect(page.pageInfo).toMatchObject({ hasPreviousPage: false, startCursor: null, endCursor: null });
  });

  it('first: 100 and last: 100 are allowed', async () => {
    const first = await transactionsOf(big.id)({ first: 100 });
    expect(first.nodes.map((n) => n.id)).toEqual(ids(big.expected));
    expect(first.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    const last = await transactionsOf(big.id)({ last: 100 });
    expect(last.nodes.map((n) => n.id)).toEqual(ids(big.expected));
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it.each([
    [{ first: 101 }, ['first']],
    [{ last: 101 }, ['last']],
    [{ first: -1 }, ['first']],
    [{ last: -1 }, ['last']],
  ])('%j is a BAD_USER_INPUT error naming the argument', async (args, argument) => {
    const res = await gateway.graphql(PAGE_TRANSACTIONS, { token: key, variables: { id: big.id, ...args } });
    expectUserInputError(res, argument);
    expect(res.errors![0].message).toContain(`\`${argument[0]}\``);
    expect(res.errors![0].path).toEqual(['financialAccount', 'transactions']);
    expect(res.data?.financialAccount ?? null).toBeNull();
  });

  it('first together with last is an error', async () => {
    const res = await gateway.graphql(PAGE_TRANSACTIONS, { token: key, variables: { id: big.id, first: 2, last: 2 } });
    expectUserInputError(res, [['first'], ['last']]);
  });

  it('the limits hold on every connection', async () => {
    expectUserInputError(await gateway.graphql(PAGE_CONNECTED_ACCOUNTS, { token: key, variables: { first: 101 } }), ['first']);
    expectUserInputError(
      await gateway.graphql(PAGE_ACCOUNT_FINANCIAL_ACCOUNTS, { token: key, variables: { id: manyFas.accountId, last: 101 } }),
      ['last'],
    );
    expectUserInputError(await gateway.graphql(PAGE_ENTRIES, { token: key, variables: { id: withEntries.id, first: -1 } }), ['first']);
    const transactionId = withEntries.transactions[0].id!;
    expectUserInputError(
      await gateway.graphql(PAGE_TRANSACTION_ENTRIES, { token: key, variables: { id: transactionId, first: 101 } }),
      ['first'],
    );
  });
});

describe('an empty list', () => {
  it('has no edges, no nodes, no pages on either side and null cursors', async () => {
    for (const args of [{}, { first: 5 }, { last: 5 }]) {
      const page = await transactionsOf(empty.id)(args);
      expect(page).toEqual({
        edges: [],
        nodes: [],
        pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      });
    }
  });
});

describe('invalid cursors', () => {
  const forged = [
    ['garbage', 'garbage'],
    ['base64 of an object', base64url({ id: 'trxn_123', createdAt: 1 })],
    ['base64 of a list of other types', base64url(['createdAt', '2026-01-01T00:00:00Z', 'trxn_123'])],
    ['base64 of a longer list', base64url(['createdAt', 1767225600000, 'trxn_123', 'extra'])],
    ['base64 of a string', base64url('createdAt')],
    ['an empty string', ''],
    ['base64 of a time no date can hold', base64url(['createdAt', Number.MAX_SAFE_INTEGER, 'trxn_123'])],
    ['base64 of a time before any the database can hold', base64url(['createdAt', -8e15, 'trxn_123'])],
  ] as const;

  it.each(forged)('%s is a BAD_USER_INPUT error naming `after`', async (_name, cursor) => {
    const res = await gateway.graphql(PAGE_TRANSACTIONS, { token: key, variables: { id: big.id, first: 3, after: cursor } });
    expectUserInputError(res, ['after']);
  });

  it.each(forged)('%s is a BAD_USER_INPUT error naming `before`', async (_name, cursor) => {
    const res = await gateway.graphql(PAGE_TRANSACTIONS, { token: key, variables: { id: big.id, last: 3, before: cursor } });
    expectUserInputError(res, ['before']);
  });

  it('a cursor of the list in another orderBy is rejected, both ways', async () => {
    const created = await transactionsOf(big.id)({ first: 2 });
    // Stripe's posted_at order lists posted transactions only: it needs status POSTED.
    const posted = await transactionsOf(big.id, { orderBy: 'POSTED_AT', status: 'POSTED' })({ first: 2 });
    expect(posted.edges).toHaveLength(2);
    const withOrder = (orderBy: 'CREATED' | 'POSTED_AT', args: PageArgs) =>
      gateway.graphql(PAGE_TRANSACTIONS, { token: key, variables: { id: big.id, ...args, filter: { orderBy, ...(orderBy === 'POSTED_AT' ? { status: 'POSTED' as const } : {}) } } });
    expectUserInputError(await withOrder('POSTED_AT', { first: 2, after: created.pageInfo.endCursor! }), ['after']);
    expectUserInputError(await withOrder('POSTED_AT', { last: 2, before: created.pageInfo.startCursor! }), ['before']);
    expectUserInputError(await withOrder('CREATED', { first: 2, after: posted.pageInfo.endCursor! }), ['after']);
    // Without filter the order is CREATED too.
    const res = await gateway.graphql(PAGE_TRANSACTIONS, { token: key, variables: { id: big.id, before: posted.pageInfo.startCursor! } });
    expectUserInputError(res, ['before']);
    // ... and each cursor still works in its own order.
    const next = await transactionsOf(big.id, { orderBy: 'POSTED_AT', status: 'POSTED' })({ first: 2, after: posted.pageInfo.endCursor! });
    expect(next.edges).toHaveLength(2);
  });

  it('a cursor of the entries in EFFECTIVE_AT order is rejected in CREATED order', async () => {
    const res = await gateway.graphql(PAGE_ENTRIES, {
      token: key,
      variables: { id: withEntries.id, first: 1, filter: { orderBy: 'EFFECTIVE_AT' } },
    });
    const cursor = ok(res).financialAccount!.transactionEntries.pageInfo.endCursor!;
    expectUserInputError(await gateway.graphql(PAGE_ENTRIES, { token: key, variables: { id: withEntries.id, after: cursor } }), [
      'after',
    ]);
  });
});

describe('cursors are stable', () => {
  it('a cursor taken before newer rows were inserted continues exactly where it left off', async () => {
    const owner = connectedAccounts[0];
    const fa = await createFinancialAccount(gateway, { platformId, accountId: owner.id }, { createdAt: minutes(7) });
    const before = newestFirst(transactionRows(await createFlows(gateway, fa, creditsEveryMinute(10, T0))));
    const page1 = await transactionsOf(fa.id)({ first: 4 });
    expect(page1.nodes.map((n) => n.id)).toEqual(ids(before.slice(0, 4)));

    const newer = transactionRows(await createFlows(gateway, fa, creditsEveryMinute(3, minutes(60))));
    const now = newestFirst([...before, ...newer]);
    expect(ids(now.slice(0, 3)).sort()).toEqual(ids(newer).sort());

    const page2 = await transactionsOf(fa.id)({ first: 4, after: page1.pageInfo.endCursor! });
    expect(page2.nodes.map((n) => n.id)).toEqual(ids(before.slice(4, 8)));
    expect(page2.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const page3 = await transactionsOf(fa.id)({ first: 4, after: page2.pageInfo.endCursor! });
    expect(page3.nodes.map((n) => n.id)).toEqual(ids(before.slice(8)));
    expect(page3.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    // Back from page 2: the old page 1, now with the newer rows before it.
    const back = await transactionsOf(fa.id)({ last: 4, before: page2.pageInfo.startCursor! });
    expect(back.nodes.map((n) => n.id)).toEqual(ids(before.slice(0, 4)));
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    // And the newer rows are where a fresh walk starts.
    await walkForward(transactionsOf(fa.id), 4, ids(now));
  });
});

describe('other connections', () => {
  it('ConnectedAccount.financialAccounts walks forward and backward', async () => {
    const fetchPage: FetchPage = async (args) =>
      ok(await gateway.graphql(PAGE_ACCOUNT_FINANCIAL_ACCOUNTS, { token: key, variables: { id: manyFas.accountId, ...args } }))
        .connectedAccount!.financialAccounts;
    await walkForward(fetchPage, 2, ids(manyFas.expected));
    await walkBackward(fetchPage, 2, ids(manyFas.expected));
    await walkForward(fetchPage, 4, ids(manyFas.expected));
  });

  it('Query.connectedAccounts walks forward and backward', async () => {
    const expected = ids(newestFirst(connectedAccounts));
    expect(expected).toHaveLength(9);
    const fetchPage: FetchPage = async (args) =>
      ok(await gateway.graphql(PAGE_CONNECTED_ACCOUNTS, { token: key, variables: args })).connectedAccounts;
    await walkForward(fetchPage, 2, expected);
    await walkBackward(fetchPage, 2, expected);
    const page = await fetchPage({});
    expect(page.nodes.map((n) => n.id)).toEqual(expected);
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it('FinancialAccount.transactionEntries walks forward and backward', async () => {
    const fetchPage: FetchPage = async (args) =>
      ok(await gateway.graphql(PAGE_ENTRIES, { token: key, variables: { id: withEntries.id, ...args } })).financialAccount!
        .transactionEntries;
    const expected = ids(withEntries.entries);
    // 2 + 1 + 2 + (2 + 1) + 1 + 2 + 1 entries
    expect(expected).toHaveLength(12);
    await walkForward(fetchPage, 5, expected);
    await walkBackward(fetchPage, 5, expected);
    const page = await fetchPage({});
    expect(page.nodes.map((n) => n.id)).toEqual(expected.slice(0, 10));
  });

  it('Transaction.entries pages through one transaction\'s entries', async () => {
    const posted = withEntries.transactions[0]; // outbound transfer, posted: hold at t, posting at t+1min
    const fetchPage: FetchPage = async (args) =>
      ok(await gateway.graphql(PAGE_TRANSACTION_ENTRIES, { token: key, variables: { id: posted.id!, ...args } })).transaction!.entries;
    const all = ok(await gateway.graphql(PAGE_TRANSACTION_ENTRIES, { token: key, variables: { id: posted.id! } })).transaction!.entries;
    expect(all.nodes.map((n) => n.type)).toEqual(['OUTBOUND_TRANSFER_POSTING', 'OUTBOUND_TRANSFER']);
    const expected = all.nodes.map((n) => n.id);
    const forward = await walkForward(fetchPage, 1, expected);
    for (const page of forward) {
      for (const node of page.nodes) expect((node as unknown as { transaction: { id: string } }).transaction.id).toBe(posted.id);
    }
    await walkBackward(fetchPage, 1, expected);
  });
});

describe('nested connections', () => {
  it('give each parent its own page in one request', async () => {
    const res = ok(await gateway.graphql(PAGE_NESTED, { token: key, variables: { id: nest.accountId } }));
    const byId = new Map(res.connectedAccount!.financialAccounts.nodes.map((fa) => [fa.id, fa.transactions]));
    expect([...byId.keys()]).toEqual([nest.c.id, nest.b.id, nest.a.id]);

    const a = byId.get(nest.a.id)!;
    expect(a.nodes.map((n) => n.id)).toEqual(ids(nest.a.expected.slice(0, 3)));
    expect(a.edges.map((e) => e.node)).toEqual(a.nodes);
    expect(a.nodes.every((n) => n.financialAccount.id === nest.a.id)).toBe(true);
    expect(a.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const b = byId.get(nest.b.id)!;
    expect(b.nodes.map((n) => n.id)).toEqual(ids(nest.b.expected.slice(0, 3)));
    expect(b.edges.map((e) => e.node)).toEqual(b.nodes);
    expect(b.nodes.every((n) => n.financialAccount.id === nest.b.id)).toBe(true);
    expect(b.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    expect(byId.get(nest.c.id)).toEqual({
      edges: [],
      nodes: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
  });

  it('pages each parent from its own cursor in one request', async () => {
    const first = ok(await gateway.graphql(PAGE_NESTED_ALIASES, { token: key, variables: { a: nest.a.id, b: nest.b.id } }));
    expect(first.a!.transactions.nodes.map((n) => n.id)).toEqual(ids(nest.a.expected.slice(0, 3)));
    expect(first.b!.transactions.nodes.map((n) => n.id)).toEqual(ids(nest.b.expected.slice(0, 3)));
    const second = ok(
      await gateway.graphql(PAGE_NESTED_ALIASES, {
        token: key,
        variables: {
          a: nest.a.id,
          b: nest.b.id,
          afterA: first.a!.transactions.pageInfo.endCursor!,
          afterB: first.b!.transactions.pageInfo.endCursor!,
        },
      }),
    );
    expect(second.a!.transactions.nodes.map((n) => n.id)).toEqual(ids(nest.a.expected.slice(3)));
    expect(second.a!.transactions.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(second.b!.transactions.nodes.map((n) => n.id)).toEqual(ids(nest.b.expected.slice(3)));
    expect(second.b!.transactions.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    for (const fa of [second.a!, second.b!]) {
      expect(fa.transactions.nodes.every((n) => n.financialAccount.id === fa.id)).toBe(true);
    }
  });

  it('give each transaction its own page of entries', async () => {
    const res = ok(await gateway.graphql(PAGE_NESTED_ENTRIES, { token: key, variables: { id: withEntries.id } }));
    const transactions = res.financialAccount!.transactions.nodes;
    expect(transactions).toHaveLength(withEntries.transactions.length);
    for (const transaction of transactions) {
      const own = withEntries.entries.filter((e) => e.transactionId === transaction.id);
      expect(transaction.entries.nodes[0]?.id).toBe(own[0].id);
      const entryCount = own.length;
      expect(transaction.entries.nodes).toHaveLength(1);
      expect(transaction.entries.edges.map((e) => e.node)).toEqual(transaction.entries.nodes);
      expect(transaction.entries.nodes[0].transaction.id).toBe(transaction.id);
      expect(transaction.entries.pageInfo).toEqual({ hasNextPage: entryCount > 1, hasPreviousPage: false });
    }
  });
});
