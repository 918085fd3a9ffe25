// Credentials: platform secret keys and account-session client secrets.
// Only a SHA-256 hash of a secret is ever stored; the secret itself is shown
// once, when it is made. The secrets carry ~190 bits of randomness, so a plain
// (unsalted) hash is enough to make a stolen table useless.
import { createHash } from 'node:crypto';
import { randomToken } from './ids.ts';

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A new platform secret key: `sk_test_...` or `sk_live_...`. */
export function newSecretKey(livemode: boolean): string {
  return `sk_${livemode ? 'live' : 'test'}_${randomToken(32)}`;
}

/** A new account-session client secret, in Stripe's `accs_secret__` form. */
export function newClientSecret(): string {
  return `accs_secret__${randomToken(32)}`;
}

export type CredentialKind = 'secret_key' | 'client_secret';

/** Which kind of credential a bearer token claims to be, from its shape alone. */
export function credentialKind(token: string): CredentialKind | undefined {
  if (/^sk_(test|live)_[0-9A-Za-z]{16,128}$/.test(token)) return 'secret_key';
  if (/^accs_secret__[0-9A-Za-z]{16,128}$/.test(token)) return 'client_secret';
  return undefined;
}
