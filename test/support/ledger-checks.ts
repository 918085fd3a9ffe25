// The ledger's invariants, checked against what the database holds (straight
// SQL, not the gateway's own reads, so a bug in those cannot hide a bug in the
// writes), and a bus that counts what the gateway publishes.
//
// - every stored sub-balance (cash, inboundPending, outboundPending) equals the
//   sum of its account's entries' impacts, per currency;
// - every transaction's balance impact equals the sum of its entries' impacts;
// - no cash balance is negative.
import type { Database } from '../../src/db/database.ts';
import { InMemoryEventBus, type EventRecord } from '../../src/events/event-bus.ts';

export interface LedgerViolation {
  rule: 'balance_equals_entries' | 'transaction_impact_equals_entries' | 'cash_not_negative';
  id: string;
  detail: string;
}

type Row = { id: string; detail: string };

/** Every broken invariant, across the whole database; empty when the ledger holds. */
export async function ledgerViolations(db: Pick<Database, 'prisma'>): Promise<LedgerViolation[]> {
  // A balance row of zeros without entries is fine (an account that never moved money); entries without a row are not.
  const balances = await db.prisma.$queryRaw<Row[]>`
    WITH sums AS (
      SELECT "financialAccountId", "currency",
             SUM("cashImpact") AS cash, SUM("inboundPendingImpact") AS inbound, SUM("outboundPendingImpact") AS outbound
      FROM "TransactionEntry" GROUP BY 1, 2
    )
    SELECT "financialAccountId" || ' ' || "currency" AS id,
           format('stored %s/%s/%s, entries %s/%s/%s', b.cash, b."inboundPending", b."outboundPending", s.cash, s.inbound, s.outbound) AS detail
    FROM sums s FULL JOIN "FinancialAccountBalance" b USING ("financialAccountId", "currency")
    WHERE coalesce(s.cash, 0) IS DISTINCT FROM b.cash
       OR coalesce(s.inbound, 0) IS DISTINCT FROM b."inboundPending"
       OR coalesce(s.outbound, 0) IS DISTINCT FROM b."outboundPending"`;
  const transactions = await db.prisma.$queryRaw<Row[]>`
    SELECT t."id",
           format('impact %s/%s/%s, entries %s/%s/%s', t."cashImpact", t."inboundPendingImpact", t."outboundPendingImpact",
                  coalesce(SUM(e."cashImpact"), 0), coalesce(SUM(e."inboundPendingImpact"), 0), coalesce(SUM(e."outboundPendingImpact"), 0)) AS detail
    FROM "Transaction" t LEFT JOIN "TransactionEntry" e ON e."transactionId" = t."id"
    GROUP BY t."id"
    HAVING t."cashImpact" <> coalesce(SUM(e."cashImpact"), 0)
        OR t."inboundPendingImpact" <> coalesce(SUM(e."inboundPendingImpact"), 0)
        OR t."outboundPendingImpact" <> coalesce(SUM(e."outboundPendingImpact"), 0)`;
  const negative = await db.prisma.$queryRaw<Row[]>`
    SELECT "financialAccountId" || ' ' || "currency" AS id, format('cash %s', "cash") AS detail
    FROM "FinancialAccountBalance" WHERE "cash" < 0`;
  return [
    ...balances.map((r) => ({ rule: 'balance_equals_entries' as const, ...r })),
    ...transactions.map((r) => ({ rule: 'transaction_impact_equals_entries' as const, ...r })),
    ...negative.map((r) => ({ rule: 'cash_not_negative' as const, ...r })),
  ];
}

export interface StoredBalance {
  cash: bigint;
  inboundPending: bigint;
  outboundPending: bigint;
}

/** The stored usd balances of these financial accounts (zero for one that never moved money). */
export async function storedBalances(db: Pick<Database, 'prisma'>, ids: string[]): Promise<Map<string, StoredBalance>> {
  const rows = await db.prisma.financialAccountBalance.findMany({ where: { financialAccountId: { in: ids }, currency: 'usd' } });
  const byId = new Map(rows.map((r) => [r.financialAccountId, r]));
  return new Map(
    ids.map((id) => {
      const row = byId.get(id);
      return [id, { cash: row?.cash ?? 0n, inboundPending: row?.inboundPending ?? 0n, outboundPending: row?.outboundPending ?? 0n }];
    }),
  );
}

/** The in-memory bus, counting every event published after a commit: a refused operation must publish none. */
export class CountingBus extends InMemoryEventBus {
  published = 0;
  override publish(events: EventRecord[]): Promise<void> {
    this.published += events.length;
    return super.publish(events);
  }
}
