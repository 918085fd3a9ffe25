// ReceivedDebit (`rd_`): money pulled from a financial account by someone else (an ACH debit, a card, Stripe).
import type { Feature } from '../features.ts';
import { ok, type Result } from '../result.ts';
import { receivedFailureCode } from './received-flow.ts';
import { DEBIT_REVERSAL_NETWORKS, reversalRestrictedReason, type ReversalRestrictedReason, type ReversibleFlow } from './reversals.ts';
import type { EventTypeOf } from '../event-types.ts';
import { assertAmount, entry, impact, refuse, step, type MovementState, type StepResult } from './shared.ts';

/** `status` of treasury.received_debit. */
export const RECEIVED_DEBIT_STATUSES = ['succeeded', 'failed'] as const;
export type ReceivedDebitStatus = (typeof RECEIVED_DEBIT_STATUSES)[number];

/** `failure_code` of treasury.received_debit. */
export const RECEIVED_DEBIT_FAILURE_CODES = ['account_closed', 'account_frozen', 'insufficient_funds', 'international_transaction', 'other'] as const;
export type ReceivedDebitFailureCode = (typeof RECEIVED_DEBIT_FAILURE_CODES)[number];

/** `network` of treasury.received_debit. */
export const RECEIVED_DEBIT_NETWORKS = ['ach', 'card', 'stripe'] as const;
/** The networks Stripe's test helper (POST /v1/test_helpers/treasury/received_debits) accepts. */
export const RECEIVED_DEBIT_TEST_NETWORKS = ['ach'] as const;

/** The ReceivedDebit schema's `status_transitions` (`completed_at`) describes DebitReversals; a ReceivedDebit never sets it. */
export type ReceivedDebitState = MovementState<ReceivedDebitStatus, never>;
export type ReceivedDebitAction = { type: 'create'; amount: bigint; at: Date; failureCode: ReceivedDebitFailureCode | null };
export type ReceivedDebitEvent = EventTypeOf<'treasury.received_debit'>;
export type ReceivedDebitStep = StepResult<ReceivedDebitStatus, never, ReceivedDebitEvent>;

/**
 * The `failure_code` a debit of `amount` from this account gets (null: it
 * succeeds): the account's rules first (checkFlowAllowed('received_debit', ...)),
 * then "the FinancialAccount doesn't have sufficient funds" (`insufficient_funds`, against cash).
 */
export function decideReceivedDebit(check: Result<Feature>, cash: bigint, amount: bigint): Result<ReceivedDebitFailureCode | null> {
  const decided = receivedFailureCode(check);
  if (!decided.ok || decided.value !== null) return decided;
  return ok(cash < amount ? 'insufficient_funds' : null);
}

/** A ReceivedDebit's only step. Succeeded: one `received_debit` entry out of cash, posted at once. Failed: no transaction. */
export function nextReceivedDebit(state: ReceivedDebitState | null, action: ReceivedDebitAction): ReceivedDebitStep {
  if (state !== null) return refuse(`A ReceivedDebit is ${state.status} from the start and never changes.`);
  assertAmount(action.amount);
  const A = action.amount;
  const initial: ReceivedDebitState = {
    status: action.failureCode === null ? 'succeeded' : 'failed',
    amount: A,
    cancelable: false,
    transactionStatus: null,
    returnTransactionStatus: null,
    statusTransitions: {} as Record<never, Date | null>,
  };
  // events.md lists only `treasury.received_debit.created` for ReceivedDebits, whatever the outcome.
  if (action.failureCode !== null) return step(initial, { events: ['treasury.received_debit.created'] });
  return step(initial, {
    opens: { flow: -A },
    entries: [entry('flow', 'received_debit', impact(-A, 0n, 0n), 'posted')],
    events: ['treasury.received_debit.created'],
  });
}

/** A ReceivedDebit as stored: what its reversal rules read. */
export interface StoredReceivedDebit {
  status: ReceivedDebitStatus;
  network: string;
  /** linked_flows.debit_reversal. */
  debitReversalId: string | null;
  /** linked_flows.inbound_transfer. */
  inboundTransferId: string | null;
  reversalDeadline: Date | null;
}

/**
 * The ReceivedDebit as the reversal rules see it. The return of an InboundTransfer
 * is the bank sending back money the account pulled in itself: its source flow
 * allows no reversal (Stripe: "its source_flow isn't reversible").
 */
export function reversibleReceivedDebit(debit: StoredReceivedDebit): ReversibleFlow {
  return {
    status: debit.status,
    network: debit.network,
    reversed: debit.debitReversalId !== null,
    deadline: debit.reversalDeadline,
    sourceFlowRestricted: debit.inboundTransferId !== null,
  };
}

/** Stripe's `reversal_details.restricted_reason` of a ReceivedDebit at `now`. */
export function receivedDebitRestrictedReason(debit: StoredReceivedDebit, now: Date): ReversalRestrictedReason | null {
  return reversalRestrictedReason(reversibleReceivedDebit(debit), DEBIT_REVERSAL_NETWORKS, now);
}
