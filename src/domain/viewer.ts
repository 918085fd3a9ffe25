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

/** The columns that say whose a row is: every tenant-owned table, and every event, carries them. */
export interface Owned {
  platformId: string;
  livemode: boolean;
  accountId: string;
}

/** The owner columns, in the order queries name them. */
export const OWNER_COLUMNS = ['platformId', 'livemode', 'accountId'] as const;

/** The owner columns a viewer is confined to, each with the value it must hold. */
export type Scope = Pick<Owned, 'platformId' | 'livemode'> & Partial<Pick<Owned, 'accountId'>>;

/**
 * What a row's owner columns must hold for the viewer to see it: its platform and mode, and its account when it acts
 * as one. The rule as data, read two ways: `canSee` for a row in hand, and src/db/scope.ts for the conditions of a
 * query (the same columns and values, as `column = value` ANDed), so the two cannot drift.
 */
export function scopeOf(viewer: Viewer): Scope {
  return viewer.accountId === null
    ? { platformId: viewer.platformId, livemode: viewer.livemode }
    : { platformId: viewer.platformId, livemode: viewer.livemode, accountId: viewer.accountId };
}

/** May this viewer see this row: every column of its scope holds the scope's value. */
export function canSee(viewer: Viewer, row: Owned): boolean {
  const scope = scopeOf(viewer);
  return OWNER_COLUMNS.every((column) => scope[column] === undefined || row[column] === scope[column]);
}
