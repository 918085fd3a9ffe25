// ReceivedDebits: money another party pulls from a financial account (an ACH
// debit; the return of an InboundTransfer). Stripe creates them already decided
// (decideReceivedDebit: the account's rules, then cash), so a refused debit is a
// failed ReceivedDebit with no transaction, not a user error. In test mode,
// createReceivedDebit is Stripe's test helper; other flows book theirs through
// receiveDebit, in their own transaction.
import type { FinancialAccount, ReceivedDebit } from '../db/generated/client.ts';
import type { TransactionClient } from '../db/client.ts';
import { createReceivedDebit } from '../db/received-debits.ts';
import { checkFlowAllowed } from '../domain/flows.ts';
import { newId } from '../domain/ids.ts';
import type { Money } from '../domain/money.ts';
import { cashIn, decideReceivedDebit, nextReceivedDebit, type RECEIVED_DEBIT_NETWORKS, type ReceivedDebitEvent } from '../domain/money-movements/index.ts';
import { unwrap } from '../domain/result.ts';
import { receivedDebitReversalDeadline } from '../domain/timelines.ts';
import type { Viewer } from '../domain/viewer.ts';
import { flowStanding, movementEmitter } from './money-movement-ledger.ts';
import {
  bankAccountInitiatingDetails,
  bookReceivedFlow,
  runReceivedFlowTestHelper,
  TEST_HELPER_DESCRIPTION,
  type ReceivedFlowTestInput,
} from './received-flows.ts';
import type { ChangeSet, UnitOfWork } from './unit-of-work.ts';

export interface CreateReceivedDebitInput extends ReceivedFlowTestInput {
  /** Stripe's test helper takes `ach` only. */
  network: 'ach';
}

/** What a debit pulled from a financial account carries, whoever pulled it. */
export interface IncomingDebit {
  money: Money;
  network: (typeof RECEIVED_DEBIT_NETWORKS)[number];
  description: string;
  /** Stripe's initiating_payment_method_details, camelCased. */
  initiatingPaymentMethodDetails: Record<string, unknown>;
  /** Stripe's `linked_flows`: the InboundTransfer whose return this debit is. */
  linkedFlows?: { inboundTransfer?: string | null } | null;
  /**
   * The type of the entry its transaction books (default `received_debit`): the return of an
   * InboundTransfer books `inbound_transfer_return`, as that transfer's state machine plans.
   */
  entryType?: 'received_debit' | 'inbound_transfer_return';
  at: Date;
}

/**
 * A debit pulled from `account` (locked by the caller, so the cash it is decided
 * against is the cash it leaves): Stripe's decision (succeeded, or failed with a
 * code), its ledger, its event and the balance it leaves. Used by the test helper
 * and by flows whose money a third party takes back.
 */
export async function receiveDebit(tx: TransactionClient, changes: ChangeSet, account: FinancialAccount, debit: IncomingDebit): Promise<ReceivedDebit> {
  const { context, balance } = await flowStanding(tx, account);
  const cash = cashIn(balance, debit.money.currency);
  const check = checkFlowAllowed('received_debit', debit.network, context);
  const failureCode = unwrap(decideReceivedDebit(check, cash, debit.money.amount));
  const decided = nextReceivedDebit(null, { type: 'create', amount: debit.money.amount, at: debit.at, failureCode });
  if (!decided.ok) throw new Error(`Bug: a new ReceivedDebit refused: ${decided.message}`);
  const { entryType } = debit;
  const step = entryType ? { ...decided, entries: decided.entries.map((e) => ({ ...e, type: entryType })) } : decided;
  const id = newId('ReceivedDebit');
  return bookReceivedFlow(
    tx,
    changes,
    account,
    {
      id,
      type: 'received_debit',
      step,
      money: debit.money,
      description: debit.description,
      at: debit.at,
      create: (transactionId) =>
        createReceivedDebit(tx, {
          id,
          platformId: account.platformId,
          accountId: account.accountId,
          livemode: account.livemode,
          financialAccountId: account.id,
          amount: debit.money.amount,
          currency: debit.money.currency,
          description: debit.description,
          status: step.status,
          failureCode,
          network: debit.network,
          initiatingPaymentMethodDetails: debit.initiatingPaymentMethodDetails,
          inboundTransferId: debit.linkedFlows?.inboundTransfer ?? null,
          transactionId,
          // Only a debit that took money can be reversed, and only until the network's deadline.
          reversalDeadline: failureCode === null ? receivedDebitReversalDeadline(debit.network, debit.at) : null,
          createdAt: debit.at,
        }),
    },
    movementEmitter<ReceivedDebitEvent>(),
  );
}

export class ReceivedDebitService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Stripe's test helper POST /v1/test_helpers/treasury/received_debits. `at`: when it happens (default now). */
  create(viewer: Viewer, input: CreateReceivedDebitInput, idempotencyKey?: string | null, at?: Date): Promise<{ id: string }> {
    return runReceivedFlowTestHelper(this.unitOfWork, viewer, 'createReceivedDebit', input, idempotencyKey, (tx, changes, account, money) =>
      receiveDebit(tx, changes, account, {
        money,
        network: input.network,
        description: input.description ?? TEST_HELPER_DESCRIPTION,
        initiatingPaymentMethodDetails: bankAccountInitiatingDetails(input.initiatingPaymentMethodDetails?.usBankAccount),
        at: at ?? new Date(),
      }),
    );
  }
}
