// InboundTransfer: Stripe's `treasury.inbound_transfer`, money the account
// holder pulls into a financial account from their own bank account by ACH
// debit; its root field, its list on FinancialAccount, its create and cancel
// mutations and Stripe's test helpers (succeed, fail, return).
import type { InboundTransfer as InboundTransferRow } from '../db/generated/client.ts';
import { INBOUND_TRANSFER_FAILURE_CODES, INBOUND_TRANSFER_STATUSES } from '../domain/money-movements/index.ts';
import { pageRequest } from '../domain/pagination.ts';
import type { CreateInboundTransferInput } from '../services/inbound-transfers.ts';
import { TreasuryBillingDetails, type BillingDetailsShape } from './billing-details.ts';
import { builder } from './builder.ts';
import { FinancialAccount } from './financial-account.ts';
import { bankAccountDetailsType, idempotencyKeyField, movementMutation, type BankAccountDetailsShape, type Idempotent, type MovementObject } from './movement-parts.ts';
import { required } from './required.ts';
import { storedValue, stripeEnum } from './stripe-enum.ts';
import { Transaction } from './transaction.ts';
import { asPayload, objectPayload } from './user-error.ts';

export const InboundTransferStatus = stripeEnum('InboundTransferStatus', INBOUND_TRANSFER_STATUSES, {
  description: 'Status of an inbound transfer.',
  valueDescriptions: {
    processing: 'Created and pending: the debit is on its way; no money has moved and there is no transaction yet.',
    succeeded: 'The funds were confirmed: they are in cash, on a posted transaction.',
    failed: 'The debit failed (see failureDetails): no money moved.',
    canceled: 'Canceled while processing: no money moved.',
  },
});

export const InboundTransferFailureCode = stripeEnum('InboundTransferFailureCode', INBOUND_TRANSFER_FAILURE_CODES, {
  description: 'Why an inbound transfer failed (`failure_details.code`).',
});

const PaymentMethodType = stripeEnum('InboundTransferPaymentMethodType', ['us_bank_account'] as const, {
  description: 'The kind of payment method an inbound transfer debits.',
});

interface OriginDetails {
  type: 'us_bank_account';
  billingDetails: BillingDetailsShape;
  usBankAccount: BankAccountDetailsShape;
}

const OriginUsBankAccount = bankAccountDetailsType(
  'InboundTransferOriginUsBankAccount',
  'The bank account an inbound transfer debits, as it was when the transfer was created (no full account number).',
);

builder.objectField(OriginUsBankAccount, 'mandate', (t) =>
  t.id({ nullable: true, description: 'The mandate the debit was made under; the gateway keeps no mandates, so null.', resolve: () => null }),
);

const OriginDetailsType = builder.objectRef<OriginDetails>('InboundTransferOriginPaymentMethodDetails').implement({
  description: 'The payment method an inbound transfer debits (Stripe\'s `origin_payment_method_details`).',
  fields: (t) => ({
    type: t.expose('type', { type: PaymentMethodType, description: 'Always US_BANK_ACCOUNT.' }),
    billingDetails: t.field({ type: TreasuryBillingDetails, description: 'The bank account\'s holder.', resolve: (d) => d.billingDetails }),
    usBankAccount: t.field({ type: OriginUsBankAccount, description: 'The bank account.', resolve: (d) => d.usBankAccount }),
  }),
});

const FailureDetails = builder.objectRef<InboundTransferRow>('InboundTransferFailureDetails').implement({
  description: 'Why an inbound transfer failed.',
  fields: (t) => ({
    code: t.field({ type: InboundTransferFailureCode, description: 'Reason for the failure.', resolve: (r) => storedValue(INBOUND_TRANSFER_FAILURE_CODES, r.failureCode) }),
  }),
});

export const InboundTransferLinkedFlows = builder.objectRef<InboundTransferRow>('InboundTransferLinkedFlows').implement({
  description: 'Other flows linked to an inbound transfer.',
  fields: (t) => ({
    receivedDebit: t.exposeID('receivedDebitId', {
      nullable: true,
      description: 'When the funds were returned after it succeeded: the ReceivedDebit (`rd_...`) that took them back.',
    }),
  }),
});

const StatusTransitions = builder.objectRef<InboundTransferRow>('InboundTransferStatusTransitions').implement({
  description: 'When an inbound transfer changed status.',
  fields: (t) => ({
    canceledAt: t.expose('canceledAt', { type: 'DateTime', nullable: true, description: 'When it was canceled.' }),
    failedAt: t.expose('failedAt', { type: 'DateTime', nullable: true, description: 'When it failed.' }),
    succeededAt: t.expose('succeededAt', { type: 'DateTime', nullable: true, description: 'When it succeeded.' }),
  }),
});

export const InboundTransfer = builder.objectRef<InboundTransferRow>('InboundTransfer');

builder.node(InboundTransfer, {
  description: 'An inbound transfer: money pulled into a financial account from a bank account of its owner, by ACH debit.',
  id: { resolve: (o) => o.id, description: 'Unique identifier, `ibt_...`.' },
  loadOne: (id, ctx) => ctx.loaders.inboundTransfer.load(id),
  fields: (t) => ({
    amount: t.expose('amount', { type: 'MinorUnits', description: 'Amount transferred, in minor units (positive).' }),
    cancelable: t.exposeBoolean('cancelable', { description: 'Whether it can still be canceled (only while processing).' }),
    created: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    currency: t.exposeString('currency', { description: 'Three-letter ISO currency code, lowercase.' }),
    description: t.exposeString('description', { nullable: true, description: 'An arbitrary string, fit to show to users.' }),
    failureDetails: t.field({
      type: FailureDetails,
      nullable: true,
      description: 'Why it failed; set only when the status is FAILED.',
      resolve: (o) => (o.status === 'failed' ? o : null),
    }),
    financialAccount: t.field({
      type: FinancialAccount,
      description: 'The financial account that receives the funds.',
      resolve: (o, _args, ctx) => ctx.loaders.financialAccount.load(o.financialAccountId).then(required),
    }),
    hostedRegulatoryReceiptUrl: t.string({
      nullable: true,
      description: 'Stripe\'s hosted regulatory receipt; the gateway hosts none, so null.',
      resolve: () => null,
    }),
    linkedFlows: t.field({ type: InboundTransferLinkedFlows, description: 'Linked flows.', resolve: (o) => o }),
    livemode: t.exposeBoolean('livemode', { description: 'True in live mode, false in test mode.' }),
    metadata: t.field({ type: 'Metadata', description: 'Key-value pairs attached to it.', resolve: (o) => o.metadata as Record<string, string> }),
    originPaymentMethod: t.exposeID('originPaymentMethod', { description: 'The payment method (`pm_...`) debited.' }),
    originPaymentMethodDetails: t.field({
      type: OriginDetailsType,
      description: 'The payment method debited, as it was when the transfer was created.',
      resolve: (o) => o.originPaymentMethodDetails as unknown as OriginDetails,
    }),
    returned: t.boolean({
      description: 'True when the funds were returned after it succeeded (see linkedFlows.receivedDebit).',
      resolve: (o) => o.receivedDebitId !== null,
    }),
    statementDescriptor: t.exposeString('statementDescriptor', { description: 'What the debited bank account\'s statement shows.' }),
    status: t.expose('status', { type: InboundTransferStatus, description: 'Current status.' }),
    statusTransitions: t.field({ type: StatusTransitions, description: 'When it changed status.', resolve: (o) => o }),
    transaction: t.field({
      type: Transaction,
      nullable: true,
      description: 'Its transaction, created and posted when it succeeds; null before, and for a failed or canceled transfer.',
      resolve: (o, _args, ctx) => (o.transactionId ? ctx.loaders.transaction.load(o.transactionId) : null),
    }),
  }),
});

const InboundTransferFilter = builder.inputType('InboundTransferFilter', {
  description: 'Filters of an inbound transfer list (Stripe\'s list parameters).',
  fields: (t) => ({ status: t.field({ type: InboundTransferStatus, required: false, description: 'Only transfers in this status.' }) }),
});

builder.objectField(FinancialAccount, 'inboundTransfers', (t) =>
  t.connection({
    type: InboundTransfer,
    description: 'The account\'s inbound transfers, newest first.',
    args: { filter: t.arg({ type: InboundTransferFilter, required: false }) },
    resolve: (row, args, ctx) => ctx.loaders.inboundTransfersPage(row.id, args.filter, pageRequest(args, 'createdAt')),
  }),
);

builder.queryField('inboundTransfer', (t) =>
  t.field({
    type: InboundTransfer,
    nullable: true,
    description: 'An inbound transfer by id; null when it does not exist or is outside your scope.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.loaders.inboundTransfer.load(args.id),
  }),
);

const INBOUND_TRANSFER: MovementObject<'inboundTransfer'> = {
  field: 'inboundTransfer',
  label: 'inbound transfer',
  prefix: 'ibt',
  type: InboundTransfer,
  load: (ctx, id) => ctx.loaders.inboundTransfer.load(id),
};

const CreateInput = builder.inputRef<Idempotent<CreateInboundTransferInput>>('CreateInboundTransferInput').implement({
  fields: (t) => ({
    financialAccount: t.id({ required: true, description: 'The financial account to send the funds to (`fa_...`).' }),
    amount: t.field({ type: 'MinorUnits', required: true, description: 'Amount in minor units (cents): a positive integer.' }),
    currency: t.string({ required: true, description: 'Three-letter ISO currency code, lowercase (usd).' }),
    originPaymentMethod: t.id({
      required: true,
      description: 'The bank account to debit: a us_bank_account payment method (`pm_...`) of the financial account\'s connected account.',
    }),
    description: t.string({ required: false, description: 'An arbitrary string, fit to show to users.' }),
    statementDescriptor: t.string({
      required: false,
      description: 'What the debited bank account\'s statement shows: at most 10 characters, letters, digits, spaces and -#.$&*; default "transfer".',
    }),
    metadata: t.field({ type: 'Metadata', required: false, description: 'Key-value pairs to attach.' }),
    idempotencyKey: idempotencyKeyField(t),
  }),
});

builder.mutationField('createInboundTransfer', (t) =>
  t.field({
    type: objectPayload('CreateInboundTransferPayload', INBOUND_TRANSFER),
    description:
      'Pulls money into a financial account from a bank account (payment method) of its owner by ACH debit, with Stripe\'s checks: the ' +
      'inbound_transfers.ach feature, platform restrictions, an open account, the currency, the amount, the statement descriptor, the ' +
      'payment method\'s owner. It starts processing: no money moves and it has no transaction until it succeeds. Reported by ' +
      '`treasury.inbound_transfer.created`.',
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      asPayload(ctx, async () => {
        const { idempotencyKey: key, ...fields } = input;
        return ctx.services.inboundTransfers.create(ctx.viewer, fields, key);
      }),
  }),
);

movementMutation(
  INBOUND_TRANSFER,
  'cancelInboundTransfer',
  'Cancels a processing inbound transfer; no money had moved. Reported by `treasury.inbound_transfer.canceled`.',
  () => ({}),
  (ctx, input, key) => ctx.services.inboundTransfers.cancel(ctx.viewer, input, key),
);
movementMutation(
  INBOUND_TRANSFER,
  'succeedInboundTransfer',
  'Test mode only (Stripe\'s test helper): a processing inbound transfer succeeds; the funds land in cash on a posted transaction ' +
    '(one INBOUND_TRANSFER entry). Reported by `treasury.inbound_transfer.succeeded`.',
  () => ({}),
  (ctx, input, key) => ctx.services.inboundTransfers.succeed(ctx.viewer, input, key),
);
movementMutation(
  INBOUND_TRANSFER,
  'failInboundTransfer',
  'Test mode only (Stripe\'s test helper): a processing inbound transfer fails, with a reason; no money moved. Reported by ' +
    '`treasury.inbound_transfer.failed`.',
  (t) => ({
    failureDetails: t.field({
      type: builder.inputType('InboundTransferFailureDetailsInput', {
        description: 'Why it failed.',
        fields: (f) => ({ code: f.field({ type: InboundTransferFailureCode, required: false, description: 'Reason (default OTHER).' }) }),
      }),
      required: false,
      description: 'Why it failed.',
    }),
  }),
  (ctx, input, key) => ctx.services.inboundTransfers.fail(ctx.viewer, input, key),
);
movementMutation(
  INBOUND_TRANSFER,
  'returnInboundTransfer',
  'Test mode only (Stripe\'s test helper): the bank returns a succeeded inbound transfer. It stays SUCCEEDED and is marked returned, ' +
    'linked to a ReceivedDebit whose posted transaction (one INBOUND_TRANSFER_RETURN entry) takes the money back out of cash. ' +
    'Refused when the account\'s cash no longer covers it. Reported by `treasury.received_debit.created`.',
  () => ({}),
  (ctx, input, key) => ctx.services.inboundTransfers.return(ctx.viewer, input, key),
);
