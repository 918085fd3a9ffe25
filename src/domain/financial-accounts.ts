// The value lists of financial accounts and accounts, as Stripe names them:
// declared once, for the domain, the database code and the GraphQL enums
// (test/domain/enums.test.ts holds them equal to the database's enums).

/** Stripe's `treasury.financial_account.status`. */
export const FINANCIAL_ACCOUNT_STATUSES = ['open', 'closed'] as const;
export type FinancialAccountStatus = (typeof FINANCIAL_ACCOUNT_STATUSES)[number];

/** Stripe's `status_details.closed.reasons`. */
export const FINANCIAL_ACCOUNT_CLOSED_REASONS = ['account_rejected', 'closed_by_platform', 'other'] as const;
export type FinancialAccountClosedReason = (typeof FINANCIAL_ACCOUNT_CLOSED_REASONS)[number];

/** Stripe's `platform_restrictions.inbound_flows` / `outbound_flows`. */
export const PLATFORM_RESTRICTIONS = ['restricted', 'unrestricted'] as const;
export type PlatformRestriction = (typeof PLATFORM_RESTRICTIONS)[number];

/** Stripe's `financial_addresses[].type`. */
export const FINANCIAL_ADDRESS_TYPES = ['aba'] as const;
export type FinancialAddressType = (typeof FINANCIAL_ADDRESS_TYPES)[number];

/** The two kinds of Stripe account the gateway knows: the platform, and its connected accounts. */
export const ACCOUNT_KINDS = ['platform', 'connected'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];
