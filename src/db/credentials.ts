// Credential lookups: API keys and account sessions by the hash of their secret.
//
// Every request and every WebSocket connection makes one of these, so they are
// raw reads (rows.ts), the same rows as Prisma's: a Prisma query's own CPU cost
// (about 0.5 ms here, against 0.08 ms for the raw read) was most of what a small
// request such as one financial account's balance cost.
import type { ApiKey, AccountSession } from './generated/client.ts';
import type { Database } from './database.ts';
import { Prisma } from './generated/client.ts';
import { rowsWhereIn } from './rows.ts';

type Reader = Pick<Database, 'read'>;

export async function findApiKey(db: Reader, secretHash: string): Promise<ApiKey | null> {
  const [key] = await rowsWhereIn<ApiKey>(db, { table: 'ApiKey', where: [] }, [secretHash], 'secretHash');
  return key ?? null;
}

export async function findAccountSession(db: Reader, secretHash: string): Promise<AccountSession | null> {
  const [session] = await rowsWhereIn<AccountSession>(db, { table: 'AccountSession', where: [] }, [secretHash], 'secretHash');
  return session ?? null;
}

/** The connected account a platform names in Stripe-Context, if it is one of its own in the key's mode. */
export async function findConnectedAccountOf(db: Reader, platformId: string, livemode: boolean, accountId: string): Promise<{ id: string } | null> {
  const [account] = await rowsWhereIn<{ id: string }>(
    db,
    { table: 'Account', where: [Prisma.sql`t."platformId" = ${platformId}`, Prisma.sql`t."livemode" = ${livemode}`, Prisma.sql`t."kind" = 'connected'`] },
    [accountId],
  );
  return account ? { id: account.id } : null;
}
