// FinancialAccount: Stripe's `treasury.financial_account`, with its features,
// financial addresses, balance and the lists of its money movements; its root
// queries, mutations and subscriptions beside it.
import type { FeatureSetting, FinancialAccount as FinancialAccountRow, FinancialAddress as AddressRow } from '../db/generated/client.ts';
import { balanceFromSums } from '../domain/ledger.ts';
import { checkEntryFilter, checkFinancialAccountFilter, checkTransactionFilter } from '../domain/list-filters.ts';
import { pageRequest } from '../domain/pagination.ts';
import { maySeeAccountNumbers } from '../domain/viewer.ts';
import {
  FINANCIAL_ACCOUNT_CLOSED_REASONS,
  FINANCIAL_ACCOUNT_STATUSES,
  FINANCIAL_ADDRESS_TYPES,
  PLATFORM_RESTRICTIONS,
} from '../domain/financial-accounts.ts';
import {
  FEATURES,
  FEATURE_STATUSES,
  STATUS_DETAIL_CODES,
  STATUS_DETAIL_RESOLUTIONS,
  STATUS_DETAIL_RESTRICTIONS,
  type StatusDetail,
} from '../domain/features.ts';
import type { Context } from '../context.ts';
import { Balance } from './balance.ts';
import { builder } from './builder.ts';
import { liveEvents, onEvent } from './live.ts';
import { required } from './required.ts';
import { connectionRowColumns } from './row-columns.ts';
import { stripeEnum } from './stripe-enum.ts';
import { TimeRange } from './time-range.ts';
import { ConnectedAccount, FinancialAccount, Transaction, TransactionEntry } from './refs.ts';
import { TransactionFilter } from './transaction.ts';
import { TransactionEntryFilter } from './transaction-entry.ts';
import { asPayload, objectPayload } from './user-error.ts';

export const FinancialAccountStatus = stripeEnum('FinancialAccountStatus', FINANCIAL_ACCOUNT_STATUSES, {
  description: 'Status of a financial account.',
});

const ClosedReason = stripeEnum('FinancialAccountClosedReason', FINANCIAL_ACCOUNT_CLOSED_REASONS, {
  description: 'Why a financial account was closed.',
});

const PlatformRestrictionStatus = stripeEnum('PlatformRestrictionStatus', PLATFORM_RESTRICTIONS, {
  description: 'Whether the platform restricts a kind of money movement.',
});

export const FinancialAccountFeature = stripeEnum('FinancialAccountFeature', FEATURES, {
  description:
    'A feature of a financial account, as a path in Stripe\'s features hash (`financial_addresses.aba` → FINANCIAL_ADDRESSES_ABA).',
});

const FeatureStatus = stripeEnum('FinancialAccountFeatureStatus', FEATURE_STATUSES, {
  description: 'Whether a feature is operational.',
});

const FeatureStatusDetailCode = stripeEnum('FeatureStatusDetailCode', STATUS_DETAIL_CODES, {
  description: 'Why a feature is pending or restricted.',
});

const FeatureStatusDetailResolution = stripeEnum(
  'FeatureStatusDetailResolution',
  STATUS_DETAIL_RESOLUTIONS,
  { description: 'What the account should do, if anything, to activate the feature.' },
);

const FeatureStatusDetailRestriction = stripeEnum('FeatureStatusDetailRestriction', STATUS_DETAIL_RESTRICTIONS, {
  description: 'The platform restriction that restricts the feature.',
});

const FeatureStatusDetail = builder.objectRef<StatusDetail>('FeatureStatusDetail').implement({
  description: 'Why a feature is not active, and what would make it so.',
  fields: (t) => ({
    code: t.expose('code', { type: FeatureStatusDetailCode, description: 'Why the status is pending or restricted.' }),
    resolution: t.expose('resolution', {
      type: FeatureStatusDetailResolution,
      nullable: true,
      description: 'What the account should do, if anything, to activate the feature.',
    }),
    restriction: t.expose('restriction', {
      type: FeatureStatusDetailRestriction,
      nullable: true,
      description: 'The platform restriction restricting the feature, if that is why.',
    }),
  }),
});

const FinancialAccountFeatureSetting = builder.objectRef<FeatureSetting>('FinancialAccountFeatureSetting').implement({
  description: 'One feature of a financial account: whether it was requested and whether it works.',
  fields: (t) => ({
    feature: t.expose('feature', { type: FinancialAccountFeature, description: 'The feature.' }),
    requested: t.exposeBoolean('requested', { description: 'Whether the financial account should have the feature.' }),
    status: t.expose('status', { type: FeatureStatus, description: 'Whether the feature is operational.' }),
    statusDetails: t.field({
      type: [FeatureStatusDetail],
      description: 'At least one entry when the status is not ACTIVE.',
      resolve: (row) => row.statusDetails as unknown as StatusDetail[],
    }),
  }),
});

const AbaRecord = builder.objectRef<AddressRow>('FinancialAddressAba').implement({
  description: 'ABA routing details of a financial account.',
  fields: (t) => ({
    accountHolderName: t.exposeString('accountHolderName', { description: 'The name of the business that owns the account.' }),
    accountNumber: t.string({
      nullable: true,
      description:
        'The full account number. Only the platform\'s secret key sees it (Stripe\'s `expand[]=financial_addresses.aba.account_number`); null otherwise.',
      resolve: (row, _args, ctx) => (maySeeAccountNumbers(ctx.viewer) ? row.accountNumber : null),
    }),
    accountNumberLast4: t.exposeString('accountNumberLast4', { description: 'The last four digits of the account number.' }),
    bankName: t.exposeString('bankName', { description: 'Name of the bank.' }),
    routingNumber: t.exposeString('routingNumber', { description: 'The ABA routing number.' }),
  }),
});

const FinancialAddress = builder.objectRef<AddressRow>('FinancialAddress').implement({
  description: 'A set of credentials that resolve to the financial account (today, an ABA routing and account number).',
  fields: (t) => ({
    type: t.expose('type', {
      type: stripeEnum('FinancialAddressType', FINANCIAL_ADDRESS_TYPES, { description: 'The kind of financial address.' }),
      description: 'The kind of financial address.',
    }),
    supportedNetworks: t.exposeStringList('supportedNetworks', {
      description: 'The networks the address can receive on (`ach`, `us_domestic_wire`).',
    }),
    aba: t.field({ type: AbaRecord, nullable: true, description: 'ABA details, when `type` is ABA.', resolve: (row) => row }),
  }),
});

const PlatformRestrictions = builder
  .objectRef<Pick<FinancialAccountRow, 'inboundFlows' | 'outboundFlows'>>('PlatformRestrictions')
  .implement({
    description: 'Money movements the platform restricts on the financial account.',
    fields: (t) => ({
      inboundFlows: t.expose('inboundFlows', {
        type: PlatformRestrictionStatus,
        nullable: true,
        description: 'Restricts all inbound money movement.',
      }),
      outboundFlows: t.expose('outboundFlows', {
        type: PlatformRestrictionStatus,
        nullable: true,
        description: 'Restricts all outbound money movement.',
      }),
    }),
  });

const FinancialAccountStatusDetails = builder
  .objectRef<{ reasons: FinancialAccountRow['closedReasons'] }>('FinancialAccountClosedStatusDetails')
  .implement({
    description: 'Why a financial account was closed.',
    fields: (t) => ({
      reasons: t.field({ type: [ClosedReason], description: 'The reasons for the closure.', resolve: (d) => d.reasons }),
    }),
  });

export const FinancialAccountFilter = builder.inputType('FinancialAccountFilter', {
  description: 'Filters of a financial account list.',
  fields: (t) => ({
    status: t.field({ type: FinancialAccountStatus, required: false, description: 'Only accounts in this status.' }),
    created: t.field({ type: TimeRange, required: false, description: 'Only accounts created in this range.' }),
  }),
});

/** Resolves the requested features in one status: derived from `features`, so the lists always agree with it. */
const featuresIn =
  (status: FeatureSetting['status']) =>
  async (row: FinancialAccountRow, _args: unknown, ctx: Context) =>
    (await ctx.loaders.features.load(row.id)).filter((f) => f.requested && f.status === status).map((f) => f.feature);

export { FinancialAccount };

builder.node(FinancialAccount, {
  description: 'A financial account: holds money for an account, receives and sends it, and records every change as transactions.',
  id: { resolve: (fa) => fa.id, description: 'Unique identifier, `fa_...`.' },
  loadOne: (id, ctx) => ctx.loaders.financialAccount.load(id),
  fields: (t) => ({
    connectedAccount: t.field({
      type: ConnectedAccount,
      nullable: true,
      description: 'The connected account that owns it; null for the platform\'s own financial accounts.',
      resolve: (row, _args, ctx) => (row.accountId === row.platformId ? null : ctx.loaders.connectedAccount.load(row.accountId)),
    }),
    activeFeatures: t.field({
      type: [FinancialAccountFeature],
      description: 'The features whose status is ACTIVE.',
      resolve: featuresIn('active'),
    }),
    pendingFeatures: t.field({
      type: [FinancialAccountFeature],
      description: 'The requested features whose status is PENDING.',
      resolve: featuresIn('pending'),
    }),
    restrictedFeatures: t.field({
      type: [FinancialAccountFeature],
      description: 'The requested features whose status is RESTRICTED.',
      resolve: featuresIn('restricted'),
    }),
    balance: t.field({
      type: Balance,
      description: 'The balance per currency, in minor units: the sums of the impacts of the account\'s transaction entries.',
      resolve: async (row, _args, ctx) => balanceFromSums(row.supportedCurrencies, await ctx.loaders.balanceSums.load(row.id)),
    }),
    country: t.exposeString('country', { description: 'Two-letter ISO country code.' }),
    created: t.expose('createdAt', { type: 'DateTime', description: 'When the financial account was created.' }),
    features: t.field({
      type: [FinancialAccountFeatureSetting],
      description: 'Every feature requested or once requested, with its status.',
      resolve: (row, _args, ctx) => ctx.loaders.features.load(row.id),
    }),
    financialAddresses: t.field({
      type: [FinancialAddress],
      description: 'The credentials that resolve to this financial account.',
      resolve: (row, _args, ctx) => ctx.loaders.financialAddresses.load(row.id),
    }),
    isDefault: t.exposeBoolean('isDefault', { description: 'Whether it is the account\'s default financial account.' }),
    livemode: t.exposeBoolean('livemode', { description: 'True in live mode, false in test mode.' }),
    metadata: t.field({
      type: 'Metadata',
      description: 'Key-value pairs the platform attached to the financial account.',
      resolve: (row) => row.metadata as Record<string, string>,
    }),
    nickname: t.exposeString('nickname', { nullable: true, description: 'The nickname of the financial account.' }),
    platformRestrictions: t.field({
      type: PlatformRestrictions,
      nullable: true,
      description: 'Money movements the platform restricts; null when it never set any.',
      resolve: (row) =>
        row.inboundFlows || row.outboundFlows ? { inboundFlows: row.inboundFlows, outboundFlows: row.outboundFlows } : null,
    }),
    status: t.expose('status', { type: FinancialAccountStatus, description: 'Whether the account is open or closed.' }),
    statusDetails: t.field({
      type: FinancialAccountStatusDetails,
      nullable: true,
      description: 'Why the account was closed; null while it is open.',
      resolve: (row) => (row.status === 'closed' ? { reasons: row.closedReasons } : null),
    }),
    supportedCurrencies: t.exposeStringList('supportedCurrencies', {
      description: 'The currencies the account can hold, as lowercase ISO codes.',
    }),
    transactions: t.connection({
      type: Transaction,
      description: 'The account\'s transactions, newest first.',
      args: { filter: t.arg({ type: TransactionFilter, required: false }) },
      resolve: (row, args, ctx, info) => {
        const order = checkTransactionFilter(args.filter);
        return ctx.loaders.transactionsPage(row.id, args.filter, order, pageRequest(args, order), connectionRowColumns(info));
      },
    }),
    transactionEntries: t.connection({
      type: TransactionEntry,
      description: 'The account\'s transaction entries, newest first.',
      args: { filter: t.arg({ type: TransactionEntryFilter, required: false }) },
      resolve: (row, args, ctx, info) => {
        const order = checkEntryFilter(args.filter);
        return ctx.loaders.entriesPage(
          { column: 'financialAccountId', id: row.id },
          args.filter,
          order,
          pageRequest(args, order),
          connectionRowColumns(info),
        );
      },
    }),
  }),
});

builder.queryFields((t) => ({
  financialAccount: t.field({
    type: FinancialAccount,
    nullable: true,
    description: 'A financial account by id; null when it does not exist or is outside your scope.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.loaders.financialAccount.load(args.id),
  }),
  financialAccounts: t.connection({
    type: FinancialAccount,
    description: 'Every financial account you may see (the platform\'s and its connected accounts\'), newest first.',
    args: { filter: t.arg({ type: FinancialAccountFilter, required: false }) },
    resolve: (_root, args, ctx) => {
      const order = checkFinancialAccountFilter(args.filter);
      return ctx.loaders.financialAccountsPage(null, args.filter, pageRequest(args, order));
    },
  }),
}));

// ---- Mutations: create, update (metadata, nickname, features, platform restrictions) and close.

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
    metadata: t.field({ type: 'Metadata', required: false, description: 'Keys to set; an empty value removes its key, and an empty object ({}) removes every key.' }),
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

// ---- Subscriptions: live updates of financial accounts, fed by the event log.

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
