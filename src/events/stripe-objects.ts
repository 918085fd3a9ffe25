// Objects in Stripe's own JSON shape, for events' `data.object`: what a
// webhook consumer of Stripe would expect (snake_case, unix seconds, the
// features hash). Event payloads never carry full bank account numbers: every
// credential that may read the event could not read those.
import type {
  Account,
  AccountCapability,
  FeatureSetting,
  FinancialAccount,
  FinancialAddress,
  InboundTransfer,
  OutboundTransfer,
  OutboundPayment,
  PaymentMethod,
  ReceivedCredit,
  ReceivedDebit,
  DebitReversal,
  CreditReversal,
} from '../db/generated/client.ts';
import { receivedDebitRestrictedReason } from '../domain/money-movements/received-debit.ts';
import { US_BANK_ACCOUNT_NETWORKS } from '../domain/payment-methods.ts';
import { balanceFromSums, type BalanceImpact } from '../domain/ledger.ts';
import { receivedCreditRestrictedReason } from '../domain/money-movements/reversals.ts';

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** Stripe's path of a feature in the features hash (`financial_addresses_aba` → `financial_addresses.aba`). */
export function featurePath(feature: string): string {
  const nested: Record<string, string> = {
    financial_addresses_aba: 'financial_addresses.aba',
    inbound_transfers_ach: 'inbound_transfers.ach',
    outbound_payments_ach: 'outbound_payments.ach',
    outbound_payments_us_domestic_wire: 'outbound_payments.us_domestic_wire',
    outbound_transfers_ach: 'outbound_transfers.ach',
    outbound_transfers_us_domestic_wire: 'outbound_transfers.us_domestic_wire',
  };
  return nested[feature] ?? feature;
}

export interface FinancialAccountState {
  account: FinancialAccount;
  features: FeatureSetting[];
  addresses: FinancialAddress[];
  balanceSums: Array<{ currency: string } & BalanceImpact>;
}

export function financialAccountObject(state: FinancialAccountState): Record<string, unknown> {
  const { account: fa, features, addresses } = state;
  const requested = features.filter((f) => f.requested);
  const paths = (status: string) => requested.filter((f) => f.status === status).map((f) => featurePath(f.feature));
  const featuresHash: Record<string, unknown> = { object: 'treasury.financial_account_features' };
  for (const f of features) {
    const setting = { requested: f.requested, status: f.status, status_details: f.statusDetails };
    const [group, leaf] = featurePath(f.feature).split('.');
    if (leaf) featuresHash[group] = { ...(featuresHash[group] as object), [leaf]: setting };
    else featuresHash[group] = setting;
  }
  const balance = balanceFromSums(fa.supportedCurrencies, state.balanceSums);
  const asMap = (amounts: Array<{ currency: string; amount: bigint }>) =>
    Object.fromEntries(amounts.map((a) => [a.currency, Number(a.amount)]));
  return {
    id: fa.id,
    object: 'treasury.financial_account',
    active_features: paths('active'),
    pending_features: paths('pending'),
    restricted_features: paths('restricted'),
    balance: {
      cash: asMap(balance.cash),
      inbound_pending: asMap(balance.inboundPending),
      outbound_pending: asMap(balance.outboundPending),
    },
    country: fa.country,
    created: seconds(fa.createdAt),
    features: featuresHash,
    financial_addresses: addresses.map((a) => ({
      type: a.type,
      supported_networks: a.supportedNetworks,
      aba: {
        account_holder_name: a.accountHolderName,
        account_number_last4: a.accountNumberLast4,
        bank_name: a.bankName,
        routing_number: a.routingNumber,
      },
    })),
    is_default: fa.isDefault,
    livemode: fa.livemode,
    metadata: fa.metadata,
    nickname: fa.nickname,
    platform_restrictions:
      fa.inboundFlows || fa.outboundFlows ? { inbound_flows: fa.inboundFlows, outbound_flows: fa.outboundFlows } : null,
    status: fa.status,
    status_details: { closed: fa.status === 'closed' ? { reasons: fa.closedReasons } : null },
    supported_currencies: fa.supportedCurrencies,
  };
}

export function accountObject(account: Account, capabilities: AccountCapability[]): Record<string, unknown> {
  return {
    id: account.id,
    object: 'account',
    business_profile: { name: account.displayName },
    capabilities: Object.fromEntries(capabilities.map((c) => [c.name, c.status])),
    country: account.country,
    created: seconds(account.createdAt),
    email: account.email,
    livemode: account.livemode,
    metadata: account.metadata,
    type: 'custom',
  };
}

export function capabilityObject(capability: AccountCapability): Record<string, unknown> {
  return {
    id: capability.name,
    object: 'capability',
    account: capability.accountId,
    requested: capability.requested,
    status: capability.status,
  };
}

/** Stripe's `payment_method` of type `us_bank_account`; the account number only as its last four digits. */
export function paymentMethodObject(pm: PaymentMethod): Record<string, unknown> {
  return {
    id: pm.id,
    object: 'payment_method',
    billing_details: {
      address: {
        city: pm.addressCity,
        country: pm.addressCountry,
        line1: pm.addressLine1,
        line2: pm.addressLine2,
        postal_code: pm.addressPostalCode,
        state: pm.addressState,
      },
      email: pm.billingEmail,
      name: pm.billingName,
      phone: pm.billingPhone,
    },
    created: seconds(pm.createdAt),
    customer: null,
    livemode: pm.livemode,
    metadata: pm.metadata,
    type: pm.type,
    us_bank_account: {
      account_holder_type: pm.accountHolderType,
      account_type: pm.accountType,
      bank_name: pm.bankName,
      financial_connections_account: null,
      fingerprint: pm.fingerprint,
      last4: pm.last4,
      networks: { preferred: US_BANK_ACCOUNT_NETWORKS.preferred, supported: [...US_BANK_ACCOUNT_NETWORKS.supported] },
      routing_number: pm.routingNumber,
    },
  };
}

/** A stored camelCase JSON detail (destination, tracking, initiating payment method) with Stripe's snake_case keys. */
function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), snakeKeys(v)]),
    );
  }
  return value;
}

const secondsOrNull = (date: Date | null) => (date ? seconds(date) : null);

/** What Stripe's `treasury.outbound_transfer` and `treasury.outbound_payment` share; transactions as ids (Stripe's unexpanded form). */
function outboundFlowObject(object: string, t: OutboundTransfer | OutboundPayment): Record<string, unknown> {
  return {
    id: t.id,
    object,
    amount: Number(t.amount),
    cancelable: t.cancelable,
    created: seconds(t.createdAt),
    currency: t.currency,
    description: t.description,
    destination_payment_method: t.destinationPaymentMethod,
    destination_payment_method_details: snakeKeys(t.destinationDetails),
    expected_arrival_date: seconds(t.expectedArrivalDate),
    financial_account: t.financialAccountId,
    hosted_regulatory_receipt_url: null,
    livemode: t.livemode,
    metadata: t.metadata,
    returned_details: t.status === 'returned' ? { code: t.returnedCode, transaction: t.returnTransactionId } : null,
    statement_descriptor: t.statementDescriptor,
    status: t.status,
    status_transitions: {
      canceled_at: secondsOrNull(t.canceledAt),
      failed_at: secondsOrNull(t.failedAt),
      posted_at: secondsOrNull(t.postedAt),
      returned_at: secondsOrNull(t.returnedAt),
    },
    tracking_details: t.trackingDetails ? snakeKeys(t.trackingDetails) : null,
    transaction: t.transactionId,
  };
}

/** Stripe's `treasury.outbound_transfer`. */
export function outboundTransferObject(t: OutboundTransfer): Record<string, unknown> {
  return outboundFlowObject('treasury.outbound_transfer', t);
}

/** Stripe's `treasury.received_credit`; its transaction as an id. */
export function receivedCreditObject(c: ReceivedCredit): Record<string, unknown> {
  return {
    id: c.id,
    object: 'treasury.received_credit',
    amount: Number(c.amount),
    created: seconds(c.createdAt),
    currency: c.currency,
    description: c.description,
    failure_code: c.failureCode,
    financial_account: c.financialAccountId,
    hosted_regulatory_receipt_url: null,
    initiating_payment_method_details: snakeKeys(c.initiatingPaymentMethodDetails),
    linked_flows: {
      credit_reversal: null,
      issuing_authorization: null,
      issuing_transaction: null,
      source_flow: c.sourceFlow,
      source_flow_type: c.sourceFlowType,
    },
    livemode: c.livemode,
    network: c.network,
    // As it was when the event was written: a reversal, if any, comes later (with its own events).
    reversal_details: { deadline: secondsOrNull(c.reversalDeadline), restricted_reason: receivedCreditRestrictedReason(c, false, c.createdAt) },
    status: c.status,
    transaction: c.transactionId,
  };
}

/** Stripe's `treasury.inbound_transfer`; its transaction and ReceivedDebit as ids. */
export function inboundTransferObject(t: InboundTransfer): Record<string, unknown> {
  return {
    id: t.id,
    object: 'treasury.inbound_transfer',
    amount: Number(t.amount),
    cancelable: t.cancelable,
    created: seconds(t.createdAt),
    currency: t.currency,
    description: t.description,
    failure_details: t.status === 'failed' ? { code: t.failureCode } : null,
    financial_account: t.financialAccountId,
    hosted_regulatory_receipt_url: null,
    linked_flows: { received_debit: t.receivedDebitId },
    livemode: t.livemode,
    metadata: t.metadata,
    origin_payment_method: t.originPaymentMethod,
    origin_payment_method_details: snakeKeys(t.originPaymentMethodDetails),
    returned: t.receivedDebitId !== null,
    statement_descriptor: t.statementDescriptor,
    status: t.status,
    status_transitions: {
      canceled_at: secondsOrNull(t.canceledAt),
      failed_at: secondsOrNull(t.failedAt),
      succeeded_at: secondsOrNull(t.succeededAt),
    },
    transaction: t.transactionId,
  };
}

/** Stripe's `treasury.received_debit`; its transaction as an id, its reversal details as of now. */
export function receivedDebitObject(d: ReceivedDebit): Record<string, unknown> {
  return {
    id: d.id,
    object: 'treasury.received_debit',
    amount: Number(d.amount),
    created: seconds(d.createdAt),
    currency: d.currency,
    description: d.description,
    failure_code: d.failureCode,
    financial_account: d.financialAccountId,
    hosted_regulatory_receipt_url: null,
    initiating_payment_method_details: snakeKeys(d.initiatingPaymentMethodDetails),
    linked_flows: {
      debit_reversal: d.debitReversalId,
      inbound_transfer: d.inboundTransferId,
      issuing_authorization: null,
      issuing_transaction: null,
      payout: null,
      topup: null,
    },
    livemode: d.livemode,
    network: d.network,
    reversal_details: { deadline: secondsOrNull(d.reversalDeadline), restricted_reason: receivedDebitRestrictedReason(d, new Date()) },
    status: d.status,
    transaction: d.transactionId,
  };
}

/** Stripe's `treasury.debit_reversal`; its transaction as an id. */
export function debitReversalObject(r: DebitReversal): Record<string, unknown> {
  return {
    id: r.id,
    object: 'treasury.debit_reversal',
    amount: Number(r.amount),
    created: seconds(r.createdAt),
    currency: r.currency,
    financial_account: r.financialAccountId,
    hosted_regulatory_receipt_url: null,
    linked_flows: { issuing_dispute: null },
    livemode: r.livemode,
    metadata: r.metadata,
    network: r.network,
    received_debit: r.receivedDebitId,
    status: r.status,
    status_transitions: { completed_at: secondsOrNull(r.completedAt) },
    transaction: r.transactionId,
  };
}

/** Stripe's `treasury.credit_reversal`; its received credit and transaction as ids. */
export function creditReversalObject(r: CreditReversal): Record<string, unknown> {
  return {
    id: r.id,
    object: 'treasury.credit_reversal',
    amount: Number(r.amount),
    created: seconds(r.createdAt),
    currency: r.currency,
    financial_account: r.financialAccountId,
    hosted_regulatory_receipt_url: null,
    livemode: r.livemode,
    metadata: r.metadata,
    network: r.network,
    received_credit: r.receivedCreditId,
    status: r.status,
    status_transitions: { posted_at: secondsOrNull(r.postedAt) },
    transaction: r.transactionId,
  };
}

/** Stripe's `treasury.outbound_payment`: an outbound flow's fields, with the party paid and the end user. */
export function outboundPaymentObject(p: OutboundPayment): Record<string, unknown> {
  return {
    ...outboundFlowObject('treasury.outbound_payment', p),
    customer: p.customer,
    end_user_details: { ip_address: p.endUserIpAddress, present: p.endUserPresent },
  };
}
