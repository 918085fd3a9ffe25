// InboundTransfer (`ibt_`): the account holder pulling money in from their own external bank account, by ACH debit.
import type { EventTypeOf } from '../event-types.ts';
import { assertAmount, entry, impact, noTransitions, refuse, step, type MovementState, type StepResult } from './shared.ts';

/** `status` of treasury.inbound_transfer. */
export const INBOUND_TRANSFER_STATUSES = ['processing', 'succeeded', 'failed', 'canceled'] as const;
export type InboundTransferStatus = (typeof INBOUND_TRANSFER_STATUSES)[number];

/** `status_transitions` keys, camelCased. */
export const INBOUND_TRANSFER_TRANSITIONS = ['succeededAt', 'failedAt', 'canceledAt'] as const;
export type InboundTransferTransition = (typeof INBOUND_TRANSFER_TRANSITIONS)[number];

/** `failure_details.code` of treasury.inbound_transfer. */
export const INBOUND_TRANSFER_FAILURE_CODES = [
  'account_closed',
  'account_frozen',
  'bank_account_restricted',
  'bank_ownership_changed',
  'debit_not_authorized',
  'incorrect_account_holder_address',
  'incorrect_account_holder_name',
  'incorrect_account_holder_tax_id',
  'insufficient_funds',
  'invalid_account_number',
  'invalid_currency',
  'no_account',
  'other',
] as const;
export type InboundTransferFailureCode = (typeof INBOUND_TRANSFER_FAILURE_CODES)[number];

/** Stripe's create and cancel endpoints and its test helpers (succeed, fail, return). */
export const INBOUND_TRANSFER_ACTIONS = ['create', 'cancel', 'succeed', 'fail', 'return'] as const;
export type InboundTransferActionType = (typeof INBOUND_TRANSFER_ACTIONS)[number];
export type InboundTransferAction =
  | { type: 'create'; amount: bigint; at: Date }
  | { type: Exclude<InboundTransferActionType, 'create'>; at: Date };

export type InboundTransferState = MovementState<InboundTransferStatus, InboundTransferTransition>;
export type InboundTransferEvent = EventTypeOf<'treasury.inbound_transfer'>;
export type InboundTransferStep = StepResult<InboundTransferStatus, InboundTransferTransition, InboundTransferEvent>;

/** Stripe's `cancelable`: "true if the InboundTransfer is able to be canceled", i.e. still processing. */
export function inboundTransferCancelable(state: Pick<InboundTransferState, 'status' | 'cancelable'>): boolean {
  return state.status === 'processing' && state.cancelable;
}

/** Stripe's `returned`: the funds went back after the transfer succeeded (the return transaction exists). */
export function inboundTransferReturned(state: InboundTransferState): boolean {
  return state.returnTransactionStatus !== null;
}

/**
 * The next state of an InboundTransfer. Nothing touches the balance while it is
 * processing: "The status changes to `succeeded` once the funds have been
 * 'confirmed' and a `transaction` is created and posted" (so `transaction` is
 * null until then, as the schema allows), and the money lands in cash.
 */
export function nextInboundTransfer(state: InboundTransferState | null, action: InboundTransferAction): InboundTransferStep {
  if (action.type === 'create') {
    if (state !== null) return refuse('This InboundTransfer already exists.');
    assertAmount(action.amount);
    const initial: InboundTransferState = {
      status: 'processing',
      amount: action.amount,
      cancelable: true,
      transactionStatus: null,
      returnTransactionStatus: null,
      statusTransitions: noTransitions(INBOUND_TRANSFER_TRANSITIONS),
    };
    return step(initial, { events: ['treasury.inbound_transfer.created'] });
  }
  if (state === null) return refuse(`There is no InboundTransfer to ${action.type}.`);
  const A = state.amount;
  const { at } = action;
  const inStatus = `This InboundTransfer is ${state.status}`;
  switch (action.type) {
    case 'cancel':
      if (!inboundTransferCancelable(state)) return refuse(`${inStatus}; only a processing InboundTransfer can be canceled.`);
      return step(state, { status: 'canceled', cancelable: false, transitions: { canceledAt: at }, events: ['treasury.inbound_transfer.canceled'] });
    // Test helper: "The InboundTransfer must already be in the `processing` state."
    case 'fail':
      if (state.status !== 'processing') return refuse(`${inStatus}; only a processing InboundTransfer can fail.`);
      return step(state, { status: 'failed', cancelable: false, transitions: { failedAt: at }, events: ['treasury.inbound_transfer.failed'] });
    // Test helper: "must already be in the `processing` state". One `inbound_transfer` entry into cash, posted.
    case 'succeed':
      if (state.status !== 'processing') return refuse(`${inStatus}; only a processing InboundTransfer can succeed.`);
      return step(state, {
        status: 'succeeded',
        cancelable: false,
        opens: { flow: A },
        entries: [entry('flow', 'inbound_transfer', impact(A, 0n, 0n), 'posted')],
        transitions: { succeededAt: at },
        events: ['treasury.inbound_transfer.succeeded'],
      });
    // Test helper: "Marks the ... InboundTransfer as returned and links the InboundTransfer to a ReceivedDebit.
    // The InboundTransfer must already be in the `succeeded` state." The status stays succeeded (`returned` turns
    // true); the money leaves cash on a second, posted transaction with an `inbound_transfer_return` entry, which
    // belongs to that ReceivedDebit (`linked_flows.received_debit`): the service creates it and emits its event.
    case 'return':
      if (state.status !== 'succeeded') return refuse(`${inStatus}; only a succeeded InboundTransfer can be returned.`);
      if (inboundTransferReturned(state)) return refuse('This InboundTransfer has already been returned.');
      return step(state, {
        opens: { return: -A },
        entries: [entry('return', 'inbound_transfer_return', impact(-A, 0n, 0n), 'posted')],
      });
  }
}
