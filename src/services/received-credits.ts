// ReceivedCredits: money another party sends to a financial account. Stripe
// creates them already decided (succeeded, or failed with a failure code when
// the account cannot receive: decideReceivedCredit), so a refused credit is a
// failed ReceivedCredit with no transaction, not a user error. In test mode,
// createReceivedCredit is Stripe's test helper; an OutboundTransfer to another
// financial account arrives through receiveCredit, in its own transaction.
import type { FinancialAccount, ReceivedCredit } from '../db/generated/client.ts';
import type { TransactionClient } from '../db/client.ts';
import { lockFinancialAccount } from '../db/financial-accounts.ts';
import { createReceivedCredit, setReceivedCreditTransaction } from '../db/received-credits.ts';
import { checkUsBankAccount } from '../domain/bank-accounts.ts';
import { UserInputError } from '../domain/errors.ts';
import { checkFlowAllowed, type Network } from '../domain/flows.ts';
import { idType, newId } from '../domain/ids.ts';
import { checkMoney, type Money } from '../domain/money.ts';
import { decideReceivedCredit, nextReceivedCredit } from '../domain/money-movements/index.ts';
import { bankNameOf } from '../domain/payment-methods.ts';
import { achCreditReversalDeadline } from '../domain/timelines.ts';
import { unwrap } from '../domain/result.ts';
import type { Viewer } from '../domain/viewer.ts';
import { idempotently } from './idempotency.ts';
import { emitBalanceUpdated, flowContext, writeStep } from './money-movement-ledger.ts';
import { retryOnceOnConflict, type ChangeSet, type UnitOfWork } from './unit-of-work.ts';

export interface CreateReceivedCreditInput {
  financialAccount: string;
  amount: bigint;
  currency: string;
  network: 'ach' | 'us_domestic_wire' | 'stripe';
  description?: string | null;
  initiatingPaymentMethodDetails?: {
    type: 'us_bank_account';
    usBankAccount?: { accountHolderName?: string | null; accountNumber?: string | null; routingNumber?: string | null } | null;
  } | null;
}

/** Stripe's description when the test helper is given none (its test-mode credits read "Stripe Test"). */
const DEFAULT_DESCRIPTION = 'Stripe Test';

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
 * A credit arriving at `account` (locked by the caller): Stripe's decision
 * (succeeded, or failed with a code), its ledger, its events and the balance
 * it leaves. Used by the test helper and by transfers between financial accounts.
 */
export async function receiveCredit(tx: TransactionClient, changes: ChangeSet, account: FinancialAccount, credit: IncomingCredit): Promise<ReceivedCredit> {
  const failureCode = unwrap(decideReceivedCredit(checkFlowAllowed('received_credit', credit.network, await flowContext(tx, account))));
  const step = nextReceivedCredit(null, { type: 'create', amount: credit.money.amount, at: credit.at, failureCode });
  if (!step.ok) throw new Error(`Bug: a new ReceivedCredit refused: ${step.message}`);
  const id = newId('ReceivedCredit');
  let row = await createReceivedCredit(tx, {
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
    transactionId: null,
    // ACH credits are reversible for a limited time; other networks set no deadline (stripe) or allow no reversal (wires).
    reversalDeadline: credit.network === 'ach' && step.status === 'succeeded' ? achCreditReversalDeadline(credit.at) : null,
    createdAt: credit.at,
  });
  const ledger = await writeStep(tx, account, step, {
    id,
    type: 'received_credit',
    currency: credit.money.currency,
    description: credit.description,
    at: credit.at,
  });
  if (ledger.transactions.flow) row = await setReceivedCreditTransaction(tx, id, ledger.transactions.flow);
  for (const type of step.events) changes.emit(type as 'treasury.received_credit.created', row);
  await emitBalanceUpdated(tx, changes, account, ledger.changed);
  return row;
}

export class ReceivedCreditService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Stripe's test helper POST /v1/test_helpers/treasury/received_credits. `at`: when it happens (default now). */
  async create(viewer: Viewer, input: CreateReceivedCreditInput, idempotencyKey?: string | null, at?: Date): Promise<{ id: string }> {
    return retryOnceOnConflict(() =>
      this.unitOfWork.run(async (tx, changes) => {
        testModeOnly(viewer, 'createReceivedCredit');
        // The account's row lock first (before the idempotency check), so a concurrent replay waits and then finds the key.
        const account = idType(input.financialAccount) === 'FinancialAccount' ? await lockFinancialAccount(tx, viewer, input.financialAccount) : null;
        const result = await idempotently(tx, viewer, idempotencyKey, 'createReceivedCredit', input, async () => {
          if (!account) {
            throw new UserInputError('resource_missing', `No such financial account: '${input.financialAccount}'.`, ['financialAccount']);
          }
          const money = unwrap(checkMoney(input));
          if (!account.supportedCurrencies.includes(money.currency)) {
            throw new UserInputError('parameter_invalid', `The financial account does not hold ${money.currency}.`, ['currency']);
          }
          const credit = await receiveCredit(tx, changes, account, {
            money,
            network: input.network,
            description: input.description ?? DEFAULT_DESCRIPTION,
            initiatingPaymentMethodDetails: initiatingDetails(input),
            at: at ?? new Date(),
          });
          return credit.id;
        });
        return { id: result.id };
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
  const bank = given?.usBankAccount;
  // Stripe's test bank account when none is given.
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
