// Who is asking. Every read and write is scoped by a Viewer: the platform it
// acts for, the mode (test or live) of its key, and, when it acts as one
// connected account, that account. Objects outside the scope do not exist for it.

export interface Viewer {
  platformId: string;
  livemode: boolean;
  /** The account it acts as; null when it acts as the whole platform. */
  accountId: string | null;
  /** A platform secret key (possibly with Stripe-Context) or an account session's client secret. */
  credential: 'secret_key' | 'client_secret';
  /** The credential's own id (the API key's, or the account session's): what its operation budget is kept under. */
  credentialId: string;
  /** When the credential stops being valid; null for keys that do not expire. */
  expiresAt: Date | null;
}

/** The platform itself, not narrowed to one account. */
export function isPlatformWide(viewer: Viewer): boolean {
  return viewer.accountId === null;
}

/** Only the platform's secret key may see full account numbers (Stripe's expand of `aba.account_number`). */
export function maySeeAccountNumbers(viewer: Viewer): boolean {
  return viewer.credential === 'secret_key';
}
