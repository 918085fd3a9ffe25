// The enums shared by several types, with Stripe's values.
import { NETWORKS } from '../domain/flows.ts';
import { FLOW_TYPES } from '../domain/ledger.ts';
import { stripeEnum } from './stripe-enum.ts';

export const FlowType = stripeEnum('FlowType', FLOW_TYPES, {
  description: 'The kind of money movement (flow) behind a transaction or entry: Stripe\'s `flow_type`.',
});

export const TreasuryNetwork = stripeEnum('TreasuryNetwork', NETWORKS, {
  description: 'The rails a money movement travels over: Stripe\'s `network`.',
  valueDescriptions: {
    ach: 'ACH, the US automated clearing house.',
    card: 'Card networks (Issuing).',
    stripe: 'Stripe\'s own network, between financial accounts.',
    us_domestic_wire: 'A US domestic wire (Fedwire).',
  },
});
