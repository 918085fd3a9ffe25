// OutboundPayment (`obp_`): money from a financial account to a third party. Same lifecycle and ledger as an OutboundTransfer.
import { outboundFlowMachine } from './outbound-flow.ts';

export {
  OUTBOUND_FLOW_STATUSES as OUTBOUND_PAYMENT_STATUSES,
  OUTBOUND_FLOW_TRANSITIONS as OUTBOUND_PAYMENT_TRANSITIONS,
  OUTBOUND_FLOW_RETURN_CODES as OUTBOUND_PAYMENT_RETURN_CODES,
  OUTBOUND_FLOW_ACTIONS as OUTBOUND_PAYMENT_ACTIONS,
  type OutboundFlowStatus as OutboundPaymentStatus,
  type OutboundFlowReturnCode as OutboundPaymentReturnCode,
  type OutboundFlowAction as OutboundPaymentAction,
  type OutboundFlowState as OutboundPaymentState,
  type OutboundFlowStep as OutboundPaymentStep,
} from './outbound-flow.ts';

/** `destination_payment_method_details.type` of an OutboundPayment. */
export const OUTBOUND_PAYMENT_DESTINATION_TYPES = ['financial_account', 'us_bank_account'] as const;

const machine = outboundFlowMachine('outbound_payment');

/** The next state of an OutboundPayment (null before it exists), with the entries to write; or Stripe's refusal. */
export const nextOutboundPayment = machine.next;
/** Stripe's `cancelable` of an OutboundPayment. */
export const outboundPaymentCancelable = machine.cancelable;
