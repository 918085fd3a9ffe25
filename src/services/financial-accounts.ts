// Financial accounts: create, update and close, with Stripe's rules. Each use
// case checks who may do it, changes state and writes its events in one
// transaction (see unit-of-work.ts); activation of requested features follows
// asynchronously (see feature-lifecycle.ts).
import type { FinancialAccount } from '../db/generated/client.ts';
import type { TransactionClient } from '../db/client.ts';
import { accountById, findAccountWithCapabilities, lockAccount } from '../db/accounts.ts';
import {
  closeFinancialAccount,
  countOpenFinancialAccounts,
  createFinancialAccount,
  lockFinancialAccount,
  loadFinancialAccountState,
  nicknameTaken,
  updateFinancialAccount,
  type FinancialAccountChanges,
} from '../db/financial-accounts.ts';
import { processingInboundTransfersOf } from '../db/inbound-transfers.ts';
import { UserInputError } from '../domain/errors.ts';
import type { Feature } from '../domain/features.ts';
import { idType, newId } from '../domain/ids.ts';
import { INPUT_LIMITS } from '../domain/input-limits.ts';
import { mergeMetadata } from '../domain/metadata.ts';
import type { Viewer } from '../domain/viewer.ts';
import type { PlatformRestriction } from '../domain/financial-accounts.ts';
import { governingCapabilities, reconcileFeatures, type FeatureActivator, type FeatureRequest } from './feature-lifecycle.ts';
import { idempotently } from './idempotency.ts';
import { retryOnceOnConflict, WriteConflict, type UnitOfWork } from './unit-of-work.ts';

export const SUPPORTED_CURRENCIES = ['usd'] as const;
export const MAX_NICKNAME_LENGTH = INPUT_LIMITS.nickname;

type Restriction = PlatformRestriction;

export interface CreateFinancialAccountInput {
  /** The owner: a connected account (`acct_`); default the acting account, or the platform itself. */
  account?: string | null;
  supportedCurrencies: string[];
  features?: FeatureRequest[] | null;
  metadata?: Record<string, string> | null;
  nickname?: string | null;
  platformRestrictions?: { inboundFlows?: Restriction | null; outboundFlows?: Restriction | null } | null;
}

export interface UpdateFinancialAccountInput {
  financialAccount: string;
  features?: FeatureRequest[] | null;
  metadata?: Record<string, string> | null;
  /** A new nickname; null removes it; absent leaves it. */
  nickname?: string | null;
  platformRestrictions?: { inboundFlows?: Restriction | null; outboundFlows?: Restriction | null } | null;
}

export interface FinancialAccountServiceOptions {
  maxOpenFinancialAccountsPerAccount: number;
}

/** Financial accounts: open, change and close them under Stripe's rules. */
export class FinancialAccountService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly activator: FeatureActivator,
    private readonly options: FinancialAccountServiceOptions,
  ) {}

  /** `at`: when it happens (default now); the demo seed and the tests build worlds with a history. */
  async create(viewer: Viewer, input: CreateFinancialAccountInput, idempotencyKey?: string | null, at?: Date): Promise<{ id: string }> {
    const run = () =>
      this.unitOfWork.run(async (tx, changes) => {
        // Creates for one owner take turns, and take them before the idempotency
        // check: a concurrent replay then finds the first request's key instead
        // of running into the rules (nickname, limit) its own first run changed.
        const ownerId = input.account ?? viewer.accountId ?? viewer.platformId;
        if (idType(ownerId) === 'ConnectedAccount') await lockAccount(tx, viewer.platformId, ownerId);
        const result = await idempotently(tx, viewer, idempotencyKey, 'createFinancialAccount', input, async () => {
          const owner = await this.ownerFor(tx, viewer, input.account);
          checkCurrencies(input.supportedCurrencies);
          const nickname = input.nickname == null ? null : checkNickname(input.nickname);
          const metadata = mergeMetadata({}, input.metadata);
          if (input.platformRestrictions) onlyThePlatform(viewer, ['platformRestrictions']);
          const requests = checkFeatureRequests(input.features);

          const capabilities = owner.isPlatform ? ('all_active' as const) : owner.capabilities;
          if (capabilities !== 'all_active') {
            if (!capabilities.some((c) => c.name === 'treasury')) {
              throw new UserInputError(
                'capability_required',
                `The account ${owner.id} does not have the treasury capability: request it before creating financial accounts.`,
                ['account'],
              );
            }
            if (requests.some((r) => r.feature === 'card_issuing' && r.requested) && !capabilities.some((c) => c.name === 'card_issuing')) {
              throw new UserInputError(
                'capability_required',
                'The card_issuing feature needs the card_issuing capability, which the account does not have.',
                ['features'],
              );
            }
          }
          const open = await countOpenFinancialAccounts(tx, owner.id);
          if (open >= this.options.maxOpenFinancialAccountsPerAccount) {
            throw new UserInputError(
              'financial_account_limit_reached',
              `The account already has ${open} open financial accounts, the most it may have; close one first.`,
              ['account'],
            );
          }
          if (nickname && (await nicknameTaken(tx, owner.id, nickname))) throw nicknameInUse(nickname);

          const written = await createFinancialAccount(tx, {
            id: newId('FinancialAccount'),
            platformId: viewer.platformId,
            accountId: owner.id,
            livemode: viewer.livemode,
            nickname,
            metadata,
            supportedCurrencies: [...new Set(input.supportedCurrencies)],
            inboundFlows: input.platformRestrictions?.inboundFlows ?? null,
            outboundFlows: input.platformRestrictions?.outboundFlows ?? null,
            createdAt: at,
          });
          if (!written.ok) throw new WriteConflict(written.code);
          const account = written.value;
          const created = await reconcileFeatures(tx, await loadFinancialAccountState(tx, account), capabilities, {
            requests,
            holderName: owner.displayName,
            at,
          });
          changes.emit('treasury.financial_account.created', created.state);
          if (created.activating) changes.afterCommit(() => this.activator.schedule(account.id));
          return account.id;
        });
        return { id: result.id };
      });
    return retryOnceOnConflict(run);
  }

  async update(viewer: Viewer, input: UpdateFinancialAccountInput, at?: Date): Promise<{ id: string }> {
    return this.unitOfWork.run(async (tx, changes) => {
      const account = await this.lockOpenAccount(tx, viewer, input.financialAccount);
      const data: FinancialAccountChanges = {};
      const previous: Record<string, unknown> = {};
      if (input.metadata) {
        data.metadata = mergeMetadata(account.metadata as Record<string, string>, input.metadata);
        previous.metadata = account.metadata;
      }
      if (input.nickname !== undefined) {
        // A nickname another account of the owner has is refused by the database's unique index (below):
        // no read first, as the write itself answers.
        data.nickname = input.nickname === null ? null : checkNickname(input.nickname);
        previous.nickname = account.nickname;
      }
      if (input.platformRestrictions) {
        onlyThePlatform(viewer, ['platformRestrictions']);
        const { inboundFlows, outboundFlows } = input.platformRestrictions;
        if (inboundFlows) data.inboundFlows = inboundFlows;
        if (outboundFlows) data.outboundFlows = outboundFlows;
        previous.platform_restrictions = { inbound_flows: account.inboundFlows, outbound_flows: account.outboundFlows };
      }
      const requests = checkFeatureRequests(input.features);
      if (requests.some((r) => r.feature === 'card_issuing' && r.requested) && account.accountId !== account.platformId) {
        const capabilities = await governingCapabilities(tx, account);
        if (capabilities !== 'all_active' && !capabilities.some((c) => c.name === 'card_issuing')) {
          throw new UserInputError(
            'capability_required',
            'The card_issuing feature needs the card_issuing capability, which the account does not have.',
            ['features'],
          );
        }
      }

      let updated = account;
      if (Object.keys(data).length) {
        const written = await updateFinancialAccount(tx, account.id, data, at);
        if (!written.ok) throw nicknameInUse(String(data.nickname));
        updated = written.value;
      }
      const before = await loadFinancialAccountState(tx, updated);
      const result = await reconcileFeatures(tx, before, await governingCapabilities(tx, account), {
        requests,
        holderName: () => holderNameOf(tx, account.accountId),
        at,
      });
      if (Object.keys(previous).length || requests.length) changes.emit('treasury.financial_account.updated', result.state, previous);
      if (result.statusChanged) changes.emit('treasury.financial_account.features_status_updated', result.state);
      if (result.activating) changes.afterCommit(() => this.activator.schedule(account.id));
      return { id: account.id };
    });
  }

  /** Closes an account with a zero balance; it never reopens, and its history stays readable. */
  async close(viewer: Viewer, input: { financialAccount: string }, at?: Date): Promise<{ id: string }> {
    return this.unitOfWork.run(async (tx, changes) => {
      const account = await this.lockOpenAccount(tx, viewer, input.financialAccount);
      const state = await loadFinancialAccountState(tx, account);
      const nonZero = state.balanceSums.filter((s) => s.cash !== 0n || s.inboundPending !== 0n || s.outboundPending !== 0n);
      if (nonZero.length > 0) {
        const { currency, cash, inboundPending, outboundPending } = nonZero[0];
        throw new UserInputError(
          'balance_nonzero',
          `A financial account can only be closed with a zero balance; in ${currency} it has cash ${cash}, ` +
            `inbound pending ${inboundPending} and outbound pending ${outboundPending} (minor units).`,
          ['financialAccount'],
        );
      }
      // "has no pending InboundTransfers": money on its way in would arrive at a closed account.
      // The account's row lock is held, so no transfer starts meanwhile; its steps take the same lock.
      const pendingInbound = await processingInboundTransfersOf(tx, account.id);
      if (pendingInbound.length > 0) {
        const ids = pendingInbound.map((t) => t.id);
        throw new UserInputError(
          'inbound_transfers_pending',
          `A financial account can only be closed with no pending InboundTransfers; ${ids.join(', ')} ${ids.length === 1 ? 'is' : 'are'} ` +
            'still processing: cancel or wait for them first.',
          ['financialAccount'],
        );
      }
      const closed = await closeFinancialAccount(tx, account.id, at ?? new Date());
      const result = await reconcileFeatures(tx, { ...state, account: closed }, await governingCapabilities(tx, closed), {
        holderName: () => holderNameOf(tx, account.accountId),
        at,
      });
      changes.emit('treasury.financial_account.closed', result.state, { status: 'open' });
      if (result.statusChanged) changes.emit('treasury.financial_account.features_status_updated', result.state);
      return { id: account.id };
    });
  }

  private async lockOpenAccount(tx: TransactionClient, viewer: Viewer, id: string): Promise<FinancialAccount> {
    const account = idType(id) === 'FinancialAccount' ? await lockFinancialAccount(tx, viewer, id) : null;
    if (!account) throw new UserInputError('resource_missing', `No such financial account: '${id}'.`, ['financialAccount']);
    if (account.status === 'closed') {
      throw new UserInputError(
        'financial_account_closed',
        `The financial account ${id} is closed: a closed financial account cannot be changed or reopened.`,
        ['financialAccount'],
      );
    }
    return account;
  }

  /** Whose financial account is being created: the acting account's, or (platform) one of its accounts or its own. */
  private async ownerFor(tx: TransactionClient, viewer: Viewer, requested: string | null | undefined) {
    const id = requested ?? viewer.accountId ?? viewer.platformId;
    const missing = () => new UserInputError('resource_missing', `No such connected account: '${id}'.`, ['account']);
    if (idType(id) !== 'ConnectedAccount') throw missing();
    if (viewer.accountId && id !== viewer.accountId) throw missing();
    const account = await findAccountWithCapabilities(tx, viewer, id);
    if (!account || (account.kind === 'platform' && viewer.accountId)) throw missing();
    return {
      id: account.id,
      isPlatform: account.kind === 'platform',
      displayName: account.displayName ?? 'Account holder',
      capabilities: account.capabilities,
    };
  }
}

/** The name on a financial account's new ABA address: its owner's. */
async function holderNameOf(tx: TransactionClient, accountId: string): Promise<string> {
  return (await accountById(tx, accountId)).displayName ?? 'Account holder';
}

function checkCurrencies(currencies: string[]): void {
  if (currencies.length === 0) {
    throw new UserInputError('parameter_invalid_empty', 'supportedCurrencies needs at least one currency (usd).', ['supportedCurrencies']);
  }
  currencies.forEach((currency, index) => {
    if (!(SUPPORTED_CURRENCIES as readonly string[]).includes(currency)) {
      throw new UserInputError(
        'parameter_invalid',
        `Financial accounts can only hold ${SUPPORTED_CURRENCIES.join(', ')} today, not '${currency}'.`,
        ['supportedCurrencies', String(index)],
      );
    }
  });
}

function checkNickname(nickname: string): string {
  const trimmed = nickname.trim();
  if (trimmed.length === 0) throw new UserInputError('parameter_invalid_empty', 'The nickname cannot be blank.', ['nickname']);
  if (trimmed.length > MAX_NICKNAME_LENGTH) {
    throw new UserInputError(
      'parameter_invalid_string_too_long',
      `The nickname is ${trimmed.length} characters; it must be under 250.`,
      ['nickname'],
    );
  }
  return trimmed;
}

function nicknameInUse(nickname: string) {
  return new UserInputError('nickname_in_use', `Another financial account of this account is already named '${nickname}'.`, ['nickname']);
}

function checkFeatureRequests(requests: FeatureRequest[] | null | undefined): FeatureRequest[] {
  const seen = new Set<Feature>();
  for (const [index, request] of (requests ?? []).entries()) {
    if (seen.has(request.feature)) {
      throw new UserInputError('parameter_invalid', `The feature ${request.feature} is listed twice.`, ['features', String(index)]);
    }
    seen.add(request.feature);
  }
  return requests ?? [];
}

function onlyThePlatform(viewer: Viewer, field: string[]): void {
  if (viewer.credential !== 'secret_key') {
    throw new UserInputError('parameter_not_allowed', 'Only the platform can set platform restrictions.', field);
  }
}
