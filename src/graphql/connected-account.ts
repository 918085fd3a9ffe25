// ConnectedAccount: a business on the platform (a Stripe Connect account).
import type { AccountCapability } from '../db/generated/client.ts';
import { checkFinancialAccountFilter } from '../domain/list-filters.ts';
import { pageRequest } from '../domain/pagination.ts';
import { builder } from './builder.ts';
import { FinancialAccountFilter } from './financial-account.ts';
import { ConnectedAccount, FinancialAccount } from './refs.ts';
import { stripeEnum } from './stripe-enum.ts';
import { asPayload, objectPayload } from './user-error.ts';
import { CAPABILITIES, CAPABILITY_STATUSES } from '../domain/features.ts';

export const CapabilityName = stripeEnum('CapabilityName', CAPABILITIES, {
  description: 'A Stripe capability that Treasury features depend on.',
});

export const CapabilityStatus = stripeEnum('CapabilityStatus', CAPABILITY_STATUSES, {
  description: 'Whether a capability can be used.',
  valueDescriptions: {
    active: 'The account can use it.',
    inactive: 'The account cannot use it (not onboarded, or rejected).',
    pending: 'Stripe is verifying the account\'s information.',
  },
});

const Capability = builder.objectRef<AccountCapability>('Capability').implement({
  description: 'A capability of a connected account and its status.',
  fields: (t) => ({
    name: t.expose('name', { type: CapabilityName, description: 'The capability.' }),
    requested: t.exposeBoolean('requested', { description: 'Whether the platform requested it.' }),
    status: t.expose('status', { type: CapabilityStatus, description: 'Whether it can be used.' }),
  }),
});

export { ConnectedAccount };

builder.node(ConnectedAccount, {
  description: 'A connected account: a business on the platform that can own financial accounts.',
  id: { resolve: (a) => a.id, description: 'Unique identifier, `acct_...`.' },
  loadOne: (id, ctx) => ctx.loaders.connectedAccount.load(id),
  fields: (t) => ({
    capabilities: t.field({
      type: [Capability],
      description: 'The capabilities requested for the account, with their status.',
      resolve: (row, _args, ctx) => ctx.loaders.capabilities.load(row.id),
    }),
    country: t.exposeString('country', { description: 'Two-letter ISO country code.' }),
    created: t.expose('createdAt', { type: 'DateTime', description: 'When the account was created.' }),
    displayName: t.exposeString('displayName', { nullable: true, description: 'The business name shown to users.' }),
    email: t.exposeString('email', { nullable: true, description: 'The account\'s email address.' }),
    livemode: t.exposeBoolean('livemode', { description: 'True in live mode, false in test mode.' }),
    metadata: t.field({
      type: 'Metadata',
      description: 'Key-value pairs the platform attached to the account.',
      resolve: (row) => row.metadata as Record<string, string>,
    }),
    financialAccounts: t.connection({
      type: FinancialAccount,
      description: 'The account\'s financial accounts, newest first.',
      args: { filter: t.arg({ type: FinancialAccountFilter, required: false }) },
      resolve: (row, args, ctx) => {
        const order = checkFinancialAccountFilter(args.filter);
        return ctx.loaders.financialAccountsPage(row.id, args.filter, pageRequest(args, order));
      },
    }),
  }),
});

builder.queryFields((t) => ({
  connectedAccount: t.field({
    type: ConnectedAccount,
    nullable: true,
    description: 'A connected account by id; null when it does not exist or is outside your scope.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.loaders.connectedAccount.load(args.id),
  }),
  connectedAccounts: t.connection({
    type: ConnectedAccount,
    description: 'The platform\'s connected accounts, newest first (for an account\'s own credential, just that account).',
    resolve: (_root, args, ctx) => ctx.loaders.connectedAccountsPage(pageRequest(args, 'createdAt')),
  }),
}));

const CapabilityInput = builder.inputType('CapabilityInput', {
  description: 'A capability to request, and (standing in for Stripe\'s onboarding) its status.',
  fields: (t) => ({
    name: t.field({ type: CapabilityName, required: true }),
    status: t.field({
      type: CapabilityStatus,
      required: false,
      description: 'The onboarding status; a newly requested capability is INACTIVE unless given.',
    }),
  }),
});

const CreateConnectedAccountInput = builder.inputType('CreateConnectedAccountInput', {
  fields: (t) => ({
    displayName: t.string({ required: false, description: 'The business name shown to users (at most 200 characters).' }),
    email: t.string({ required: false, description: 'The account\'s email address.' }),
    country: t.string({ required: false, description: 'Two-letter ISO country code; default US.' }),
    metadata: t.field({ type: 'Metadata', required: false, description: 'Key-value pairs to attach.' }),
    capabilities: t.field({ type: [CapabilityInput], required: false, description: 'Capabilities to request.' }),
    idempotencyKey: t.string({
      required: false,
      description: 'Stripe\'s Idempotency-Key: a replay with the same key and input returns the first result and creates nothing.',
    }),
  }),
});

const UpdateConnectedAccountInput = builder.inputType('UpdateConnectedAccountInput', {
  fields: (t) => ({
    account: t.id({ required: true, description: 'The connected account (`acct_...`).' }),
    displayName: t.string({ required: false, description: 'A new business name; null removes it.' }),
    email: t.string({ required: false, description: 'A new email address; null removes it.' }),
    country: t.string({ required: false, description: 'A new two-letter ISO country code.' }),
    metadata: t.field({ type: 'Metadata', required: false, description: 'Keys to set; an empty value removes its key, and an empty object ({}) removes every key.' }),
    capabilities: t.field({
      type: [CapabilityInput],
      required: false,
      description: 'Capabilities to request or whose status changes; the features of the account\'s financial accounts follow.',
    }),
  }),
});

const ConnectedAccountPayload = (name: string) =>
  objectPayload(name, {
    field: 'connectedAccount',
    label: 'connected account',
    type: ConnectedAccount,
    load: (ctx, id) => ctx.loaders.connectedAccount.load(id),
  });

builder.mutationFields((t) => ({
  createConnectedAccount: t.field({
    type: ConnectedAccountPayload('CreateConnectedAccountPayload'),
    description: 'Creates a connected account (platform secret key only).',
    args: { input: t.arg({ type: CreateConnectedAccountInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      asPayload(ctx, async () => {
        const { idempotencyKey, ...fields } = input;
        return ctx.services.connectedAccounts.create(ctx.viewer, fields, idempotencyKey);
      }),
  }),
  updateConnectedAccount: t.field({
    type: ConnectedAccountPayload('UpdateConnectedAccountPayload'),
    description:
      'Updates a connected account (platform secret key only). Changing a capability\'s status stands in for Stripe\'s ' +
      'onboarding: the features of the account\'s financial accounts follow it.',
    args: { input: t.arg({ type: UpdateConnectedAccountInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      asPayload(ctx, () => ctx.services.connectedAccounts.update(ctx.viewer, input)),
  }),
}));
