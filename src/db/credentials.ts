// Credential lookups: API keys and account sessions by the hash of their secret.
import type { PrismaClient } from './generated/client.ts';

export function findApiKey(prisma: PrismaClient, secretHash: string) {
  return prisma.apiKey.findUnique({ where: { secretHash } });
}

export function findAccountSession(prisma: PrismaClient, secretHash: string) {
  return prisma.accountSession.findUnique({ where: { secretHash } });
}

/** The connected account a platform names in Stripe-Context, if it is one of its own in the key's mode. */
export function findConnectedAccountOf(prisma: PrismaClient, platformId: string, livemode: boolean, accountId: string) {
  return prisma.account.findFirst({ where: { id: accountId, platformId, livemode, kind: 'connected' }, select: { id: true } });
}
