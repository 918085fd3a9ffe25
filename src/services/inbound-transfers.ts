// InboundTransfers: the account holder pulls money into a financial account
// from their own bank account (a saved payment method of the same connected
// account), by ACH debit, under Stripe's checks, following the domain's state
// machine (nextInboundTransfer). Nothing touches the balance while it is
// processing (Stripe reserves inbound_pending and shows none for it); it has
// no transaction until it succeeds, when one posted entry brings the money
// into cash. Stripe advances it by itself in live mode; here only its test
// helpers (succeed, fail, return) do, in test mode.
import type { FinancialAccount, InboundTransfer } from '../db/generated/client.ts';
import type { TransactionClient } from '../db/client.ts';
import { balanceSumsOf, lockFinancialAccount } from '../db/financial-accounts.ts';
import { createInboundTransfer, findInboundTransfer, lockInboundTransfer, updateInboundTransfer } from '../db/inbound-transfers.ts';
import { UserInputError } from '../domain/errors.ts';
import { checkFlowAllowed } from '../domain/flows.ts';
import { idType, newId } from '../domain/ids.ts';
import { balanceFromSums } from '../domain/ledger.ts';
import { mergeMetadata } from '../domain/metadata.ts';
import { checkMoney, type Currency } from '../domain/money.ts';
import {
  checkSufficientFunds,
  nextInboundTransfer,
  type InboundTransferAction,
  type InboundTransferFailureCode,
  type InboundTransferState,
  type InboundTransferEvent,
} from '../domain/money-movements/index.ts';
import { checkMetadataText } from '../domain/payment-methods.ts';
import { unwrap } from '../domain/result.ts';
import { checkStatementDescriptor } from '../domain/statement-descriptors.ts';
import type { Viewer } from '../domain/viewer.ts';
import { idempotently } from './idempotency.ts';
import { emitStep, flowContext, movementEmitter, writeStep } from './money-movement-ledger.ts';
import { applyStep, stepMovement, type SteppedMovement } from './movement-steps.ts';
import { bankAccountDetails, billingOfPaymentMethod, ownersBankAccount, type PaymentMethodBilling } from './payment-methods.ts';
import { receiveDebit } from './received-debits.ts';
import { retryOnceOnConflict, type ChangeSet, type UnitOfWork } from './unit-of-work.ts';

export interface CreateInboundTransferInput {
  financialAccount: string;
  amount: bigint;
  currency: string;
  originPaymentMethod: string;
  description?: string | null;
  statementDescriptor?: string | null;
  metadata?: Record<string, string> | null;
}

type Action = 'cancel' | 'succeed' | 'fail' | 'return';

const MUTATION: Record<Action, string> = {
  cancel: 'cancelInboundTransfer',
  succeed: 'succeedInboundTransfer',
  fail: 'failInboundTransfer',
  return: 'returnInboundTransfer',
};

const INBOUND_TRANSFERS: SteppedMovement<InboundTransfer> = {
  idType: 'InboundTransfer',
  label: 'inbound transfer',
  field: 'inboundTransfer',
  find: findInboundTransfer,
  lock: lockInboundTransfer,
};

/** Stripe's failure code when the fail test helper is given none. */
const DEFAULT_FAILURE_CODE: InboundTransferFailureCode = 'other';

export class InboundTransferService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** POST /v1/treasury/inbound_transfers. `at`: when it happens (default now). */
  async create(viewer: Viewer, input: CreateInboundTransferInput, idempotencyKey?: string | null, at?: Date): Promise<{ id: string }> {
    return retryOnceOnConflict(() =>
      this.unitOfWork.run(async (tx, changes) => {
        const now = at ?? new Date();
        // The account's row lock first (before the idempotency check), so a concurrent replay waits and then finds the key.
        const account = idType(input.financialAccount) === 'FinancialAccount' ? await lockFinancialAccount(tx, viewer, input.financialAccount) : null;
        const result = await idempotently(tx, viewer, idempotencyKey, 'createInboundTransfer', input, async () => {
          if (!account) throw new UserInputError('resource_missing', `No such financial account: '${input.financialAccount}'.`, ['financialAccount']);
          const money = unwrap(checkMoney(input));
          if (!account.supportedCurrencies.includes(money.currency)) {
            throw new UserInputError('parameter_invalid', `The financial account does not hold ${money.currency}.`, ['currency']);
          }
          const origin = await ownersBankAccount(tx, viewer, account, input.originPaymentMethod, ['originPaymentMethod'], 'pull money from');
          // An InboundTransfer is an ACH debit of that bank account, and only that.
          unwrap(checkFlowAllowed('inbound_transfer', 'ach', await flowContext(tx, account)));
          const statementDescriptor = unwrap(checkStatementDescriptor(input.statementDescriptor, 'inbound_transfer', 'ach'));
          unwrap(checkMetadataText(input.metadata));
          const metadata = mergeMetadata({}, input.metadata);

          const created = nextInboundTransfer(null, { type: 'create', amount: money.amount, at: now });
          if (!created.ok) throw new Error(`Bug: a new InboundTransfer refused: ${created.message}`);
          const id = newId('InboundTransfer');
          // Processing moves no money: the step opens no transaction (writeStep writes nothing, and says so).
          const ledger = await writeStep(tx, account, created, flowOf({ id, currency: money.currency, description: input.description ?? null }, now));
          const transfer = await createInboundTransfer(tx, {
            id,
            platformId: account.platformId,
            accountId: account.accountId,
            livemode: account.livemode,
            financialAccountId: account.id,
            amount: money.amount,
            currency: money.currency,
            description: input.description ?? null,
            statementDescriptor,
            metadata,
            status: created.status,
            cancelable: created.state.cancelable,
            originPaymentMethod: origin.id,
            originPaymentMethodDetails: bankAccountDetails(origin, billingOfPaymentMethod(origin), 'ach'),
            transactionId: ledger.transactions.flow,
            createdAt: now,
          });
          await emitStep(tx, changes, account, created, transfer, movementEmitter<InboundTransferEvent>(), null);
          return transfer.id;
        });
        return { id: result.id };
      }),
    );
  }

  /** POST /v1/treasury/inbound_transfers/{id}/cancel: only while processing. */
  cancel(viewer: Viewer, input: { inboundTransfer: string }, idempotencyKey?: string | null, at?: Date) {
    return this.step(viewer, 'cancel', input, idempotencyKey, at);
  }

  /** Test helper: the funds are confirmed; they land in cash on a posted transaction. */
  succeed(viewer: Viewer, input: { inboundTransfer: string }, idempotencyKey?: string | null, at?: Date) {
    return this.step(viewer, 'succeed', input, idempotencyKey, at);
  }

  /** Test helper: the debit failed, with Stripe's `failure_details[code]` (default `other`); no money moved. */
  fail(
    viewer: Viewer,
    input: { inboundTransfer: string; failureDetails?: { code?: InboundTransferFailureCode | null } | null },
    idempotencyKey?: string | null,
    at?: Date,
  ) {
    return this.step(viewer, 'fail', input, idempotencyKey, at, input.failureDetails?.code ?? DEFAULT_FAILURE_CODE);
  }

  /** Test helper: the bank sent the debit back after it succeeded: a ReceivedDebit takes the money out of cash again (see returnInboundTransfer). */
  return(viewer: Viewer, input: { inboundTransfer: string }, idempotencyKey?: string | null, at?: Date) {
    return this.step(viewer, 'return', input, idempotencyKey, at);
  }

  private step(
    viewer: Viewer,
    action: Action,
    input: { inboundTransfer: string },
    idempotencyKey: string | null | undefined,
    at: Date | undefined,
    failureCode?: InboundTransferFailureCode,
  ): Promise<{ id: string }> {
    const request = { mutation: MUTATION[action], testHelper: action !== 'cancel', id: input.inboundTransfer, input, idempotencyKey };
    return stepMovement(this.unitOfWork, INBOUND_TRANSFERS, viewer, request, (tx, changes, transfer, account) => {
      const step: InboundTransferAction = { type: action, at: at ?? new Date() };
      return action === 'return' ? returnInboundTransfer(tx, changes, account, transfer, step.at) : this.apply(tx, changes, account, transfer, step, failureCode);
    });
  }

  /** One step of the machine on a stored transfer: its entries, its new state, its events, the balance it leaves. */
  private apply(
    tx: TransactionClient,
    changes: ChangeSet,
    account: FinancialAccount,
    transfer: InboundTransfer,
    action: InboundTransferAction,
    failureCode?: InboundTransferFailureCode,
  ): Promise<InboundTransfer> {
    return applyStep(tx, changes, account, nextInboundTransfer(stateOf(transfer), action), {
      field: 'inboundTransfer',
      flow: flowOf(transfer, action.at),
      existing: { flow: transfer.transactionId },
      save: (step, ledger) =>
        updateInboundTransfer(tx, transfer.id, {
          status: step.status,
          cancelable: step.state.cancelable,
          succeededAt: step.state.statusTransitions.succeededAt,
          failedAt: step.state.statusTransitions.failedAt,
          canceledAt: step.state.statusTransitions.canceledAt,
          transactionId: ledger.transactions.flow,
          ...(action.type === 'fail' ? { failureCode: failureCode ?? DEFAULT_FAILURE_CODE } : {}),
        }),
      emit: movementEmitter<InboundTransferEvent>(),
    });
  }
}

/**
 * Stripe's return test helper: "marks the InboundTransfer as returned and links
 * it to a ReceivedDebit". The transfer stays succeeded; the money leaves cash
 * again on the ReceivedDebit's own posted transaction, with the
 * `inbound_transfer_return` entry the transfer's machine plans, and the
 * ReceivedDebit reports it (`treasury.received_debit.created`, and the balance
 * it leaves). The debit must succeed, so what would make it fail is refused
 * first, writing nothing: the account's rules for a debit, and cash (the
 * ledger never goes below zero, so a return the cash no longer covers is refused).
 */
async function returnInboundTransfer(
  tx: TransactionClient,
  changes: ChangeSet,
  account: FinancialAccount,
  transfer: InboundTransfer,
  at: Date,
): Promise<InboundTransfer> {
  const field = ['inboundTransfer'];
  const step = nextInboundTransfer(stateOf(transfer), { type: 'return', at });
  if (!step.ok) throw new UserInputError(step.code, step.message, field);
  const [planned] = step.entries;
  if (step.entries.length !== 1 || planned.type !== 'inbound_transfer_return' || planned.impact.cash !== -transfer.amount) {
    throw new Error(`Bug: the return of ${transfer.id} plans entries a ReceivedDebit does not book`);
  }
  // The stored transfer passed checkMoney when it was created.
  const money = { amount: transfer.amount, currency: transfer.currency as Currency };
  unwrap(checkFlowAllowed('received_debit', 'ach', await flowContext(tx, account), { financialAccount: field }));
  unwrap(checkSufficientFunds(balanceFromSums(account.supportedCurrencies, await balanceSumsOf(tx, account.id)), money, field));
  const origin = transfer.originPaymentMethodDetails as unknown as ReturnType<typeof bankAccountDetails<PaymentMethodBilling>>;
  const debit = await receiveDebit(tx, changes, account, {
    money,
    network: 'ach',
    description: transfer.description ? `Return: ${transfer.description}` : 'Inbound transfer return',
    initiatingPaymentMethodDetails: {
      type: 'us_bank_account',
      billingDetails: origin.billingDetails,
      usBankAccount: { bankName: origin.usBankAccount.bankName, last4: origin.usBankAccount.last4, routingNumber: origin.usBankAccount.routingNumber },
      financialAccount: null,
      balance: null,
      issuingCard: null,
    },
    linkedFlows: { inboundTransfer: transfer.id },
    entryType: planned.type,
    at,
  });
  if (debit.status !== 'succeeded') throw new Error(`Bug: the ReceivedDebit returning ${transfer.id} failed (${debit.failureCode}) after its checks`);
  return updateInboundTransfer(tx, transfer.id, { receivedDebitId: debit.id });
}

/** The flow an InboundTransfer's transaction belongs to. */
function flowOf(transfer: Pick<InboundTransfer, 'id' | 'currency' | 'description'>, at: Date) {
  return { id: transfer.id, type: 'inbound_transfer' as const, currency: transfer.currency, description: transfer.description ?? 'Inbound transfer', at };
}

function stateOf(t: InboundTransfer): InboundTransferState {
  return {
    status: t.status,
    amount: t.amount,
    cancelable: t.cancelable,
    transactionStatus: t.transactionId ? 'posted' : null,
    returnTransactionStatus: t.receivedDebitId ? 'posted' : null,
    statusTransitions: { succeededAt: t.succeededAt, failedAt: t.failedAt, canceledAt: t.canceledAt },
  };
}
