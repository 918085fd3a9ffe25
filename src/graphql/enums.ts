// The enums shared by several types, with Stripe's values.
import { stripeEnum } from './stripe-enum.ts';

export const FLOW_TYPES = [
  'credit_reversal',
  'debit_reversal',
  'inbound_transfer',
  'issuing_authorization',
  'other',
  'outbound_payment',
  'outbound_transfer',
  'received_credit',
  'received_debit',
] as const;

export const FlowType = stripeEnum('FlowType', FLOW_TYPES, {
  description: 'The kind of money movement (flow) behind a transaction or entry: Stripe\'s `flow_type`.',
});
