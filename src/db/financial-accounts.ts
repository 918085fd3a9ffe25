// Reads and writes of financial accounts inside a use case's transaction.
import { Prisma } from './generated/client.ts';
import type { AccountCapability, FinancialAccount } from './generated/client.ts';
import type { TransactionClient } from './events.ts';
import type { FinancialAccountState } from '../events/stripe-objects.ts';
import type { Viewer } from '../domain/viewer.ts';
import { ownedBy } from './scope.ts';

/**
 * The financial account, if the viewer may see it, locked until the
 * transaction ends: concurrent changes to one account apply one after the other.
 */
export async function lockFinancialAccount(tx: TransactionClient, viewer: Viewer, id: string): Promise<FinancialAccount | null> {
  const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "FinancialAccount" WHERE "id" = ${id} FOR UPDATE`;
  if (locked.length === 0) return null;
  return tx.financialAccount.findFirst({ where: { id, ...ownedBy(viewer) } });
}

/** Locks one of a platform's account rows: serialises the use cases that count or change its financial accounts. */
export async function lockAccount(tx: TransactionClient, platformId: string, accountId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Account" WHERE "id" = ${accountId} AND "platformId" = ${platformId} FOR UPDATE`;
}

export async function loadFinancialAccountState(tx: TransactionClient, account: FinancialAccount): Promise<FinancialAccountState> {
  const [features, addresses, balanceSums] = await Promise.all([
    tx.featureSetting.findMany({ where: { financialAccountId: account.id }, orderBy: { feature: 'asc' } }),
    tx.financialAddress.findMany({ where: { financialAccountId: account.id }, orderBy: { createdAt: 'asc' } }),
    balanceSumsOf(tx, account.id),
  ]);
  return { account, features, addresses, balanceSums };
}

/** The account's balance per currency (kept by the database from its entries; see FinancialAccountBalance). */
export function balanceSumsOf(tx: TransactionClient, financialAccountId: string) {
  return tx.financialAccountBalance.findMany({ where: { financialAccountId } });
}

export function capabilitiesOf(tx: TransactionClient, accountId: string): Promise<AccountCapability[]> {
  return tx.accountCapability.findMany({ where: { accountId } });
}

export function countOpenFinancialAccounts(tx: TransactionClient, accountId: string): Promise<number> {
  return tx.financialAccount.count({ where: { accountId, status: 'open' } });
}

export function nicknameTaken(tx: TransactionClient, accountId: string, nickname: string, exceptId?: string) {
  return tx.financialAccount
    .count({ where: { accountId, nickname, ...(exceptId ? { id: { not: exceptId } } : {}) } })
    .then((n) => n > 0);
}

/** Whether a Prisma error is the violation of a unique constraint (e.g. a nickname taken concurrently). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
