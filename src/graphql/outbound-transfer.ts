// OutboundTransfer: Stripe's `treasury.outbound_transfer`, money from a
// financial account to an account of the same owner; its root field, its list
// on FinancialAccount, its create and cancel mutations and Stripe's test helpers.
// The fields and steps it shares with OutboundPayment are outbound-flow.ts's.
import { pageRequest } from '../domain/pagination.ts';
import type { CreateOutboundTransferInput } from '../services/outbound-transfers.ts';
import { builder } from './builder.ts';
import { FinancialAccount } from './financial-account.ts';
import { idempotencyKeyField, type Idempotent } from './movement-parts.ts';
import { outboundFlowGraph } from './outbound-flow.ts';
import { stripeEnum } from './stripe-enum.ts';
import { asPayload } from './user-error.ts';

export { FinancialAccountNetworkDetails } from './outbound-flow.ts';

const graph = outboundFlowGraph('OutboundTransfer', 'transfer');
export const { Ref: OutboundTransfer, Status: OutboundTransferStatus, ReturnCode: OutboundTransferReturnCode } = graph;

const DestinationDataType = stripeEnum('OutboundTransferDestinationDataType', ['financial_account'] as const, {
  description: 'The kind of destination given inline (`destination_payment_method_data[type]`): another financial account.',
});

builder.node(OutboundTransfer, {
  description: 'An outbound transfer: money from a financial account to an account of the same owner (a bank account, or another financial account).',
  id: { resolve: (o) => o.id, description: 'Unique identifier, `obt_...`.' },
  loadOne: (id, ctx) => ctx.loaders.outboundTransfer.load(id),
  fields: (t) => graph.fields(t),
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

const CreateInput = builder.inputRef<Idempotent<CreateOutboundTransferInput>>('CreateOutboundTransferInput').implement({
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
    destinationPaymentMethodOptions: t.field({ type: graph.DestinationOptionsInput, required: false, description: 'How to reach the destination.' }),
    description: t.string({ required: false, description: 'An arbitrary string, fit to show to users.' }),
    statementDescriptor: t.string({
      required: false,
      description: 'What the recipient\'s statement shows: at most 10 characters over ACH, 140 over a wire; default "transfer".',
    }),
    metadata: t.field({ type: 'Metadata', required: false, description: 'Key-value pairs to attach.' }),
    idempotencyKey: idempotencyKeyField(t),
  }),
});

builder.mutationField('createOutboundTransfer', (t) =>
  t.field({
    type: graph.steps.payload('CreateOutboundTransferPayload'),
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
        return ctx.services.outboundTransfers.create(ctx.viewer, fields, key);
      }),
  }),
);

const { stepMutation } = graph.steps;
stepMutation(
  'cancelOutboundTransfer',
  'Cancels a processing transfer the network does not have yet: the held amount goes back to cash and its transaction is void. ' +
    'Reported by `treasury.outbound_transfer.canceled`.',
  () => ({}),
  (ctx, input, key) => ctx.services.outboundTransfers.cancel(ctx.viewer, input, key),
);
stepMutation(
  'postOutboundTransfer',
  'Test mode only (Stripe\'s test helper): posts a processing transfer; outbound pending is released and the transaction posts. ' +
    'Reported by `treasury.outbound_transfer.posted`.',
  () => ({}),
  (ctx, input, key) => ctx.services.outboundTransfers.post(ctx.viewer, input, key),
);
stepMutation(
  'failOutboundTransfer',
  'Test mode only (Stripe\'s test helper): fails a processing transfer; the held amount goes back to cash and the transaction is void. ' +
    'Reported by `treasury.outbound_transfer.failed`.',
  () => ({}),
  (ctx, input, key) => ctx.services.outboundTransfers.fail(ctx.viewer, input, key),
);
stepMutation(
  'returnOutboundTransfer',
  'Test mode only (Stripe\'s test helper): returns a processing or posted transfer to a bank account; it posts (if it had not) and a ' +
    'second transaction credits the money back to cash. Reported by `treasury.outbound_transfer.returned`.',
  graph.steps.returnedDetails,
  (ctx, input, key) => ctx.services.outboundTransfers.return(ctx.viewer, input, key),
);
stepMutation(
  'updateOutboundTransfer',
  'Test mode only (Stripe\'s test helper): sets the tracking details of a transfer the network has (not cancelable, not canceled or ' +
    'failed). Reported by `treasury.outbound_transfer.tracking_details_updated`.',
  graph.steps.trackingDetails,
  (ctx, input, key) => ctx.services.outboundTransfers.updateTracking(ctx.viewer, input, key),
);
