// Which financial-account feature each money movement needs, per network, and
// which platform restriction stops it. One table, so the services, the demo seed
// and the feature lifecycle agree on what a feature actually switches on.
import type { Feature } from './features.ts';
import type { FlowType } from './ledger.ts';
import { failure, ok, type Result } from './result.ts';

/** Every network a Treasury flow reports (the union of the flows' `network` enums in schemas.json). */
export const NETWORKS = ['ach', 'card', 'stripe', 'us_domestic_wire'] as const;
export type Network = (typeof NETWORKS)[number];

/** The flow types that are money movements with an object of their own (Stripe's `flow_type` less `issuing_authorization` and `other`). */
export const MONEY_MOVEMENT_FLOW_TYPES = [
  'outbound_transfer',
  'outbound_payment',
  'inbound_transfer',
  'received_credit',
  'received_debit',
  'credit_reversal',
  'debit_reversal',
] as const satisfies readonly FlowType[];
export type MoneyMovementFlowType = (typeof MONEY_MOVEMENT_FLOW_TYPES)[number];

export type FlowDirection = 'inbound' | 'outbound';
export type PlatformRestrictionName = 'inbound_flows' | 'outbound_flows';

/** Which way money moves for the financial account the flow belongs to. */
export const FLOW_DIRECTIONS: Readonly<Record<MoneyMovementFlowType, FlowDirection>> = Object.freeze({
  outbound_transfer: 'outbound',
  outbound_payment: 'outbound',
  // A ReceivedDebit pulls money out; a CreditReversal sends a received credit back.
  received_debit: 'outbound',
  credit_reversal: 'outbound',
  inbound_transfer: 'inbound',
  received_credit: 'inbound',
  // A DebitReversal brings the debited money back in.
  debit_reversal: 'inbound',
});

/** `platform_restrictions`: inbound_flows "Restricts all inbound money movement", outbound_flows "all outbound money movement". */
export function restrictionFor(flow: MoneyMovementFlowType): PlatformRestrictionName {
  return FLOW_DIRECTIONS[flow] === 'inbound' ? 'inbound_flows' : 'outbound_flows';
}

/**
 * The feature a flow needs on its financial account, per network it can use
 * (a network missing from a flow's row is one Stripe never uses for it):
 * - OutboundTransfer/OutboundPayment to a bank account: `outbound_{transfers,payments}.{ach,us_domestic_wire}`;
 *   to a FinancialAccount over `stripe`: `intra_stripe_flows`.
 * - InboundTransfer: ACH debit only (`inbound_transfers.ach`).
 * - ReceivedCredit/ReceivedDebit over ach or wire arrive at the account's ABA address (`financial_addresses.aba`);
 *   over `stripe` they are intra-Stripe flows; over `card` they are Issuing's (`card_issuing`).
 * - A reversal uses the network of the flow it reverses, so it needs what that flow needed.
 */
export const FLOW_FEATURES: Readonly<Record<MoneyMovementFlowType, Readonly<Partial<Record<Network, Feature>>>>> = Object.freeze({
  outbound_transfer: { ach: 'outbound_transfers_ach', us_domestic_wire: 'outbound_transfers_us_domestic_wire', stripe: 'intra_stripe_flows' },
  outbound_payment: { ach: 'outbound_payments_ach', us_domestic_wire: 'outbound_payments_us_domestic_wire', stripe: 'intra_stripe_flows' },
  inbound_transfer: { ach: 'inbound_transfers_ach' },
  received_credit: {
    ach: 'financial_addresses_aba',
    us_domestic_wire: 'financial_addresses_aba',
    stripe: 'intra_stripe_flows',
    card: 'card_issuing',
  },
  received_debit: { ach: 'financial_addresses_aba', stripe: 'intra_stripe_flows', card: 'card_issuing' },
  credit_reversal: { ach: 'financial_addresses_aba', stripe: 'intra_stripe_flows' },
  debit_reversal: { ach: 'financial_addresses_aba', card: 'card_issuing' },
});

/** The networks a flow can use: the `network` enums of its schema (and of its payment method details). */
export function networksFor(flow: MoneyMovementFlowType): Network[] {
  return NETWORKS.filter((network) => FLOW_FEATURES[flow][network] !== undefined);
}

/** The feature a flow over `network` needs; undefined when the flow never uses that network. */
export function requiredFeature(flow: MoneyMovementFlowType, network: Network): Feature | undefined {
  return FLOW_FEATURES[flow][network];
}

/** Every feature that enables some network of the flow: the flow can happen at all if any of them is active. */
export function featuresForFlow(flow: MoneyMovementFlowType): Feature[] {
  return [...new Set(Object.values(FLOW_FEATURES[flow]))].sort();
}

/** What the rules need to know of the financial account. */
export interface FlowAccountContext {
  open: boolean;
  activeFeatures: ReadonlySet<Feature>;
  restrictions: { inboundFlows: 'restricted' | 'unrestricted' | null; outboundFlows: 'restricted' | 'unrestricted' | null };
}

/** Code of a flow refused because its feature is not active (after Stripe's `recipient_feature_not_active`). */
export const FEATURE_NOT_ACTIVE = 'feature_not_active';
/** Code of a flow refused by a platform restriction (Stripe's feature status detail `restricted_by_platform`). */
export const RESTRICTED_BY_PLATFORM = 'restricted_by_platform';
/** Code of a flow on a closed account (Stripe's status detail `financial_account_closed`). */
export const FINANCIAL_ACCOUNT_CLOSED = 'financial_account_closed';

/**
 * Whether the account may make (or receive) this flow over this network: the
 * network must be one the flow uses, the account open, the direction not
 * restricted by the platform, and the feature active. Returns the feature used.
 */
export function checkFlowAllowed(
  flow: MoneyMovementFlowType,
  network: Network,
  account: FlowAccountContext,
  field: { network?: string[]; financialAccount?: string[] } = {},
): Result<Feature> {
  const feature = requiredFeature(flow, network);
  if (feature === undefined) {
    return failure('parameter_invalid', `A ${flow} cannot use the ${network} network; it uses ${networksFor(flow).join(', ')}.`, field.network ?? ['network']);
  }
  const accountField = field.financialAccount ?? ['financialAccount'];
  if (!account.open) return failure(FINANCIAL_ACCOUNT_CLOSED, 'The financial account is closed: no money moves in or out.', accountField);
  const restriction = restrictionFor(flow);
  const restricted = restriction === 'inbound_flows' ? account.restrictions.inboundFlows : account.restrictions.outboundFlows;
  if (restricted === 'restricted') {
    return failure(RESTRICTED_BY_PLATFORM, `The platform restricts ${restriction.replace('_', ' ')} on this financial account.`, accountField);
  }
  if (!account.activeFeatures.has(feature)) {
    return failure(FEATURE_NOT_ACTIVE, `A ${flow} over ${network} needs the ${feature} feature, which is not active on this financial account.`, accountField);
  }
  return ok(feature);
}
