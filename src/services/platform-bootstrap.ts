// A new gateway's first start: the platform, its test-mode secret key and its
// own financial account, which Stripe provisions for every Treasury platform
// (its features active at once: there is no onboarding to wait for).
import { loadFinancialAccountState } from '../db/financial-accounts.ts';
import { FEATURES } from '../domain/features.ts';
import { newId } from '../domain/ids.ts';
import { hashSecret, newSecretKey } from '../domain/secrets.ts';
import { emitFinancialAccountEvent, reconcileFeatures } from './feature-lifecycle.ts';
import type { UnitOfWork } from './unit-of-work.ts';

/** Creates the platform unless one exists; returns its secret key only when it was just made (it is never shown again). */
const PLATFORM_BOOTSTRAP_LOCK = 0x706c6174; // "plat"

export async function ensurePlatform(
  unitOfWork: UnitOfWork,
  options: { name: string },
): Promise<{ platformId: string; secretKey: string | null }> {
  return unitOfWork.run(async (tx, changes) => {
    // Several instances may start at once on one database: one of them creates the platform.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PLATFORM_BOOTSTRAP_LOCK})`;
    const existing = await tx.account.findFirst({ where: { kind: 'platform' }, orderBy: { createdAt: 'asc' } });
    if (existing) return { platformId: existing.id, secretKey: null };

    const platformId = newId('ConnectedAccount');
    const secretKey = newSecretKey(false);
    await tx.account.create({ data: { id: platformId, kind: 'platform', platformId, displayName: options.name } });
    await tx.apiKey.create({
      data: { id: newId('ApiKey'), platformId, livemode: false, secretHash: hashSecret(secretKey), last4: secretKey.slice(-4) },
    });
    const account = await tx.financialAccount.create({
      data: {
        id: newId('FinancialAccount'),
        platformId,
        accountId: platformId,
        nickname: 'Platform',
        isDefault: true,
        supportedCurrencies: ['usd'],
      },
    });
    const provisioned = await reconcileFeatures(tx, await loadFinancialAccountState(tx, account), 'all_active', {
      requests: FEATURES.filter((f) => f !== 'card_issuing').map((feature) => ({ feature, requested: true })),
      activate: true,
      holderName: options.name,
    });
    emitFinancialAccountEvent(changes, 'created', provisioned.state);
    return { platformId, secretKey };
  });
}
