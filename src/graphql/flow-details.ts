// FlowDetails: the money movement behind a transaction or entry. A union over
// the movement types, resolved by the flow id's prefix; a new movement type
// joins by adding its type to FLOW_OBJECTS.
import type { Context } from '../context.ts';
import { idType, type IdType } from '../domain/ids.ts';
import { builder } from './builder.ts';
import { CreditReversal } from './credit-reversal.ts';
import { InboundTransfer } from './inbound-transfer.ts';
import { OutboundTransfer } from './outbound-transfer.ts';
import { OutboundPayment } from './outbound-payment.ts';
import { ReceivedCredit, ReceivedCreditLinkedFlows } from './received-credit.ts';
import { ReceivedDebit } from './received-debit.ts';
import { DebitReversal } from './debit-reversal.ts';
import { reads } from './row-columns.ts';
import { Transaction } from './transaction.ts';
import { TransactionEntry } from './transaction-entry.ts';

/** Each movement type in the union, with how to load one. */
const FLOW_OBJECTS = {
  OutboundTransfer: { type: OutboundTransfer, load: (ctx: Context, id: string) => ctx.loaders.outboundTransfer.load(id) },
  ReceivedCredit: { type: ReceivedCredit, load: (ctx: Context, id: string) => ctx.loaders.receivedCredit.load(id) },
  InboundTransfer: { type: InboundTransfer, load: (ctx: Context, id: string) => ctx.loaders.inboundTransfer.load(id) },
  ReceivedDebit: { type: ReceivedDebit, load: (ctx: Context, id: string) => ctx.loaders.receivedDebit.load(id) },
  DebitReversal: { type: DebitReversal, load: (ctx: Context, id: string) => ctx.loaders.debitReversal.load(id) },
  CreditReversal: { type: CreditReversal, load: (ctx: Context, id: string) => ctx.loaders.creditReversal.load(id) },
  OutboundPayment: { type: OutboundPayment, load: (ctx: Context, id: string) => ctx.loaders.outboundPayment.load(id) },
} as const;

type FlowObjectType = keyof typeof FLOW_OBJECTS;

/** A row of any movement type in the union. */
type FlowObject = NonNullable<Awaited<ReturnType<(typeof FLOW_OBJECTS)[FlowObjectType]['load']>>>;

export const FlowDetails = builder.unionType('FlowDetails', {
  description: 'The money movement (flow) behind a transaction: Stripe\'s `flow_details`. More movement types join as they are modelled.',
  types: Object.values(FLOW_OBJECTS).map((f) => f.type),
  // Every movement's id carries its type's prefix (obt_, rc_, ...).
  resolveType: (value) => idType((value as { id: string }).id) as FlowObjectType,
});

/** The flow object for a flow id; null for one of a type not modelled yet, or outside the viewer's scope. */
async function loadFlow(ctx: Context, id: string | null): Promise<FlowObject | null> {
  if (!id) return null;
  const type = idType(id) as IdType | undefined;
  if (!type || !(type in FLOW_OBJECTS)) return null;
  return FLOW_OBJECTS[type as FlowObjectType].load(ctx, id);
}

builder.objectField(Transaction, 'flowDetails', (t) =>
  t.field({
    type: FlowDetails,
    nullable: true,
    description: 'The money movement that made this transaction (Stripe\'s `flow_details`); null for kinds of flow not modelled yet.',
    extensions: reads('flow'),
    resolve: (row, _args, ctx) => loadFlow(ctx, row.flow),
  }),
);

builder.objectField(TransactionEntry, 'flowDetails', (t) =>
  t.field({
    type: FlowDetails,
    nullable: true,
    description: 'The money movement this entry belongs to; null for kinds of flow not modelled yet.',
    extensions: reads('flow'),
    resolve: (row, _args, ctx) => loadFlow(ctx, row.flow),
  }),
);

builder.objectField(ReceivedCreditLinkedFlows, 'sourceFlowDetails', (t) =>
  t.field({
    type: FlowDetails,
    nullable: true,
    description: 'The flow that sent it (Stripe\'s expandable `source_flow_details`), when you may see it.',
    resolve: (row, _args, ctx) => loadFlow(ctx, row.sourceFlow),
  }),
);
