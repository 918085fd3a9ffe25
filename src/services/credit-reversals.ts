// CreditReversals: a ReceivedCredit's whole amount sent back over the network
// it came by, under Stripe's rules of which credits can be reversed and when
// (checkReversible), following the domain's machine (nextCreditReversal): the
// amount is held from cash in outbound pending while it is processing, and
// leaves when it posts. Stripe posts it by itself, with no test helper, so the
// gateway does too: the poster runs soon after the commit, and its sweep posts
// any still processing (after a restart, or on another instance).
import type { CreditReversal, FinancialAccount, PrismaClient } from '../db/generated/client.ts';
import type { TransactionClient } from '../db/client.ts';
import {
  createCreditReversal,
  creditReversalsDue,
  financialAccountOfCreditReversal,
  findReceivedCredit,
  lockCreditReversal,
  reversalOfReceivedCredit,
  updateCreditReversal,
} from '../db/credit-reversals.ts';
import { financialAccountById, lockFinancialAccount, lockFinancialAccountRow } from '../db/financial-accounts.ts';
import { UserInputError } from '../domain/errors.ts';
import { checkFlowAllowed, type Network } from '../domain/flows.ts';
import { idType, newId } from '../domain/ids.ts';
import { mergeMetadata } from '../domain/metadata.ts';
import type { Currency, Money } from '../domain/money.ts';
import {
  checkReversible,
  checkSufficientFunds,
  nextCreditReversal,
  receivedCreditReversibility,
  type CreditReversalAction,
  type CreditReversalState,
  type CreditReversalEvent,
} from '../domain/money-movements/index.ts';
import { checkMetadataText } from '../domain/payment-methods.ts';
import { unwrap } from '../domain/result.ts';
import type { Viewer } from '../domain/viewer.ts';
import { DeferredCalls } from './deferred-work.ts';
import { idempotently } from './idempotency.ts';
import { emitStep, flowStanding, movementEmitter, writeStep } from './money-movement-ledger.ts';
import { retryOnceOnConflict, type ChangeSet, type UnitOfWork } from './unit-of-work.ts';

export interface CreateCreditReversalInput {
  receivedCredit: string;
  metadata?: Record<string, string> | null;
}

const FIELD = ['receivedCredit'];
const DESCRIPTION = 'Credit reversal';

export class CreditReversalService {
  private readonly poster: DeferredCalls;

  constructor(
    prisma: PrismaClient,
    private readonly unitOfWork: UnitOfWork,
    options: { delayMs: number; sweepIntervalMs: number },
    logError: (error: unknown) => void,
  ) {
    const due = async () => (await creditReversalsDue(prisma, new Date(Date.now() - options.delayMs))).map((r) => r.id);
    this.poster = new DeferredCalls(options, (id) => this.post(id), due, logError);
  }

  start(): void {
    this.poster.start();
  }

  stop(): Promise<void> {
    return this.poster.stop();
  }

  /** POST /v1/treasury/credit_reversals. `at`: when it happens (default now). */
  async create(viewer: Viewer, input: CreateCreditReversalInput, idempotencyKey?: string | null, at?: Date): Promise<{ id: string }> {
    return retryOnceOnConflict(() =>
      this.unitOfWork.run(async (tx, changes) => {
        const now = at ?? new Date();
        const credit = idType(input.receivedCredit) === 'ReceivedCredit' ? await findReceivedCredit(tx, viewer, input.receivedCredit) : null;
        // The credit's account's row lock before anything is checked (and before the idempotency key): reversals of one
        // credit, and every movement of its account, take turns, so "already reversed" and the cash check see the winner.
        const account = credit ? await lockFinancialAccount(tx, viewer, credit.financialAccountId) : null;
        const result = await idempotently(tx, viewer, idempotencyKey, 'createCreditReversal', input, async () => {
          if (!credit || !account) throw new UserInputError('resource_missing', `No such received credit: '${input.receivedCredit}'.`, FIELD);
          const reversed = (await reversalOfReceivedCredit(tx, credit.id)) !== null;
          // The rule of the credit's reversal_details.restricted_reason (domain/money-movements/reversals.ts): a refusal's code is the reason it shows.
          unwrap(checkReversible(receivedCreditReversibility(credit, reversed), 'ReceivedCredit', now));
          const network = credit.network as Network;
          const { context, balance } = await flowStanding(tx, account);
          unwrap(checkFlowAllowed('credit_reversal', network, context, { network: FIELD, financialAccount: FIELD }));
          unwrap(checkMetadataText(input.metadata));
          const metadata = mergeMetadata({}, input.metadata);
          const money: Money = { amount: credit.amount, currency: credit.currency as Currency };
          unwrap(checkSufficientFunds(balance, money, FIELD));

          const created = nextCreditReversal(null, { type: 'create', amount: money.amount, at: now });
          if (!created.ok) throw new Error(`Bug: a new CreditReversal refused: ${created.message}`);
          const id = newId('CreditReversal');
          const ledger = await writeStep(tx, account, created, { id, type: 'credit_reversal', currency: money.currency, description: DESCRIPTION, at: now });
          const reversal = await createCreditReversal(tx, {
            id,
            platformId: account.platformId,
            accountId: account.accountId,
            livemode: account.livemode,
            financialAccountId: account.id,
            receivedCreditId: credit.id,
            amount: money.amount,
            currency: money.currency,
            metadata,
            network,
            status: created.status,
            transactionId: ledger.transactions.flow!,
            createdAt: now,
          });
          await emitStep(tx, changes, account, created, reversal, movementEmitter<CreditReversalEvent>(), ledger.changed);
          changes.afterCommit(() => this.poster.schedule(id));
          return id;
        });
        return { id: result.id };
      }),
    );
  }

  /** Stripe's own step: a processing reversal posts (the money leaves). Does nothing to one no longer processing. */
  async post(creditReversalId: string, at?: Date): Promise<void> {
    await this.unitOfWork.run(async (tx, changes) => {
      const financialAccountId = await financialAccountOfCreditReversal(tx, creditReversalId);
      if (!financialAccountId) return;
      // The account's row first, as every movement takes it, then the reversal's.
      await lockFinancialAccountRow(tx, financialAccountId);
      const reversal = await lockCreditReversal(tx, creditReversalId);
      if (!reversal || reversal.status !== 'processing') return;
      await this.apply(tx, changes, await financialAccountById(tx, reversal.financialAccountId), reversal, { type: 'post', at: at ?? new Date() });
    });
  }

  /** One step of the machine on a stored reversal: its entries, its new state, its events, the balance it leaves. */
  private async apply(
    tx: TransactionClient,
    changes: ChangeSet,
    account: FinancialAccount,
    reversal: CreditReversal,
    action: CreditReversalAction,
  ): Promise<CreditReversal> {
    const step = nextCreditReversal(stateOf(reversal), action);
    if (!step.ok) throw new UserInputError(step.code, step.message, ['creditReversal']);
    const flow = { id: reversal.id, type: 'credit_reversal' as const, currency: reversal.currency, description: DESCRIPTION, at: action.at };
    const ledger = await writeStep(tx, account, step, flow, { flow: reversal.transactionId });
    const updated = await updateCreditReversal(tx, reversal.id, { status: step.status, postedAt: step.state.statusTransitions.postedAt });
    await emitStep(tx, changes, account, step, updated, movementEmitter<CreditReversalEvent>(), ledger.changed);
    return updated;
  }
}

function stateOf(r: CreditReversal): CreditReversalState {
  return {
    status: r.status,
    amount: r.amount,
    cancelable: false,
    transactionStatus: r.status === 'processing' ? 'open' : r.status === 'canceled' ? 'void' : 'posted',
    returnTransactionStatus: null,
    statusTransitions: { postedAt: r.postedAt },
  };
}
