// What every money movement's service does with a step of its state machine
// (src/domain/money-movements): open the transactions the step opens and
// append the entries it lists, through the ledger writer, then report the
// account's balance as it stands right after, in the same database
// transaction. The caller holds the financial account's row lock, so the
// balance read here is exactly the one this step left (no later change can
// slip in before the commit).
import type { FeatureSetting, FinancialAccount, Transaction } from '../db/generated/client.ts';
import type { TransactionClient } from '../db/client.ts';
import { featureSettingsOf } from '../db/features.ts';
import { loadFinancialAccountState } from '../db/financial-accounts.ts';
import { appendEntries, openTransaction } from '../db/ledger.ts';
import type { EventType } from '../domain/event-types.ts';
import type { EmittableEventType, PayloadOf } from '../events/catalogue.ts';
import type { Feature } from '../domain/features.ts';
import type { FlowAccountContext } from '../domain/flows.ts';
import { balanceFromSums, type Balance, type FlowType } from '../domain/ledger.ts';
import type { Step, TransactionRole } from '../domain/money-movements/index.ts';
import type { ChangeSet } from './unit-of-work.ts';

export interface StepLedger {
  /** Ids of the flow's transactions after the step (null while it has none). */
  transactions: Record<TransactionRole, string | null>;
  /** The transaction the step's last entry went to: what changed the balance; null when the step wrote no entry. */
  changed: Transaction | null;
}

/** Writes a step's transactions and entries; `existing` are the flow's transactions before it. */
export async function writeStep(
  tx: TransactionClient,
  account: FinancialAccount,
  step: Step<string, string, EventType>,
  flow: { id: string; type: FlowType; currency: string; description: string; at: Date },
  existing: Partial<Record<TransactionRole, string | null>> = {},
): Promise<StepLedger> {
  const ids: Record<TransactionRole, string | null> = { flow: existing.flow ?? null, return: existing.return ?? null };
  const written = new Map<TransactionRole, Transaction>();
  const entriesOf = (role: TransactionRole, from = 0, to = step.entries.length) =>
    step.entries
      .slice(from, to)
      .filter((entry) => entry.transaction === role)
      .map(({ type, impact, transition }) => ({ type, impact, transition, at: flow.at }));
  // A transaction the step opens is written with its entries of the step, in one statement.
  const opens = new Set<TransactionRole>();
  for (const plan of step.transactions) {
    if (!plan.created) continue;
    opens.add(plan.role);
    const opened = await openTransaction(
      tx,
      { financialAccount: account, currency: flow.currency, amount: plan.amount!, description: flow.description, flow: { id: flow.id, type: flow.type }, at: flow.at },
      entriesOf(plan.role),
    );
    ids[plan.role] = opened.id;
    written.set(plan.role, opened);
  }
  // Entries for the flow's earlier transactions: consecutive ones of one transaction go in one append, in the step's order.
  for (let i = 0; i < step.entries.length; ) {
    const role = step.entries[i].transaction;
    let j = i;
    while (j < step.entries.length && step.entries[j].transaction === role) j++;
    const id = ids[role];
    if (!id) throw new Error(`Bug: an entry for the ${role} transaction of ${flow.id}, which has none`);
    if (!opens.has(role)) written.set(role, await appendEntries(tx, id, entriesOf(role, i, j)));
    i = j;
  }
  const last = step.entries.at(-1);
  const changed = last ? (written.get(last.transaction) ?? null) : null;
  return { transactions: ids, changed };
}

/**
 * How a movement reports its row under one of its own event types: `changes.emit(type, row)`, written once per
 * movement with its row and event types named, so the compiler checks that the catalogue carries that row for
 * each of them.
 */
export type EmitMovement<Row, E extends EventType> = (changes: ChangeSet, type: E, row: Row) => void;

/** The emitter of a movement whose event types `E` all carry its row (the catalogue's payload for them). */
export function movementEmitter<E extends EmittableEventType>(): EmitMovement<PayloadOf<E>, E> {
  return (changes, type, row) => changes.emit(type, row);
}

/**
 * The tail of every step of every movement: the step's events in order, each with the movement's row as stored
 * after the step, then the balance the step left (when it wrote an entry), all in the step's transaction.
 */
export async function emitStep<Row, E extends EventType>(
  tx: TransactionClient,
  changes: ChangeSet,
  account: FinancialAccount,
  step: { events: readonly E[] },
  row: Row,
  emit: EmitMovement<Row, E>,
  changed: Transaction | null,
): Promise<void> {
  for (const type of step.events) emit(changes, type, row);
  await emitBalanceUpdated(tx, changes, account, changed);
}

/**
 * The gateway's own `treasury.financial_account.balance_updated`: the account's
 * balance read now, inside the transaction and under the account's row lock
 * (the balance table follows the entries by trigger), so each change's event
 * carries the balance it left, not one read later.
 */
export async function emitBalanceUpdated(tx: TransactionClient, changes: ChangeSet, account: FinancialAccount, transaction: Transaction | null) {
  if (!transaction) return;
  changes.emit('treasury.financial_account.balance_updated', { state: await loadFinancialAccountState(tx, account), transaction });
}

/** What checkFlowAllowed needs to know of an account. */
export async function flowContext(tx: TransactionClient, account: FinancialAccount): Promise<FlowAccountContext> {
  return contextOf(account, await featureSettingsOf(tx, account.id));
}

/** What a movement that takes money out checks of its account: checkFlowAllowed's context and the balance, read in one statement. */
export interface FlowStanding {
  context: FlowAccountContext;
  balance: Balance;
}

export async function flowStanding(tx: TransactionClient, account: FinancialAccount): Promise<FlowStanding> {
  const { features, balanceSums } = await loadFinancialAccountState(tx, account);
  return { context: contextOf(account, features), balance: balanceFromSums(account.supportedCurrencies, balanceSums) };
}

function contextOf(account: FinancialAccount, features: FeatureSetting[]): FlowAccountContext {
  return {
    open: account.status === 'open',
    activeFeatures: new Set(features.filter((f) => f.requested && f.status === 'active').map((f) => f.feature as Feature)),
    restrictions: { inboundFlows: account.inboundFlows, outboundFlows: account.outboundFlows },
  };
}
