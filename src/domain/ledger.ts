// Stripe Treasury's ledger rules as plain data: which TransactionEntries each
// money flow writes, and how a financial account's balance follows from them.
// Pure on purpose: the seed, the services and the tests must all agree on one
// set of rules, and none of them should need a database to know them.

/** A change to a financial account's three sub-balances, in signed minor units. */
export type BalanceImpact = { cash: bigint; inboundPending: bigint; outboundPending: bigint };

export const ZERO_IMPACT: BalanceImpact = Object.freeze({ cash: 0n, inboundPending: 0n, outboundPending: 0n });

export function addImpacts(a: BalanceImpact, b: BalanceImpact): BalanceImpact {
  return {
    cash: a.cash + b.cash,
    inboundPending: a.inboundPending + b.inboundPending,
    outboundPending: a.outboundPending + b.outboundPending,
  };
}

export function sumImpacts(list: Iterable<BalanceImpact>): BalanceImpact {
  let total = ZERO_IMPACT;
  for (const impact of list) total = addImpacts(total, impact);
  return total;
}

/** Stripe's `treasury.transaction.status`. */
export const TRANSACTION_STATUSES = ['open', 'posted', 'void'] as const;
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];

/** Stripe's `treasury.transaction.flow_type` (and `transaction_entry.flow_type`), the full enum. */
export const FLOW_TYPES = [
  'credit_reversal',
  'debit_reversal',
  'inbound_transfer',
  'issuing_authorization',
  'other',
  'outbound_payment',
  'outbound_transfer',
  'received_credit',
  'received_debit',
] as const;
export type FlowType = (typeof FLOW_TYPES)[number];

/** Stripe's `treasury.transaction_entry.type`, the full enum. */
export const TRANSACTION_ENTRY_TYPES = [
  'credit_reversal',
  'credit_reversal_posting',
  'debit_reversal',
  'inbound_transfer',
  'inbound_transfer_return',
  'issuing_authorization_hold',
  'issuing_authorization_release',
  'other',
  'outbound_payment',
  'outbound_payment_cancellation',
  'outbound_payment_failure',
  'outbound_payment_posting',
  'outbound_payment_return',
  'outbound_transfer',
  'outbound_transfer_cancellation',
  'outbound_transfer_failure',
  'outbound_transfer_posting',
  'outbound_transfer_return',
  'received_credit',
  'received_debit',
] as const;
export type TransactionEntryType = (typeof TRANSACTION_ENTRY_TYPES)[number];

/** Stripe's three sub-balances (`balance_impact.cash`, `.inbound_pending`, `.outbound_pending`). */
export const BALANCE_TYPES = ['cash', 'inbound_pending', 'outbound_pending'] as const;
export type BalanceType = (typeof BALANCE_TYPES)[number];

/**
 * The outcomes modelled per flow type, named after the flow object's own
 * status (ReceivedCredit/InboundTransfer `succeeded`, OutboundTransfer `posted`, ...).
 */
export const FLOW_OUTCOMES = {
  received_credit: ['succeeded'],
  received_debit: ['succeeded'],
  inbound_transfer: ['succeeded'],
  outbound_transfer: ['processing', 'posted', 'canceled', 'failed', 'returned'],
  outbound_payment: ['processing', 'posted', 'canceled', 'failed', 'returned'],
} as const;

export type LedgerFlowType = keyof typeof FLOW_OUTCOMES;
export type FlowOutcome<F extends LedgerFlowType = LedgerFlowType> = (typeof FLOW_OUTCOMES)[F][number];

export interface LedgerEntry {
  type: TransactionEntryType;
  impact: BalanceImpact;
  /**
   * The status this entry moves its transaction to, if any: the entry's
   * effective time is then the transaction's `status_transitions.posted_at`
   * or `void_at`. Null for the entry that opens a transaction.
   */
  transition: 'posted' | 'void' | null;
}

export interface LedgerTransaction {
  /** Stripe-signed: negative for money leaving the account. */
  amount: bigint;
  status: TransactionStatus;
  /** In the order Stripe writes them; the first is written when the flow is created. */
  entries: LedgerEntry[];
  /** The sum of `entries`' impacts: what the transaction's `balance_impact` reports. */
  impact: BalanceImpact;
}

export interface FlowLedger extends LedgerTransaction {
  /**
   * Only for `returned` outbound flows: Stripe books the returned funds as a
   * second Transaction of the same flow (the flow's `returned_details.transaction`),
   * leaving the original one posted. Null otherwise.
   */
  returnTransaction: LedgerTransaction | null;
}

function impact(cash: bigint, outboundPending = 0n): BalanceImpact {
  return { cash, inboundPending: 0n, outboundPending };
}

function transaction(amount: bigint, status: TransactionStatus, entries: LedgerEntry[]): LedgerTransaction {
  return { amount, status, entries, impact: sumImpacts(entries.map((e) => e.impact)) };
}

/**
 * The transaction(s) a money flow of `amount` (positive minor units) produces
 * on its financial account when it ends in `outcome`.
 */
export function entriesForFlow<F extends LedgerFlowType>(flowType: F, outcome: FlowOutcome<F>, amount: bigint): FlowLedger {
  if (typeof amount !== 'bigint' || amount <= 0n) {
    throw new RangeError(`A flow's amount must be a positive bigint of minor units, got ${String(amount)}`);
  }
  const outcomes: readonly string[] | undefined = FLOW_OUTCOMES[flowType];
  if (!outcomes || !outcomes.includes(outcome)) {
    throw new TypeError(`No ledger rule for ${String(flowType)} ending ${String(outcome)}`);
  }
  const noReturn = (t: LedgerTransaction): FlowLedger => ({ ...t, returnTransaction: null });

  switch (flowType) {
    // Money arriving from outside (ACH/wire credit to the financial address,
    // or an intra-Stripe payment): Stripe posts it to cash at once.
    case 'received_credit':
      return noReturn(transaction(amount, 'posted', [{ type: 'received_credit', impact: impact(amount), transition: 'posted' }]));

    // A third party pulling money (ACH debit): posted straight out of cash.
    case 'received_debit':
      return noReturn(transaction(-amount, 'posted', [{ type: 'received_debit', impact: impact(-amount), transition: 'posted' }]));

    // The account holder pulling money in from their own external account:
    // once it succeeds, the funds land in cash and the transaction posts.
    case 'inbound_transfer':
      return noReturn(transaction(amount, 'posted', [{ type: 'inbound_transfer', impact: impact(amount), transition: 'posted' }]));

    // OutboundTransfer (to the holder's own account) and OutboundPayment (to a
    // third party) follow the same rules. On creation Stripe moves the amount
    // out of cash into outbound_pending (transaction open). Then exactly one of:
    // posting releases the hold (posted); cancellation or failure gives the
    // money back to cash (void, net impact zero); a return after posting books
    // the money back in cash in a second, posted transaction of the same flow.
    case 'outbound_transfer':
    case 'outbound_payment': {
      const prefix = flowType as 'outbound_transfer' | 'outbound_payment';
      const hold: LedgerEntry = { type: prefix, impact: impact(-amount, amount), transition: null };
      const release = (type: TransactionEntryType, transition: 'posted' | 'void', cash: bigint): LedgerEntry => ({
        type,
        impact: impact(cash, -amount),
        transition,
      });
      const posted = () => transaction(-amount, 'posted', [hold, release(`${prefix}_posting`, 'posted', 0n)]);
      switch (outcome as FlowOutcome<'outbound_transfer'>) {
        case 'processing':
          return noReturn(transaction(-amount, 'open', [hold]));
        case 'posted':
          return noReturn(posted());
        case 'canceled':
          return noReturn(transaction(-amount, 'void', [hold, release(`${prefix}_cancellation`, 'void', amount)]));
        case 'failed':
          return noReturn(transaction(-amount, 'void', [hold, release(`${prefix}_failure`, 'void', amount)]));
        case 'returned':
          return {
            ...posted(),
            returnTransaction: transaction(amount, 'posted', [
              { type: `${prefix}_return`, impact: impact(amount), transition: 'posted' },
            ]),
          };
      }
    }
  }
  // Unreachable: FLOW_OUTCOMES was checked above.
  throw new TypeError(`No ledger rule for ${String(flowType)} ending ${String(outcome)}`);
}

export type CurrencyAmount = { currency: string; amount: bigint };

/** Stripe's `treasury.financial_account.balance`, as lists sorted by currency. */
export type Balance = {
  cash: CurrencyAmount[];
  inboundPending: CurrencyAmount[];
  outboundPending: CurrencyAmount[];
};

/**
 * A financial account's balance from its entries' impacts summed per currency.
 * Stripe reports every supported currency, so those without entries show 0; a
 * currency with entries but no longer supported is still reported, since its
 * money has not gone anywhere.
 */
export function balanceFromSums(
  supportedCurrencies: string[],
  sums: Array<{ currency: string } & BalanceImpact>,
): Balance {
  const byCurrency = new Map<string, BalanceImpact>();
  for (const currency of supportedCurrencies) byCurrency.set(currency, ZERO_IMPACT);
  for (const row of sums) byCurrency.set(row.currency, addImpacts(byCurrency.get(row.currency) ?? ZERO_IMPACT, row));
  const currencies = [...byCurrency.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const list = (key: keyof BalanceImpact) => currencies.map((currency) => ({ currency, amount: byCurrency.get(currency)![key] }));
  return { cash: list('cash'), inboundPending: list('inboundPending'), outboundPending: list('outboundPending') };
}

/** The same function under the name the data model's comments use. */
export const balanceFromImpacts = balanceFromSums;
