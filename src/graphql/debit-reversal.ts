// DebitReversal: Stripe's `treasury.debit_reversal`, the reversal of a
// ReceivedDebit; its root field, its list on FinancialAccount, the link from
// its ReceivedDebit, and createDebitReversal.
import type { DebitReversal as DebitReversalRow } from '../db/generated/client.ts';
import { DEBIT_REVERSAL_NETWORKS, DEBIT_REVERSAL_RESOLUTIONS, DEBIT_REVERSAL_STATUSES } from '../domain/money-movements/index.ts';
import { pageRequest } from '../domain/pagination.ts';
import type { CreateDebitReversalInput } from '../services/debit-reversals.ts';
import { builder } from './builder.ts';
import { FinancialAccount } from './financial-account.ts';
import { ReceivedDebit, ReceivedDebitLinkedFlows } from './received-debit.ts';
import type { Idempotent } from './movement-parts.ts';
import { required } from './required.ts';
import { storedValue, stripeEnum } from './stripe-enum.ts';
import { Transaction } from './transaction.ts';
import { asPayload, objectPayload } from './user-error.ts';

export const DebitReversalStatus = stripeEnum('DebitReversalStatus', DEBIT_REVERSAL_STATUSES, {
  description: 'Status of a debit reversal.',
  valueDescriptions: {
    processing: 'Created; the network has not resolved it yet. No money has moved.',
    succeeded: 'Resolved in the account holder\'s favour: the amount is back in cash (its transaction).',
    failed: 'Resolved against the account holder: no money moved.',
  },
});

const Network = stripeEnum('DebitReversalNetwork', DEBIT_REVERSAL_NETWORKS, {
  description: 'The rails used to reverse the funds: those of the debit reversed.',
});

const Resolution = stripeEnum('DebitReversalResolution', DEBIT_REVERSAL_RESOLUTIONS, {
  description: 'How the network resolved a debit reversal (Stripe\'s list parameter `resolution`).',
  valueDescriptions: { won: 'Won (status SUCCEEDED): a crediting transaction exists.', lost: 'Lost (status FAILED): no transaction.' },
});

const ListStatus = stripeEnum('DebitReversalListStatus', ['canceled', 'completed', 'processing'] as const, {
  description: 'The statuses Stripe\'s debit reversal list filters on (its own values, not the object\'s).',
  valueDescriptions: {
    canceled: 'Canceled before reaching the network; Stripe does not support this yet, so none are.',
    completed: 'The network has resolved it (status SUCCEEDED or FAILED).',
    processing: 'Not resolved yet.',
  },
});

const LinkedFlows = builder.objectRef<DebitReversalRow>('DebitReversalLinkedFlows').implement({
  description: 'Other flows linked to a debit reversal.',
  fields: (t) => ({
    issuingDispute: t.id({ nullable: true, description: 'The Issuing dispute behind it; Issuing is not modelled, so null.', resolve: () => null }),
  }),
});

const StatusTransitions = builder.objectRef<DebitReversalRow>('DebitReversalStatusTransitions').implement({
  description: 'When it changed status.',
  fields: (t) => ({
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true, description: 'When the network resolved it (won or lost).' }),
  }),
});

export const DebitReversal = builder.objectRef<DebitReversalRow>('DebitReversal');

builder.node(DebitReversal, {
  description: 'A debit reversal: the account holder getting back the money of a ReceivedDebit.',
  id: { resolve: (r) => r.id, description: 'Unique identifier, `debrev_...`.' },
  loadOne: (id, ctx) => ctx.loaders.debitReversal.load(id),
  fields: (t) => ({
    amount: t.expose('amount', { type: 'MinorUnits', description: 'Amount reversed, in minor units: the debit\'s.' }),
    created: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    currency: t.exposeString('currency', { description: 'Three-letter ISO currency code, lowercase.' }),
    financialAccount: t.field({
      type: FinancialAccount,
      description: 'The financial account the funds come back to.',
      resolve: (r, _args, ctx) => ctx.loaders.financialAccount.load(r.financialAccountId).then(required),
    }),
    hostedRegulatoryReceiptUrl: t.string({ nullable: true, description: 'Stripe\'s hosted receipt; the gateway hosts none, so null.', resolve: () => null }),
    linkedFlows: t.field({ type: LinkedFlows, description: 'Linked flows.', resolve: (r) => r }),
    livemode: t.exposeBoolean('livemode', { description: 'True in live mode, false in test mode.' }),
    metadata: t.field({ type: 'Metadata', description: 'Key-value pairs attached to it.', resolve: (r) => r.metadata as Record<string, string> }),
    network: t.field({ type: Network, description: 'The rails used to reverse the funds.', resolve: (r) => storedValue(DEBIT_REVERSAL_NETWORKS, r.network) }),
    receivedDebit: t.field({
      type: ReceivedDebit,
      description: 'The received debit it reverses.',
      resolve: (r, _args, ctx) => ctx.loaders.receivedDebit.load(r.receivedDebitId).then(required),
    }),
    status: t.expose('status', { type: DebitReversalStatus, description: 'Processing, then succeeded (won) or failed (lost).' }),
    statusTransitions: t.field({ type: StatusTransitions, description: 'When it changed status.', resolve: (r) => r }),
    transaction: t.field({
      type: Transaction,
      nullable: true,
      description: 'Its transaction, crediting the amount back; null until it is won, and for a lost one.',
      resolve: (r, _args, ctx) => (r.transactionId ? ctx.loaders.transaction.load(r.transactionId) : null),
    }),
  }),
});

builder.objectField(ReceivedDebitLinkedFlows, 'debitReversal', (t) =>
  t.field({
    type: DebitReversal,
    nullable: true,
    description: 'The debit reversal that reverses it (Stripe\'s `linked_flows.debit_reversal`); null while there is none.',
    resolve: (r, _args, ctx) => (r.debitReversalId ? ctx.loaders.debitReversal.load(r.debitReversalId) : null),
  }),
);

const DebitReversalFilter = builder.inputType('DebitReversalFilter', {
  description: 'Filters of a debit reversal list (Stripe\'s list parameters).',
  fields: (t) => ({
    receivedDebit: t.id({ required: false, description: 'Only the reversal of this received debit (`rd_...`).' }),
    resolution: t.field({ type: Resolution, required: false, description: 'Only reversals resolved this way.' }),
    status: t.field({ type: ListStatus, required: false, description: 'Only reversals in this state.' }),
  }),
});

builder.objectField(FinancialAccount, 'debitReversals', (t) =>
  t.connection({
    type: DebitReversal,
    description: 'The account\'s debit reversals, newest first.',
    args: { filter: t.arg({ type: DebitReversalFilter, required: false }) },
    resolve: (row, args, ctx) => ctx.loaders.debitReversalsPage(row.id, args.filter, pageRequest(args, 'createdAt')),
  }),
);

builder.queryField('debitReversal', (t) =>
  t.field({
    type: DebitReversal,
    nullable: true,
    description: 'A debit reversal by id; null when it does not exist or is outside your scope.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.loaders.debitReversal.load(args.id),
  }),
);

const CreateInput = builder.inputRef<Idempotent<CreateDebitReversalInput>>('CreateDebitReversalInput').implement({
  fields: (t) => ({
    receivedDebit: t.id({ required: true, description: 'The received debit to reverse (`rd_...`).' }),
    metadata: t.field({ type: 'Metadata', required: false, description: 'Key-value pairs to attach.' }),
    idempotencyKey: t.string({
      required: false,
      description: 'Stripe\'s Idempotency-Key: a replay with the same key and input returns the first result and does nothing again.',
    }),
  }),
});

builder.mutationField('createDebitReversal', (t) =>
  t.field({
    type: objectPayload('CreateDebitReversalPayload', {
      field: 'debitReversal',
      label: 'debit reversal',
      type: DebitReversal,
      load: (ctx, id) => ctx.loaders.debitReversal.load(id),
    }),
    description:
      'Reverses a received debit, as Stripe\'s POST /v1/treasury/debit_reversals: only a succeeded debit over ACH or a card network, ' +
      'not the return of an InboundTransfer, once, before its `reversalDetails.deadline`, on an open account that may receive money ' +
      '(user errors with `reversalDetails.restrictedReason` as the code otherwise). It is created PROCESSING and moves no money; ' +
      'shortly after, the network resolves it by itself: SUCCEEDED, with a transaction crediting the amount back to cash. ' +
      'Reported by `treasury.debit_reversal.created` and `.completed`.',
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      asPayload(ctx, async () => {
        const { idempotencyKey: key, ...fields } = input;
        return ctx.services.debitReversals.create(ctx.viewer, fields, key);
      }),
  }),
);
