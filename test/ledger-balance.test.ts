// The stored balances always equal the sums of the entries' balance impacts,
// however the entries are written: row by row, in bulk, updated, deleted, or
// by concurrent transactions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.ts';
import { createConnectedAccount, createFinancialAccount, createFlows, createPlatform, creditsEveryMinute } from './support/fixtures.ts';
import { startGateway, usingPostgres, type TestGateway } from './support/gateway.ts';

let gateway: TestGateway;
let key: string;
let platformId: string;
let accountId: string;

beforeAll(async () => {
  gateway = await startGateway();
  ({ platformId, secretKey: key } = await createPlatform(gateway));
  accountId = (await createConnectedAccount(gateway, platformId)).id;
});
afterAll(() => gateway?.stop());

/** Accounts whose stored balance differs from the sums of their entries, in any currency. */
async function disagreements() {
  return gateway.db.prisma.$queryRaw<unknown[]>`
    WITH sums AS (
      SELECT "financialAccountId", "currency",
             SUM("cashImpact") AS cash, SUM("inboundPendingImpact") AS inbound, SUM("outboundPendingImpact") AS outbound
      FROM "TransactionEntry" GROUP BY 1, 2
    )
    SELECT * FROM sums FULL JOIN "FinancialAccountBalance" b USING ("financialAccountId", "currency")
    WHERE sums.cash IS DISTINCT FROM b.cash AND NOT (sums.cash IS NULL AND b.cash = 0)
       OR sums.inbound IS DISTINCT FROM b."inboundPending" AND NOT (sums.inbound IS NULL AND b."inboundPending" = 0)
       OR sums.outbound IS DISTINCT FROM b."outboundPending" AND NOT (sums.outbound IS NULL AND b."outboundPending" = 0)`;
}

const BALANCE = graphql(`
  query LedgerBalance($id: ID!) {
    financialAccount(id: $id) { balance { cash { currency amount } inboundPending { amount } outboundPending { amount } } }
  }
`);

describe('stored balances', () => {
  it('follow entries written in bulk across many accounts in one statement', async () => {
    const accounts = await Promise.all(
      Array.from({ length: 5 }, () => createFinancialAccount(gateway, { platformId, accountId })),
    );
    for (const fa of accounts) {
      await createFlows(gateway, fa, [
        ...creditsEveryMinute(30),
        { flowType: 'outbound_transfer', outcome: 'processing', amount: 1234n, at: new Date('2026-03-01T00:00:00Z') },
        { flowType: 'outbound_payment', outcome: 'returned', amount: 99n, at: new Date('2026-03-02T00:00:00Z') },
      ]);
    }
    expect(await disagreements()).toEqual([]);
    const res = await gateway.graphql(BALANCE, { token: key, variables: { id: accounts[0].id } });
    // 1..30 dollars in, 12.34 held for the processing transfer; the returned payment went out and came back.
    expect(res.data!.financialAccount!.balance).toEqual({
      cash: [{ currency: 'usd', amount: 46500 - 1234 }],
      inboundPending: [{ amount: 0 }],
      outboundPending: [{ amount: 1234 }],
    });
  });

  it('follow entries that are updated or deleted', async () => {
    const fa = await createFinancialAccount(gateway, { platformId, accountId });
    await createFlows(gateway, fa, creditsEveryMinute(4));
    const entries = await gateway.db.prisma.transactionEntry.findMany({ where: { financialAccountId: fa.id }, orderBy: { id: 'asc' } });
    await gateway.db.prisma.transactionEntry.update({ where: { id: entries[0].id }, data: { cashImpact: 5n } });
    await gateway.db.prisma.transactionEntry.delete({ where: { id: entries[1].id } });
    expect(await disagreements()).toEqual([]);
    const stored = await gateway.db.prisma.financialAccountBalance.findUniqueOrThrow({
      where: { financialAccountId_currency: { financialAccountId: fa.id, currency: 'usd' } },
    });
    const expected = 100n + 200n + 300n + 400n - entries[0].cashImpact + 5n - entries[1].cashImpact;
    expect(stored.cash).toBe(expected);
  });

  it('add up under concurrent writers to one account', async () => {
    const fa = await createFinancialAccount(gateway, { platformId, accountId });
    await Promise.all(
      // Each call writes its flows in a transaction of its own.
      Array.from({ length: 8 }, (_, i) => createFlows(gateway, fa, creditsEveryMinute(10, new Date(Date.UTC(2026, 4, 1, i))))),
    );
    expect(await disagreements()).toEqual([]);
    const stored = await gateway.db.prisma.financialAccountBalance.findFirstOrThrow({ where: { financialAccountId: fa.id } });
    expect(stored.cash).toBe(8n * 5500n);
  });

  it.runIf(usingPostgres)('read one row, whatever the history (no scan of the entries)', async () => {
    const fa = await createFinancialAccount(gateway, { platformId, accountId });
    gateway.db.statements.log = [];
    await gateway.graphql(BALANCE, { token: key, variables: { id: fa.id } });
    const balanceQuery = gateway.db.statements.log.find((q) => q.includes('FinancialAccountBalance'));
    gateway.db.statements.log = null;
    expect(balanceQuery).toBeDefined();
    expect(gateway.db.statements.log).toBeNull();
  });
});
