// Transaction: Stripe's `treasury.transaction`, one flow's effect on a financial account.
import { checkEntryFilter } from '../domain/list-filters.ts';
import { TRANSACTION_STATUSES } from '../domain/ledger.ts';
import { pageRequest } from '../domain/pagination.ts';
import { BalanceImpact, IMPACT_COLUMNS, impactOf } from './balance.ts';
import { builder } from './builder.ts';
import { FlowType } from './enums.ts';
import { required } from './required.ts';
import { connectionRowColumns, reads } from './row-columns.ts';
import { stripeEnum } from './stripe-enum.ts';
import { TimeRange } from './time-range.ts';
import { FinancialAccount, Transaction, TransactionEntry } from './refs.ts';
import { TransactionEntryFilter } from './transaction-entry.ts';

export const TransactionStatus = stripeEnum('TransactionStatus', TRANSACTION_STATUSES, {
  description: 'Status of a transaction.',
  valueDescriptions: {
    open: 'The flow is in progress; its funds may still move.',
    posted: 'The flow completed; its funds moved for good.',
    void: 'The flow was canceled or failed; it left the balance as it was.',
  },
});

export const TransactionOrder = builder.enumType('TransactionOrder', {
  description: 'The time transactions are listed by, newest first (Stripe\'s `order_by`).',
  values: {
    CREATED: { value: 'createdAt' as const, description: 'When the transaction was created (default).' },
    POSTED_AT: {
      value: 'postedAt' as const,
      description: 'When the transaction posted. Only posted transactions have a place in this order: it needs `status: POSTED`.',
    },
  },
});

export const TransactionFilter = builder.inputType('TransactionFilter', {
  description:
    'Filters of a transaction list, as Stripe\'s list parameters. A `postedAt` range needs `status: POSTED` and `orderBy: POSTED_AT`; ' +
    '`orderBy: POSTED_AT` needs `status: POSTED`; a `created` range goes only with `orderBy: CREATED` (the default), never with `postedAt`.',
  fields: (t) => ({
    status: t.field({ type: TransactionStatus, required: false, description: 'Only transactions in this status.' }),
    flow: t.id({ required: false, description: 'Only transactions of this flow (e.g. an `obt_...` id).' }),
    flowType: t.field({ type: FlowType, required: false, description: 'Only transactions of this kind of flow.' }),
    created: t.field({ type: TimeRange, required: false, description: 'Only transactions created in this range.' }),
    postedAt: t.field({ type: TimeRange, required: false, description: 'Only transactions posted in this range.' }),
    orderBy: t.field({ type: TransactionOrder, required: false, description: 'The order, newest first (default CREATED).' }),
  }),
});

const TransactionStatusTransitions = builder
  .objectRef<{ postedAt: Date | null; voidAt: Date | null }>('TransactionStatusTransitions')
  .implement({
    description: 'When a transaction changed status.',
    fields: (t) => ({
      postedAt: t.expose('postedAt', { type: 'DateTime', nullable: true, description: 'When it posted; null until then.' }),
      voidAt: t.expose('voidAt', { type: 'DateTime', nullable: true, description: 'When it was voided; null unless it was.' }),
    }),
  });

export { Transaction };

builder.node(Transaction, {
  description:
    'A transaction: the effect of one money movement (flow) on a financial account\'s balance, made of transaction entries.',
  id: { resolve: (t) => t.id, description: 'Unique identifier, `trxn_...`.' },
  loadOne: (id, ctx) => ctx.loaders.transaction.load(id),
  fields: (t) => ({
    amount: t.expose('amount', {
      type: 'MinorUnits',
      description: 'Amount transferred, in minor units (cents): positive into the account, negative out of it.',
    }),
    balanceImpact: t.field({
      type: BalanceImpact,
      description: 'The change to each sub-balance: the sum of the impacts of its entries, in minor units.',
      extensions: reads(...IMPACT_COLUMNS),
      resolve: (row) => impactOf(row),
    }),
    created: t.expose('createdAt', { type: 'DateTime', description: 'When the transaction was created.' }),
    currency: t.exposeString('currency', { description: 'Three-letter ISO currency code, lowercase.' }),
    description: t.exposeString('description', { description: 'A description of the flow, fit to show to users.' }),
    financialAccount: t.field({
      type: FinancialAccount,
      description: 'The financial account whose balance it changes.',
      extensions: reads('financialAccountId'),
      resolve: (row, _args, ctx) => ctx.loaders.financialAccount.load(row.financialAccountId).then(required),
    }),
    flow: t.exposeID('flow', { description: 'Id of the flow that created the transaction (`obt_...`, `rc_...`, ...).' }),
    flowType: t.expose('flowType', { type: FlowType, description: 'The kind of flow that created the transaction.' }),
    livemode: t.exposeBoolean('livemode', { description: 'True in live mode, false in test mode.' }),
    status: t.expose('status', { type: TransactionStatus, description: 'Status of the transaction.' }),
    statusTransitions: t.field({
      type: TransactionStatusTransitions,
      description: 'When the transaction changed status.',
      extensions: reads('postedAt', 'voidAt'),
      resolve: (row) => ({ postedAt: row.postedAt, voidAt: row.voidAt }),
    }),
    entries: t.connection({
      type: TransactionEntry,
      description: 'The entries that make up this transaction, newest first.',
      args: { filter: t.arg({ type: TransactionEntryFilter, required: false }) },
      extensions: reads(),
      resolve: (row, args, ctx, info) => {
        const order = checkEntryFilter(args.filter);
        return ctx.loaders.entriesPage(
          { column: 'transactionId', id: row.id },
          args.filter,
          order,
          pageRequest(args, order),
          connectionRowColumns(info),
        );
      },
    }),
  }),
});

builder.queryField('transaction', (t) =>
  t.field({
    type: Transaction,
    nullable: true,
    description: 'A transaction by id; null when it does not exist or is outside your scope.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.loaders.transaction.load(args.id),
  }),
);
