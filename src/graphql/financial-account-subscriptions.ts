// Live updates of financial accounts, fed by the event log.
import { required } from './required.ts';
import { builder } from './builder.ts';
import { FinancialAccount } from './financial-account.ts';
import { liveEvents, onEvent } from './live.ts';

/** A subscription to one event type of financial accounts, resolving to the account as it is now. */
function financialAccountSubscription(field: string, eventType: string, description: string) {
  builder.subscriptionField(field, (t) =>
    t.field({
      type: FinancialAccount,
      description,
      args: {
        financialAccount: t.arg.id({
          required: false,
          description: 'Only this financial account (`fa_...`); default every one you may see.',
        }),
      },
      subscribe: (_root, args, ctx) => liveEvents(ctx, { types: [eventType], objectId: args.financialAccount ?? null }),
      resolve: (payload, _args, ctx) => onEvent(payload, (event) => ctx.loaders.financialAccount.load(event.objectId).then(required)),
    }),
  );
}

financialAccountSubscription(
  'financialAccountFeaturesStatusUpdated',
  'treasury.financial_account.features_status_updated',
  'The financial account, each time one of its features changes status (Stripe\'s `treasury.financial_account.features_status_updated`).',
);
financialAccountSubscription(
  'financialAccountCreated',
  'treasury.financial_account.created',
  'Each financial account you may see, as it is created.',
);
financialAccountSubscription(
  'financialAccountClosed',
  'treasury.financial_account.closed',
  'Each financial account you may see, as it closes.',
);
