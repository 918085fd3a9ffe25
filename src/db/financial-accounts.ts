// Financial accounts inside a use case's transaction: the locks that order
// concurrent changes, reads of an account's whole state, and writes.
import type { FinancialAccount, Prisma } from './generated/client.ts';
import { FINANCIAL_ACCOUNT_LISTS, fromJson } from './attached-lists.ts';
import { unlessTaken, type TransactionClient, type Written } from './client.ts';
import type { FinancialAccountState } from '../events/stripe-objects.ts';
import type { Viewer } from '../domain/viewer.ts';
import type { PlatformRestriction } from '../domain/financial-accounts.ts';
import { enumArray } from './rows.ts';
import { ownedBySql } from './scope.ts';

/**
 * The financial account, if the viewer may see it, locked until the
 * transaction ends: concurrent changes to one account apply one after the other.
 */
export async function lockFinancialAccount(tx: TransactionClient, viewer: Viewer, id: string): Promise<FinancialAccount | null> {
  // One statement: every use case that changes an account starts here.
  const [row] = await tx.$queryRaw<RawFinancialAccount[]>`
    SELECT t.* FROM "FinancialAccount" t WHERE t."id" = ${id} AND ${ownedBySql(viewer)} FOR UPDATE`;
  return row ? fromRaw(row) : null;
}

/**
 * These financial accounts, whoever owns them, locked until the transaction ends, in one
 * statement. The rows are locked in the order of their ids' bytes (COLLATE "C", the order of
 * JavaScript's sort for ids), so two movements between the same accounts cannot deadlock.
 */
export async function lockFinancialAccountsById(tx: TransactionClient, ids: readonly string[]): Promise<FinancialAccount[]> {
  if (ids.length === 0) return [];
  const rows = await tx.$queryRaw<RawFinancialAccount[]>`
    SELECT t.* FROM "FinancialAccount" t WHERE t."id" = ANY(${[...ids]}::text[]) ORDER BY t."id" COLLATE "C" FOR UPDATE`;
  return rows.map(fromRaw);
}

/** A row as a raw read gives it: an array of a database enum in its text form. */
type RawFinancialAccount = Omit<FinancialAccount, 'closedReasons'> & { closedReasons: unknown };

function fromRaw(row: RawFinancialAccount): FinancialAccount {
  return { ...row, closedReasons: enumArray(row.closedReasons) as FinancialAccount['closedReasons'] };
}

/** Locks the account's row until the transaction ends; false when there is none. */
export async function lockFinancialAccountRow(tx: TransactionClient, id: string): Promise<boolean> {
  const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "FinancialAccount" WHERE "id" = ${id} FOR UPDATE`;
  return locked.length > 0;
}

/** The financial account with its owner, locked (for work that is nobody's request, e.g. an activation). */
export async function lockFinancialAccountWithOwner(tx: TransactionClient, id: string) {
  await lockFinancialAccountRow(tx, id);
  return tx.financialAccount.findUnique({ where: { id }, include: { account: true } });
}

/**
 * The account's features (in the enum's order), financial addresses (oldest first) and balances,
 * as Prisma's rows, in one statement (the lists pages and loads by id attach: attached-lists.ts).
 * Every change that reports an account's state reads it inside its transaction, often twice;
 * three queries made that the largest part of a small mutation's statements.
 */
export async function loadFinancialAccountState(tx: TransactionClient, account: FinancialAccount): Promise<FinancialAccountState> {
  const { features, financialAddresses, balances } = FINANCIAL_ACCOUNT_LISTS;
  const [lists] = await tx.$queryRaw<Array<Record<'features' | 'addresses' | 'balances', unknown[]>>>`
    SELECT (${features}) AS "features", (${financialAddresses}) AS "addresses", (${balances}) AS "balances"
    FROM "FinancialAccount" t WHERE t."id" = ${account.id}`;
  if (!lists) throw new Error(`Bug: no financial account ${account.id} to read the state of`);
  return {
    account,
    features: fromJson.features(lists.features),
    addresses: fromJson.financialAddresses(lists.addresses),
    balanceSums: fromJson.balances(lists.balances),
  };
}

/** The account's balance per currency (kept by the database from its entries; see FinancialAccountBalance). */
export function balanceSumsOf(tx: TransactionClient, financialAccountId: string) {
  return tx.financialAccountBalance.findMany({ where: { financialAccountId } });
}

export function countOpenFinancialAccounts(tx: TransactionClient, accountId: string): Promise<number> {
  return tx.financialAccount.count({ where: { accountId, status: 'open' } });
}

/**
 * The account's open financial accounts, locked until the transaction ends, in the order
 * lockFinancialAccountsById locks in. A row closed by a change that held its lock is left out
 * (PostgreSQL checks the condition again on the row it waited for).
 */
export async function lockOpenFinancialAccountsOf(tx: TransactionClient, accountId: string): Promise<FinancialAccount[]> {
  const rows = await tx.$queryRaw<RawFinancialAccount[]>`
    SELECT t.* FROM "FinancialAccount" t WHERE t."accountId" = ${accountId} AND t."status" = 'open' ORDER BY t."id" COLLATE "C" FOR UPDATE`;
  return rows.map(fromRaw);
}

/** Whether one of the account's financial accounts has the nickname (a new one's check; a change relies on the unique index). */
export function nicknameTaken(tx: TransactionClient, accountId: string, nickname: string) {
  return tx.financialAccount.count({ where: { accountId, nickname } }).then((n) => n > 0);
}

type Restriction = PlatformRestriction;

export interface NewFinancialAccount {
  id: string;
  platformId: string;
  accountId: string;
  livemode: boolean;
  nickname: string | null;
  metadata: Record<string, string>;
  supportedCurrencies: string[];
  isDefault?: boolean;
  inboundFlows: Restriction | null;
  outboundFlows: Restriction | null;
  createdAt?: Date;
}

/** A new open financial account; `nickname_in_use` when a concurrent request took its nickname. */
export function createFinancialAccount(
  tx: TransactionClient,
  account: NewFinancialAccount,
): Promise<Written<FinancialAccount, 'nickname_in_use'>> {
  const { createdAt, ...fields } = account;
  const data = { ...fields, ...(createdAt ? { createdAt, updatedAt: createdAt } : {}) };
  return unlessTaken('nickname_in_use', () => tx.financialAccount.create({ data }));
}

export interface FinancialAccountChanges {
  metadata?: Record<string, string>;
  nickname?: string | null;
  inboundFlows?: Restriction;
  outboundFlows?: Restriction;
}

/** Changes an account; `nickname_in_use` when another of its owner's accounts has the nickname. */
export function updateFinancialAccount(
  tx: TransactionClient,
  id: string,
  changes: FinancialAccountChanges,
  at?: Date,
): Promise<Written<FinancialAccount, 'nickname_in_use'>> {
  const data: Prisma.FinancialAccountUpdateInput = { ...changes, ...(at ? { updatedAt: at } : {}) };
  return unlessTaken('nickname_in_use', () => tx.financialAccount.update({ where: { id }, data }));
}

export function closeFinancialAccount(tx: TransactionClient, id: string, at: Date): Promise<FinancialAccount> {
  return tx.financialAccount.update({
    where: { id },
    data: { status: 'closed', closedReasons: ['closed_by_platform'], closedAt: at, updatedAt: at },
  });
}

export function financialAccountById(tx: TransactionClient, id: string): Promise<FinancialAccount> {
  return tx.financialAccount.findUniqueOrThrow({ where: { id } });
}
