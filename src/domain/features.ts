// The feature lifecycle of a financial account, as plain rules.
//
// A requested feature's state follows from the account's capabilities, the
// platform's restrictions and whether the financial account is open:
//   closed account                        → RESTRICTED  financial_account_closed
//   a needed capability missing           → RESTRICTED  capability_not_requested (provide_information)
//   a needed capability inactive          → RESTRICTED  requirements_past_due (provide_information)
//   a needed capability pending           → PENDING     requirements_pending_verification
//   the platform restricts its direction  → RESTRICTED  restricted_by_platform (remove_restriction, inbound_flows|outbound_flows)
//   otherwise                             → ACTIVE, reached asynchronously: first PENDING activating,
//                                           then ACTIVE once the activation has run (as in Stripe).
// A feature that is not requested is RESTRICTED with restricted_other and lists nowhere.

export const FEATURES = [
  'card_issuing',
  'deposit_insurance',
  'financial_addresses_aba',
  'inbound_transfers_ach',
  'intra_stripe_flows',
  'outbound_payments_ach',
  'outbound_payments_us_domestic_wire',
  'outbound_transfers_ach',
  'outbound_transfers_us_domestic_wire',
] as const;
export type Feature = (typeof FEATURES)[number];

export const CAPABILITIES = ['treasury', 'card_issuing', 'us_bank_account_ach_payments', 'transfers'] as const;
export type CapabilityName = (typeof CAPABILITIES)[number];
export const CAPABILITY_STATUSES = ['active', 'inactive', 'pending'] as const;
export type CapabilityStatus = (typeof CAPABILITY_STATUSES)[number];

export const FEATURE_STATUSES = ['active', 'pending', 'restricted'] as const;
export type FeatureStatus = (typeof FEATURE_STATUSES)[number];

export const STATUS_DETAIL_CODES = [
  'activating',
  'capability_not_requested',
  'financial_account_closed',
  'rejected_other',
  'rejected_unsupported_business',
  'requirements_past_due',
  'requirements_pending_verification',
  'restricted_by_platform',
  'restricted_other',
] as const;
export const STATUS_DETAIL_RESOLUTIONS = ['contact_stripe', 'provide_information', 'remove_restriction'] as const;
export const STATUS_DETAIL_RESTRICTIONS = ['inbound_flows', 'outbound_flows'] as const;

/** One of Stripe's `status_details` entries. */
export interface StatusDetail {
  code: (typeof STATUS_DETAIL_CODES)[number];
  resolution: (typeof STATUS_DETAIL_RESOLUTIONS)[number] | null;
  restriction: (typeof STATUS_DETAIL_RESTRICTIONS)[number] | null;
}

export interface FeatureState {
  status: FeatureStatus;
  statusDetails: StatusDetail[];
}

/** The capabilities a feature needs before Stripe activates it. */
export const FEATURE_CAPABILITIES: Record<Feature, CapabilityName[]> = {
  card_issuing: ['treasury', 'card_issuing'],
  deposit_insurance: ['treasury'],
  financial_addresses_aba: ['treasury'],
  inbound_transfers_ach: ['treasury', 'us_bank_account_ach_payments'],
  intra_stripe_flows: ['treasury'],
  outbound_payments_ach: ['treasury', 'us_bank_account_ach_payments'],
  outbound_payments_us_domestic_wire: ['treasury'],
  outbound_transfers_ach: ['treasury', 'us_bank_account_ach_payments'],
  outbound_transfers_us_domestic_wire: ['treasury'],
};

/** Which platform restriction stops a feature: money in, money out, or (intra-Stripe flows) both. */
export const FEATURE_DIRECTIONS: Record<Feature, Array<'inbound_flows' | 'outbound_flows'>> = {
  card_issuing: [],
  deposit_insurance: [],
  financial_addresses_aba: ['inbound_flows'],
  inbound_transfers_ach: ['inbound_flows'],
  intra_stripe_flows: ['inbound_flows', 'outbound_flows'],
  outbound_payments_ach: ['outbound_flows'],
  outbound_payments_us_domestic_wire: ['outbound_flows'],
  outbound_transfers_ach: ['outbound_flows'],
  outbound_transfers_us_domestic_wire: ['outbound_flows'],
};

export interface FeatureContext {
  accountOpen: boolean;
  capabilities: Partial<Record<CapabilityName, CapabilityStatus>>;
  restrictions: { inboundFlows: 'restricted' | 'unrestricted' | null; outboundFlows: 'restricted' | 'unrestricted' | null };
}

const detail = (
  code: StatusDetail['code'],
  resolution: StatusDetail['resolution'] = null,
  restriction: StatusDetail['restriction'] = null,
): StatusDetail => ({ code, resolution, restriction });

/** Where a feature is headed: the state it should have once any activation has run. */
export function targetFeatureState(feature: Feature, requested: boolean, context: FeatureContext): FeatureState {
  if (!context.accountOpen) return { status: 'restricted', statusDetails: [detail('financial_account_closed')] };
  if (!requested) return { status: 'restricted', statusDetails: [detail('restricted_other')] };
  const needed = FEATURE_CAPABILITIES[feature].map((name) => context.capabilities[name]);
  if (needed.includes(undefined)) {
    return { status: 'restricted', statusDetails: [detail('capability_not_requested', 'provide_information')] };
  }
  if (needed.includes('inactive')) {
    return { status: 'restricted', statusDetails: [detail('requirements_past_due', 'provide_information')] };
  }
  if (needed.includes('pending')) {
    return { status: 'pending', statusDetails: [detail('requirements_pending_verification')] };
  }
  const restrictedBy = FEATURE_DIRECTIONS[feature].filter((direction) =>
    direction === 'inbound_flows' ? context.restrictions.inboundFlows === 'restricted' : context.restrictions.outboundFlows === 'restricted',
  );
  if (restrictedBy.length > 0) {
    return {
      status: 'restricted',
      statusDetails: restrictedBy.map((direction) => detail('restricted_by_platform', 'remove_restriction', direction)),
    };
  }
  return { status: 'active', statusDetails: [] };
}

/** What a feature is set to right after a change: an activation is never immediate. */
export function nextFeatureState(current: FeatureState | null, target: FeatureState): FeatureState {
  if (target.status !== 'active') return target;
  if (current?.status === 'active') return current;
  return { status: 'pending', statusDetails: [detail('activating')] };
}

/** Whether a feature waits only for its (asynchronous) activation. */
export function isActivating(state: FeatureState): boolean {
  return state.status === 'pending' && state.statusDetails.some((d) => d.code === 'activating');
}

export function sameFeatureState(a: FeatureState, b: FeatureState): boolean {
  return a.status === b.status && JSON.stringify(a.statusDetails) === JSON.stringify(b.statusDetails);
}
