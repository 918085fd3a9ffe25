// What ReceivedCredits and ReceivedDebits share. Stripe creates them already
// decided (succeeded, or failed with a failure code), so each is one step of its
// state machine, booked at once: the row, its ledger, its events and the balance
// it leaves, in the caller's transaction. Their test helpers take the same
// parameters (financial_account, amount, currency, network, description,
// initiating_payment_method_details) and are checked the same way.
import type { FinancialAccount } from '../db/generated/client.ts';
import type { TransactionClient } from '../db/client.ts';
import { lockFinancialAccount } from '../db/financial-accounts.ts';
import { checkUsBankAccount } from '../domain/bank-accounts.ts';
import { UserInputError } from '../domain/errors.ts';
import type { EventType } from '../domain/event-types.ts';
import { idType } from '../domain/ids.ts';
import { checkMoney, type Money } from '../domain/money.ts';
import type { Step } from '../domain/money-movements/index.ts';
import { bankNameOf } from '../domain/payment-methods.ts';
import { unwrap } from '../domain/result.ts';
import type { Viewer } from '../domain/viewer.ts';
import { idempotently } from './idempotency.ts';
import { emitStep, writeStep, type EmitMovement } from './money-movement-ledger.ts';
import { retryOnceOnConflict, type ChangeSet, type UnitOfWork } from './unit-of-work.ts';

/** A received flow's only step, with how to store its row. */
export interface ReceivedFlowBooking<Row, E extends EventType> {
  id: string;
  type: 'received_credit' | 'received_debit';
  step: Step<string, string, E>;
  money: Money;
  description: string;
  at: Date;
  /** Writes the row, after its ledger: with the transaction the step opened (null when it opened none). */
  create(transactionId: string | null): Promise<Row>;
}

/** Books a received flow on `account` (locked by the caller); `emit` reports each of the step's events with the final row. */
export async function bookReceivedFlow<Row, E extends EventType>(
  tx: TransactionClient,
  changes: ChangeSet,
  account: FinancialAccount,
  booking: ReceivedFlowBooking<Row, E>,
  emit: EmitMovement<Row, E>,
): Promise<Row> {
  const ledger = await writeStep(tx, account, booking.step, {
    id: booking.id,
    type: booking.type,
    currency: booking.money.currency,
    description: booking.description,
    at: booking.at,
  });
  const row = await booking.create(ledger.transactions.flow);
  await emitStep(tx, changes, account, booking.step, row, emit, ledger.changed);
  return row;
}

/** Stripe's `initiating_payment_method_details[us_bank_account][...]` test helper parameter. */
export interface InitiatingBankAccountInput {
  accountHolderName?: string | null;
  accountNumber?: string | null;
  routingNumber?: string | null;
}

/** The test helpers' common parameters. */
export interface ReceivedFlowTestInput {
  financialAccount: string;
  amount: bigint;
  currency: string;
  description?: string | null;
  initiatingPaymentMethodDetails?: { type: 'us_bank_account'; usBankAccount?: InitiatingBankAccountInput | null } | null;
}

/** Stripe's description when a test helper is given none (its test-mode flows read "Stripe Test"). */
export const TEST_HELPER_DESCRIPTION = 'Stripe Test';

/** Refuses a test helper outside test mode: Stripe serves /v1/test_helpers only to test-mode keys. */
export function testModeOnly(viewer: Viewer, helper: string): void {
  if (viewer.livemode) {
    throw new UserInputError(
      'test_mode_only',
      `${helper} is a test helper: it works only in test mode (with an sk_test_ key), on test-mode objects.`,
      [],
    );
  }
}

/**
 * A received-flow test helper: test mode only, idempotent, on a financial account
 * of the viewer's that holds the currency; `receive` books the flow on the locked
 * account and returns its id.
 */
export function runReceivedFlowTestHelper(
  unitOfWork: UnitOfWork,
  viewer: Viewer,
  helper: string,
  input: ReceivedFlowTestInput,
  idempotencyKey: string | null | undefined,
  receive: (tx: TransactionClient, changes: ChangeSet, account: FinancialAccount, money: Money) => Promise<{ id: string }>,
): Promise<{ id: string }> {
  return retryOnceOnConflict(() =>
    unitOfWork.run(async (tx, changes) => {
      testModeOnly(viewer, helper);
      // The account's row lock first (before the idempotency check), so a concurrent replay waits and then finds the key.
      const account = idType(input.financialAccount) === 'FinancialAccount' ? await lockFinancialAccount(tx, viewer, input.financialAccount) : null;
      const result = await idempotently(tx, viewer, idempotencyKey, helper, input, async () => {
        if (!account) {
          throw new UserInputError('resource_missing', `No such financial account: '${input.financialAccount}'.`, ['financialAccount']);
        }
        const money = unwrap(checkMoney(input));
        if (!account.supportedCurrencies.includes(money.currency)) {
          throw new UserInputError('parameter_invalid', `The financial account does not hold ${money.currency}.`, ['currency']);
        }
        return (await receive(tx, changes, account, money)).id;
      });
      return { id: result.id };
    }),
  );
}

/** Stripe's initiating_payment_method_details for a bank account sender (its test bank account when none is given). */
export function bankAccountInitiatingDetails(bank: InitiatingBankAccountInput | null | undefined): Record<string, unknown> {
  const routingNumber = bank?.routingNumber ?? '110000000';
  const accountNumber = bank?.accountNumber ?? '000123456789';
  const field = ['initiatingPaymentMethodDetails', 'usBankAccount'];
  const checked = unwrap(checkUsBankAccount({ routingNumber, accountNumber }, field));
  return {
    type: 'us_bank_account',
    billingDetails: emptyBilling(bank?.accountHolderName ?? null),
    usBankAccount: { bankName: bankNameOf(checked.routingNumber), last4: checked.last4, routingNumber: checked.routingNumber },
    financialAccount: null,
    balance: null,
    issuingCard: null,
  };
}

export function emptyBilling(name: string | null) {
  return { name, email: null, address: { city: null, country: null, line1: null, line2: null, postalCode: null, state: null } };
}
