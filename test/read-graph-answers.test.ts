// The read graph's answers, byte for byte: the dashboard query of the
// benchmark (bench/read-graph-queries.ts) and variants of it (first: 1,
// cursors both ways, filters, node lookups, narrower credentials, a refused
// argument), on a fixed dataset, compared with the golden files under
// test/golden/read-graph/. Whatever makes the read path faster must leave
// every one of these answers as it is.
//
// The dataset is fixed: every time is given to the fixtures, names are chosen,
// and no two rows of a list share their order's time (so the order never
// falls to an id). What stays random is normalised in the response text,
// without parsing it (parsing and printing again would hide changes of key
// order, spacing or number format):
// - ids (`fa_...`, `trxn_...`, ...) become `<fa#3>`: numbered per prefix in
//   the order they first appear across the operations below;
// - cursors (base64url of `[order, time, id]`) become `<cursor:order:time:<id>>`
//   with the id numbered as above;
// - account numbers (random digits) become as many `#`;
// - the rate-limit window's `resetAt` (when the first operation ran) becomes `<time>`.
//
// After an intended change of the answers: `npx vitest run test/read-graph-answers.test.ts -u`
// rewrites the golden files; review their diff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOUR_LEVELS, mixedFlows } from '../bench/read-graph-queries.ts';
import { startGateway, type TestGateway } from './support/gateway.ts';
import {
  createAccountSession,
  createConnectedAccount,
  createFinancialAccount,
  createFlows,
  createPlatform,
} from './support/fixtures.ts';

let gateway: TestGateway;
let platformKey: string;
let sessionSecret: string;
const world = { accounts: [] as string[], financialAccounts: [] as string[], closedFinancialAccount: '' };

beforeAll(async () => {
  // No activation sweep: nothing changes the data behind the answers while they are read.
  // A day-long budget window: the budgets the answers report cannot reset halfway through a slow run.
  gateway = await startGateway({ featureActivationSweepMs: 3_600_000, rateLimit: { points: 1_000_000, windowSeconds: 86_400 } });
  const { platformId, secretKey } = await createPlatform(gateway, { name: 'Golden Platform' });
  platformKey = secretKey;
  for (let a = 0; a < 3; a++) {
    const account = await createConnectedAccount(gateway, platformId, {
      displayName: `Business ${a}`,
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, a)),
      // One account's card issuing is still being verified: its feature waits (PENDING).
      capabilities: a === 1 ? { card_issuing: 'pending' } : {},
    });
    world.accounts.push(account.id);
    for (let f = 0; f < 3; f++) {
      const fa = await createFinancialAccount(
        gateway,
        { platformId, accountId: account.id },
        {
          nickname: `FA ${a}.${f}`,
          createdAt: new Date(Date.UTC(2026, 0, 1, 1, a * 10 + f)),
          features: a === 1 ? ['card_issuing', 'financial_addresses_aba', 'outbound_transfers_ach'] : undefined,
        },
      );
      world.financialAccounts.push(fa.id);
      await createFlows(gateway, fa, mixedFlows(new Date(Date.UTC(2026, 0, 2, a, f * 3))));
    }
  }
  const closed = await createFinancialAccount(
    gateway,
    { platformId, accountId: world.accounts[0] },
    { nickname: 'Closed', createdAt: new Date(Date.UTC(2025, 11, 1)), status: 'closed' },
  );
  world.closedFinancialAccount = closed.id;
  sessionSecret = await createAccountSession(gateway, platformId, world.accounts[2]);
}, 300_000);

afterAll(() => gateway?.stop());

/** The response body exactly as the server sent it. */
async function answer(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${platformKey}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return `HTTP ${response.status}\n${await response.text()}\n`;
}

const ID = /\b(acct|fa|trxn|trxne|obt|obp|ibt|rc|rd|credrev|debrev|evt|accs|key|fadd|pm)_[0-9A-Za-z]{24}\b/;
const CURSOR = /("(?:cursor|startCursor|endCursor)":")([A-Za-z0-9_-]+)(")/;
const TOKEN = new RegExp(`${CURSOR.source}|${ID.source}|("accountNumber(?:Last4)?":")(\\d+)(")|("resetAt":")([^"]+)(")`, 'g');

/** Numbers ids per prefix in order of first appearance, across every answer of the run. */
const numbered = new Map<string, string>();
const perPrefix = new Map<string, number>();
function placeholder(id: string): string {
  let name = numbered.get(id);
  if (!name) {
    const prefix = id.slice(0, id.indexOf('_'));
    const n = (perPrefix.get(prefix) ?? 0) + 1;
    perPrefix.set(prefix, n);
    name = `<${prefix}#${n}>`;
    numbered.set(id, name);
  }
  return name;
}

function normalise(text: string): string {
  return text.replace(TOKEN, (whole, cursorOpen, cursor, cursorClose, _prefix, numberOpen, digits, numberClose, resetOpen, _reset, resetClose) => {
    if (cursor !== undefined) {
      const [order, at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, number, string];
      return `${cursorOpen}<cursor:${order}:${new Date(at).toISOString()}:${placeholder(id)}>${cursorClose}`;
    }
    if (digits !== undefined) return `${numberOpen}${'#'.repeat(digits.length)}${numberClose}`;
    if (resetOpen !== undefined) return `${resetOpen}<time>${resetClose}`;
    return placeholder(whole);
  });
}

const golden = (name: string) => `./golden/read-graph/${name}.txt`;

/** The four levels with every field of each level, at a page size per level. */
const FOUR_LEVELS_WIDE = `query FourLevelsWide($accounts: Int, $fas: Int, $transactions: Int, $entries: Int) {
  connectedAccounts(first: $accounts) {
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id } }
    nodes {
      id displayName country livemode metadata created
      capabilities { name requested status }
      financialAccounts(first: $fas) {
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        nodes {
          id nickname status isDefault livemode country created metadata supportedCurrencies
          activeFeatures pendingFeatures restrictedFeatures
          features { feature requested status statusDetails { code resolution restriction } }
          financialAddresses { type supportedNetworks aba { routingNumber accountNumber accountNumberLast4 bankName accountHolderName } }
          balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } }
          platformRestrictions { inboundFlows outboundFlows }
          statusDetails { reasons }
          connectedAccount { id }
          transactions(first: $transactions) {
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            edges { cursor }
            nodes {
              id amount currency description status flow flowType livemode created
              balanceImpact { cash inboundPending outboundPending }
              statusTransitions { postedAt voidAt }
              financialAccount { id }
              entries(first: $entries) {
                pageInfo { hasNextPage hasPreviousPage }
                nodes { id type currency flow flowType livemode created effectiveAt balanceImpact { cash inboundPending outboundPending } transaction { id } financialAccount { id } }
              }
            }
          }
        }
      }
    }
  }
}`;

const TRANSACTIONS_PAGE = `query TransactionsPage($id: ID!, $first: Int, $last: Int, $after: String, $before: String, $filter: TransactionFilter) {
  financialAccount(id: $id) {
    transactions(first: $first, last: $last, after: $after, before: $before, filter: $filter) {
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id amount status flowType created statusTransitions { postedAt voidAt } } }
    }
  }
}`;

describe('the read graph answers as it did', () => {
  it('the dashboard (four levels at 10/10/20/5), as the platform', async () => {
    await expect(normalise(await answer(FOUR_LEVELS))).toMatchFileSnapshot(golden('four-levels'));
  });

  it('four levels with every field, at first: 1 and at first: 10', async () => {
    const one = { accounts: 1, fas: 1, transactions: 1, entries: 1 };
    const ten = { accounts: 10, fas: 10, transactions: 10, entries: 10 };
    await expect(normalise(await answer(FOUR_LEVELS_WIDE, one))).toMatchFileSnapshot(golden('four-levels-first-1'));
    await expect(normalise(await answer(FOUR_LEVELS_WIDE, ten))).toMatchFileSnapshot(golden('four-levels-first-10'));
  });

  it('pages forward with after and backward with last/before', async () => {
    const id = world.financialAccounts[4];
    const firstPage = JSON.parse((await answer(TRANSACTIONS_PAGE, { id, first: 5 })).split('\n')[1]);
    const { endCursor } = firstPage.data.financialAccount.transactions.pageInfo;
    const parts = [
      await answer(TRANSACTIONS_PAGE, { id, first: 5 }),
      await answer(TRANSACTIONS_PAGE, { id, first: 5, after: endCursor }),
      await answer(TRANSACTIONS_PAGE, { id, last: 3, before: endCursor }),
      await answer(TRANSACTIONS_PAGE, { id, last: 4 }),
      await answer(TRANSACTIONS_PAGE, { id, before: endCursor }),
      await answer(TRANSACTIONS_PAGE, { id, first: 0 }),
    ];
    await expect(normalise(parts.join(''))).toMatchFileSnapshot(golden('cursors'));
  });

  it('filters transactions, entries and financial accounts', async () => {
    const id = world.financialAccounts[0];
    const parts = [
      // A returned transfer's two transactions post at the same time (when the return lands): the postedAt
      // ranges here stay clear of that pair, whose order would fall to their random ids.
      await answer(TRANSACTIONS_PAGE, { id, first: 6, filter: { status: 'POSTED', orderBy: 'POSTED_AT', postedAt: { lt: '2026-01-02T00:31:00Z' } } }),
      await answer(TRANSACTIONS_PAGE, { id, first: 6, filter: { flowType: 'OUTBOUND_TRANSFER' } }),
      await answer(TRANSACTIONS_PAGE, { id, first: 6, filter: { status: 'VOID' } }),
      await answer(TRANSACTIONS_PAGE, { id, filter: { created: { gte: '2026-01-02T00:05:00Z', lt: '2026-01-02T00:10:00Z' } } }),
      await answer(TRANSACTIONS_PAGE, {
        id,
        filter: { status: 'POSTED', orderBy: 'POSTED_AT', postedAt: { gt: '2026-01-02T00:31:00Z' } },
      }),
      await answer(
        `query Entries($id: ID!) { financialAccount(id: $id) {
          transactionEntries(first: 4, filter: { orderBy: EFFECTIVE_AT }) { pageInfo { hasNextPage endCursor } nodes { id type effectiveAt transaction { id status } } }
          transactions(first: 3, filter: { flowType: OUTBOUND_TRANSFER }) { nodes { id entries(filter: { orderBy: EFFECTIVE_AT }) { nodes { id type effectiveAt } } } }
        } }`,
        { id },
      ),
      await answer(
        `query Accounts($id: ID!) {
          connectedAccount(id: $id) {
            open: financialAccounts(filter: { status: OPEN }) { nodes { id nickname status } }
            closed: financialAccounts(filter: { status: CLOSED }) { nodes { id nickname status statusDetails { reasons } restrictedFeatures } }
            created: financialAccounts(filter: { created: { gte: "2026-01-01T01:01:00Z" } }) { nodes { id } }
          }
          financialAccounts(first: 4) { pageInfo { hasNextPage } nodes { id nickname connectedAccount { id displayName } } }
        }`,
        { id: world.accounts[0] },
      ),
    ];
    await expect(normalise(parts.join(''))).toMatchFileSnapshot(golden('filters'));
  });

  it('looks objects up by id: node, nodes, and the typed root fields', async () => {
    const first = JSON.parse((await answer(TRANSACTIONS_PAGE, { id: world.financialAccounts[2], first: 2 })).split('\n')[1]);
    const [transaction] = first.data.financialAccount.transactions.edges.map((e: { node: { id: string } }) => e.node.id);
    const text = await answer(
      `query Lookups($fa: ID!, $acct: ID!, $trxn: ID!, $ids: [ID!]!) {
        node(id: $fa) { __typename id ... on FinancialAccount { nickname balance { cash { currency amount } } } }
        nodes(ids: $ids) { __typename id }
        financialAccount(id: $fa) { id transactions(first: 1) { nodes { id } } }
        connectedAccount(id: $acct) { id displayName }
        transaction(id: $trxn) { id amount entries { nodes { id type transaction { id } } } financialAccount { id nickname } }
        missing: financialAccount(id: "fa_000000000000000000000000") { id }
      }`,
      {
        fa: world.financialAccounts[2],
        acct: world.accounts[1],
        trxn: transaction,
        ids: [transaction, world.accounts[2], world.financialAccounts[8], 'trxn_000000000000000000000000', 'nope_1'],
      },
    );
    await expect(normalise(text)).toMatchFileSnapshot(golden('lookups'));
  });

  it('shows a connected account (Stripe-Context) and an account session only their own objects', async () => {
    const parts = [
      await answer(FOUR_LEVELS, {}, { 'stripe-context': world.accounts[1] }),
      await answer(FOUR_LEVELS, {}, { authorization: `Bearer ${sessionSecret}` }),
      await answer(
        `query Own($other: ID!) { financialAccount(id: $other) { id } connectedAccounts { nodes { id financialAccounts(first: 1) { nodes { financialAddresses { aba { accountNumber accountNumberLast4 } } } } } } }`,
        { other: world.financialAccounts[0] },
        { authorization: `Bearer ${sessionSecret}` },
      ),
    ];
    await expect(normalise(parts.join(''))).toMatchFileSnapshot(golden('scoped'));
  });

  it('refuses a bad argument the same way', async () => {
    const parts = [
      await answer(TRANSACTIONS_PAGE, { id: world.financialAccounts[0], after: 'not-a-cursor' }),
      await answer(TRANSACTIONS_PAGE, { id: world.financialAccounts[0], first: 101 }),
      await answer(TRANSACTIONS_PAGE, { id: world.financialAccounts[0], filter: { postedAt: { gt: '2026-01-01T00:00:00Z' } } }),
    ];
    await expect(normalise(parts.join(''))).toMatchFileSnapshot(golden('refusals'));
  });
});
