// The lifecycle OutboundTransfer and OutboundPayment share (Stripe documents them
// with the same words): processing → posted | failed | canceled, and a return
// that brings the money back. One machine, parametrised by the flow's name,
// which is also the prefix of its TransactionEntry types and event types.
import type { EventTypeOf } from '../event-types.ts';
import {
  entry,
  impact,
  noTransitions,
  refuse,
  step,
  assertAmount,
  type MovementState,
  type StepResult,
} from './shared.ts';

/** `status` of treasury.outbound_transfer and treasury.outbound_payment. */
export const OUTBOUND_FLOW_STATUSES = ['processing', 'posted', 'failed', 'canceled', 'returned'] as const;
export type OutboundFlowStatus = (typeof OUTBOUND_FLOW_STATUSES)[number];

/** `status_transitions` keys, camelCased. */
export const OUTBOUND_FLOW_TRANSITIONS = ['postedAt', 'failedAt', 'canceledAt', 'returnedAt'] as const;
export type OutboundFlowTransition = (typeof OUTBOUND_FLOW_TRANSITIONS)[number];

/** `returned_details.code`: the reason a destination sent the money back. */
export const OUTBOUND_FLOW_RETURN_CODES = [
  'account_closed',
  'account_frozen',
  'bank_account_restricted',
  'bank_ownership_changed',
  'declined',
  'incorrect_account_holder_name',
  'invalid_account_number',
  'invalid_currency',
  'no_account',
  'other',
] as const;
export type OutboundFlowReturnCode = (typeof OUTBOUND_FLOW_RETURN_CODES)[number];

/**
 * What can happen to an outbound flow: Stripe's create and cancel endpoints, its
 * test helpers (post, fail, return, tracking update), and `submit`: the network
 * has taken the flow, so it stops being `cancelable` (our name for the moment
 * Stripe's material describes as "the funds have ... been paid out").
 */
export const OUTBOUND_FLOW_ACTIONS = ['create', 'cancel', 'post', 'fail', 'return', 'submit', 'update_tracking'] as const;
export type OutboundFlowActionType = (typeof OUTBOUND_FLOW_ACTIONS)[number];

export type OutboundFlowAction =
  | { type: 'create'; amount: bigint; at: Date; cancelable?: boolean }
  | { type: Exclude<OutboundFlowActionType, 'create'>; at: Date };

export type OutboundFlowState = MovementState<OutboundFlowStatus, OutboundFlowTransition>;
/** The two flows this machine serves. */
export type OutboundFlowType = 'outbound_transfer' | 'outbound_payment';
/** The event types of an outbound flow: `treasury.outbound_transfer.*` or `treasury.outbound_payment.*`. */
export type OutboundFlowEvent<F extends OutboundFlowType = OutboundFlowType> = EventTypeOf<`treasury.${F}`>;
export type OutboundFlowStep<F extends OutboundFlowType = OutboundFlowType> = StepResult<OutboundFlowStatus, OutboundFlowTransition, OutboundFlowEvent<F>>;

/** The states no action leaves, except `posted`, which a return still can. */
export const OUTBOUND_FLOW_TERMINAL: readonly OutboundFlowStatus[] = ['posted', 'failed', 'canceled', 'returned'];

export interface OutboundFlowMachine<F extends OutboundFlowType = OutboundFlowType> {
  next(state: OutboundFlowState | null, action: OutboundFlowAction): OutboundFlowStep<F>;
  /** Stripe's `cancelable`: only while processing and before the network has it. */
  cancelable(state: Pick<OutboundFlowState, 'status' | 'cancelable'>): boolean;
}

/** What happens to an outbound flow, by the last part of its event type. */
type OutboundFlowHappening = 'created' | 'canceled' | 'failed' | 'posted' | 'returned' | 'tracking_details_updated';

export function outboundFlowMachine<F extends OutboundFlowType>(flow: F): OutboundFlowMachine<F> {
  const name = flow === 'outbound_transfer' ? 'OutboundTransfer' : 'OutboundPayment';
  // Both flows' catalogues have every happening; the event-types test holds them to it.
  const event = (what: OutboundFlowHappening) => `treasury.${flow}.${what}` as OutboundFlowEvent<F>;

  function cancelable(state: Pick<OutboundFlowState, 'status' | 'cancelable'>): boolean {
    return state.status === 'processing' && state.cancelable;
  }

  function next(state: OutboundFlowState | null, action: OutboundFlowAction): OutboundFlowStep<F> {
    if (action.type === 'create') {
      if (state !== null) return refuse(`This ${name} already exists.`);
      assertAmount(action.amount);
      const A = action.amount;
      const initial: OutboundFlowState = {
        status: 'processing',
        amount: A,
        cancelable: true,
        transactionStatus: null,
        returnTransactionStatus: null,
        statusTransitions: noTransitions(OUTBOUND_FLOW_TRANSITIONS),
      };
      // Creation holds the amount: out of cash into outbound_pending, on an open transaction (Stripe's example transaction).
      return step(initial, {
        cancelable: action.cancelable ?? true,
        opens: { flow: -A },
        entries: [entry('flow', flow, impact(-A, 0n, A), null)],
        events: [event('created')],
      });
    }
    if (state === null) return refuse(`There is no ${name} to ${action.type.replace('_', ' ')}.`);
    const A = state.amount;
    const { at } = action;
    const inStatus = `This ${name} is ${state.status}`;

    switch (action.type) {
      // "An OutboundTransfer can be canceled if the funds have not yet been paid out": processing and cancelable.
      case 'cancel':
        if (!cancelable(state)) {
          return refuse(
            state.status === 'processing'
              ? `This ${name} can no longer be canceled: the network already has it.`
              : `${inStatus}; only a processing ${name} can be canceled.`,
          );
        }
        return step(state, {
          status: 'canceled',
          cancelable: false,
          entries: [entry('flow', `${flow}_cancellation`, impact(A, 0n, -A), 'void')],
          transitions: { canceledAt: at },
          events: [event('canceled')],
        });

      // Test helper: "must already be in the processing state". The hold goes back to cash; the transaction is void.
      case 'fail':
        if (state.status !== 'processing') return refuse(`${inStatus}; only a processing ${name} can fail.`);
        return step(state, {
          status: 'failed',
          cancelable: false,
          entries: [entry('flow', `${flow}_failure`, impact(A, 0n, -A), 'void')],
          transitions: { failedAt: at },
          events: [event('failed')],
        });

      // Test helper: "must already be in the processing state". The money has left: the hold is released, the transaction posts.
      case 'post':
        if (state.status !== 'processing') return refuse(`${inStatus}; only a processing ${name} can be posted.`);
        return step(state, {
          status: 'posted',
          cancelable: false,
          entries: [entry('flow', `${flow}_posting`, impact(0n, 0n, -A), 'posted')],
          transitions: { postedAt: at },
          events: [event('posted')],
        });

      // "If an OutboundTransfer fails to arrive at its destination, its status will change to returned": the original
      // transaction stays posted and the money comes back to cash through a second, posted transaction
      // (`returned_details.transaction`). Stripe's test helper returns a processing flow; a network returns a posted one.
      // From processing, the flow posts first, so both times are set.
      case 'return': {
        const back = entry('return', `${flow}_return`, impact(A, 0n, 0n), 'posted');
        if (state.status === 'processing') {
          return step(state, {
            status: 'returned',
            cancelable: false,
            opens: { return: A },
            entries: [entry('flow', `${flow}_posting`, impact(0n, 0n, -A), 'posted'), back],
            transitions: { postedAt: at, returnedAt: at },
            events: [event('returned')],
          });
        }
        if (state.status === 'posted') {
          return step(state, {
            status: 'returned',
            opens: { return: A },
            entries: [back],
            transitions: { returnedAt: at },
            events: [event('returned')],
          });
        }
        return refuse(`${inStatus}; only a processing or posted ${name} can be returned.`);
      }

      case 'submit':
        if (!cancelable(state)) return refuse(`${inStatus}${state.status === 'processing' ? ' and already with the network' : ''}; nothing to submit.`);
        return step(state, { cancelable: false });

      // Test helper: "must not be cancelable, and cannot be in the canceled or failed states". No balance changes.
      case 'update_tracking':
        if (state.cancelable || state.status === 'canceled' || state.status === 'failed') {
          return refuse(
            state.cancelable
              ? `This ${name} is still cancelable; tracking details come once the network has it.`
              : `${inStatus}; it has no tracking details.`,
          );
        }
        return step(state, { events: [event('tracking_details_updated')] });
    }
  }

  return { next, cancelable };
}
