// ReceivedCredit: Stripe's `treasury.received_credit`, money another party (or
// another financial account, over Stripe's network) sent to a financial
// account; its root field, its list on FinancialAccount and Stripe's test helper.
import type { ReceivedCredit as ReceivedCreditRow } from '../db/generated/client.ts';
import { NETWORKS } from '../domain/flows.ts';
import { FLOW_TYPES } from '../domain/ledger.ts';
import {
  RECEIVED_CREDIT_FAILURE_CODES,
  RECEIVED_CREDIT_STATUSES,
  REVERSAL_RESTRICTED_REASONS,
  receivedCreditRestrictedReason,
} from '../domain/money-movements/index.ts';
import { pageRequest } from '../domain/pagination.ts';
import type { CreateReceivedCreditInput } from '../services/received-credits.ts';
import { TreasuryBillingDetails, type BillingDetailsShape } from './billing-details.ts';
import { builder, type BuilderTypes } from './builder.ts';
import { FlowType, TreasuryNetwork } from './enums.ts';
import { FinancialAccount } from './financial-account.ts';
import { FinancialAccountNetworkDetails } from './outbound-transfer.ts';
import type { Idempotent } from './movement-parts.ts';
import { required } from './required.ts';
import { isOneOf, storedValue, stripeEnum } from './stripe-enum.ts';
import { Transaction } from './transaction.ts';
import { asPayload, objectPayload } from './user-error.ts';

export const ReceivedCreditStatus = stripeEnum('ReceivedCreditStatus', RECEIVED_CREDIT_STATUSES, {
  description: 'Status of a received credit: decided when it arrives.',
  valueDescriptions: { succeeded: 'Approved: the money is in cash.', failed: 'Declined (see failureCode): no money moved, no transaction.' },
});

export const ReversalRestrictedReason = stripeEnum('ReversalRestrictedReason', REVERSAL_RESTRICTED_REASONS, {
  description: 'Why a received flow cannot be reversed (Stripe\'s `reversal_details.restricted_reason`).',
  valueDescriptions: {
    already_reversed: 'A reversal of it exists.',
    deadline_passed: 'Its reversal deadline has passed.',
    network_restricted: 'Its network allows no reversal (e.g. a wire credit, or a debit over Stripe\'s network).',
    other: 'It failed: no money moved, so there is nothing to reverse.',
    source_flow_restricted: 'The flow behind it allows no reversal: a credit over Stripe\'s network from a flow other than an OutboundPayment, or a debit that returned an InboundTransfer.',
  },
});

const FailureCode = stripeEnum('ReceivedCreditFailureCode', RECEIVED_CREDIT_FAILURE_CODES, {
  description: 'Why a received credit failed.',
});

const InitiatingType = stripeEnum(
  'ReceivedCreditInitiatingPaymentMethodType',
  ['balance', 'financial_account', 'issuing_card', 'stripe', 'us_bank_account'] as const,
  { description: 'The kind of source the money came from.' },
);

const TestNetwork = stripeEnum('ReceivedCreditTestNetwork', ['ach', 'us_domestic_wire', 'stripe'] as const, {
  description: 'The networks the createReceivedCredit test helper can simulate.',
});

const SourceFlowType = stripeEnum('ReceivedCreditSourceFlowType', ['credit_reversal', 'other', 'outbound_payment', 'outbound_transfer', 'payout'] as const, {
  description: 'The kind of flow that sent a received credit (`linked_flows.source_flow_type`).',
});

interface InitiatingDetails {
  type: 'balance' | 'financial_account' | 'issuing_card' | 'stripe' | 'us_bank_account';
  billingDetails: BillingDetailsShape;
  usBankAccount: { bankName: string | null; last4: string; routingNumber: string } | null;
  financialAccount: { id: string; network: 'stripe' } | null;
  balance: string | null;
  issuingCard: string | null;
}

const InitiatingUsBankAccount = builder
  .objectRef<NonNullable<InitiatingDetails['usBankAccount']>>('ReceivedCreditInitiatingUsBankAccount')
  .implement({
    description: 'The bank account the money came from.',
    fields: (t) => ({
      bankName: t.exposeString('bankName', { nullable: true, description: 'Bank name.' }),
      last4: t.exposeString('last4', { description: 'Last four digits of the account number.' }),
      routingNumber: t.exposeString('routingNumber', { description: 'Routing number.' }),
    }),
  });

/** Stripe's shared initiating_payment_method_details (a ReceivedDebit's too). */
export const InitiatingDetailsType = builder.objectRef<InitiatingDetails>('ReceivedCreditInitiatingPaymentMethodDetails').implement({
  description: 'Where the money came from (Stripe\'s `initiating_payment_method_details`).',
  fields: (t) => ({
    type: t.expose('type', { type: InitiatingType, description: 'The kind of source.' }),
    billingDetails: t.field({ type: TreasuryBillingDetails, description: 'The sender.', resolve: (d) => d.billingDetails }),
    balance: t.exposeString('balance', { nullable: true, description: 'Set when `type` is BALANCE.' }),
    financialAccount: t.field({
      type: FinancialAccountNetworkDetails,
      nullable: true,
      description: 'The sending financial account, when `type` is FINANCIAL_ACCOUNT.',
      resolve: (d) => d.financialAccount,
    }),
    issuingCard: t.exposeString('issuingCard', { nullable: true, description: 'Set when `type` is ISSUING_CARD.' }),
    usBankAccount: t.field({
      type: InitiatingUsBankAccount,
      nullable: true,
      description: 'The sending bank account, when `type` is US_BANK_ACCOUNT.',
      resolve: (d) => d.usBankAccount,
    }),
  }),
});

/** The columns every received flow (ReceivedCredit, ReceivedDebit) stores alike. */
type ReceivedFlowRow = Pick<
  ReceivedCreditRow,
  'amount' | 'createdAt' | 'currency' | 'description' | 'financialAccountId' | 'initiatingPaymentMethodDetails' | 'livemode' | 'network' | 'transactionId'
>;

/** The fields Stripe's received flows share, worded for `noun` ("credit" or "debit"). */
export function receivedFlowFields(t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, ReceivedFlowRow>, noun: 'credit' | 'debit') {
  const incoming = noun === 'credit';
  return {
    amount: t.expose('amount', { type: 'MinorUnits', description: `Amount ${incoming ? 'received' : 'pulled'}, in minor units (positive).` }),
    created: t.expose('createdAt', { type: 'DateTime', description: 'When it arrived.' }),
    currency: t.exposeString('currency', { description: 'Three-letter ISO currency code, lowercase.' }),
    description: t.exposeString('description', { description: 'A description, fit to show to users.' }),
    financialAccount: t.field({
      type: FinancialAccount,
      description: incoming ? 'The financial account that received the funds.' : 'The financial account the funds were pulled from.',
      resolve: (r, _args, ctx) => ctx.loaders.financialAccount.load(r.financialAccountId).then(required),
    }),
    hostedRegulatoryReceiptUrl: t.string({ nullable: true, description: 'Stripe\'s hosted receipt; the gateway hosts none, so null.', resolve: () => null }),
    initiatingPaymentMethodDetails: t.field({
      type: InitiatingDetailsType,
      description: incoming ? 'Where the money came from.' : 'Who pulled the money.',
      resolve: (r) => r.initiatingPaymentMethodDetails as unknown as InitiatingDetails,
    }),
    livemode: t.exposeBoolean('livemode', { description: 'True in live mode, false in test mode.' }),
    network: t.field({
      type: TreasuryNetwork,
      description: incoming ? 'The rails the funds came over.' : 'The rails the debit came over (ACH, CARD or STRIPE).',
      resolve: (r) => storedValue(NETWORKS, r.network),
    }),
    transaction: t.field({
      type: Transaction,
      nullable: true,
      description: `Its transaction; null for a failed ${noun}.`,
      resolve: (r, _args, ctx) => (r.transactionId ? ctx.loaders.transaction.load(r.transactionId) : null),
    }),
  };
}

export const ReceivedCreditLinkedFlows = builder.objectRef<ReceivedCreditRow>('ReceivedCreditLinkedFlows').implement({
  description: 'Other flows linked to a received credit.',
  fields: (t) => ({
    creditReversal: t.id({
      nullable: true,
      description: 'The CreditReversal (`credrev_...`) that reversed it, if any.',
      resolve: async (r, _args, ctx) => (await ctx.loaders.creditReversalOfReceivedCredit.load(r.id))?.id ?? null,
    }),
    issuingAuthorization: t.id({ nullable: true, description: 'The Issuing authorization behind it; null.', resolve: () => null }),
    issuingTransaction: t.id({ nullable: true, description: 'The Issuing transaction behind it; null.', resolve: () => null }),
    sourceFlow: t.exposeID('sourceFlow', {
      nullable: true,
      description: 'The flow that sent it (e.g. an `obt_...`), when it came over Stripe\'s network from a flow you may see.',
    }),
    sourceFlowType: t.field({
      type: FlowType,
      nullable: true,
      description: 'The kind of that flow.',
      resolve: (r) => (r.sourceFlowType && isOneOf(FLOW_TYPES, r.sourceFlowType) ? r.sourceFlowType : null),
    }),
  }),
});

const ReversalDetails = builder.objectRef<ReceivedCreditRow>('ReceivedCreditReversalDetails').implement({
  description: 'Whether and until when it can be reversed.',
  fields: (t) => ({
    deadline: t.expose('reversalDeadline', { type: 'DateTime', nullable: true, description: 'Until when it can be reversed.' }),
    restrictedReason: t.field({
      type: ReversalRestrictedReason,
      nullable: true,
      description: 'Why it cannot be reversed now; null when it can (createCreditReversal).',
      resolve: async (r, _args, ctx) => receivedCreditRestrictedReason(r, (await ctx.loaders.creditReversalOfReceivedCredit.load(r.id)) !== null, new Date()),
    }),
  }),
});

export const ReceivedCredit = builder.objectRef<ReceivedCreditRow>('ReceivedCredit');

builder.node(ReceivedCredit, {
  description: 'A received credit: money sent to a financial account by someone else, or by another financial account over Stripe\'s network.',
  id: { resolve: (r) => r.id, description: 'Unique identifier, `rc_...`.' },
  loadOne: (id, ctx) => ctx.loaders.receivedCredit.load(id),
  fields: (t) => ({
    ...receivedFlowFields(t, 'credit'),
    failureCode: t.field({
      type: FailureCode,
      nullable: true,
      description: 'Why it failed; null when it succeeded.',
      resolve: (r) => (r.failureCode === null ? null : storedValue(RECEIVED_CREDIT_FAILURE_CODES, r.failureCode)),
    }),
    linkedFlows: t.field({ type: ReceivedCreditLinkedFlows, description: 'Linked flows.', resolve: (r) => r }),
    reversalDetails: t.field({ type: ReversalDetails, description: 'Whether it can be reversed.', resolve: (r) => r }),
    status: t.expose('status', { type: ReceivedCreditStatus, description: 'Succeeded or failed.' }),
  }),
});

const ReceivedCreditFilter = builder.inputType('ReceivedCreditFilter', {
  description: 'Filters of a received credit list (Stripe\'s list parameters).',
  fields: (t) => ({
    status: t.field({ type: ReceivedCreditStatus, required: false, description: 'Only credits in this status.' }),
    linkedFlows: t.field({
      type: builder.inputType('ReceivedCreditLinkedFlowsFilter', {
        description: 'Stripe\'s `linked_flows[...]` list parameter.',
        fields: (f) => ({
          sourceFlowType: f.field({ type: SourceFlowType, required: true, description: 'Only credits sent by this kind of flow.' }),
        }),
      }),
      required: false,
      description: 'Only credits linked to this kind of flow.',
    }),
  }),
});

builder.objectField(FinancialAccount, 'receivedCredits', (t) =>
  t.connection({
    type: ReceivedCredit,
    description: 'The account\'s received credits, newest first.',
    args: { filter: t.arg({ type: ReceivedCreditFilter, required: false }) },
    resolve: (row, args, ctx) => ctx.loaders.receivedCreditsPage(row.id, args.filter, pageRequest(args, 'createdAt')),
  }),
);

builder.queryField('receivedCredit', (t) =>
  t.field({
    type: ReceivedCredit,
    nullable: true,
    description: 'A received credit by id; null when it does not exist or is outside your scope.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.loaders.receivedCredit.load(args.id),
  }),
);

/** Stripe's `initiating_payment_method_details[...]` test helper parameter (source_params, a ReceivedDebit's too). */
export const InitiatingInput = builder.inputType('ReceivedCreditInitiatingPaymentMethodInput', {
  description: 'The simulated sender (`initiating_payment_method_details[...]`).',
  fields: (f) => ({
    type: f.field({
      type: stripeEnum('ReceivedCreditInitiatingInputType', ['us_bank_account'] as const, { description: 'The kind of sender.' }),
      required: true,
      description: 'US_BANK_ACCOUNT.',
    }),
    usBankAccount: f.field({
      type: builder.inputType('ReceivedCreditInitiatingUsBankAccountInput', {
        description: 'The sending bank account.',
        fields: (g) => ({
          accountHolderName: g.string({ required: false, description: 'The holder\'s name.' }),
          accountNumber: g.string({ required: false, description: 'The account number (only its last four digits are kept).' }),
          routingNumber: g.string({ required: false, description: 'The ABA routing number (default 110000000).' }),
        }),
      }),
      required: false,
      description: 'The bank account.',
    }),
  }),
});

const CreateInput = builder.inputRef<Idempotent<CreateReceivedCreditInput>>('CreateReceivedCreditInput').implement({
  fields: (t) => ({
    financialAccount: t.id({ required: true, description: 'The financial account to send funds to (`fa_...`).' }),
    amount: t.field({ type: 'MinorUnits', required: true, description: 'Amount in minor units (cents): a positive integer.' }),
    currency: t.string({ required: true, description: 'Three-letter ISO currency code, lowercase (usd).' }),
    network: t.field({ type: TestNetwork, required: true, description: 'The rails to simulate.' }),
    description: t.string({ required: false, description: 'A description (default "Stripe Test").' }),
    initiatingPaymentMethodDetails: t.field({
      type: InitiatingInput,
      required: false,
      description: 'The sender; default Stripe\'s test bank account.',
    }),
    idempotencyKey: t.string({
      required: false,
      description: 'Stripe\'s Idempotency-Key: a replay with the same key and input returns the first result and moves no money.',
    }),
  }),
});

builder.mutationField('createReceivedCredit', (t) =>
  t.field({
    type: objectPayload('CreateReceivedCreditPayload', {
      field: 'receivedCredit',
      label: 'received credit',
      type: ReceivedCredit,
      load: (ctx, id) => ctx.loaders.receivedCredit.load(id),
    }),
    description:
      'Test mode only (Stripe\'s test helper): money arrives at a financial account. As in Stripe it is decided at once: succeeded, ' +
      'posted to cash, or failed (closed account, feature not active, inbound flows restricted) with a failure code and no transaction. ' +
      'Reported by `treasury.received_credit.created` and `.succeeded` or `.failed`.',
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      asPayload(ctx, async () => {
        const { idempotencyKey: key, ...fields } = input;
        return ctx.services.receivedCredits.create(ctx.viewer, fields, key);
      }),
  }),
);
