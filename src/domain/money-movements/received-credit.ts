// ReceivedCredit (`rc_`): money sent to a financial account by someone else (ACH, wire, another financial account).
import type { Feature } from '../features.ts';
import type { Result } from '../result.ts';
import { receivedFailureCode } from './received-flow.ts';
import type { EventTypeOf } from '../event-types.ts';
import { assertAmount, entry, impact, refuse, step, type MovementState, type StepResult } from './shared.ts';

/** `status` of treasury.received_credit. */
export const RECEIVED_CREDIT_STATUSES = ['succeeded', 'failed'] as const;
export type ReceivedCreditStatus = (typeof RECEIVED_CREDIT_STATUSES)[number];

/** `failure_code` of treasury.received_credit. */
export const RECEIVED_CREDIT_FAILURE_CODES = ['account_closed', 'account_frozen', 'international_transaction', 'other'] as const;
export type ReceivedCreditFailureCode = (typeof RECEIVED_CREDIT_FAILURE_CODES)[number];

/** `network` of treasury.received_credit. */
export const RECEIVED_CREDIT_NETWORKS = ['ach', 'card', 'stripe', 'us_domestic_wire'] as const;
/** The networks Stripe's test helper (POST /v1/test_helpers/treasury/received_credits) accepts. */
export const RECEIVED_CREDIT_TEST_NETWORKS = ['ach', 'us_domestic_wire'] as const;

/** A ReceivedCredit has no `status_transitions`; its transaction's `posted_at` carries the time. */
export type ReceivedCreditState = MovementState<ReceivedCreditStatus, never>;
export type ReceivedCreditAction = { type: 'create'; amount: bigint; at: Date; failureCode: ReceivedCreditFailureCode | null };
export type ReceivedCreditEvent = EventTypeOf<'treasury.received_credit'>;
export type ReceivedCreditStep = StepResult<ReceivedCreditStatus, never, ReceivedCreditEvent>;

/** The `failure_code` a credit to this account gets (null: it succeeds), from checkFlowAllowed('received_credit', ...). */
export function decideReceivedCredit(check: Result<Feature>): Result<ReceivedCreditFailureCode | null> {
  return receivedFailureCode(check);
}

/**
 * A ReceivedCredit's only step, its creation. Succeeded: one `received_credit`
 * entry into cash on a transaction posted at once (Stripe posts incoming credits
 * to cash; nothing is pending). Failed: no transaction (`transaction` is nullable).
 */
export function nextReceivedCredit(state: ReceivedCreditState | null, action: ReceivedCreditAction): ReceivedCreditStep {
  if (state !== null) return refuse(`A ReceivedCredit is ${state.status} from the start and never changes.`);
  assertAmount(action.amount);
  const A = action.amount;
  const initial: ReceivedCreditState = {
    status: action.failureCode === null ? 'succeeded' : 'failed',
    amount: A,
    cancelable: false,
    transactionStatus: null,
    returnTransactionStatus: null,
    statusTransitions: {} as Record<never, Date | null>,
  };
  if (action.failureCode !== null) {
    return step(initial, { events: ['treasury.received_credit.created', 'treasury.received_credit.failed'] });
  }
  return step(initial, {
    opens: { flow: A },
    entries: [entry('flow', 'received_credit', impact(A, 0n, 0n), 'posted')],
    events: ['treasury.received_credit.created', 'treasury.received_credit.succeeded'],
  });
}
