// The shape every money movement's state machine shares: a step from a state and
// an action to the next state, the TransactionEntries to write and what happens
// to the flow's Transaction(s); or a refusal with a code. Pure: the service
// stores what a step says, in one database transaction.
import type { EventType } from '../event-types.ts';
import type { Balance, BalanceImpact, LedgerEntry, TransactionStatus } from '../ledger.ts';
import type { Money } from '../money.ts';
import { failure, ok, type Failure, type Result } from '../result.ts';

/**
 * Which of a flow's Transactions an entry belongs to: its own (`flow`), or the
 * second one Stripe books when money comes back (an OutboundTransfer's
 * `returned_details.transaction`, the ReceivedDebit behind an InboundTransfer's return).
 */
export type TransactionRole = 'flow' | 'return';

/** One TransactionEntry to write: its Stripe `type`, its balance impact, and the status it moves its transaction to (if any). */
export interface EntryPlan extends LedgerEntry {
  transaction: TransactionRole;
}

/** A Transaction this step opens or changes: Stripe-signed amount and its status afterwards. */
export interface TransactionPlan {
  role: TransactionRole;
  /** Stripe-signed (negative for money leaving the account); set when this step opens the transaction, else null. */
  amount: bigint | null;
  status: TransactionStatus;
  /** True when this step creates the transaction, false when it changes one that exists. */
  created: boolean;
}

/** The stored state of a money movement, as far as its rules care. */
export interface MovementState<S extends string, T extends string> {
  status: S;
  /** Positive minor units. */
  amount: bigint;
  /** Stripe's `cancelable`. */
  cancelable: boolean;
  /** Status of the flow's own Transaction; null while it has none. */
  transactionStatus: TransactionStatus | null;
  /** Status of the second Transaction (a return); null while there is none. */
  returnTransactionStatus: TransactionStatus | null;
  /** Stripe's `status_transitions`, camelCased. */
  statusTransitions: Record<T, Date | null>;
}

/** An accepted step; `E`: the event types its movement emits. */
export interface Step<S extends string, T extends string, E extends EventType = EventType> {
  ok: true;
  /** The state after the step: what the service stores, and what the next step starts from. */
  state: MovementState<S, T>;
  status: S;
  /** The entries to write, in order. Empty for steps that change no balance (tracking details). */
  entries: EntryPlan[];
  /** Status of the flow's own Transaction after the step (null while it has none). */
  transactionStatus: TransactionStatus | null;
  /** The transactions this step opens or changes. */
  transactions: TransactionPlan[];
  /** The `status_transitions` times this step sets. */
  transitions: Partial<Record<T, Date>>;
  /** The Stripe event types this step emits, in order (events.md). */
  events: E[];
}

export type StepResult<S extends string, T extends string, E extends EventType = EventType> = Step<S, T, E> | Failure;

/** Code of an action the movement's current status does not allow. Stripe's material names none, so this is ours. */
export const INVALID_STATUS_TRANSITION = 'invalid_status_transition';

export function refuse(message: string): Failure {
  return failure(INVALID_STATUS_TRANSITION, message, []);
}

export function impact(cash: bigint, inboundPending: bigint, outboundPending: bigint): BalanceImpact {
  return { cash, inboundPending, outboundPending };
}

export function entry(transaction: TransactionRole, type: EntryPlan['type'], balanceImpact: BalanceImpact, transition: EntryPlan['transition']): EntryPlan {
  return { transaction, type, impact: balanceImpact, transition };
}

/** A movement's amount must be a positive bigint: a non-positive one here is a bug, since money.ts checked the input. */
export function assertAmount(amount: bigint): void {
  if (typeof amount !== 'bigint' || amount <= 0n) {
    throw new RangeError(`A money movement's amount must be a positive bigint of minor units, got ${String(amount)}`);
  }
}

/** Code of a movement refused for lack of cash: Stripe's `balance_insufficient`. */
export const BALANCE_INSUFFICIENT = 'balance_insufficient';

/** The cash of `balance` in `currency` (0 when the balance does not list it). */
export function cashIn(balance: Balance, currency: string): bigint {
  return balance.cash.find((c) => c.currency === currency)?.amount ?? 0n;
}

/**
 * Stripe's `balance_insufficient`: an outbound flow needs its amount in `cash`
 * (what "the user can spend right now"); outbound_pending is already spoken for
 * and inbound_pending not yet spendable.
 */
export function checkSufficientFunds(balance: Balance | bigint, money: Money, field: string[] = ['amount']): Result<void> {
  const cash = typeof balance === 'bigint' ? balance : cashIn(balance, money.currency);
  if (cash < money.amount) {
    return failure(
      BALANCE_INSUFFICIENT,
      `The financial account has ${cash} ${money.currency} minor units of cash; this needs ${money.amount}.`,
      field,
    );
  }
  return ok(undefined);
}

/** All `status_transitions` keys null. */
export function noTransitions<T extends string>(keys: readonly T[]): Record<T, Date | null> {
  return Object.fromEntries(keys.map((k) => [k, null])) as Record<T, Date | null>;
}

/** Builds an accepted step from the state before, the changes, and the entries; the transaction statuses follow from the entries. */
export function step<S extends string, T extends string, E extends EventType>(
  before: MovementState<S, T>,
  change: {
    status?: S;
    cancelable?: boolean;
    entries?: EntryPlan[];
    /** Amounts of transactions this step opens, by role. */
    opens?: Partial<Record<TransactionRole, bigint>>;
    transitions?: Partial<Record<T, Date>>;
    events?: E[];
  },
): Step<S, T, E> {
  const entries = change.entries ?? [];
  const opens = change.opens ?? {};
  const statusOf = { flow: before.transactionStatus, return: before.returnTransactionStatus };
  const touched = new Map<TransactionRole, TransactionPlan>();
  for (const role of ['flow', 'return'] as const) {
    const amount = opens[role];
    if (amount === undefined) continue;
    if (statusOf[role] !== null) throw new Error(`Bug: the ${role} transaction is already open`);
    statusOf[role] = 'open';
    touched.set(role, { role, amount, status: 'open', created: true });
  }
  for (const e of entries) {
    const current = statusOf[e.transaction];
    if (current === null) throw new Error(`Bug: an entry for the ${e.transaction} transaction before it is opened`);
    if (current !== 'open') throw new Error(`Bug: an entry for the ${current} ${e.transaction} transaction`);
    if (e.transition) statusOf[e.transaction] = e.transition;
    const plan = touched.get(e.transaction);
    if (plan) plan.status = statusOf[e.transaction]!;
    else touched.set(e.transaction, { role: e.transaction, amount: null, status: statusOf[e.transaction]!, created: false });
  }
  const transitions = change.transitions ?? {};
  const state: MovementState<S, T> = {
    status: change.status ?? before.status,
    amount: before.amount,
    cancelable: change.cancelable ?? before.cancelable,
    transactionStatus: statusOf.flow,
    returnTransactionStatus: statusOf.return,
    statusTransitions: { ...before.statusTransitions, ...transitions },
  };
  return {
    ok: true,
    state,
    status: state.status,
    entries,
    transactionStatus: state.transactionStatus,
    // The flow's own transaction first, then its return: the order they were (or will be) created in.
    transactions: (['flow', 'return'] as const).flatMap((role) => touched.get(role) ?? []),
    transitions,
    events: change.events ?? [],
  };
}
