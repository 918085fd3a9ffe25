// The feature lifecycle of financial accounts: bringing an account's features
// to where the rules in src/domain/features.ts put them, and the asynchronous
// activation that moves PENDING (activating) features to ACTIVE after the
// request that asked for them, as Stripe does.
import type { AccountCapability, PrismaClient } from '../db/generated/client.ts';
import type { TransactionClient } from '../db/client.ts';
import { capabilitiesOf } from '../db/accounts.ts';
import { createFinancialAddress, financialAccountsActivating, saveFeatureSetting } from '../db/features.ts';
import { loadFinancialAccountState, lockFinancialAccountWithOwner } from '../db/financial-accounts.ts';
import {
  CAPABILITIES,
  FEATURES,
  nextFeatureState,
  sameFeatureState,
  targetFeatureState,
  isActivating,
  type CapabilityName,
  type Feature,
  type FeatureState,
  type StatusDetail,
} from '../domain/features.ts';
import { newId } from '../domain/ids.ts';
import type { FinancialAccountState } from '../events/stripe-objects.ts';
import { DeferredWork } from './deferred-work.ts';
import type { UnitOfWork } from './unit-of-work.ts';

export interface FeatureRequest {
  feature: Feature;
  requested: boolean;
}

// Test-mode ABA details: Stripe's test bank and routing number.
const TEST_BANK = { bankName: 'STRIPE TEST BANK', routingNumber: '110000000' };

/**
 * Applies requests (requested flags) and re-derives every feature's state.
 * With `activate`, features whose rules allow it become ACTIVE now; otherwise
 * they become PENDING (activating) and wait for the activator. Writes the
 * changed rows and, when ABA becomes active, the financial address.
 * Returns the new state and what changed: `state` itself when nothing did
 * (no statement then: most updates change no feature).
 */
export async function reconcileFeatures(
  tx: TransactionClient,
  state: FinancialAccountState,
  capabilities: AccountCapability[] | 'all_active',
  /**
   * `holderName`: the name a new ABA address carries; a function when finding it costs a read
   * that only a new address needs. `at`: when it happens (default now).
   */
  options: { requests?: FeatureRequest[]; activate?: boolean; holderName: string | (() => Promise<string>); at?: Date },
): Promise<{ state: FinancialAccountState; statusChanged: boolean; activating: boolean }> {
  const fa = state.account;
  const capabilityStatus =
    capabilities === 'all_active'
      ? Object.fromEntries(CAPABILITIES.map((c) => [c, 'active' as const]))
      : Object.fromEntries(capabilities.map((c) => [c.name, c.status]));
  const context = {
    accountOpen: fa.status === 'open',
    capabilities: capabilityStatus as Partial<Record<CapabilityName, 'active' | 'inactive' | 'pending'>>,
    restrictions: { inboundFlows: fa.inboundFlows, outboundFlows: fa.outboundFlows },
  };
  const existing = new Map(state.features.map((f) => [f.feature as Feature, f]));
  const requested = new Map<Feature, boolean>([...existing].map(([feature, row]) => [feature, row.requested]));
  for (const request of options.requests ?? []) requested.set(request.feature, request.requested);

  let statusChanged = false;
  let activating = false;
  let wrote = false;
  // Each feature's status once this is done: the row's as it was, or as written.
  const statusAfter = new Map([...existing].map(([feature, row]) => [feature, row.status]));
  for (const feature of FEATURES) {
    if (!requested.has(feature)) continue;
    const wanted = requested.get(feature)!;
    const row = existing.get(feature);
    const current: FeatureState | null = row ? { status: row.status, statusDetails: row.statusDetails as unknown as StatusDetail[] } : null;
    const target = targetFeatureState(feature, wanted, context);
    const next = options.activate && target.status === 'active' ? target : nextFeatureState(current, target);
    if (isActivating(next)) activating = true;
    const stateChanged = !current || !sameFeatureState(current, next);
    if (!stateChanged && row?.requested === wanted) continue;
    if (stateChanged) statusChanged = true;
    await saveFeatureSetting(tx, fa.id, feature, { requested: wanted, ...next }, { exists: Boolean(row), at: options.at });
    statusAfter.set(feature, next.status);
    wrote = true;
  }

  const abaActive = requested.get('financial_addresses_aba') && statusAfter.get('financial_addresses_aba') === 'active';
  if (abaActive && !state.addresses.some((a) => a.type === 'aba')) {
    const accountNumber = randomAccountNumber();
    const holderName = typeof options.holderName === 'string' ? options.holderName : await options.holderName();
    await createFinancialAddress(tx, {
      id: newId('FinancialAddress'),
      financialAccountId: fa.id,
      type: 'aba',
      accountHolderName: holderName,
      accountNumber,
      accountNumberLast4: accountNumber.slice(-4),
      supportedNetworks: ['ach', 'us_domestic_wire'],
      ...TEST_BANK,
      ...(options.at ? { createdAt: options.at } : {}),
    });
    wrote = true;
  }
  return { state: wrote ? await loadFinancialAccountState(tx, fa) : state, statusChanged, activating };
}

function randomAccountNumber(): string {
  // 12 digits, the first never 0.
  let digits = String(1 + Math.floor(Math.random() * 9));
  while (digits.length < 12) digits += String(Math.floor(Math.random() * 10));
  return digits;
}

/** The capabilities that govern a financial account's features: the platform's own accounts have them all. */
export async function governingCapabilities(tx: TransactionClient, fa: { accountId: string; platformId: string }) {
  return fa.accountId === fa.platformId ? ('all_active' as const) : capabilitiesOf(tx, fa.accountId);
}

/**
 * Moves activating features to ACTIVE after the request that asked for them:
 * soon after each scheduling, and in a periodic sweep that also catches work
 * left behind by a restart or by another gateway instance.
 */
export class FeatureActivator extends DeferredWork {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly unitOfWork: UnitOfWork,
    options: { delayMs: number; sweepIntervalMs: number },
    logError: (error: unknown) => void,
  ) {
    super(options, logError);
  }

  protected run(financialAccountId: string): Promise<void> {
    return this.activate(financialAccountId);
  }

  protected pending(): Promise<string[]> {
    return financialAccountsActivating(this.prisma);
  }

  /** Activates what can be activated on one financial account, with its event; `at`: when (default now). */
  async activate(financialAccountId: string, at?: Date): Promise<void> {
    await this.unitOfWork.run(async (tx, changes) => {
      const fa = await lockFinancialAccountWithOwner(tx, financialAccountId);
      if (!fa || fa.status !== 'open') return;
      const { account, ...row } = fa;
      const before = await loadFinancialAccountState(tx, row);
      const result = await reconcileFeatures(tx, before, await governingCapabilities(tx, row), {
        activate: true,
        holderName: account.displayName ?? 'Account holder',
        at,
      });
      if (result.statusChanged) changes.emit('treasury.financial_account.features_status_updated', result.state);
    });
  }
}
