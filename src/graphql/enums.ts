// The enums shared by several types, with Stripe's values.
import { FLOW_TYPES } from '../domain/ledger.ts';
import { stripeEnum } from './stripe-enum.ts';

export const FlowType = stripeEnum('FlowType', FLOW_TYPES, {
  description: 'The kind of money movement (flow) behind a transaction or entry: Stripe\'s `flow_type`.',
});
