// How an event of each kind is made from the change it reports. The event
// types and their object kinds are a value list of the domain
// (src/domain/event-types.ts). `emit` (see services/unit-of-work.ts) takes a
// type and its payload and nothing else, so an event's object, its scope and
// the financial accounts it touches can only be made one way.
import type {
  Account,
  AccountCapability,
  CreditReversal,
  DebitReversal,
  InboundTransfer,
  OutboundPayment,
  OutboundTransfer,
  PaymentMethod,
  ReceivedCredit,
  ReceivedDebit,
  Transaction,
} from '../db/generated/client.ts';
import { EVENT_CATALOGUE, type EventType, type ObjectKindOf } from '../domain/event-types.ts';
import type { NewEvent } from './event-bus.ts';
import {
  accountObject,
  capabilityObject,
  financialAccountObject,
  inboundTransferObject,
  outboundTransferObject,
  outboundPaymentObject,
  paymentMethodObject,
  receivedCreditObject,
  receivedDebitObject,
  debitReversalObject,
  creditReversalObject,
  type FinancialAccountState,
} from './stripe-objects.ts';

export { EVENT_CATALOGUE, EVENT_TYPES, OBJECT_KINDS, type EventType, type ObjectKind, type ObjectKindOf } from '../domain/event-types.ts';

/** What a change hands to `emit`, per object kind. */
export interface Payloads {
  account: { account: Account; capabilities: AccountCapability[] };
  capability: { account: Account; capability: AccountCapability };
  payment_method: PaymentMethod;
  'treasury.financial_account': FinancialAccountState;
  'treasury.outbound_transfer': OutboundTransfer;
  'treasury.received_credit': ReceivedCredit;
  'treasury.inbound_transfer': InboundTransfer;
  'treasury.received_debit': ReceivedDebit;
  'treasury.debit_reversal': DebitReversal;
  'treasury.credit_reversal': CreditReversal;
  'treasury.outbound_payment': OutboundPayment;
}

/** Event types whose payload is not their kind's: the gateway's own balance snapshot. */
export interface TypePayloads {
  /** The account with its balance read right after `transaction` was written, in the same database transaction. */
  'treasury.financial_account.balance_updated': { state: FinancialAccountState; transaction: Transaction };
}

/** The kinds whose events can be emitted today. */
export type ModelledKind = keyof Payloads;
export type EmittableEventType = { [T in EventType]: ObjectKindOf<T> extends ModelledKind ? T : never }[EventType];
export type PayloadOf<T extends EmittableEventType> = T extends keyof TypePayloads ? TypePayloads[T] : Payloads[ObjectKindOf<T> & ModelledKind];

type Described = Omit<NewEvent, 'type' | 'data'> & { object: Record<string, unknown>; extra?: Record<string, unknown> };

/** How each modelled kind becomes an event: its scope, its object, and the financial accounts it touches. */
/** The event of a money movement that touches only its own financial account. */
function onItsAccount<T extends { id: string; platformId: string; accountId: string; livemode: boolean; financialAccountId: string }>(
  object: (row: T) => Record<string, unknown>,
): (row: T) => Described {
  return (row) => ({
    platformId: row.platformId,
    accountId: row.accountId,
    livemode: row.livemode,
    objectId: row.id,
    object: object(row),
    financialAccountIds: [row.financialAccountId],
  });
}

const DESCRIBE: { [K in ModelledKind]: (payload: Payloads[K]) => Described } = {
  account: ({ account, capabilities }) => ({
    platformId: account.platformId,
    accountId: account.id,
    livemode: account.livemode,
    objectId: account.id,
    object: accountObject(account, capabilities),
    financialAccountIds: [],
  }),
  capability: ({ account, capability }) => ({
    platformId: account.platformId,
    accountId: account.id,
    livemode: account.livemode,
    objectId: `${account.id}/${capability.name}`,
    object: capabilityObject(capability),
    financialAccountIds: [],
  }),
  payment_method: (paymentMethod) => ({
    platformId: paymentMethod.platformId,
    accountId: paymentMethod.accountId,
    livemode: paymentMethod.livemode,
    objectId: paymentMethod.id,
    object: paymentMethodObject(paymentMethod),
    financialAccountIds: [],
  }),
  'treasury.financial_account': (state) => ({
    platformId: state.account.platformId,
    accountId: state.account.accountId,
    livemode: state.account.livemode,
    objectId: state.account.id,
    object: financialAccountObject(state),
    financialAccountIds: [state.account.id],
  }),
  // A transfer between two financial accounts touches both.
  'treasury.outbound_transfer': (transfer) => ({
    platformId: transfer.platformId,
    accountId: transfer.accountId,
    livemode: transfer.livemode,
    objectId: transfer.id,
    object: outboundTransferObject(transfer),
    financialAccountIds: [transfer.financialAccountId, ...(transfer.destinationFinancialAccountId ? [transfer.destinationFinancialAccountId] : [])],
  }),
  'treasury.received_credit': (credit) => {
    const source = (credit.initiatingPaymentMethodDetails as { financialAccount?: { id: string } | null }).financialAccount?.id;
    return {
      platformId: credit.platformId,
      accountId: credit.accountId,
      livemode: credit.livemode,
      objectId: credit.id,
      object: receivedCreditObject(credit),
      financialAccountIds: [credit.financialAccountId, ...(source ? [source] : [])],
    };
  },
  'treasury.inbound_transfer': onItsAccount(inboundTransferObject),
  'treasury.received_debit': onItsAccount(receivedDebitObject),
  'treasury.debit_reversal': onItsAccount(debitReversalObject),
  'treasury.credit_reversal': onItsAccount(creditReversalObject),
  // The payer's financial account only: the destination (another account's, over stripe) learns of it by its ReceivedCredit.
  'treasury.outbound_payment': onItsAccount(outboundPaymentObject),
};

const DESCRIBE_TYPE: { [T in keyof TypePayloads]: (payload: TypePayloads[T]) => Described } = {
  // `data.object` is the financial account as of that moment (its balance included); `data.transaction` what changed it.
  'treasury.financial_account.balance_updated': ({ state, transaction }) => ({
    ...DESCRIBE['treasury.financial_account'](state),
    extra: { transaction: transaction.id },
  }),
};

/** The event of type `type` reporting `payload`; `previous` are the attributes an update changed, as they were. */
export function describeEvent<T extends EmittableEventType>(
  type: T,
  payload: PayloadOf<T>,
  previous?: Record<string, unknown>,
): NewEvent {
  const kind = EVENT_CATALOGUE[type] as ModelledKind;
  const describe = (DESCRIBE_TYPE[type as keyof TypePayloads] ?? DESCRIBE[kind]) as (p: PayloadOf<T>) => Described;
  const { object, extra, ...event } = describe(payload);
  return { ...event, type, data: { object, ...(previous ? { previous_attributes: previous } : {}), ...extra } };
}
