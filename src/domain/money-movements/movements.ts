// Every money movement as one record: its names (Stripe's flow type and object,
// the GraphQL type and Prisma model, the id prefix, the table), its statuses and
// state machine, the feature each network needs, which way the money goes, the
// events it emits, and what Stripe does to it by itself and when. The lists that
// name every movement (ids, flow types, directions, features, statuses, the
// machines the ledger laws are tested on, the deferred work and its settings)
// are read from here, so a new movement is one more entry, not fifteen lists.
import type { EventType, EventTypeOf, ObjectKind } from '../event-types.ts';
import type { Feature } from '../features.ts';
import type { FlowType } from '../ledger.ts';
import type { FlowDirection, Network } from '../networks.ts';
import { CREDIT_REVERSAL_ACTIONS, CREDIT_REVERSAL_STATUSES, CREDIT_REVERSAL_TRANSITIONS, nextCreditReversal } from './credit-reversal.ts';
import { DEBIT_REVERSAL_ACTIONS, DEBIT_REVERSAL_STATUSES, DEBIT_REVERSAL_TRANSITIONS, nextDebitReversal } from './debit-reversal.ts';
import { INBOUND_TRANSFER_ACTIONS, INBOUND_TRANSFER_STATUSES, INBOUND_TRANSFER_TRANSITIONS, nextInboundTransfer } from './inbound-transfer.ts';
import { OUTBOUND_FLOW_ACTIONS, OUTBOUND_FLOW_STATUSES, OUTBOUND_FLOW_TRANSITIONS } from './outbound-flow.ts';
import { nextOutboundPayment } from './outbound-payment.ts';
import { nextOutboundTransfer } from './outbound-transfer.ts';
import { nextReceivedCredit, RECEIVED_CREDIT_STATUSES } from './received-credit.ts';
import { nextReceivedDebit, RECEIVED_DEBIT_STATUSES } from './received-debit.ts';
import type { MovementState, StepResult } from './shared.ts';

/**
 * Work Stripe does by itself some time after the request that makes it due, and that a periodic sweep
 * finds again after a restart. `name` is the stem of its two settings, `<name>DelayMs` and `<name>SweepMs`,
 * and `env` the variable that sets the delay.
 */
export interface SelfMovingWork<Name extends string = string> {
  name: Name;
  /** What happens, in the words of the README's configuration table. */
  description: string;
  env: string;
  /** How long after the request it happens by default, and the most an operator may set. */
  delayMs: number;
  maxDelayMs: number;
  /** How often the sweep looks for work left behind. */
  sweepMs: number;
}

/** A movement's state machine, as generic code calls it (each movement's own types are stricter). */
export type MovementMachine = (state: MovementState<string, string> | null, action: never) => StepResult<string, string>;

export interface MovementDescriptor<F extends FlowType = FlowType, K extends ObjectKind = ObjectKind> {
  /** Stripe's `flow_type`, and the entry types' stem. */
  flowType: F;
  /** Stripe's `object` (the kind its events carry). */
  object: K;
  /** The GraphQL type, the Prisma model and the id type (src/domain/ids.ts). */
  typeName: string;
  /** Stripe's id prefix. */
  idPrefix: string;
  /** The database table. */
  table: string;
  /** Its name in messages ("outbound transfer"). */
  label: string;
  /** The input field that names one ("outboundTransfer"); also the name of its batch loader. */
  field: string;
  /** Stripe's `status` enum, and the `status_transitions` keys (camelCased). */
  statuses: readonly string[];
  transitions: readonly string[];
  /** What can happen to it: the actions its state machine takes. */
  actions: readonly string[];
  next: MovementMachine;
  /** Which way money moves for the financial account it belongs to. */
  direction: FlowDirection;
  /** The feature it needs per network it can use (a network missing is one Stripe never uses for it). */
  features: Readonly<Partial<Record<Network, Feature>>>;
  /** Every event type it emits. */
  events: readonly EventTypeOf<K>[];
  /** What Stripe does to it by itself (null: only requests move it on). */
  selfMoving: SelfMovingWork | null;
}

/** A descriptor as written, its names kept literal; its events must be of its own object. */
function movement<const D extends MovementDescriptor>(descriptor: D & { events: readonly EventTypeOf<D['object']>[] }): D {
  return Object.freeze(descriptor);
}

// The outbound flows share one machine and one set of event names.
const outboundEvents = <K extends 'treasury.outbound_transfer' | 'treasury.outbound_payment'>(kind: K) =>
  (['canceled', 'created', 'failed', 'posted', 'returned', 'tracking_details_updated'] as const).map((what) => `${kind}.${what}` as EventTypeOf<K>);

export const MOVEMENTS = {
  outbound_transfer: movement({
    flowType: 'outbound_transfer',
    object: 'treasury.outbound_transfer',
    typeName: 'OutboundTransfer',
    idPrefix: 'obt',
    table: 'OutboundTransfer',
    label: 'outbound transfer',
    field: 'outboundTransfer',
    statuses: OUTBOUND_FLOW_STATUSES,
    transitions: OUTBOUND_FLOW_TRANSITIONS,
    actions: OUTBOUND_FLOW_ACTIONS,
    next: nextOutboundTransfer as MovementMachine,
    direction: 'outbound',
    // To a bank account over ACH or wire; to another financial account of the same owner over Stripe's network.
    features: { ach: 'outbound_transfers_ach', us_domestic_wire: 'outbound_transfers_us_domestic_wire', stripe: 'intra_stripe_flows' },
    events: outboundEvents('treasury.outbound_transfer'),
    selfMoving: null,
  }),
  outbound_payment: movement({
    flowType: 'outbound_payment',
    object: 'treasury.outbound_payment',
    typeName: 'OutboundPayment',
    idPrefix: 'obp',
    table: 'OutboundPayment',
    label: 'outbound payment',
    field: 'outboundPayment',
    statuses: OUTBOUND_FLOW_STATUSES,
    transitions: OUTBOUND_FLOW_TRANSITIONS,
    actions: OUTBOUND_FLOW_ACTIONS,
    next: nextOutboundPayment as MovementMachine,
    direction: 'outbound',
    features: { ach: 'outbound_payments_ach', us_domestic_wire: 'outbound_payments_us_domestic_wire', stripe: 'intra_stripe_flows' },
    events: outboundEvents('treasury.outbound_payment'),
    // Stripe: a payment to another financial account "posts within minutes".
    selfMoving: {
      name: 'stripeNetworkPosting',
      description: 'an OutboundPayment over Stripe\'s network posts',
      env: 'STRIPE_NETWORK_POSTING_DELAY_MS',
      delayMs: 1000,
      maxDelayMs: 3_600_000,
      sweepMs: 15_000,
    },
  }),
  inbound_transfer: movement({
    flowType: 'inbound_transfer',
    object: 'treasury.inbound_transfer',
    typeName: 'InboundTransfer',
    idPrefix: 'ibt',
    table: 'InboundTransfer',
    label: 'inbound transfer',
    field: 'inboundTransfer',
    statuses: INBOUND_TRANSFER_STATUSES,
    transitions: INBOUND_TRANSFER_TRANSITIONS,
    actions: INBOUND_TRANSFER_ACTIONS,
    next: nextInboundTransfer as MovementMachine,
    direction: 'inbound',
    // ACH debits only.
    features: { ach: 'inbound_transfers_ach' },
    events: ['treasury.inbound_transfer.canceled', 'treasury.inbound_transfer.created', 'treasury.inbound_transfer.failed', 'treasury.inbound_transfer.succeeded'],
    // Only Stripe's test helpers move it on here.
    selfMoving: null,
  }),
  received_credit: movement({
    flowType: 'received_credit',
    object: 'treasury.received_credit',
    typeName: 'ReceivedCredit',
    idPrefix: 'rc',
    table: 'ReceivedCredit',
    label: 'received credit',
    field: 'receivedCredit',
    statuses: RECEIVED_CREDIT_STATUSES,
    transitions: [],
    actions: ['create'],
    next: nextReceivedCredit as MovementMachine,
    direction: 'inbound',
    // Over ACH or wire it arrives at the ABA address; over Stripe's network it is an intra-Stripe flow; over card, Issuing's.
    features: { ach: 'financial_addresses_aba', us_domestic_wire: 'financial_addresses_aba', stripe: 'intra_stripe_flows', card: 'card_issuing' },
    events: ['treasury.received_credit.created', 'treasury.received_credit.failed', 'treasury.received_credit.succeeded'],
    selfMoving: null,
  }),
  received_debit: movement({
    flowType: 'received_debit',
    object: 'treasury.received_debit',
    typeName: 'ReceivedDebit',
    idPrefix: 'rd',
    table: 'ReceivedDebit',
    label: 'received debit',
    field: 'receivedDebit',
    statuses: RECEIVED_DEBIT_STATUSES,
    transitions: [],
    actions: ['create'],
    next: nextReceivedDebit as MovementMachine,
    // It pulls money out.
    direction: 'outbound',
    features: { ach: 'financial_addresses_aba', stripe: 'intra_stripe_flows', card: 'card_issuing' },
    events: ['treasury.received_debit.created'],
    selfMoving: null,
  }),
  credit_reversal: movement({
    flowType: 'credit_reversal',
    object: 'treasury.credit_reversal',
    typeName: 'CreditReversal',
    idPrefix: 'credrev',
    table: 'CreditReversal',
    label: 'credit reversal',
    field: 'creditReversal',
    statuses: CREDIT_REVERSAL_STATUSES,
    transitions: CREDIT_REVERSAL_TRANSITIONS,
    actions: CREDIT_REVERSAL_ACTIONS,
    next: nextCreditReversal as MovementMachine,
    // It sends a received credit back, over the network the credit came by.
    direction: 'outbound',
    features: { ach: 'financial_addresses_aba', stripe: 'intra_stripe_flows' },
    events: ['treasury.credit_reversal.created', 'treasury.credit_reversal.posted'],
    selfMoving: {
      name: 'creditReversalPosting',
      description: 'a CreditReversal posts',
      env: 'CREDIT_REVERSAL_POSTING_DELAY_MS',
      delayMs: 2000,
      maxDelayMs: 86_400_000,
      sweepMs: 15_000,
    },
  }),
  debit_reversal: movement({
    flowType: 'debit_reversal',
    object: 'treasury.debit_reversal',
    typeName: 'DebitReversal',
    idPrefix: 'debrev',
    table: 'DebitReversal',
    label: 'debit reversal',
    field: 'debitReversal',
    statuses: DEBIT_REVERSAL_STATUSES,
    transitions: DEBIT_REVERSAL_TRANSITIONS,
    actions: DEBIT_REVERSAL_ACTIONS,
    next: nextDebitReversal as MovementMachine,
    // It brings the debited money back in, over the network the debit came by.
    direction: 'inbound',
    features: { ach: 'financial_addresses_aba', card: 'card_issuing' },
    events: ['treasury.debit_reversal.completed', 'treasury.debit_reversal.created'],
    selfMoving: {
      name: 'debitReversalCompletion',
      description: 'a DebitReversal is resolved',
      env: 'DEBIT_REVERSAL_COMPLETION_DELAY_MS',
      delayMs: 1000,
      maxDelayMs: 86_400_000,
      sweepMs: 15_000,
    },
  }),
};

// Each entry sits under its own flow type.
MOVEMENTS satisfies { [F in keyof typeof MOVEMENTS]: { flowType: F } };

export type MoneyMovementFlowType = keyof typeof MOVEMENTS;
export type Movement = (typeof MOVEMENTS)[MoneyMovementFlowType];
export type MovementTypeName = Movement['typeName'];

/** The flow types that are money movements with an object of their own (Stripe's `flow_type` less `issuing_authorization` and `other`). */
export const MONEY_MOVEMENT_FLOW_TYPES = Object.keys(MOVEMENTS) as MoneyMovementFlowType[];

/** Every movement, in the order of MOVEMENTS. */
export const MOVEMENT_LIST: readonly Movement[] = Object.values(MOVEMENTS);

/** Stripe's activation of requested features: asynchronous, announced by `features_status_updated` (not a movement). */
export const FEATURE_ACTIVATION: SelfMovingWork<'featureActivation'> = Object.freeze({
  name: 'featureActivation',
  description: 'a requested feature activates',
  env: 'FEATURE_ACTIVATION_DELAY_MS',
  delayMs: 1000,
  maxDelayMs: 3_600_000,
  sweepMs: 15_000,
});

/** Everything Stripe does by itself, in one list: the settings, the services, and every entry point read it. */
export const SELF_MOVING_WORK: readonly SelfMovingWork[] = [
  FEATURE_ACTIVATION,
  ...MOVEMENT_LIST.flatMap((m): SelfMovingWork[] => (m.selfMoving ? [m.selfMoving] : [])),
];

/** The name of every piece of self-moving work. */
export type SelfMovingWorkName =
  | typeof FEATURE_ACTIVATION.name
  | { [F in MoneyMovementFlowType]: (typeof MOVEMENTS)[F]['selfMoving'] extends { name: infer N } ? N : never }[MoneyMovementFlowType];

/** The two settings each piece of self-moving work has. */
export type SelfMovingSettings = { [N in SelfMovingWorkName as `${N}DelayMs` | `${N}SweepMs`]: number };

/** Every self-moving setting: each one given, else its default. */
export function selfMovingSettings(given: Partial<SelfMovingSettings> = {}): SelfMovingSettings {
  const settings: Record<string, number> = {};
  for (const work of SELF_MOVING_WORK) {
    const delay = `${work.name}DelayMs` as keyof SelfMovingSettings;
    const sweep = `${work.name}SweepMs` as keyof SelfMovingSettings;
    settings[delay] = given[delay] ?? work.delayMs;
    settings[sweep] = given[sweep] ?? work.sweepMs;
  }
  return settings as SelfMovingSettings;
}

/** Settings with every sweep an hour apart: for tests and benchmarks that count statements, which a sweep's would join. */
export function withoutSweeps(): Partial<SelfMovingSettings> {
  return Object.fromEntries(SELF_MOVING_WORK.map((work) => [`${work.name}SweepMs`, 3_600_000]));
}

/** The every event type some movement emits. */
export const MOVEMENT_EVENT_TYPES: readonly EventType[] = MOVEMENT_LIST.flatMap((m) => m.events);
