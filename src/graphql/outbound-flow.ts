// What the GraphQL types of OutboundTransfer and OutboundPayment share (Stripe
// gives them the same fields, lifecycle and test helpers): their enums, the
// destination, tracking, status-transition and return types, their common
// fields, and their step mutations (cancel and the test helpers), each named
// after its flow.
import type { EnumRef, InputFieldBuilder, InputFieldMap, ObjectRef } from '@pothos/core';
import {
  OUTBOUND_FLOW_RETURN_CODES,
  OUTBOUND_FLOW_STATUSES,
  type OutboundFlowReturnCode,
} from '../domain/money-movements/index.ts';
import type { Context } from '../context.ts';
import type { OutboundPayment as OutboundPaymentRow, OutboundTransfer as OutboundTransferRow } from '../db/generated/client.ts';
import { TreasuryBillingDetails, type BillingDetailsShape } from './billing-details.ts';
import { builder, type BuilderTypes } from './builder.ts';
import { TreasuryNetwork } from './enums.ts';
import { FinancialAccount } from './financial-account.ts';
import {
  bankAccountDetailsType,
  movementMutation,
  type BankAccountDetailsShape,
  type ExtraFields,
  type MovementInput,
  type MovementObject,
} from './movement-parts.ts';
import { UsBankAccountNetwork } from './payment-method.ts';
import { required } from './required.ts';
import { storedValue, stripeEnum } from './stripe-enum.ts';
import { Transaction } from './transaction.ts';
import { objectPayload } from './user-error.ts';

/** The columns of an outbound flow's row the shared fields read. */
export interface OutboundFlowShape {
  id: string;
  amount: bigint;
  cancelable: boolean;
  createdAt: Date;
  currency: string;
  description: string | null;
  destinationPaymentMethod: string | null;
  destinationDetails: unknown;
  expectedArrivalDate: Date;
  financialAccountId: string;
  livemode: boolean;
  metadata: unknown;
  status: string;
  statementDescriptor: string;
  trackingDetails: unknown;
  transactionId: string;
  returnTransactionId: string | null;
  returnedCode: string | null;
  postedAt: Date | null;
  failedAt: Date | null;
  canceledAt: Date | null;
  returnedAt: Date | null;
}

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

export const FinancialAccountNetworkDetails = builder
  .objectRef<{ id: string; network: 'stripe' }>('FinancialAccountNetworkDetails')
  .implement({
    description: 'A financial account on the other side of a movement over Stripe\'s network.',
    fields: (t) => ({
      id: t.exposeID('id', { description: 'The financial account (`fa_...`).' }),
      network: t.expose('network', { type: TreasuryNetwork, description: 'Always STRIPE: financial accounts send to each other over Stripe.' }),
    }),
  });

/** Each outbound flow's row, by its GraphQL type. */
interface OutboundFlowRows {
  OutboundTransfer: OutboundTransferRow;
  OutboundPayment: OutboundPaymentRow;
}

type OutboundFlowName = keyof OutboundFlowRows;

/** The input field naming one (`{ outboundTransfer }`), as its service's steps take it. */
const INPUT_FIELDS = { OutboundTransfer: 'outboundTransfer', OutboundPayment: 'outboundPayment' } as const;

/**
 * The types and fields of one outbound flow. `name`: its GraphQL type (the
 * prefix of every type made here); `noun`: what its descriptions call it.
 */
export function outboundFlowGraph<Name extends OutboundFlowName, Row extends OutboundFlowShape = OutboundFlowRows[Name]>(
  flow: Name,
  noun: 'transfer' | 'payment',
) {
  // As a plain string, so that the names made from it are too.
  const name: string = flow;
  const a = `an outbound ${noun}`;

  const Status = stripeEnum(`${name}Status`, OUTBOUND_FLOW_STATUSES, {
    description: `Status of ${a}.`,
    valueDescriptions: {
      processing: 'Created; the amount is held in outbound pending until it posts, fails or is canceled.',
      posted: 'The money left the account.',
      failed: 'It did not go through; the held amount is back in cash.',
      canceled: 'Canceled before the network had it; the held amount is back in cash.',
      returned: 'It posted, then the destination sent the money back (a second transaction credits cash).',
    },
  });

  const DestinationType = stripeEnum(`${name}DestinationType`, ['financial_account', 'us_bank_account'] as const, {
    description: `The kind of destination of ${a}.`,
  });

  const ReturnCode = stripeEnum(`${name}ReturnCode`, OUTBOUND_FLOW_RETURN_CODES, {
    description: 'Why the destination sent the money back (`returned_details.code`).',
  });

  const DestinationUsBankAccount = bankAccountDetailsType(
    `${name}DestinationUsBankAccount`,
    `The bank account ${a} went to, as it was when the ${noun} was created (no full account number).`,
  );

  const DestinationDetailsType = builder.objectRef<DestinationDetails>(`${name}DestinationDetails`).implement({
    description: `Where ${a} went (Stripe's \`destination_payment_method_details\`).`,
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

  const TrackingDetailsType = builder.objectRef<TrackingDetails>(`${name}TrackingDetails`).implement({
    description: `What the network reported to trace the ${noun} (Stripe's \`tracking_details\`).`,
    fields: (t) => ({
      type: t.expose('type', { type: UsBankAccountNetwork, description: 'The network.' }),
      ach: t.field({
        type: builder.objectRef<{ traceId: string }>(`${name}AchTrackingDetails`).implement({
          description: 'ACH tracking details.',
          fields: (f) => ({ traceId: f.exposeString('traceId', { description: 'ACH trace id.' }) }),
        }),
        nullable: true,
        description: 'Set for ACH.',
        resolve: (d) => d.ach,
      }),
      usDomesticWire: t.field({
        type: builder.objectRef<NonNullable<TrackingDetails['usDomesticWire']>>(`${name}UsDomesticWireTrackingDetails`).implement({
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

  const StatusTransitions = builder.objectRef<OutboundFlowShape>(`${name}StatusTransitions`).implement({
    description: `When ${a} changed status.`,
    fields: (t) => ({
      canceledAt: t.expose('canceledAt', { type: 'DateTime', nullable: true, description: 'When it was canceled.' }),
      failedAt: t.expose('failedAt', { type: 'DateTime', nullable: true, description: 'When it failed.' }),
      postedAt: t.expose('postedAt', { type: 'DateTime', nullable: true, description: 'When it posted.' }),
      returnedAt: t.expose('returnedAt', { type: 'DateTime', nullable: true, description: 'When it was returned.' }),
    }),
  });

  const ReturnedDetails = builder.objectRef<Row>(`${name}ReturnedDetails`).implement({
    description: 'Why and how the money came back.',
    fields: (t) => ({
      code: t.field({ type: ReturnCode, description: 'Reason for the return.', resolve: (r) => storedValue(OUTBOUND_FLOW_RETURN_CODES, r.returnedCode) }),
      transaction: t.field({
        type: Transaction,
        description: 'The second transaction, which credits the returned money to cash.',
        resolve: (r, _args, ctx) => ctx.loaders.transaction.load(r.returnTransactionId!).then(required),
      }),
    }),
  });

  /** The fields Stripe's two objects share, for `builder.node(...)`. */
  function fields(t: any) {
    return {
      amount: t.expose('amount', { type: 'MinorUnits', description: `Amount of the ${noun}, in minor units (positive).` }),
      cancelable: t.exposeBoolean('cancelable', { description: 'Whether it can still be canceled.' }),
      created: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
      currency: t.exposeString('currency', { description: 'Three-letter ISO currency code, lowercase.' }),
      description: t.exposeString('description', { nullable: true, description: 'An arbitrary string, fit to show to users.' }),
      destinationPaymentMethod: t.exposeID('destinationPaymentMethod', {
        nullable: true,
        description: 'The payment method (`pm_...`) it was sent to; null when the destination was a financial account or given inline.',
      }),
      destinationPaymentMethodDetails: t.field({
        type: DestinationDetailsType,
        description: 'Where it went.',
        resolve: (o: Row) => o.destinationDetails as DestinationDetails,
      }),
      expectedArrivalDate: t.expose('expectedArrivalDate', {
        type: 'DateTime',
        description: 'When the funds are expected to arrive (from the network\'s cutoffs on Federal Reserve banking days).',
      }),
      financialAccount: t.field({
        type: FinancialAccount,
        description: 'The financial account the money was pulled from.',
        resolve: (o: Row, _args: unknown, ctx: Context) => ctx.loaders.financialAccount.load(o.financialAccountId).then(required),
      }),
      hostedRegulatoryReceiptUrl: t.string({
        nullable: true,
        description: 'Stripe\'s hosted regulatory receipt; the gateway hosts none, so null.',
        resolve: () => null,
      }),
      livemode: t.exposeBoolean('livemode', { description: 'True in live mode, false in test mode.' }),
      metadata: t.field({ type: 'Metadata', description: 'Key-value pairs attached to it.', resolve: (o: Row) => o.metadata as Record<string, string> }),
      returnedDetails: t.field({
        type: ReturnedDetails,
        nullable: true,
        description: 'Set when the status is RETURNED.',
        resolve: (o: Row) => (o.status === 'returned' ? o : null),
      }),
      statementDescriptor: t.exposeString('statementDescriptor', { description: 'What the recipient\'s statement shows.' }),
      status: t.expose('status', { type: Status, description: 'Current status.' }),
      statusTransitions: t.field({ type: StatusTransitions, description: 'When it changed status.', resolve: (o: Row) => o }),
      trackingDetails: t.field({
        type: TrackingDetailsType,
        nullable: true,
        description: 'The network\'s tracking details, once reported.',
        resolve: (o: Row) => o.trackingDetails as TrackingDetails | null,
      }),
      transaction: t.field({
        type: Transaction,
        description: 'Its transaction on the source financial account.',
        resolve: (o: Row, _args: unknown, ctx: Context) => ctx.loaders.transaction.load(o.transactionId).then(required),
      }),
    };
  }

  const DestinationOptionsInput = builder.inputType(`${name}DestinationOptionsInput`, {
    description: 'Options for the destination payment method.',
    fields: (f) => ({
      usBankAccount: f.field({
        type: builder.inputType(`${name}UsBankAccountOptionsInput`, {
          description: 'Options for a bank account destination.',
          fields: (g) => ({ network: g.field({ type: UsBankAccountNetwork, required: false, description: 'ACH (default) or US_DOMESTIC_WIRE.' }) }),
        }),
        required: false,
        description: 'For a us_bank_account destination.',
      }),
    }),
  });

  /** The object type itself; its node (id, loadOne, fields) is declared by its own file. */
  const Ref = builder.objectRef<Row>(name);
  return { Ref, Status, ReturnCode, DestinationOptionsInput, fields, steps: outboundFlowSteps(flow, noun, ReturnCode, Ref) };
}

/** The payload type and step mutations (cancel, post, fail, return, update) of one outbound flow. */
function outboundFlowSteps<Name extends OutboundFlowName>(
  flow: Name,
  noun: 'transfer' | 'payment',
  ReturnCode: EnumRef<BuilderTypes, OutboundFlowReturnCode>,
  objectType: ObjectRef<BuilderTypes, OutboundFlowShape>,
) {
  const name: string = flow;
  const field = INPUT_FIELDS[flow];
  const prefix = flow === 'OutboundTransfer' ? 'obt' : 'obp';
  const movement: MovementObject<(typeof INPUT_FIELDS)[Name]> = {
    field,
    label: `outbound ${noun}`,
    prefix,
    type: objectType,
    load: (ctx: Context, id: string) => ctx.loaders[field].load(id),
  };
  const payload = (payloadName: string) => objectPayload(payloadName, movement);

  /** A mutation on one flow: { <flow>, ...more, idempotencyKey }. */
  const stepMutation = <Extra extends InputFieldMap>(
    mutationName: string,
    description: string,
    extraFields: ExtraFields<Extra>,
    run: (ctx: Context, input: MovementInput<(typeof INPUT_FIELDS)[Name], Extra>, key: string | null | undefined) => Promise<{ id: string }>,
  ) => movementMutation(movement, mutationName, description, extraFields, run);

  const returnedDetails = (t: InputFieldBuilder<BuilderTypes, 'InputObject'>) => ({
    returnedDetails: t.field({
      type: builder.inputType(`${name}ReturnedDetailsInput`, {
        description: 'Why the money came back.',
        fields: (f) => ({ code: f.field({ type: ReturnCode, required: false, description: 'Reason (default DECLINED).' }) }),
      }),
      required: false,
      description: 'Why the money came back.',
    }),
  });

  const trackingDetails = (t: InputFieldBuilder<BuilderTypes, 'InputObject'>) => ({
    trackingDetails: t.field({
      type: builder.inputType(`${name}TrackingDetailsInput`, {
        description: 'The network\'s tracking identifiers.',
        fields: (f) => ({
          type: f.field({ type: UsBankAccountNetwork, required: true, description: `The network: the ${noun}'s own.` }),
          ach: f.field({
            type: builder.inputType(`${name}AchTrackingInput`, {
              description: 'ACH tracking.',
              fields: (g) => ({ traceId: g.string({ required: true, description: 'ACH trace id.' }) }),
            }),
            required: false,
            description: 'For ACH.',
          }),
          usDomesticWire: f.field({
            type: builder.inputType(`${name}UsDomesticWireTrackingInput`, {
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
  });

  return {
    payload,
    stepMutation,
    returnedDetails,
    trackingDetails,
  };
}
