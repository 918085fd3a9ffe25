// ReceivedDebit: Stripe's `treasury.received_debit`, money another party pulled
// from a financial account (an ACH debit, the return of an InboundTransfer); its
// root field, its list on FinancialAccount and Stripe's test helper.
import type { ReceivedDebit as ReceivedDebitRow } from '../db/generated/client.ts';
import {
  RECEIVED_DEBIT_FAILURE_CODES,
  RECEIVED_DEBIT_STATUSES,
  RECEIVED_DEBIT_TEST_NETWORKS,
  receivedDebitRestrictedReason,
} from '../domain/money-movements/index.ts';
import { pageRequest } from '../domain/pagination.ts';
import type { CreateReceivedDebitInput } from '../services/received-debits.ts';
import { builder } from './builder.ts';
import { FinancialAccount } from './financial-account.ts';
import { InitiatingInput, receivedFlowFields, ReversalRestrictedReason } from './received-credit.ts';
import type { Idempotent } from './movement-parts.ts';
import { storedValue, stripeEnum } from './stripe-enum.ts';
import { asPayload, objectPayload } from './user-error.ts';

export const ReceivedDebitStatus = stripeEnum('ReceivedDebitStatus', RECEIVED_DEBIT_STATUSES, {
  description: 'Status of a received debit: decided when it arrives.',
  valueDescriptions: { succeeded: 'Approved: the money left cash.', failed: 'Declined (see failureCode): no money moved, no transaction.' },
});

const FailureCode = stripeEnum('ReceivedDebitFailureCode', RECEIVED_DEBIT_FAILURE_CODES, {
  description: 'Why a received debit failed.',
  valueDescriptions: {
    account_closed: 'The financial account is closed.',
    account_frozen: 'The platform restricts outbound flows on the financial account.',
    insufficient_funds: 'The financial account had less cash than the debit.',
    international_transaction: 'An international debit, which Treasury declines.',
    other: 'Any other reason (e.g. the feature the network needs is not active).',
  },
});

const TestNetwork = stripeEnum('ReceivedDebitTestNetwork', RECEIVED_DEBIT_TEST_NETWORKS, {
  description: 'The networks the createReceivedDebit test helper can simulate.',
});


export const ReceivedDebitLinkedFlows = builder.objectRef<ReceivedDebitRow>('ReceivedDebitLinkedFlows').implement({
  description: 'Other flows linked to a received debit.',
  fields: (t) => ({
    inboundTransfer: t.exposeID('inboundTransferId', {
      nullable: true,
      description: 'The InboundTransfer (`ibt_...`) whose return of funds this debit is.',
    }),
    issuingAuthorization: t.id({ nullable: true, description: 'The Issuing authorization behind it; Issuing is not modelled, so null.', resolve: () => null }),
    issuingTransaction: t.id({ nullable: true, description: 'The Issuing transaction behind it; null.', resolve: () => null }),
    payout: t.id({ nullable: true, description: 'The Payout behind it; payouts are not modelled, so null.', resolve: () => null }),
    topup: t.id({ nullable: true, description: 'The Topup behind it; top-ups are not modelled, so null.', resolve: () => null }),
  }),
});

const ReversalDetails = builder.objectRef<ReceivedDebitRow>('ReceivedDebitReversalDetails').implement({
  description: 'Whether and until when it can be reversed (with createDebitReversal).',
  fields: (t) => ({
    deadline: t.expose('reversalDeadline', {
      type: 'DateTime',
      nullable: true,
      description: 'Until when it can be reversed: about one banking day after an ACH debit; null for networks without one.',
    }),
    restrictedReason: t.field({
      type: ReversalRestrictedReason,
      nullable: true,
      description: 'Why it cannot be reversed now; null when it can.',
      resolve: (r) => receivedDebitRestrictedReason(r, new Date()),
    }),
  }),
});

export const ReceivedDebit = builder.objectRef<ReceivedDebitRow>('ReceivedDebit');

builder.node(ReceivedDebit, {
  description: 'A received debit: money pulled from a financial account by someone else, not initiated from the account.',
  id: { resolve: (r) => r.id, description: 'Unique identifier, `rd_...`.' },
  loadOne: (id, ctx) => ctx.loaders.receivedDebit.load(id),
  fields: (t) => ({
    ...receivedFlowFields(t, 'debit'),
    failureCode: t.field({
      type: FailureCode,
      nullable: true,
      description: 'Why it failed; null when it succeeded.',
      resolve: (r) => (r.failureCode === null ? null : storedValue(RECEIVED_DEBIT_FAILURE_CODES, r.failureCode)),
    }),
    linkedFlows: t.field({ type: ReceivedDebitLinkedFlows, description: 'Linked flows.', resolve: (r) => r }),
    reversalDetails: t.field({ type: ReversalDetails, description: 'Whether it can be reversed.', resolve: (r) => r }),
    status: t.expose('status', { type: ReceivedDebitStatus, description: 'Succeeded or failed.' }),
  }),
});

const ReceivedDebitFilter = builder.inputType('ReceivedDebitFilter', {
  description: 'Filters of a received debit list (Stripe\'s list parameters).',
  fields: (t) => ({
    status: t.field({ type: ReceivedDebitStatus, required: false, description: 'Only debits in this status.' }),
  }),
});

builder.objectField(FinancialAccount, 'receivedDebits', (t) =>
  t.connection({
    type: ReceivedDebit,
    description: 'The account\'s received debits, newest first.',
    args: { filter: t.arg({ type: ReceivedDebitFilter, required: false }) },
    resolve: (row, args, ctx) => ctx.loaders.receivedDebitsPage(row.id, args.filter, pageRequest(args, 'createdAt')),
  }),
);

builder.queryField('receivedDebit', (t) =>
  t.field({
    type: ReceivedDebit,
    nullable: true,
    description: 'A received debit by id; null when it does not exist or is outside your scope.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.loaders.receivedDebit.load(args.id),
  }),
);

const CreateInput = builder.inputRef<Idempotent<CreateReceivedDebitInput>>('CreateReceivedDebitInput').implement({
  fields: (t) => ({
    financialAccount: t.id({ required: true, description: 'The financial account to pull funds from (`fa_...`).' }),
    amount: t.field({ type: 'MinorUnits', required: true, description: 'Amount in minor units (cents): a positive integer.' }),
    currency: t.string({ required: true, description: 'Three-letter ISO currency code, lowercase (usd).' }),
    network: t.field({ type: TestNetwork, required: true, description: 'The rails to simulate (ACH).' }),
    description: t.string({ required: false, description: 'A description (default "Stripe Test").' }),
    initiatingPaymentMethodDetails: t.field({
      type: InitiatingInput,
      required: false,
      description: 'Who pulls the money; default Stripe\'s test bank account.',
    }),
    idempotencyKey: t.string({
      required: false,
      description: 'Stripe\'s Idempotency-Key: a replay with the same key and input returns the first result and moves no money.',
    }),
  }),
});

builder.mutationField('createReceivedDebit', (t) =>
  t.field({
    type: objectPayload('CreateReceivedDebitPayload', {
      field: 'receivedDebit',
      label: 'received debit',
      type: ReceivedDebit,
      load: (ctx, id) => ctx.loaders.receivedDebit.load(id),
    }),
    description:
      'Test mode only (Stripe\'s test helper): a third party pulls money from a financial account. As in Stripe it is decided at once: ' +
      'succeeded, taken from cash, or failed with a failure code and no transaction (less cash than the amount, a closed account, ' +
      'the feature not active, outbound flows restricted). Reported by `treasury.received_debit.created`.',
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      asPayload(ctx, async () => {
        const { idempotencyKey: key, ...fields } = input;
        return ctx.services.receivedDebits.create(ctx.viewer, fields, key);
      }),
  }),
);
