// Rows of the ledger: a transaction and its entries, written from the ledger
// rules in src/domain/ledger.ts so their impacts always agree.
import type { Prisma } from './generated/client.ts';
import { newId, type IdType } from '../domain/ids.ts';
import type { LedgerFlowType, LedgerTransaction } from '../domain/ledger.ts';

// The object type behind each flow, whose id prefix its flow id carries (obt_, rc_, ...).
const FLOW_ID_TYPE: Record<LedgerFlowType, IdType> = {
  received_credit: 'ReceivedCredit',
  received_debit: 'ReceivedDebit',
  inbound_transfer: 'InboundTransfer',
  outbound_transfer: 'OutboundTransfer',
  outbound_payment: 'OutboundPayment',
};

/** A new id for a flow of this type. */
export function newFlowId(type: LedgerFlowType): string {
  return newId(FLOW_ID_TYPE[type]);
}

/** The scope columns every ledger row carries. */
export interface LedgerScope {
  platformId: string;
  accountId: string;
  financialAccountId: string;
}

export interface LedgerRows {
  transactions: Prisma.TransactionCreateManyInput[];
  entries: Prisma.TransactionEntryCreateManyInput[];
}

/**
 * Writes one ledger transaction and its entries. The first entry happens at
 * `openedAt`, the transition entry (posting, cancellation, ...) at `settledAt`.
 */
export function pushTransaction(
  rows: LedgerRows,
  scope: LedgerScope,
  ledger: LedgerTransaction,
  flow: { id: string; type: LedgerFlowType },
  description: string,
  openedAt: Date,
  settledAt: Date,
): void {
  const transactionId = newId('Transaction');
  let postedAt: Date | null = null;
  let voidAt: Date | null = null;
  ledger.entries.forEach((entry, index) => {
    const at = index === 0 ? openedAt : settledAt;
    if (entry.transition === 'posted') postedAt = at;
    if (entry.transition === 'void') voidAt = at;
    rows.entries.push({
      id: newId('TransactionEntry'),
      ...scope,
      transactionId,
      livemode: false,
      currency: 'usd',
      cashImpact: entry.impact.cash,
      inboundPendingImpact: entry.impact.inboundPending,
      outboundPendingImpact: entry.impact.outboundPending,
      effectiveAt: at,
      type: entry.type,
      flow: flow.id,
      flowType: flow.type,
      createdAt: at,
    });
  });
  rows.transactions.push({
    id: transactionId,
    ...scope,
    livemode: false,
    amount: ledger.amount,
    currency: 'usd',
    description,
    status: ledger.status,
    postedAt,
    voidAt,
    flow: flow.id,
    flowType: flow.type,
    cashImpact: ledger.impact.cash,
    inboundPendingImpact: ledger.impact.inboundPending,
    outboundPendingImpact: ledger.impact.outboundPending,
    createdAt: openedAt,
  });
}
