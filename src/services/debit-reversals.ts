// DebitReversals: reversing a ReceivedDebit (POST /v1/treasury/debit_reversals)
// under Stripe's rules of which debits can be reversed and until when
// (checkReversible: one reversal per debit, its network, its source flow, its
// deadline) and the account's (checkFlowAllowed: the money comes back in). It is
// created processing and moves no money; the network then resolves it, which
// Stripe does by itself (it has no test helpers for DebitReversals), so the
// gateway does too, shortly after the request (DebitReversalCompleter): won, one
// posted `debit_reversal` entry brings the amount back to cash.
import type { DebitReversal, FinancialAccount, PrismaClient } from '../db/generated/client.ts';
import type { TransactionClient } from '../db/client.ts';
import { createDebitReversal, debitReversalById, debitReversalsProcessing, updateDebitReversal } from '../db/debit-reversals.ts';
import { lockFinancialAccount, lockFinancialAccountWithOwner } from '../db/financial-accounts.ts';
import { findReceivedDebit, receivedDebitById, updateReceivedDebit } from '../db/received-debits.ts';
import { UserInputError } from '../domain/errors.ts';
import { checkFlowAllowed, type Network } from '../domain/flows.ts';
import { idType, newId } from '../domain/ids.ts';
import { mergeMetadata } from '../domain/metadata.ts';
import {
  checkReversible,
  nextDebitReversal,
  reversibleReceivedDebit,
  type DebitReversalAction,
  type DebitReversalState,
  type DebitReversalEvent,
} from '../domain/money-movements/index.ts';
import { checkMetadataText } from '../domain/payment-methods.ts';
import { unwrap } from '../domain/result.ts';
import type { Viewer } from '../domain/viewer.ts';
import { DeferredWork } from './deferred-work.ts';
import { idempotently } from './idempotency.ts';
import { emitStep, flowContext, movementEmitter, writeStep } from './money-movement-ledger.ts';
import { retryOnceOnConflict, type ChangeSet, type UnitOfWork } from './unit-of-work.ts';

export interface CreateDebitReversalInput {
  receivedDebit: string;
  metadata?: Record<string, string> | null;
}

const DEBIT_FIELD = ['receivedDebit'];

export class DebitReversalService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly completer: DebitReversalCompleter,
  ) {}

  /** POST /v1/treasury/debit_reversals. `at`: when it happens (default now). */
  async create(viewer: Viewer, input: CreateDebitReversalInput, idempotencyKey?: string | null, at?: Date): Promise<{ id: string }> {
    return retryOnceOnConflict(() =>
      this.unitOfWork.run(async (tx, changes) => {
        const now = at ?? new Date();
        // The debit's account is locked before the debit is read again and before the idempotency check: every
        // change of a received debit happens under that lock, so two reversals of one debit take turns (the second
        // finds it reversed) and a concurrent replay waits and then finds the first request's key.
        const seen = idType(input.receivedDebit) === 'ReceivedDebit' ? await findReceivedDebit(tx, viewer, input.receivedDebit) : null;
        const account = seen ? await lockFinancialAccount(tx, viewer, seen.financialAccountId) : null;
        const result = await idempotently(tx, viewer, idempotencyKey, 'createDebitReversal', input, async () => {
          const debit = account ? await findReceivedDebit(tx, viewer, input.receivedDebit) : null;
          if (!debit || !account) throw new UserInputError('resource_missing', `No such received debit: '${input.receivedDebit}'.`, DEBIT_FIELD);
          unwrap(checkReversible(reversibleReceivedDebit(debit), 'ReceivedDebit', now));
          // "The rails used to reverse the funds" are the debit's; the money comes back into the account.
          const network = debit.network as Network;
          unwrap(checkFlowAllowed('debit_reversal', network, await flowContext(tx, account), { network: DEBIT_FIELD, financialAccount: DEBIT_FIELD }));
          unwrap(checkMetadataText(input.metadata));
          const metadata = mergeMetadata({}, input.metadata);

          const step = nextDebitReversal(null, { type: 'create', amount: debit.amount, at: now });
          if (!step.ok) throw new Error(`Bug: a new DebitReversal refused: ${step.message}`);
          const id = newId('DebitReversal');
          const reversal = await createDebitReversal(tx, {
            id,
            platformId: debit.platformId,
            accountId: debit.accountId,
            livemode: debit.livemode,
            financialAccountId: debit.financialAccountId,
            receivedDebitId: debit.id,
            amount: debit.amount,
            currency: debit.currency,
            network,
            status: step.status,
            metadata,
            transactionId: null,
            createdAt: now,
          });
          await updateReceivedDebit(tx, debit.id, { debitReversalId: id });
          await emitStep(tx, changes, account, step, reversal, movementEmitter<DebitReversalEvent>(), null);
          changes.afterCommit(() => this.completer.schedule(id));
          return id;
        });
        return { id: result.id };
      }),
    );
  }
}

/**
 * The network's resolution of processing DebitReversals, after the request
 * that created them (see DeferredWork): won, unless the account closed
 * meanwhile (a closed account takes no money in, so the reversal is lost).
 */
export class DebitReversalCompleter extends DeferredWork {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly unitOfWork: UnitOfWork,
    timing: { delayMs: number; sweepIntervalMs: number },
    logError: (error: unknown) => void,
  ) {
    super(timing, logError);
  }

  protected async run(debitReversalId: string): Promise<void> {
    await this.complete(debitReversalId);
  }

  /** Reversals processing for longer than the delay: those a restart or another instance left behind. */
  protected pending(): Promise<string[]> {
    return debitReversalsProcessing(this.prisma, new Date(Date.now() - this.timing.delayMs));
  }

  /** Resolves one reversal if it is still processing, with its ledger and events; `at`: when (default now). Null: nothing to do. */
  async complete(debitReversalId: string, at?: Date): Promise<DebitReversal | null> {
    return this.unitOfWork.run(async (tx, changes) => {
      const seen = await debitReversalById(tx, debitReversalId);
      if (!seen || seen.status !== 'processing') return null;
      const fa = await lockFinancialAccountWithOwner(tx, seen.financialAccountId);
      // Read again under the account's lock: a concurrent completion may have resolved it meanwhile.
      const reversal = await debitReversalById(tx, debitReversalId);
      if (!fa || !reversal || reversal.status !== 'processing') return null;
      const { account: _owner, ...account } = fa;
      return applyResolution(tx, changes, account, reversal, { type: account.status === 'open' ? 'succeed' : 'fail', at: at ?? new Date() });
    });
  }
}

async function applyResolution(
  tx: TransactionClient,
  changes: ChangeSet,
  account: FinancialAccount,
  reversal: DebitReversal,
  action: Extract<DebitReversalAction, { type: 'succeed' | 'fail' }>,
): Promise<DebitReversal> {
  const step = nextDebitReversal(stateOf(reversal), action);
  if (!step.ok) throw new Error(`Bug: a processing DebitReversal refused to resolve: ${step.message}`);
  const debit = await receivedDebitById(tx, reversal.receivedDebitId);
  const ledger = await writeStep(tx, account, step, {
    id: reversal.id,
    type: 'debit_reversal',
    currency: reversal.currency,
    description: debit.description,
    at: action.at,
  });
  const updated = await updateDebitReversal(tx, reversal.id, {
    status: step.status,
    completedAt: step.state.statusTransitions.completedAt,
    transactionId: ledger.transactions.flow,
  });
  await emitStep(tx, changes, account, step, updated, movementEmitter<DebitReversalEvent>(), ledger.changed);
  return updated;
}

function stateOf(r: DebitReversal): DebitReversalState {
  return {
    status: r.status,
    amount: r.amount,
    cancelable: false,
    transactionStatus: r.transactionId ? 'posted' : null,
    returnTransactionStatus: null,
    statusTransitions: { completedAt: r.completedAt },
  };
}
