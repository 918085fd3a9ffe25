// Balances and balance impacts: signed integer minor units per currency.
import { builder } from './builder.ts';
import type { BalanceImpact as Impact } from '../domain/ledger.ts';

export interface BalanceShape {
  cash: Array<{ currency: string; amount: bigint }>;
  inboundPending: Array<{ currency: string; amount: bigint }>;
  outboundPending: Array<{ currency: string; amount: bigint }>;
}

export const BalanceAmount = builder.objectRef<{ currency: string; amount: bigint }>('BalanceAmount').implement({
  description: 'An amount in one currency.',
  fields: (t) => ({
    currency: t.exposeString('currency', { description: 'Three-letter ISO currency code, lowercase (e.g. usd).' }),
    amount: t.expose('amount', { type: 'MinorUnits', description: 'Signed amount in minor units (cents for usd).' }),
  }),
});

export const Balance = builder.objectRef<BalanceShape>('Balance').implement({
  description:
    'A financial account\'s balance, per currency. Each sub-balance is the sum of the balance impacts of the ' +
    'account\'s transaction entries.',
  fields: (t) => ({
    cash: t.field({
      type: [BalanceAmount],
      description: 'Funds the account can spend right now, in minor units.',
      resolve: (b) => b.cash,
    }),
    inboundPending: t.field({
      type: [BalanceAmount],
      description: 'Funds not spendable yet that will become available later, in minor units.',
      resolve: (b) => b.inboundPending,
    }),
    outboundPending: t.field({
      type: [BalanceAmount],
      description: 'Funds in the account held for pending outbound flows, not spendable, in minor units.',
      resolve: (b) => b.outboundPending,
    }),
  }),
});

export const BalanceImpact = builder.objectRef<Impact>('BalanceImpact').implement({
  description: 'The change a transaction or entry makes to each sub-balance, in signed minor units.',
  fields: (t) => ({
    cash: t.expose('cash', { type: 'MinorUnits', description: 'Change to funds spendable now (minor units; negative is a debit).' }),
    inboundPending: t.expose('inboundPending', {
      type: 'MinorUnits',
      description: 'Change to funds not yet spendable that will become available (minor units).',
    }),
    outboundPending: t.expose('outboundPending', {
      type: 'MinorUnits',
      description: 'Change to funds held for pending outbound flows (minor units).',
    }),
  }),
});

/** The impact columns of a Transaction or TransactionEntry row. */
/** The row columns impactOf reads. */
export const IMPACT_COLUMNS = ['cashImpact', 'inboundPendingImpact', 'outboundPendingImpact'];

export function impactOf(row: { cashImpact: bigint; inboundPendingImpact: bigint; outboundPendingImpact: bigint }): Impact {
  return { cash: row.cashImpact, inboundPending: row.inboundPendingImpact, outboundPending: row.outboundPendingImpact };
}
