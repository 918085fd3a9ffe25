// The ledger's only writer: every transaction and transaction entry is written
// here, by one rule (applyEntries in src/domain/ledger.ts), so a transaction's
// status, status transitions and balance impact always agree with its entries.
// The balances follow the entries by themselves (database triggers, see the
// migration ledger_balances).
//
// Two paths, one rule: openTransaction (a new transaction with the entries of
// the step that opens it) + appendEntries (a later step's) for a use case (a
// money movement's steps, each in its own database transaction), one
// statement each besides the append's locked read; and
// writeHistory for many finished transactions at once (the demo seed, tests
// and benchmarks), which builds the same rows in memory and inserts them in a
// few statements.
import { Prisma, type Transaction } from './generated/client.ts';
import type { TransactionClient } from './client.ts';
import { newId, type IdType } from '../domain/ids.ts';
import {
  applyEntries,
  OPENED,
  type FlowType,
  type LedgerEntry,
  type LedgerFlowType,
  type LedgerTransaction,
  type TransactionProgress,
} from '../domain/ledger.ts';

// The object type behind each flow, whose id prefix its flow id carries (obt_, rc_, ...).
const FLOW_ID_TYPE: Record<LedgerFlowType, IdType> = {
  received_credit: 'ReceivedCredit',
  received_debit: 'ReceivedDebit',
  inbound_transfer: 'InboundTransfer',
  outbound_transfer: 'OutboundTransfer',
  outbound_payment: 'OutboundPayment',
};

/** A new id for a flow of this type. */
export function newFlowId(type: LedgerFlowType): string {
  return newId(FLOW_ID_TYPE[type]);
}

/** The financial account a transaction belongs to, with the scope columns every ledger row carries. */
export interface LedgerAccount {
  id: string;
  platformId: string;
  accountId: string;
  livemode: boolean;
}

export interface NewTransaction {
  financialAccount: LedgerAccount;
  currency: string;
  /** Stripe-signed minor units: negative for money leaving the account. */
  amount: bigint;
  description: string;
  flow: { id: string; type: FlowType };
  /** When it was created: its first entry's time. */
  at: Date;
}

export interface NewEntry extends Pick<LedgerEntry, 'type' | 'impact' | 'transition'> {
  /** When it takes effect (and is created). */
  at: Date;
}

/** The entries of a ledger rule's transaction: the first at `openedAt`, the settling one (posting, cancellation, ...) at `settledAt`. */
export function entriesAt(ledger: LedgerTransaction, openedAt: Date, settledAt: Date): NewEntry[] {
  return ledger.entries.map((entry, index) => ({ ...entry, at: index === 0 ? openedAt : settledAt }));
}

function transactionRow(id: string, t: NewTransaction, progress: TransactionProgress): Prisma.TransactionCreateManyInput {
  return {
    id,
    platformId: t.financialAccount.platformId,
    accountId: t.financialAccount.accountId,
    financialAccountId: t.financialAccount.id,
    livemode: t.financialAccount.livemode,
    amount: t.amount,
    currency: t.currency,
    description: t.description,
    flow: t.flow.id,
    flowType: t.flow.type,
    createdAt: t.at,
    ...progressColumns(progress),
  };
}

function progressColumns(progress: TransactionProgress) {
  return {
    status: progress.status,
    postedAt: progress.postedAt,
    voidAt: progress.voidAt,
    cashImpact: progress.impact.cash,
    inboundPendingImpact: progress.impact.inboundPending,
    outboundPendingImpact: progress.impact.outboundPending,
  };
}

type TransactionHead = Pick<Transaction, 'id' | 'platformId' | 'accountId' | 'financialAccountId' | 'livemode' | 'currency' | 'flow' | 'flowType'>;

function entryRows(transaction: TransactionHead, entries: NewEntry[]): Prisma.TransactionEntryCreateManyInput[] {
  return entries.map((entry) => ({
    id: newId('TransactionEntry'),
    platformId: transaction.platformId,
    accountId: transaction.accountId,
    financialAccountId: transaction.financialAccountId,
    transactionId: transaction.id,
    livemode: transaction.livemode,
    currency: transaction.currency,
    cashImpact: entry.impact.cash,
    inboundPendingImpact: entry.impact.inboundPending,
    outboundPendingImpact: entry.impact.outboundPending,
    effectiveAt: entry.at,
    type: entry.type,
    flow: transaction.flow,
    flowType: transaction.flowType,
    createdAt: entry.at,
  }));
}

/**
 * Opens a transaction, with its first entries when the step that opens it has
 * some, in one statement: the row as the ledger rule leaves it after them
 * (applyEntries from OPENED) and the entries. No lock: nobody else sees the
 * row before the commit. Later entries come with appendEntries.
 */
export async function openTransaction(tx: TransactionClient, transaction: NewTransaction, entries: NewEntry[] = []): Promise<Transaction> {
  const row = transactionRow(newId('Transaction'), transaction, applyEntries(OPENED, entries));
  const [opened] = await tx.$queryRaw<Transaction[]>`
    WITH "opened" AS (
      INSERT INTO "Transaction" ("id", "platformId", "accountId", "financialAccountId", "livemode", "amount", "currency",
        "description", "status", "postedAt", "voidAt", "flow", "flowType", "cashImpact", "inboundPendingImpact",
        "outboundPendingImpact", "createdAt")
      VALUES (${row.id}, ${row.platformId}, ${row.accountId}, ${row.financialAccountId}, ${row.livemode}, ${row.amount},
        ${row.currency}, ${row.description}, ${row.status}::"TransactionStatus", ${row.postedAt}, ${row.voidAt}, ${row.flow},
        ${row.flowType}::"FlowType", ${row.cashImpact}, ${row.inboundPendingImpact}, ${row.outboundPendingImpact}, ${row.createdAt})
      RETURNING *
    )${entries.length > 0 ? Prisma.sql`, "entries" AS (${insertEntries(Prisma.sql`"opened" t`, entries)})` : Prisma.empty}
    SELECT * FROM "opened"`;
  return opened;
}

/**
 * Appends entries to an open transaction and moves the transaction with them
 * (status, status transitions, balance impact), under its row lock, so
 * concurrent steps of one flow apply one after the other: the locked read,
 * then the entries and the transaction's new state in one statement.
 */
export async function appendEntries(tx: TransactionClient, transactionId: string, entries: NewEntry[]): Promise<Transaction> {
  const [current] = await tx.$queryRaw<Transaction[]>`SELECT * FROM "Transaction" WHERE "id" = ${transactionId} FOR UPDATE`;
  if (!current) throw new Error(`No transaction ${transactionId} to append entries to`);
  const next = progressColumns(
    applyEntries(
      {
        status: current.status,
        impact: { cash: current.cashImpact, inboundPending: current.inboundPendingImpact, outboundPending: current.outboundPendingImpact },
        postedAt: current.postedAt,
        voidAt: current.voidAt,
      },
      entries,
    ),
  );
  const [moved] = await tx.$queryRaw<Transaction[]>`
    ${entries.length > 0 ? Prisma.sql`WITH "entries" AS (${insertEntries(Prisma.sql`"Transaction" t`, entries, transactionId)})` : Prisma.empty}
    UPDATE "Transaction" SET "status" = ${next.status}::"TransactionStatus", "postedAt" = ${next.postedAt}, "voidAt" = ${next.voidAt},
      "cashImpact" = ${next.cashImpact}, "inboundPendingImpact" = ${next.inboundPendingImpact}, "outboundPendingImpact" = ${next.outboundPendingImpact}
    WHERE "id" = ${transactionId}
    RETURNING *`;
  return moved;
}

/**
 * The INSERT of a transaction's entries: what each entry has of its own comes
 * as arrays (amounts and times as text, exact), the rest from the transaction
 * `t` of `source` (the row being written, or the stored one when `id` names it).
 */
function insertEntries(source: Prisma.Sql, entries: NewEntry[], id?: string): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "TransactionEntry" ("id", "platformId", "accountId", "financialAccountId", "transactionId", "livemode",
      "currency", "cashImpact", "inboundPendingImpact", "outboundPendingImpact", "effectiveAt", "type", "flow", "flowType", "createdAt")
    SELECT e."id", t."platformId", t."accountId", t."financialAccountId", t."id", t."livemode", t."currency",
      e."cash"::int8, e."inboundPending"::int8, e."outboundPending"::int8, e."at"::timestamptz, e."type"::"TransactionEntryType",
      t."flow", t."flowType", e."at"::timestamptz
    FROM ${source} CROSS JOIN unnest(
      ${entries.map(() => newId('TransactionEntry'))}::text[],
      ${entries.map((e) => e.impact.cash.toString())}::text[],
      ${entries.map((e) => e.impact.inboundPending.toString())}::text[],
      ${entries.map((e) => e.impact.outboundPending.toString())}::text[],
      ${entries.map((e) => e.at.toISOString())}::text[],
      ${entries.map((e) => e.type)}::text[]
    ) AS e("id", "cash", "inboundPending", "outboundPending", "at", "type")
    ${id === undefined ? Prisma.empty : Prisma.sql`WHERE t."id" = ${id}`}`;
}

export interface HistoricTransaction {
  transaction: NewTransaction;
  entries: NewEntry[];
}

// Rows per INSERT: PostgreSQL takes at most 65535 bind parameters in one statement.
const ROWS_PER_STATEMENT = 2_000;

/**
 * Writes many transactions with their entries in a few statements: the rows
 * openTransaction and appendEntries would have made, built in memory. The
 * embedded database pays a round trip per statement, so one per row would be
 * far slower. Returns the transactions' ids in order.
 */
export async function writeHistory(tx: TransactionClient, history: HistoricTransaction[]): Promise<string[]> {
  const transactions: Prisma.TransactionCreateManyInput[] = [];
  const entries: Prisma.TransactionEntryCreateManyInput[] = [];
  for (const item of history) {
    const row = transactionRow(newId('Transaction'), item.transaction, applyEntries(OPENED, item.entries));
    transactions.push(row);
    entries.push(...entryRows(row as TransactionHead, item.entries));
  }
  for (let i = 0; i < transactions.length; i += ROWS_PER_STATEMENT) {
    await tx.transaction.createMany({ data: transactions.slice(i, i + ROWS_PER_STATEMENT) });
  }
  for (let i = 0; i < entries.length; i += ROWS_PER_STATEMENT) {
    await tx.transactionEntry.createMany({ data: entries.slice(i, i + ROWS_PER_STATEMENT) });
  }
  return transactions.map((t) => t.id!);
}

/**
 * `count` posted received credits on one account, one every `everySeconds`
 * from `start`, each of `((n % 997) + 1)` dollars, each with its one entry:
 * the ledger rule for a received credit, generated by the database itself in
 * two statements, for histories of a million rows (benchmarks), where even
 * writeHistory's rows would not fit in memory quickly.
 */
export async function writeReceivedCreditSeries(
  tx: TransactionClient,
  account: LedgerAccount,
  series: { count: number; start: Date; everySeconds: number; idPrefix: string; description: string },
): Promise<void> {
  const prefix = series.idPrefix.replace(/[^0-9A-Za-z]/g, '');
  await tx.$executeRaw`
    INSERT INTO "Transaction" ("id", "platformId", "accountId", "financialAccountId", "livemode", "amount", "currency",
       "description", "status", "postedAt", "voidAt", "flow", "flowType", "cashImpact", "inboundPendingImpact",
       "outboundPendingImpact", "createdAt")
    SELECT 'trxn_' || ${prefix} || lpad(g::text, 14, '0'), ${account.platformId}, ${account.accountId}, ${account.id},
           ${account.livemode}, v.amount, 'usd', ${series.description}, 'posted'::"TransactionStatus", v.at, NULL,
           'rc_' || ${prefix} || lpad(g::text, 16, '0'), 'received_credit'::"FlowType", v.amount, 0, 0, v.at
    FROM generate_series(1, ${series.count}::int) AS g
    CROSS JOIN LATERAL (
      SELECT ((g % 997) + 1) * 100::bigint AS amount,
             ${series.start}::timestamptz + g * make_interval(secs => ${series.everySeconds}::int) AS at
    ) v`;
  // Entries derived from the transactions themselves, so every transaction's
  // impact is exactly the sum of its entries' impacts.
  await tx.$executeRaw`
    INSERT INTO "TransactionEntry" ("id", "platformId", "accountId", "financialAccountId", "transactionId", "livemode",
       "currency", "cashImpact", "inboundPendingImpact", "outboundPendingImpact", "effectiveAt", "type", "flow",
       "flowType", "createdAt")
    SELECT 'trxne_' || substr(t."id", 6), t."platformId", t."accountId", t."financialAccountId", t."id", t."livemode",
           t."currency", t."cashImpact", 0, 0, t."createdAt", 'received_credit'::"TransactionEntryType", t."flow",
           t."flowType", t."createdAt"
    FROM "Transaction" t WHERE t."financialAccountId" = ${account.id} AND t."id" LIKE ${`trxn_${prefix}%`}`;
}
