// Account sessions: the platform hands a connected account's frontend a
// short-lived client secret instead of its own secret key.
import { findConnectedAccount } from '../db/accounts.ts';
import { createAccountSession } from '../db/account-sessions.ts';
import { PermissionError, UserInputError } from '../domain/errors.ts';
import { idType, newId } from '../domain/ids.ts';
import { hashSecret, newClientSecret } from '../domain/secrets.ts';
import type { Viewer } from '../domain/viewer.ts';
import type { UnitOfWork } from './unit-of-work.ts';

export interface CreateAccountSessionInput {
  account: string;
}

export interface CreatedAccountSession {
  id: string;
  accountId: string;
  livemode: boolean;
  clientSecret: string;
  expiresAt: Date;
}

/** Account sessions: short-lived credentials the platform hands to one connected account's frontend. */
export class AccountSessionService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    readonly ttlSeconds: number,
  ) {}

  /** Creates a session for one of the platform's connected accounts (platform secret key only). */
  async create(viewer: Viewer, input: CreateAccountSessionInput, now = new Date()): Promise<CreatedAccountSession> {
    if (viewer.credential !== 'secret_key') {
      throw new PermissionError('Only the platform, with its secret key, can create account sessions.');
    }
    if (idType(input.account) !== 'ConnectedAccount') {
      throw new UserInputError('resource_missing', `No such connected account: '${input.account}'.`, ['account']);
    }
    return this.unitOfWork.run(async (tx) => {
      // With Stripe-Context the platform acts as one account: it can only open a session for that one.
      const account = viewer.accountId && viewer.accountId !== input.account ? null : await findConnectedAccount(tx, viewer, input.account);
      if (!account) {
        throw new UserInputError('resource_missing', `No such connected account: '${input.account}'.`, ['account']);
      }
      const clientSecret = newClientSecret();
      const session = await createAccountSession(tx, {
        id: newId('AccountSession'),
        platformId: viewer.platformId,
        accountId: account.id,
        livemode: viewer.livemode,
        secretHash: hashSecret(clientSecret),
        expiresAt: new Date(now.getTime() + this.ttlSeconds * 1000),
        createdAt: now,
      });
      return { id: session.id, accountId: session.accountId, livemode: session.livemode, clientSecret, expiresAt: session.expiresAt };
    });
  }
}
