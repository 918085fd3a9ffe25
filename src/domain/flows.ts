// Which financial-account feature each money movement needs, per network, and
// which platform restriction stops it. One table, so the services, the demo seed
// and the feature lifecycle agree on what a feature actually switches on.
import type { Feature } from './features.ts';
import { MOVEMENT_LIST, type MoneyMovementFlowType } from './money-movements/movements.ts';
import { FEATURE_NOT_ACTIVE, FINANCIAL_ACCOUNT_CLOSED, NETWORKS, RESTRICTED_BY_PLATFORM, type FlowDirection, type Network } from './networks.ts';
import { failure, ok, type Result } from './result.ts';

export { MONEY_MOVEMENT_FLOW_TYPES, type MoneyMovementFlowType } from './money-movements/movements.ts';
export { FEATURE_NOT_ACTIVE, FINANCIAL_ACCOUNT_CLOSED, NETWORKS, RESTRICTED_BY_PLATFORM, type FlowDirection, type Network } from './networks.ts';

export type PlatformRestrictionName = 'inbound_flows' | 'outbound_flows';

/** Which way money moves for the financial account the flow belongs to (each movement's descriptor says). */
export const FLOW_DIRECTIONS: Readonly<Record<MoneyMovementFlowType, FlowDirection>> = Object.freeze(
  Object.fromEntries(MOVEMENT_LIST.map((m) => [m.flowType, m.direction])) as Record<MoneyMovementFlowType, FlowDirection>,
);

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
export const FLOW_FEATURES: Readonly<Record<MoneyMovementFlowType, Readonly<Partial<Record<Network, Feature>>>>> = Object.freeze(
  Object.fromEntries(MOVEMENT_LIST.map((m) => [m.flowType, m.features])) as Record<MoneyMovementFlowType, Partial<Record<Network, Feature>>>,
);

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
  return [...new Set(Object.values(FLOW_FEATURES[flow]).filter((f): f is Feature => f !== undefined))].sort();
}

/** What the rules need to know of the financial account. */
export interface FlowAccountContext {
  open: boolean;
  activeFeatures: ReadonlySet<Feature>;
  restrictions: { inboundFlows: 'restricted' | 'unrestricted' | null; outboundFlows: 'restricted' | 'unrestricted' | null };
}


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
