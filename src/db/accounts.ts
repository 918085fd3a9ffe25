// Accounts (the platform and its connected accounts) and their capabilities,
// inside the caller's transaction.
import type { Account, AccountCapability, Prisma } from './generated/client.ts';
import type { TransactionClient } from './client.ts';
import type { CapabilityName, CapabilityStatus } from '../domain/features.ts';

/** Whose accounts: a platform, in one mode. */
export interface AccountScope {
  platformId: string;
  livemode: boolean;
}

export interface NewConnectedAccount {
  id: string;
  platformId: string;
  livemode: boolean;
  displayName: string | null;
  email: string | null;
  country: string;
  metadata: Record<string, string>;
  capabilities: Array<{ name: CapabilityName; status: CapabilityStatus }>;
  createdAt?: Date;
}

export function createConnectedAccount(tx: TransactionClient, account: NewConnectedAccount) {
  const { capabilities, createdAt, ...fields } = account;
  return tx.account.create({
    data: {
      ...fields,
      kind: 'connected',
      ...(createdAt ? { createdAt, updatedAt: createdAt } : {}),
      capabilities: {
        create: capabilities.map((c) => ({ name: c.name, requested: true, status: c.status, ...(createdAt ? { updatedAt: createdAt } : {}) })),
      },
    },
    include: { capabilities: true },
  });
}

/** Locks one of a platform's account rows: serialises the use cases that count or change its financial accounts. */
export async function lockAccount(tx: TransactionClient, platformId: string, accountId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Account" WHERE "id" = ${accountId} AND "platformId" = ${platformId} FOR UPDATE`;
}

/** One of the platform's connected accounts in the scope's mode, or null. */
export function findConnectedAccount(tx: TransactionClient, scope: AccountScope, id: string): Promise<Account | null> {
  return tx.account.findFirst({ where: { id, platformId: scope.platformId, livemode: scope.livemode, kind: 'connected' } });
}

/** The connected account, locked until the transaction ends; null when it is not the scope's. */
export async function lockConnectedAccount(tx: TransactionClient, scope: AccountScope, id: string): Promise<Account | null> {
  await lockAccount(tx, scope.platformId, id);
  return findConnectedAccount(tx, scope, id);
}

/** Any account of the scope (the platform's own, or a connected one), with its capabilities. */
export function findAccountWithCapabilities(tx: TransactionClient, scope: AccountScope, id: string) {
  return tx.account.findFirst({
    where: { id, platformId: scope.platformId, livemode: scope.livemode },
    include: { capabilities: true },
  });
}

/** An account known to exist (e.g. the owner of a locked financial account). */
export function accountById(tx: TransactionClient, id: string): Promise<Account> {
  return tx.account.findUniqueOrThrow({ where: { id } });
}

export interface AccountChanges {
  displayName?: string | null;
  email?: string | null;
  country?: string;
  metadata?: Record<string, string>;
}

export function updateAccount(tx: TransactionClient, id: string, changes: AccountChanges, at?: Date): Promise<Account> {
  return tx.account.update({ where: { id }, data: { ...(changes as Prisma.AccountUpdateInput), ...(at ? { updatedAt: at } : {}) } });
}

export function capabilitiesOf(tx: TransactionClient, accountId: string): Promise<AccountCapability[]> {
  return tx.accountCapability.findMany({ where: { accountId } });
}

/** Requests a capability with its status, or changes the status of one requested before. */
export function setCapability(tx: TransactionClient, accountId: string, name: CapabilityName, status: CapabilityStatus, at?: Date) {
  const stamp = at ? { updatedAt: at } : {};
  return tx.accountCapability.upsert({
    where: { accountId_name: { accountId, name } },
    create: { accountId, name, requested: true, status, ...stamp },
    update: { requested: true, status, ...stamp },
  });
}
