// Platforms and their API keys.
import type { Account } from './generated/client.ts';
import type { TransactionClient } from './client.ts';

// Several instances may start at once on one database: one of them creates the platform.
const PLATFORM_BOOTSTRAP_LOCK = 0x706c6174; // "plat"

/** Serialises the first start's platform creation across instances, until the transaction ends. */
export async function lockPlatformBootstrap(tx: TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PLATFORM_BOOTSTRAP_LOCK})`;
}

/** The first platform created, if there is one. */
export function findFirstPlatform(tx: TransactionClient): Promise<Account | null> {
  return tx.account.findFirst({ where: { kind: 'platform' }, orderBy: { createdAt: 'asc' } });
}

export interface NewPlatform {
  id: string;
  displayName: string;
  email?: string | null;
  metadata?: Record<string, string>;
  livemode: boolean;
  createdAt?: Date;
  /** Its first secret key, by the hash of its secret. */
  key: { id: string; secretHash: string; last4: string };
}

/** A platform account (its own platform) and its first secret key, in the platform's mode. */
export async function createPlatform(tx: TransactionClient, platform: NewPlatform): Promise<Account> {
  const { key, createdAt, ...fields } = platform;
  const stamp = createdAt ? { createdAt } : {};
  const account = await tx.account.create({
    data: { ...fields, kind: 'platform', platformId: platform.id, ...stamp, ...(createdAt ? { updatedAt: createdAt } : {}) },
  });
  await tx.apiKey.create({ data: { ...key, platformId: platform.id, livemode: platform.livemode, ...stamp } });
  return account;
}

export async function hasPlatform(tx: TransactionClient): Promise<boolean> {
  return (await tx.account.count({ where: { kind: 'platform' } })) > 0;
}
