// CreditReversal (`credrev_`): sending a ReceivedCredit's money back. Leaves the account like an outbound flow.
import type { EventTypeOf } from '../event-types.ts';
import { assertAmount, entry, impact, noTransitions, refuse, step, type MovementState, type StepResult } from './shared.ts';

/** `status` of treasury.credit_reversal. */
export const CREDIT_REVERSAL_STATUSES = ['processing', 'posted', 'canceled'] as const;
export type CreditReversalStatus = (typeof CREDIT_REVERSAL_STATUSES)[number];

export const CREDIT_REVERSAL_TRANSITIONS = ['postedAt'] as const;
export type CreditReversalTransition = (typeof CREDIT_REVERSAL_TRANSITIONS)[number];

/**
 * POST /v1/treasury/credit_reversals creates one; Stripe posts it (`treasury.credit_reversal.posted`).
 * No endpoint and no entry type cancels one, so `canceled` is a status we store but never reach.
 */
export const CREDIT_REVERSAL_ACTIONS = ['create', 'post'] as const;
export type CreditReversalAction = { type: 'create'; amount: bigint; at: Date } | { type: 'post'; at: Date };

export type CreditReversalState = MovementState<CreditReversalStatus, CreditReversalTransition>;
export type CreditReversalEvent = EventTypeOf<'treasury.credit_reversal'>;
export type CreditReversalStep = StepResult<CreditReversalStatus, CreditReversalTransition, CreditReversalEvent>;

/**
 * The next state of a CreditReversal. Its entry types (`credit_reversal`,
 * `credit_reversal_posting`) mirror an outbound flow's, so its ledger does too:
 * creation holds the amount from cash in outbound_pending (open); posting releases it (posted).
 * The amount is the ReceivedCredit's (the endpoint takes no amount: the whole credit is reversed).
 */
export function nextCreditReversal(state: CreditReversalState | null, action: CreditReversalAction): CreditReversalStep {
  if (action.type === 'create') {
    if (state !== null) return refuse('This CreditReversal already exists.');
    assertAmount(action.amount);
    const A = action.amount;
    const initial: CreditReversalState = {
      status: 'processing',
      amount: A,
      cancelable: false,
      transactionStatus: null,
      returnTransactionStatus: null,
      statusTransitions: noTransitions(CREDIT_REVERSAL_TRANSITIONS),
    };
    return step(initial, {
      opens: { flow: -A },
      entries: [entry('flow', 'credit_reversal', impact(-A, 0n, A), null)],
      events: ['treasury.credit_reversal.created'],
    });
  }
  if (state === null) return refuse('There is no CreditReversal to post.');
  if (state.status !== 'processing') return refuse(`This CreditReversal is ${state.status}; only a processing one can be posted.`);
  return step(state, {
    status: 'posted',
    entries: [entry('flow', 'credit_reversal_posting', impact(0n, 0n, -state.amount), 'posted')],
    transitions: { postedAt: action.at },
    events: ['treasury.credit_reversal.posted'],
  });
}
