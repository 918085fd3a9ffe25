// OutboundTransfer (`obt_`): money from a financial account to an account of the same owner.
import { outboundFlowMachine } from './outbound-flow.ts';

export {
  OUTBOUND_FLOW_STATUSES as OUTBOUND_TRANSFER_STATUSES,
  OUTBOUND_FLOW_TRANSITIONS as OUTBOUND_TRANSFER_TRANSITIONS,
  OUTBOUND_FLOW_RETURN_CODES as OUTBOUND_TRANSFER_RETURN_CODES,
  OUTBOUND_FLOW_ACTIONS as OUTBOUND_TRANSFER_ACTIONS,
  type OutboundFlowStatus as OutboundTransferStatus,
  type OutboundFlowReturnCode as OutboundTransferReturnCode,
  type OutboundFlowAction as OutboundTransferAction,
  type OutboundFlowState as OutboundTransferState,
  type OutboundFlowStep as OutboundTransferStep,
} from './outbound-flow.ts';

/** `destination_payment_method_details.type` of an OutboundTransfer. */
export const OUTBOUND_TRANSFER_DESTINATION_TYPES = ['financial_account', 'us_bank_account'] as const;

const machine = outboundFlowMachine('outbound_transfer');

/** The next state of an OutboundTransfer (null before it exists), with the entries to write; or Stripe's refusal. */
export const nextOutboundTransfer = machine.next;
/** Stripe's `cancelable` of an OutboundTransfer. */
export const outboundTransferCancelable = machine.cancelable;
