// CreditReversal: Stripe's `treasury.credit_reversal`, a ReceivedCredit's money
// sent back; its root field, its list on FinancialAccount, the link from the
// ReceivedCredit it reverses, and its create mutation.
import type { CreditReversal as CreditReversalRow } from '../db/generated/client.ts';
import { CREDIT_REVERSAL_NETWORKS, CREDIT_REVERSAL_STATUSES } from '../domain/money-movements/index.ts';
import { pageRequest } from '../domain/pagination.ts';
import type { CreateCreditReversalInput } from '../services/credit-reversals.ts';
import { builder } from './builder.ts';
import { FinancialAccount } from './financial-account.ts';
import { ReceivedCredit, ReceivedCreditLinkedFlows } from './received-credit.ts';
import type { Idempotent } from './movement-parts.ts';
import { required } from './required.ts';
import { storedValue, stripeEnum } from './stripe-enum.ts';
import { Transaction } from './transaction.ts';
import { asPayload, objectPayload } from './user-error.ts';

export const CreditReversalStatus = stripeEnum('CreditReversalStatus', CREDIT_REVERSAL_STATUSES, {
  description: 'Status of a credit reversal.',
  valueDescriptions: {
    processing: 'Created; the amount is held from cash in outbound pending until Stripe sends it (posts it).',
    posted: 'Sent to the network: the money left the account.',
    canceled: 'Canceled before it was sent (Stripe: "currently not supported"; never reached).',
  },
});

const CreditReversalNetwork = stripeEnum('CreditReversalNetwork', CREDIT_REVERSAL_NETWORKS, {
  description: 'The rails a credit reversal sends the money back over: those the received credit came by.',
});

const StatusTransitions = builder.objectRef<CreditReversalRow>('CreditReversalStatusTransitions').implement({
  description: 'When a credit reversal changed status.',
  fields: (t) => ({
    postedAt: t.expose('postedAt', { type: 'DateTime', nullable: true, description: 'When it posted.' }),
  }),
});

export const CreditReversal = builder.objectRef<CreditReversalRow>('CreditReversal');

builder.node(CreditReversal, {
  description: 'A credit reversal: the whole amount of a received credit sent back to where it came from.',
  id: { resolve: (r) => r.id, description: 'Unique identifier, `credrev_...`.' },
  loadOne: (id, ctx) => ctx.loaders.creditReversal.load(id),
  fields: (t) => ({
    amount: t.expose('amount', { type: 'MinorUnits', description: 'Amount reversed, in minor units (positive): the received credit\'s.' }),
    created: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    currency: t.exposeString('currency', { description: 'Three-letter ISO currency code, lowercase.' }),
    financialAccount: t.field({
      type: FinancialAccount,
      description: 'The financial account the funds are reversed from.',
      resolve: (r, _args, ctx) => ctx.loaders.financialAccount.load(r.financialAccountId).then(required),
    }),
    hostedRegulatoryReceiptUrl: t.string({
      nullable: true,
      description: 'Stripe\'s hosted regulatory receipt; the gateway hosts none, so null.',
      resolve: () => null,
    }),
    livemode: t.exposeBoolean('livemode', { description: 'True in live mode, false in test mode.' }),
    metadata: t.field({ type: 'Metadata', description: 'Key-value pairs attached to it.', resolve: (r) => r.metadata as Record<string, string> }),
    network: t.field({ type: CreditReversalNetwork, description: 'The rails used to reverse the funds.', resolve: (r) => storedValue(CREDIT_REVERSAL_NETWORKS, r.network) }),
    receivedCredit: t.field({
      type: ReceivedCredit,
      description: 'The received credit being reversed.',
      resolve: (r, _args, ctx) => ctx.loaders.receivedCredit.load(r.receivedCreditId).then(required),
    }),
    status: t.expose('status', { type: CreditReversalStatus, description: 'Current status.' }),
    statusTransitions: t.field({ type: StatusTransitions, description: 'When it changed status.', resolve: (r) => r }),
    transaction: t.field({
      type: Transaction,
      description: 'Its transaction.',
      resolve: (r, _args, ctx) => ctx.loaders.transaction.load(r.transactionId).then(required),
    }),
  }),
});

builder.objectField(ReceivedCreditLinkedFlows, 'creditReversalDetails', (t) =>
  t.field({
    type: CreditReversal,
    nullable: true,
    description: 'The CreditReversal that reversed it, if any.',
    resolve: (row, _args, ctx) => ctx.loaders.creditReversalOfReceivedCredit.load(row.id),
  }),
);

const CreditReversalFilter = builder.inputType('CreditReversalFilter', {
  description: 'Filters of a credit reversal list (Stripe\'s list parameters).',
  fields: (t) => ({
    receivedCredit: t.id({ required: false, description: 'Only the reversal of this received credit (`rc_...`).' }),
    status: t.field({ type: CreditReversalStatus, required: false, description: 'Only reversals in this status.' }),
  }),
});

builder.objectField(FinancialAccount, 'creditReversals', (t) =>
  t.connection({
    type: CreditReversal,
    description: 'The account\'s credit reversals, newest first.',
    args: { filter: t.arg({ type: CreditReversalFilter, required: false }) },
    resolve: (row, args, ctx) => ctx.loaders.creditReversalsPage(row.id, args.filter, pageRequest(args, 'createdAt')),
  }),
);

builder.queryField('creditReversal', (t) =>
  t.field({
    type: CreditReversal,
    nullable: true,
    description: 'A credit reversal by id; null when it does not exist or is outside your scope.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.loaders.creditReversal.load(args.id),
  }),
);

const CreateInput = builder.inputRef<Idempotent<CreateCreditReversalInput>>('CreateCreditReversalInput').implement({
  fields: (t) => ({
    receivedCredit: t.id({ required: true, description: 'The received credit to reverse (`rc_...`).' }),
    metadata: t.field({ type: 'Metadata', required: false, description: 'Key-value pairs to attach (a credit reversal cannot be updated later).' }),
    idempotencyKey: t.string({
      required: false,
      description: 'Stripe\'s Idempotency-Key: a replay with the same key and input returns the first result and moves no money.',
    }),
  }),
});

builder.mutationField('createCreditReversal', (t) =>
  t.field({
    type: objectPayload('CreateCreditReversalPayload', {
      field: 'creditReversal',
      label: 'credit reversal',
      type: CreditReversal,
      load: (ctx, id) => ctx.loaders.creditReversal.load(id),
    }),
    description:
      'Sends a received credit\'s whole amount back over the network it came by, with Stripe\'s rules: not already reversed, before ' +
      'its deadline (ACH), a network that allows it (not wires), not a credit sent by another flow over Stripe\'s network unless ' +
      'an OutboundPayment, not a failed credit, and enough cash. The amount moves from cash to outbound pending (an open ' +
      'transaction); Stripe then posts it by itself, shortly after. Reported by `treasury.credit_reversal.created` and `.posted`.',
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      asPayload(ctx, async () => {
        const { idempotencyKey: key, ...fields } = input;
        return ctx.services.creditReversals.create(ctx.viewer, fields, key);
      }),
  }),
);
