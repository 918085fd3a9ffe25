// The mutations of financial accounts: create, update (metadata, nickname,
// features, platform restrictions) and close.
import { PLATFORM_RESTRICTIONS } from '../domain/financial-accounts.ts';
import { builder } from './builder.ts';
import { FinancialAccount, FinancialAccountFeature } from './financial-account.ts';
import { stripeEnum } from './stripe-enum.ts';
import { asPayload, objectPayload } from './user-error.ts';

const FeatureRequestInput = builder.inputType('FinancialAccountFeatureRequest', {
  description: 'Whether the financial account should have a feature (Stripe\'s `features[...][requested]`).',
  fields: (t) => ({
    feature: t.field({ type: FinancialAccountFeature, required: true }),
    requested: t.boolean({ required: true, description: 'True to request the feature, false to give it up.' }),
  }),
});

const RestrictionInput = stripeEnum('PlatformRestrictionInput', PLATFORM_RESTRICTIONS, {
  description: 'Whether the platform restricts a kind of money movement.',
});

const PlatformRestrictionsInput = builder.inputType('PlatformRestrictionsInput', {
  description: 'Money movements the platform restricts (platform secret key only).',
  fields: (t) => ({
    inboundFlows: t.field({ type: RestrictionInput, required: false, description: 'Restrict all inbound money movement.' }),
    outboundFlows: t.field({ type: RestrictionInput, required: false, description: 'Restrict all outbound money movement.' }),
  }),
});

const CreateFinancialAccountInput = builder.inputType('CreateFinancialAccountInput', {
  fields: (t) => ({
    account: t.id({
      required: false,
      description: 'The connected account to open it for (`acct_...`); default the account you act as, or the platform itself.',
    }),
    supportedCurrencies: t.stringList({ required: true, description: 'The currencies it can hold; `usd` only today.' }),
    features: t.field({ type: [FeatureRequestInput], required: false, description: 'Features to request.' }),
    metadata: t.field({ type: 'Metadata', required: false, description: 'Key-value pairs to attach.' }),
    nickname: t.string({ required: false, description: 'A name unique among the account\'s financial accounts, under 250 characters.' }),
    platformRestrictions: t.field({ type: PlatformRestrictionsInput, required: false }),
    idempotencyKey: t.string({
      required: false,
      description: 'Stripe\'s Idempotency-Key: a replay with the same key and input returns the first result and creates nothing.',
    }),
  }),
});

const UpdateFinancialAccountInput = builder.inputType('UpdateFinancialAccountInput', {
  fields: (t) => ({
    financialAccount: t.id({ required: true, description: 'The financial account (`fa_...`).' }),
    features: t.field({ type: [FeatureRequestInput], required: false, description: 'Features to request or give up.' }),
    metadata: t.field({ type: 'Metadata', required: false, description: 'Keys to set; an empty value removes its key.' }),
    nickname: t.string({ required: false, description: 'A new nickname; null removes it.' }),
    platformRestrictions: t.field({ type: PlatformRestrictionsInput, required: false }),
  }),
});

const CloseFinancialAccountInput = builder.inputType('CloseFinancialAccountInput', {
  fields: (t) => ({
    financialAccount: t.id({ required: true, description: 'The financial account (`fa_...`) to close.' }),
  }),
});

const FinancialAccountPayload = (name: string) =>
  objectPayload(name, {
    field: 'financialAccount',
    label: 'financial account',
    type: FinancialAccount,
    load: (ctx, id) => ctx.loaders.financialAccount.load(id),
  });

builder.mutationFields((t) => ({
  createFinancialAccount: t.field({
    type: FinancialAccountPayload('CreateFinancialAccountPayload'),
    description:
      'Opens a financial account. Requested features start PENDING and become ACTIVE shortly after (an event ' +
      '`treasury.financial_account.features_status_updated` reports it) when the account\'s capabilities allow.',
    args: { input: t.arg({ type: CreateFinancialAccountInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      asPayload(ctx, async () => {
        const { idempotencyKey, ...fields } = input;
        return ctx.services.financialAccounts.create(ctx.viewer, fields, idempotencyKey);
      }),
  }),
  updateFinancialAccount: t.field({
    type: FinancialAccountPayload('UpdateFinancialAccountPayload'),
    description: 'Changes metadata, nickname, requested features or platform restrictions. A closed account cannot change.',
    args: { input: t.arg({ type: UpdateFinancialAccountInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      asPayload(ctx, () => ctx.services.financialAccounts.update(ctx.viewer, input)),
  }),
  closeFinancialAccount: t.field({
    type: FinancialAccountPayload('CloseFinancialAccountPayload'),
    description:
      'Closes a financial account whose balance is zero in every sub-balance. It never reopens; its transactions stay readable, ' +
      'and it no longer counts toward the limit of open financial accounts.',
    args: { input: t.arg({ type: CloseFinancialAccountInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      asPayload(ctx, () => ctx.services.financialAccounts.close(ctx.viewer, input)),
  }),
}));
