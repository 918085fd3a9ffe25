// The four-level read graph through the real server: shapes, the ledger sum,
// and the number of SQL statements an operation costs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.ts';
import { NO_SWEEPS, startGateway, type TestGateway } from './support/gateway.ts';
import { createConnectedAccount, createFinancialAccount, createFlows, createPlatform, creditsEveryMinute } from './support/fixtures.ts';

let gateway: TestGateway;
let key: string;
let platformId: string;

const FOUR_LEVELS = graphql(`
  query FourLevels($accounts: Int, $fas: Int, $transactions: Int, $entries: Int) {
    connectedAccounts(first: $accounts) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        displayName
        capabilities { name status }
        financialAccounts(first: $fas) {
          nodes {
            id
            nickname
            activeFeatures
            pendingFeatures
            features { feature requested status statusDetails { code resolution restriction } }
            financialAddresses { type supportedNetworks aba { routingNumber accountNumber accountNumberLast4 bankName accountHolderName } }
            balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } }
            transactions(first: $transactions) {
              edges { cursor }
              nodes {
                id amount currency status flowType
                balanceImpact { cash inboundPending outboundPending }
                statusTransitions { postedAt voidAt }
                entries(first: $entries) { nodes { id type effectiveAt balanceImpact { cash inboundPending outboundPending } transaction { id } } }
              }
            }
          }
        }
      }
    }
  }
`);

beforeAll(async () => {
  // No activation sweep: these tests count every SQL statement the server sends.
  // Twelve open financial accounts per account: more than the default limit allows.
  gateway = await startGateway({ ...NO_SWEEPS, maxOpenFinancialAccountsPerAccount: 12 });
  ({ platformId, secretKey: key } = await createPlatform(gateway));
  // 12 connected accounts × 12 financial accounts × 12 transactions (some with 2 entries).
  for (let a = 0; a < 12; a++) {
    // Card issuing still being verified: its feature waits (PENDING) while the others activate.
    const account = await createConnectedAccount(gateway, platformId, {
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, a)),
      capabilities: { card_issuing: 'pending' },
    });
    for (let f = 0; f < 12; f++) {
      const fa = await createFinancialAccount(
        gateway,
        { platformId, accountId: account.id },
        { nickname: `FA ${f}`, features: ['card_issuing', 'financial_addresses_aba', 'outbound_transfers_ach'] },
      );
      await createFlows(gateway, fa, [
        ...creditsEveryMinute(8),
        { flowType: 'outbound_transfer', outcome: 'posted', amount: 150n, at: new Date('2026-02-01T00:00:00Z') },
        { flowType: 'outbound_transfer', outcome: 'processing', amount: 70n, at: new Date('2026-02-02T00:00:00Z') },
        { flowType: 'outbound_payment', outcome: 'canceled', amount: 30n, at: new Date('2026-02-03T00:00:00Z') },
        { flowType: 'received_debit', outcome: 'succeeded', amount: 5n, at: new Date('2026-02-04T00:00:00Z') },
      ]);
    }
  }
}, 300_000);

afterAll(() => gateway?.stop());

describe('the four-level graph', () => {
  it('walks connected accounts → financial accounts → transactions → entries in one request', async () => {
    const res = await gateway.graphql(FOUR_LEVELS, { token: key, variables: { accounts: 2, fas: 2, transactions: 3, entries: 5 } });
    expect(res.errors).toBeUndefined();
    const accounts = res.data!.connectedAccounts.nodes;
    expect(accounts).toHaveLength(2);
    expect(res.data!.connectedAccounts.pageInfo.hasNextPage).toBe(true);
    const fa = accounts[0].financialAccounts.nodes[0];
    expect(fa.id).toMatch(/^fa_[0-9A-Za-z]{24}$/);
    expect(fa.activeFeatures).toEqual(['FINANCIAL_ADDRESSES_ABA', 'OUTBOUND_TRANSFERS_ACH']);
    expect(fa.pendingFeatures).toEqual(['CARD_ISSUING']);
    expect(fa.features.find((f) => f.feature === 'CARD_ISSUING')?.statusDetails).toEqual([
      { code: 'REQUIREMENTS_PENDING_VERIFICATION', resolution: null, restriction: null },
    ]);
    const aba = fa.financialAddresses[0].aba!;
    expect(aba.accountNumber).toMatch(/^\d{12}$/);
    expect(aba.accountNumberLast4).toBe(aba.accountNumber!.slice(-4));
    // Newest first: the received debit, then the canceled payment, then the processing transfer.
    const [debit, canceled, processing] = fa.transactions.nodes;
    expect(debit).toMatchObject({ amount: -5, status: 'POSTED', flowType: 'RECEIVED_DEBIT' });
    expect(canceled).toMatchObject({ amount: -30, status: 'VOID', balanceImpact: { cash: 0, inboundPending: 0, outboundPending: 0 } });
    expect(canceled.statusTransitions.voidAt).not.toBeNull();
    expect(canceled.entries.nodes.map((e) => e.type)).toEqual(['OUTBOUND_PAYMENT_CANCELLATION', 'OUTBOUND_PAYMENT']);
    expect(processing).toMatchObject({ amount: -70, status: 'OPEN', balanceImpact: { cash: -70, inboundPending: 0, outboundPending: 70 } });
    for (const transaction of fa.transactions.nodes) {
      for (const entry of transaction.entries.nodes) expect(entry.transaction.id).toBe(transaction.id);
    }
  });

  it('reports each sub-balance as the sum of the balance impacts of the entries', async () => {
    const res = await gateway.graphql(FOUR_LEVELS, { token: key, variables: { accounts: 1, fas: 1, transactions: 100, entries: 100 } });
    const fa = res.data!.connectedAccounts.nodes[0].financialAccounts.nodes[0];
    const sum = { cash: 0, inboundPending: 0, outboundPending: 0 };
    for (const transaction of fa.transactions.nodes) {
      for (const entry of transaction.entries.nodes) {
        sum.cash += entry.balanceImpact.cash;
        sum.inboundPending += entry.balanceImpact.inboundPending;
        sum.outboundPending += entry.balanceImpact.outboundPending;
      }
    }
    // 1+..+8 dollars in, 150 posted out, 70 held for the processing transfer, 5 debited.
    expect(sum).toEqual({ cash: 3600 - 150 - 70 - 5, inboundPending: 0, outboundPending: 70 });
    expect(fa.balance).toEqual({
      cash: [{ currency: 'usd', amount: sum.cash }],
      inboundPending: [{ currency: 'usd', amount: sum.inboundPending }],
      outboundPending: [{ currency: 'usd', amount: sum.outboundPending }],
    });
  });

  it('costs the same number of SQL statements at first: 1 and first: 10 on every level', async () => {
    const count = async (n: number) => {
      const before = gateway.db.statements.count;
      const res = await gateway.graphql(FOUR_LEVELS, { token: key, variables: { accounts: n, fas: n, transactions: n, entries: n } });
      expect(res.errors).toBeUndefined();
      return gateway.db.statements.count - before;
    };
    const one = await count(1);
    const ten = await count(10);
    expect(ten).toBe(one);
    // authentication 1 + accounts with their capabilities 1 + financial accounts with their features,
    // addresses and balances 1 + transactions 1 + entries 1; the entries' transactions come primed from their page.
    expect(one).toBe(5);
  });

  it('keeps the count under concurrent load: batches do not split', async () => {
    const before = gateway.db.statements.count;
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        gateway.graphql(FOUR_LEVELS, { token: key, variables: { accounts: 10, fas: 10, transactions: 10, entries: 10 } }),
      ),
    );
    for (const res of results) expect(res.errors).toBeUndefined();
    expect(gateway.db.statements.count - before).toBe(8 * 5);
  });

  it('serves amounts beyond 32 bits exactly', async () => {
    const account = await createConnectedAccount(gateway, platformId, { createdAt: new Date('2020-01-01T00:00:00Z') });
    const fa = await createFinancialAccount(gateway, { platformId, accountId: account.id });
    const big = 9_007_199_254_740_991n - 1n; // 2^53 - 2: beyond Int, within a JSON number's exact range
    await createFlows(gateway, fa, [{ flowType: 'received_credit', outcome: 'succeeded', amount: big, at: new Date() }]);
    const res = await gateway.graphql(
      graphql(`query BigBalance($id: ID!) { financialAccount(id: $id) { balance { cash { amount } } transactions { nodes { amount } } } }`),
      { token: key, variables: { id: fa.id } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.financialAccount!.transactions.nodes[0].amount).toBe(Number(big));
    expect(res.data!.financialAccount!.balance.cash[0].amount).toBe(Number(big));
  });
});
