// DebitReversal (`debrev_`): disputing a ReceivedDebit to get its money back. Brings money in once it is won.
import type { EventTypeOf } from '../event-types.ts';
import { assertAmount, entry, impact, noTransitions, refuse, step, type MovementState, type StepResult } from './shared.ts';

/** `status` of treasury.debit_reversal. */
export const DEBIT_REVERSAL_STATUSES = ['processing', 'succeeded', 'failed'] as const;
export type DebitReversalStatus = (typeof DEBIT_REVERSAL_STATUSES)[number];

/** The list endpoint's `resolution` filter: a reversal is won or lost. */
export const DEBIT_REVERSAL_RESOLUTIONS = ['won', 'lost'] as const;
export type DebitReversalResolution = (typeof DEBIT_REVERSAL_RESOLUTIONS)[number];

export const DEBIT_REVERSAL_TRANSITIONS = ['completedAt'] as const;
export type DebitReversalTransition = (typeof DEBIT_REVERSAL_TRANSITIONS)[number];

/** POST /v1/treasury/debit_reversals creates one; the network resolves it (won: succeed, lost: fail). */
export const DEBIT_REVERSAL_ACTIONS = ['create', 'succeed', 'fail'] as const;
export type DebitReversalAction = { type: 'create'; amount: bigint; at: Date } | { type: 'succeed' | 'fail'; at: Date };

export type DebitReversalState = MovementState<DebitReversalStatus, DebitReversalTransition>;
export type DebitReversalEvent = EventTypeOf<'treasury.debit_reversal'>;
export type DebitReversalStep = StepResult<DebitReversalStatus, DebitReversalTransition, DebitReversalEvent>;

/** The resolution a finished reversal reports (null while processing). */
export function debitReversalResolution(status: DebitReversalStatus): DebitReversalResolution | null {
  return status === 'succeeded' ? 'won' : status === 'failed' ? 'lost' : null;
}

/**
 * The next state of a DebitReversal. Nothing moves while it is processing; a won
 * reversal books one `debit_reversal` entry into cash, posted (the only entry type
 * Stripe has for it); a lost one moves nothing. Either way it completes
 * (`status_transitions.completed_at`, event `treasury.debit_reversal.completed`).
 * Stripe's provisional credit (`treasury.debit_reversal.initial_credit_granted`)
 * is not modelled: there is no entry type to take it back with if the reversal is lost.
 */
export function nextDebitReversal(state: DebitReversalState | null, action: DebitReversalAction): DebitReversalStep {
  if (action.type === 'create') {
    if (state !== null) return refuse('This DebitReversal already exists.');
    assertAmount(action.amount);
    const initial: DebitReversalState = {
      status: 'processing',
      amount: action.amount,
      cancelable: false,
      transactionStatus: null,
      returnTransactionStatus: null,
      statusTransitions: noTransitions(DEBIT_REVERSAL_TRANSITIONS),
    };
    return step(initial, { events: ['treasury.debit_reversal.created'] });
  }
  if (state === null) return refuse(`There is no DebitReversal to ${action.type === 'succeed' ? 'win' : 'lose'}.`);
  if (state.status !== 'processing') return refuse(`This DebitReversal is ${state.status} already.`);
  const transitions = { completedAt: action.at };
  const events: DebitReversalEvent[] = ['treasury.debit_reversal.completed'];
  if (action.type === 'fail') return step(state, { status: 'failed', transitions, events });
  return step(state, {
    status: 'succeeded',
    opens: { flow: state.amount },
    entries: [entry('flow', 'debit_reversal', impact(state.amount, 0n, 0n), 'posted')],
    transitions,
    events,
  });
}
