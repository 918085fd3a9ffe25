// OutboundTransfer: Stripe's `treasury.outbound_transfer`, money from a
// financial account to an account of the same owner; its root field, its list
// on FinancialAccount, its create and cancel mutations and Stripe's test helpers.
import type { OutboundTransfer as OutboundTransferRow } from '../db/generated/client.ts';
import {
  OUTBOUND_TRANSFER_DESTINATION_TYPES,
  OUTBOUND_TRANSFER_RETURN_CODES,
  OUTBOUND_TRANSFER_STATUSES,
} from '../domain/money-movements/index.ts';
import { pageRequest } from '../domain/pagination.ts';
import { TreasuryBillingDetails, type BillingDetailsShape } from './billing-details.ts';
import { builder } from './builder.ts';
import { TreasuryNetwork } from './enums.ts';
import { FinancialAccount } from './financial-account.ts';
import { bankAccountDetailsType, idempotencyKeyField, movementMutation, type BankAccountDetailsShape, type MovementObject } from './movement-parts.ts';
import { UsBankAccountNetwork } from './payment-method.ts';
import { required } from './required.ts';
import { stripeEnum } from './stripe-enum.ts';
import { Transaction } from './transaction.ts';
import { asPayload, objectPayload } from './user-error.ts';

export const OutboundTransferStatus = stripeEnum('OutboundTransferStatus', OUTBOUND_TRANSFER_STATUSES, {
  description: 'Status of an outbound transfer.',
  valueDescriptions: {
    processing: 'Created; the amount is held in outbound pending until it posts, fails or is canceled.',
    posted: 'The money left the account.',
    failed: 'It did not go through; the held amount is back in cash.',
    canceled: 'Canceled before the network had it; the held amount is back in cash.',
    returned: 'It posted, then the destination sent the money back (a second transaction credits cash).',
  },
});

const DestinationType = stripeEnum('OutboundTransferDestinationType', OUTBOUND_TRANSFER_DESTINATION_TYPES, {
  description: 'The kind of destination of an outbound transfer.',
});

const DestinationDataType = stripeEnum('OutboundTransferDestinationDataType', ['financial_account'] as const, {
  description: 'The kind of destination given inline (`destination_payment_method_data[type]`): another financial account.',
});

export const OutboundTransferReturnCode = stripeEnum('OutboundTransferReturnCode', OUTBOUND_TRANSFER_RETURN_CODES, {
  description: 'Why the destination sent the money back (`returned_details.code`).',
});

interface DestinationDetails {
  type: 'financial_account' | 'us_bank_account';
  billingDetails: BillingDetailsShape;
  usBankAccount: BankAccountDetailsShape | null;
  financialAccount: { id: string; network: 'stripe' } | null;
}

interface TrackingDetails {
  type: 'ach' | 'us_domestic_wire';
  ach: { traceId: string } | null;
  usDomesticWire: { chips: string | null; imad: string | null; omad: string | null } | null;
}

const DestinationUsBankAccount = bankAccountDetailsType(
  'OutboundTransferDestinationUsBankAccount',
  'The bank account an outbound transfer went to, as it was when the transfer was created (no full account number).',
);

export const FinancialAccountNetworkDetails = builder
  .objectRef<{ id: string; network: 'stripe' }>('FinancialAccountNetworkDetails')
  .implement({
    description: 'A financial account on the other side of a movement over Stripe\'s network.',
    fields: (t) => ({
      id: t.exposeID('id', { description: 'The financial account (`fa_...`).' }),
      network: t.expose('network', { type: TreasuryNetwork, description: 'Always STRIPE: financial accounts send to each other over Stripe.' }),
    }),
  });

const DestinationDetailsType = builder.objectRef<DestinationDetails>('OutboundTransferDestinationDetails').implement({
  description: 'Where an outbound transfer went (Stripe\'s `destination_payment_method_details`).',
  fields: (t) => ({
    type: t.expose('type', { type: DestinationType, description: 'The kind of destination.' }),
    billingDetails: t.field({ type: TreasuryBillingDetails, description: 'The destination\'s holder.', resolve: (d) => d.billingDetails }),
    usBankAccount: t.field({
      type: DestinationUsBankAccount,
      nullable: true,
      description: 'The bank account, when `type` is US_BANK_ACCOUNT.',
      resolve: (d) => d.usBankAccount,
    }),
    financialAccount: t.field({
      type: FinancialAccountNetworkDetails,
      nullable: true,
      description: 'The financial account, when `type` is FINANCIAL_ACCOUNT.',
      resolve: (d) => d.financialAccount,
    }),
  }),
});

const TrackingDetailsType = builder.objectRef<TrackingDetails>('OutboundTransferTrackingDetails').implement({
  description: 'What the network reported to trace the transfer (Stripe\'s `tracking_details`).',
  fields: (t) => ({
    type: t.expose('type', { type: UsBankAccountNetwork, description: 'The network.' }),
    ach: t.field({
      type: builder.objectRef<{ traceId: string }>('OutboundTransferAchTrackingDetails').implement({
        description: 'ACH tracking details.',
        fields: (f) => ({ traceId: f.exposeString('traceId', { description: 'ACH trace id.' }) }),
      }),
      nullable: true,
      description: 'Set for ACH.',
      resolve: (d) => d.ach,
    }),
    usDomesticWire: t.field({
      type: builder
        .objectRef<NonNullable<TrackingDetails['usDomesticWire']>>('OutboundTransferUsDomesticWireTrackingDetails')
        .implement({
          description: 'Wire tracking details.',
          fields: (f) => ({
            chips: f.exposeString('chips', { nullable: true, description: 'CHIPS System Sequence Number.' }),
            imad: f.exposeString('imad', { nullable: true, description: 'IMAD (input message accountability data).' }),
            omad: f.exposeString('omad', { nullable: true, description: 'OMAD (output message accountability data).' }),
          }),
        }),
      nullable: true,
      description: 'Set for US domestic wires.',
      resolve: (d) => d.usDomesticWire,
    }),
  }),
});

const StatusTransitions = builder.objectRef<OutboundTransferRow>('OutboundTransferStatusTransitions').implement({
  description: 'When an outbound transfer changed status.',
  fields: (t) => ({
    canceledAt: t.expose('canceledAt', { type: 'DateTime', nullable: true, description: 'When it was canceled.' }),
    failedAt: t.expose('failedAt', { type: 'DateTime', nullable: true, description: 'When it failed.' }),
    postedAt: t.expose('postedAt', { type: 'DateTime', nullable: true, description: 'When it posted.' }),
    returnedAt: t.expose('returnedAt', { type: 'DateTime', nullable: true, description: 'When it was returned.' }),
  }),
});

const ReturnedDetails = builder.objectRef<OutboundTransferRow>('OutboundTransferReturnedDetails').implement({
  description: 'Why and how the money came back.',
  fields: (t) => ({
    code: t.field({ type: OutboundTransferReturnCode, description: 'Reason for the return.', resolve: (r) => r.returnedCode as never }),
    transaction: t.field({
      type: Transaction,
      description: 'The second transaction, which credits the returned money to cash.',
      resolve: (r, _args, ctx) => ctx.loaders.transaction.load(r.returnTransactionId!).then(required),
    }),
  }),
});

export const OutboundTransfer = builder.objectRef<OutboundTransferRow>('OutboundTransfer');

builder.node(OutboundTransfer, {
  description: 'An outbound transfer: money from a financial account to an account of the same owner (a bank account, or another financial account).',
  id: { resolve: (o) => o.id, description: 'Unique identifier, `obt_...`.' },
  loadOne: (id, ctx) => ctx.loaders.outboundTransfer.load(id),
  fields: (t) => ({
    amount: t.expose('amount', { type: 'MinorUnits', description: 'Amount transferred, in minor units (positive).' }),
    cancelable: t.exposeBoolean('cancelable', { description: 'Whether it can still be canceled.' }),
    created: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    currency: t.exposeString('currency', { description: 'Three-letter ISO currency code, lowercase.' }),
    description: t.exposeString('description', { nullable: true, description: 'An arbitrary string, fit to show to users.' }),
    destinationPaymentMethod: t.exposeID('destinationPaymentMethod', {
      nullable: true,
      description: 'The payment method (`pm_...`) it was sent to; null for a financial account destination.',
    }),
    destinationPaymentMethodDetails: t.field({
      type: DestinationDetailsType,
      description: 'Where it went.',
      resolve: (o) => o.destinationDetails as unknown as DestinationDetails,
    }),
    expectedArrivalDate: t.expose('expectedArrivalDate', { type: 'DateTime', description: 'When the funds are expected to arrive.' }),
    financialAccount: t.field({
      type: FinancialAccount,
      description: 'The financial account the money was pulled from.',
      resolve: (o, _args, ctx) => ctx.loaders.financialAccount.load(o.financialAccountId).then(required),
    }),
    hostedRegulatoryReceiptUrl: t.string({
      nullable: true,
      description: 'Stripe\'s hosted regulatory receipt; the gateway hosts none, so null.',
      resolve: () => null,
    }),
    livemode: t.exposeBoolean('livemode', { description: 'True in live mode, false in test mode.' }),
    metadata: t.field({ type: 'Metadata', description: 'Key-value pairs attached to it.', resolve: (o) => o.metadata as Record<string, string> }),
    returnedDetails: t.field({
      type: ReturnedDetails,
      nullable: true,
      description: 'Set when the status is RETURNED.',
      resolve: (o) => (o.status === 'returned' ? o : null),
    }),
    statementDescriptor: t.exposeString('statementDescriptor', { description: 'What the recipient\'s statement shows.' }),
    status: t.expose('status', { type: OutboundTransferStatus, description: 'Current status.' }),
    statusTransitions: t.field({ type: StatusTransitions, description: 'When it changed status.', resolve: (o) => o }),
    trackingDetails: t.field({
      type: TrackingDetailsType,
      nullable: true,
      description: 'The network\'s tracking details, once reported.',
      resolve: (o) => o.trackingDetails as unknown as TrackingDetails | null,
    }),
    transaction: t.field({
      type: Transaction,
      description: 'Its transaction on the source financial account.',
      resolve: (o, _args, ctx) => ctx.loaders.transaction.load(o.transactionId).then(required),
    }),
  }),
});

const OutboundTransferFilter = builder.inputType('OutboundTransferFilter', {
  description: 'Filters of an outbound transfer list (Stripe\'s list parameters).',
  fields: (t) => ({ status: t.field({ type: OutboundTransferStatus, required: false, description: 'Only transfers in this status.' }) }),
});

builder.objectField(FinancialAccount, 'outboundTransfers', (t) =>
  t.connection({
    type: OutboundTransfer,
    description: 'The account\'s outbound transfers, newest first.',
    args: { filter: t.arg({ type: OutboundTransferFilter, required: false }) },
    resolve: (row, args, ctx) => ctx.loaders.outboundTransfersPage(row.id, args.filter, pageRequest(args, 'createdAt')),
  }),
);

builder.queryField('outboundTransfer', (t) =>
  t.field({
    type: OutboundTransfer,
    nullable: true,
    description: 'An outbound transfer by id; null when it does not exist or is outside your scope.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.loaders.outboundTransfer.load(args.id),
  }),
);

const CreateInput = builder.inputType('CreateOutboundTransferInput', {
  fields: (t) => ({
    financialAccount: t.id({ required: true, description: 'The financial account to send from (`fa_...`).' }),
    amount: t.field({ type: 'MinorUnits', required: true, description: 'Amount in minor units (cents): a positive integer.' }),
    currency: t.string({ required: true, description: 'Three-letter ISO currency code, lowercase (usd).' }),
    destinationPaymentMethod: t.id({
      required: false,
      description: 'A us_bank_account payment method (`pm_...`) of the financial account\'s connected account.',
    }),
    destinationPaymentMethodData: t.field({
      type: builder.inputType('OutboundTransferDestinationDataInput', {
        description: 'A destination given inline: another financial account of the same owner.',
        fields: (f) => ({
          type: f.field({ type: DestinationDataType, required: true, description: 'FINANCIAL_ACCOUNT.' }),
          financialAccount: f.id({ required: false, description: 'The destination financial account (`fa_...`).' }),
        }),
      }),
      required: false,
      description: 'Instead of destinationPaymentMethod: another financial account of the same owner, reached over Stripe\'s network.',
    }),
    destinationPaymentMethodOptions: t.field({
      type: builder.inputType('OutboundTransferDestinationOptionsInput', {
        description: 'Options for the destination payment method.',
        fields: (f) => ({
          usBankAccount: f.field({
            type: builder.inputType('OutboundTransferUsBankAccountOptionsInput', {
              description: 'Options for a bank account destination.',
              fields: (g) => ({
                network: g.field({ type: UsBankAccountNetwork, required: false, description: 'ACH (default) or US_DOMESTIC_WIRE.' }),
              }),
            }),
            required: false,
            description: 'For a us_bank_account destination.',
          }),
        }),
      }),
      required: false,
      description: 'How to reach the destination.',
    }),
    description: t.string({ required: false, description: 'An arbitrary string, fit to show to users.' }),
    statementDescriptor: t.string({
      required: false,
      description: 'What the recipient\'s statement shows: at most 10 characters over ACH, 140 over a wire; default "transfer".',
    }),
    metadata: t.field({ type: 'Metadata', required: false, description: 'Key-value pairs to attach.' }),
    idempotencyKey: idempotencyKeyField(t) as never,
  }),
});

const OUTBOUND_TRANSFER: MovementObject = {
  field: 'outboundTransfer',
  label: 'outbound transfer',
  prefix: 'obt',
  type: OutboundTransfer,
  load: (ctx, id) => ctx.loaders.outboundTransfer.load(id),
};

builder.mutationField('createOutboundTransfer', (t) =>
  t.field({
    type: objectPayload('CreateOutboundTransferPayload', OUTBOUND_TRANSFER),
    description:
      'Sends money from a financial account to a bank account (payment method) or another financial account of the same owner, with ' +
      'Stripe\'s checks: the feature for the network, platform restrictions, an open account, the currency, the amount, the statement ' +
      'descriptor, the destination\'s owner, enough cash. The amount moves from cash to outbound pending (an open transaction); to ' +
      'another financial account it arrives at once as a ReceivedCredit and the transfer posts. Reported by ' +
      '`treasury.outbound_transfer.created` (and `.posted`).',
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      asPayload(ctx, async () => {
        const { idempotencyKey: key, ...fields } = input;
        return ctx.services.outboundTransfers.create(ctx.viewer, fields as never, key);
      }),
  }),
);

movementMutation(
  OUTBOUND_TRANSFER,
  'cancelOutboundTransfer',
  'Cancels a processing transfer the network does not have yet: the held amount goes back to cash and its transaction is void. ' +
    'Reported by `treasury.outbound_transfer.canceled`.',
  () => ({}),
  (ctx, input, key) => ctx.services.outboundTransfers.cancel(ctx.viewer, input as never, key),
);
movementMutation(
  OUTBOUND_TRANSFER,
  'postOutboundTransfer',
  'Test mode only (Stripe\'s test helper): posts a processing transfer; outbound pending is released and the transaction posts. ' +
    'Reported by `treasury.outbound_transfer.posted`.',
  () => ({}),
  (ctx, input, key) => ctx.services.outboundTransfers.post(ctx.viewer, input as never, key),
);
movementMutation(
  OUTBOUND_TRANSFER,
  'failOutboundTransfer',
  'Test mode only (Stripe\'s test helper): fails a processing transfer; the held amount goes back to cash and the transaction is void. ' +
    'Reported by `treasury.outbound_transfer.failed`.',
  () => ({}),
  (ctx, input, key) => ctx.services.outboundTransfers.fail(ctx.viewer, input as never, key),
);
movementMutation(
  OUTBOUND_TRANSFER,
  'returnOutboundTransfer',
  'Test mode only (Stripe\'s test helper): returns a processing or posted transfer to a bank account; it posts (if it had not) and a ' +
    'second transaction credits the money back to cash. Reported by `treasury.outbound_transfer.returned`.',
  (t) => ({
    returnedDetails: t.field({
      type: builder.inputType('OutboundTransferReturnedDetailsInput', {
        description: 'Why the money came back.',
        fields: (f) => ({ code: f.field({ type: OutboundTransferReturnCode, required: false, description: 'Reason (default DECLINED).' }) }),
      }),
      required: false,
      description: 'Why the money came back.',
    }),
  }),
  (ctx, input, key) => ctx.services.outboundTransfers.return(ctx.viewer, input as never, key),
);
movementMutation(
  OUTBOUND_TRANSFER,
  'updateOutboundTransfer',
  'Test mode only (Stripe\'s test helper): sets the tracking details of a transfer the network has (not cancelable, not canceled or ' +
    'failed). Reported by `treasury.outbound_transfer.tracking_details_updated`.',
  (t) => ({
    trackingDetails: t.field({
      type: builder.inputType('OutboundTransferTrackingDetailsInput', {
        description: 'The network\'s tracking identifiers.',
        fields: (f) => ({
          type: f.field({ type: UsBankAccountNetwork, required: true, description: 'The network: the transfer\'s own.' }),
          ach: f.field({
            type: builder.inputType('OutboundTransferAchTrackingInput', {
              description: 'ACH tracking.',
              fields: (g) => ({ traceId: g.string({ required: true, description: 'ACH trace id.' }) }),
            }),
            required: false,
            description: 'For ACH.',
          }),
          usDomesticWire: f.field({
            type: builder.inputType('OutboundTransferUsDomesticWireTrackingInput', {
              description: 'Wire tracking.',
              fields: (g) => ({
                chips: g.string({ required: false, description: 'CHIPS System Sequence Number.' }),
                imad: g.string({ required: false, description: 'IMAD.' }),
                omad: g.string({ required: false, description: 'OMAD.' }),
              }),
            }),
            required: false,
            description: 'For US domestic wires.',
          }),
        }),
      }),
      required: true,
      description: 'The tracking details.',
    }),
  }),
  (ctx, input, key) => ctx.services.outboundTransfers.updateTracking(ctx.viewer, input as never, key),
);
