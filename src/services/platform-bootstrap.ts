// Platforms: a new gateway's first start makes the platform, its test-mode
// secret key and its own financial account, which Stripe provisions for every
// Treasury platform (its features active at once: there is no onboarding to
// wait for). The demo seed and the tests make platforms the same way.
import type { TransactionClient } from '../db/client.ts';
import { createFinancialAccount, loadFinancialAccountState } from '../db/financial-accounts.ts';
import { createPlatform, findFirstPlatform, lockPlatformBootstrap } from '../db/platforms.ts';
import { FEATURES } from '../domain/features.ts';
import { newId } from '../domain/ids.ts';
import { mergeMetadata } from '../domain/metadata.ts';
import { hashSecret, newSecretKey } from '../domain/secrets.ts';
import { reconcileFeatures } from './feature-lifecycle.ts';
import { WriteConflict, type ChangeSet, type UnitOfWork } from './unit-of-work.ts';

export interface NewPlatformInput {
  name: string;
  email?: string | null;
  metadata?: Record<string, string> | null;
  /** The mode of its first secret key (default test mode). */
  livemode?: boolean;
  /** Its own financial account, provisioned with every feature but card issuing active. */
  financialAccount?: { nickname: string; metadata?: Record<string, string> | null; at?: Date } | null;
  /** When it happens (default now). */
  at?: Date;
}

/** Platforms and their first secret key. There is no API for this: a gateway's operator (or its first start) makes them. */
export class PlatformService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Makes a platform; returns its secret key, the only time the secret exists in clear. */
  async create(input: NewPlatformInput): Promise<{ platformId: string; secretKey: string; financialAccountId: string | null }> {
    return this.unitOfWork.run((tx, changes) => createPlatformIn(tx, changes, input));
  }

  /** Creates the platform unless one exists; returns its secret key only when it was just made (it is never shown again). */
  async ensure(options: { name: string }): Promise<{ platformId: string; secretKey: string | null }> {
    return this.unitOfWork.run(async (tx, changes) => {
      // Several instances may start at once on one database: one of them creates the platform.
      await lockPlatformBootstrap(tx);
      const existing = await findFirstPlatform(tx);
      if (existing) return { platformId: existing.id, secretKey: null };
      const { platformId, secretKey } = await createPlatformIn(tx, changes, {
        name: options.name,
        financialAccount: { nickname: 'Platform' },
      });
      return { platformId, secretKey };
    });
  }
}

async function createPlatformIn(tx: TransactionClient, changes: ChangeSet, input: NewPlatformInput) {
  const platformId = newId('ConnectedAccount');
  const livemode = input.livemode ?? false;
  const secretKey = newSecretKey(livemode);
  await createPlatform(tx, {
    id: platformId,
    displayName: input.name,
    email: input.email ?? null,
    metadata: mergeMetadata({}, input.metadata),
    livemode,
    createdAt: input.at,
    key: { id: newId('ApiKey'), secretHash: hashSecret(secretKey), last4: secretKey.slice(-4) },
  });
  if (!input.financialAccount) return { platformId, secretKey, financialAccountId: null };
  const written = await createFinancialAccount(tx, {
    id: newId('FinancialAccount'),
    platformId,
    accountId: platformId,
    livemode,
    nickname: input.financialAccount.nickname,
    metadata: mergeMetadata({}, input.financialAccount.metadata),
    isDefault: true,
    supportedCurrencies: ['usd'],
    inboundFlows: null,
    outboundFlows: null,
    createdAt: input.financialAccount.at ?? input.at,
  });
  if (!written.ok) throw new WriteConflict(written.code);
  const provisioned = await reconcileFeatures(tx, await loadFinancialAccountState(tx, written.value), 'all_active', {
    requests: FEATURES.filter((f) => f !== 'card_issuing').map((feature) => ({ feature, requested: true })),
    activate: true,
    holderName: input.name,
    at: input.financialAccount.at ?? input.at,
  });
  changes.emit('treasury.financial_account.created', provisioned.state);
  return { platformId, secretKey, financialAccountId: written.value.id };
}

/** The first start's platform (see PlatformService.ensure). */
export function ensurePlatform(unitOfWork: UnitOfWork, options: { name: string }) {
  return new PlatformService(unitOfWork).ensure(options);
}
