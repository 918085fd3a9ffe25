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
    "\n  query AuthWhoAmI {\n    platform { id displayName }\n    connectedAccounts(first: 100) { nodes { id livemode } }\n  }\n": typeof types.AuthWhoAmIDocument,
    "\n  mutation AuthCreateSession($account: ID!) {\n    createAccountSession(input: { account: $account }) {\n      accountSession { id clientSecret expiresAt livemode account { id } }\n      userErrors { code message field }\n    }\n  }\n": typeof types.AuthCreateSessionDocument,
    "\n  query AuthLiveObjects($account: ID!, $fa: ID!) {\n    connectedAccount(id: $account) { id }\n    financialAccount(id: $fa) { id }\n    node(id: $account) { id }\n    nodes(ids: [$account, $fa]) { id }\n    connectedAccounts(first: 100) { nodes { id } }\n    financialAccounts(first: 100) { nodes { id livemode } }\n  }\n": typeof types.AuthLiveObjectsDocument,
    "query AuthAccountById($id: ID!) { connectedAccount(id: $id) { id } }": typeof types.AuthAccountByIdDocument,
    "\n  mutation BadInputCreateConnectedAccount($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) { connectedAccount { id displayName email metadata } userErrors { code message field } }\n  }\n": typeof types.BadInputCreateConnectedAccountDocument,
    "\n  mutation BadInputUpdateConnectedAccount($input: UpdateConnectedAccountInput!) {\n    updateConnectedAccount(input: $input) { connectedAccount { id } userErrors { code message field } }\n  }\n": typeof types.BadInputUpdateConnectedAccountDocument,
    "\n  mutation BadInputCreateFinancialAccount($input: CreateFinancialAccountInput!) {\n    createFinancialAccount(input: $input) { financialAccount { id nickname } userErrors { code message field } }\n  }\n": typeof types.BadInputCreateFinancialAccountDocument,
    "\n  mutation BadInputUpdateFinancialAccount($input: UpdateFinancialAccountInput!) {\n    updateFinancialAccount(input: $input) { financialAccount { id } userErrors { code message field } }\n  }\n": typeof types.BadInputUpdateFinancialAccountDocument,
    "\n  query BadInputConnectedAccount($id: ID!) { connectedAccount(id: $id) { id } }\n": typeof types.BadInputConnectedAccountDocument,
    "\n  query BadInputEntries($fa: ID!, $filter: TransactionEntryFilter, $after: String) {\n    financialAccount(id: $fa) { transactionEntries(first: 2, filter: $filter, after: $after) { nodes { id } pageInfo { endCursor } } }\n  }\n": typeof types.BadInputEntriesDocument,
    "\n  query BadInputEvents($filter: EventFilter) { events(first: 2, filter: $filter) { nodes { id } } }\n": typeof types.BadInputEventsDocument,
    "\n  subscription BadInputEventsLive($after: ID) { events(after: $after) { id } }\n": typeof types.BadInputEventsLiveDocument,
    "\n  subscription BalanceUpdated($fa: ID!) {\n    financialAccountBalanceUpdated(financialAccount: $fa) {\n      financialAccount { id }\n      transaction { id flow flowType status }\n      balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } }\n    }\n  }\n": typeof types.BalanceUpdatedDocument,
    "\n  mutation AcctCreate($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) {\n      connectedAccount {\n        id\n        displayName\n        email\n        country\n        metadata\n        livemode\n        created\n        capabilities { name requested status }\n      }\n      userErrors { code message field }\n    }\n  }\n": typeof types.AcctCreateDocument,
    "\n  mutation AcctUpdate($input: UpdateConnectedAccountInput!) {\n    updateConnectedAccount(input: $input) {\n      connectedAccount {\n        id\n        displayName\n        email\n        country\n        metadata\n        capabilities { name requested status }\n      }\n      userErrors { code message field }\n    }\n  }\n": typeof types.AcctUpdateDocument,
    "\n  query AcctRead($id: ID!) {\n    connectedAccount(id: $id) { id displayName email country metadata capabilities { name requested status } }\n  }\n": typeof types.AcctReadDocument,
    "\n  mutation AcctCreateLiteral {\n    createConnectedAccount(input: { displayName: \"Literal Co\", metadata: { tier: \"gold\", region: \"eu\" } }) {\n      connectedAccount { id displayName metadata }\n      userErrors { code field }\n    }\n  }\n": typeof types.AcctCreateLiteralDocument,
    "\n  fragment CredrevFields on CreditReversal {\n    id amount created currency hostedRegulatoryReceiptUrl livemode metadata network status\n    financialAccount { id }\n    receivedCredit { id linkedFlows { creditReversal creditReversalDetails { id } } reversalDetails { deadline restrictedReason } }\n    statusTransitions { postedAt }\n    transaction {\n      id amount status flow flowType statusTransitions { postedAt }\n      balanceImpact { cash inboundPending outboundPending }\n      entries(first: 10) { nodes { type flowType balanceImpact { cash inboundPending outboundPending } flowDetails { __typename } } }\n      flowDetails { __typename ... on CreditReversal { id status } }\n    }\n  }\n": typeof types.CredrevFieldsFragmentDoc,
    "\n  mutation CredrevCreate($input: CreateCreditReversalInput!) {\n    createCreditReversal(input: $input) { creditReversal { ...CredrevFields } userErrors { code message field } }\n  }\n": typeof types.CredrevCreateDocument,
    "query CredrevRead($id: ID!) { creditReversal(id: $id) { ...CredrevFields } }": typeof types.CredrevReadDocument,
    "query CredrevNode($id: ID!) { node(id: $id) { __typename id ... on CreditReversal { status } } }": typeof types.CredrevNodeDocument,
    "\n  query CredrevCredit($id: ID!) {\n    receivedCredit(id: $id) { id network linkedFlows { creditReversal sourceFlowType } reversalDetails { deadline restrictedReason } }\n  }\n": typeof types.CredrevCreditDocument,
    "\n  query CredrevList($fa: ID!, $filter: CreditReversalFilter) {\n    financialAccount(id: $fa) { creditReversals(first: 20, filter: $filter) { nodes { id status receivedCredit { id } } } }\n  }\n": typeof types.CredrevListDocument,
    "\n  query CredrevReceived($fa: ID!) { financialAccount(id: $fa) { receivedCredits(first: 5) { nodes { id } } } }\n": typeof types.CredrevReceivedDocument,
    "\n  query CredrevBalance($id: ID!) {\n    financialAccount(id: $id) { balance { cash { amount } inboundPending { amount } outboundPending { amount } } }\n  }\n": typeof types.CredrevBalanceDocument,
    "\n  query CredrevEvents($types: [EventType!]) { events(first: 50, filter: { types: $types }) { nodes { id type objectId data } } }\n": typeof types.CredrevEventsDocument,
    "\n  subscription CredrevBalanceUpdated($fa: ID!) {\n    financialAccountBalanceUpdated(financialAccount: $fa) {\n      transaction { id flowType }\n      balance { cash { amount } outboundPending { amount } }\n    }\n  }\n": typeof types.CredrevBalanceUpdatedDocument,
    "\n  subscription CredrevStream($after: ID) {\n    events(types: [TREASURY_CREDIT_REVERSAL_CREATED, TREASURY_CREDIT_REVERSAL_POSTED], after: $after) { id type objectId data }\n  }\n": typeof types.CredrevStreamDocument,
    "\n  mutation DrCreate($input: CreateDebitReversalInput!) {\n    createDebitReversal(input: $input) {\n      debitReversal {\n        id amount created currency hostedRegulatoryReceiptUrl livemode metadata network status\n        financialAccount { id balance { cash { amount } } }\n        linkedFlows { issuingDispute }\n        statusTransitions { completedAt }\n        receivedDebit { id linkedFlows { debitReversal { id } } reversalDetails { restrictedReason } }\n        transaction { id }\n      }\n      userErrors { code message field }\n    }\n  }\n": typeof types.DrCreateDocument,
    "\n  query DrRead($id: ID!) {\n    debitReversal(id: $id) {\n      id status statusTransitions { completedAt }\n      financialAccount { balance { cash { amount } } }\n      transaction {\n        id amount status flow flowType balanceImpact { cash inboundPending outboundPending }\n        flowDetails { __typename ... on DebitReversal { id } }\n        entries { nodes { type balanceImpact { cash } flowDetails { __typename ... on DebitReversal { id status } } } }\n      }\n    }\n  }\n": typeof types.DrReadDocument,
    "query DrNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }": typeof types.DrNodesDocument,
    "\n  query DrList($fa: ID!, $filter: DebitReversalFilter) {\n    financialAccount(id: $fa) { debitReversals(first: 20, filter: $filter) { nodes { id status } } }\n  }\n": typeof types.DrListDocument,
    "\n  subscription DrStream($after: ID) {\n    events(types: [TREASURY_DEBIT_REVERSAL_CREATED, TREASURY_DEBIT_REVERSAL_COMPLETED], after: $after) { id type objectId data }\n  }\n": typeof types.DrStreamDocument,
    "\n  mutation EvtCreateAccount($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) { connectedAccount { id email } userErrors { code message field } }\n  }\n": typeof types.EvtCreateAccountDocument,
    "\n  mutation EvtUpdateAccount($input: UpdateConnectedAccountInput!) {\n    updateConnectedAccount(input: $input) { connectedAccount { id email displayName } userErrors { code message field } }\n  }\n": typeof types.EvtUpdateAccountDocument,
    "\n  mutation EvtCreateSession($account: ID!) {\n    createAccountSession(input: { account: $account }) { accountSession { clientSecret } userErrors { code message } }\n  }\n": typeof types.EvtCreateSessionDocument,
    "\n  mutation EvtCreateFinancialAccount($input: CreateFinancialAccountInput!) {\n    createFinancialAccount(input: $input) { financialAccount { id nickname } userErrors { code message field } }\n  }\n": typeof types.EvtCreateFinancialAccountDocument,
    "\n  mutation EvtUpdateFinancialAccount($input: UpdateFinancialAccountInput!) {\n    updateFinancialAccount(input: $input) { financialAccount { id nickname } userErrors { code message field } }\n  }\n": typeof types.EvtUpdateFinancialAccountDocument,
    "\n  mutation EvtCloseFinancialAccount($id: ID!) {\n    closeFinancialAccount(input: { financialAccount: $id }) { financialAccount { id status } userErrors { code message field } }\n  }\n": typeof types.EvtCloseFinancialAccountDocument,
    "\n  query EvtFinancialAccount($id: ID!) {\n    financialAccount(id: $id) {\n      id\n      status\n      nickname\n      activeFeatures\n      features { feature status statusDetails { code } }\n      financialAddresses { aba { accountNumber accountNumberLast4 } }\n    }\n  }\n": typeof types.EvtFinancialAccountDocument,
    "\n  query EvtEvents($filter: EventFilter, $first: Int, $after: String) {\n    events(filter: $filter, first: $first, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      nodes { id type created livemode objectId data connectedAccount { id } financialAccount { id } }\n    }\n  }\n": typeof types.EvtEventsDocument,
    "\n  query EvtEventById($id: ID!) {\n    event(id: $id) { id type objectId }\n    node(id: $id) { __typename id }\n  }\n": typeof types.EvtEventByIdDocument,
    "\n  subscription EvtStream($types: [EventType!], $after: ID) {\n    events(types: $types, after: $after) { id type objectId data }\n  }\n": typeof types.EvtStreamDocument,
    "\n  fragment FeatFaFields on FinancialAccount {\n    id\n    status\n    statusDetails { reasons }\n    activeFeatures\n    pendingFeatures\n    restrictedFeatures\n    features { feature requested status statusDetails { code resolution restriction } }\n    financialAddresses { type supportedNetworks aba { accountHolderName accountNumber accountNumberLast4 bankName routingNumber } }\n    platformRestrictions { inboundFlows outboundFlows }\n  }\n": typeof types.FeatFaFieldsFragmentDoc,
    "\n  mutation FeatCreateAccount($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) { connectedAccount { id capabilities { name status } } userErrors { code message field } }\n  }\n": typeof types.FeatCreateAccountDocument,
    "\n  mutation FeatUpdateAccount($input: UpdateConnectedAccountInput!) {\n    updateConnectedAccount(input: $input) { connectedAccount { id capabilities { name status } } userErrors { code message field } }\n  }\n": typeof types.FeatUpdateAccountDocument,
    "\n  mutation FeatCreateSession($account: ID!) {\n    createAccountSession(input: { account: $account }) { accountSession { clientSecret } userErrors { code message } }\n  }\n": typeof types.FeatCreateSessionDocument,
    "\n  mutation FeatCreateFinancialAccount($input: CreateFinancialAccountInput!) {\n    createFinancialAccount(input: $input) { financialAccount { ...FeatFaFields } userErrors { code message field } }\n  }\n": typeof types.FeatCreateFinancialAccountDocument,
    "\n  mutation FeatUpdateFinancialAccount($input: UpdateFinancialAccountInput!) {\n    updateFinancialAccount(input: $input) { financialAccount { ...FeatFaFields } userErrors { code message field } }\n  }\n": typeof types.FeatUpdateFinancialAccountDocument,
    "\n  mutation FeatCloseFinancialAccount($id: ID!) {\n    closeFinancialAccount(input: { financialAccount: $id }) { financialAccount { ...FeatFaFields } userErrors { code message field } }\n  }\n": typeof types.FeatCloseFinancialAccountDocument,
    "\n  query FeatFinancialAccount($id: ID!) { financialAccount(id: $id) { ...FeatFaFields } }\n": typeof types.FeatFinancialAccountDocument,
    "\n  query FeatEvents($filter: EventFilter, $first: Int) {\n    events(filter: $filter, first: $first) { nodes { id type objectId created data } }\n  }\n": typeof types.FeatEventsDocument,
    "\n  subscription FeatFeaturesUpdated($financialAccount: ID) {\n    financialAccountFeaturesStatusUpdated(financialAccount: $financialAccount) { ...FeatFaFields }\n  }\n": typeof types.FeatFeaturesUpdatedDocument,
    "\n  subscription FeatEventStream($types: [EventType!], $after: ID) {\n    events(types: $types, after: $after) { id type objectId data }\n  }\n": typeof types.FeatEventStreamDocument,
    "\n  query FilterTransactions($id: ID!, $filter: TransactionFilter, $first: Int, $last: Int, $after: String, $before: String) {\n    financialAccount(id: $id) {\n      transactions(filter: $filter, first: $first, last: $last, after: $after, before: $before) {\n        edges { cursor node { id } }\n        nodes { id created status flow flowType statusTransitions { postedAt voidAt } financialAccount { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n": typeof types.FilterTransactionsDocument,
    "\n  query FilterEntries($id: ID!, $filter: TransactionEntryFilter, $first: Int, $last: Int, $after: String, $before: String) {\n    financialAccount(id: $id) {\n      transactionEntries(filter: $filter, first: $first, last: $last, after: $after, before: $before) {\n        edges { cursor node { id } }\n        nodes { id created effectiveAt transaction { id } financialAccount { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n": typeof types.FilterEntriesDocument,
    "\n  query FilterTransactionEntries($id: ID!, $filter: TransactionEntryFilter) {\n    transaction(id: $id) {\n      entries(filter: $filter, first: 100) {\n        nodes { id created effectiveAt transaction { id } }\n      }\n    }\n  }\n": typeof types.FilterTransactionEntriesDocument,
    "\n  query FilterFinancialAccounts($filter: FinancialAccountFilter, $first: Int, $last: Int, $after: String, $before: String) {\n    financialAccounts(filter: $filter, first: $first, last: $last, after: $after, before: $before) {\n      edges { cursor node { id } }\n      nodes { id created status }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": typeof types.FilterFinancialAccountsDocument,
    "\n  query FilterAccountFinancialAccounts($id: ID!, $filter: FinancialAccountFilter, $first: Int, $after: String) {\n    connectedAccount(id: $id) {\n      financialAccounts(filter: $filter, first: $first, after: $after) {\n        edges { cursor node { id } }\n        nodes { id created status connectedAccount { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n": typeof types.FilterAccountFinancialAccountsDocument,
    "\n  query FilterPlatformFinancialAccounts($filter: FinancialAccountFilter) {\n    platform {\n      financialAccounts(filter: $filter, first: 100) {\n        nodes { id created status }\n      }\n    }\n  }\n": typeof types.FilterPlatformFinancialAccountsDocument,
    "\n  query AccountSnapshot($id: ID!) {\n    financialAccount(id: $id) {\n      id\n      activeFeatures\n      features { feature status }\n      financialAddresses { type }\n      balance { cash { currency amount } }\n    }\n  }\n": typeof types.AccountSnapshotDocument,
    "\n  query FaClosedInList($account: ID!) {\n    connectedAccount(id: $account) {\n      financialAccounts(first: 20, filter: { status: CLOSED }) { nodes { id statusDetails { reasons } } }\n    }\n  }\n": typeof types.FaClosedInListDocument,
    "\n  fragment FaFields on FinancialAccount {\n    id\n    status\n    statusDetails { reasons }\n    nickname\n    metadata\n    supportedCurrencies\n    country\n    livemode\n    created\n    connectedAccount { id }\n    activeFeatures\n    pendingFeatures\n    restrictedFeatures\n    features { feature requested status statusDetails { code resolution restriction } }\n    platformRestrictions { inboundFlows outboundFlows }\n    financialAddresses { type supportedNetworks aba { accountNumber accountNumberLast4 routingNumber bankName accountHolderName } }\n    balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } }\n  }\n": typeof types.FaFieldsFragmentDoc,
    "\n  mutation FaCreate($input: CreateFinancialAccountInput!) {\n    createFinancialAccount(input: $input) {\n      financialAccount { ...FaFields }\n      userErrors { code message field }\n    }\n  }\n": typeof types.FaCreateDocument,
    "\n  mutation FaUpdate($input: UpdateFinancialAccountInput!) {\n    updateFinancialAccount(input: $input) {\n      financialAccount { ...FaFields }\n      userErrors { code message field }\n    }\n  }\n": typeof types.FaUpdateDocument,
    "\n  mutation FaClose($id: ID!) {\n    closeFinancialAccount(input: { financialAccount: $id }) {\n      financialAccount { ...FaFields }\n      userErrors { code message field }\n    }\n  }\n": typeof types.FaCloseDocument,
    "\n  query FaRead($id: ID!) {\n    financialAccount(id: $id) {\n      ...FaFields\n      transactions(first: 100) { nodes { id amount status } }\n    }\n  }\n": typeof types.FaReadDocument,
    "\n  mutation FaUpdateOwner($account: ID!, $status: CapabilityStatus!) {\n    updateConnectedAccount(input: { account: $account, capabilities: [{ name: TREASURY, status: $status }] }) { userErrors { code } }\n  }\n": typeof types.FaUpdateOwnerDocument,
    "\n  mutation FaCreateOwner($key: String!) {\n    createConnectedAccount(input: { idempotencyKey: $key, capabilities: [{ name: TREASURY, status: ACTIVE }] }) {\n      connectedAccount { id }\n      userErrors { code field }\n    }\n  }\n": typeof types.FaCreateOwnerDocument,
    "query FaReadTransaction($id: ID!) { transaction(id: $id) { id financialAccount { id status } } }": typeof types.FaReadTransactionDocument,
    "\n  fragment IbtFields on InboundTransfer {\n    id amount cancelable created currency description livemode metadata statementDescriptor status hostedRegulatoryReceiptUrl\n    returned originPaymentMethod\n    failureDetails { code }\n    financialAccount { id }\n    linkedFlows { receivedDebit }\n    originPaymentMethodDetails {\n      type\n      billingDetails { name email address { city country line1 line2 postalCode state } }\n      usBankAccount { accountHolderType accountType bankName fingerprint last4 mandate network routingNumber }\n    }\n    statusTransitions { canceledAt failedAt succeededAt }\n    transaction {\n      id amount status flow flowType statusTransitions { postedAt voidAt }\n      balanceImpact { cash inboundPending outboundPending }\n      entries(first: 10) { nodes { type flowType balanceImpact { cash inboundPending outboundPending } } }\n      flowDetails { __typename ... on InboundTransfer { id status } }\n    }\n  }\n": typeof types.IbtFieldsFragmentDoc,
    "\n  mutation IbtCreate($input: CreateInboundTransferInput!) {\n    createInboundTransfer(input: $input) { inboundTransfer { ...IbtFields } userErrors { code message field } }\n  }\n": typeof types.IbtCreateDocument,
    "\n  mutation IbtCancel($input: CancelInboundTransferInput!) {\n    cancelInboundTransfer(input: $input) { inboundTransfer { ...IbtFields } userErrors { code message field } }\n  }\n": typeof types.IbtCancelDocument,
    "\n  mutation IbtSucceed($input: SucceedInboundTransferInput!) {\n    succeedInboundTransfer(input: $input) { inboundTransfer { ...IbtFields } userErrors { code message field } }\n  }\n": typeof types.IbtSucceedDocument,
    "\n  mutation IbtFail($input: FailInboundTransferInput!) {\n    failInboundTransfer(input: $input) { inboundTransfer { ...IbtFields } userErrors { code message field } }\n  }\n": typeof types.IbtFailDocument,
    "\n  mutation IbtReturn($input: ReturnInboundTransferInput!) {\n    returnInboundTransfer(input: $input) { inboundTransfer { ...IbtFields } userErrors { code message field } }\n  }\n": typeof types.IbtReturnDocument,
    "\n  mutation IbtClose($input: CloseFinancialAccountInput!) {\n    closeFinancialAccount(input: $input) { financialAccount { id status } userErrors { code message field } }\n  }\n": typeof types.IbtCloseDocument,
    "\n  query IbtReceivedDebit($id: ID!) {\n    receivedDebit(id: $id) {\n      id amount currency status network failureCode description\n      financialAccount { id }\n      linkedFlows { inboundTransfer }\n      reversalDetails { restrictedReason }\n      initiatingPaymentMethodDetails { type billingDetails { name } usBankAccount { bankName last4 routingNumber } }\n      transaction {\n        id amount status flow flowType\n        balanceImpact { cash inboundPending outboundPending }\n        entries(first: 10) { nodes { type flowType balanceImpact { cash inboundPending outboundPending } } }\n        flowDetails { __typename ... on ReceivedDebit { id } }\n      }\n    }\n  }\n": typeof types.IbtReceivedDebitDocument,
    "\n  query IbtBalance($id: ID!) {\n    financialAccount(id: $id) {\n      id\n      balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } }\n      transactions(first: 20) { nodes { id flow } }\n    }\n  }\n": typeof types.IbtBalanceDocument,
    "query IbtRead($id: ID!) { inboundTransfer(id: $id) { ...IbtFields } }": typeof types.IbtReadDocument,
    "query IbtNode($id: ID!) { node(id: $id) { __typename id ... on InboundTransfer { status } } }": typeof types.IbtNodeDocument,
    "\n  query IbtList($fa: ID!, $filter: InboundTransferFilter) {\n    financialAccount(id: $fa) { inboundTransfers(first: 20, filter: $filter) { nodes { id status } } }\n  }\n": typeof types.IbtListDocument,
    "\n  query IbtEvents($types: [EventType!]) { events(first: 50, filter: { types: $types }) { nodes { id type objectId data } } }\n": typeof types.IbtEventsDocument,
    "\n  subscription IbtLiveEvents($types: [EventType!], $after: ID) { events(types: $types, after: $after) { id type objectId } }\n": typeof types.IbtLiveEventsDocument,
    "\n  subscription IbtBalanceUpdated($fa: ID!) {\n    financialAccountBalanceUpdated(financialAccount: $fa) {\n      transaction { flow flowType status }\n      balance { cash { amount } inboundPending { amount } outboundPending { amount } }\n    }\n  }\n": typeof types.IbtBalanceUpdatedDocument,
    "\n  query LedgerBalance($id: ID!) {\n    financialAccount(id: $id) { balance { cash { currency amount } inboundPending { amount } outboundPending { amount } } }\n  }\n": typeof types.LedgerBalanceDocument,
    "\n  mutation ConcurrentReceivedDebit($input: CreateReceivedDebitInput!) {\n    createReceivedDebit(input: $input) { receivedDebit { id status failureCode } userErrors { code message } }\n  }\n": typeof types.ConcurrentReceivedDebitDocument,
    "\n  mutation ConcurrentCreditReversal($input: CreateCreditReversalInput!) {\n    createCreditReversal(input: $input) { creditReversal { id } userErrors { code message } }\n  }\n": typeof types.ConcurrentCreditReversalDocument,
    "\n  mutation ConcurrentOutboundTransfer($input: CreateOutboundTransferInput!) {\n    createOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message } }\n  }\n": typeof types.ConcurrentOutboundTransferDocument,
    "\n  mutation ConcurrentInboundTransfer($input: CreateInboundTransferInput!) {\n    createInboundTransfer(input: $input) { inboundTransfer { id status } userErrors { code message } }\n  }\n": typeof types.ConcurrentInboundTransferDocument,
    "\n  mutation ConcurrentSucceedInbound($input: SucceedInboundTransferInput!) {\n    succeedInboundTransfer(input: $input) { inboundTransfer { id status } userErrors { code message } }\n  }\n": typeof types.ConcurrentSucceedInboundDocument,
    "\n  mutation ConcurrentCancelInbound($input: CancelInboundTransferInput!) {\n    cancelInboundTransfer(input: $input) { inboundTransfer { id status } userErrors { code message } }\n  }\n": typeof types.ConcurrentCancelInboundDocument,
    "\n  mutation ConcurrentOutboundPayment($input: CreateOutboundPaymentInput!) {\n    createOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message } }\n  }\n": typeof types.ConcurrentOutboundPaymentDocument,
    "\n  query LedgerPropertyBalances($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on FinancialAccount { id balance { cash { amount } inboundPending { amount } outboundPending { amount } } }\n    }\n  }\n": typeof types.LedgerPropertyBalancesDocument,
    "\n  mutation PropertyReceivedCredit($input: CreateReceivedCreditInput!) {\n    createReceivedCredit(input: $input) { receivedCredit { id status } userErrors { code message field } }\n  }\n": typeof types.PropertyReceivedCreditDocument,
    "\n  mutation PropertyOutboundTransfer($input: CreateOutboundTransferInput!) {\n    createOutboundTransfer(input: $input) { outboundTransfer { id status cancelable } userErrors { code message field } }\n  }\n": typeof types.PropertyOutboundTransferDocument,
    "\n  mutation PropertyCancelTransfer($input: CancelOutboundTransferInput!) {\n    cancelOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message field } }\n  }\n": typeof types.PropertyCancelTransferDocument,
    "\n  mutation PropertyPostTransfer($input: PostOutboundTransferInput!) {\n    postOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message field } }\n  }\n": typeof types.PropertyPostTransferDocument,
    "\n  mutation PropertyFailTransfer($input: FailOutboundTransferInput!) {\n    failOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message field } }\n  }\n": typeof types.PropertyFailTransferDocument,
    "\n  mutation PropertyReturnTransfer($input: ReturnOutboundTransferInput!) {\n    returnOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message field } }\n  }\n": typeof types.PropertyReturnTransferDocument,
    "\n  mutation PropertyUpdateTransfer($input: UpdateOutboundTransferInput!) {\n    updateOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message field } }\n  }\n": typeof types.PropertyUpdateTransferDocument,
    "\n  mutation PropertyReceivedDebit($input: CreateReceivedDebitInput!) {\n    createReceivedDebit(input: $input) { receivedDebit { id status failureCode } userErrors { code message field } }\n  }\n": typeof types.PropertyReceivedDebitDocument,
    "\n  mutation PropertyDebitReversal($input: CreateDebitReversalInput!) {\n    createDebitReversal(input: $input) { debitReversal { id status } userErrors { code message field } }\n  }\n": typeof types.PropertyDebitReversalDocument,
    "\n  mutation PropertyInboundTransfer($input: CreateInboundTransferInput!) {\n    createInboundTransfer(input: $input) { inboundTransfer { id status } userErrors { code message field } }\n  }\n": typeof types.PropertyInboundTransferDocument,
    "mutation PropertyCancelInbound($input: CancelInboundTransferInput!) { cancelInboundTransfer(input: $input) { inboundTransfer { id status returned } userErrors { code message field } } }": typeof types.PropertyCancelInboundDocument,
    "mutation PropertySucceedInbound($input: SucceedInboundTransferInput!) { succeedInboundTransfer(input: $input) { inboundTransfer { id status returned } userErrors { code message field } } }": typeof types.PropertySucceedInboundDocument,
    "mutation PropertyFailInbound($input: FailInboundTransferInput!) { failInboundTransfer(input: $input) { inboundTransfer { id status returned } userErrors { code message field } } }": typeof types.PropertyFailInboundDocument,
    "mutation PropertyReturnInbound($input: ReturnInboundTransferInput!) { returnInboundTransfer(input: $input) { inboundTransfer { id status returned } userErrors { code message field } } }": typeof types.PropertyReturnInboundDocument,
    "\n  mutation PropertyOutboundPayment($input: CreateOutboundPaymentInput!) {\n    createOutboundPayment(input: $input) { outboundPayment { id status cancelable } userErrors { code message field } }\n  }\n": typeof types.PropertyOutboundPaymentDocument,
    "\n  mutation PropertyCancelPayment($input: CancelOutboundPaymentInput!) {\n    cancelOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message field } }\n  }\n": typeof types.PropertyCancelPaymentDocument,
    "\n  mutation PropertyPostPayment($input: PostOutboundPaymentInput!) {\n    postOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message field } }\n  }\n": typeof types.PropertyPostPaymentDocument,
    "\n  mutation PropertyFailPayment($input: FailOutboundPaymentInput!) {\n    failOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message field } }\n  }\n": typeof types.PropertyFailPaymentDocument,
    "\n  mutation PropertyReturnPayment($input: ReturnOutboundPaymentInput!) {\n    returnOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message field } }\n  }\n": typeof types.PropertyReturnPaymentDocument,
    "\n  mutation PropertyUpdatePayment($input: UpdateOutboundPaymentInput!) {\n    updateOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message field } }\n  }\n": typeof types.PropertyUpdatePaymentDocument,
    "\n  mutation PropertyCreditReversal($input: CreateCreditReversalInput!) {\n    createCreditReversal(input: $input) { creditReversal { id status amount } userErrors { code message field } }\n  }\n": typeof types.PropertyCreditReversalDocument,
    "\n  query LimitsNested($a: Int, $f: Int, $t: Int, $e: Int) {\n    connectedAccounts(first: $a) {\n      nodes { financialAccounts(first: $f) { nodes { transactions(first: $t) { nodes { entries(first: $e) { nodes { id } } } } } } }\n    }\n  }\n": typeof types.LimitsNestedDocument,
    "\n  query LimitsDefaulted($n: Int = 100) {\n    connectedAccounts(first: $n) {\n      nodes { financialAccounts(first: $n) { nodes { transactions(first: $n) { nodes { entries(first: $n) { nodes { id } } } } } } }\n    }\n  }\n": typeof types.LimitsDefaultedDocument,
    "\n  query LimitsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on FinancialAccount { id transactions(first: 100) { nodes { id entries(first: 100) { nodes { id } } } } }\n    }\n  }\n": typeof types.LimitsByIdsDocument,
    "\n  query LimitsByIdsFlat($ids: [ID!]!) {\n    nodes(ids: $ids) { id }\n  }\n": typeof types.LimitsByIdsFlatDocument,
    "\n  query LimitsTransactions($id: ID!) {\n    node(id: $id) { ... on FinancialAccount { id transactions(first: 10) { nodes { id amount } } } }\n  }\n": typeof types.LimitsTransactionsDocument,
    "\n    query LimitsPlatform { platform { id displayName } }\n  ": typeof types.LimitsPlatformDocument,
    "\n        mutation LimitsCreateAccount {\n          createConnectedAccount(input: { displayName: \"Priced\" }) { connectedAccount { id } userErrors { code } }\n        }\n      ": typeof types.LimitsCreateAccountDocument,
    "\n        subscription LimitsEvents { events { id type } }\n      ": typeof types.LimitsEventsDocument,
    "\n          mutation LimitsCreateWatched {\n            createConnectedAccount(input: { displayName: \"Watched\" }) { connectedAccount { id } }\n          }\n        ": typeof types.LimitsCreateWatchedDocument,
    "\n  subscription FanoutWatch {\n    events(types: [TREASURY_FINANCIAL_ACCOUNT_UPDATED]) {\n      id\n      objectId\n      financialAccount { id nickname status balance { cash { currency amount } } }\n    }\n  }\n": typeof types.FanoutWatchDocument,
    "\n  subscription FanoutWatchNumbers {\n    events(types: [TREASURY_FINANCIAL_ACCOUNT_UPDATED]) {\n      id\n      objectId\n      financialAccount { id financialAddresses { aba { accountNumber accountNumberLast4 } } }\n    }\n  }\n": typeof types.FanoutWatchNumbersDocument,
    "\n  subscription FanoutWatchIds($after: ID) {\n    events(types: [TREASURY_FINANCIAL_ACCOUNT_UPDATED], after: $after) { id objectId }\n  }\n": typeof types.FanoutWatchIdsDocument,
    "\n  subscription FanoutWatchData {\n    events(types: [TREASURY_FINANCIAL_ACCOUNT_UPDATED]) { id data }\n  }\n": typeof types.FanoutWatchDataDocument,
    "\n  mutation FanoutRename($input: UpdateFinancialAccountInput!) {\n    updateFinancialAccount(input: $input) { financialAccount { id nickname } userErrors { message } }\n  }\n": typeof types.FanoutRenameDocument,
    "\n  query FanoutEventLog {\n    events(first: 100, filter: { types: [TREASURY_FINANCIAL_ACCOUNT_UPDATED] }) { nodes { id objectId } }\n  }\n": typeof types.FanoutEventLogDocument,
    "\n  query OpsPlatform {\n    platform {\n      displayName\n    }\n  }\n": typeof types.OpsPlatformDocument,
    "\n  mutation OpsEuroAccount {\n    createFinancialAccount(input: { supportedCurrencies: [\"eur\"] }) {\n      financialAccount {\n        id\n      }\n      userErrors {\n        code\n        field\n      }\n    }\n  }\n": typeof types.OpsEuroAccountDocument,
    "\n  subscription OpsEvents {\n    events {\n      id\n    }\n  }\n": typeof types.OpsEventsDocument,
    "\n  fragment ObpFields on OutboundPayment {\n    id amount cancelable created currency customer description destinationPaymentMethod expectedArrivalDate livemode metadata\n    statementDescriptor status hostedRegulatoryReceiptUrl\n    endUserDetails { present ipAddress }\n    destinationPaymentMethodDetails {\n      type\n      billingDetails { name email address { city country line1 line2 postalCode state } }\n      usBankAccount { accountHolderType accountType bankName fingerprint last4 network routingNumber }\n      financialAccount { id network }\n    }\n    financialAccount { id }\n    returnedDetails { code transaction { id amount status flow flowType entries { nodes { type balanceImpact { cash outboundPending } } } } }\n    statusTransitions { canceledAt failedAt postedAt returnedAt }\n    trackingDetails { type ach { traceId } usDomesticWire { chips imad omad } }\n    transaction {\n      id amount status flow flowType statusTransitions { postedAt voidAt }\n      balanceImpact { cash inboundPending outboundPending }\n      entries(first: 10) { nodes { type flowType balanceImpact { cash inboundPending outboundPending } } }\n      flowDetails { __typename ... on OutboundPayment { id status } }\n    }\n  }\n": typeof types.ObpFieldsFragmentDoc,
    "\n  mutation ObpCreate($input: CreateOutboundPaymentInput!) {\n    createOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }\n  }\n": typeof types.ObpCreateDocument,
    "\n  mutation ObpCancel($input: CancelOutboundPaymentInput!) {\n    cancelOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }\n  }\n": typeof types.ObpCancelDocument,
    "\n  mutation ObpPost($input: PostOutboundPaymentInput!) {\n    postOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }\n  }\n": typeof types.ObpPostDocument,
    "\n  mutation ObpFail($input: FailOutboundPaymentInput!) {\n    failOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }\n  }\n": typeof types.ObpFailDocument,
    "\n  mutation ObpReturn($input: ReturnOutboundPaymentInput!) {\n    returnOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }\n  }\n": typeof types.ObpReturnDocument,
    "\n  mutation ObpUpdate($input: UpdateOutboundPaymentInput!) {\n    updateOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }\n  }\n": typeof types.ObpUpdateDocument,
    "\n  query ObpBalance($id: ID!) {\n    financialAccount(id: $id) { id balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } } }\n  }\n": typeof types.ObpBalanceDocument,
    "query ObpRead($id: ID!) { outboundPayment(id: $id) { ...ObpFields } }": typeof types.ObpReadDocument,
    "query ObpNode($id: ID!) { node(id: $id) { __typename id ... on OutboundPayment { status } } }": typeof types.ObpNodeDocument,
    "\n  query ObpList($fa: ID!, $filter: OutboundPaymentFilter) {\n    financialAccount(id: $fa) { outboundPayments(first: 20, filter: $filter) { nodes { id status customer } } }\n  }\n": typeof types.ObpListDocument,
    "\n  query ObpReceived($fa: ID!) {\n    financialAccount(id: $fa) {\n      receivedCredits(first: 5, filter: { linkedFlows: { sourceFlowType: OUTBOUND_PAYMENT } }) {\n        nodes {\n          id amount network status\n          initiatingPaymentMethodDetails { type financialAccount { id network } }\n          linkedFlows { sourceFlow sourceFlowType sourceFlowDetails { __typename ... on OutboundPayment { id status } } }\n          transaction { status amount }\n        }\n      }\n    }\n  }\n": typeof types.ObpReceivedDocument,
    "\n  query ObpEvents($types: [EventType!]) { events(first: 50, filter: { types: $types }) { nodes { id type objectId data } } }\n": typeof types.ObpEventsDocument,
    "\n  subscription ObpBalanceUpdated($fa: ID!) {\n    financialAccountBalanceUpdated(financialAccount: $fa) {\n      transaction { flow flowType status }\n      balance { cash { amount } outboundPending { amount } }\n    }\n  }\n": typeof types.ObpBalanceUpdatedDocument,
    "\n  subscription ObpReplay($after: ID) { events(types: [TREASURY_OUTBOUND_PAYMENT_CREATED, TREASURY_OUTBOUND_PAYMENT_POSTED], after: $after) { id type } }\n": typeof types.ObpReplayDocument,
    "\n  fragment ObtFields on OutboundTransfer {\n    id amount cancelable created currency description destinationPaymentMethod expectedArrivalDate livemode metadata\n    statementDescriptor status hostedRegulatoryReceiptUrl\n    destinationPaymentMethodDetails {\n      type\n      billingDetails { name email address { city country line1 line2 postalCode state } }\n      usBankAccount { accountHolderType accountType bankName fingerprint last4 network routingNumber }\n      financialAccount { id network }\n    }\n    financialAccount { id }\n    returnedDetails { code transaction { id amount status flow flowType entries { nodes { type balanceImpact { cash outboundPending } } } } }\n    statusTransitions { canceledAt failedAt postedAt returnedAt }\n    trackingDetails { type ach { traceId } usDomesticWire { chips imad omad } }\n    transaction {\n      id amount status flow flowType statusTransitions { postedAt voidAt }\n      balanceImpact { cash inboundPending outboundPending }\n      entries(first: 10) { nodes { type flowType balanceImpact { cash inboundPending outboundPending } } }\n      flowDetails { __typename ... on OutboundTransfer { id status } }\n    }\n  }\n": typeof types.ObtFieldsFragmentDoc,
    "\n  mutation ObtCreate($input: CreateOutboundTransferInput!) {\n    createOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }\n  }\n": typeof types.ObtCreateDocument,
    "\n  mutation ObtCancel($input: CancelOutboundTransferInput!) {\n    cancelOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }\n  }\n": typeof types.ObtCancelDocument,
    "\n  mutation ObtPost($input: PostOutboundTransferInput!) {\n    postOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }\n  }\n": typeof types.ObtPostDocument,
    "\n  mutation ObtFail($input: FailOutboundTransferInput!) {\n    failOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }\n  }\n": typeof types.ObtFailDocument,
    "\n  mutation ObtReturn($input: ReturnOutboundTransferInput!) {\n    returnOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }\n  }\n": typeof types.ObtReturnDocument,
    "\n  mutation ObtUpdate($input: UpdateOutboundTransferInput!) {\n    updateOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }\n  }\n": typeof types.ObtUpdateDocument,
    "\n  query ObtBalance($id: ID!) {\n    financialAccount(id: $id) { id balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } } }\n  }\n": typeof types.ObtBalanceDocument,
    "query ObtRead($id: ID!) { outboundTransfer(id: $id) { ...ObtFields } }": typeof types.ObtReadDocument,
    "query ObtNode($id: ID!) { node(id: $id) { __typename id ... on OutboundTransfer { status } } }": typeof types.ObtNodeDocument,
    "\n  query ObtList($fa: ID!, $filter: OutboundTransferFilter) {\n    financialAccount(id: $fa) { outboundTransfers(first: 20, filter: $filter) { nodes { id status } } }\n  }\n": typeof types.ObtListDocument,
    "\n  query ObtReceived($fa: ID!) {\n    financialAccount(id: $fa) {\n      receivedCredits(first: 5, filter: { linkedFlows: { sourceFlowType: OUTBOUND_TRANSFER } }) {\n        nodes {\n          id amount network status\n          initiatingPaymentMethodDetails { type financialAccount { id network } }\n          linkedFlows { sourceFlow sourceFlowType sourceFlowDetails { __typename ... on OutboundTransfer { id status } } }\n          transaction { id status amount flowDetails { __typename ... on ReceivedCredit { id } } }\n        }\n      }\n    }\n  }\n": typeof types.ObtReceivedDocument,
    "\n  query ObtEvents($types: [EventType!]) { events(first: 50, filter: { types: $types }) { nodes { id type objectId data } } }\n": typeof types.ObtEventsDocument,
    "\n  query PageTransactions($id: ID!, $first: Int, $last: Int, $after: String, $before: String, $filter: TransactionFilter) {\n    financialAccount(id: $id) {\n      transactions(first: $first, last: $last, after: $after, before: $before, filter: $filter) {\n        edges { cursor node { id created } }\n        nodes { id created }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n": typeof types.PageTransactionsDocument,
    "\n  query PageEntries($id: ID!, $first: Int, $last: Int, $after: String, $before: String, $filter: TransactionEntryFilter) {\n    financialAccount(id: $id) {\n      transactionEntries(first: $first, last: $last, after: $after, before: $before, filter: $filter) {\n        edges { cursor node { id created } }\n        nodes { id created }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n": typeof types.PageEntriesDocument,
    "\n  query PageTransactionEntries($id: ID!, $first: Int, $last: Int, $after: String, $before: String) {\n    transaction(id: $id) {\n      entries(first: $first, last: $last, after: $after, before: $before) {\n        edges { cursor node { id created type transaction { id } } }\n        nodes { id created type transaction { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n": typeof types.PageTransactionEntriesDocument,
    "\n  query PageAccountFinancialAccounts($id: ID!, $first: Int, $last: Int, $after: String, $before: String) {\n    connectedAccount(id: $id) {\n      financialAccounts(first: $first, last: $last, after: $after, before: $before) {\n        edges { cursor node { id created } }\n        nodes { id created }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n": typeof types.PageAccountFinancialAccountsDocument,
    "\n  query PageConnectedAccounts($first: Int, $last: Int, $after: String, $before: String) {\n    connectedAccounts(first: $first, last: $last, after: $after, before: $before) {\n      edges { cursor node { id created } }\n      nodes { id created }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": typeof types.PageConnectedAccountsDocument,
    "\n  query PageNested($id: ID!) {\n    connectedAccount(id: $id) {\n      financialAccounts(first: 10) {\n        nodes {\n          id\n          transactions(first: 3) {\n            edges { cursor node { id financialAccount { id } } }\n            nodes { id financialAccount { id } }\n            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n          }\n        }\n      }\n    }\n  }\n": typeof types.PageNestedDocument,
    "\n  query PageNestedAliases($a: ID!, $b: ID!, $afterA: String, $afterB: String) {\n    a: financialAccount(id: $a) {\n      id\n      transactions(first: 3, after: $afterA) {\n        nodes { id financialAccount { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n    b: financialAccount(id: $b) {\n      id\n      transactions(first: 3, after: $afterB) {\n        nodes { id financialAccount { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n": typeof types.PageNestedAliasesDocument,
    "\n  query PageNestedEntries($id: ID!) {\n    financialAccount(id: $id) {\n      transactions(first: 20) {\n        nodes {\n          id\n          entries(first: 1) {\n            edges { node { id transaction { id } } }\n            nodes { id transaction { id } }\n            pageInfo { hasNextPage hasPreviousPage }\n          }\n        }\n      }\n    }\n  }\n": typeof types.PageNestedEntriesDocument,
    "\n  mutation PmCreate($input: CreatePaymentMethodInput!) {\n    createPaymentMethod(input: $input) {\n      paymentMethod {\n        id\n        type\n        created\n        livemode\n        metadata\n        billingDetails { name email phone address { line1 line2 city state postalCode country } }\n        usBankAccount {\n          bankName\n          last4\n          routingNumber\n          accountHolderType\n          accountType\n          fingerprint\n          networks { preferred supported }\n        }\n        connectedAccount { id }\n      }\n      userErrors { code message field }\n    }\n  }\n": typeof types.PmCreateDocument,
    "\n  query PmRead($id: ID!) {\n    paymentMethod(id: $id) {\n      id\n      type\n      created\n      livemode\n      metadata\n      billingDetails { name email phone address { line1 line2 city state postalCode country } }\n      usBankAccount {\n        bankName\n        last4\n        routingNumber\n        accountHolderType\n        accountType\n        fingerprint\n        networks { preferred supported }\n      }\n      connectedAccount { id }\n    }\n  }\n": typeof types.PmReadDocument,
    "\n  query PmNode($id: ID!) {\n    node(id: $id) { __typename id ... on PaymentMethod { usBankAccount { last4 } connectedAccount { id } } }\n  }\n": typeof types.PmNodeDocument,
    "query PmNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }": typeof types.PmNodesDocument,
    "\n  query PmList($account: ID!, $first: Int, $after: String, $last: Int, $before: String, $filter: PaymentMethodFilter) {\n    connectedAccount(id: $account) {\n      id\n      paymentMethods(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n        edges { cursor node { id created } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n": typeof types.PmListDocument,
    "\n  query PmAccountsWithMethods($n: Int) {\n    connectedAccounts(first: $n) { nodes { id paymentMethods(first: $n) { nodes { id usBankAccount { last4 } connectedAccount { id } } } } }\n  }\n": typeof types.PmAccountsWithMethodsDocument,
    "\n  query PmAllAccounts {\n    connectedAccounts(first: 100) { nodes { id paymentMethods(first: 100) { nodes { id connectedAccount { id } } } } }\n  }\n": typeof types.PmAllAccountsDocument,
    "\n  query PmEvents {\n    events(first: 100, filter: { types: [PAYMENT_METHOD_ATTACHED] }) { nodes { id type objectId data connectedAccount { id } } }\n  }\n": typeof types.PmEventsDocument,
    "\n  subscription PmEventStream($after: ID) { events(types: [PAYMENT_METHOD_ATTACHED], after: $after) { id type objectId data } }\n": typeof types.PmEventStreamDocument,
    "\n          query ProjectedPage($fa: ID!) {\n            financialAccount(id: $fa) {\n              transactions(first: 5) {\n                edges { node { ...TransactionAmount } }\n                nodes { entries(first: 2) { nodes { type } } }\n              }\n            }\n          }\n          fragment TransactionAmount on Transaction { amount statusTransitions { voidAt } }\n        ": typeof types.ProjectedPageDocument,
    "\n        query TwoSelections($fa: ID!) {\n          financialAccount(id: $fa) {\n            amounts: transactions(first: 4) { nodes { id amount } }\n            flows: transactions(first: 4) { nodes { id flow livemode } }\n          }\n        }\n      ": typeof types.TwoSelectionsDocument,
    "\n        query PageThenNode($fa: ID!, $id: ID!) {\n          financialAccount(id: $fa) { transactions(first: 1) { nodes { id } } }\n          transaction(id: $id) { id flow description amount }\n        }\n      ": typeof types.PageThenNodeDocument,
    "\n        query EntryTransactions($fa: ID!) {\n          financialAccount(id: $fa) {\n            transactions(first: 4) {\n              nodes { id entries(first: 1) { nodes { transaction { id } again: transaction { description flow } } } }\n            }\n          }\n        }\n      ": typeof types.EntryTransactionsDocument,
    "\n  query RateLimitPriced($ids: [ID!]!) {\n    nodes(ids: $ids) { id }\n  }\n": typeof types.RateLimitPricedDocument,
    "\n  mutation RateLimitCreateAccount($name: String!) {\n    createConnectedAccount(input: { displayName: $name }) { connectedAccount { id } userErrors { code } }\n  }\n": typeof types.RateLimitCreateAccountDocument,
    "\n  subscription RateLimitEvents { events { id } }\n": typeof types.RateLimitEventsDocument,
    "\n  query FourLevels($accounts: Int, $fas: Int, $transactions: Int, $entries: Int) {\n    connectedAccounts(first: $accounts) {\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id\n        displayName\n        capabilities { name status }\n        financialAccounts(first: $fas) {\n          nodes {\n            id\n            nickname\n            activeFeatures\n            pendingFeatures\n            features { feature requested status statusDetails { code resolution restriction } }\n            financialAddresses { type supportedNetworks aba { routingNumber accountNumber accountNumberLast4 bankName accountHolderName } }\n            balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } }\n            transactions(first: $transactions) {\n              edges { cursor }\n              nodes {\n                id amount currency status flowType\n                balanceImpact { cash inboundPending outboundPending }\n                statusTransitions { postedAt voidAt }\n                entries(first: $entries) { nodes { id type effectiveAt balanceImpact { cash inboundPending outboundPending } transaction { id } } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.FourLevelsDocument,
    "query BigBalance($id: ID!) { financialAccount(id: $id) { balance { cash { amount } } transactions { nodes { amount } } } }": typeof types.BigBalanceDocument,
    "\n  mutation RcCreate($input: CreateReceivedCreditInput!) {\n    createReceivedCredit(input: $input) {\n      receivedCredit {\n        id amount created currency description failureCode hostedRegulatoryReceiptUrl livemode network status\n        financialAccount { id balance { cash { amount } } }\n        initiatingPaymentMethodDetails {\n          type balance issuingCard\n          billingDetails { name email address { city country line1 line2 postalCode state } }\n          financialAccount { id network }\n          usBankAccount { bankName last4 routingNumber }\n        }\n        linkedFlows { creditReversal issuingAuthorization issuingTransaction sourceFlow sourceFlowType sourceFlowDetails { __typename } }\n        reversalDetails { deadline restrictedReason }\n        transaction {\n          id amount status flow flowType balanceImpact { cash inboundPending outboundPending }\n          entries { nodes { type balanceImpact { cash } flowDetails { __typename ... on ReceivedCredit { id } } } }\n        }\n      }\n      userErrors { code message field }\n    }\n  }\n": typeof types.RcCreateDocument,
    "query RcRead($id: ID!) { receivedCredit(id: $id) { id status } }": typeof types.RcReadDocument,
    "query RcNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }": typeof types.RcNodesDocument,
    "\n  query RcList($fa: ID!, $filter: ReceivedCreditFilter) {\n    financialAccount(id: $fa) { receivedCredits(first: 20, filter: $filter) { nodes { id status } } }\n  }\n": typeof types.RcListDocument,
    "\n  subscription RcStream($after: ID) {\n    events(types: [TREASURY_RECEIVED_CREDIT_CREATED, TREASURY_RECEIVED_CREDIT_SUCCEEDED, TREASURY_RECEIVED_CREDIT_FAILED], after: $after) { id type objectId data }\n  }\n": typeof types.RcStreamDocument,
    "\n  mutation RdCreate($input: CreateReceivedDebitInput!) {\n    createReceivedDebit(input: $input) {\n      receivedDebit {\n        id amount created currency description failureCode hostedRegulatoryReceiptUrl livemode network status\n        financialAccount { id balance { cash { amount } } }\n        initiatingPaymentMethodDetails {\n          type balance issuingCard\n          billingDetails { name email address { city country line1 line2 postalCode state } }\n          financialAccount { id network }\n          usBankAccount { bankName last4 routingNumber }\n        }\n        linkedFlows { inboundTransfer issuingAuthorization issuingTransaction payout topup }\n        reversalDetails { deadline restrictedReason }\n        transaction {\n          id amount status flow flowType balanceImpact { cash inboundPending outboundPending }\n          flowDetails { __typename ... on ReceivedDebit { id } }\n          entries { nodes { type balanceImpact { cash } flowDetails { __typename ... on ReceivedDebit { id } } } }\n        }\n      }\n      userErrors { code message field }\n    }\n  }\n": typeof types.RdCreateDocument,
    "query RdRead($id: ID!) { receivedDebit(id: $id) { id status reversalDetails { deadline restrictedReason } } }": typeof types.RdReadDocument,
    "query RdNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }": typeof types.RdNodesDocument,
    "\n  query RdList($fa: ID!, $filter: ReceivedDebitFilter) {\n    financialAccount(id: $fa) { receivedDebits(first: 20, filter: $filter) { nodes { id status } } }\n  }\n": typeof types.RdListDocument,
    "\n  subscription RdStream($after: ID) {\n    events(types: [TREASURY_RECEIVED_DEBIT_CREATED], after: $after) { id type objectId data }\n  }\n": typeof types.RdStreamDocument,
    "\n  subscription RdBalance($fa: ID!) {\n    financialAccountBalanceUpdated(financialAccount: $fa) { financialAccount { id balance { cash { amount } } } transaction { id flow } }\n  }\n": typeof types.RdBalanceDocument,
    "\n  mutation RedisCreateAccount($name: String!) {\n    createConnectedAccount(input: { displayName: $name, capabilities: [{ name: TREASURY, status: ACTIVE }] }) {\n      connectedAccount { id }\n      userErrors { code message }\n    }\n  }\n": typeof types.RedisCreateAccountDocument,
    "\n  subscription RedisEvents($after: ID) {\n    events(after: $after) { id type objectId }\n  }\n": typeof types.RedisEventsDocument,
    "query ScopeNode($id: ID!) { node(id: $id) { __typename id } }": typeof types.ScopeNodeDocument,
    "query ScopeNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }": typeof types.ScopeNodesDocument,
    "\n  query ScopeNodeAndNodes($id: ID!, $ids: [ID!]!) {\n    node(id: $id) { __typename id }\n    nodes(ids: $ids) { __typename id }\n    again: node(id: $id) { __typename id }\n  }\n": typeof types.ScopeNodeAndNodesDocument,
    "\n  query ScopeRootFields($account: ID!, $fa: ID!, $trxn: ID!, $entry: ID!) {\n    connectedAccount(id: $account) { id }\n    financialAccount(id: $fa) { id }\n    transaction(id: $trxn) { id }\n    transactionEntry(id: $entry) { id }\n  }\n": typeof types.ScopeRootFieldsDocument,
    "\n  query ScopeLists {\n    platform { id financialAccounts(first: 100) { nodes { id } } }\n    connectedAccounts(first: 100) { nodes { id financialAccounts(first: 100) { nodes { id } } } }\n    financialAccounts(first: 100) { nodes { id connectedAccount { id } } }\n  }\n": typeof types.ScopeListsDocument,
    "\n  query ScopeForeignFilters($fa: ID!, $flow: ID!, $trxn: ID!) {\n    financialAccount(id: $fa) {\n      id\n      transactions(first: 100, filter: { flow: $flow }) { nodes { id } pageInfo { hasNextPage hasPreviousPage } }\n      transactionEntries(first: 100, filter: { transaction: $trxn }) { nodes { id } pageInfo { hasNextPage hasPreviousPage } }\n    }\n  }\n": typeof types.ScopeForeignFiltersDocument,
    "\n  query ScopeProbe($id: ID!) {\n    node(id: $id) { __typename id }\n    nodes(ids: [$id]) { __typename id }\n    connectedAccount(id: $id) { id displayName }\n    financialAccount(id: $id) { id balance { cash { currency amount } } }\n    transaction(id: $id) { id amount }\n    transactionEntry(id: $id) { id }\n  }\n": typeof types.ScopeProbeDocument,
    "\n  query ScopeRelations($fa: ID!, $trxn: ID!, $entry: ID!) {\n    financialAccount(id: $fa) {\n      connectedAccount { id financialAccounts(first: 100) { nodes { id } } }\n      transactions(first: 100) { nodes { id financialAccount { id } entries(first: 100) { nodes { id } } } }\n      transactionEntries(first: 100) { nodes { id transaction { id } financialAccount { id } } }\n    }\n    transaction(id: $trxn) { financialAccount { id } entries(first: 100) { nodes { id transaction { id } } } }\n    transactionEntry(id: $entry) { transaction { id } financialAccount { id } }\n  }\n": typeof types.ScopeRelationsDocument,
    "\n  query ScopeAba($fa: ID!) {\n    financialAccount(id: $fa) { financialAddresses { aba { accountNumber accountNumberLast4 routingNumber } } }\n  }\n": typeof types.ScopeAbaDocument,
    "\n  subscription SlowClientsEvents {\n    events { id type }\n  }\n": typeof types.SlowClientsEventsDocument,
    "\n  query SlowClientsTypename {\n    __typename\n  }\n": typeof types.SlowClientsTypenameDocument,
    "\n  mutation SlowClientsCreateConnectedAccount($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) {\n      connectedAccount { id }\n      userErrors { code message }\n    }\n  }\n": typeof types.SlowClientsCreateConnectedAccountDocument,
    "\n  subscription SseEvents($types: [EventType!], $after: ID) {\n    events(types: $types, after: $after) { id type objectId }\n  }\n": typeof types.SseEventsDocument,
    "\n  subscription SseEventTypesOnly {\n    events { type }\n  }\n": typeof types.SseEventTypesOnlyDocument,
    "\n  subscription SseFinancialAccountCreated {\n    financialAccountCreated { id }\n  }\n": typeof types.SseFinancialAccountCreatedDocument,
    "\n  mutation SseCreateConnectedAccount($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) {\n      connectedAccount { id }\n      userErrors { code message }\n    }\n  }\n": typeof types.SseCreateConnectedAccountDocument,
    "\n  mutation SseCreateFinancialAccount($input: CreateFinancialAccountInput!) {\n    createFinancialAccount(input: $input) {\n      financialAccount { id }\n      userErrors { code message }\n    }\n  }\n": typeof types.SseCreateFinancialAccountDocument,
    "\n  subscription StartTestEvents {\n    events {\n      id\n      type\n    }\n  }\n": typeof types.StartTestEventsDocument,
    "\n  fragment LiveFinancialAccountState on FinancialAccount {\n    id\n    status\n    nickname\n    metadata\n    supportedCurrencies\n    statusDetails { reasons }\n    connectedAccount { id }\n    activeFeatures\n    pendingFeatures\n    restrictedFeatures\n    features { feature requested status statusDetails { code resolution restriction } }\n    financialAddresses { type aba { accountNumber accountNumberLast4 routingNumber } }\n    platformRestrictions { inboundFlows outboundFlows }\n  }\n": typeof types.LiveFinancialAccountStateFragmentDoc,
    "\n  subscription LiveEvents($types: [EventType!], $after: ID) {\n    events(types: $types, after: $after) {\n      id\n      type\n      objectId\n      livemode\n      created\n      data\n      connectedAccount { id }\n      financialAccount { id status }\n    }\n  }\n": typeof types.LiveEventsDocument,
    "\n  subscription LiveFinancialAccountCreated($financialAccount: ID) {\n    financialAccountCreated(financialAccount: $financialAccount) { ...LiveFinancialAccountState }\n  }\n": typeof types.LiveFinancialAccountCreatedDocument,
    "\n  subscription LiveFinancialAccountClosed($financialAccount: ID) {\n    financialAccountClosed(financialAccount: $financialAccount) { ...LiveFinancialAccountState }\n  }\n": typeof types.LiveFinancialAccountClosedDocument,
    "\n  subscription LiveFinancialAccountFeaturesStatusUpdated($financialAccount: ID) {\n    financialAccountFeaturesStatusUpdated(financialAccount: $financialAccount) { ...LiveFinancialAccountState }\n  }\n": typeof types.LiveFinancialAccountFeaturesStatusUpdatedDocument,
    "\n  mutation LiveCreateConnectedAccount($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) {\n      connectedAccount { id }\n      userErrors { code field message }\n    }\n  }\n": typeof types.LiveCreateConnectedAccountDocument,
    "\n  mutation LiveCreateFinancialAccount($input: CreateFinancialAccountInput!) {\n    createFinancialAccount(input: $input) {\n      financialAccount { ...LiveFinancialAccountState }\n      userErrors { code field message }\n    }\n  }\n": typeof types.LiveCreateFinancialAccountDocument,
    "\n  mutation LiveUpdateFinancialAccount($input: UpdateFinancialAccountInput!) {\n    updateFinancialAccount(input: $input) {\n      financialAccount { ...LiveFinancialAccountState }\n      userErrors { code field message }\n    }\n  }\n": typeof types.LiveUpdateFinancialAccountDocument,
    "\n  mutation LiveCloseFinancialAccount($input: CloseFinancialAccountInput!) {\n    closeFinancialAccount(input: $input) {\n      financialAccount { ...LiveFinancialAccountState }\n      userErrors { code field message }\n    }\n  }\n": typeof types.LiveCloseFinancialAccountDocument,
    "\n  mutation LiveCreateAccountSession($account: ID!) {\n    createAccountSession(input: { account: $account }) {\n      accountSession { clientSecret expiresAt account { id } }\n      userErrors { code field message }\n    }\n  }\n": typeof types.LiveCreateAccountSessionDocument,
    "\n  subscription TransportEvents {\n    events { id type }\n  }\n": typeof types.TransportEventsDocument,
    "\n  query TransportTypename {\n    __typename\n  }\n": typeof types.TransportTypenameDocument,
    "\n  mutation TransportCreateConnectedAccount($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) {\n      connectedAccount { id }\n      userErrors { code message }\n    }\n  }\n": typeof types.TransportCreateConnectedAccountDocument,
};
const documents: Documents = {
    "\n  query AuthWhoAmI {\n    platform { id displayName }\n    connectedAccounts(first: 100) { nodes { id livemode } }\n  }\n": types.AuthWhoAmIDocument,
    "\n  mutation AuthCreateSession($account: ID!) {\n    createAccountSession(input: { account: $account }) {\n      accountSession { id clientSecret expiresAt livemode account { id } }\n      userErrors { code message field }\n    }\n  }\n": types.AuthCreateSessionDocument,
    "\n  query AuthLiveObjects($account: ID!, $fa: ID!) {\n    connectedAccount(id: $account) { id }\n    financialAccount(id: $fa) { id }\n    node(id: $account) { id }\n    nodes(ids: [$account, $fa]) { id }\n    connectedAccounts(first: 100) { nodes { id } }\n    financialAccounts(first: 100) { nodes { id livemode } }\n  }\n": types.AuthLiveObjectsDocument,
    "query AuthAccountById($id: ID!) { connectedAccount(id: $id) { id } }": types.AuthAccountByIdDocument,
    "\n  mutation BadInputCreateConnectedAccount($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) { connectedAccount { id displayName email metadata } userErrors { code message field } }\n  }\n": types.BadInputCreateConnectedAccountDocument,
    "\n  mutation BadInputUpdateConnectedAccount($input: UpdateConnectedAccountInput!) {\n    updateConnectedAccount(input: $input) { connectedAccount { id } userErrors { code message field } }\n  }\n": types.BadInputUpdateConnectedAccountDocument,
    "\n  mutation BadInputCreateFinancialAccount($input: CreateFinancialAccountInput!) {\n    createFinancialAccount(input: $input) { financialAccount { id nickname } userErrors { code message field } }\n  }\n": types.BadInputCreateFinancialAccountDocument,
    "\n  mutation BadInputUpdateFinancialAccount($input: UpdateFinancialAccountInput!) {\n    updateFinancialAccount(input: $input) { financialAccount { id } userErrors { code message field } }\n  }\n": types.BadInputUpdateFinancialAccountDocument,
    "\n  query BadInputConnectedAccount($id: ID!) { connectedAccount(id: $id) { id } }\n": types.BadInputConnectedAccountDocument,
    "\n  query BadInputEntries($fa: ID!, $filter: TransactionEntryFilter, $after: String) {\n    financialAccount(id: $fa) { transactionEntries(first: 2, filter: $filter, after: $after) { nodes { id } pageInfo { endCursor } } }\n  }\n": types.BadInputEntriesDocument,
    "\n  query BadInputEvents($filter: EventFilter) { events(first: 2, filter: $filter) { nodes { id } } }\n": types.BadInputEventsDocument,
    "\n  subscription BadInputEventsLive($after: ID) { events(after: $after) { id } }\n": types.BadInputEventsLiveDocument,
    "\n  subscription BalanceUpdated($fa: ID!) {\n    financialAccountBalanceUpdated(financialAccount: $fa) {\n      financialAccount { id }\n      transaction { id flow flowType status }\n      balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } }\n    }\n  }\n": types.BalanceUpdatedDocument,
    "\n  mutation AcctCreate($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) {\n      connectedAccount {\n        id\n        displayName\n        email\n        country\n        metadata\n        livemode\n        created\n        capabilities { name requested status }\n      }\n      userErrors { code message field }\n    }\n  }\n": types.AcctCreateDocument,
    "\n  mutation AcctUpdate($input: UpdateConnectedAccountInput!) {\n    updateConnectedAccount(input: $input) {\n      connectedAccount {\n        id\n        displayName\n        email\n        country\n        metadata\n        capabilities { name requested status }\n      }\n      userErrors { code message field }\n    }\n  }\n": types.AcctUpdateDocument,
    "\n  query AcctRead($id: ID!) {\n    connectedAccount(id: $id) { id displayName email country metadata capabilities { name requested status } }\n  }\n": types.AcctReadDocument,
    "\n  mutation AcctCreateLiteral {\n    createConnectedAccount(input: { displayName: \"Literal Co\", metadata: { tier: \"gold\", region: \"eu\" } }) {\n      connectedAccount { id displayName metadata }\n      userErrors { code field }\n    }\n  }\n": types.AcctCreateLiteralDocument,
    "\n  fragment CredrevFields on CreditReversal {\n    id amount created currency hostedRegulatoryReceiptUrl livemode metadata network status\n    financialAccount { id }\n    receivedCredit { id linkedFlows { creditReversal creditReversalDetails { id } } reversalDetails { deadline restrictedReason } }\n    statusTransitions { postedAt }\n    transaction {\n      id amount status flow flowType statusTransitions { postedAt }\n      balanceImpact { cash inboundPending outboundPending }\n      entries(first: 10) { nodes { type flowType balanceImpact { cash inboundPending outboundPending } flowDetails { __typename } } }\n      flowDetails { __typename ... on CreditReversal { id status } }\n    }\n  }\n": types.CredrevFieldsFragmentDoc,
    "\n  mutation CredrevCreate($input: CreateCreditReversalInput!) {\n    createCreditReversal(input: $input) { creditReversal { ...CredrevFields } userErrors { code message field } }\n  }\n": types.CredrevCreateDocument,
    "query CredrevRead($id: ID!) { creditReversal(id: $id) { ...CredrevFields } }": types.CredrevReadDocument,
    "query CredrevNode($id: ID!) { node(id: $id) { __typename id ... on CreditReversal { status } } }": types.CredrevNodeDocument,
    "\n  query CredrevCredit($id: ID!) {\n    receivedCredit(id: $id) { id network linkedFlows { creditReversal sourceFlowType } reversalDetails { deadline restrictedReason } }\n  }\n": types.CredrevCreditDocument,
    "\n  query CredrevList($fa: ID!, $filter: CreditReversalFilter) {\n    financialAccount(id: $fa) { creditReversals(first: 20, filter: $filter) { nodes { id status receivedCredit { id } } } }\n  }\n": types.CredrevListDocument,
    "\n  query CredrevReceived($fa: ID!) { financialAccount(id: $fa) { receivedCredits(first: 5) { nodes { id } } } }\n": types.CredrevReceivedDocument,
    "\n  query CredrevBalance($id: ID!) {\n    financialAccount(id: $id) { balance { cash { amount } inboundPending { amount } outboundPending { amount } } }\n  }\n": types.CredrevBalanceDocument,
    "\n  query CredrevEvents($types: [EventType!]) { events(first: 50, filter: { types: $types }) { nodes { id type objectId data } } }\n": types.CredrevEventsDocument,
    "\n  subscription CredrevBalanceUpdated($fa: ID!) {\n    financialAccountBalanceUpdated(financialAccount: $fa) {\n      transaction { id flowType }\n      balance { cash { amount } outboundPending { amount } }\n    }\n  }\n": types.CredrevBalanceUpdatedDocument,
    "\n  subscription CredrevStream($after: ID) {\n    events(types: [TREASURY_CREDIT_REVERSAL_CREATED, TREASURY_CREDIT_REVERSAL_POSTED], after: $after) { id type objectId data }\n  }\n": types.CredrevStreamDocument,
    "\n  mutation DrCreate($input: CreateDebitReversalInput!) {\n    createDebitReversal(input: $input) {\n      debitReversal {\n        id amount created currency hostedRegulatoryReceiptUrl livemode metadata network status\n        financialAccount { id balance { cash { amount } } }\n        linkedFlows { issuingDispute }\n        statusTransitions { completedAt }\n        receivedDebit { id linkedFlows { debitReversal { id } } reversalDetails { restrictedReason } }\n        transaction { id }\n      }\n      userErrors { code message field }\n    }\n  }\n": types.DrCreateDocument,
    "\n  query DrRead($id: ID!) {\n    debitReversal(id: $id) {\n      id status statusTransitions { completedAt }\n      financialAccount { balance { cash { amount } } }\n      transaction {\n        id amount status flow flowType balanceImpact { cash inboundPending outboundPending }\n        flowDetails { __typename ... on DebitReversal { id } }\n        entries { nodes { type balanceImpact { cash } flowDetails { __typename ... on DebitReversal { id status } } } }\n      }\n    }\n  }\n": types.DrReadDocument,
    "query DrNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }": types.DrNodesDocument,
    "\n  query DrList($fa: ID!, $filter: DebitReversalFilter) {\n    financialAccount(id: $fa) { debitReversals(first: 20, filter: $filter) { nodes { id status } } }\n  }\n": types.DrListDocument,
    "\n  subscription DrStream($after: ID) {\n    events(types: [TREASURY_DEBIT_REVERSAL_CREATED, TREASURY_DEBIT_REVERSAL_COMPLETED], after: $after) { id type objectId data }\n  }\n": types.DrStreamDocument,
    "\n  mutation EvtCreateAccount($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) { connectedAccount { id email } userErrors { code message field } }\n  }\n": types.EvtCreateAccountDocument,
    "\n  mutation EvtUpdateAccount($input: UpdateConnectedAccountInput!) {\n    updateConnectedAccount(input: $input) { connectedAccount { id email displayName } userErrors { code message field } }\n  }\n": types.EvtUpdateAccountDocument,
    "\n  mutation EvtCreateSession($account: ID!) {\n    createAccountSession(input: { account: $account }) { accountSession { clientSecret } userErrors { code message } }\n  }\n": types.EvtCreateSessionDocument,
    "\n  mutation EvtCreateFinancialAccount($input: CreateFinancialAccountInput!) {\n    createFinancialAccount(input: $input) { financialAccount { id nickname } userErrors { code message field } }\n  }\n": types.EvtCreateFinancialAccountDocument,
    "\n  mutation EvtUpdateFinancialAccount($input: UpdateFinancialAccountInput!) {\n    updateFinancialAccount(input: $input) { financialAccount { id nickname } userErrors { code message field } }\n  }\n": types.EvtUpdateFinancialAccountDocument,
    "\n  mutation EvtCloseFinancialAccount($id: ID!) {\n    closeFinancialAccount(input: { financialAccount: $id }) { financialAccount { id status } userErrors { code message field } }\n  }\n": types.EvtCloseFinancialAccountDocument,
    "\n  query EvtFinancialAccount($id: ID!) {\n    financialAccount(id: $id) {\n      id\n      status\n      nickname\n      activeFeatures\n      features { feature status statusDetails { code } }\n      financialAddresses { aba { accountNumber accountNumberLast4 } }\n    }\n  }\n": types.EvtFinancialAccountDocument,
    "\n  query EvtEvents($filter: EventFilter, $first: Int, $after: String) {\n    events(filter: $filter, first: $first, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      nodes { id type created livemode objectId data connectedAccount { id } financialAccount { id } }\n    }\n  }\n": types.EvtEventsDocument,
    "\n  query EvtEventById($id: ID!) {\n    event(id: $id) { id type objectId }\n    node(id: $id) { __typename id }\n  }\n": types.EvtEventByIdDocument,
    "\n  subscription EvtStream($types: [EventType!], $after: ID) {\n    events(types: $types, after: $after) { id type objectId data }\n  }\n": types.EvtStreamDocument,
    "\n  fragment FeatFaFields on FinancialAccount {\n    id\n    status\n    statusDetails { reasons }\n    activeFeatures\n    pendingFeatures\n    restrictedFeatures\n    features { feature requested status statusDetails { code resolution restriction } }\n    financialAddresses { type supportedNetworks aba { accountHolderName accountNumber accountNumberLast4 bankName routingNumber } }\n    platformRestrictions { inboundFlows outboundFlows }\n  }\n": types.FeatFaFieldsFragmentDoc,
    "\n  mutation FeatCreateAccount($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) { connectedAccount { id capabilities { name status } } userErrors { code message field } }\n  }\n": types.FeatCreateAccountDocument,
    "\n  mutation FeatUpdateAccount($input: UpdateConnectedAccountInput!) {\n    updateConnectedAccount(input: $input) { connectedAccount { id capabilities { name status } } userErrors { code message field } }\n  }\n": types.FeatUpdateAccountDocument,
    "\n  mutation FeatCreateSession($account: ID!) {\n    createAccountSession(input: { account: $account }) { accountSession { clientSecret } userErrors { code message } }\n  }\n": types.FeatCreateSessionDocument,
    "\n  mutation FeatCreateFinancialAccount($input: CreateFinancialAccountInput!) {\n    createFinancialAccount(input: $input) { financialAccount { ...FeatFaFields } userErrors { code message field } }\n  }\n": types.FeatCreateFinancialAccountDocument,
    "\n  mutation FeatUpdateFinancialAccount($input: UpdateFinancialAccountInput!) {\n    updateFinancialAccount(input: $input) { financialAccount { ...FeatFaFields } userErrors { code message field } }\n  }\n": types.FeatUpdateFinancialAccountDocument,
    "\n  mutation FeatCloseFinancialAccount($id: ID!) {\n    closeFinancialAccount(input: { financialAccount: $id }) { financialAccount { ...FeatFaFields } userErrors { code message field } }\n  }\n": types.FeatCloseFinancialAccountDocument,
    "\n  query FeatFinancialAccount($id: ID!) { financialAccount(id: $id) { ...FeatFaFields } }\n": types.FeatFinancialAccountDocument,
    "\n  query FeatEvents($filter: EventFilter, $first: Int) {\n    events(filter: $filter, first: $first) { nodes { id type objectId created data } }\n  }\n": types.FeatEventsDocument,
    "\n  subscription FeatFeaturesUpdated($financialAccount: ID) {\n    financialAccountFeaturesStatusUpdated(financialAccount: $financialAccount) { ...FeatFaFields }\n  }\n": types.FeatFeaturesUpdatedDocument,
    "\n  subscription FeatEventStream($types: [EventType!], $after: ID) {\n    events(types: $types, after: $after) { id type objectId data }\n  }\n": types.FeatEventStreamDocument,
    "\n  query FilterTransactions($id: ID!, $filter: TransactionFilter, $first: Int, $last: Int, $after: String, $before: String) {\n    financialAccount(id: $id) {\n      transactions(filter: $filter, first: $first, last: $last, after: $after, before: $before) {\n        edges { cursor node { id } }\n        nodes { id created status flow flowType statusTransitions { postedAt voidAt } financialAccount { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n": types.FilterTransactionsDocument,
    "\n  query FilterEntries($id: ID!, $filter: TransactionEntryFilter, $first: Int, $last: Int, $after: String, $before: String) {\n    financialAccount(id: $id) {\n      transactionEntries(filter: $filter, first: $first, last: $last, after: $after, before: $before) {\n        edges { cursor node { id } }\n        nodes { id created effectiveAt transaction { id } financialAccount { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n": types.FilterEntriesDocument,
    "\n  query FilterTransactionEntries($id: ID!, $filter: TransactionEntryFilter) {\n    transaction(id: $id) {\n      entries(filter: $filter, first: 100) {\n        nodes { id created effectiveAt transaction { id } }\n      }\n    }\n  }\n": types.FilterTransactionEntriesDocument,
    "\n  query FilterFinancialAccounts($filter: FinancialAccountFilter, $first: Int, $last: Int, $after: String, $before: String) {\n    financialAccounts(filter: $filter, first: $first, last: $last, after: $after, before: $before) {\n      edges { cursor node { id } }\n      nodes { id created status }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": types.FilterFinancialAccountsDocument,
    "\n  query FilterAccountFinancialAccounts($id: ID!, $filter: FinancialAccountFilter, $first: Int, $after: String) {\n    connectedAccount(id: $id) {\n      financialAccounts(filter: $filter, first: $first, after: $after) {\n        edges { cursor node { id } }\n        nodes { id created status connectedAccount { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n": types.FilterAccountFinancialAccountsDocument,
    "\n  query FilterPlatformFinancialAccounts($filter: FinancialAccountFilter) {\n    platform {\n      financialAccounts(filter: $filter, first: 100) {\n        nodes { id created status }\n      }\n    }\n  }\n": types.FilterPlatformFinancialAccountsDocument,
    "\n  query AccountSnapshot($id: ID!) {\n    financialAccount(id: $id) {\n      id\n      activeFeatures\n      features { feature status }\n      financialAddresses { type }\n      balance { cash { currency amount } }\n    }\n  }\n": types.AccountSnapshotDocument,
    "\n  query FaClosedInList($account: ID!) {\n    connectedAccount(id: $account) {\n      financialAccounts(first: 20, filter: { status: CLOSED }) { nodes { id statusDetails { reasons } } }\n    }\n  }\n": types.FaClosedInListDocument,
    "\n  fragment FaFields on FinancialAccount {\n    id\n    status\n    statusDetails { reasons }\n    nickname\n    metadata\n    supportedCurrencies\n    country\n    livemode\n    created\n    connectedAccount { id }\n    activeFeatures\n    pendingFeatures\n    restrictedFeatures\n    features { feature requested status statusDetails { code resolution restriction } }\n    platformRestrictions { inboundFlows outboundFlows }\n    financialAddresses { type supportedNetworks aba { accountNumber accountNumberLast4 routingNumber bankName accountHolderName } }\n    balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } }\n  }\n": types.FaFieldsFragmentDoc,
    "\n  mutation FaCreate($input: CreateFinancialAccountInput!) {\n    createFinancialAccount(input: $input) {\n      financialAccount { ...FaFields }\n      userErrors { code message field }\n    }\n  }\n": types.FaCreateDocument,
    "\n  mutation FaUpdate($input: UpdateFinancialAccountInput!) {\n    updateFinancialAccount(input: $input) {\n      financialAccount { ...FaFields }\n      userErrors { code message field }\n    }\n  }\n": types.FaUpdateDocument,
    "\n  mutation FaClose($id: ID!) {\n    closeFinancialAccount(input: { financialAccount: $id }) {\n      financialAccount { ...FaFields }\n      userErrors { code message field }\n    }\n  }\n": types.FaCloseDocument,
    "\n  query FaRead($id: ID!) {\n    financialAccount(id: $id) {\n      ...FaFields\n      transactions(first: 100) { nodes { id amount status } }\n    }\n  }\n": types.FaReadDocument,
    "\n  mutation FaUpdateOwner($account: ID!, $status: CapabilityStatus!) {\n    updateConnectedAccount(input: { account: $account, capabilities: [{ name: TREASURY, status: $status }] }) { userErrors { code } }\n  }\n": types.FaUpdateOwnerDocument,
    "\n  mutation FaCreateOwner($key: String!) {\n    createConnectedAccount(input: { idempotencyKey: $key, capabilities: [{ name: TREASURY, status: ACTIVE }] }) {\n      connectedAccount { id }\n      userErrors { code field }\n    }\n  }\n": types.FaCreateOwnerDocument,
    "query FaReadTransaction($id: ID!) { transaction(id: $id) { id financialAccount { id status } } }": types.FaReadTransactionDocument,
    "\n  fragment IbtFields on InboundTransfer {\n    id amount cancelable created currency description livemode metadata statementDescriptor status hostedRegulatoryReceiptUrl\n    returned originPaymentMethod\n    failureDetails { code }\n    financialAccount { id }\n    linkedFlows { receivedDebit }\n    originPaymentMethodDetails {\n      type\n      billingDetails { name email address { city country line1 line2 postalCode state } }\n      usBankAccount { accountHolderType accountType bankName fingerprint last4 mandate network routingNumber }\n    }\n    statusTransitions { canceledAt failedAt succeededAt }\n    transaction {\n      id amount status flow flowType statusTransitions { postedAt voidAt }\n      balanceImpact { cash inboundPending outboundPending }\n      entries(first: 10) { nodes { type flowType balanceImpact { cash inboundPending outboundPending } } }\n      flowDetails { __typename ... on InboundTransfer { id status } }\n    }\n  }\n": types.IbtFieldsFragmentDoc,
    "\n  mutation IbtCreate($input: CreateInboundTransferInput!) {\n    createInboundTransfer(input: $input) { inboundTransfer { ...IbtFields } userErrors { code message field } }\n  }\n": types.IbtCreateDocument,
    "\n  mutation IbtCancel($input: CancelInboundTransferInput!) {\n    cancelInboundTransfer(input: $input) { inboundTransfer { ...IbtFields } userErrors { code message field } }\n  }\n": types.IbtCancelDocument,
    "\n  mutation IbtSucceed($input: SucceedInboundTransferInput!) {\n    succeedInboundTransfer(input: $input) { inboundTransfer { ...IbtFields } userErrors { code message field } }\n  }\n": types.IbtSucceedDocument,
    "\n  mutation IbtFail($input: FailInboundTransferInput!) {\n    failInboundTransfer(input: $input) { inboundTransfer { ...IbtFields } userErrors { code message field } }\n  }\n": types.IbtFailDocument,
    "\n  mutation IbtReturn($input: ReturnInboundTransferInput!) {\n    returnInboundTransfer(input: $input) { inboundTransfer { ...IbtFields } userErrors { code message field } }\n  }\n": types.IbtReturnDocument,
    "\n  mutation IbtClose($input: CloseFinancialAccountInput!) {\n    closeFinancialAccount(input: $input) { financialAccount { id status } userErrors { code message field } }\n  }\n": types.IbtCloseDocument,
    "\n  query IbtReceivedDebit($id: ID!) {\n    receivedDebit(id: $id) {\n      id amount currency status network failureCode description\n      financialAccount { id }\n      linkedFlows { inboundTransfer }\n      reversalDetails { restrictedReason }\n      initiatingPaymentMethodDetails { type billingDetails { name } usBankAccount { bankName last4 routingNumber } }\n      transaction {\n        id amount status flow flowType\n        balanceImpact { cash inboundPending outboundPending }\n        entries(first: 10) { nodes { type flowType balanceImpact { cash inboundPending outboundPending } } }\n        flowDetails { __typename ... on ReceivedDebit { id } }\n      }\n    }\n  }\n": types.IbtReceivedDebitDocument,
    "\n  query IbtBalance($id: ID!) {\n    financialAccount(id: $id) {\n      id\n      balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } }\n      transactions(first: 20) { nodes { id flow } }\n    }\n  }\n": types.IbtBalanceDocument,
    "query IbtRead($id: ID!) { inboundTransfer(id: $id) { ...IbtFields } }": types.IbtReadDocument,
    "query IbtNode($id: ID!) { node(id: $id) { __typename id ... on InboundTransfer { status } } }": types.IbtNodeDocument,
    "\n  query IbtList($fa: ID!, $filter: InboundTransferFilter) {\n    financialAccount(id: $fa) { inboundTransfers(first: 20, filter: $filter) { nodes { id status } } }\n  }\n": types.IbtListDocument,
    "\n  query IbtEvents($types: [EventType!]) { events(first: 50, filter: { types: $types }) { nodes { id type objectId data } } }\n": types.IbtEventsDocument,
    "\n  subscription IbtLiveEvents($types: [EventType!], $after: ID) { events(types: $types, after: $after) { id type objectId } }\n": types.IbtLiveEventsDocument,
    "\n  subscription IbtBalanceUpdated($fa: ID!) {\n    financialAccountBalanceUpdated(financialAccount: $fa) {\n      transaction { flow flowType status }\n      balance { cash { amount } inboundPending { amount } outboundPending { amount } }\n    }\n  }\n": types.IbtBalanceUpdatedDocument,
    "\n  query LedgerBalance($id: ID!) {\n    financialAccount(id: $id) { balance { cash { currency amount } inboundPending { amount } outboundPending { amount } } }\n  }\n": types.LedgerBalanceDocument,
    "\n  mutation ConcurrentReceivedDebit($input: CreateReceivedDebitInput!) {\n    createReceivedDebit(input: $input) { receivedDebit { id status failureCode } userErrors { code message } }\n  }\n": types.ConcurrentReceivedDebitDocument,
    "\n  mutation ConcurrentCreditReversal($input: CreateCreditReversalInput!) {\n    createCreditReversal(input: $input) { creditReversal { id } userErrors { code message } }\n  }\n": types.ConcurrentCreditReversalDocument,
    "\n  mutation ConcurrentOutboundTransfer($input: CreateOutboundTransferInput!) {\n    createOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message } }\n  }\n": types.ConcurrentOutboundTransferDocument,
    "\n  mutation ConcurrentInboundTransfer($input: CreateInboundTransferInput!) {\n    createInboundTransfer(input: $input) { inboundTransfer { id status } userErrors { code message } }\n  }\n": types.ConcurrentInboundTransferDocument,
    "\n  mutation ConcurrentSucceedInbound($input: SucceedInboundTransferInput!) {\n    succeedInboundTransfer(input: $input) { inboundTransfer { id status } userErrors { code message } }\n  }\n": types.ConcurrentSucceedInboundDocument,
    "\n  mutation ConcurrentCancelInbound($input: CancelInboundTransferInput!) {\n    cancelInboundTransfer(input: $input) { inboundTransfer { id status } userErrors { code message } }\n  }\n": types.ConcurrentCancelInboundDocument,
    "\n  mutation ConcurrentOutboundPayment($input: CreateOutboundPaymentInput!) {\n    createOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message } }\n  }\n": types.ConcurrentOutboundPaymentDocument,
    "\n  query LedgerPropertyBalances($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on FinancialAccount { id balance { cash { amount } inboundPending { amount } outboundPending { amount } } }\n    }\n  }\n": types.LedgerPropertyBalancesDocument,
    "\n  mutation PropertyReceivedCredit($input: CreateReceivedCreditInput!) {\n    createReceivedCredit(input: $input) { receivedCredit { id status } userErrors { code message field } }\n  }\n": types.PropertyReceivedCreditDocument,
    "\n  mutation PropertyOutboundTransfer($input: CreateOutboundTransferInput!) {\n    createOutboundTransfer(input: $input) { outboundTransfer { id status cancelable } userErrors { code message field } }\n  }\n": types.PropertyOutboundTransferDocument,
    "\n  mutation PropertyCancelTransfer($input: CancelOutboundTransferInput!) {\n    cancelOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message field } }\n  }\n": types.PropertyCancelTransferDocument,
    "\n  mutation PropertyPostTransfer($input: PostOutboundTransferInput!) {\n    postOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message field } }\n  }\n": types.PropertyPostTransferDocument,
    "\n  mutation PropertyFailTransfer($input: FailOutboundTransferInput!) {\n    failOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message field } }\n  }\n": types.PropertyFailTransferDocument,
    "\n  mutation PropertyReturnTransfer($input: ReturnOutboundTransferInput!) {\n    returnOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message field } }\n  }\n": types.PropertyReturnTransferDocument,
    "\n  mutation PropertyUpdateTransfer($input: UpdateOutboundTransferInput!) {\n    updateOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message field } }\n  }\n": types.PropertyUpdateTransferDocument,
    "\n  mutation PropertyReceivedDebit($input: CreateReceivedDebitInput!) {\n    createReceivedDebit(input: $input) { receivedDebit { id status failureCode } userErrors { code message field } }\n  }\n": types.PropertyReceivedDebitDocument,
    "\n  mutation PropertyDebitReversal($input: CreateDebitReversalInput!) {\n    createDebitReversal(input: $input) { debitReversal { id status } userErrors { code message field } }\n  }\n": types.PropertyDebitReversalDocument,
    "\n  mutation PropertyInboundTransfer($input: CreateInboundTransferInput!) {\n    createInboundTransfer(input: $input) { inboundTransfer { id status } userErrors { code message field } }\n  }\n": types.PropertyInboundTransferDocument,
    "mutation PropertyCancelInbound($input: CancelInboundTransferInput!) { cancelInboundTransfer(input: $input) { inboundTransfer { id status returned } userErrors { code message field } } }": types.PropertyCancelInboundDocument,
    "mutation PropertySucceedInbound($input: SucceedInboundTransferInput!) { succeedInboundTransfer(input: $input) { inboundTransfer { id status returned } userErrors { code message field } } }": types.PropertySucceedInboundDocument,
    "mutation PropertyFailInbound($input: FailInboundTransferInput!) { failInboundTransfer(input: $input) { inboundTransfer { id status returned } userErrors { code message field } } }": types.PropertyFailInboundDocument,
    "mutation PropertyReturnInbound($input: ReturnInboundTransferInput!) { returnInboundTransfer(input: $input) { inboundTransfer { id status returned } userErrors { code message field } } }": types.PropertyReturnInboundDocument,
    "\n  mutation PropertyOutboundPayment($input: CreateOutboundPaymentInput!) {\n    createOutboundPayment(input: $input) { outboundPayment { id status cancelable } userErrors { code message field } }\n  }\n": types.PropertyOutboundPaymentDocument,
    "\n  mutation PropertyCancelPayment($input: CancelOutboundPaymentInput!) {\n    cancelOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message field } }\n  }\n": types.PropertyCancelPaymentDocument,
    "\n  mutation PropertyPostPayment($input: PostOutboundPaymentInput!) {\n    postOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message field } }\n  }\n": types.PropertyPostPaymentDocument,
    "\n  mutation PropertyFailPayment($input: FailOutboundPaymentInput!) {\n    failOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message field } }\n  }\n": types.PropertyFailPaymentDocument,
    "\n  mutation PropertyReturnPayment($input: ReturnOutboundPaymentInput!) {\n    returnOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message field } }\n  }\n": types.PropertyReturnPaymentDocument,
    "\n  mutation PropertyUpdatePayment($input: UpdateOutboundPaymentInput!) {\n    updateOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message field } }\n  }\n": types.PropertyUpdatePaymentDocument,
    "\n  mutation PropertyCreditReversal($input: CreateCreditReversalInput!) {\n    createCreditReversal(input: $input) { creditReversal { id status amount } userErrors { code message field } }\n  }\n": types.PropertyCreditReversalDocument,
    "\n  query LimitsNested($a: Int, $f: Int, $t: Int, $e: Int) {\n    connectedAccounts(first: $a) {\n      nodes { financialAccounts(first: $f) { nodes { transactions(first: $t) { nodes { entries(first: $e) { nodes { id } } } } } } }\n    }\n  }\n": types.LimitsNestedDocument,
    "\n  query LimitsDefaulted($n: Int = 100) {\n    connectedAccounts(first: $n) {\n      nodes { financialAccounts(first: $n) { nodes { transactions(first: $n) { nodes { entries(first: $n) { nodes { id } } } } } } }\n    }\n  }\n": types.LimitsDefaultedDocument,
    "\n  query LimitsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on FinancialAccount { id transactions(first: 100) { nodes { id entries(first: 100) { nodes { id } } } } }\n    }\n  }\n": types.LimitsByIdsDocument,
    "\n  query LimitsByIdsFlat($ids: [ID!]!) {\n    nodes(ids: $ids) { id }\n  }\n": types.LimitsByIdsFlatDocument,
    "\n  query LimitsTransactions($id: ID!) {\n    node(id: $id) { ... on FinancialAccount { id transactions(first: 10) { nodes { id amount } } } }\n  }\n": types.LimitsTransactionsDocument,
    "\n    query LimitsPlatform { platform { id displayName } }\n  ": types.LimitsPlatformDocument,
    "\n        mutation LimitsCreateAccount {\n          createConnectedAccount(input: { displayName: \"Priced\" }) { connectedAccount { id } userErrors { code } }\n        }\n      ": types.LimitsCreateAccountDocument,
    "\n        subscription LimitsEvents { events { id type } }\n      ": types.LimitsEventsDocument,
    "\n          mutation LimitsCreateWatched {\n            createConnectedAccount(input: { displayName: \"Watched\" }) { connectedAccount { id } }\n          }\n        ": types.LimitsCreateWatchedDocument,
    "\n  subscription FanoutWatch {\n    events(types: [TREASURY_FINANCIAL_ACCOUNT_UPDATED]) {\n      id\n      objectId\n      financialAccount { id nickname status balance { cash { currency amount } } }\n    }\n  }\n": types.FanoutWatchDocument,
    "\n  subscription FanoutWatchNumbers {\n    events(types: [TREASURY_FINANCIAL_ACCOUNT_UPDATED]) {\n      id\n      objectId\n      financialAccount { id financialAddresses { aba { accountNumber accountNumberLast4 } } }\n    }\n  }\n": types.FanoutWatchNumbersDocument,
    "\n  subscription FanoutWatchIds($after: ID) {\n    events(types: [TREASURY_FINANCIAL_ACCOUNT_UPDATED], after: $after) { id objectId }\n  }\n": types.FanoutWatchIdsDocument,
    "\n  subscription FanoutWatchData {\n    events(types: [TREASURY_FINANCIAL_ACCOUNT_UPDATED]) { id data }\n  }\n": types.FanoutWatchDataDocument,
    "\n  mutation FanoutRename($input: UpdateFinancialAccountInput!) {\n    updateFinancialAccount(input: $input) { financialAccount { id nickname } userErrors { message } }\n  }\n": types.FanoutRenameDocument,
    "\n  query FanoutEventLog {\n    events(first: 100, filter: { types: [TREASURY_FINANCIAL_ACCOUNT_UPDATED] }) { nodes { id objectId } }\n  }\n": types.FanoutEventLogDocument,
    "\n  query OpsPlatform {\n    platform {\n      displayName\n    }\n  }\n": types.OpsPlatformDocument,
    "\n  mutation OpsEuroAccount {\n    createFinancialAccount(input: { supportedCurrencies: [\"eur\"] }) {\n      financialAccount {\n        id\n      }\n      userErrors {\n        code\n        field\n      }\n    }\n  }\n": types.OpsEuroAccountDocument,
    "\n  subscription OpsEvents {\n    events {\n      id\n    }\n  }\n": types.OpsEventsDocument,
    "\n  fragment ObpFields on OutboundPayment {\n    id amount cancelable created currency customer description destinationPaymentMethod expectedArrivalDate livemode metadata\n    statementDescriptor status hostedRegulatoryReceiptUrl\n    endUserDetails { present ipAddress }\n    destinationPaymentMethodDetails {\n      type\n      billingDetails { name email address { city country line1 line2 postalCode state } }\n      usBankAccount { accountHolderType accountType bankName fingerprint last4 network routingNumber }\n      financialAccount { id network }\n    }\n    financialAccount { id }\n    returnedDetails { code transaction { id amount status flow flowType entries { nodes { type balanceImpact { cash outboundPending } } } } }\n    statusTransitions { canceledAt failedAt postedAt returnedAt }\n    trackingDetails { type ach { traceId } usDomesticWire { chips imad omad } }\n    transaction {\n      id amount status flow flowType statusTransitions { postedAt voidAt }\n      balanceImpact { cash inboundPending outboundPending }\n      entries(first: 10) { nodes { type flowType balanceImpact { cash inboundPending outboundPending } } }\n      flowDetails { __typename ... on OutboundPayment { id status } }\n    }\n  }\n": types.ObpFieldsFragmentDoc,
    "\n  mutation ObpCreate($input: CreateOutboundPaymentInput!) {\n    createOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }\n  }\n": types.ObpCreateDocument,
    "\n  mutation ObpCancel($input: CancelOutboundPaymentInput!) {\n    cancelOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }\n  }\n": types.ObpCancelDocument,
    "\n  mutation ObpPost($input: PostOutboundPaymentInput!) {\n    postOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }\n  }\n": types.ObpPostDocument,
    "\n  mutation ObpFail($input: FailOutboundPaymentInput!) {\n    failOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }\n  }\n": types.ObpFailDocument,
    "\n  mutation ObpReturn($input: ReturnOutboundPaymentInput!) {\n    returnOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }\n  }\n": types.ObpReturnDocument,
    "\n  mutation ObpUpdate($input: UpdateOutboundPaymentInput!) {\n    updateOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }\n  }\n": types.ObpUpdateDocument,
    "\n  query ObpBalance($id: ID!) {\n    financialAccount(id: $id) { id balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } } }\n  }\n": types.ObpBalanceDocument,
    "query ObpRead($id: ID!) { outboundPayment(id: $id) { ...ObpFields } }": types.ObpReadDocument,
    "query ObpNode($id: ID!) { node(id: $id) { __typename id ... on OutboundPayment { status } } }": types.ObpNodeDocument,
    "\n  query ObpList($fa: ID!, $filter: OutboundPaymentFilter) {\n    financialAccount(id: $fa) { outboundPayments(first: 20, filter: $filter) { nodes { id status customer } } }\n  }\n": types.ObpListDocument,
    "\n  query ObpReceived($fa: ID!) {\n    financialAccount(id: $fa) {\n      receivedCredits(first: 5, filter: { linkedFlows: { sourceFlowType: OUTBOUND_PAYMENT } }) {\n        nodes {\n          id amount network status\n          initiatingPaymentMethodDetails { type financialAccount { id network } }\n          linkedFlows { sourceFlow sourceFlowType sourceFlowDetails { __typename ... on OutboundPayment { id status } } }\n          transaction { status amount }\n        }\n      }\n    }\n  }\n": types.ObpReceivedDocument,
    "\n  query ObpEvents($types: [EventType!]) { events(first: 50, filter: { types: $types }) { nodes { id type objectId data } } }\n": types.ObpEventsDocument,
    "\n  subscription ObpBalanceUpdated($fa: ID!) {\n    financialAccountBalanceUpdated(financialAccount: $fa) {\n      transaction { flow flowType status }\n      balance { cash { amount } outboundPending { amount } }\n    }\n  }\n": types.ObpBalanceUpdatedDocument,
    "\n  subscription ObpReplay($after: ID) { events(types: [TREASURY_OUTBOUND_PAYMENT_CREATED, TREASURY_OUTBOUND_PAYMENT_POSTED], after: $after) { id type } }\n": types.ObpReplayDocument,
    "\n  fragment ObtFields on OutboundTransfer {\n    id amount cancelable created currency description destinationPaymentMethod expectedArrivalDate livemode metadata\n    statementDescriptor status hostedRegulatoryReceiptUrl\n    destinationPaymentMethodDetails {\n      type\n      billingDetails { name email address { city country line1 line2 postalCode state } }\n      usBankAccount { accountHolderType accountType bankName fingerprint last4 network routingNumber }\n      financialAccount { id network }\n    }\n    financialAccount { id }\n    returnedDetails { code transaction { id amount status flow flowType entries { nodes { type balanceImpact { cash outboundPending } } } } }\n    statusTransitions { canceledAt failedAt postedAt returnedAt }\n    trackingDetails { type ach { traceId } usDomesticWire { chips imad omad } }\n    transaction {\n      id amount status flow flowType statusTransitions { postedAt voidAt }\n      balanceImpact { cash inboundPending outboundPending }\n      entries(first: 10) { nodes { type flowType balanceImpact { cash inboundPending outboundPending } } }\n      flowDetails { __typename ... on OutboundTransfer { id status } }\n    }\n  }\n": types.ObtFieldsFragmentDoc,
    "\n  mutation ObtCreate($input: CreateOutboundTransferInput!) {\n    createOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }\n  }\n": types.ObtCreateDocument,
    "\n  mutation ObtCancel($input: CancelOutboundTransferInput!) {\n    cancelOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }\n  }\n": types.ObtCancelDocument,
    "\n  mutation ObtPost($input: PostOutboundTransferInput!) {\n    postOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }\n  }\n": types.ObtPostDocument,
    "\n  mutation ObtFail($input: FailOutboundTransferInput!) {\n    failOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }\n  }\n": types.ObtFailDocument,
    "\n  mutation ObtReturn($input: ReturnOutboundTransferInput!) {\n    returnOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }\n  }\n": types.ObtReturnDocument,
    "\n  mutation ObtUpdate($input: UpdateOutboundTransferInput!) {\n    updateOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }\n  }\n": types.ObtUpdateDocument,
    "\n  query ObtBalance($id: ID!) {\n    financialAccount(id: $id) { id balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } } }\n  }\n": types.ObtBalanceDocument,
    "query ObtRead($id: ID!) { outboundTransfer(id: $id) { ...ObtFields } }": types.ObtReadDocument,
    "query ObtNode($id: ID!) { node(id: $id) { __typename id ... on OutboundTransfer { status } } }": types.ObtNodeDocument,
    "\n  query ObtList($fa: ID!, $filter: OutboundTransferFilter) {\n    financialAccount(id: $fa) { outboundTransfers(first: 20, filter: $filter) { nodes { id status } } }\n  }\n": types.ObtListDocument,
    "\n  query ObtReceived($fa: ID!) {\n    financialAccount(id: $fa) {\n      receivedCredits(first: 5, filter: { linkedFlows: { sourceFlowType: OUTBOUND_TRANSFER } }) {\n        nodes {\n          id amount network status\n          initiatingPaymentMethodDetails { type financialAccount { id network } }\n          linkedFlows { sourceFlow sourceFlowType sourceFlowDetails { __typename ... on OutboundTransfer { id status } } }\n          transaction { id status amount flowDetails { __typename ... on ReceivedCredit { id } } }\n        }\n      }\n    }\n  }\n": types.ObtReceivedDocument,
    "\n  query ObtEvents($types: [EventType!]) { events(first: 50, filter: { types: $types }) { nodes { id type objectId data } } }\n": types.ObtEventsDocument,
    "\n  query PageTransactions($id: ID!, $first: Int, $last: Int, $after: String, $before: String, $filter: TransactionFilter) {\n    financialAccount(id: $id) {\n      transactions(first: $first, last: $last, after: $after, before: $before, filter: $filter) {\n        edges { cursor node { id created } }\n        nodes { id created }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n": types.PageTransactionsDocument,
    "\n  query PageEntries($id: ID!, $first: Int, $last: Int, $after: String, $before: String, $filter: TransactionEntryFilter) {\n    financialAccount(id: $id) {\n      transactionEntries(first: $first, last: $last, after: $after, before: $before, filter: $filter) {\n        edges { cursor node { id created } }\n        nodes { id created }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n": types.PageEntriesDocument,
    "\n  query PageTransactionEntries($id: ID!, $first: Int, $last: Int, $after: String, $before: String) {\n    transaction(id: $id) {\n      entries(first: $first, last: $last, after: $after, before: $before) {\n        edges { cursor node { id created type transaction { id } } }\n        nodes { id created type transaction { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n": types.PageTransactionEntriesDocument,
    "\n  query PageAccountFinancialAccounts($id: ID!, $first: Int, $last: Int, $after: String, $before: String) {\n    connectedAccount(id: $id) {\n      financialAccounts(first: $first, last: $last, after: $after, before: $before) {\n        edges { cursor node { id created } }\n        nodes { id created }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n": types.PageAccountFinancialAccountsDocument,
    "\n  query PageConnectedAccounts($first: Int, $last: Int, $after: String, $before: String) {\n    connectedAccounts(first: $first, last: $last, after: $after, before: $before) {\n      edges { cursor node { id created } }\n      nodes { id created }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": types.PageConnectedAccountsDocument,
    "\n  query PageNested($id: ID!) {\n    connectedAccount(id: $id) {\n      financialAccounts(first: 10) {\n        nodes {\n          id\n          transactions(first: 3) {\n            edges { cursor node { id financialAccount { id } } }\n            nodes { id financialAccount { id } }\n            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n          }\n        }\n      }\n    }\n  }\n": types.PageNestedDocument,
    "\n  query PageNestedAliases($a: ID!, $b: ID!, $afterA: String, $afterB: String) {\n    a: financialAccount(id: $a) {\n      id\n      transactions(first: 3, after: $afterA) {\n        nodes { id financialAccount { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n    b: financialAccount(id: $b) {\n      id\n      transactions(first: 3, after: $afterB) {\n        nodes { id financialAccount { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n": types.PageNestedAliasesDocument,
    "\n  query PageNestedEntries($id: ID!) {\n    financialAccount(id: $id) {\n      transactions(first: 20) {\n        nodes {\n          id\n          entries(first: 1) {\n            edges { node { id transaction { id } } }\n            nodes { id transaction { id } }\n            pageInfo { hasNextPage hasPreviousPage }\n          }\n        }\n      }\n    }\n  }\n": types.PageNestedEntriesDocument,
    "\n  mutation PmCreate($input: CreatePaymentMethodInput!) {\n    createPaymentMethod(input: $input) {\n      paymentMethod {\n        id\n        type\n        created\n        livemode\n        metadata\n        billingDetails { name email phone address { line1 line2 city state postalCode country } }\n        usBankAccount {\n          bankName\n          last4\n          routingNumber\n          accountHolderType\n          accountType\n          fingerprint\n          networks { preferred supported }\n        }\n        connectedAccount { id }\n      }\n      userErrors { code message field }\n    }\n  }\n": types.PmCreateDocument,
    "\n  query PmRead($id: ID!) {\n    paymentMethod(id: $id) {\n      id\n      type\n      created\n      livemode\n      metadata\n      billingDetails { name email phone address { line1 line2 city state postalCode country } }\n      usBankAccount {\n        bankName\n        last4\n        routingNumber\n        accountHolderType\n        accountType\n        fingerprint\n        networks { preferred supported }\n      }\n      connectedAccount { id }\n    }\n  }\n": types.PmReadDocument,
    "\n  query PmNode($id: ID!) {\n    node(id: $id) { __typename id ... on PaymentMethod { usBankAccount { last4 } connectedAccount { id } } }\n  }\n": types.PmNodeDocument,
    "query PmNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }": types.PmNodesDocument,
    "\n  query PmList($account: ID!, $first: Int, $after: String, $last: Int, $before: String, $filter: PaymentMethodFilter) {\n    connectedAccount(id: $account) {\n      id\n      paymentMethods(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n        edges { cursor node { id created } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n": types.PmListDocument,
    "\n  query PmAccountsWithMethods($n: Int) {\n    connectedAccounts(first: $n) { nodes { id paymentMethods(first: $n) { nodes { id usBankAccount { last4 } connectedAccount { id } } } } }\n  }\n": types.PmAccountsWithMethodsDocument,
    "\n  query PmAllAccounts {\n    connectedAccounts(first: 100) { nodes { id paymentMethods(first: 100) { nodes { id connectedAccount { id } } } } }\n  }\n": types.PmAllAccountsDocument,
    "\n  query PmEvents {\n    events(first: 100, filter: { types: [PAYMENT_METHOD_ATTACHED] }) { nodes { id type objectId data connectedAccount { id } } }\n  }\n": types.PmEventsDocument,
    "\n  subscription PmEventStream($after: ID) { events(types: [PAYMENT_METHOD_ATTACHED], after: $after) { id type objectId data } }\n": types.PmEventStreamDocument,
    "\n          query ProjectedPage($fa: ID!) {\n            financialAccount(id: $fa) {\n              transactions(first: 5) {\n                edges { node { ...TransactionAmount } }\n                nodes { entries(first: 2) { nodes { type } } }\n              }\n            }\n          }\n          fragment TransactionAmount on Transaction { amount statusTransitions { voidAt } }\n        ": types.ProjectedPageDocument,
    "\n        query TwoSelections($fa: ID!) {\n          financialAccount(id: $fa) {\n            amounts: transactions(first: 4) { nodes { id amount } }\n            flows: transactions(first: 4) { nodes { id flow livemode } }\n          }\n        }\n      ": types.TwoSelectionsDocument,
    "\n        query PageThenNode($fa: ID!, $id: ID!) {\n          financialAccount(id: $fa) { transactions(first: 1) { nodes { id } } }\n          transaction(id: $id) { id flow description amount }\n        }\n      ": types.PageThenNodeDocument,
    "\n        query EntryTransactions($fa: ID!) {\n          financialAccount(id: $fa) {\n            transactions(first: 4) {\n              nodes { id entries(first: 1) { nodes { transaction { id } again: transaction { description flow } } } }\n            }\n          }\n        }\n      ": types.EntryTransactionsDocument,
    "\n  query RateLimitPriced($ids: [ID!]!) {\n    nodes(ids: $ids) { id }\n  }\n": types.RateLimitPricedDocument,
    "\n  mutation RateLimitCreateAccount($name: String!) {\n    createConnectedAccount(input: { displayName: $name }) { connectedAccount { id } userErrors { code } }\n  }\n": types.RateLimitCreateAccountDocument,
    "\n  subscription RateLimitEvents { events { id } }\n": types.RateLimitEventsDocument,
    "\n  query FourLevels($accounts: Int, $fas: Int, $transactions: Int, $entries: Int) {\n    connectedAccounts(first: $accounts) {\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id\n        displayName\n        capabilities { name status }\n        financialAccounts(first: $fas) {\n          nodes {\n            id\n            nickname\n            activeFeatures\n            pendingFeatures\n            features { feature requested status statusDetails { code resolution restriction } }\n            financialAddresses { type supportedNetworks aba { routingNumber accountNumber accountNumberLast4 bankName accountHolderName } }\n            balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } }\n            transactions(first: $transactions) {\n              edges { cursor }\n              nodes {\n                id amount currency status flowType\n                balanceImpact { cash inboundPending outboundPending }\n                statusTransitions { postedAt voidAt }\n                entries(first: $entries) { nodes { id type effectiveAt balanceImpact { cash inboundPending outboundPending } transaction { id } } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.FourLevelsDocument,
    "query BigBalance($id: ID!) { financialAccount(id: $id) { balance { cash { amount } } transactions { nodes { amount } } } }": types.BigBalanceDocument,
    "\n  mutation RcCreate($input: CreateReceivedCreditInput!) {\n    createReceivedCredit(input: $input) {\n      receivedCredit {\n        id amount created currency description failureCode hostedRegulatoryReceiptUrl livemode network status\n        financialAccount { id balance { cash { amount } } }\n        initiatingPaymentMethodDetails {\n          type balance issuingCard\n          billingDetails { name email address { city country line1 line2 postalCode state } }\n          financialAccount { id network }\n          usBankAccount { bankName last4 routingNumber }\n        }\n        linkedFlows { creditReversal issuingAuthorization issuingTransaction sourceFlow sourceFlowType sourceFlowDetails { __typename } }\n        reversalDetails { deadline restrictedReason }\n        transaction {\n          id amount status flow flowType balanceImpact { cash inboundPending outboundPending }\n          entries { nodes { type balanceImpact { cash } flowDetails { __typename ... on ReceivedCredit { id } } } }\n        }\n      }\n      userErrors { code message field }\n    }\n  }\n": types.RcCreateDocument,
    "query RcRead($id: ID!) { receivedCredit(id: $id) { id status } }": types.RcReadDocument,
    "query RcNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }": types.RcNodesDocument,
    "\n  query RcList($fa: ID!, $filter: ReceivedCreditFilter) {\n    financialAccount(id: $fa) { receivedCredits(first: 20, filter: $filter) { nodes { id status } } }\n  }\n": types.RcListDocument,
    "\n  subscription RcStream($after: ID) {\n    events(types: [TREASURY_RECEIVED_CREDIT_CREATED, TREASURY_RECEIVED_CREDIT_SUCCEEDED, TREASURY_RECEIVED_CREDIT_FAILED], after: $after) { id type objectId data }\n  }\n": types.RcStreamDocument,
    "\n  mutation RdCreate($input: CreateReceivedDebitInput!) {\n    createReceivedDebit(input: $input) {\n      receivedDebit {\n        id amount created currency description failureCode hostedRegulatoryReceiptUrl livemode network status\n        financialAccount { id balance { cash { amount } } }\n        initiatingPaymentMethodDetails {\n          type balance issuingCard\n          billingDetails { name email address { city country line1 line2 postalCode state } }\n          financialAccount { id network }\n          usBankAccount { bankName last4 routingNumber }\n        }\n        linkedFlows { inboundTransfer issuingAuthorization issuingTransaction payout topup }\n        reversalDetails { deadline restrictedReason }\n        transaction {\n          id amount status flow flowType balanceImpact { cash inboundPending outboundPending }\n          flowDetails { __typename ... on ReceivedDebit { id } }\n          entries { nodes { type balanceImpact { cash } flowDetails { __typename ... on ReceivedDebit { id } } } }\n        }\n      }\n      userErrors { code message field }\n    }\n  }\n": types.RdCreateDocument,
    "query RdRead($id: ID!) { receivedDebit(id: $id) { id status reversalDetails { deadline restrictedReason } } }": types.RdReadDocument,
    "query RdNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }": types.RdNodesDocument,
    "\n  query RdList($fa: ID!, $filter: ReceivedDebitFilter) {\n    financialAccount(id: $fa) { receivedDebits(first: 20, filter: $filter) { nodes { id status } } }\n  }\n": types.RdListDocument,
    "\n  subscription RdStream($after: ID) {\n    events(types: [TREASURY_RECEIVED_DEBIT_CREATED], after: $after) { id type objectId data }\n  }\n": types.RdStreamDocument,
    "\n  subscription RdBalance($fa: ID!) {\n    financialAccountBalanceUpdated(financialAccount: $fa) { financialAccount { id balance { cash { amount } } } transaction { id flow } }\n  }\n": types.RdBalanceDocument,
    "\n  mutation RedisCreateAccount($name: String!) {\n    createConnectedAccount(input: { displayName: $name, capabilities: [{ name: TREASURY, status: ACTIVE }] }) {\n      connectedAccount { id }\n      userErrors { code message }\n    }\n  }\n": types.RedisCreateAccountDocument,
    "\n  subscription RedisEvents($after: ID) {\n    events(after: $after) { id type objectId }\n  }\n": types.RedisEventsDocument,
    "query ScopeNode($id: ID!) { node(id: $id) { __typename id } }": types.ScopeNodeDocument,
    "query ScopeNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }": types.ScopeNodesDocument,
    "\n  query ScopeNodeAndNodes($id: ID!, $ids: [ID!]!) {\n    node(id: $id) { __typename id }\n    nodes(ids: $ids) { __typename id }\n    again: node(id: $id) { __typename id }\n  }\n": types.ScopeNodeAndNodesDocument,
    "\n  query ScopeRootFields($account: ID!, $fa: ID!, $trxn: ID!, $entry: ID!) {\n    connectedAccount(id: $account) { id }\n    financialAccount(id: $fa) { id }\n    transaction(id: $trxn) { id }\n    transactionEntry(id: $entry) { id }\n  }\n": types.ScopeRootFieldsDocument,
    "\n  query ScopeLists {\n    platform { id financialAccounts(first: 100) { nodes { id } } }\n    connectedAccounts(first: 100) { nodes { id financialAccounts(first: 100) { nodes { id } } } }\n    financialAccounts(first: 100) { nodes { id connectedAccount { id } } }\n  }\n": types.ScopeListsDocument,
    "\n  query ScopeForeignFilters($fa: ID!, $flow: ID!, $trxn: ID!) {\n    financialAccount(id: $fa) {\n      id\n      transactions(first: 100, filter: { flow: $flow }) { nodes { id } pageInfo { hasNextPage hasPreviousPage } }\n      transactionEntries(first: 100, filter: { transaction: $trxn }) { nodes { id } pageInfo { hasNextPage hasPreviousPage } }\n    }\n  }\n": types.ScopeForeignFiltersDocument,
    "\n  query ScopeProbe($id: ID!) {\n    node(id: $id) { __typename id }\n    nodes(ids: [$id]) { __typename id }\n    connectedAccount(id: $id) { id displayName }\n    financialAccount(id: $id) { id balance { cash { currency amount } } }\n    transaction(id: $id) { id amount }\n    transactionEntry(id: $id) { id }\n  }\n": types.ScopeProbeDocument,
    "\n  query ScopeRelations($fa: ID!, $trxn: ID!, $entry: ID!) {\n    financialAccount(id: $fa) {\n      connectedAccount { id financialAccounts(first: 100) { nodes { id } } }\n      transactions(first: 100) { nodes { id financialAccount { id } entries(first: 100) { nodes { id } } } }\n      transactionEntries(first: 100) { nodes { id transaction { id } financialAccount { id } } }\n    }\n    transaction(id: $trxn) { financialAccount { id } entries(first: 100) { nodes { id transaction { id } } } }\n    transactionEntry(id: $entry) { transaction { id } financialAccount { id } }\n  }\n": types.ScopeRelationsDocument,
    "\n  query ScopeAba($fa: ID!) {\n    financialAccount(id: $fa) { financialAddresses { aba { accountNumber accountNumberLast4 routingNumber } } }\n  }\n": types.ScopeAbaDocument,
    "\n  subscription SlowClientsEvents {\n    events { id type }\n  }\n": types.SlowClientsEventsDocument,
    "\n  query SlowClientsTypename {\n    __typename\n  }\n": types.SlowClientsTypenameDocument,
    "\n  mutation SlowClientsCreateConnectedAccount($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) {\n      connectedAccount { id }\n      userErrors { code message }\n    }\n  }\n": types.SlowClientsCreateConnectedAccountDocument,
    "\n  subscription SseEvents($types: [EventType!], $after: ID) {\n    events(types: $types, after: $after) { id type objectId }\n  }\n": types.SseEventsDocument,
    "\n  subscription SseEventTypesOnly {\n    events { type }\n  }\n": types.SseEventTypesOnlyDocument,
    "\n  subscription SseFinancialAccountCreated {\n    financialAccountCreated { id }\n  }\n": types.SseFinancialAccountCreatedDocument,
    "\n  mutation SseCreateConnectedAccount($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) {\n      connectedAccount { id }\n      userErrors { code message }\n    }\n  }\n": types.SseCreateConnectedAccountDocument,
    "\n  mutation SseCreateFinancialAccount($input: CreateFinancialAccountInput!) {\n    createFinancialAccount(input: $input) {\n      financialAccount { id }\n      userErrors { code message }\n    }\n  }\n": types.SseCreateFinancialAccountDocument,
    "\n  subscription StartTestEvents {\n    events {\n      id\n      type\n    }\n  }\n": types.StartTestEventsDocument,
    "\n  fragment LiveFinancialAccountState on FinancialAccount {\n    id\n    status\n    nickname\n    metadata\n    supportedCurrencies\n    statusDetails { reasons }\n    connectedAccount { id }\n    activeFeatures\n    pendingFeatures\n    restrictedFeatures\n    features { feature requested status statusDetails { code resolution restriction } }\n    financialAddresses { type aba { accountNumber accountNumberLast4 routingNumber } }\n    platformRestrictions { inboundFlows outboundFlows }\n  }\n": types.LiveFinancialAccountStateFragmentDoc,
    "\n  subscription LiveEvents($types: [EventType!], $after: ID) {\n    events(types: $types, after: $after) {\n      id\n      type\n      objectId\n      livemode\n      created\n      data\n      connectedAccount { id }\n      financialAccount { id status }\n    }\n  }\n": types.LiveEventsDocument,
    "\n  subscription LiveFinancialAccountCreated($financialAccount: ID) {\n    financialAccountCreated(financialAccount: $financialAccount) { ...LiveFinancialAccountState }\n  }\n": types.LiveFinancialAccountCreatedDocument,
    "\n  subscription LiveFinancialAccountClosed($financialAccount: ID) {\n    financialAccountClosed(financialAccount: $financialAccount) { ...LiveFinancialAccountState }\n  }\n": types.LiveFinancialAccountClosedDocument,
    "\n  subscription LiveFinancialAccountFeaturesStatusUpdated($financialAccount: ID) {\n    financialAccountFeaturesStatusUpdated(financialAccount: $financialAccount) { ...LiveFinancialAccountState }\n  }\n": types.LiveFinancialAccountFeaturesStatusUpdatedDocument,
    "\n  mutation LiveCreateConnectedAccount($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) {\n      connectedAccount { id }\n      userErrors { code field message }\n    }\n  }\n": types.LiveCreateConnectedAccountDocument,
    "\n  mutation LiveCreateFinancialAccount($input: CreateFinancialAccountInput!) {\n    createFinancialAccount(input: $input) {\n      financialAccount { ...LiveFinancialAccountState }\n      userErrors { code field message }\n    }\n  }\n": types.LiveCreateFinancialAccountDocument,
    "\n  mutation LiveUpdateFinancialAccount($input: UpdateFinancialAccountInput!) {\n    updateFinancialAccount(input: $input) {\n      financialAccount { ...LiveFinancialAccountState }\n      userErrors { code field message }\n    }\n  }\n": types.LiveUpdateFinancialAccountDocument,
    "\n  mutation LiveCloseFinancialAccount($input: CloseFinancialAccountInput!) {\n    closeFinancialAccount(input: $input) {\n      financialAccount { ...LiveFinancialAccountState }\n      userErrors { code field message }\n    }\n  }\n": types.LiveCloseFinancialAccountDocument,
    "\n  mutation LiveCreateAccountSession($account: ID!) {\n    createAccountSession(input: { account: $account }) {\n      accountSession { clientSecret expiresAt account { id } }\n      userErrors { code field message }\n    }\n  }\n": types.LiveCreateAccountSessionDocument,
    "\n  subscription TransportEvents {\n    events { id type }\n  }\n": types.TransportEventsDocument,
    "\n  query TransportTypename {\n    __typename\n  }\n": types.TransportTypenameDocument,
    "\n  mutation TransportCreateConnectedAccount($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) {\n      connectedAccount { id }\n      userErrors { code message }\n    }\n  }\n": types.TransportCreateConnectedAccountDocument,
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
export function graphql(source: "\n  query AuthWhoAmI {\n    platform { id displayName }\n    connectedAccounts(first: 100) { nodes { id livemode } }\n  }\n"): (typeof documents)["\n  query AuthWhoAmI {\n    platform { id displayName }\n    connectedAccounts(first: 100) { nodes { id livemode } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthCreateSession($account: ID!) {\n    createAccountSession(input: { account: $account }) {\n      accountSession { id clientSecret expiresAt livemode account { id } }\n      userErrors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation AuthCreateSession($account: ID!) {\n    createAccountSession(input: { account: $account }) {\n      accountSession { id clientSecret expiresAt livemode account { id } }\n      userErrors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthLiveObjects($account: ID!, $fa: ID!) {\n    connectedAccount(id: $account) { id }\n    financialAccount(id: $fa) { id }\n    node(id: $account) { id }\n    nodes(ids: [$account, $fa]) { id }\n    connectedAccounts(first: 100) { nodes { id } }\n    financialAccounts(first: 100) { nodes { id livemode } }\n  }\n"): (typeof documents)["\n  query AuthLiveObjects($account: ID!, $fa: ID!) {\n    connectedAccount(id: $account) { id }\n    financialAccount(id: $fa) { id }\n    node(id: $account) { id }\n    nodes(ids: [$account, $fa]) { id }\n    connectedAccounts(first: 100) { nodes { id } }\n    financialAccounts(first: 100) { nodes { id livemode } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuthAccountById($id: ID!) { connectedAccount(id: $id) { id } }"): (typeof documents)["query AuthAccountById($id: ID!) { connectedAccount(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BadInputCreateConnectedAccount($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) { connectedAccount { id displayName email metadata } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation BadInputCreateConnectedAccount($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) { connectedAccount { id displayName email metadata } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BadInputUpdateConnectedAccount($input: UpdateConnectedAccountInput!) {\n    updateConnectedAccount(input: $input) { connectedAccount { id } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation BadInputUpdateConnectedAccount($input: UpdateConnectedAccountInput!) {\n    updateConnectedAccount(input: $input) { connectedAccount { id } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BadInputCreateFinancialAccount($input: CreateFinancialAccountInput!) {\n    createFinancialAccount(input: $input) { financialAccount { id nickname } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation BadInputCreateFinancialAccount($input: CreateFinancialAccountInput!) {\n    createFinancialAccount(input: $input) { financialAccount { id nickname } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BadInputUpdateFinancialAccount($input: UpdateFinancialAccountInput!) {\n    updateFinancialAccount(input: $input) { financialAccount { id } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation BadInputUpdateFinancialAccount($input: UpdateFinancialAccountInput!) {\n    updateFinancialAccount(input: $input) { financialAccount { id } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BadInputConnectedAccount($id: ID!) { connectedAccount(id: $id) { id } }\n"): (typeof documents)["\n  query BadInputConnectedAccount($id: ID!) { connectedAccount(id: $id) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BadInputEntries($fa: ID!, $filter: TransactionEntryFilter, $after: String) {\n    financialAccount(id: $fa) { transactionEntries(first: 2, filter: $filter, after: $after) { nodes { id } pageInfo { endCursor } } }\n  }\n"): (typeof documents)["\n  query BadInputEntries($fa: ID!, $filter: TransactionEntryFilter, $after: String) {\n    financialAccount(id: $fa) { transactionEntries(first: 2, filter: $filter, after: $after) { nodes { id } pageInfo { endCursor } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BadInputEvents($filter: EventFilter) { events(first: 2, filter: $filter) { nodes { id } } }\n"): (typeof documents)["\n  query BadInputEvents($filter: EventFilter) { events(first: 2, filter: $filter) { nodes { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription BadInputEventsLive($after: ID) { events(after: $after) { id } }\n"): (typeof documents)["\n  subscription BadInputEventsLive($after: ID) { events(after: $after) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription BalanceUpdated($fa: ID!) {\n    financialAccountBalanceUpdated(financialAccount: $fa) {\n      financialAccount { id }\n      transaction { id flow flowType status }\n      balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } }\n    }\n  }\n"): (typeof documents)["\n  subscription BalanceUpdated($fa: ID!) {\n    financialAccountBalanceUpdated(financialAccount: $fa) {\n      financialAccount { id }\n      transaction { id flow flowType status }\n      balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcctCreate($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) {\n      connectedAccount {\n        id\n        displayName\n        email\n        country\n        metadata\n        livemode\n        created\n        capabilities { name requested status }\n      }\n      userErrors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation AcctCreate($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) {\n      connectedAccount {\n        id\n        displayName\n        email\n        country\n        metadata\n        livemode\n        created\n        capabilities { name requested status }\n      }\n      userErrors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcctUpdate($input: UpdateConnectedAccountInput!) {\n    updateConnectedAccount(input: $input) {\n      connectedAccount {\n        id\n        displayName\n        email\n        country\n        metadata\n        capabilities { name requested status }\n      }\n      userErrors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation AcctUpdate($input: UpdateConnectedAccountInput!) {\n    updateConnectedAccount(input: $input) {\n      connectedAccount {\n        id\n        displayName\n        email\n        country\n        metadata\n        capabilities { name requested status }\n      }\n      userErrors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AcctRead($id: ID!) {\n    connectedAccount(id: $id) { id displayName email country metadata capabilities { name requested status } }\n  }\n"): (typeof documents)["\n  query AcctRead($id: ID!) {\n    connectedAccount(id: $id) { id displayName email country metadata capabilities { name requested status } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcctCreateLiteral {\n    createConnectedAccount(input: { displayName: \"Literal Co\", metadata: { tier: \"gold\", region: \"eu\" } }) {\n      connectedAccount { id displayName metadata }\n      userErrors { code field }\n    }\n  }\n"): (typeof documents)["\n  mutation AcctCreateLiteral {\n    createConnectedAccount(input: { displayName: \"Literal Co\", metadata: { tier: \"gold\", region: \"eu\" } }) {\n      connectedAccount { id displayName metadata }\n      userErrors { code field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CredrevFields on CreditReversal {\n    id amount created currency hostedRegulatoryReceiptUrl livemode metadata network status\n    financialAccount { id }\n    receivedCredit { id linkedFlows { creditReversal creditReversalDetails { id } } reversalDetails { deadline restrictedReason } }\n    statusTransitions { postedAt }\n    transaction {\n      id amount status flow flowType statusTransitions { postedAt }\n      balanceImpact { cash inboundPending outboundPending }\n      entries(first: 10) { nodes { type flowType balanceImpact { cash inboundPending outboundPending } flowDetails { __typename } } }\n      flowDetails { __typename ... on CreditReversal { id status } }\n    }\n  }\n"): (typeof documents)["\n  fragment CredrevFields on CreditReversal {\n    id amount created currency hostedRegulatoryReceiptUrl livemode metadata network status\n    financialAccount { id }\n    receivedCredit { id linkedFlows { creditReversal creditReversalDetails { id } } reversalDetails { deadline restrictedReason } }\n    statusTransitions { postedAt }\n    transaction {\n      id amount status flow flowType statusTransitions { postedAt }\n      balanceImpact { cash inboundPending outboundPending }\n      entries(first: 10) { nodes { type flowType balanceImpact { cash inboundPending outboundPending } flowDetails { __typename } } }\n      flowDetails { __typename ... on CreditReversal { id status } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CredrevCreate($input: CreateCreditReversalInput!) {\n    createCreditReversal(input: $input) { creditReversal { ...CredrevFields } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation CredrevCreate($input: CreateCreditReversalInput!) {\n    createCreditReversal(input: $input) { creditReversal { ...CredrevFields } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CredrevRead($id: ID!) { creditReversal(id: $id) { ...CredrevFields } }"): (typeof documents)["query CredrevRead($id: ID!) { creditReversal(id: $id) { ...CredrevFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CredrevNode($id: ID!) { node(id: $id) { __typename id ... on CreditReversal { status } } }"): (typeof documents)["query CredrevNode($id: ID!) { node(id: $id) { __typename id ... on CreditReversal { status } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CredrevCredit($id: ID!) {\n    receivedCredit(id: $id) { id network linkedFlows { creditReversal sourceFlowType } reversalDetails { deadline restrictedReason } }\n  }\n"): (typeof documents)["\n  query CredrevCredit($id: ID!) {\n    receivedCredit(id: $id) { id network linkedFlows { creditReversal sourceFlowType } reversalDetails { deadline restrictedReason } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CredrevList($fa: ID!, $filter: CreditReversalFilter) {\n    financialAccount(id: $fa) { creditReversals(first: 20, filter: $filter) { nodes { id status receivedCredit { id } } } }\n  }\n"): (typeof documents)["\n  query CredrevList($fa: ID!, $filter: CreditReversalFilter) {\n    financialAccount(id: $fa) { creditReversals(first: 20, filter: $filter) { nodes { id status receivedCredit { id } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CredrevReceived($fa: ID!) { financialAccount(id: $fa) { receivedCredits(first: 5) { nodes { id } } } }\n"): (typeof documents)["\n  query CredrevReceived($fa: ID!) { financialAccount(id: $fa) { receivedCredits(first: 5) { nodes { id } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CredrevBalance($id: ID!) {\n    financialAccount(id: $id) { balance { cash { amount } inboundPending { amount } outboundPending { amount } } }\n  }\n"): (typeof documents)["\n  query CredrevBalance($id: ID!) {\n    financialAccount(id: $id) { balance { cash { amount } inboundPending { amount } outboundPending { amount } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CredrevEvents($types: [EventType!]) { events(first: 50, filter: { types: $types }) { nodes { id type objectId data } } }\n"): (typeof documents)["\n  query CredrevEvents($types: [EventType!]) { events(first: 50, filter: { types: $types }) { nodes { id type objectId data } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CredrevBalanceUpdated($fa: ID!) {\n    financialAccountBalanceUpdated(financialAccount: $fa) {\n      transaction { id flowType }\n      balance { cash { amount } outboundPending { amount } }\n    }\n  }\n"): (typeof documents)["\n  subscription CredrevBalanceUpdated($fa: ID!) {\n    financialAccountBalanceUpdated(financialAccount: $fa) {\n      transaction { id flowType }\n      balance { cash { amount } outboundPending { amount } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CredrevStream($after: ID) {\n    events(types: [TREASURY_CREDIT_REVERSAL_CREATED, TREASURY_CREDIT_REVERSAL_POSTED], after: $after) { id type objectId data }\n  }\n"): (typeof documents)["\n  subscription CredrevStream($after: ID) {\n    events(types: [TREASURY_CREDIT_REVERSAL_CREATED, TREASURY_CREDIT_REVERSAL_POSTED], after: $after) { id type objectId data }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DrCreate($input: CreateDebitReversalInput!) {\n    createDebitReversal(input: $input) {\n      debitReversal {\n        id amount created currency hostedRegulatoryReceiptUrl livemode metadata network status\n        financialAccount { id balance { cash { amount } } }\n        linkedFlows { issuingDispute }\n        statusTransitions { completedAt }\n        receivedDebit { id linkedFlows { debitReversal { id } } reversalDetails { restrictedReason } }\n        transaction { id }\n      }\n      userErrors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation DrCreate($input: CreateDebitReversalInput!) {\n    createDebitReversal(input: $input) {\n      debitReversal {\n        id amount created currency hostedRegulatoryReceiptUrl livemode metadata network status\n        financialAccount { id balance { cash { amount } } }\n        linkedFlows { issuingDispute }\n        statusTransitions { completedAt }\n        receivedDebit { id linkedFlows { debitReversal { id } } reversalDetails { restrictedReason } }\n        transaction { id }\n      }\n      userErrors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DrRead($id: ID!) {\n    debitReversal(id: $id) {\n      id status statusTransitions { completedAt }\n      financialAccount { balance { cash { amount } } }\n      transaction {\n        id amount status flow flowType balanceImpact { cash inboundPending outboundPending }\n        flowDetails { __typename ... on DebitReversal { id } }\n        entries { nodes { type balanceImpact { cash } flowDetails { __typename ... on DebitReversal { id status } } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DrRead($id: ID!) {\n    debitReversal(id: $id) {\n      id status statusTransitions { completedAt }\n      financialAccount { balance { cash { amount } } }\n      transaction {\n        id amount status flow flowType balanceImpact { cash inboundPending outboundPending }\n        flowDetails { __typename ... on DebitReversal { id } }\n        entries { nodes { type balanceImpact { cash } flowDetails { __typename ... on DebitReversal { id status } } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DrNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"): (typeof documents)["query DrNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DrList($fa: ID!, $filter: DebitReversalFilter) {\n    financialAccount(id: $fa) { debitReversals(first: 20, filter: $filter) { nodes { id status } } }\n  }\n"): (typeof documents)["\n  query DrList($fa: ID!, $filter: DebitReversalFilter) {\n    financialAccount(id: $fa) { debitReversals(first: 20, filter: $filter) { nodes { id status } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DrStream($after: ID) {\n    events(types: [TREASURY_DEBIT_REVERSAL_CREATED, TREASURY_DEBIT_REVERSAL_COMPLETED], after: $after) { id type objectId data }\n  }\n"): (typeof documents)["\n  subscription DrStream($after: ID) {\n    events(types: [TREASURY_DEBIT_REVERSAL_CREATED, TREASURY_DEBIT_REVERSAL_COMPLETED], after: $after) { id type objectId data }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EvtCreateAccount($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) { connectedAccount { id email } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation EvtCreateAccount($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) { connectedAccount { id email } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EvtUpdateAccount($input: UpdateConnectedAccountInput!) {\n    updateConnectedAccount(input: $input) { connectedAccount { id email displayName } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation EvtUpdateAccount($input: UpdateConnectedAccountInput!) {\n    updateConnectedAccount(input: $input) { connectedAccount { id email displayName } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EvtCreateSession($account: ID!) {\n    createAccountSession(input: { account: $account }) { accountSession { clientSecret } userErrors { code message } }\n  }\n"): (typeof documents)["\n  mutation EvtCreateSession($account: ID!) {\n    createAccountSession(input: { account: $account }) { accountSession { clientSecret } userErrors { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EvtCreateFinancialAccount($input: CreateFinancialAccountInput!) {\n    createFinancialAccount(input: $input) { financialAccount { id nickname } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation EvtCreateFinancialAccount($input: CreateFinancialAccountInput!) {\n    createFinancialAccount(input: $input) { financialAccount { id nickname } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EvtUpdateFinancialAccount($input: UpdateFinancialAccountInput!) {\n    updateFinancialAccount(input: $input) { financialAccount { id nickname } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation EvtUpdateFinancialAccount($input: UpdateFinancialAccountInput!) {\n    updateFinancialAccount(input: $input) { financialAccount { id nickname } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EvtCloseFinancialAccount($id: ID!) {\n    closeFinancialAccount(input: { financialAccount: $id }) { financialAccount { id status } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation EvtCloseFinancialAccount($id: ID!) {\n    closeFinancialAccount(input: { financialAccount: $id }) { financialAccount { id status } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EvtFinancialAccount($id: ID!) {\n    financialAccount(id: $id) {\n      id\n      status\n      nickname\n      activeFeatures\n      features { feature status statusDetails { code } }\n      financialAddresses { aba { accountNumber accountNumberLast4 } }\n    }\n  }\n"): (typeof documents)["\n  query EvtFinancialAccount($id: ID!) {\n    financialAccount(id: $id) {\n      id\n      status\n      nickname\n      activeFeatures\n      features { feature status statusDetails { code } }\n      financialAddresses { aba { accountNumber accountNumberLast4 } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EvtEvents($filter: EventFilter, $first: Int, $after: String) {\n    events(filter: $filter, first: $first, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      nodes { id type created livemode objectId data connectedAccount { id } financialAccount { id } }\n    }\n  }\n"): (typeof documents)["\n  query EvtEvents($filter: EventFilter, $first: Int, $after: String) {\n    events(filter: $filter, first: $first, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      nodes { id type created livemode objectId data connectedAccount { id } financialAccount { id } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EvtEventById($id: ID!) {\n    event(id: $id) { id type objectId }\n    node(id: $id) { __typename id }\n  }\n"): (typeof documents)["\n  query EvtEventById($id: ID!) {\n    event(id: $id) { id type objectId }\n    node(id: $id) { __typename id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription EvtStream($types: [EventType!], $after: ID) {\n    events(types: $types, after: $after) { id type objectId data }\n  }\n"): (typeof documents)["\n  subscription EvtStream($types: [EventType!], $after: ID) {\n    events(types: $types, after: $after) { id type objectId data }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FeatFaFields on FinancialAccount {\n    id\n    status\n    statusDetails { reasons }\n    activeFeatures\n    pendingFeatures\n    restrictedFeatures\n    features { feature requested status statusDetails { code resolution restriction } }\n    financialAddresses { type supportedNetworks aba { accountHolderName accountNumber accountNumberLast4 bankName routingNumber } }\n    platformRestrictions { inboundFlows outboundFlows }\n  }\n"): (typeof documents)["\n  fragment FeatFaFields on FinancialAccount {\n    id\n    status\n    statusDetails { reasons }\n    activeFeatures\n    pendingFeatures\n    restrictedFeatures\n    features { feature requested status statusDetails { code resolution restriction } }\n    financialAddresses { type supportedNetworks aba { accountHolderName accountNumber accountNumberLast4 bankName routingNumber } }\n    platformRestrictions { inboundFlows outboundFlows }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FeatCreateAccount($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) { connectedAccount { id capabilities { name status } } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation FeatCreateAccount($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) { connectedAccount { id capabilities { name status } } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FeatUpdateAccount($input: UpdateConnectedAccountInput!) {\n    updateConnectedAccount(input: $input) { connectedAccount { id capabilities { name status } } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation FeatUpdateAccount($input: UpdateConnectedAccountInput!) {\n    updateConnectedAccount(input: $input) { connectedAccount { id capabilities { name status } } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FeatCreateSession($account: ID!) {\n    createAccountSession(input: { account: $account }) { accountSession { clientSecret } userErrors { code message } }\n  }\n"): (typeof documents)["\n  mutation FeatCreateSession($account: ID!) {\n    createAccountSession(input: { account: $account }) { accountSession { clientSecret } userErrors { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FeatCreateFinancialAccount($input: CreateFinancialAccountInput!) {\n    createFinancialAccount(input: $input) { financialAccount { ...FeatFaFields } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation FeatCreateFinancialAccount($input: CreateFinancialAccountInput!) {\n    createFinancialAccount(input: $input) { financialAccount { ...FeatFaFields } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FeatUpdateFinancialAccount($input: UpdateFinancialAccountInput!) {\n    updateFinancialAccount(input: $input) { financialAccount { ...FeatFaFields } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation FeatUpdateFinancialAccount($input: UpdateFinancialAccountInput!) {\n    updateFinancialAccount(input: $input) { financialAccount { ...FeatFaFields } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FeatCloseFinancialAccount($id: ID!) {\n    closeFinancialAccount(input: { financialAccount: $id }) { financialAccount { ...FeatFaFields } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation FeatCloseFinancialAccount($id: ID!) {\n    closeFinancialAccount(input: { financialAccount: $id }) { financialAccount { ...FeatFaFields } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeatFinancialAccount($id: ID!) { financialAccount(id: $id) { ...FeatFaFields } }\n"): (typeof documents)["\n  query FeatFinancialAccount($id: ID!) { financialAccount(id: $id) { ...FeatFaFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeatEvents($filter: EventFilter, $first: Int) {\n    events(filter: $filter, first: $first) { nodes { id type objectId created data } }\n  }\n"): (typeof documents)["\n  query FeatEvents($filter: EventFilter, $first: Int) {\n    events(filter: $filter, first: $first) { nodes { id type objectId created data } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FeatFeaturesUpdated($financialAccount: ID) {\n    financialAccountFeaturesStatusUpdated(financialAccount: $financialAccount) { ...FeatFaFields }\n  }\n"): (typeof documents)["\n  subscription FeatFeaturesUpdated($financialAccount: ID) {\n    financialAccountFeaturesStatusUpdated(financialAccount: $financialAccount) { ...FeatFaFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FeatEventStream($types: [EventType!], $after: ID) {\n    events(types: $types, after: $after) { id type objectId data }\n  }\n"): (typeof documents)["\n  subscription FeatEventStream($types: [EventType!], $after: ID) {\n    events(types: $types, after: $after) { id type objectId data }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FilterTransactions($id: ID!, $filter: TransactionFilter, $first: Int, $last: Int, $after: String, $before: String) {\n    financialAccount(id: $id) {\n      transactions(filter: $filter, first: $first, last: $last, after: $after, before: $before) {\n        edges { cursor node { id } }\n        nodes { id created status flow flowType statusTransitions { postedAt voidAt } financialAccount { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FilterTransactions($id: ID!, $filter: TransactionFilter, $first: Int, $last: Int, $after: String, $before: String) {\n    financialAccount(id: $id) {\n      transactions(filter: $filter, first: $first, last: $last, after: $after, before: $before) {\n        edges { cursor node { id } }\n        nodes { id created status flow flowType statusTransitions { postedAt voidAt } financialAccount { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FilterEntries($id: ID!, $filter: TransactionEntryFilter, $first: Int, $last: Int, $after: String, $before: String) {\n    financialAccount(id: $id) {\n      transactionEntries(filter: $filter, first: $first, last: $last, after: $after, before: $before) {\n        edges { cursor node { id } }\n        nodes { id created effectiveAt transaction { id } financialAccount { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FilterEntries($id: ID!, $filter: TransactionEntryFilter, $first: Int, $last: Int, $after: String, $before: String) {\n    financialAccount(id: $id) {\n      transactionEntries(filter: $filter, first: $first, last: $last, after: $after, before: $before) {\n        edges { cursor node { id } }\n        nodes { id created effectiveAt transaction { id } financialAccount { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FilterTransactionEntries($id: ID!, $filter: TransactionEntryFilter) {\n    transaction(id: $id) {\n      entries(filter: $filter, first: 100) {\n        nodes { id created effectiveAt transaction { id } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FilterTransactionEntries($id: ID!, $filter: TransactionEntryFilter) {\n    transaction(id: $id) {\n      entries(filter: $filter, first: 100) {\n        nodes { id created effectiveAt transaction { id } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FilterFinancialAccounts($filter: FinancialAccountFilter, $first: Int, $last: Int, $after: String, $before: String) {\n    financialAccounts(filter: $filter, first: $first, last: $last, after: $after, before: $before) {\n      edges { cursor node { id } }\n      nodes { id created status }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"): (typeof documents)["\n  query FilterFinancialAccounts($filter: FinancialAccountFilter, $first: Int, $last: Int, $after: String, $before: String) {\n    financialAccounts(filter: $filter, first: $first, last: $last, after: $after, before: $before) {\n      edges { cursor node { id } }\n      nodes { id created status }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FilterAccountFinancialAccounts($id: ID!, $filter: FinancialAccountFilter, $first: Int, $after: String) {\n    connectedAccount(id: $id) {\n      financialAccounts(filter: $filter, first: $first, after: $after) {\n        edges { cursor node { id } }\n        nodes { id created status connectedAccount { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FilterAccountFinancialAccounts($id: ID!, $filter: FinancialAccountFilter, $first: Int, $after: String) {\n    connectedAccount(id: $id) {\n      financialAccounts(filter: $filter, first: $first, after: $after) {\n        edges { cursor node { id } }\n        nodes { id created status connectedAccount { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FilterPlatformFinancialAccounts($filter: FinancialAccountFilter) {\n    platform {\n      financialAccounts(filter: $filter, first: 100) {\n        nodes { id created status }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FilterPlatformFinancialAccounts($filter: FinancialAccountFilter) {\n    platform {\n      financialAccounts(filter: $filter, first: 100) {\n        nodes { id created status }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountSnapshot($id: ID!) {\n    financialAccount(id: $id) {\n      id\n      activeFeatures\n      features { feature status }\n      financialAddresses { type }\n      balance { cash { currency amount } }\n    }\n  }\n"): (typeof documents)["\n  query AccountSnapshot($id: ID!) {\n    financialAccount(id: $id) {\n      id\n      activeFeatures\n      features { feature status }\n      financialAddresses { type }\n      balance { cash { currency amount } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FaClosedInList($account: ID!) {\n    connectedAccount(id: $account) {\n      financialAccounts(first: 20, filter: { status: CLOSED }) { nodes { id statusDetails { reasons } } }\n    }\n  }\n"): (typeof documents)["\n  query FaClosedInList($account: ID!) {\n    connectedAccount(id: $account) {\n      financialAccounts(first: 20, filter: { status: CLOSED }) { nodes { id statusDetails { reasons } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FaFields on FinancialAccount {\n    id\n    status\n    statusDetails { reasons }\n    nickname\n    metadata\n    supportedCurrencies\n    country\n    livemode\n    created\n    connectedAccount { id }\n    activeFeatures\n    pendingFeatures\n    restrictedFeatures\n    features { feature requested status statusDetails { code resolution restriction } }\n    platformRestrictions { inboundFlows outboundFlows }\n    financialAddresses { type supportedNetworks aba { accountNumber accountNumberLast4 routingNumber bankName accountHolderName } }\n    balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } }\n  }\n"): (typeof documents)["\n  fragment FaFields on FinancialAccount {\n    id\n    status\n    statusDetails { reasons }\n    nickname\n    metadata\n    supportedCurrencies\n    country\n    livemode\n    created\n    connectedAccount { id }\n    activeFeatures\n    pendingFeatures\n    restrictedFeatures\n    features { feature requested status statusDetails { code resolution restriction } }\n    platformRestrictions { inboundFlows outboundFlows }\n    financialAddresses { type supportedNetworks aba { accountNumber accountNumberLast4 routingNumber bankName accountHolderName } }\n    balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FaCreate($input: CreateFinancialAccountInput!) {\n    createFinancialAccount(input: $input) {\n      financialAccount { ...FaFields }\n      userErrors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation FaCreate($input: CreateFinancialAccountInput!) {\n    createFinancialAccount(input: $input) {\n      financialAccount { ...FaFields }\n      userErrors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FaUpdate($input: UpdateFinancialAccountInput!) {\n    updateFinancialAccount(input: $input) {\n      financialAccount { ...FaFields }\n      userErrors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation FaUpdate($input: UpdateFinancialAccountInput!) {\n    updateFinancialAccount(input: $input) {\n      financialAccount { ...FaFields }\n      userErrors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FaClose($id: ID!) {\n    closeFinancialAccount(input: { financialAccount: $id }) {\n      financialAccount { ...FaFields }\n      userErrors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation FaClose($id: ID!) {\n    closeFinancialAccount(input: { financialAccount: $id }) {\n      financialAccount { ...FaFields }\n      userErrors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FaRead($id: ID!) {\n    financialAccount(id: $id) {\n      ...FaFields\n      transactions(first: 100) { nodes { id amount status } }\n    }\n  }\n"): (typeof documents)["\n  query FaRead($id: ID!) {\n    financialAccount(id: $id) {\n      ...FaFields\n      transactions(first: 100) { nodes { id amount status } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FaUpdateOwner($account: ID!, $status: CapabilityStatus!) {\n    updateConnectedAccount(input: { account: $account, capabilities: [{ name: TREASURY, status: $status }] }) { userErrors { code } }\n  }\n"): (typeof documents)["\n  mutation FaUpdateOwner($account: ID!, $status: CapabilityStatus!) {\n    updateConnectedAccount(input: { account: $account, capabilities: [{ name: TREASURY, status: $status }] }) { userErrors { code } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FaCreateOwner($key: String!) {\n    createConnectedAccount(input: { idempotencyKey: $key, capabilities: [{ name: TREASURY, status: ACTIVE }] }) {\n      connectedAccount { id }\n      userErrors { code field }\n    }\n  }\n"): (typeof documents)["\n  mutation FaCreateOwner($key: String!) {\n    createConnectedAccount(input: { idempotencyKey: $key, capabilities: [{ name: TREASURY, status: ACTIVE }] }) {\n      connectedAccount { id }\n      userErrors { code field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FaReadTransaction($id: ID!) { transaction(id: $id) { id financialAccount { id status } } }"): (typeof documents)["query FaReadTransaction($id: ID!) { transaction(id: $id) { id financialAccount { id status } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IbtFields on InboundTransfer {\n    id amount cancelable created currency description livemode metadata statementDescriptor status hostedRegulatoryReceiptUrl\n    returned originPaymentMethod\n    failureDetails { code }\n    financialAccount { id }\n    linkedFlows { receivedDebit }\n    originPaymentMethodDetails {\n      type\n      billingDetails { name email address { city country line1 line2 postalCode state } }\n      usBankAccount { accountHolderType accountType bankName fingerprint last4 mandate network routingNumber }\n    }\n    statusTransitions { canceledAt failedAt succeededAt }\n    transaction {\n      id amount status flow flowType statusTransitions { postedAt voidAt }\n      balanceImpact { cash inboundPending outboundPending }\n      entries(first: 10) { nodes { type flowType balanceImpact { cash inboundPending outboundPending } } }\n      flowDetails { __typename ... on InboundTransfer { id status } }\n    }\n  }\n"): (typeof documents)["\n  fragment IbtFields on InboundTransfer {\n    id amount cancelable created currency description livemode metadata statementDescriptor status hostedRegulatoryReceiptUrl\n    returned originPaymentMethod\n    failureDetails { code }\n    financialAccount { id }\n    linkedFlows { receivedDebit }\n    originPaymentMethodDetails {\n      type\n      billingDetails { name email address { city country line1 line2 postalCode state } }\n      usBankAccount { accountHolderType accountType bankName fingerprint last4 mandate network routingNumber }\n    }\n    statusTransitions { canceledAt failedAt succeededAt }\n    transaction {\n      id amount status flow flowType statusTransitions { postedAt voidAt }\n      balanceImpact { cash inboundPending outboundPending }\n      entries(first: 10) { nodes { type flowType balanceImpact { cash inboundPending outboundPending } } }\n      flowDetails { __typename ... on InboundTransfer { id status } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IbtCreate($input: CreateInboundTransferInput!) {\n    createInboundTransfer(input: $input) { inboundTransfer { ...IbtFields } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation IbtCreate($input: CreateInboundTransferInput!) {\n    createInboundTransfer(input: $input) { inboundTransfer { ...IbtFields } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IbtCancel($input: CancelInboundTransferInput!) {\n    cancelInboundTransfer(input: $input) { inboundTransfer { ...IbtFields } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation IbtCancel($input: CancelInboundTransferInput!) {\n    cancelInboundTransfer(input: $input) { inboundTransfer { ...IbtFields } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IbtSucceed($input: SucceedInboundTransferInput!) {\n    succeedInboundTransfer(input: $input) { inboundTransfer { ...IbtFields } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation IbtSucceed($input: SucceedInboundTransferInput!) {\n    succeedInboundTransfer(input: $input) { inboundTransfer { ...IbtFields } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IbtFail($input: FailInboundTransferInput!) {\n    failInboundTransfer(input: $input) { inboundTransfer { ...IbtFields } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation IbtFail($input: FailInboundTransferInput!) {\n    failInboundTransfer(input: $input) { inboundTransfer { ...IbtFields } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IbtReturn($input: ReturnInboundTransferInput!) {\n    returnInboundTransfer(input: $input) { inboundTransfer { ...IbtFields } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation IbtReturn($input: ReturnInboundTransferInput!) {\n    returnInboundTransfer(input: $input) { inboundTransfer { ...IbtFields } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IbtClose($input: CloseFinancialAccountInput!) {\n    closeFinancialAccount(input: $input) { financialAccount { id status } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation IbtClose($input: CloseFinancialAccountInput!) {\n    closeFinancialAccount(input: $input) { financialAccount { id status } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IbtReceivedDebit($id: ID!) {\n    receivedDebit(id: $id) {\n      id amount currency status network failureCode description\n      financialAccount { id }\n      linkedFlows { inboundTransfer }\n      reversalDetails { restrictedReason }\n      initiatingPaymentMethodDetails { type billingDetails { name } usBankAccount { bankName last4 routingNumber } }\n      transaction {\n        id amount status flow flowType\n        balanceImpact { cash inboundPending outboundPending }\n        entries(first: 10) { nodes { type flowType balanceImpact { cash inboundPending outboundPending } } }\n        flowDetails { __typename ... on ReceivedDebit { id } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query IbtReceivedDebit($id: ID!) {\n    receivedDebit(id: $id) {\n      id amount currency status network failureCode description\n      financialAccount { id }\n      linkedFlows { inboundTransfer }\n      reversalDetails { restrictedReason }\n      initiatingPaymentMethodDetails { type billingDetails { name } usBankAccount { bankName last4 routingNumber } }\n      transaction {\n        id amount status flow flowType\n        balanceImpact { cash inboundPending outboundPending }\n        entries(first: 10) { nodes { type flowType balanceImpact { cash inboundPending outboundPending } } }\n        flowDetails { __typename ... on ReceivedDebit { id } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IbtBalance($id: ID!) {\n    financialAccount(id: $id) {\n      id\n      balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } }\n      transactions(first: 20) { nodes { id flow } }\n    }\n  }\n"): (typeof documents)["\n  query IbtBalance($id: ID!) {\n    financialAccount(id: $id) {\n      id\n      balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } }\n      transactions(first: 20) { nodes { id flow } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IbtRead($id: ID!) { inboundTransfer(id: $id) { ...IbtFields } }"): (typeof documents)["query IbtRead($id: ID!) { inboundTransfer(id: $id) { ...IbtFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IbtNode($id: ID!) { node(id: $id) { __typename id ... on InboundTransfer { status } } }"): (typeof documents)["query IbtNode($id: ID!) { node(id: $id) { __typename id ... on InboundTransfer { status } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IbtList($fa: ID!, $filter: InboundTransferFilter) {\n    financialAccount(id: $fa) { inboundTransfers(first: 20, filter: $filter) { nodes { id status } } }\n  }\n"): (typeof documents)["\n  query IbtList($fa: ID!, $filter: InboundTransferFilter) {\n    financialAccount(id: $fa) { inboundTransfers(first: 20, filter: $filter) { nodes { id status } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IbtEvents($types: [EventType!]) { events(first: 50, filter: { types: $types }) { nodes { id type objectId data } } }\n"): (typeof documents)["\n  query IbtEvents($types: [EventType!]) { events(first: 50, filter: { types: $types }) { nodes { id type objectId data } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription IbtLiveEvents($types: [EventType!], $after: ID) { events(types: $types, after: $after) { id type objectId } }\n"): (typeof documents)["\n  subscription IbtLiveEvents($types: [EventType!], $after: ID) { events(types: $types, after: $after) { id type objectId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription IbtBalanceUpdated($fa: ID!) {\n    financialAccountBalanceUpdated(financialAccount: $fa) {\n      transaction { flow flowType status }\n      balance { cash { amount } inboundPending { amount } outboundPending { amount } }\n    }\n  }\n"): (typeof documents)["\n  subscription IbtBalanceUpdated($fa: ID!) {\n    financialAccountBalanceUpdated(financialAccount: $fa) {\n      transaction { flow flowType status }\n      balance { cash { amount } inboundPending { amount } outboundPending { amount } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LedgerBalance($id: ID!) {\n    financialAccount(id: $id) { balance { cash { currency amount } inboundPending { amount } outboundPending { amount } } }\n  }\n"): (typeof documents)["\n  query LedgerBalance($id: ID!) {\n    financialAccount(id: $id) { balance { cash { currency amount } inboundPending { amount } outboundPending { amount } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConcurrentReceivedDebit($input: CreateReceivedDebitInput!) {\n    createReceivedDebit(input: $input) { receivedDebit { id status failureCode } userErrors { code message } }\n  }\n"): (typeof documents)["\n  mutation ConcurrentReceivedDebit($input: CreateReceivedDebitInput!) {\n    createReceivedDebit(input: $input) { receivedDebit { id status failureCode } userErrors { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConcurrentCreditReversal($input: CreateCreditReversalInput!) {\n    createCreditReversal(input: $input) { creditReversal { id } userErrors { code message } }\n  }\n"): (typeof documents)["\n  mutation ConcurrentCreditReversal($input: CreateCreditReversalInput!) {\n    createCreditReversal(input: $input) { creditReversal { id } userErrors { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConcurrentOutboundTransfer($input: CreateOutboundTransferInput!) {\n    createOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message } }\n  }\n"): (typeof documents)["\n  mutation ConcurrentOutboundTransfer($input: CreateOutboundTransferInput!) {\n    createOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConcurrentInboundTransfer($input: CreateInboundTransferInput!) {\n    createInboundTransfer(input: $input) { inboundTransfer { id status } userErrors { code message } }\n  }\n"): (typeof documents)["\n  mutation ConcurrentInboundTransfer($input: CreateInboundTransferInput!) {\n    createInboundTransfer(input: $input) { inboundTransfer { id status } userErrors { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConcurrentSucceedInbound($input: SucceedInboundTransferInput!) {\n    succeedInboundTransfer(input: $input) { inboundTransfer { id status } userErrors { code message } }\n  }\n"): (typeof documents)["\n  mutation ConcurrentSucceedInbound($input: SucceedInboundTransferInput!) {\n    succeedInboundTransfer(input: $input) { inboundTransfer { id status } userErrors { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConcurrentCancelInbound($input: CancelInboundTransferInput!) {\n    cancelInboundTransfer(input: $input) { inboundTransfer { id status } userErrors { code message } }\n  }\n"): (typeof documents)["\n  mutation ConcurrentCancelInbound($input: CancelInboundTransferInput!) {\n    cancelInboundTransfer(input: $input) { inboundTransfer { id status } userErrors { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConcurrentOutboundPayment($input: CreateOutboundPaymentInput!) {\n    createOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message } }\n  }\n"): (typeof documents)["\n  mutation ConcurrentOutboundPayment($input: CreateOutboundPaymentInput!) {\n    createOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LedgerPropertyBalances($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on FinancialAccount { id balance { cash { amount } inboundPending { amount } outboundPending { amount } } }\n    }\n  }\n"): (typeof documents)["\n  query LedgerPropertyBalances($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on FinancialAccount { id balance { cash { amount } inboundPending { amount } outboundPending { amount } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropertyReceivedCredit($input: CreateReceivedCreditInput!) {\n    createReceivedCredit(input: $input) { receivedCredit { id status } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation PropertyReceivedCredit($input: CreateReceivedCreditInput!) {\n    createReceivedCredit(input: $input) { receivedCredit { id status } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropertyOutboundTransfer($input: CreateOutboundTransferInput!) {\n    createOutboundTransfer(input: $input) { outboundTransfer { id status cancelable } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation PropertyOutboundTransfer($input: CreateOutboundTransferInput!) {\n    createOutboundTransfer(input: $input) { outboundTransfer { id status cancelable } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropertyCancelTransfer($input: CancelOutboundTransferInput!) {\n    cancelOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation PropertyCancelTransfer($input: CancelOutboundTransferInput!) {\n    cancelOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropertyPostTransfer($input: PostOutboundTransferInput!) {\n    postOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation PropertyPostTransfer($input: PostOutboundTransferInput!) {\n    postOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropertyFailTransfer($input: FailOutboundTransferInput!) {\n    failOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation PropertyFailTransfer($input: FailOutboundTransferInput!) {\n    failOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropertyReturnTransfer($input: ReturnOutboundTransferInput!) {\n    returnOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation PropertyReturnTransfer($input: ReturnOutboundTransferInput!) {\n    returnOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropertyUpdateTransfer($input: UpdateOutboundTransferInput!) {\n    updateOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation PropertyUpdateTransfer($input: UpdateOutboundTransferInput!) {\n    updateOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropertyReceivedDebit($input: CreateReceivedDebitInput!) {\n    createReceivedDebit(input: $input) { receivedDebit { id status failureCode } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation PropertyReceivedDebit($input: CreateReceivedDebitInput!) {\n    createReceivedDebit(input: $input) { receivedDebit { id status failureCode } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropertyDebitReversal($input: CreateDebitReversalInput!) {\n    createDebitReversal(input: $input) { debitReversal { id status } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation PropertyDebitReversal($input: CreateDebitReversalInput!) {\n    createDebitReversal(input: $input) { debitReversal { id status } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropertyInboundTransfer($input: CreateInboundTransferInput!) {\n    createInboundTransfer(input: $input) { inboundTransfer { id status } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation PropertyInboundTransfer($input: CreateInboundTransferInput!) {\n    createInboundTransfer(input: $input) { inboundTransfer { id status } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PropertyCancelInbound($input: CancelInboundTransferInput!) { cancelInboundTransfer(input: $input) { inboundTransfer { id status returned } userErrors { code message field } } }"): (typeof documents)["mutation PropertyCancelInbound($input: CancelInboundTransferInput!) { cancelInboundTransfer(input: $input) { inboundTransfer { id status returned } userErrors { code message field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PropertySucceedInbound($input: SucceedInboundTransferInput!) { succeedInboundTransfer(input: $input) { inboundTransfer { id status returned } userErrors { code message field } } }"): (typeof documents)["mutation PropertySucceedInbound($input: SucceedInboundTransferInput!) { succeedInboundTransfer(input: $input) { inboundTransfer { id status returned } userErrors { code message field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PropertyFailInbound($input: FailInboundTransferInput!) { failInboundTransfer(input: $input) { inboundTransfer { id status returned } userErrors { code message field } } }"): (typeof documents)["mutation PropertyFailInbound($input: FailInboundTransferInput!) { failInboundTransfer(input: $input) { inboundTransfer { id status returned } userErrors { code message field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PropertyReturnInbound($input: ReturnInboundTransferInput!) { returnInboundTransfer(input: $input) { inboundTransfer { id status returned } userErrors { code message field } } }"): (typeof documents)["mutation PropertyReturnInbound($input: ReturnInboundTransferInput!) { returnInboundTransfer(input: $input) { inboundTransfer { id status returned } userErrors { code message field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropertyOutboundPayment($input: CreateOutboundPaymentInput!) {\n    createOutboundPayment(input: $input) { outboundPayment { id status cancelable } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation PropertyOutboundPayment($input: CreateOutboundPaymentInput!) {\n    createOutboundPayment(input: $input) { outboundPayment { id status cancelable } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropertyCancelPayment($input: CancelOutboundPaymentInput!) {\n    cancelOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation PropertyCancelPayment($input: CancelOutboundPaymentInput!) {\n    cancelOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropertyPostPayment($input: PostOutboundPaymentInput!) {\n    postOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation PropertyPostPayment($input: PostOutboundPaymentInput!) {\n    postOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropertyFailPayment($input: FailOutboundPaymentInput!) {\n    failOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation PropertyFailPayment($input: FailOutboundPaymentInput!) {\n    failOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropertyReturnPayment($input: ReturnOutboundPaymentInput!) {\n    returnOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation PropertyReturnPayment($input: ReturnOutboundPaymentInput!) {\n    returnOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropertyUpdatePayment($input: UpdateOutboundPaymentInput!) {\n    updateOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation PropertyUpdatePayment($input: UpdateOutboundPaymentInput!) {\n    updateOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropertyCreditReversal($input: CreateCreditReversalInput!) {\n    createCreditReversal(input: $input) { creditReversal { id status amount } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation PropertyCreditReversal($input: CreateCreditReversalInput!) {\n    createCreditReversal(input: $input) { creditReversal { id status amount } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LimitsNested($a: Int, $f: Int, $t: Int, $e: Int) {\n    connectedAccounts(first: $a) {\n      nodes { financialAccounts(first: $f) { nodes { transactions(first: $t) { nodes { entries(first: $e) { nodes { id } } } } } } }\n    }\n  }\n"): (typeof documents)["\n  query LimitsNested($a: Int, $f: Int, $t: Int, $e: Int) {\n    connectedAccounts(first: $a) {\n      nodes { financialAccounts(first: $f) { nodes { transactions(first: $t) { nodes { entries(first: $e) { nodes { id } } } } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LimitsDefaulted($n: Int = 100) {\n    connectedAccounts(first: $n) {\n      nodes { financialAccounts(first: $n) { nodes { transactions(first: $n) { nodes { entries(first: $n) { nodes { id } } } } } } }\n    }\n  }\n"): (typeof documents)["\n  query LimitsDefaulted($n: Int = 100) {\n    connectedAccounts(first: $n) {\n      nodes { financialAccounts(first: $n) { nodes { transactions(first: $n) { nodes { entries(first: $n) { nodes { id } } } } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LimitsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on FinancialAccount { id transactions(first: 100) { nodes { id entries(first: 100) { nodes { id } } } } }\n    }\n  }\n"): (typeof documents)["\n  query LimitsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on FinancialAccount { id transactions(first: 100) { nodes { id entries(first: 100) { nodes { id } } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LimitsByIdsFlat($ids: [ID!]!) {\n    nodes(ids: $ids) { id }\n  }\n"): (typeof documents)["\n  query LimitsByIdsFlat($ids: [ID!]!) {\n    nodes(ids: $ids) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LimitsTransactions($id: ID!) {\n    node(id: $id) { ... on FinancialAccount { id transactions(first: 10) { nodes { id amount } } } }\n  }\n"): (typeof documents)["\n  query LimitsTransactions($id: ID!) {\n    node(id: $id) { ... on FinancialAccount { id transactions(first: 10) { nodes { id amount } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query LimitsPlatform { platform { id displayName } }\n  "): (typeof documents)["\n    query LimitsPlatform { platform { id displayName } }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation LimitsCreateAccount {\n          createConnectedAccount(input: { displayName: \"Priced\" }) { connectedAccount { id } userErrors { code } }\n        }\n      "): (typeof documents)["\n        mutation LimitsCreateAccount {\n          createConnectedAccount(input: { displayName: \"Priced\" }) { connectedAccount { id } userErrors { code } }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        subscription LimitsEvents { events { id type } }\n      "): (typeof documents)["\n        subscription LimitsEvents { events { id type } }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation LimitsCreateWatched {\n            createConnectedAccount(input: { displayName: \"Watched\" }) { connectedAccount { id } }\n          }\n        "): (typeof documents)["\n          mutation LimitsCreateWatched {\n            createConnectedAccount(input: { displayName: \"Watched\" }) { connectedAccount { id } }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FanoutWatch {\n    events(types: [TREASURY_FINANCIAL_ACCOUNT_UPDATED]) {\n      id\n      objectId\n      financialAccount { id nickname status balance { cash { currency amount } } }\n    }\n  }\n"): (typeof documents)["\n  subscription FanoutWatch {\n    events(types: [TREASURY_FINANCIAL_ACCOUNT_UPDATED]) {\n      id\n      objectId\n      financialAccount { id nickname status balance { cash { currency amount } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FanoutWatchNumbers {\n    events(types: [TREASURY_FINANCIAL_ACCOUNT_UPDATED]) {\n      id\n      objectId\n      financialAccount { id financialAddresses { aba { accountNumber accountNumberLast4 } } }\n    }\n  }\n"): (typeof documents)["\n  subscription FanoutWatchNumbers {\n    events(types: [TREASURY_FINANCIAL_ACCOUNT_UPDATED]) {\n      id\n      objectId\n      financialAccount { id financialAddresses { aba { accountNumber accountNumberLast4 } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FanoutWatchIds($after: ID) {\n    events(types: [TREASURY_FINANCIAL_ACCOUNT_UPDATED], after: $after) { id objectId }\n  }\n"): (typeof documents)["\n  subscription FanoutWatchIds($after: ID) {\n    events(types: [TREASURY_FINANCIAL_ACCOUNT_UPDATED], after: $after) { id objectId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FanoutWatchData {\n    events(types: [TREASURY_FINANCIAL_ACCOUNT_UPDATED]) { id data }\n  }\n"): (typeof documents)["\n  subscription FanoutWatchData {\n    events(types: [TREASURY_FINANCIAL_ACCOUNT_UPDATED]) { id data }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FanoutRename($input: UpdateFinancialAccountInput!) {\n    updateFinancialAccount(input: $input) { financialAccount { id nickname } userErrors { message } }\n  }\n"): (typeof documents)["\n  mutation FanoutRename($input: UpdateFinancialAccountInput!) {\n    updateFinancialAccount(input: $input) { financialAccount { id nickname } userErrors { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FanoutEventLog {\n    events(first: 100, filter: { types: [TREASURY_FINANCIAL_ACCOUNT_UPDATED] }) { nodes { id objectId } }\n  }\n"): (typeof documents)["\n  query FanoutEventLog {\n    events(first: 100, filter: { types: [TREASURY_FINANCIAL_ACCOUNT_UPDATED] }) { nodes { id objectId } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpsPlatform {\n    platform {\n      displayName\n    }\n  }\n"): (typeof documents)["\n  query OpsPlatform {\n    platform {\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpsEuroAccount {\n    createFinancialAccount(input: { supportedCurrencies: [\"eur\"] }) {\n      financialAccount {\n        id\n      }\n      userErrors {\n        code\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OpsEuroAccount {\n    createFinancialAccount(input: { supportedCurrencies: [\"eur\"] }) {\n      financialAccount {\n        id\n      }\n      userErrors {\n        code\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OpsEvents {\n    events {\n      id\n    }\n  }\n"): (typeof documents)["\n  subscription OpsEvents {\n    events {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ObpFields on OutboundPayment {\n    id amount cancelable created currency customer description destinationPaymentMethod expectedArrivalDate livemode metadata\n    statementDescriptor status hostedRegulatoryReceiptUrl\n    endUserDetails { present ipAddress }\n    destinationPaymentMethodDetails {\n      type\n      billingDetails { name email address { city country line1 line2 postalCode state } }\n      usBankAccount { accountHolderType accountType bankName fingerprint last4 network routingNumber }\n      financialAccount { id network }\n    }\n    financialAccount { id }\n    returnedDetails { code transaction { id amount status flow flowType entries { nodes { type balanceImpact { cash outboundPending } } } } }\n    statusTransitions { canceledAt failedAt postedAt returnedAt }\n    trackingDetails { type ach { traceId } usDomesticWire { chips imad omad } }\n    transaction {\n      id amount status flow flowType statusTransitions { postedAt voidAt }\n      balanceImpact { cash inboundPending outboundPending }\n      entries(first: 10) { nodes { type flowType balanceImpact { cash inboundPending outboundPending } } }\n      flowDetails { __typename ... on OutboundPayment { id status } }\n    }\n  }\n"): (typeof documents)["\n  fragment ObpFields on OutboundPayment {\n    id amount cancelable created currency customer description destinationPaymentMethod expectedArrivalDate livemode metadata\n    statementDescriptor status hostedRegulatoryReceiptUrl\n    endUserDetails { present ipAddress }\n    destinationPaymentMethodDetails {\n      type\n      billingDetails { name email address { city country line1 line2 postalCode state } }\n      usBankAccount { accountHolderType accountType bankName fingerprint last4 network routingNumber }\n      financialAccount { id network }\n    }\n    financialAccount { id }\n    returnedDetails { code transaction { id amount status flow flowType entries { nodes { type balanceImpact { cash outboundPending } } } } }\n    statusTransitions { canceledAt failedAt postedAt returnedAt }\n    trackingDetails { type ach { traceId } usDomesticWire { chips imad omad } }\n    transaction {\n      id amount status flow flowType statusTransitions { postedAt voidAt }\n      balanceImpact { cash inboundPending outboundPending }\n      entries(first: 10) { nodes { type flowType balanceImpact { cash inboundPending outboundPending } } }\n      flowDetails { __typename ... on OutboundPayment { id status } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ObpCreate($input: CreateOutboundPaymentInput!) {\n    createOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation ObpCreate($input: CreateOutboundPaymentInput!) {\n    createOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ObpCancel($input: CancelOutboundPaymentInput!) {\n    cancelOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation ObpCancel($input: CancelOutboundPaymentInput!) {\n    cancelOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ObpPost($input: PostOutboundPaymentInput!) {\n    postOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation ObpPost($input: PostOutboundPaymentInput!) {\n    postOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ObpFail($input: FailOutboundPaymentInput!) {\n    failOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation ObpFail($input: FailOutboundPaymentInput!) {\n    failOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ObpReturn($input: ReturnOutboundPaymentInput!) {\n    returnOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation ObpReturn($input: ReturnOutboundPaymentInput!) {\n    returnOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ObpUpdate($input: UpdateOutboundPaymentInput!) {\n    updateOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation ObpUpdate($input: UpdateOutboundPaymentInput!) {\n    updateOutboundPayment(input: $input) { outboundPayment { ...ObpFields } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ObpBalance($id: ID!) {\n    financialAccount(id: $id) { id balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } } }\n  }\n"): (typeof documents)["\n  query ObpBalance($id: ID!) {\n    financialAccount(id: $id) { id balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ObpRead($id: ID!) { outboundPayment(id: $id) { ...ObpFields } }"): (typeof documents)["query ObpRead($id: ID!) { outboundPayment(id: $id) { ...ObpFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ObpNode($id: ID!) { node(id: $id) { __typename id ... on OutboundPayment { status } } }"): (typeof documents)["query ObpNode($id: ID!) { node(id: $id) { __typename id ... on OutboundPayment { status } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ObpList($fa: ID!, $filter: OutboundPaymentFilter) {\n    financialAccount(id: $fa) { outboundPayments(first: 20, filter: $filter) { nodes { id status customer } } }\n  }\n"): (typeof documents)["\n  query ObpList($fa: ID!, $filter: OutboundPaymentFilter) {\n    financialAccount(id: $fa) { outboundPayments(first: 20, filter: $filter) { nodes { id status customer } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ObpReceived($fa: ID!) {\n    financialAccount(id: $fa) {\n      receivedCredits(first: 5, filter: { linkedFlows: { sourceFlowType: OUTBOUND_PAYMENT } }) {\n        nodes {\n          id amount network status\n          initiatingPaymentMethodDetails { type financialAccount { id network } }\n          linkedFlows { sourceFlow sourceFlowType sourceFlowDetails { __typename ... on OutboundPayment { id status } } }\n          transaction { status amount }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ObpReceived($fa: ID!) {\n    financialAccount(id: $fa) {\n      receivedCredits(first: 5, filter: { linkedFlows: { sourceFlowType: OUTBOUND_PAYMENT } }) {\n        nodes {\n          id amount network status\n          initiatingPaymentMethodDetails { type financialAccount { id network } }\n          linkedFlows { sourceFlow sourceFlowType sourceFlowDetails { __typename ... on OutboundPayment { id status } } }\n          transaction { status amount }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ObpEvents($types: [EventType!]) { events(first: 50, filter: { types: $types }) { nodes { id type objectId data } } }\n"): (typeof documents)["\n  query ObpEvents($types: [EventType!]) { events(first: 50, filter: { types: $types }) { nodes { id type objectId data } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ObpBalanceUpdated($fa: ID!) {\n    financialAccountBalanceUpdated(financialAccount: $fa) {\n      transaction { flow flowType status }\n      balance { cash { amount } outboundPending { amount } }\n    }\n  }\n"): (typeof documents)["\n  subscription ObpBalanceUpdated($fa: ID!) {\n    financialAccountBalanceUpdated(financialAccount: $fa) {\n      transaction { flow flowType status }\n      balance { cash { amount } outboundPending { amount } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ObpReplay($after: ID) { events(types: [TREASURY_OUTBOUND_PAYMENT_CREATED, TREASURY_OUTBOUND_PAYMENT_POSTED], after: $after) { id type } }\n"): (typeof documents)["\n  subscription ObpReplay($after: ID) { events(types: [TREASURY_OUTBOUND_PAYMENT_CREATED, TREASURY_OUTBOUND_PAYMENT_POSTED], after: $after) { id type } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ObtFields on OutboundTransfer {\n    id amount cancelable created currency description destinationPaymentMethod expectedArrivalDate livemode metadata\n    statementDescriptor status hostedRegulatoryReceiptUrl\n    destinationPaymentMethodDetails {\n      type\n      billingDetails { name email address { city country line1 line2 postalCode state } }\n      usBankAccount { accountHolderType accountType bankName fingerprint last4 network routingNumber }\n      financialAccount { id network }\n    }\n    financialAccount { id }\n    returnedDetails { code transaction { id amount status flow flowType entries { nodes { type balanceImpact { cash outboundPending } } } } }\n    statusTransitions { canceledAt failedAt postedAt returnedAt }\n    trackingDetails { type ach { traceId } usDomesticWire { chips imad omad } }\n    transaction {\n      id amount status flow flowType statusTransitions { postedAt voidAt }\n      balanceImpact { cash inboundPending outboundPending }\n      entries(first: 10) { nodes { type flowType balanceImpact { cash inboundPending outboundPending } } }\n      flowDetails { __typename ... on OutboundTransfer { id status } }\n    }\n  }\n"): (typeof documents)["\n  fragment ObtFields on OutboundTransfer {\n    id amount cancelable created currency description destinationPaymentMethod expectedArrivalDate livemode metadata\n    statementDescriptor status hostedRegulatoryReceiptUrl\n    destinationPaymentMethodDetails {\n      type\n      billingDetails { name email address { city country line1 line2 postalCode state } }\n      usBankAccount { accountHolderType accountType bankName fingerprint last4 network routingNumber }\n      financialAccount { id network }\n    }\n    financialAccount { id }\n    returnedDetails { code transaction { id amount status flow flowType entries { nodes { type balanceImpact { cash outboundPending } } } } }\n    statusTransitions { canceledAt failedAt postedAt returnedAt }\n    trackingDetails { type ach { traceId } usDomesticWire { chips imad omad } }\n    transaction {\n      id amount status flow flowType statusTransitions { postedAt voidAt }\n      balanceImpact { cash inboundPending outboundPending }\n      entries(first: 10) { nodes { type flowType balanceImpact { cash inboundPending outboundPending } } }\n      flowDetails { __typename ... on OutboundTransfer { id status } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ObtCreate($input: CreateOutboundTransferInput!) {\n    createOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation ObtCreate($input: CreateOutboundTransferInput!) {\n    createOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ObtCancel($input: CancelOutboundTransferInput!) {\n    cancelOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation ObtCancel($input: CancelOutboundTransferInput!) {\n    cancelOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ObtPost($input: PostOutboundTransferInput!) {\n    postOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation ObtPost($input: PostOutboundTransferInput!) {\n    postOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ObtFail($input: FailOutboundTransferInput!) {\n    failOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation ObtFail($input: FailOutboundTransferInput!) {\n    failOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ObtReturn($input: ReturnOutboundTransferInput!) {\n    returnOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation ObtReturn($input: ReturnOutboundTransferInput!) {\n    returnOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ObtUpdate($input: UpdateOutboundTransferInput!) {\n    updateOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }\n  }\n"): (typeof documents)["\n  mutation ObtUpdate($input: UpdateOutboundTransferInput!) {\n    updateOutboundTransfer(input: $input) { outboundTransfer { ...ObtFields } userErrors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ObtBalance($id: ID!) {\n    financialAccount(id: $id) { id balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } } }\n  }\n"): (typeof documents)["\n  query ObtBalance($id: ID!) {\n    financialAccount(id: $id) { id balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ObtRead($id: ID!) { outboundTransfer(id: $id) { ...ObtFields } }"): (typeof documents)["query ObtRead($id: ID!) { outboundTransfer(id: $id) { ...ObtFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ObtNode($id: ID!) { node(id: $id) { __typename id ... on OutboundTransfer { status } } }"): (typeof documents)["query ObtNode($id: ID!) { node(id: $id) { __typename id ... on OutboundTransfer { status } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ObtList($fa: ID!, $filter: OutboundTransferFilter) {\n    financialAccount(id: $fa) { outboundTransfers(first: 20, filter: $filter) { nodes { id status } } }\n  }\n"): (typeof documents)["\n  query ObtList($fa: ID!, $filter: OutboundTransferFilter) {\n    financialAccount(id: $fa) { outboundTransfers(first: 20, filter: $filter) { nodes { id status } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ObtReceived($fa: ID!) {\n    financialAccount(id: $fa) {\n      receivedCredits(first: 5, filter: { linkedFlows: { sourceFlowType: OUTBOUND_TRANSFER } }) {\n        nodes {\n          id amount network status\n          initiatingPaymentMethodDetails { type financialAccount { id network } }\n          linkedFlows { sourceFlow sourceFlowType sourceFlowDetails { __typename ... on OutboundTransfer { id status } } }\n          transaction { id status amount flowDetails { __typename ... on ReceivedCredit { id } } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ObtReceived($fa: ID!) {\n    financialAccount(id: $fa) {\n      receivedCredits(first: 5, filter: { linkedFlows: { sourceFlowType: OUTBOUND_TRANSFER } }) {\n        nodes {\n          id amount network status\n          initiatingPaymentMethodDetails { type financialAccount { id network } }\n          linkedFlows { sourceFlow sourceFlowType sourceFlowDetails { __typename ... on OutboundTransfer { id status } } }\n          transaction { id status amount flowDetails { __typename ... on ReceivedCredit { id } } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ObtEvents($types: [EventType!]) { events(first: 50, filter: { types: $types }) { nodes { id type objectId data } } }\n"): (typeof documents)["\n  query ObtEvents($types: [EventType!]) { events(first: 50, filter: { types: $types }) { nodes { id type objectId data } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PageTransactions($id: ID!, $first: Int, $last: Int, $after: String, $before: String, $filter: TransactionFilter) {\n    financialAccount(id: $id) {\n      transactions(first: $first, last: $last, after: $after, before: $before, filter: $filter) {\n        edges { cursor node { id created } }\n        nodes { id created }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PageTransactions($id: ID!, $first: Int, $last: Int, $after: String, $before: String, $filter: TransactionFilter) {\n    financialAccount(id: $id) {\n      transactions(first: $first, last: $last, after: $after, before: $before, filter: $filter) {\n        edges { cursor node { id created } }\n        nodes { id created }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PageEntries($id: ID!, $first: Int, $last: Int, $after: String, $before: String, $filter: TransactionEntryFilter) {\n    financialAccount(id: $id) {\n      transactionEntries(first: $first, last: $last, after: $after, before: $before, filter: $filter) {\n        edges { cursor node { id created } }\n        nodes { id created }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PageEntries($id: ID!, $first: Int, $last: Int, $after: String, $before: String, $filter: TransactionEntryFilter) {\n    financialAccount(id: $id) {\n      transactionEntries(first: $first, last: $last, after: $after, before: $before, filter: $filter) {\n        edges { cursor node { id created } }\n        nodes { id created }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PageTransactionEntries($id: ID!, $first: Int, $last: Int, $after: String, $before: String) {\n    transaction(id: $id) {\n      entries(first: $first, last: $last, after: $after, before: $before) {\n        edges { cursor node { id created type transaction { id } } }\n        nodes { id created type transaction { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PageTransactionEntries($id: ID!, $first: Int, $last: Int, $after: String, $before: String) {\n    transaction(id: $id) {\n      entries(first: $first, last: $last, after: $after, before: $before) {\n        edges { cursor node { id created type transaction { id } } }\n        nodes { id created type transaction { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PageAccountFinancialAccounts($id: ID!, $first: Int, $last: Int, $after: String, $before: String) {\n    connectedAccount(id: $id) {\n      financialAccounts(first: $first, last: $last, after: $after, before: $before) {\n        edges { cursor node { id created } }\n        nodes { id created }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PageAccountFinancialAccounts($id: ID!, $first: Int, $last: Int, $after: String, $before: String) {\n    connectedAccount(id: $id) {\n      financialAccounts(first: $first, last: $last, after: $after, before: $before) {\n        edges { cursor node { id created } }\n        nodes { id created }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PageConnectedAccounts($first: Int, $last: Int, $after: String, $before: String) {\n    connectedAccounts(first: $first, last: $last, after: $after, before: $before) {\n      edges { cursor node { id created } }\n      nodes { id created }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"): (typeof documents)["\n  query PageConnectedAccounts($first: Int, $last: Int, $after: String, $before: String) {\n    connectedAccounts(first: $first, last: $last, after: $after, before: $before) {\n      edges { cursor node { id created } }\n      nodes { id created }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PageNested($id: ID!) {\n    connectedAccount(id: $id) {\n      financialAccounts(first: 10) {\n        nodes {\n          id\n          transactions(first: 3) {\n            edges { cursor node { id financialAccount { id } } }\n            nodes { id financialAccount { id } }\n            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PageNested($id: ID!) {\n    connectedAccount(id: $id) {\n      financialAccounts(first: 10) {\n        nodes {\n          id\n          transactions(first: 3) {\n            edges { cursor node { id financialAccount { id } } }\n            nodes { id financialAccount { id } }\n            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PageNestedAliases($a: ID!, $b: ID!, $afterA: String, $afterB: String) {\n    a: financialAccount(id: $a) {\n      id\n      transactions(first: 3, after: $afterA) {\n        nodes { id financialAccount { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n    b: financialAccount(id: $b) {\n      id\n      transactions(first: 3, after: $afterB) {\n        nodes { id financialAccount { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PageNestedAliases($a: ID!, $b: ID!, $afterA: String, $afterB: String) {\n    a: financialAccount(id: $a) {\n      id\n      transactions(first: 3, after: $afterA) {\n        nodes { id financialAccount { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n    b: financialAccount(id: $b) {\n      id\n      transactions(first: 3, after: $afterB) {\n        nodes { id financialAccount { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PageNestedEntries($id: ID!) {\n    financialAccount(id: $id) {\n      transactions(first: 20) {\n        nodes {\n          id\n          entries(first: 1) {\n            edges { node { id transaction { id } } }\n            nodes { id transaction { id } }\n            pageInfo { hasNextPage hasPreviousPage }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PageNestedEntries($id: ID!) {\n    financialAccount(id: $id) {\n      transactions(first: 20) {\n        nodes {\n          id\n          entries(first: 1) {\n            edges { node { id transaction { id } } }\n            nodes { id transaction { id } }\n            pageInfo { hasNextPage hasPreviousPage }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PmCreate($input: CreatePaymentMethodInput!) {\n    createPaymentMethod(input: $input) {\n      paymentMethod {\n        id\n        type\n        created\n        livemode\n        metadata\n        billingDetails { name email phone address { line1 line2 city state postalCode country } }\n        usBankAccount {\n          bankName\n          last4\n          routingNumber\n          accountHolderType\n          accountType\n          fingerprint\n          networks { preferred supported }\n        }\n        connectedAccount { id }\n      }\n      userErrors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation PmCreate($input: CreatePaymentMethodInput!) {\n    createPaymentMethod(input: $input) {\n      paymentMethod {\n        id\n        type\n        created\n        livemode\n        metadata\n        billingDetails { name email phone address { line1 line2 city state postalCode country } }\n        usBankAccount {\n          bankName\n          last4\n          routingNumber\n          accountHolderType\n          accountType\n          fingerprint\n          networks { preferred supported }\n        }\n        connectedAccount { id }\n      }\n      userErrors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PmRead($id: ID!) {\n    paymentMethod(id: $id) {\n      id\n      type\n      created\n      livemode\n      metadata\n      billingDetails { name email phone address { line1 line2 city state postalCode country } }\n      usBankAccount {\n        bankName\n        last4\n        routingNumber\n        accountHolderType\n        accountType\n        fingerprint\n        networks { preferred supported }\n      }\n      connectedAccount { id }\n    }\n  }\n"): (typeof documents)["\n  query PmRead($id: ID!) {\n    paymentMethod(id: $id) {\n      id\n      type\n      created\n      livemode\n      metadata\n      billingDetails { name email phone address { line1 line2 city state postalCode country } }\n      usBankAccount {\n        bankName\n        last4\n        routingNumber\n        accountHolderType\n        accountType\n        fingerprint\n        networks { preferred supported }\n      }\n      connectedAccount { id }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PmNode($id: ID!) {\n    node(id: $id) { __typename id ... on PaymentMethod { usBankAccount { last4 } connectedAccount { id } } }\n  }\n"): (typeof documents)["\n  query PmNode($id: ID!) {\n    node(id: $id) { __typename id ... on PaymentMethod { usBankAccount { last4 } connectedAccount { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PmNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"): (typeof documents)["query PmNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PmList($account: ID!, $first: Int, $after: String, $last: Int, $before: String, $filter: PaymentMethodFilter) {\n    connectedAccount(id: $account) {\n      id\n      paymentMethods(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n        edges { cursor node { id created } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PmList($account: ID!, $first: Int, $after: String, $last: Int, $before: String, $filter: PaymentMethodFilter) {\n    connectedAccount(id: $account) {\n      id\n      paymentMethods(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n        edges { cursor node { id created } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PmAccountsWithMethods($n: Int) {\n    connectedAccounts(first: $n) { nodes { id paymentMethods(first: $n) { nodes { id usBankAccount { last4 } connectedAccount { id } } } } }\n  }\n"): (typeof documents)["\n  query PmAccountsWithMethods($n: Int) {\n    connectedAccounts(first: $n) { nodes { id paymentMethods(first: $n) { nodes { id usBankAccount { last4 } connectedAccount { id } } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PmAllAccounts {\n    connectedAccounts(first: 100) { nodes { id paymentMethods(first: 100) { nodes { id connectedAccount { id } } } } }\n  }\n"): (typeof documents)["\n  query PmAllAccounts {\n    connectedAccounts(first: 100) { nodes { id paymentMethods(first: 100) { nodes { id connectedAccount { id } } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PmEvents {\n    events(first: 100, filter: { types: [PAYMENT_METHOD_ATTACHED] }) { nodes { id type objectId data connectedAccount { id } } }\n  }\n"): (typeof documents)["\n  query PmEvents {\n    events(first: 100, filter: { types: [PAYMENT_METHOD_ATTACHED] }) { nodes { id type objectId data connectedAccount { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PmEventStream($after: ID) { events(types: [PAYMENT_METHOD_ATTACHED], after: $after) { id type objectId data } }\n"): (typeof documents)["\n  subscription PmEventStream($after: ID) { events(types: [PAYMENT_METHOD_ATTACHED], after: $after) { id type objectId data } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query ProjectedPage($fa: ID!) {\n            financialAccount(id: $fa) {\n              transactions(first: 5) {\n                edges { node { ...TransactionAmount } }\n                nodes { entries(first: 2) { nodes { type } } }\n              }\n            }\n          }\n          fragment TransactionAmount on Transaction { amount statusTransitions { voidAt } }\n        "): (typeof documents)["\n          query ProjectedPage($fa: ID!) {\n            financialAccount(id: $fa) {\n              transactions(first: 5) {\n                edges { node { ...TransactionAmount } }\n                nodes { entries(first: 2) { nodes { type } } }\n              }\n            }\n          }\n          fragment TransactionAmount on Transaction { amount statusTransitions { voidAt } }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query TwoSelections($fa: ID!) {\n          financialAccount(id: $fa) {\n            amounts: transactions(first: 4) { nodes { id amount } }\n            flows: transactions(first: 4) { nodes { id flow livemode } }\n          }\n        }\n      "): (typeof documents)["\n        query TwoSelections($fa: ID!) {\n          financialAccount(id: $fa) {\n            amounts: transactions(first: 4) { nodes { id amount } }\n            flows: transactions(first: 4) { nodes { id flow livemode } }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query PageThenNode($fa: ID!, $id: ID!) {\n          financialAccount(id: $fa) { transactions(first: 1) { nodes { id } } }\n          transaction(id: $id) { id flow description amount }\n        }\n      "): (typeof documents)["\n        query PageThenNode($fa: ID!, $id: ID!) {\n          financialAccount(id: $fa) { transactions(first: 1) { nodes { id } } }\n          transaction(id: $id) { id flow description amount }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query EntryTransactions($fa: ID!) {\n          financialAccount(id: $fa) {\n            transactions(first: 4) {\n              nodes { id entries(first: 1) { nodes { transaction { id } again: transaction { description flow } } } }\n            }\n          }\n        }\n      "): (typeof documents)["\n        query EntryTransactions($fa: ID!) {\n          financialAccount(id: $fa) {\n            transactions(first: 4) {\n              nodes { id entries(first: 1) { nodes { transaction { id } again: transaction { description flow } } } }\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RateLimitPriced($ids: [ID!]!) {\n    nodes(ids: $ids) { id }\n  }\n"): (typeof documents)["\n  query RateLimitPriced($ids: [ID!]!) {\n    nodes(ids: $ids) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RateLimitCreateAccount($name: String!) {\n    createConnectedAccount(input: { displayName: $name }) { connectedAccount { id } userErrors { code } }\n  }\n"): (typeof documents)["\n  mutation RateLimitCreateAccount($name: String!) {\n    createConnectedAccount(input: { displayName: $name }) { connectedAccount { id } userErrors { code } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RateLimitEvents { events { id } }\n"): (typeof documents)["\n  subscription RateLimitEvents { events { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FourLevels($accounts: Int, $fas: Int, $transactions: Int, $entries: Int) {\n    connectedAccounts(first: $accounts) {\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id\n        displayName\n        capabilities { name status }\n        financialAccounts(first: $fas) {\n          nodes {\n            id\n            nickname\n            activeFeatures\n            pendingFeatures\n            features { feature requested status statusDetails { code resolution restriction } }\n            financialAddresses { type supportedNetworks aba { routingNumber accountNumber accountNumberLast4 bankName accountHolderName } }\n            balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } }\n            transactions(first: $transactions) {\n              edges { cursor }\n              nodes {\n                id amount currency status flowType\n                balanceImpact { cash inboundPending outboundPending }\n                statusTransitions { postedAt voidAt }\n                entries(first: $entries) { nodes { id type effectiveAt balanceImpact { cash inboundPending outboundPending } transaction { id } } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FourLevels($accounts: Int, $fas: Int, $transactions: Int, $entries: Int) {\n    connectedAccounts(first: $accounts) {\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id\n        displayName\n        capabilities { name status }\n        financialAccounts(first: $fas) {\n          nodes {\n            id\n            nickname\n            activeFeatures\n            pendingFeatures\n            features { feature requested status statusDetails { code resolution restriction } }\n            financialAddresses { type supportedNetworks aba { routingNumber accountNumber accountNumberLast4 bankName accountHolderName } }\n            balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } }\n            transactions(first: $transactions) {\n              edges { cursor }\n              nodes {\n                id amount currency status flowType\n                balanceImpact { cash inboundPending outboundPending }\n                statusTransitions { postedAt voidAt }\n                entries(first: $entries) { nodes { id type effectiveAt balanceImpact { cash inboundPending outboundPending } transaction { id } } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BigBalance($id: ID!) { financialAccount(id: $id) { balance { cash { amount } } transactions { nodes { amount } } } }"): (typeof documents)["query BigBalance($id: ID!) { financialAccount(id: $id) { balance { cash { amount } } transactions { nodes { amount } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RcCreate($input: CreateReceivedCreditInput!) {\n    createReceivedCredit(input: $input) {\n      receivedCredit {\n        id amount created currency description failureCode hostedRegulatoryReceiptUrl livemode network status\n        financialAccount { id balance { cash { amount } } }\n        initiatingPaymentMethodDetails {\n          type balance issuingCard\n          billingDetails { name email address { city country line1 line2 postalCode state } }\n          financialAccount { id network }\n          usBankAccount { bankName last4 routingNumber }\n        }\n        linkedFlows { creditReversal issuingAuthorization issuingTransaction sourceFlow sourceFlowType sourceFlowDetails { __typename } }\n        reversalDetails { deadline restrictedReason }\n        transaction {\n          id amount status flow flowType balanceImpact { cash inboundPending outboundPending }\n          entries { nodes { type balanceImpact { cash } flowDetails { __typename ... on ReceivedCredit { id } } } }\n        }\n      }\n      userErrors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation RcCreate($input: CreateReceivedCreditInput!) {\n    createReceivedCredit(input: $input) {\n      receivedCredit {\n        id amount created currency description failureCode hostedRegulatoryReceiptUrl livemode network status\n        financialAccount { id balance { cash { amount } } }\n        initiatingPaymentMethodDetails {\n          type balance issuingCard\n          billingDetails { name email address { city country line1 line2 postalCode state } }\n          financialAccount { id network }\n          usBankAccount { bankName last4 routingNumber }\n        }\n        linkedFlows { creditReversal issuingAuthorization issuingTransaction sourceFlow sourceFlowType sourceFlowDetails { __typename } }\n        reversalDetails { deadline restrictedReason }\n        transaction {\n          id amount status flow flowType balanceImpact { cash inboundPending outboundPending }\n          entries { nodes { type balanceImpact { cash } flowDetails { __typename ... on ReceivedCredit { id } } } }\n        }\n      }\n      userErrors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RcRead($id: ID!) { receivedCredit(id: $id) { id status } }"): (typeof documents)["query RcRead($id: ID!) { receivedCredit(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RcNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"): (typeof documents)["query RcNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RcList($fa: ID!, $filter: ReceivedCreditFilter) {\n    financialAccount(id: $fa) { receivedCredits(first: 20, filter: $filter) { nodes { id status } } }\n  }\n"): (typeof documents)["\n  query RcList($fa: ID!, $filter: ReceivedCreditFilter) {\n    financialAccount(id: $fa) { receivedCredits(first: 20, filter: $filter) { nodes { id status } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RcStream($after: ID) {\n    events(types: [TREASURY_RECEIVED_CREDIT_CREATED, TREASURY_RECEIVED_CREDIT_SUCCEEDED, TREASURY_RECEIVED_CREDIT_FAILED], after: $after) { id type objectId data }\n  }\n"): (typeof documents)["\n  subscription RcStream($after: ID) {\n    events(types: [TREASURY_RECEIVED_CREDIT_CREATED, TREASURY_RECEIVED_CREDIT_SUCCEEDED, TREASURY_RECEIVED_CREDIT_FAILED], after: $after) { id type objectId data }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RdCreate($input: CreateReceivedDebitInput!) {\n    createReceivedDebit(input: $input) {\n      receivedDebit {\n        id amount created currency description failureCode hostedRegulatoryReceiptUrl livemode network status\n        financialAccount { id balance { cash { amount } } }\n        initiatingPaymentMethodDetails {\n          type balance issuingCard\n          billingDetails { name email address { city country line1 line2 postalCode state } }\n          financialAccount { id network }\n          usBankAccount { bankName last4 routingNumber }\n        }\n        linkedFlows { inboundTransfer issuingAuthorization issuingTransaction payout topup }\n        reversalDetails { deadline restrictedReason }\n        transaction {\n          id amount status flow flowType balanceImpact { cash inboundPending outboundPending }\n          flowDetails { __typename ... on ReceivedDebit { id } }\n          entries { nodes { type balanceImpact { cash } flowDetails { __typename ... on ReceivedDebit { id } } } }\n        }\n      }\n      userErrors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation RdCreate($input: CreateReceivedDebitInput!) {\n    createReceivedDebit(input: $input) {\n      receivedDebit {\n        id amount created currency description failureCode hostedRegulatoryReceiptUrl livemode network status\n        financialAccount { id balance { cash { amount } } }\n        initiatingPaymentMethodDetails {\n          type balance issuingCard\n          billingDetails { name email address { city country line1 line2 postalCode state } }\n          financialAccount { id network }\n          usBankAccount { bankName last4 routingNumber }\n        }\n        linkedFlows { inboundTransfer issuingAuthorization issuingTransaction payout topup }\n        reversalDetails { deadline restrictedReason }\n        transaction {\n          id amount status flow flowType balanceImpact { cash inboundPending outboundPending }\n          flowDetails { __typename ... on ReceivedDebit { id } }\n          entries { nodes { type balanceImpact { cash } flowDetails { __typename ... on ReceivedDebit { id } } } }\n        }\n      }\n      userErrors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RdRead($id: ID!) { receivedDebit(id: $id) { id status reversalDetails { deadline restrictedReason } } }"): (typeof documents)["query RdRead($id: ID!) { receivedDebit(id: $id) { id status reversalDetails { deadline restrictedReason } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RdNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"): (typeof documents)["query RdNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RdList($fa: ID!, $filter: ReceivedDebitFilter) {\n    financialAccount(id: $fa) { receivedDebits(first: 20, filter: $filter) { nodes { id status } } }\n  }\n"): (typeof documents)["\n  query RdList($fa: ID!, $filter: ReceivedDebitFilter) {\n    financialAccount(id: $fa) { receivedDebits(first: 20, filter: $filter) { nodes { id status } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RdStream($after: ID) {\n    events(types: [TREASURY_RECEIVED_DEBIT_CREATED], after: $after) { id type objectId data }\n  }\n"): (typeof documents)["\n  subscription RdStream($after: ID) {\n    events(types: [TREASURY_RECEIVED_DEBIT_CREATED], after: $after) { id type objectId data }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RdBalance($fa: ID!) {\n    financialAccountBalanceUpdated(financialAccount: $fa) { financialAccount { id balance { cash { amount } } } transaction { id flow } }\n  }\n"): (typeof documents)["\n  subscription RdBalance($fa: ID!) {\n    financialAccountBalanceUpdated(financialAccount: $fa) { financialAccount { id balance { cash { amount } } } transaction { id flow } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedisCreateAccount($name: String!) {\n    createConnectedAccount(input: { displayName: $name, capabilities: [{ name: TREASURY, status: ACTIVE }] }) {\n      connectedAccount { id }\n      userErrors { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation RedisCreateAccount($name: String!) {\n    createConnectedAccount(input: { displayName: $name, capabilities: [{ name: TREASURY, status: ACTIVE }] }) {\n      connectedAccount { id }\n      userErrors { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RedisEvents($after: ID) {\n    events(after: $after) { id type objectId }\n  }\n"): (typeof documents)["\n  subscription RedisEvents($after: ID) {\n    events(after: $after) { id type objectId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ScopeNode($id: ID!) { node(id: $id) { __typename id } }"): (typeof documents)["query ScopeNode($id: ID!) { node(id: $id) { __typename id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ScopeNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"): (typeof documents)["query ScopeNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScopeNodeAndNodes($id: ID!, $ids: [ID!]!) {\n    node(id: $id) { __typename id }\n    nodes(ids: $ids) { __typename id }\n    again: node(id: $id) { __typename id }\n  }\n"): (typeof documents)["\n  query ScopeNodeAndNodes($id: ID!, $ids: [ID!]!) {\n    node(id: $id) { __typename id }\n    nodes(ids: $ids) { __typename id }\n    again: node(id: $id) { __typename id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScopeRootFields($account: ID!, $fa: ID!, $trxn: ID!, $entry: ID!) {\n    connectedAccount(id: $account) { id }\n    financialAccount(id: $fa) { id }\n    transaction(id: $trxn) { id }\n    transactionEntry(id: $entry) { id }\n  }\n"): (typeof documents)["\n  query ScopeRootFields($account: ID!, $fa: ID!, $trxn: ID!, $entry: ID!) {\n    connectedAccount(id: $account) { id }\n    financialAccount(id: $fa) { id }\n    transaction(id: $trxn) { id }\n    transactionEntry(id: $entry) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScopeLists {\n    platform { id financialAccounts(first: 100) { nodes { id } } }\n    connectedAccounts(first: 100) { nodes { id financialAccounts(first: 100) { nodes { id } } } }\n    financialAccounts(first: 100) { nodes { id connectedAccount { id } } }\n  }\n"): (typeof documents)["\n  query ScopeLists {\n    platform { id financialAccounts(first: 100) { nodes { id } } }\n    connectedAccounts(first: 100) { nodes { id financialAccounts(first: 100) { nodes { id } } } }\n    financialAccounts(first: 100) { nodes { id connectedAccount { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScopeForeignFilters($fa: ID!, $flow: ID!, $trxn: ID!) {\n    financialAccount(id: $fa) {\n      id\n      transactions(first: 100, filter: { flow: $flow }) { nodes { id } pageInfo { hasNextPage hasPreviousPage } }\n      transactionEntries(first: 100, filter: { transaction: $trxn }) { nodes { id } pageInfo { hasNextPage hasPreviousPage } }\n    }\n  }\n"): (typeof documents)["\n  query ScopeForeignFilters($fa: ID!, $flow: ID!, $trxn: ID!) {\n    financialAccount(id: $fa) {\n      id\n      transactions(first: 100, filter: { flow: $flow }) { nodes { id } pageInfo { hasNextPage hasPreviousPage } }\n      transactionEntries(first: 100, filter: { transaction: $trxn }) { nodes { id } pageInfo { hasNextPage hasPreviousPage } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScopeProbe($id: ID!) {\n    node(id: $id) { __typename id }\n    nodes(ids: [$id]) { __typename id }\n    connectedAccount(id: $id) { id displayName }\n    financialAccount(id: $id) { id balance { cash { currency amount } } }\n    transaction(id: $id) { id amount }\n    transactionEntry(id: $id) { id }\n  }\n"): (typeof documents)["\n  query ScopeProbe($id: ID!) {\n    node(id: $id) { __typename id }\n    nodes(ids: [$id]) { __typename id }\n    connectedAccount(id: $id) { id displayName }\n    financialAccount(id: $id) { id balance { cash { currency amount } } }\n    transaction(id: $id) { id amount }\n    transactionEntry(id: $id) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScopeRelations($fa: ID!, $trxn: ID!, $entry: ID!) {\n    financialAccount(id: $fa) {\n      connectedAccount { id financialAccounts(first: 100) { nodes { id } } }\n      transactions(first: 100) { nodes { id financialAccount { id } entries(first: 100) { nodes { id } } } }\n      transactionEntries(first: 100) { nodes { id transaction { id } financialAccount { id } } }\n    }\n    transaction(id: $trxn) { financialAccount { id } entries(first: 100) { nodes { id transaction { id } } } }\n    transactionEntry(id: $entry) { transaction { id } financialAccount { id } }\n  }\n"): (typeof documents)["\n  query ScopeRelations($fa: ID!, $trxn: ID!, $entry: ID!) {\n    financialAccount(id: $fa) {\n      connectedAccount { id financialAccounts(first: 100) { nodes { id } } }\n      transactions(first: 100) { nodes { id financialAccount { id } entries(first: 100) { nodes { id } } } }\n      transactionEntries(first: 100) { nodes { id transaction { id } financialAccount { id } } }\n    }\n    transaction(id: $trxn) { financialAccount { id } entries(first: 100) { nodes { id transaction { id } } } }\n    transactionEntry(id: $entry) { transaction { id } financialAccount { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScopeAba($fa: ID!) {\n    financialAccount(id: $fa) { financialAddresses { aba { accountNumber accountNumberLast4 routingNumber } } }\n  }\n"): (typeof documents)["\n  query ScopeAba($fa: ID!) {\n    financialAccount(id: $fa) { financialAddresses { aba { accountNumber accountNumberLast4 routingNumber } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SlowClientsEvents {\n    events { id type }\n  }\n"): (typeof documents)["\n  subscription SlowClientsEvents {\n    events { id type }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SlowClientsTypename {\n    __typename\n  }\n"): (typeof documents)["\n  query SlowClientsTypename {\n    __typename\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SlowClientsCreateConnectedAccount($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) {\n      connectedAccount { id }\n      userErrors { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation SlowClientsCreateConnectedAccount($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) {\n      connectedAccount { id }\n      userErrors { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SseEvents($types: [EventType!], $after: ID) {\n    events(types: $types, after: $after) { id type objectId }\n  }\n"): (typeof documents)["\n  subscription SseEvents($types: [EventType!], $after: ID) {\n    events(types: $types, after: $after) { id type objectId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SseEventTypesOnly {\n    events { type }\n  }\n"): (typeof documents)["\n  subscription SseEventTypesOnly {\n    events { type }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SseFinancialAccountCreated {\n    financialAccountCreated { id }\n  }\n"): (typeof documents)["\n  subscription SseFinancialAccountCreated {\n    financialAccountCreated { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SseCreateConnectedAccount($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) {\n      connectedAccount { id }\n      userErrors { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation SseCreateConnectedAccount($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) {\n      connectedAccount { id }\n      userErrors { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SseCreateFinancialAccount($input: CreateFinancialAccountInput!) {\n    createFinancialAccount(input: $input) {\n      financialAccount { id }\n      userErrors { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation SseCreateFinancialAccount($input: CreateFinancialAccountInput!) {\n    createFinancialAccount(input: $input) {\n      financialAccount { id }\n      userErrors { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StartTestEvents {\n    events {\n      id\n      type\n    }\n  }\n"): (typeof documents)["\n  subscription StartTestEvents {\n    events {\n      id\n      type\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LiveFinancialAccountState on FinancialAccount {\n    id\n    status\n    nickname\n    metadata\n    supportedCurrencies\n    statusDetails { reasons }\n    connectedAccount { id }\n    activeFeatures\n    pendingFeatures\n    restrictedFeatures\n    features { feature requested status statusDetails { code resolution restriction } }\n    financialAddresses { type aba { accountNumber accountNumberLast4 routingNumber } }\n    platformRestrictions { inboundFlows outboundFlows }\n  }\n"): (typeof documents)["\n  fragment LiveFinancialAccountState on FinancialAccount {\n    id\n    status\n    nickname\n    metadata\n    supportedCurrencies\n    statusDetails { reasons }\n    connectedAccount { id }\n    activeFeatures\n    pendingFeatures\n    restrictedFeatures\n    features { feature requested status statusDetails { code resolution restriction } }\n    financialAddresses { type aba { accountNumber accountNumberLast4 routingNumber } }\n    platformRestrictions { inboundFlows outboundFlows }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveEvents($types: [EventType!], $after: ID) {\n    events(types: $types, after: $after) {\n      id\n      type\n      objectId\n      livemode\n      created\n      data\n      connectedAccount { id }\n      financialAccount { id status }\n    }\n  }\n"): (typeof documents)["\n  subscription LiveEvents($types: [EventType!], $after: ID) {\n    events(types: $types, after: $after) {\n      id\n      type\n      objectId\n      livemode\n      created\n      data\n      connectedAccount { id }\n      financialAccount { id status }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveFinancialAccountCreated($financialAccount: ID) {\n    financialAccountCreated(financialAccount: $financialAccount) { ...LiveFinancialAccountState }\n  }\n"): (typeof documents)["\n  subscription LiveFinancialAccountCreated($financialAccount: ID) {\n    financialAccountCreated(financialAccount: $financialAccount) { ...LiveFinancialAccountState }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveFinancialAccountClosed($financialAccount: ID) {\n    financialAccountClosed(financialAccount: $financialAccount) { ...LiveFinancialAccountState }\n  }\n"): (typeof documents)["\n  subscription LiveFinancialAccountClosed($financialAccount: ID) {\n    financialAccountClosed(financialAccount: $financialAccount) { ...LiveFinancialAccountState }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveFinancialAccountFeaturesStatusUpdated($financialAccount: ID) {\n    financialAccountFeaturesStatusUpdated(financialAccount: $financialAccount) { ...LiveFinancialAccountState }\n  }\n"): (typeof documents)["\n  subscription LiveFinancialAccountFeaturesStatusUpdated($financialAccount: ID) {\n    financialAccountFeaturesStatusUpdated(financialAccount: $financialAccount) { ...LiveFinancialAccountState }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LiveCreateConnectedAccount($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) {\n      connectedAccount { id }\n      userErrors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation LiveCreateConnectedAccount($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) {\n      connectedAccount { id }\n      userErrors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LiveCreateFinancialAccount($input: CreateFinancialAccountInput!) {\n    createFinancialAccount(input: $input) {\n      financialAccount { ...LiveFinancialAccountState }\n      userErrors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation LiveCreateFinancialAccount($input: CreateFinancialAccountInput!) {\n    createFinancialAccount(input: $input) {\n      financialAccount { ...LiveFinancialAccountState }\n      userErrors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LiveUpdateFinancialAccount($input: UpdateFinancialAccountInput!) {\n    updateFinancialAccount(input: $input) {\n      financialAccount { ...LiveFinancialAccountState }\n      userErrors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation LiveUpdateFinancialAccount($input: UpdateFinancialAccountInput!) {\n    updateFinancialAccount(input: $input) {\n      financialAccount { ...LiveFinancialAccountState }\n      userErrors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LiveCloseFinancialAccount($input: CloseFinancialAccountInput!) {\n    closeFinancialAccount(input: $input) {\n      financialAccount { ...LiveFinancialAccountState }\n      userErrors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation LiveCloseFinancialAccount($input: CloseFinancialAccountInput!) {\n    closeFinancialAccount(input: $input) {\n      financialAccount { ...LiveFinancialAccountState }\n      userErrors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LiveCreateAccountSession($account: ID!) {\n    createAccountSession(input: { account: $account }) {\n      accountSession { clientSecret expiresAt account { id } }\n      userErrors { code field message }\n    }\n  }\n"): (typeof documents)["\n  mutation LiveCreateAccountSession($account: ID!) {\n    createAccountSession(input: { account: $account }) {\n      accountSession { clientSecret expiresAt account { id } }\n      userErrors { code field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TransportEvents {\n    events { id type }\n  }\n"): (typeof documents)["\n  subscription TransportEvents {\n    events { id type }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TransportTypename {\n    __typename\n  }\n"): (typeof documents)["\n  query TransportTypename {\n    __typename\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TransportCreateConnectedAccount($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) {\n      connectedAccount { id }\n      userErrors { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation TransportCreateConnectedAccount($input: CreateConnectedAccountInput!) {\n    createConnectedAccount(input: $input) {\n      connectedAccount { id }\n      userErrors { code message }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;