// Every event type the gateway emits, with the kind of object its `data.object`
// carries: a value list of the domain, so the state machines name their events
// with types the compiler checks (`Step.events`) and the catalogue
// (src/events/catalogue.ts), the GraphQL `EventType` enum and the database all
// read the same list.
//
// Every type listed here is one the gateway emits. Three of Stripe's types are
// left out because nothing here makes them happen: a debit reversal's
// `initial_credit_granted` (no provisional credit is granted while it is
// processing), and the flows' `expected_arrival_date_updated` (an expected
// arrival is computed once, at creation, from the network's timeline).

/** The object kinds events carry, by Stripe's `object` name. */
export const OBJECT_KINDS = [
  'account',
  'capability',
  'payment_method',
  'treasury.credit_reversal',
  'treasury.debit_reversal',
  'treasury.financial_account',
  'treasury.inbound_transfer',
  'treasury.outbound_payment',
  'treasury.outbound_transfer',
  'treasury.received_credit',
  'treasury.received_debit',
] as const;
export type ObjectKind = (typeof OBJECT_KINDS)[number];

/** Every event type, with the kind of object it carries. */
export const EVENT_CATALOGUE = {
  'account.created': 'account',
  'account.updated': 'account',
  'capability.updated': 'capability',
  // Stripe's event when a payment method is attached to its owner (a customer there; a connected account here).
  'payment_method.attached': 'payment_method',
  'treasury.credit_reversal.created': 'treasury.credit_reversal',
  'treasury.credit_reversal.posted': 'treasury.credit_reversal',
  'treasury.debit_reversal.completed': 'treasury.debit_reversal',
  'treasury.debit_reversal.created': 'treasury.debit_reversal',
  // The gateway's own: a financial account's balance right after one transaction changed it (Stripe has no such event).
  'treasury.financial_account.balance_updated': 'treasury.financial_account',
  'treasury.financial_account.closed': 'treasury.financial_account',
  'treasury.financial_account.created': 'treasury.financial_account',
  'treasury.financial_account.features_status_updated': 'treasury.financial_account',
  'treasury.financial_account.updated': 'treasury.financial_account',
  'treasury.inbound_transfer.canceled': 'treasury.inbound_transfer',
  'treasury.inbound_transfer.created': 'treasury.inbound_transfer',
  'treasury.inbound_transfer.failed': 'treasury.inbound_transfer',
  'treasury.inbound_transfer.succeeded': 'treasury.inbound_transfer',
  'treasury.outbound_payment.canceled': 'treasury.outbound_payment',
  'treasury.outbound_payment.created': 'treasury.outbound_payment',
  'treasury.outbound_payment.failed': 'treasury.outbound_payment',
  'treasury.outbound_payment.posted': 'treasury.outbound_payment',
  'treasury.outbound_payment.returned': 'treasury.outbound_payment',
  'treasury.outbound_payment.tracking_details_updated': 'treasury.outbound_payment',
  'treasury.outbound_transfer.canceled': 'treasury.outbound_transfer',
  'treasury.outbound_transfer.created': 'treasury.outbound_transfer',
  'treasury.outbound_transfer.failed': 'treasury.outbound_transfer',
  'treasury.outbound_transfer.posted': 'treasury.outbound_transfer',
  'treasury.outbound_transfer.returned': 'treasury.outbound_transfer',
  'treasury.outbound_transfer.tracking_details_updated': 'treasury.outbound_transfer',
  'treasury.received_credit.created': 'treasury.received_credit',
  'treasury.received_credit.failed': 'treasury.received_credit',
  'treasury.received_credit.succeeded': 'treasury.received_credit',
  'treasury.received_debit.created': 'treasury.received_debit',
} as const satisfies Record<string, ObjectKind>;

export type EventType = keyof typeof EVENT_CATALOGUE;
export type ObjectKindOf<T extends EventType> = (typeof EVENT_CATALOGUE)[T];
/** The event types whose object is of kind `K`: e.g. every `treasury.outbound_transfer.*`. */
export type EventTypeOf<K extends ObjectKind> = { [T in EventType]: ObjectKindOf<T> extends K ? T : never }[EventType];

/** Every event type, sorted. */
export const EVENT_TYPES: readonly EventType[] = (Object.keys(EVENT_CATALOGUE) as EventType[]).sort();

/** The event types of one object kind, sorted. */
export function eventTypesOf<K extends ObjectKind>(kind: K): EventTypeOf<K>[] {
  return EVENT_TYPES.filter((type): type is EventTypeOf<K> => EVENT_CATALOGUE[type] === kind);
}

/** Whether `value` is an event type the gateway knows (for values read back from storage or input). */
export function isEventType(value: string): value is EventType {
  return Object.hasOwn(EVENT_CATALOGUE, value);
}
