// Every filter of every list through the real server, with the expected rows
// computed from the fixture data: transactions, transaction entries and
// financial accounts, Stripe's rules for combining filters, and filtered lists
// paged with their own cursors.
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

const FILTER_TRANSACTIONS = graphql(`
  query FilterTransactions($id: ID!, $filter: TransactionFilter, $first: Int, $last: Int, $after: String, $before: String) {
    financialAccount(id: $id) {
      transactions(filter: $filter, first: $first, last: $last, after: $after, before: $before) {
        edges { cursor node { id } }
        nodes { id created status flow flowType statusTransitions { postedAt voidAt } financialAccount { id } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }
`);

const FILTER_ENTRIES = graphql(`
  query FilterEntries($id: ID!, $filter: TransactionEntryFilter, $first: Int, $last: Int, $after: String, $before: String) {
    financialAccount(id: $id) {
      transactionEntries(filter: $filter, first: $first, last: $last, after: $after, before: $before) {
        edges { cursor node { id } }
        nodes { id created effectiveAt transaction { id } financialAccount { id } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }
`);

const FILTER_TRANSACTION_ENTRIES = graphql(`
  query FilterTransactionEntries($id: ID!, $filter: TransactionEntryFilter) {
    transaction(id: $id) {
      entries(filter: $filter, first: 100) {
        nodes { id created effectiveAt transaction { id } }
      }
    }
  }
`);

const FILTER_FINANCIAL_ACCOUNTS = graphql(`
  query FilterFinancialAccounts($filter: FinancialAccountFilter, $first: Int, $last: Int, $after: String, $before: String) {
    financialAccounts(filter: $filter, first: $first, last: $last, after: $after, before: $before) {
      edges { cursor node { id } }
      nodes { id created status }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`);

const FILTER_ACCOUNT_FINANCIAL_ACCOUNTS = graphql(`
  query FilterAccountFinancialAccounts($id: ID!, $filter: FinancialAccountFilter, $first: Int, $after: String) {
    connectedAccount(id: $id) {
      financialAccounts(filter: $filter, first: $first, after: $after) {
        edges { cursor node { id } }
        nodes { id created status connectedAccount { id } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }
`);

const FILTER_PLATFORM_FINANCIAL_ACCOUNTS = graphql(`
  query FilterPlatformFinancialAccounts($filter: FinancialAccountFilter) {
    platform {
      financialAccounts(filter: $filter, first: 100) {
        nodes { id created status }
      }
    }
  }
`);

// ---------------------------------------------------------------------------
// Helpers

const T0 = new Date('2026-03-01T00:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const iso = (n: number) => minutes(n).toISOString();

/** The gateway's order: newest first by one time, the greater id first among equal times. */
function newestFirst<T extends { id: string }>(rows: T[], at: (row: T) => Date | null): T[] {
  return [...rows].sort((a, b) => at(b)!.getTime() - at(a)!.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

interface TransactionRow {
  id: string;
  createdAt: Date;
  postedAt: Date | null;
  status: 'open' | 'posted' | 'void';
  flow: string;
  flowType: string;
}

type FlowRows = Awaited<ReturnType<typeof createFlows>>;

function transactionRows(rows: FlowRows): TransactionRow[] {
  return rows.map((r) => ({
    id: r.id!,
    createdAt: new Date(r.createdAt as Date),
    postedAt: r.postedAt ? new Date(r.postedAt as Date) : null,
    status: r.status as TransactionRow['status'],
    flow: r.flow,
    flowType: r.flowType,
  }));
}

interface Range {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

/** A range in minutes after T0, as the GraphQL input. */
const rangeInput = (range: Range) =>
  Object.fromEntries(Object.entries(range).map(([bound, m]) => [bound, iso(m as number)]));

/** Whether a time lies in a range in minutes after T0, by Stripe's bounds. */
function inRange(at: Date | null, range: Range): boolean {
  if (!at) return false;
  const t = at.getTime();
  return (
    (range.gt === undefined || t > minutes(range.gt).getTime()) &&
    (range.gte === undefined || t >= minutes(range.gte).getTime()) &&
    (range.lt === undefined || t < minutes(range.lt).getTime()) &&
    (range.lte === undefined || t <= minutes(range.lte).getTime())
  );
}

const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);

function ok<T>(res: GraphQLResponse<T>): T {
  expect(res.errors).toBeUndefined();
  expect(res.status).toBe(200);
  return res.data!;
}

/** A BAD_USER_INPUT error whose extensions.argument is one of `paths`. */
function expectUserInputError(res: GraphQLResponse<unknown>, paths: string[][]) {
  expect(res.errors, 'expected a GraphQL error').toBeDefined();
  expect(res.errors).toHaveLength(1);
  const error = res.errors![0];
  expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  expect(paths).toContainEqual(error.extensions?.argument);
  return error;
}

interface Connection {
  edges: Array<{ cursor: string; node: { id: string } }>;
  nodes: Array<{ id: string }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor?: string | null; endCursor?: string | null };
}

type FetchPage = (args: { first?: number; last?: number; after?: string; before?: string }) => Promise<Connection>;

/** Walks a list forward with first/after, then backward with last/before; both must give `expected`. */
async function expectPagesOf(fetchPage: FetchPage, size: number, expected: string[]) {
  const forward: Connection[] = [];
  for (let after: string | undefined, i = 0; i <= expected.length / size + 1; i++) {
    const page = await fetchPage({ first: size, after });
    forward.push(page);
    expect(page.nodes.map((n) => n.id)).toEqual(page.edges.map((e) => e.node.id));
    expect(page.edges.length).toBeLessThanOrEqual(size);
    expect(page.pageInfo.hasPreviousPage).toBe(i > 0);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor!;
  }
  expect(forward.flatMap((p) => p.nodes.map((n) => n.id))).toEqual(expected);
  expect(forward).toHaveLength(Math.max(1, Math.ceil(expected.length / size)));

  const backward: Connection[] = [];
  for (let before: string | undefined, i = 0; i <= expected.length / size + 1; i++) {
    const page = await fetchPage({ last: size, before });
    backward.unshift(page);
    expect(page.pageInfo.hasNextPage).toBe(i > 0);
    if (!page.pageInfo.hasPreviousPage) break;
    before = page.pageInfo.startCursor!;
  }
  expect(backward.flatMap((p) => p.nodes.map((n) => n.id))).toEqual(expected);
}

// ---------------------------------------------------------------------------
// Fixtures

let gateway: TestGateway;

/** The platform and financial account whose transactions and entries are filtered. */
let ledger: {
  key: string;
  faId: string;
  otherFaId: string;
  otherTransactionId: string;
  otherFlow: string;
  transactions: TransactionRow[];
  /** Flows by name, with their transactions in the order written. */
  flows: Record<string, TransactionRow[]>;
  entries: Array<{ id: string; createdAt: Date; effectiveAt: Date; transactionId: string }>;
};

/** A second platform whose financial accounts are filtered. */
let accounts: {
  key: string;
  ca1: string;
  ca2: string;
  all: Array<{ id: string; createdAt: Date; status: 'open' | 'closed'; accountId: string }>;
  platformOwn: string[];
};

const FLOWS: Array<[string, Omit<FlowSpec, 'at'>, number]> = [
  ['credit', { flowType: 'received_credit', outcome: 'succeeded', amount: 1000n }, 0],
  ['transferPosted', { flowType: 'outbound_transfer', outcome: 'posted', amount: 200n }, 1],
  ['transferProcessing', { flowType: 'outbound_transfer', outcome: 'processing', amount: 300n }, 2],
  ['paymentCanceled', { flowType: 'outbound_payment', outcome: 'canceled', amount: 400n }, 3],
  ['paymentFailed', { flowType: 'outbound_payment', outcome: 'failed', amount: 500n }, 4],
  ['transferReturned', { flowType: 'outbound_transfer', outcome: 'returned', amount: 600n }, 5],
  ['debit', { flowType: 'received_debit', outcome: 'succeeded', amount: 50n }, 6],
  ['transferAtSix', { flowType: 'outbound_transfer', outcome: 'posted', amount: 60n }, 6],
  ['inbound', { flowType: 'inbound_transfer', outcome: 'succeeded', amount: 700n }, 7],
  ['creditAtSeven', { flowType: 'received_credit', outcome: 'succeeded', amount: 800n }, 7],
  ['paymentPosted', { flowType: 'outbound_payment', outcome: 'posted', amount: 900n }, 8],
  ['paymentProcessing', { flowType: 'outbound_payment', outcome: 'processing', amount: 100n }, 9],
  ['paymentReturned', { flowType: 'outbound_payment', outcome: 'returned', amount: 120n }, 10],
];

beforeAll(async () => {
  gateway = await startGateway();
  const prisma = gateway.db.prisma;

  // Transactions and entries.
  {
    const { platformId, secretKey } = await createPlatform(gateway);
    const owner = await createConnectedAccount(gateway, platformId, { createdAt: T0 });
    const fa = await createFinancialAccount(gateway, { platformId, accountId: owner.id }, { createdAt: T0 });
    const other = await createFinancialAccount(gateway, { platformId, accountId: owner.id }, { createdAt: T0 });
    const flows: Record<string, TransactionRow[]> = {};
    for (const [name, spec, at] of FLOWS) flows[name] = transactionRows(await createFlows(gateway, fa, [{ ...spec, at: minutes(at) }]));
    const credits = transactionRows(await createFlows(gateway, fa, creditsEveryMinute(6, minutes(20))));
    // The other financial account has transactions of the same kinds at the same times.
    const otherRows = transactionRows(
      await createFlows(gateway, other, FLOWS.map(([, spec, at]) => ({ ...spec, at: minutes(at) }))),
    );

    // Stripe's effective_at can differ from created: move a few entries' effective time so the orders differ.
    const entryOf = async (transactionId: string, index = 0) =>
      (await prisma.transactionEntry.findMany({ where: { transactionId }, orderBy: { createdAt: 'asc' } }))[index];
    const moves: Array<[string, Date]> = [
      [(await entryOf(flows.credit[0].id)).id, minutes(30)],
      [(await entryOf(flows.paymentPosted[0].id)).id, minutes(-10)],
      [(await entryOf(flows.transferReturned[0].id, 1)).id, minutes(6.5)],
      [(await entryOf(credits[5].id)).id, minutes(7)],
    ];
    for (const [id, effectiveAt] of moves) await prisma.transactionEntry.update({ where: { id }, data: { effectiveAt } });
    const entries = await prisma.transactionEntry.findMany({ where: { financialAccountId: fa.id } });

    ledger = {
      key: secretKey,
      faId: fa.id,
      otherFaId: other.id,
      otherTransactionId: otherRows[0].id,
      otherFlow: otherRows[1].flow,
      transactions: [...Object.values(flows).flat(), ...credits],
      flows,
      entries: entries.map((e) => ({ id: e.id, createdAt: e.createdAt, effectiveAt: e.effectiveAt, transactionId: e.transactionId })),
    };
  }

  // Financial accounts.
  {
    const { platformId, secretKey } = await createPlatform(gateway);
    const ca1 = await createConnectedAccount(gateway, platformId, { createdAt: T0 });
    const ca2 = await createConnectedAccount(gateway, platformId, { createdAt: T0 });
    const all: typeof accounts.all = [];
    const add = async (accountId: string, at: number, status: 'open' | 'closed') => {
      const fa = await createFinancialAccount(gateway, { platformId, accountId }, { createdAt: minutes(at), status });
      all.push({ id: fa.id, createdAt: fa.createdAt, status, accountId });
      return fa.id;
    };
    for (const [at, status] of [
      [0, 'open'],
      [1, 'closed'],
      [2, 'open'],
      [2, 'open'],
      [2, 'closed'],
      [3, 'closed'],
      [4, 'open'],
      [5, 'open'],
    ] as const) {
      await add(ca1.id, at, status);
    }
    await add(ca2.id, 1, 'open');
    await add(ca2.id, 3, 'closed');
    const platformOwn = [await add(platformId, 2, 'open'), await add(platformId, 6, 'closed')];
    accounts = { key: secretKey, ca1: ca1.id, ca2: ca2.id, all, platformOwn };
  }
}, 120_000);

afterAll(() => gateway?.stop());

// ---------------------------------------------------------------------------

async function transactionsWith(filter?: Record<string, unknown>) {
  const res = await gateway.graphql(FILTER_TRANSACTIONS, {
    token: ledger.key,
    variables: { id: ledger.faId, filter: filter as never, first: 100 },
  });
  return ok(res).financialAccount!.transactions;
}

const byCreated = (rows: TransactionRow[]) => newestFirst(rows, (r) => r.createdAt);
const byPosted = (rows: TransactionRow[]) => newestFirst(rows, (r) => r.postedAt);

describe('transactions', () => {
  it('without a filter: every transaction of the account, newest first', async () => {
    const page = await transactionsWith();
    expect(ids(page.nodes)).toEqual(ids(byCreated(ledger.transactions)));
    expect(page.nodes.every((n) => n.financialAccount.id === ledger.faId)).toBe(true);
  });

  it.each([
    ['OPEN', 'open'],
    ['POSTED', 'posted'],
    ['VOID', 'void'],
  ] as const)('status %s', async (status, value) => {
    const expected = byCreated(ledger.transactions.filter((t) => t.status === value));
    expect(expected.length).toBeGreaterThan(1);
    const page = await transactionsWith({ status });
    expect(ids(page.nodes)).toEqual(ids(expected));
    expect(page.nodes.every((n) => n.status === status)).toBe(true);
  });

  it('flow: the transactions of one flow, a returned flow having two', async () => {
    const returned = ledger.flows.transferReturned;
    expect(returned).toHaveLength(2);
    const page = await transactionsWith({ flow: returned[0].flow });
    expect(ids(page.nodes)).toEqual(ids(byCreated(returned)));
    expect(page.nodes.every((n) => n.flow === returned[0].flow)).toBe(true);

    const debit = ledger.flows.debit;
    expect(ids((await transactionsWith({ flow: debit[0].flow })).nodes)).toEqual(ids(debit));
    // A flow of another financial account, or none at all, has no transactions here.
    expect((await transactionsWith({ flow: ledger.otherFlow })).nodes).toEqual([]);
    expect((await transactionsWith({ flow: 'obt_doesnotexist' })).nodes).toEqual([]);
  });

  it.each([
    ['RECEIVED_CREDIT', 'received_credit'],
    ['RECEIVED_DEBIT', 'received_debit'],
    ['INBOUND_TRANSFER', 'inbound_transfer'],
    ['OUTBOUND_TRANSFER', 'outbound_transfer'],
    ['OUTBOUND_PAYMENT', 'outbound_payment'],
    ['CREDIT_REVERSAL', 'credit_reversal'],
  ] as const)('flowType %s', async (flowType, value) => {
    const expected = byCreated(ledger.transactions.filter((t) => t.flowType === value));
    const page = await transactionsWith({ flowType });
    expect(ids(page.nodes)).toEqual(ids(expected));
    expect(page.nodes.every((n) => n.flowType === flowType)).toBe(true);
  });

  describe('created', () => {
    // Three transactions were created exactly at minute 6 and two at minute 7, so the bounds meet rows on them.
    const ranges: Range[] = [
      { gt: 6 },
      { gte: 6 },
      { lt: 6 },
      { lte: 6 },
      { gte: 2, lt: 6 },
      { gt: 2, lte: 6 },
      { gt: 2, lt: 7 },
      { gte: 2, lte: 7 },
      { gte: 6, lte: 6 },
      { gte: 6.5, lte: 6.9 },
      { gt: 100 },
    ];
    it.each(ranges)('%j', async (range) => {
      const expected = byCreated(ledger.transactions.filter((t) => inRange(t.createdAt, range)));
      const page = await transactionsWith({ created: rangeInput(range) });
      expect(ids(page.nodes)).toEqual(ids(expected));
    });

    it('distinguishes inclusive from exclusive bounds', async () => {
      const onSix = ledger.transactions.filter((t) => t.createdAt.getTime() === minutes(6).getTime());
      expect(onSix).toHaveLength(3);
      const gt = await transactionsWith({ created: { gt: iso(6) } });
      const gte = await transactionsWith({ created: { gte: iso(6) } });
      expect(ids(gte.nodes).filter((id) => !ids(gt.nodes).includes(id)).sort()).toEqual(ids(onSix).sort());
      const lt = await transactionsWith({ created: { lt: iso(6) } });
      const lte = await transactionsWith({ created: { lte: iso(6) } });
      expect(ids(lte.nodes).filter((id) => !ids(lt.nodes).includes(id)).sort()).toEqual(ids(onSix).sort());
      // One millisecond either side.
      const justAfter = new Date(minutes(6).getTime() + 1).toISOString();
      expect((await transactionsWith({ created: { gte: justAfter, lt: iso(7) } })).nodes).toEqual([]);
      const justBefore = new Date(minutes(6).getTime() - 1).toISOString();
      expect(ids((await transactionsWith({ created: { gt: justBefore, lte: iso(6) } })).nodes).sort()).toEqual(ids(onSix).sort());
    });
  });

  describe('orderBy POSTED_AT and postedAt', () => {
    it('orderBy POSTED_AT with status POSTED lists the posted transactions by postedAt, newest first', async () => {
      const posted = ledger.transactions.filter((t) => t.status === 'posted');
      // The documented behaviour: only posted transactions have a place in that order.
      expect(posted.length).toBeLessThan(ledger.transactions.length);
      const expected = byPosted(posted);
      // The fixture's postedAt order is not its created order.
      expect(ids(expected)).not.toEqual(ids(byCreated(posted)));
      const page = await transactionsWith({ orderBy: 'POSTED_AT', status: 'POSTED' });
      expect(ids(page.nodes)).toEqual(ids(expected));
      const times = page.nodes.map((n) => Date.parse(n.statusTransitions.postedAt!));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    });

    // Stripe: order_by=posted_at lists posted transactions only, so it needs status=posted.
    it.each([
      ['without status', {}],
      ['with status OPEN', { status: 'OPEN' }],
      ['with status VOID', { status: 'VOID' }],
    ] as const)('orderBy POSTED_AT %s is a BAD_USER_INPUT error naming filter.status', async (_name, rest) => {
      const res = await gateway.graphql(FILTER_TRANSACTIONS, { token: ledger.key, variables: { id: ledger.faId, filter: { ...rest, orderBy: 'POSTED_AT' } as never } });
      const error = expectUserInputError(res, [['filter', 'status']]);
      expect(error.message).toContain('POSTED_AT');
    });

    it('orderBy CREATED is the default', async () => {
      const expected = ids(byCreated(ledger.transactions));
      expect(ids((await transactionsWith({ orderBy: 'CREATED' })).nodes)).toEqual(expected);
    });

    it('orderBy POSTED_AT combines with flowType and postedAt', async () => {
      const expected = byPosted(
        ledger.transactions.filter((t) => t.status === 'posted' && t.flowType === 'outbound_transfer' && inRange(t.postedAt, { gte: 1, lte: 8 })),
      );
      expect(expected.length).toBeGreaterThan(1);
      const page = await transactionsWith({ orderBy: 'POSTED_AT', status: 'POSTED', flowType: 'OUTBOUND_TRANSFER', postedAt: rangeInput({ gte: 1, lte: 8 }) });
      expect(ids(page.nodes)).toEqual(ids(expected));
    });

    // Stripe: a created range goes with the created order only, and never with a posted_at range.
    it.each([
      ['with orderBy POSTED_AT', { status: 'POSTED', orderBy: 'POSTED_AT' }],
      ['with a postedAt range', { status: 'POSTED', orderBy: 'POSTED_AT', postedAt: { gte: iso(0) } }],
    ] as const)('created %s is a BAD_USER_INPUT error naming filter.created', async (_name, rest) => {
      const res = await gateway.graphql(FILTER_TRANSACTIONS, {
        token: ledger.key,
        variables: { id: ledger.faId, filter: { ...rest, created: { gte: iso(1) } } as never },
      });
      const error = expectUserInputError(res, [['filter', 'created']]);
      expect(error.message).toContain('filter.created');
    });

    it('created with orderBy CREATED, given or by default, is accepted', async () => {
      const expected = ids(byCreated(ledger.transactions.filter((t) => inRange(t.createdAt, { gte: 1 }))));
      expect(ids((await transactionsWith({ created: rangeInput({ gte: 1 }), orderBy: 'CREATED' })).nodes)).toEqual(expected);
      expect(ids((await transactionsWith({ created: rangeInput({ gte: 1 }) })).nodes)).toEqual(expected);
    });

    const postedRanges: Range[] = [
      { gt: 7 },
      { gte: 7 },
      { lt: 7 },
      { lte: 7 },
      { gte: 2, lt: 7 },
      { gt: 2, lte: 7 },
      { gte: 6, lte: 6 },
    ];
    it.each(postedRanges)('postedAt %j with status POSTED and orderBy POSTED_AT', async (range) => {
      const expected = byPosted(ledger.transactions.filter((t) => t.status === 'posted' && inRange(t.postedAt, range)));
      const page = await transactionsWith({ status: 'POSTED', orderBy: 'POSTED_AT', postedAt: rangeInput(range) });
      expect(ids(page.nodes)).toEqual(ids(expected));
    });

    it('postedAt bounds are inclusive and exclusive exactly', async () => {
      const onSeven = ledger.transactions.filter((t) => t.postedAt?.getTime() === minutes(7).getTime());
      expect(onSeven).toHaveLength(3);
      const query = (range: Range) => transactionsWith({ status: 'POSTED', orderBy: 'POSTED_AT', postedAt: rangeInput(range) });
      const gt = ids((await query({ gt: 7 })).nodes);
      const gte = ids((await query({ gte: 7 })).nodes);
      expect(gte.filter((id) => !gt.includes(id)).sort()).toEqual(ids(onSeven).sort());
      const lt = ids((await query({ lt: 7 })).nodes);
      const lte = ids((await query({ lte: 7 })).nodes);
      expect(lte.filter((id) => !lt.includes(id)).sort()).toEqual(ids(onSeven).sort());
    });

    // Stripe: a posted_at range needs status=posted and order_by=posted_at.
    it.each([
      ['alone', {}, [['filter', 'postedAt']]],
      ['without status', { orderBy: 'POSTED_AT' }, [['filter', 'postedAt'], ['filter', 'status']]],
      ['with status OPEN', { orderBy: 'POSTED_AT', status: 'OPEN' }, [['filter', 'postedAt'], ['filter', 'status']]],
      ['with status VOID', { orderBy: 'POSTED_AT', status: 'VOID' }, [['filter', 'postedAt'], ['filter', 'status']]],
      ['without orderBy', { status: 'POSTED' }, [['filter', 'postedAt'], ['filter', 'orderBy']]],
      ['with orderBy CREATED', { status: 'POSTED', orderBy: 'CREATED' }, [['filter', 'postedAt'], ['filter', 'orderBy']]],
    ] as const)('postedAt %s is a BAD_USER_INPUT error naming filter.postedAt', async (_name, rest, paths) => {
      const res = await gateway.graphql(FILTER_TRANSACTIONS, {
        token: ledger.key,
        variables: { id: ledger.faId, filter: { ...rest, postedAt: { gte: iso(0) } } as never },
      });
      const error = expectUserInputError(res, paths.map((p) => [...p]));
      expect(error.message).toContain('filter.postedAt');
      expect(error.path).toEqual(['financialAccount', 'transactions']);
    });
  });

  it('status, flowType and created combine', async () => {
    const expected = byCreated(
      ledger.transactions.filter((t) => t.status === 'posted' && t.flowType === 'outbound_payment' && inRange(t.createdAt, { gte: 8 })),
    );
    expect(expected.length).toBe(3);
    const page = await transactionsWith({ status: 'POSTED', flowType: 'OUTBOUND_PAYMENT', created: rangeInput({ gte: 8 }) });
    expect(ids(page.nodes)).toEqual(ids(expected));
  });
});

async function entriesWith(filter?: Record<string, unknown>) {
  const res = await gateway.graphql(FILTER_ENTRIES, {
    token: ledger.key,
    variables: { id: ledger.faId, filter: filter as never, first: 100 },
  });
  return ok(res).financialAccount!.transactionEntries;
}

describe('transaction entries', () => {
  const byCreatedAt = () => newestFirst(ledger.entries, (e) => e.createdAt);
  const byEffectiveAt = (rows = ledger.entries) => newestFirst(rows, (e) => e.effectiveAt);

  it('without a filter: every entry of the account by created, newest first', async () => {
    const page = await entriesWith();
    expect(ids(page.nodes)).toEqual(ids(byCreatedAt()));
    expect(page.nodes.every((n) => n.financialAccount.id === ledger.faId)).toBe(true);
  });

  it('orderBy EFFECTIVE_AT lists them by effectiveAt, newest first', async () => {
    expect(ids(byEffectiveAt())).not.toEqual(ids(byCreatedAt()));
    const page = await entriesWith({ orderBy: 'EFFECTIVE_AT' });
    expect(ids(page.nodes)).toEqual(ids(byEffectiveAt()));
    const times = page.nodes.map((n) => Date.parse(n.effectiveAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(ids((await entriesWith({ orderBy: 'CREATED' })).nodes)).toEqual(ids(byCreatedAt()));
  });

  it('transaction: the entries of one transaction', async () => {
    const [original, returned] = ledger.flows.transferReturned;
    for (const transaction of [original, returned, ledger.flows.transferProcessing[0], ledger.flows.paymentCanceled[0]]) {
      const expected = newestFirst(
        ledger.entries.filter((e) => e.transactionId === transaction.id),
        (e) => e.createdAt,
      );
      expect(expected.length).toBeGreaterThan(0);
      const page = await entriesWith({ transaction: transaction.id });
      expect(ids(page.nodes)).toEqual(ids(expected));
      expect(page.nodes.every((n) => n.transaction.id === transaction.id)).toBe(true);
    }
    expect(ledger.entries.filter((e) => e.transactionId === original.id)).toHaveLength(2);
    // A transaction of another financial account, or none at all, has no entries here.
    expect((await entriesWith({ transaction: ledger.otherTransactionId })).nodes).toEqual([]);
    expect((await entriesWith({ transaction: 'trxn_doesnotexist' })).nodes).toEqual([]);
  });

  it('transaction with orderBy EFFECTIVE_AT', async () => {
    const [original] = ledger.flows.transferReturned;
    const expected = byEffectiveAt(ledger.entries.filter((e) => e.transactionId === original.id));
    const page = await entriesWith({ transaction: original.id, orderBy: 'EFFECTIVE_AT' });
    expect(ids(page.nodes)).toEqual(ids(expected));
  });

  const ranges: Range[] = [{ gt: 6 }, { gte: 6 }, { lt: 6 }, { lte: 6 }, { gte: 2, lt: 7 }, { gt: 2, lte: 7 }, { gte: 6, lte: 6 }];

  it.each(ranges)('created %j', async (range) => {
    const expected = newestFirst(
      ledger.entries.filter((e) => inRange(e.createdAt, range)),
      (e) => e.createdAt,
    );
    const page = await entriesWith({ created: rangeInput(range) });
    expect(ids(page.nodes)).toEqual(ids(expected));
  });

  it.each(ranges)('effectiveAt %j with orderBy EFFECTIVE_AT', async (range) => {
    const expected = byEffectiveAt(ledger.entries.filter((e) => inRange(e.effectiveAt, range)));
    const page = await entriesWith({ effectiveAt: rangeInput(range), orderBy: 'EFFECTIVE_AT' });
    expect(ids(page.nodes)).toEqual(ids(expected));
  });

  // Stripe: a created range only in the created order, an effective_at range only in the effective_at order; not both.
  it.each([
    ['effectiveAt in the default (created) order', { effectiveAt: { gte: iso(1) } }, ['filter', 'effectiveAt']],
    ['effectiveAt with orderBy CREATED', { effectiveAt: { gte: iso(1) }, orderBy: 'CREATED' }, ['filter', 'effectiveAt']],
    ['created with orderBy EFFECTIVE_AT', { created: { gte: iso(1) }, orderBy: 'EFFECTIVE_AT' }, ['filter', 'created']],
    ['created and effectiveAt together', { created: { gte: iso(1) }, effectiveAt: { gte: iso(1) }, orderBy: 'EFFECTIVE_AT' }, ['filter', 'effectiveAt']],
    ['created and effectiveAt together, in the created order', { created: { gte: iso(1) }, effectiveAt: { gte: iso(1) } }, ['filter', 'effectiveAt']],
  ] as const)('%s is a BAD_USER_INPUT error naming the argument', async (_name, filter, path) => {
    const res = await gateway.graphql(FILTER_ENTRIES, { token: ledger.key, variables: { id: ledger.faId, filter: filter as never, first: 100 } });
    const error = expectUserInputError(res, [[...path]]);
    expect(error.message).toContain(path.join('.'));
  });

  it('the bounds meet entries exactly on them', async () => {
    const onSix = ledger.entries.filter((e) => e.createdAt.getTime() === minutes(6).getTime());
    expect(onSix.length).toBeGreaterThanOrEqual(3);
    const gt = ids((await entriesWith({ created: { gt: iso(6) } })).nodes);
    const gte = ids((await entriesWith({ created: { gte: iso(6) } })).nodes);
    expect(gte.filter((id) => !gt.includes(id)).sort()).toEqual(ids(onSix).sort());
    const effectiveOnSeven = ledger.entries.filter((e) => e.effectiveAt.getTime() === minutes(7).getTime());
    expect(effectiveOnSeven.length).toBeGreaterThanOrEqual(3);
    const lt = ids((await entriesWith({ effectiveAt: { lt: iso(7) }, orderBy: 'EFFECTIVE_AT' })).nodes);
    const lte = ids((await entriesWith({ effectiveAt: { lte: iso(7) }, orderBy: 'EFFECTIVE_AT' })).nodes);
    expect(lte.filter((id) => !lt.includes(id)).sort()).toEqual(ids(effectiveOnSeven).sort());
  });

  it('effectiveAt, orderBy and transaction combine; so do created and transaction', async () => {
    const [returnedOriginal] = ledger.flows.transferReturned;
    const match = (e: (typeof ledger.entries)[number]) => e.transactionId === returnedOriginal.id && inRange(e.effectiveAt, { lte: 6.5 });
    const expected = byEffectiveAt(ledger.entries.filter(match));
    expect(expected.length).toBeGreaterThan(0);
    const page = await entriesWith({ transaction: returnedOriginal.id, effectiveAt: rangeInput({ lte: 6.5 }), orderBy: 'EFFECTIVE_AT' });
    expect(ids(page.nodes)).toEqual(ids(expected));

    const [original] = ledger.flows.transferReturned;
    const both = await entriesWith({ transaction: original.id, created: rangeInput({ gte: 6 }) });
    const own = ledger.entries.filter((e) => e.transactionId === original.id && inRange(e.createdAt, { gte: 6 }));
    expect(own).toHaveLength(1);
    expect(ids(both.nodes)).toEqual(ids(own));
  });

  it('Transaction.entries takes the same filter', async () => {
    const [original] = ledger.flows.transferReturned;
    const query = async (filter: Record<string, unknown>) =>
      ok(await gateway.graphql(FILTER_TRANSACTION_ENTRIES, { token: ledger.key, variables: { id: original.id, filter: filter as never } }))
        .transaction!.entries.nodes;
    const own = ledger.entries.filter((e) => e.transactionId === original.id);
    expect(ids(await query({}))).toEqual(ids(newestFirst(own, (e) => e.createdAt)));
    expect(ids(await query({ orderBy: 'EFFECTIVE_AT' }))).toEqual(ids(byEffectiveAt(own)));
    expect(ids(await query({ created: rangeInput({ lt: 6 }) }))).toEqual(ids(own.filter((e) => inRange(e.createdAt, { lt: 6 }))));
    expect(ids(await query({ effectiveAt: rangeInput({ gt: 6 }), orderBy: 'EFFECTIVE_AT' }))).toEqual(ids(byEffectiveAt(own.filter((e) => inRange(e.effectiveAt, { gt: 6 })))));
    expect(await query({ transaction: ledger.flows.debit[0].id })).toEqual([]);
  });
});

async function financialAccountsWith(filter?: Record<string, unknown>) {
  const res = await gateway.graphql(FILTER_FINANCIAL_ACCOUNTS, { token: accounts.key, variables: { filter: filter as never, first: 100 } });
  return ok(res).financialAccounts;
}

async function accountFinancialAccountsWith(accountId: string, filter?: Record<string, unknown>) {
  const res = await gateway.graphql(FILTER_ACCOUNT_FINANCIAL_ACCOUNTS, {
    token: accounts.key,
    variables: { id: accountId, filter: filter as never, first: 100 },
  });
  return ok(res).connectedAccount!.financialAccounts;
}

describe('financial accounts', () => {
  const newest = (rows: typeof accounts.all) => newestFirst(rows, (fa) => fa.createdAt);
  const filters: Array<[string, Record<string, unknown>, (fa: (typeof accounts.all)[number]) => boolean]> = [
    ['no filter', {}, () => true],
    ['status OPEN', { status: 'OPEN' }, (fa) => fa.status === 'open'],
    ['status CLOSED', { status: 'CLOSED' }, (fa) => fa.status === 'closed'],
    ['created gt 2', { created: rangeInput({ gt: 2 }) }, (fa) => inRange(fa.createdAt, { gt: 2 })],
    ['created gte 2', { created: rangeInput({ gte: 2 }) }, (fa) => inRange(fa.createdAt, { gte: 2 })],
    ['created lt 2', { created: rangeInput({ lt: 2 }) }, (fa) => inRange(fa.createdAt, { lt: 2 })],
    ['created lte 2', { created: rangeInput({ lte: 2 }) }, (fa) => inRange(fa.createdAt, { lte: 2 })],
    ['created gte 1 lt 3', { created: rangeInput({ gte: 1, lt: 3 }) }, (fa) => inRange(fa.createdAt, { gte: 1, lt: 3 })],
    ['created gte 2 lte 2', { created: rangeInput({ gte: 2, lte: 2 }) }, (fa) => inRange(fa.createdAt, { gte: 2, lte: 2 })],
    [
      'status OPEN, created gt 1 lte 4',
      { status: 'OPEN', created: rangeInput({ gt: 1, lte: 4 }) },
      (fa) => fa.status === 'open' && inRange(fa.createdAt, { gt: 1, lte: 4 }),
    ],
    [
      'status CLOSED, created gte 3',
      { status: 'CLOSED', created: rangeInput({ gte: 3 }) },
      (fa) => fa.status === 'closed' && inRange(fa.createdAt, { gte: 3 }),
    ],
  ];

  it.each(filters)('Query.financialAccounts: %s', async (_name, filter, match) => {
    const expected = newest(accounts.all.filter(match));
    const page = await financialAccountsWith(filter);
    expect(ids(page.nodes)).toEqual(ids(expected));
    if (filter.status) expect(page.nodes.every((n) => n.status === filter.status)).toBe(true);
  });

  it.each(filters)('ConnectedAccount.financialAccounts: %s', async (_name, filter, match) => {
    for (const accountId of [accounts.ca1, accounts.ca2]) {
      const expected = newest(accounts.all.filter((fa) => fa.accountId === accountId && match(fa)));
      const page = await accountFinancialAccountsWith(accountId, filter);
      expect(ids(page.nodes)).toEqual(ids(expected));
      expect(page.nodes.every((n) => n.connectedAccount?.id === accountId)).toBe(true);
    }
  });

  it('Platform.financialAccounts: status and created', async () => {
    const query = async (filter: Record<string, unknown>) =>
      ids(ok(await gateway.graphql(FILTER_PLATFORM_FINANCIAL_ACCOUNTS, { token: accounts.key, variables: { filter: filter as never } })).platform!
        .financialAccounts.nodes);
    expect(await query({})).toEqual([...accounts.platformOwn].reverse());
    expect(await query({ status: 'OPEN' })).toEqual([accounts.platformOwn[0]]);
    expect(await query({ status: 'CLOSED' })).toEqual([accounts.platformOwn[1]]);
    expect(await query({ created: rangeInput({ lt: 6 }) })).toEqual([accounts.platformOwn[0]]);
    expect(await query({ created: rangeInput({ gte: 6 }) })).toEqual([accounts.platformOwn[1]]);
  });
});

describe('broken ranges', () => {
  const broken: Array<[string, Record<string, string>, string]> = [
    ['start after end (gte > lte)', { gte: iso(5), lte: iso(4) }, 'reversed'],
    ['start after end (gt > lt)', { gt: iso(5), lt: iso(4) }, 'reversed'],
    ['start after end (gte > lt)', { gte: iso(5), lt: iso(4) }, 'reversed'],
    ['start one millisecond after end', { gte: new Date(minutes(4).getTime() + 1).toISOString(), lte: iso(4) }, 'reversed'],
    ['gt together with gte', { gt: iso(1), gte: iso(1) }, 'both'],
    ['lt together with lte', { lt: iso(5), lte: iso(5) }, 'both'],
  ];
  const pathsUnder = (field: string) => [
    ['filter', field],
    ['filter', field, 'gt'],
    ['filter', field, 'gte'],
    ['filter', field, 'lt'],
    ['filter', field, 'lte'],
  ];

  it.each(broken)('transactions created: %s', async (_name, range) => {
    const res = await gateway.graphql(FILTER_TRANSACTIONS, {
      token: ledger.key,
      variables: { id: ledger.faId, filter: { created: range } },
    });
    const error = expectUserInputError(res, pathsUnder('created'));
    expect(error.message.length).toBeGreaterThan(0);
  });

  it.each(broken)('transactions postedAt (with status POSTED, orderBy POSTED_AT): %s', async (_name, range) => {
    const res = await gateway.graphql(FILTER_TRANSACTIONS, {
      token: ledger.key,
      variables: { id: ledger.faId, filter: { status: 'POSTED', orderBy: 'POSTED_AT', postedAt: range } },
    });
    expectUserInputError(res, pathsUnder('postedAt'));
  });

  it.each(broken)('transaction entries created and effectiveAt: %s', async (_name, range) => {
    for (const field of ['created', 'effectiveAt']) {
      const res = await gateway.graphql(FILTER_ENTRIES, {
        token: ledger.key,
        variables: { id: ledger.faId, filter: { [field]: range } },
      });
      expectUserInputError(res, pathsUnder(field));
    }
  });

  it.each(broken)('financial accounts created: %s', async (_name, range) => {
    expectUserInputError(
      await gateway.graphql(FILTER_FINANCIAL_ACCOUNTS, { token: accounts.key, variables: { filter: { created: range } } }),
      pathsUnder('created'),
    );
    expectUserInputError(
      await gateway.graphql(FILTER_ACCOUNT_FINANCIAL_ACCOUNTS, {
        token: accounts.key,
        variables: { id: accounts.ca1, filter: { created: range } },
      }),
      pathsUnder('created'),
    );
  });

  it('a range of one instant is no error', async () => {
    const page = await transactionsWith({ created: { gte: iso(6), lte: iso(6) } });
    expect(page.nodes).toHaveLength(3);
  });
});

describe('filters with pagination', () => {
  const transactionsPage =
    (filter: Record<string, unknown>): FetchPage =>
    async (args) =>
      ok(await gateway.graphql(FILTER_TRANSACTIONS, { token: ledger.key, variables: { id: ledger.faId, filter: filter as never, ...args } }))
        .financialAccount!.transactions;

  it('status POSTED, paged by 3', async () => {
    await expectPagesOf(transactionsPage({ status: 'POSTED' }), 3, ids(byCreated(ledger.transactions.filter((t) => t.status === 'posted'))));
  });

  it('orderBy POSTED_AT with status POSTED, paged by 2 across equal postedAt times', async () => {
    await expectPagesOf(transactionsPage({ orderBy: 'POSTED_AT', status: 'POSTED' }), 2, ids(byPosted(ledger.transactions.filter((t) => t.status === 'posted'))));
  });

  it('postedAt range with status POSTED and orderBy POSTED_AT, paged by 2', async () => {
    const expected = byPosted(ledger.transactions.filter((t) => t.status === 'posted' && inRange(t.postedAt, { gte: 2, lte: 11 })));
    expect(expected.length).toBeGreaterThan(4);
    await expectPagesOf(
      transactionsPage({ status: 'POSTED', orderBy: 'POSTED_AT', postedAt: rangeInput({ gte: 2, lte: 11 }) }),
      2,
      ids(expected),
    );
  });

  it('flowType and created, paged by 2', async () => {
    const expected = byCreated(ledger.transactions.filter((t) => t.flowType === 'outbound_transfer' && inRange(t.createdAt, { gt: 1 })));
    await expectPagesOf(transactionsPage({ flowType: 'OUTBOUND_TRANSFER', created: rangeInput({ gt: 1 }) }), 2, ids(expected));
  });

  it('the cursor of a filtered list pages the filtered list', async () => {
    const voids = byCreated(ledger.transactions.filter((t) => t.status === 'void'));
    expect(voids).toHaveLength(2);
    const first = await transactionsPage({ status: 'VOID' })({ first: 1 });
    expect(ids(first.nodes)).toEqual([voids[0].id]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await transactionsPage({ status: 'VOID' })({ first: 1, after: first.pageInfo.endCursor! });
    expect(ids(second.nodes)).toEqual([voids[1].id]);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('entries by EFFECTIVE_AT with an effectiveAt range, paged by 3', async () => {
    const expected = newestFirst(
      ledger.entries.filter((e) => inRange(e.effectiveAt, { gte: 0, lt: 25 })),
      (e) => e.effectiveAt,
    );
    const fetchPage: FetchPage = async (args) =>
      ok(
        await gateway.graphql(FILTER_ENTRIES, {
          token: ledger.key,
          variables: { id: ledger.faId, filter: { orderBy: 'EFFECTIVE_AT', effectiveAt: rangeInput({ gte: 0, lt: 25 }) }, ...args },
        }),
      ).financialAccount!.transactionEntries;
    await expectPagesOf(fetchPage, 3, ids(expected));
  });

  it('financial accounts with status OPEN, paged by 2', async () => {
    const expected = newestFirst(
      accounts.all.filter((fa) => fa.status === 'open'),
      (fa) => fa.createdAt,
    );
    const fetchPage: FetchPage = async (args) =>
      ok(await gateway.graphql(FILTER_FINANCIAL_ACCOUNTS, { token: accounts.key, variables: { filter: { status: 'OPEN' }, ...args } }))
        .financialAccounts;
    await expectPagesOf(fetchPage, 2, ids(expected));
    const forAccount = newestFirst(
      accounts.all.filter((fa) => fa.accountId === accounts.ca1 && inRange(fa.createdAt, { gte: 1 })),
      (fa) => fa.createdAt,
    );
    const collected: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 10; i++) {
      const res = await gateway.graphql(FILTER_ACCOUNT_FINANCIAL_ACCOUNTS, {
        token: accounts.key,
        variables: { id: accounts.ca1, filter: { created: rangeInput({ gte: 1 }) }, first: 2, after },
      });
      const page = ok(res).connectedAccount!.financialAccounts;
      collected.push(...ids(page.nodes));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(collected).toEqual(ids(forAccount));
  });
});
