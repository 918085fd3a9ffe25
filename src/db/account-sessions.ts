// Account sessions: only the hash of a session's client secret is stored.
import type { AccountSession } from './generated/client.ts';
import type { TransactionClient } from './client.ts';

export interface NewAccountSession {
  id: string;
  platformId: string;
  accountId: string;
  livemode: boolean;
  secretHash: string;
  expiresAt: Date;
  createdAt: Date;
}

export function createAccountSession(tx: TransactionClient, session: NewAccountSession): Promise<AccountSession> {
  return tx.accountSession.create({ data: session });
}
