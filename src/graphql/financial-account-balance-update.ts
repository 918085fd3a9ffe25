// FinancialAccountBalanceUpdate: a financial account's balance right after one
// transaction changed it, live. Each update is the gateway's own
// `treasury.financial_account.balance_updated` event, written with the change
// and carrying the balance read in the same database transaction, so a client
// sees every intermediate balance, in order, never one read later; and the
// event stream's replay and scope apply as for every subscription.
import type { EventRecord } from '../events/event-bus.ts';
import { balanceFromSums } from '../domain/ledger.ts';
import { Balance, type BalanceShape } from './balance.ts';
import { builder } from './builder.ts';
import { FinancialAccount } from './financial-account.ts';
import { liveEvents, onEvent } from './live.ts';
import { required } from './required.ts';
import { Transaction } from './transaction.ts';

interface BalanceUpdate {
  event: EventRecord;
  balance: BalanceShape;
}

const FinancialAccountBalanceUpdate = builder.objectRef<BalanceUpdate>('FinancialAccountBalanceUpdate').implement({
  description: 'A financial account\'s balance right after one transaction changed it.',
  fields: (t) => ({
    financialAccount: t.field({
      type: FinancialAccount,
      description: 'The financial account, as it is now.',
      resolve: (u, _args, ctx) => ctx.loaders.financialAccount.load(u.event.objectId).then(required),
    }),
    transaction: t.field({
      type: Transaction,
      description: 'The transaction whose change this is.',
      resolve: (u, _args, ctx) => ctx.loaders.transaction.load((u.event.data as unknown as { transaction: string }).transaction).then(required),
    }),
    balance: t.field({ type: Balance, description: 'The balance right after that change (not as it is now).', resolve: (u) => u.balance }),
  }),
});

/** The balance snapshot an event carries, in Stripe's shape (`{ cash: { usd: 100 } }`), as lists of amounts. */
function balanceOf(event: EventRecord): BalanceShape {
  const object = (event.data as unknown as { object: { supported_currencies: string[]; balance: Record<string, Record<string, number>> } }).object;
  const currencies = new Set([...object.supported_currencies, ...Object.keys(object.balance.cash ?? {})]);
  const sums = [...currencies].map((currency) => ({
    currency,
    cash: BigInt(object.balance.cash?.[currency] ?? 0),
    inboundPending: BigInt(object.balance.inbound_pending?.[currency] ?? 0),
    outboundPending: BigInt(object.balance.outbound_pending?.[currency] ?? 0),
  }));
  return balanceFromSums(object.supported_currencies, sums);
}

builder.subscriptionField('financialAccountBalanceUpdated', (t) =>
  t.field({
    type: FinancialAccountBalanceUpdate,
    description:
      'Each change to a financial account\'s balance, as it is committed: the transaction that made it and the balance right after it ' +
      '(from the gateway\'s own `treasury.financial_account.balance_updated` events).',
    args: { financialAccount: t.arg.id({ required: true, description: 'The financial account (`fa_...`).' }) },
    subscribe: (_root, args, ctx) =>
      liveEvents(ctx, { types: ['treasury.financial_account.balance_updated'], objectId: args.financialAccount }),
    resolve: (payload, _args, ctx) => onEvent(payload, (event) => ({ event, balance: balanceOf(event) })),
  }),
);
