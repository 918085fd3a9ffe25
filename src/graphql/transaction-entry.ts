// TransactionEntry: Stripe's `treasury.transaction_entry`, one change to a financial account's sub-balances.
import { TRANSACTION_ENTRY_TYPES } from '../domain/ledger.ts';
import { BalanceImpact, IMPACT_COLUMNS, impactOf } from './balance.ts';
import { builder } from './builder.ts';
import { FlowType } from './enums.ts';
import { stripeEnum } from './stripe-enum.ts';
import { TimeRange } from './time-range.ts';
import { required } from './required.ts';
import { objectRowColumns, reads } from './row-columns.ts';
import { FinancialAccount, Transaction, TransactionEntry } from './refs.ts';

export const TransactionEntryType = stripeEnum('TransactionEntryType', TRANSACTION_ENTRY_TYPES, {
  description: 'The specific money movement step that generated a transaction entry.',
});

export const TransactionEntryOrder = builder.enumType('TransactionEntryOrder', {
  description: 'The time entries are listed by, newest first (Stripe\'s `order_by`).',
  values: {
    CREATED: { value: 'createdAt' as const, description: 'When the entry was created (default).' },
    EFFECTIVE_AT: { value: 'effectiveAt' as const, description: 'When the entry affects the balance.' },
  },
});

export const TransactionEntryFilter = builder.inputType('TransactionEntryFilter', {
  description:
    'Filters of a transaction entry list, as Stripe\'s list parameters. A `created` range goes only with `orderBy: CREATED` (the default), ' +
    'an `effectiveAt` range only with `orderBy: EFFECTIVE_AT`; not both.',
  fields: (t) => ({
    transaction: t.id({ required: false, description: 'Only entries of this transaction (`trxn_...`).' }),
    created: t.field({ type: TimeRange, required: false, description: 'Only entries created in this range.' }),
    effectiveAt: t.field({ type: TimeRange, required: false, description: 'Only entries effective in this range.' }),
    orderBy: t.field({ type: TransactionEntryOrder, required: false, description: 'The order, newest first (default CREATED).' }),
  }),
});

export { TransactionEntry };

builder.node(TransactionEntry, {
  description: 'A transaction entry: one change to a financial account\'s sub-balances, part of a transaction.',
  id: { resolve: (e) => e.id, description: 'Unique identifier, `trxne_...`.' },
  loadOne: (id, ctx) => ctx.loaders.transactionEntry.load(id),
  fields: (t) => ({
    balanceImpact: t.field({
      type: BalanceImpact,
      description: 'The change this entry makes to each sub-balance, in signed minor units.',
      extensions: reads(...IMPACT_COLUMNS),
      resolve: (row) => impactOf(row),
    }),
    created: t.expose('createdAt', { type: 'DateTime', description: 'When the entry was created.' }),
    currency: t.exposeString('currency', { description: 'Three-letter ISO currency code, lowercase.' }),
    effectiveAt: t.expose('effectiveAt', { type: 'DateTime', description: 'When the entry affects the balance.' }),
    financialAccount: t.field({
      type: FinancialAccount,
      description: 'The financial account whose balance it changes.',
      extensions: reads('financialAccountId'),
      resolve: (row, _args, ctx) => ctx.loaders.financialAccount.load(row.financialAccountId).then(required),
    }),
    flow: t.exposeID('flow', { description: 'Id of the flow the entry belongs to.' }),
    flowType: t.expose('flowType', { type: FlowType, description: 'The kind of flow the entry belongs to.' }),
    livemode: t.exposeBoolean('livemode', { description: 'True in live mode, false in test mode.' }),
    transaction: t.field({
      type: Transaction,
      description: 'The transaction this entry is part of.',
      extensions: reads('transactionId'),
      resolve: (row, _args, ctx, info) => ctx.loaders.transaction.loadWith(row.transactionId, objectRowColumns(info)).then(required),
    }),
    type: t.expose('type', { type: TransactionEntryType, description: 'The money movement step that made this entry.' }),
  }),
});

builder.queryField('transactionEntry', (t) =>
  t.field({
    type: TransactionEntry,
    nullable: true,
    description: 'A transaction entry by id; null when it does not exist or is outside your scope.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.loaders.transactionEntry.load(args.id),
  }),
);
