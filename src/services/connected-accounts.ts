// Connected accounts: the platform creates and updates them. A capability's
// status stands in for Stripe's onboarding; changing it re-derives the
// features of the account's open financial accounts.
import type { Account, AccountCapability } from '../db/generated/client.ts';
import type { TransactionClient } from '../db/client.ts';
import {
  capabilitiesOf,
  createConnectedAccount,
  lockConnectedAccount,
  setCapability,
  updateAccount,
  type AccountChanges,
} from '../db/accounts.ts';
import { loadFinancialAccountState, lockOpenFinancialAccountsOf } from '../db/financial-accounts.ts';
import { PermissionError, UserInputError } from '../domain/errors.ts';
import { CAPABILITIES, type CapabilityName, type CapabilityStatus } from '../domain/features.ts';
import { idType, newId } from '../domain/ids.ts';
import { INPUT_LIMITS } from '../domain/input-limits.ts';
import { mergeMetadata } from '../domain/metadata.ts';
import type { Viewer } from '../domain/viewer.ts';
import { reconcileFeatures, type FeatureActivator } from './feature-lifecycle.ts';
import { idempotently } from './idempotency.ts';
import { retryOnceOnConflict, type ChangeSet, type UnitOfWork } from './unit-of-work.ts';

export interface CapabilityInput {
  name: CapabilityName;
  /** The onboarding status; a newly requested capability starts `inactive` unless given. */
  status?: CapabilityStatus | null;
}

export interface CreateConnectedAccountInput {
  displayName?: string | null;
  email?: string | null;
  country?: string | null;
  metadata?: Record<string, string> | null;
  capabilities?: CapabilityInput[] | null;
}

export interface UpdateConnectedAccountInput extends CreateConnectedAccountInput {
  account: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Connected accounts: the platform creates and updates them; a capability change re-derives their financial accounts' features. */
export class ConnectedAccountService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly activator: FeatureActivator,
  ) {}

  /** `at`: when it happens (default now); the demo seed and the tests build worlds with a history. */
  async create(viewer: Viewer, input: CreateConnectedAccountInput, idempotencyKey?: string | null, at?: Date): Promise<{ id: string }> {
    onlyThePlatform(viewer);
    return retryOnceOnConflict(() =>
      this.unitOfWork.run(async (tx, changes) => {
        const result = await idempotently(tx, viewer, idempotencyKey, 'createConnectedAccount', input, async () => {
          const fields = checkProfile(input);
          const capabilities = checkCapabilities(input.capabilities);
          const account = await createConnectedAccount(tx, {
            id: newId('ConnectedAccount'),
            platformId: viewer.platformId,
            livemode: viewer.livemode,
            displayName: fields.displayName ?? null,
            email: fields.email ?? null,
            country: fields.country ?? 'US',
            metadata: mergeMetadata({}, input.metadata),
            capabilities: capabilities.map((c) => ({ name: c.name, status: c.status ?? 'inactive' })),
            createdAt: at,
          });
          changes.emit('account.created', { account, capabilities: account.capabilities });
          return account.id;
        });
        return { id: result.id };
      }),
    );
  }

  async update(viewer: Viewer, input: UpdateConnectedAccountInput, at?: Date): Promise<{ id: string }> {
    onlyThePlatform(viewer);
    return this.unitOfWork.run(async (tx, changes) => {
      const account = await this.lockAccountOf(tx, viewer, input.account);
      const fields = checkProfile(input);
      const data: AccountChanges = {};
      const previous: Record<string, unknown> = {};
      if (fields.displayName !== undefined) (data.displayName = fields.displayName), (previous.business_profile = { name: account.displayName });
      if (fields.email !== undefined) (data.email = fields.email), (previous.email = account.email);
      if (fields.country !== undefined && fields.country !== null) (data.country = fields.country), (previous.country = account.country);
      if (input.metadata) {
        data.metadata = mergeMetadata(account.metadata as Record<string, string>, input.metadata);
        previous.metadata = account.metadata;
      }
      const updated = Object.keys(data).length ? await updateAccount(tx, account.id, data, at) : account;

      const before = await capabilitiesOf(tx, account.id);
      const changedCapabilities: AccountCapability[] = [];
      for (const capability of checkCapabilities(input.capabilities)) {
        const current = before.find((c) => c.name === capability.name);
        const status = capability.status ?? current?.status ?? 'inactive';
        if (current && current.status === status && current.requested) continue;
        changedCapabilities.push(await setCapability(tx, account.id, capability.name, status, at));
      }
      const capabilities = await capabilitiesOf(tx, account.id);
      if (changedCapabilities.length) previous.capabilities = Object.fromEntries(before.map((c) => [c.name, c.status]));
      if (Object.keys(previous).length) changes.emit('account.updated', { account: updated, capabilities }, previous);
      for (const capability of changedCapabilities) changes.emit('capability.updated', { account: updated, capability });
      if (changedCapabilities.length) await this.rederiveFeatures(tx, changes, updated, capabilities, at);
      return { id: account.id };
    });
  }

  /** Capabilities changed: every open financial account of the account re-derives its features. */
  private async rederiveFeatures(tx: TransactionClient, changes: ChangeSet, account: Account, capabilities: AccountCapability[], at?: Date) {
    // Locked all at once, in the one order every movement locks accounts in, and read as locked.
    for (const fa of await lockOpenFinancialAccountsOf(tx, account.id)) {
      const result = await reconcileFeatures(tx, await loadFinancialAccountState(tx, fa), capabilities, {
        holderName: account.displayName ?? 'Account holder',
        at,
      });
      if (result.statusChanged) changes.emit('treasury.financial_account.features_status_updated', result.state);
      if (result.activating) changes.afterCommit(() => this.activator.schedule(fa.id));
    }
  }

  private async lockAccountOf(tx: TransactionClient, viewer: Viewer, id: string) {
    const missing = () => new UserInputError('resource_missing', `No such connected account: '${id}'.`, ['account']);
    if (idType(id) !== 'ConnectedAccount') throw missing();
    const account = await lockConnectedAccount(tx, viewer, id);
    if (!account) throw missing();
    return account;
  }
}

function onlyThePlatform(viewer: Viewer): void {
  if (viewer.credential !== 'secret_key' || viewer.accountId) {
    throw new PermissionError('Only the platform, with its secret key and without Stripe-Context, can create or update connected accounts.');
  }
}

function checkProfile(input: CreateConnectedAccountInput) {
  const out: { displayName?: string | null; email?: string | null; country?: string | null } = {};
  if (input.displayName !== undefined) {
    const name = input.displayName?.trim() ?? null;
    if (name !== null && name.length === 0) throw new UserInputError('parameter_invalid_empty', 'The display name cannot be blank.', ['displayName']);
    if (name !== null && name.length > INPUT_LIMITS.displayName) {
      throw new UserInputError(
        'parameter_invalid_string_too_long',
        `The display name must be at most ${INPUT_LIMITS.displayName} characters.`,
        ['displayName'],
      );
    }
    out.displayName = name;
  }
  if (input.email !== undefined) {
    const email = input.email?.trim() ?? null;
    if (email !== null && (!EMAIL.test(email) || email.length > INPUT_LIMITS.email)) {
      throw new UserInputError('email_invalid', `'${email.slice(0, 80)}' is not a valid email address.`, ['email']);
    }
    out.email = email;
  }
  if (input.country !== undefined && input.country !== null) {
    if (!/^[A-Z]{2}$/.test(input.country)) {
      throw new UserInputError('country_invalid', `'${input.country}' is not a two-letter ISO country code (e.g. US).`, ['country']);
    }
    out.country = input.country;
  }
  return out;
}

function checkCapabilities(capabilities: CapabilityInput[] | null | undefined): CapabilityInput[] {
  const seen = new Set<string>();
  for (const [index, capability] of (capabilities ?? []).entries()) {
    if (!CAPABILITIES.includes(capability.name)) {
      throw new UserInputError('parameter_invalid', `Unknown capability ${capability.name}.`, ['capabilities', String(index)]);
    }
    if (seen.has(capability.name)) {
      throw new UserInputError('parameter_invalid', `The capability ${capability.name} is listed twice.`, ['capabilities', String(index)]);
    }
    seen.add(capability.name);
  }
  return capabilities ?? [];
}
