// Turns a request's credentials into a Viewer, or refuses them.
//
// `Authorization: Bearer sk_...` acts as the platform; with `Stripe-Context`
// (or Stripe's older `Stripe-Account`) naming one of its connected accounts it
// acts as that account. `Authorization: Bearer accs_secret__...` is an account
// session: one connected account, until it expires.
import type { Database } from '../db/database.ts';
import { findAccountSession, findApiKey, findConnectedAccountOf } from '../db/credentials.ts';
import { AuthenticationError } from '../domain/errors.ts';
import { isIdOf } from '../domain/ids.ts';
import { INPUT_LIMITS, textProblem } from '../domain/input-limits.ts';
import { credentialKind, hashSecret } from '../domain/secrets.ts';
import type { Viewer } from '../domain/viewer.ts';

export interface RequestCredentials {
  authorization?: string | null;
  stripeContext?: string | null;
}

export async function authenticate(
  db: Pick<Database, 'read'>,
  credentials: RequestCredentials,
  now = new Date(),
): Promise<Viewer> {
  const header = credentials.authorization?.trim();
  // Checked before any lookup: the database cannot compare text with NUL in it, and no credential is this long.
  const headerProblem = header ? textProblem(header, INPUT_LIMITS.credential) : null;
  if (headerProblem) throw new AuthenticationError(`The Authorization header ${headerProblem.problem}.`);
  if (!header) {
    throw new AuthenticationError(
      'No credential: send `Authorization: Bearer <platform secret key or account session client secret>`.',
    );
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AuthenticationError('The Authorization header must be `Bearer <credential>`.');
  const token = match[1];
  const kind = credentialKind(token);

  if (kind === 'secret_key') {
    const key = await findApiKey(db, hashSecret(token));
    if (!key || key.revokedAt) throw new AuthenticationError('Invalid API key.');
    const viewer: Viewer = {
      platformId: key.platformId,
      livemode: key.livemode,
      accountId: null,
      credential: 'secret_key',
      credentialId: key.id,
      expiresAt: null,
    };
    const context = credentials.stripeContext?.trim();
    if (context && !isIdOf('ConnectedAccount', context)) {
      // Not echoed: it may be anything, of any length.
      throw new AuthenticationError('Stripe-Context must be the id of a connected account (`acct_...`).');
    }
    if (context) {
      const account = await findConnectedAccountOf(db, key.platformId, key.livemode, context);
      // Naming an account that is not the platform's must not reveal whether it exists elsewhere.
      if (!account) throw new AuthenticationError(`Stripe-Context names no connected account of this platform: ${context}.`);
      viewer.accountId = account.id;
    }
    return viewer;
  }

  if (kind === 'client_secret') {
    if (credentials.stripeContext?.trim()) {
      throw new AuthenticationError('An account session cannot use Stripe-Context: it already acts as one account.');
    }
    const session = await findAccountSession(db, hashSecret(token));
    if (!session) throw new AuthenticationError('Invalid account session client secret.');
    if (session.expiresAt.getTime() <= now.getTime()) {
      throw new AuthenticationError('The account session has expired: ask the platform for a new one.');
    }
    return {
      platformId: session.platformId,
      livemode: session.livemode,
      accountId: session.accountId,
      credential: 'client_secret',
      credentialId: session.id,
      expiresAt: session.expiresAt,
    };
  }

  throw new AuthenticationError('Invalid credential: expected a platform secret key or an account session client secret.');
}
