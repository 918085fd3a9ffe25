// ReceivedCredits: money another party sends to a financial account. Stripe
// creates them already decided (succeeded, or failed with a failure code when
// the account cannot receive: decideReceivedCredit), so a refused credit is a
// failed ReceivedCredit with no transaction, not a user error. In test mode,
// createReceivedCredit is Stripe's test helper; an OutboundTransfer to another
// financial account arrives through receiveCredit, in its own transaction.
import type { FinancialAccount, ReceivedCredit } from '../db/generated/client.ts';
import type { TransactionClient } from '../db/client.ts';
import { createReceivedCredit } from '../db/received-credits.ts';
import { UserInputError } from '../domain/errors.ts';
import { checkFlowAllowed, type Network } from '../domain/flows.ts';
import { newId } from '../domain/ids.ts';
import type { Money } from '../domain/money.ts';
import { decideReceivedCredit, nextReceivedCredit, type ReceivedCreditEvent } from '../domain/money-movements/index.ts';
import { unwrap } from '../domain/result.ts';
import { achCreditReversalDeadline } from '../domain/timelines.ts';
import type { Viewer } from '../domain/viewer.ts';
import { flowContext, movementEmitter } from './money-movement-ledger.ts';
import {
  bankAccountInitiatingDetails,
  bookReceivedFlow,
  emptyBilling,
  runReceivedFlowTestHelper,
  TEST_HELPER_DESCRIPTION,
  type ReceivedFlowTestInput,
} from './received-flows.ts';
import type { ChangeSet, UnitOfWork } from './unit-of-work.ts';

export { emptyBilling, testModeOnly } from './received-flows.ts';

export interface CreateReceivedCreditInput extends ReceivedFlowTestInput {
  network: 'ach' | 'us_domestic_wire' | 'stripe';
}

/** What a credit arriving at a financial account carries, whoever sent it. */
export interface IncomingCredit {
  money: Money;
  network: Network;
  description: string;
  /** Stripe's initiating_payment_method_details, camelCased. */
  initiatingPaymentMethodDetails: Record<string, unknown>;
  linkedFlow?: { sourceFlow: string; sourceFlowType: string } | null;
  at: Date;
}

/**
 * A credit arriving at `account` (locked by the caller): Stripe's decision
 * (succeeded, or failed with a code), its ledger, its events and the balance
 * it leaves. Used by the test helper and by transfers between financial accounts.
 */
export async function receiveCredit(tx: TransactionClient, changes: ChangeSet, account: FinancialAccount, credit: IncomingCredit): Promise<ReceivedCredit> {
  const failureCode = unwrap(decideReceivedCredit(checkFlowAllowed('received_credit', credit.network, await flowContext(tx, account))));
  const step = nextReceivedCredit(null, { type: 'create', amount: credit.money.amount, at: credit.at, failureCode });
  if (!step.ok) throw new Error(`Bug: a new ReceivedCredit refused: ${step.message}`);
  const id = newId('ReceivedCredit');
  return bookReceivedFlow(
    tx,
    changes,
    account,
    {
      id,
      type: 'received_credit',
      step,
      money: credit.money,
      description: credit.description,
      at: credit.at,
      create: (transactionId) =>
        createReceivedCredit(tx, {
          id,
          platformId: account.platformId,
          accountId: account.accountId,
          livemode: account.livemode,
          financialAccountId: account.id,
          amount: credit.money.amount,
          currency: credit.money.currency,
          description: credit.description,
          status: step.status,
          failureCode,
          network: credit.network,
          initiatingPaymentMethodDetails: credit.initiatingPaymentMethodDetails,
          sourceFlow: credit.linkedFlow?.sourceFlow ?? null,
          sourceFlowType: credit.linkedFlow?.sourceFlowType ?? null,
          transactionId,
          // ACH credits are reversible for a limited time; other networks set no deadline (stripe) or allow no reversal (wires).
          reversalDeadline: credit.network === 'ach' && step.status === 'succeeded' ? achCreditReversalDeadline(credit.at) : null,
          createdAt: credit.at,
        }),
    },
    movementEmitter<ReceivedCreditEvent>(),
  );
}

export class ReceivedCreditService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Stripe's test helper POST /v1/test_helpers/treasury/received_credits. `at`: when it happens (default now). */
  create(viewer: Viewer, input: CreateReceivedCreditInput, idempotencyKey?: string | null, at?: Date): Promise<{ id: string }> {
    return runReceivedFlowTestHelper(this.unitOfWork, viewer, 'createReceivedCredit', input, idempotencyKey, (tx, changes, account, money) =>
      receiveCredit(tx, changes, account, {
        money,
        network: input.network,
        description: input.description ?? TEST_HELPER_DESCRIPTION,
        initiatingPaymentMethodDetails: initiatingDetails(input),
        at: at ?? new Date(),
      }),
    );
  }
}

/** Stripe's initiating_payment_method_details from the test helper's `initiating_payment_method_details[...]`. */
function initiatingDetails(input: CreateReceivedCreditInput): Record<string, unknown> {
  const given = input.initiatingPaymentMethodDetails;
  if (input.network === 'stripe') {
    if (given) {
      throw new UserInputError(
        'parameter_invalid',
        'A credit over the stripe network comes from a financial account, not a bank account: omit initiatingPaymentMethodDetails.',
        ['initiatingPaymentMethodDetails'],
      );
    }
    return { type: 'stripe', billingDetails: emptyBilling(null), usBankAccount: null, financialAccount: null, balance: null, issuingCard: null };
  }
  return bankAccountInitiatingDetails(given?.usBankAccount);
}
