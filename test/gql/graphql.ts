/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A Stripe capability that Treasury features depend on. */
export type CapabilityName =
  | 'CARD_ISSUING'
  | 'TRANSFERS'
  | 'TREASURY'
  | 'US_BANK_ACCOUNT_ACH_PAYMENTS';

/** Whether a capability can be used. */
export type CapabilityStatus =
  /** The account can use it. */
  | 'ACTIVE'
  /** The account cannot use it (not onboarded, or rejected). */
  | 'INACTIVE'
  /** Stripe is verifying the account's information. */
  | 'PENDING';

/** Why a feature is pending or restricted. */
export type FeatureStatusDetailCode =
  | 'ACTIVATING'
  | 'CAPABILITY_NOT_REQUESTED'
  | 'FINANCIAL_ACCOUNT_CLOSED'
  | 'REJECTED_OTHER'
  | 'REJECTED_UNSUPPORTED_BUSINESS'
  | 'REQUIREMENTS_PAST_DUE'
  | 'REQUIREMENTS_PENDING_VERIFICATION'
  | 'RESTRICTED_BY_PLATFORM'
  | 'RESTRICTED_OTHER';

/** What the account should do, if anything, to activate the feature. */
export type FeatureStatusDetailResolution =
  | 'CONTACT_STRIPE'
  | 'PROVIDE_INFORMATION'
  | 'REMOVE_RESTRICTION';

/** The platform restriction that restricts the feature. */
export type FeatureStatusDetailRestriction =
  | 'INBOUND_FLOWS'
  | 'OUTBOUND_FLOWS';

/** A feature of a financial account, as a path in Stripe's features hash (`financial_addresses.aba` → FINANCIAL_ADDRESSES_ABA). */
export type FinancialAccountFeature =
  | 'CARD_ISSUING'
  | 'DEPOSIT_INSURANCE'
  | 'FINANCIAL_ADDRESSES_ABA'
  | 'INBOUND_TRANSFERS_ACH'
  | 'INTRA_STRIPE_FLOWS'
  | 'OUTBOUND_PAYMENTS_ACH'
  | 'OUTBOUND_PAYMENTS_US_DOMESTIC_WIRE'
  | 'OUTBOUND_TRANSFERS_ACH'
  | 'OUTBOUND_TRANSFERS_US_DOMESTIC_WIRE';

/** Whether a feature is operational. */
export type FinancialAccountFeatureStatus =
  | 'ACTIVE'
  | 'PENDING'
  | 'RESTRICTED';

/** The kind of financial address. */
export type FinancialAddressType =
  | 'ABA';

/** The kind of money movement (flow) behind a transaction or entry: Stripe's `flow_type`. */
export type FlowType =
  | 'CREDIT_REVERSAL'
  | 'DEBIT_REVERSAL'
  | 'INBOUND_TRANSFER'
  | 'ISSUING_AUTHORIZATION'
  | 'OTHER'
  | 'OUTBOUND_PAYMENT'
  | 'OUTBOUND_TRANSFER'
  | 'RECEIVED_CREDIT'
  | 'RECEIVED_DEBIT';

/** The specific money movement step that generated a transaction entry. */
export type TransactionEntryType =
  | 'CREDIT_REVERSAL'
  | 'CREDIT_REVERSAL_POSTING'
  | 'DEBIT_REVERSAL'
  | 'INBOUND_TRANSFER'
  | 'INBOUND_TRANSFER_RETURN'
  | 'ISSUING_AUTHORIZATION_HOLD'
  | 'ISSUING_AUTHORIZATION_RELEASE'
  | 'OTHER'
  | 'OUTBOUND_PAYMENT'
  | 'OUTBOUND_PAYMENT_CANCELLATION'
  | 'OUTBOUND_PAYMENT_FAILURE'
  | 'OUTBOUND_PAYMENT_POSTING'
  | 'OUTBOUND_PAYMENT_RETURN'
  | 'OUTBOUND_TRANSFER'
  | 'OUTBOUND_TRANSFER_CANCELLATION'
  | 'OUTBOUND_TRANSFER_FAILURE'
  | 'OUTBOUND_TRANSFER_POSTING'
  | 'OUTBOUND_TRANSFER_RETURN'
  | 'RECEIVED_CREDIT'
  | 'RECEIVED_DEBIT';

/** Status of a transaction. */
export type TransactionStatus =
  /** The flow is in progress; its funds may still move. */
  | 'OPEN'
  /** The flow completed; its funds moved for good. */
  | 'POSTED'
  /** The flow was canceled or failed; it left the balance as it was. */
  | 'VOID';

export type FourLevelsQueryVariables = Exact<{
  accounts?: number | null | undefined;
  fas?: number | null | undefined;
  transactions?: number | null | undefined;
  entries?: number | null | undefined;
}>;


export type FourLevelsQuery = { connectedAccounts: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, displayName: string | null, capabilities: Array<{ name: CapabilityName, status: CapabilityStatus }>, financialAccounts: { nodes: Array<{ id: string, nickname: string | null, activeFeatures: Array<FinancialAccountFeature>, pendingFeatures: Array<FinancialAccountFeature>, features: Array<{ feature: FinancialAccountFeature, requested: boolean, status: FinancialAccountFeatureStatus, statusDetails: Array<{ code: FeatureStatusDetailCode, resolution: FeatureStatusDetailResolution | null, restriction: FeatureStatusDetailRestriction | null }> }>, financialAddresses: Array<{ type: FinancialAddressType, supportedNetworks: Array<string>, aba: { routingNumber: string, accountNumber: string | null, accountNumberLast4: string, bankName: string, accountHolderName: string } | null }>, balance: { cash: Array<{ currency: string, amount: number }>, inboundPending: Array<{ currency: string, amount: number }>, outboundPending: Array<{ currency: string, amount: number }> }, transactions: { edges: Array<{ cursor: string }>, nodes: Array<{ id: string, amount: number, currency: string, status: TransactionStatus, flowType: FlowType, balanceImpact: { cash: number, inboundPending: number, outboundPending: number }, statusTransitions: { postedAt: string | null, voidAt: string | null }, entries: { nodes: Array<{ id: string, type: TransactionEntryType, effectiveAt: string, balanceImpact: { cash: number, inboundPending: number, outboundPending: number }, transaction: { id: string } }> } }> } }> } }> } };

export type BigBalanceQueryVariables = Exact<{
  id: string | number;
}>;


export type BigBalanceQuery = { financialAccount: { balance: { cash: Array<{ amount: number }> }, transactions: { nodes: Array<{ amount: number }> } } | null };


export const FourLevelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FourLevels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accounts"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fas"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"transactions"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"entries"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectedAccounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accounts"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"financialAccounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fas"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nickname"}},{"kind":"Field","name":{"kind":"Name","value":"activeFeatures"}},{"kind":"Field","name":{"kind":"Name","value":"pendingFeatures"}},{"kind":"Field","name":{"kind":"Name","value":"features"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"feature"}},{"kind":"Field","name":{"kind":"Name","value":"requested"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusDetails"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"resolution"}},{"kind":"Field","name":{"kind":"Name","value":"restriction"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"financialAddresses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"supportedNetworks"}},{"kind":"Field","name":{"kind":"Name","value":"aba"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"routingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"accountNumberLast4"}},{"kind":"Field","name":{"kind":"Name","value":"bankName"}},{"kind":"Field","name":{"kind":"Name","value":"accountHolderName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cash"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inboundPending"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outboundPending"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"transactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"transactions"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"flowType"}},{"kind":"Field","name":{"kind":"Name","value":"balanceImpact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cash"}},{"kind":"Field","name":{"kind":"Name","value":"inboundPending"}},{"kind":"Field","name":{"kind":"Name","value":"outboundPending"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statusTransitions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"postedAt"}},{"kind":"Field","name":{"kind":"Name","value":"voidAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"entries"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveAt"}},{"kind":"Field","name":{"kind":"Name","value":"balanceImpact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cash"}},{"kind":"Field","name":{"kind":"Name","value":"inboundPending"}},{"kind":"Field","name":{"kind":"Name","value":"outboundPending"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<FourLevelsQuery, FourLevelsQueryVariables>;
export const BigBalanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BigBalance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"financialAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cash"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"transactions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BigBalanceQuery, BigBalanceQueryVariables>;