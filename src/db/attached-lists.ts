// The short lists a connected account or financial account carries (capabilities; features,
// addresses, balances), read in the same statement as the account itself: each a correlated
// subquery on the row alias `t` that gives one JSON array, in the order and with the columns of
// Prisma's reads of those tables. A page (KeysetQuery.attach), a load by id (RowsQuery.attach) and
// a use case's snapshot (loadFinancialAccountState) read them so, and the lists are then of one
// snapshot with their account: never ABA active with its address not there yet, say, as two
// statements on two connections on either side of a commit could show.
import { Prisma } from './generated/client.ts';
import type { AccountCapability, FeatureSetting, FinancialAccountBalance, FinancialAddress } from './generated/client.ts';

/** A query's attached lists (KeysetQuery.attach, RowsQuery.attach), by name, in the order they are selected. */
export type Attachments = Array<[name: string, list: Prisma.Sql]>;

/** The lists as select-list entries, after a row's own columns (empty when there are none). */
export function attachedColumns(attachments: Attachments): Prisma.Sql {
  return attachments.length
    ? Prisma.sql`, ${Prisma.join(attachments.map(([name, list]) => Prisma.sql`(${list}) AS ${Prisma.raw(`"__attached_${name}"`)}`))}`
    : Prisma.empty;
}

/** A result row's lists, parsed, from its values at index `from` on (where attachedColumns put them). */
export function attachedLists(values: unknown[], from: number, attachments: Attachments): Record<string, unknown[]> {
  const lists: Record<string, unknown[]> = {};
  for (let i = 0; i < attachments.length; i += 1) {
    const value = values[from + i];
    lists[attachments[i][0]] = (typeof value === 'string' ? JSON.parse(value) : value) as unknown[];
  }
  return lists;
}

export const ACCOUNT_LISTS = {
  capabilities: Prisma.sql`SELECT COALESCE(json_agg(c ORDER BY c."name"), '[]') FROM "AccountCapability" c WHERE c."accountId" = t."id"`,
};

// Rows go whole through json_agg; the balances' bigints go as text, which JSON numbers could not hold exactly.
export const FINANCIAL_ACCOUNT_LISTS = {
  features: Prisma.sql`SELECT COALESCE(json_agg(f ORDER BY f."feature"), '[]') FROM "FeatureSetting" f WHERE f."financialAccountId" = t."id"`,
  financialAddresses: Prisma.sql`SELECT COALESCE(json_agg(a ORDER BY a."createdAt"), '[]') FROM "FinancialAddress" a WHERE a."financialAccountId" = t."id"`,
  balances: Prisma.sql`SELECT COALESCE(json_agg(json_build_object(
      'financialAccountId', b."financialAccountId", 'currency', b."currency", 'cash', b."cash"::text,
      'inboundPending', b."inboundPending"::text, 'outboundPending', b."outboundPending"::text)), '[]')
    FROM "FinancialAccountBalance" b WHERE b."financialAccountId" = t."id"`,
};

/** The lists as Prisma reads the rows: time columns as Dates again, amounts as bigints. */
export const fromJson = {
  capabilities: (list: unknown[]) => list.map((c) => withDates(c, ['updatedAt']) as unknown as AccountCapability),
  features: (list: unknown[]) => list.map((f) => withDates(f, ['updatedAt']) as unknown as FeatureSetting),
  financialAddresses: (list: unknown[]) => list.map((a) => withDates(a, ['createdAt']) as unknown as FinancialAddress),
  balances: (list: unknown[]) => list.map((b) => balanceRow(b as Record<string, string>)),
};

function withDates(row: unknown, columns: string[]): Record<string, unknown> {
  const record = { ...(row as Record<string, unknown>) };
  for (const column of columns) if (record[column] != null) record[column] = new Date(record[column] as string);
  return record;
}

function balanceRow(b: Record<string, string>): FinancialAccountBalance {
  return {
    financialAccountId: b.financialAccountId,
    currency: b.currency,
    cash: BigInt(b.cash),
    inboundPending: BigInt(b.inboundPending),
    outboundPending: BigInt(b.outboundPending),
  };
}
