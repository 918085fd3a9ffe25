/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query FourLevels($accounts: Int, $fas: Int, $transactions: Int, $entries: Int) {\n    connectedAccounts(first: $accounts) {\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id\n        displayName\n        capabilities { name status }\n        financialAccounts(first: $fas) {\n          nodes {\n            id\n            nickname\n            activeFeatures\n            pendingFeatures\n            features { feature requested status statusDetails { code resolution restriction } }\n            financialAddresses { type supportedNetworks aba { routingNumber accountNumber accountNumberLast4 bankName accountHolderName } }\n            balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } }\n            transactions(first: $transactions) {\n              edges { cursor }\n              nodes {\n                id amount currency status flowType\n                balanceImpact { cash inboundPending outboundPending }\n                statusTransitions { postedAt voidAt }\n                entries(first: $entries) { nodes { id type effectiveAt balanceImpact { cash inboundPending outboundPending } transaction { id } } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.FourLevelsDocument,
    "query BigBalance($id: ID!) { financialAccount(id: $id) { balance { cash { amount } } transactions { nodes { amount } } } }": typeof types.BigBalanceDocument,
};
const documents: Documents = {
    "\n  query FourLevels($accounts: Int, $fas: Int, $transactions: Int, $entries: Int) {\n    connectedAccounts(first: $accounts) {\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id\n        displayName\n        capabilities { name status }\n        financialAccounts(first: $fas) {\n          nodes {\n            id\n            nickname\n            activeFeatures\n            pendingFeatures\n            features { feature requested status statusDetails { code resolution restriction } }\n            financialAddresses { type supportedNetworks aba { routingNumber accountNumber accountNumberLast4 bankName accountHolderName } }\n            balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } }\n            transactions(first: $transactions) {\n              edges { cursor }\n              nodes {\n                id amount currency status flowType\n                balanceImpact { cash inboundPending outboundPending }\n                statusTransitions { postedAt voidAt }\n                entries(first: $entries) { nodes { id type effectiveAt balanceImpact { cash inboundPending outboundPending } transaction { id } } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.FourLevelsDocument,
    "query BigBalance($id: ID!) { financialAccount(id: $id) { balance { cash { amount } } transactions { nodes { amount } } } }": types.BigBalanceDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FourLevels($accounts: Int, $fas: Int, $transactions: Int, $entries: Int) {\n    connectedAccounts(first: $accounts) {\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id\n        displayName\n        capabilities { name status }\n        financialAccounts(first: $fas) {\n          nodes {\n            id\n            nickname\n            activeFeatures\n            pendingFeatures\n            features { feature requested status statusDetails { code resolution restriction } }\n            financialAddresses { type supportedNetworks aba { routingNumber accountNumber accountNumberLast4 bankName accountHolderName } }\n            balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } }\n            transactions(first: $transactions) {\n              edges { cursor }\n              nodes {\n                id amount currency status flowType\n                balanceImpact { cash inboundPending outboundPending }\n                statusTransitions { postedAt voidAt }\n                entries(first: $entries) { nodes { id type effectiveAt balanceImpact { cash inboundPending outboundPending } transaction { id } } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FourLevels($accounts: Int, $fas: Int, $transactions: Int, $entries: Int) {\n    connectedAccounts(first: $accounts) {\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id\n        displayName\n        capabilities { name status }\n        financialAccounts(first: $fas) {\n          nodes {\n            id\n            nickname\n            activeFeatures\n            pendingFeatures\n            features { feature requested status statusDetails { code resolution restriction } }\n            financialAddresses { type supportedNetworks aba { routingNumber accountNumber accountNumberLast4 bankName accountHolderName } }\n            balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } }\n            transactions(first: $transactions) {\n              edges { cursor }\n              nodes {\n                id amount currency status flowType\n                balanceImpact { cash inboundPending outboundPending }\n                statusTransitions { postedAt voidAt }\n                entries(first: $entries) { nodes { id type effectiveAt balanceImpact { cash inboundPending outboundPending } transaction { id } } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BigBalance($id: ID!) { financialAccount(id: $id) { balance { cash { amount } } transactions { nodes { amount } } } }"): (typeof documents)["query BigBalance($id: ID!) { financialAccount(id: $id) { balance { cash { amount } } transactions { nodes { amount } } } }"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;