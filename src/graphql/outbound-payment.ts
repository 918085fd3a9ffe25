// OutboundPayment: Stripe's `treasury.outbound_payment`, money from a financial
// account to a third party; its root field, its list on FinancialAccount, its
// create and cancel mutations and Stripe's test helpers. The fields and steps
// it shares with OutboundTransfer are outbound-flow.ts's.
import type { OutboundPayment as OutboundPaymentRow } from '../db/generated/client.ts';
import { checkTimeRange } from '../domain/list-filters.ts';
import { pageRequest } from '../domain/pagination.ts';
import type { CreateOutboundPaymentInput } from '../services/outbound-payments.ts';
import { builder } from './builder.ts';
import { FinancialAccount } from './financial-account.ts';
import { idempotencyKeyField, type Idempotent } from './movement-parts.ts';
import { outboundFlowGraph } from './outbound-flow.ts';
import { UsBankAccountHolderType, UsBankAccountType } from './payment-method.ts';
import { stripeEnum } from './stripe-enum.ts';
import { TimeRange } from './time-range.ts';
import { asPayload } from './user-error.ts';

const graph = outboundFlowGraph('OutboundPayment', 'payment');
export const { Ref: OutboundPayment, Status: OutboundPaymentStatus, ReturnCode: OutboundPaymentReturnCode } = graph;

const EndUserDetails = builder.objectRef<OutboundPaymentRow>('OutboundPaymentEndUserDetails').implement({
  description: 'Who asked for the payment (Stripe\'s `end_user_details`).',
  fields: (t) => ({
    present: t.exposeBoolean('endUserPresent', {
      description: 'True when the platform made the request on behalf of an end user who was present.',
    }),
    ipAddress: t.exposeString('endUserIpAddress', { nullable: true, description: 'That end user\'s IP address, set when present.' }),
  }),
});

builder.node(OutboundPayment, {
  description:
    'An outbound payment: money from a financial account to a third party (a bank account, or another account\'s financial account ' +
    'over Stripe\'s network).',
  id: { resolve: (o) => o.id, description: 'Unique identifier, `obp_...`.' },
  loadOne: (id, ctx) => ctx.loaders.outboundPayment.load(id),
  fields: (t) => ({
    ...graph.fields(t),
    customer: t.exposeString('customer', { nullable: true, description: 'The customer (`cus_...`) it was sent to, as the request named it.' }),
    endUserDetails: t.field({ type: EndUserDetails, description: 'Who asked for it.', resolve: (o) => o }),
  }),
});

const OutboundPaymentFilter = builder.inputType('OutboundPaymentFilter', {
  description: 'Filters of an outbound payment list (Stripe\'s list parameters).',
  fields: (t) => ({
    status: t.field({ type: OutboundPaymentStatus, required: false, description: 'Only payments in this status.' }),
    customer: t.string({ required: false, description: 'Only payments sent to this customer (`cus_...`).' }),
    created: t.field({ type: TimeRange, required: false, description: 'Only payments created in this range.' }),
  }),
});

builder.objectField(FinancialAccount, 'outboundPayments', (t) =>
  t.connection({
    type: OutboundPayment,
    description: 'The account\'s outbound payments, newest first.',
    args: { filter: t.arg({ type: OutboundPaymentFilter, required: false }) },
    resolve: (row, args, ctx) => {
      checkTimeRange(args.filter?.created, ['filter', 'created']);
      return ctx.loaders.outboundPaymentsPage(row.id, args.filter, pageRequest(args, 'createdAt'));
    },
  }),
);

builder.queryField('outboundPayment', (t) =>
  t.field({
    type: OutboundPayment,
    nullable: true,
    description: 'An outbound payment by id; null when it does not exist or is outside your scope.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.loaders.outboundPayment.load(args.id),
  }),
);

const DestinationDataType = stripeEnum('OutboundPaymentDestinationDataType', ['financial_account', 'us_bank_account'] as const, {
  description: 'The kind of destination given inline (`destination_payment_method_data[type]`).',
});

const BillingAddressInput = builder.inputType('OutboundPaymentBillingAddressInput', {
  description: 'The holder\'s address.',
  fields: (t) => ({
    city: t.string({ required: false, description: 'City, district, suburb, town, or village.' }),
    country: t.string({ required: false, description: 'Two-letter ISO country code.' }),
    line1: t.string({ required: false, description: 'Address line 1.' }),
    line2: t.string({ required: false, description: 'Address line 2.' }),
    postalCode: t.string({ required: false, description: 'ZIP or postal code.' }),
    state: t.string({ required: false, description: 'State, county, province, or region.' }),
  }),
});

const CreateInput = builder.inputRef<Idempotent<CreateOutboundPaymentInput>>('CreateOutboundPaymentInput').implement({
  fields: (t) => ({
    financialAccount: t.id({ required: true, description: 'The financial account to pay from (`fa_...`).' }),
    amount: t.field({ type: 'MinorUnits', required: true, description: 'Amount in minor units (cents): a positive integer.' }),
    currency: t.string({ required: true, description: 'Three-letter ISO currency code, lowercase (usd).' }),
    customer: t.string({ required: false, description: 'The customer (`cus_...`) the payment is sent to.' }),
    description: t.string({ required: false, description: 'An arbitrary string, fit to show to users.' }),
    destinationPaymentMethod: t.id({
      required: false,
      description: 'A us_bank_account payment method (`pm_...`) of the financial account\'s connected account.',
    }),
    destinationPaymentMethodData: t.field({
      type: builder.inputType('OutboundPaymentDestinationDataInput', {
        description: 'A destination given inline: a US bank account, or another account\'s financial account.',
        fields: (f) => ({
          type: f.field({ type: DestinationDataType, required: true, description: 'US_BANK_ACCOUNT or FINANCIAL_ACCOUNT.' }),
          financialAccount: f.id({ required: false, description: 'For FINANCIAL_ACCOUNT: the destination financial account (`fa_...`).' }),
          billingDetails: f.field({
            type: builder.inputType('OutboundPaymentBillingDetailsInput', {
              description: 'The destination\'s holder; the name is required for a bank account.',
              fields: (g) => ({
                name: g.string({ required: false, description: 'Full name of the account holder.' }),
                email: g.string({ required: false, description: 'Email address.' }),
                phone: g.string({ required: false, description: 'Phone number.' }),
                address: g.field({ type: BillingAddressInput, required: false, description: 'Address.' }),
              }),
            }),
            required: false,
            description: 'The destination\'s holder.',
          }),
          usBankAccount: f.field({
            type: builder.inputType('OutboundPaymentUsBankAccountDataInput', {
              description: 'For US_BANK_ACCOUNT: the bank account\'s numbers.',
              fields: (g) => ({
                routingNumber: g.string({ required: false, description: 'ABA routing number (nine digits with a valid check digit).' }),
                accountNumber: g.string({ required: false, description: 'Account number (4 to 17 digits).' }),
                accountHolderType: g.field({ type: UsBankAccountHolderType, required: false, description: 'Individual or company.' }),
                accountType: g.field({ type: UsBankAccountType, required: false, description: 'Checking (default) or savings.' }),
                financialConnectionsAccount: g.string({
                  required: false,
                  description: 'A Financial Connections account instead of the numbers; the gateway has none, so it is refused.',
                }),
              }),
            }),
            required: false,
            description: 'The bank account, for US_BANK_ACCOUNT.',
          }),
          metadata: f.field({ type: 'Metadata', required: false, description: 'Metadata of the payment method Stripe would generate.' }),
        }),
      }),
      required: false,
      description: 'Instead of destinationPaymentMethod: a bank account or another account\'s financial account, given inline.',
    }),
    destinationPaymentMethodOptions: t.field({ type: graph.DestinationOptionsInput, required: false, description: 'How to reach the destination.' }),
    endUserDetails: t.field({
      type: builder.inputType('OutboundPaymentEndUserDetailsInput', {
        description: 'Who asks for the payment.',
        fields: (f) => ({
          present: f.boolean({ required: true, description: 'True when the request is made on behalf of an end user who is present.' }),
          ipAddress: f.string({ required: false, description: 'That end user\'s IP address (IPv4 or IPv6); required when present.' }),
        }),
      }),
      required: false,
      description: 'The end user on whose behalf the platform pays (default: none present).',
    }),
    statementDescriptor: t.string({
      required: false,
      description: 'What the recipient\'s statement shows: at most 10 characters over ACH, 140 over a wire, 500 over stripe; default "payment".',
    }),
    metadata: t.field({ type: 'Metadata', required: false, description: 'Key-value pairs to attach.' }),
    idempotencyKey: idempotencyKeyField(t),
  }),
});

builder.mutationField('createOutboundPayment', (t) =>
  t.field({
    type: graph.steps.payload('CreateOutboundPaymentPayload'),
    description:
      'Pays a third party from a financial account: a saved bank account (payment method), a bank account given inline, or another ' +
      'account\'s financial account over Stripe\'s network, with Stripe\'s checks: the feature for the network, platform restrictions, ' +
      'an open account, the currency, the amount, the statement descriptor, the destination, the end user, enough cash. The amount moves ' +
      'from cash to outbound pending (an open transaction). Over Stripe\'s network it posts by itself shortly after the request and ' +
      'arrives as a ReceivedCredit. Reported by `treasury.outbound_payment.created`.',
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      asPayload(ctx, async () => {
        const { idempotencyKey: key, ...fields } = input;
        return ctx.services.outboundPayments.create(ctx.viewer, fields, key);
      }),
  }),
);

const { stepMutation } = graph.steps;
stepMutation(
  'cancelOutboundPayment',
  'Cancels a processing payment the network does not have yet: the held amount goes back to cash and its transaction is void. ' +
    'Reported by `treasury.outbound_payment.canceled`.',
  () => ({}),
  (ctx, input, key) => ctx.services.outboundPayments.cancel(ctx.viewer, input, key),
);
stepMutation(
  'postOutboundPayment',
  'Test mode only (Stripe\'s test helper): posts a processing payment; outbound pending is released and the transaction posts. Over ' +
    'Stripe\'s network the money arrives as a ReceivedCredit (or, if the destination can no longer take it, the payment fails). ' +
    'Reported by `treasury.outbound_payment.posted`.',
  () => ({}),
  (ctx, input, key) => ctx.services.outboundPayments.post(ctx.viewer, input, key),
);
stepMutation(
  'failOutboundPayment',
  'Test mode only (Stripe\'s test helper): fails a processing payment; the held amount goes back to cash and the transaction is void. ' +
    'Reported by `treasury.outbound_payment.failed`.',
  () => ({}),
  (ctx, input, key) => ctx.services.outboundPayments.fail(ctx.viewer, input, key),
);
stepMutation(
  'returnOutboundPayment',
  'Test mode only (Stripe\'s test helper): returns a processing or posted payment to a bank account; it posts (if it had not) and a ' +
    'second transaction credits the money back to cash. Reported by `treasury.outbound_payment.returned`.',
  graph.steps.returnedDetails,
  (ctx, input, key) => ctx.services.outboundPayments.return(ctx.viewer, input, key),
);
stepMutation(
  'updateOutboundPayment',
  'Test mode only (Stripe\'s test helper): sets the tracking details of a payment the network has (not cancelable, not canceled or ' +
    'failed). Reported by `treasury.outbound_payment.tracking_details_updated`.',
  graph.steps.trackingDetails,
  (ctx, input, key) => ctx.services.outboundPayments.updateTracking(ctx.viewer, input, key),
);
