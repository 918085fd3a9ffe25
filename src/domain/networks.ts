// The networks money moves over, and the codes a flow is refused with: the
// vocabulary the movements' descriptors (money-movements/movements.ts) and the
// flow rules (flows.ts) share, kept apart so neither imports the other.

/** Every network a Treasury flow reports (the union of the flows' `network` enums in schemas.json). */
export const NETWORKS = ['ach', 'card', 'stripe', 'us_domestic_wire'] as const;
export type Network = (typeof NETWORKS)[number];

/** Which way money moves for the financial account a flow belongs to. */
export type FlowDirection = 'inbound' | 'outbound';

/** Code of a flow refused because its feature is not active (after Stripe's `recipient_feature_not_active`). */
export const FEATURE_NOT_ACTIVE = 'feature_not_active';
/** Code of a flow refused by a platform restriction (Stripe's feature status detail `restricted_by_platform`). */
export const RESTRICTED_BY_PLATFORM = 'restricted_by_platform';
/** Code of a flow on a closed account (Stripe's status detail `financial_account_closed`). */
export const FINANCIAL_ACCOUNT_CLOSED = 'financial_account_closed';
