// Platform: the Stripe account that owns the connected accounts and the API keys.
import type { Account } from '../db/generated/client.ts';
import { checkFinancialAccountFilter } from '../domain/list-filters.ts';
import { pageRequest } from '../domain/pagination.ts';
import { isPlatformWide } from '../domain/viewer.ts';
import { builder } from './builder.ts';
import { FinancialAccount, FinancialAccountFilter } from './financial-account.ts';

export const Platform = builder.objectRef<Account>('Platform').implement({
  description: 'The platform: the Stripe account whose connected accounts this API serves.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The platform\'s account id, `acct_...`.' }),
    country: t.exposeString('country', { description: 'Two-letter ISO country code.' }),
    created: t.expose('createdAt', { type: 'DateTime', description: 'When the platform account was created.' }),
    displayName: t.exposeString('displayName', { nullable: true, description: 'The platform\'s business name.' }),
    financialAccounts: t.connection({
      type: FinancialAccount,
      description: 'The platform\'s own financial accounts, newest first.',
      args: { filter: t.arg({ type: FinancialAccountFilter, required: false }) },
      resolve: (row, args, ctx) => {
        const order = checkFinancialAccountFilter(args.filter);
        return ctx.loaders.financialAccountsPage(row.id, args.filter, pageRequest(args, order));
      },
    }),
  }),
});

builder.queryField('platform', (t) =>
  t.field({
    type: Platform,
    nullable: true,
    description: 'The platform you act for; null when you act as one connected account.',
    resolve: (_root, _args, ctx) => (isPlatformWide(ctx.viewer) ? ctx.loaders.platform.load(ctx.viewer.platformId) : null),
  }),
);
