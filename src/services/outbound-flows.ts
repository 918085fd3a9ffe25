// What OutboundTransfers and OutboundPayments share: Stripe documents them with
// the same words, and the domain gives them one state machine
// (outboundFlowMachine). Here: the checks of a request to send money, the
// hold that opens the flow, the details of a bank account destination, the
// arrival over Stripe's network as a ReceivedCredit, and every later step
// (cancel and the test helpers: post, fail, return, tracking) with its
// entries, its new state and its events in one database transaction.
import type { FinancialAccount, ReceivedCredit } from '../db/generated/client.ts';
import type { TransactionClient } from '../db/client.ts';
import { accountById } from '../db/accounts.ts';
import { UserInputError } from '../domain/errors.ts';
import { checkFlowAllowed } from '../domain/flows.ts';
import { newId, type IdType } from '../domain/ids.ts';
import type { Balance } from '../domain/ledger.ts';
import { mergeMetadata } from '../domain/metadata.ts';
import { checkMoney, type Money } from '../domain/money.ts';
import {
  checkSufficientFunds,
  decideReceivedCredit,
  outboundFlowMachine,
  type OutboundFlowAction,
  type OutboundFlowReturnCode,
  type OutboundFlowState,
  type OutboundFlowStatus,
  type OutboundFlowStep,
  type OutboundFlowEvent,
} from '../domain/money-movements/index.ts';
import { checkMetadataText } from '../domain/payment-methods.ts';
import { failure, unwrap } from '../domain/result.ts';
import { checkStatementDescriptor } from '../domain/statement-descriptors.ts';
import { expectedArrivalDate } from '../domain/timelines.ts';
import type { Viewer } from '../domain/viewer.ts';
import { flowContext, flowStanding, writeStep, type EmitMovement, type StepLedger } from './money-movement-ledger.ts';
import { bankAccountDetails } from './payment-methods.ts';
import { applyStep, stepMovement, type SteppedMovement } from './movement-steps.ts';
import { emptyBilling, receiveCredit } from './received-credits.ts';
import type { ChangeSet, UnitOfWork } from './unit-of-work.ts';

export type OutboundFlowType = 'outbound_transfer' | 'outbound_payment';
export type OutboundNetwork = 'ach' | 'us_domestic_wire' | 'stripe';

/** The columns every outbound flow's row has (OutboundTransfer's and OutboundPayment's). */
export interface OutboundFlowRow {
  id: string;
  financialAccountId: string;
  destinationFinancialAccountId: string | null;
  amount: bigint;
  currency: string;
  description: string | null;
  status: OutboundFlowStatus;
  cancelable: boolean;
  network: string;
  transactionId: string;
  returnTransactionId: string | null;
  postedAt: Date | null;
  failedAt: Date | null;
  canceledAt: Date | null;
  returnedAt: Date | null;
}

/** What a step changes on the flow's row. */
export interface OutboundFlowChanges {
  status?: OutboundFlowStatus;
  cancelable?: boolean;
  postedAt?: Date | null;
  failedAt?: Date | null;
  canceledAt?: Date | null;
  returnedAt?: Date | null;
  returnTransactionId?: string | null;
  returnedCode?: string;
  trackingDetails?: Record<string, unknown>;
  receivedCreditId?: string;
}

export interface TrackingDetailsInput {
  type: 'ach' | 'us_domestic_wire';
  ach?: { traceId: string } | null;
  usDomesticWire?: { chips?: string | null; imad?: string | null; omad?: string | null } | null;
}

export type OutboundStepAction = 'cancel' | 'post' | 'fail' | 'return' | 'update_tracking';

export interface StepExtra {
  returnedCode?: OutboundFlowReturnCode;
  trackingDetails?: TrackingDetailsInput;
}

/** One kind of outbound flow: its names, its store, its events, and what its steps set off besides the ledger. */
export interface OutboundFlowKind<Row extends OutboundFlowRow, Field extends string = string, F extends OutboundFlowType = OutboundFlowType> {
  type: F;
  idType: Extract<IdType, 'OutboundTransfer' | 'OutboundPayment'>;
  /** The input field naming one (`outboundTransfer`). */
  field: Field;
  /** Its name in messages ("outbound transfer"). */
  label: string;
  /** Its transactions' description when it has none of its own. */
  defaultDescription: string;
  /** The mutation of each step, for idempotency keys and the test-mode refusal. */
  mutations: Record<OutboundStepAction, string>;
  find(tx: TransactionClient, viewer: Viewer, id: string): Promise<Row | null>;
  lock(tx: TransactionClient, id: string): Promise<Row | null>;
  update(tx: TransactionClient, id: string, changes: OutboundFlowChanges): Promise<Row>;
  /** Reports its row under one of its event types. */
  emit: EmitMovement<Row, OutboundFlowEvent<F>>;
  /** The action that really applies (e.g. a post that can no longer be delivered fails instead). */
  resolveAction?(tx: TransactionClient, row: Row, action: OutboundFlowAction): Promise<OutboundFlowAction>;
  /** What a step sets off after its own ledger and events (e.g. the credit on the destination); returns the row as it ends. */
  afterStep?(tx: TransactionClient, changes: ChangeSet, account: FinancialAccount, row: Row, action: OutboundFlowAction): Promise<Row>;
}

/** The request's amount and currency, which the source must hold. */
export function checkAmountAndCurrency(source: FinancialAccount, input: { amount: bigint; currency: string }): Money {
  const money = unwrap(checkMoney(input));
  if (!source.supportedCurrencies.includes(money.currency)) {
    throw new UserInputError('parameter_invalid', `The financial account does not hold ${money.currency}.`, ['currency']);
  }
  return money;
}

/**
 * The source's feature and restrictions for the network, the statement descriptor (or Stripe's default) and the
 * metadata; with the source's balance, read with its features, for openOutboundFlow's cash check.
 */
export async function checkFlowTerms(
  tx: TransactionClient,
  source: FinancialAccount,
  flow: OutboundFlowType,
  network: OutboundNetwork,
  input: { statementDescriptor?: string | null; metadata?: Record<string, string> | null },
): Promise<{ statementDescriptor: string; metadata: Record<string, string>; balance: Balance }> {
  const { context, balance } = await flowStanding(tx, source);
  unwrap(checkFlowAllowed(flow, network, context));
  const statementDescriptor = unwrap(checkStatementDescriptor(input.statementDescriptor, flow, network));
  unwrap(checkMetadataText(input.metadata));
  return { statementDescriptor, metadata: mergeMetadata({}, input.metadata), balance };
}

/** Refuses a destination financial account that could not take a credit over Stripe's network now. */
export async function checkCanReceive(tx: TransactionClient, destination: FinancialAccount, field: string[], what: string): Promise<void> {
  const check = checkFlowAllowed('received_credit', 'stripe', await flowContext(tx, destination), { financialAccount: field });
  const decided = decideReceivedCredit(check);
  if (!decided.ok || decided.value !== null) {
    unwrap(check.ok ? failure('parameter_invalid', `The destination financial account cannot receive this ${what}.`, field) : check);
  }
}

/** Whether the destination could take a credit over Stripe's network now. */
export async function canReceive(tx: TransactionClient, destination: FinancialAccount): Promise<boolean> {
  const decided = decideReceivedCredit(checkFlowAllowed('received_credit', 'stripe', await flowContext(tx, destination)));
  return decided.ok && decided.value === null;
}

/**
 * The flow's first step on the source (locked by the caller, and `balance` read
 * under that lock, by checkFlowTerms): the cash check, then the hold from cash
 * to outbound pending on a new open transaction.
 */
export async function openOutboundFlow<F extends OutboundFlowType>(
  tx: TransactionClient,
  source: FinancialAccount,
  balance: Balance,
  flow: { type: F; idType: IdType; description: string },
  money: Money,
  at: Date,
): Promise<{ id: string; step: Extract<OutboundFlowStep<F>, { ok: true }>; ledger: StepLedger }> {
  unwrap(checkSufficientFunds(balance, money));
  const step = outboundFlowMachine(flow.type).next(null, { type: 'create', amount: money.amount, at });
  if (!step.ok) throw new Error(`Bug: a new ${flow.idType} refused: ${step.message}`);
  const id = newId(flow.idType);
  const ledger = await writeStep(tx, source, step, { id, type: flow.type, currency: money.currency, description: flow.description, at });
  return { id, step, ledger };
}

/** The columns a new outbound flow's row shares with the other kind's, from its request's checked parts and its first step. */
export function newOutboundFlowColumns(
  source: FinancialAccount,
  opened: { id: string; step: Extract<OutboundFlowStep<OutboundFlowType>, { ok: true }>; ledger: StepLedger },
  money: Money,
  destination: { network: OutboundNetwork; paymentMethod: string | null; account: FinancialAccount | null; details: Record<string, unknown> },
  terms: { description: string | null; statementDescriptor: string; metadata: Record<string, string> },
  at: Date,
) {
  return {
    id: opened.id,
    platformId: source.platformId,
    accountId: source.accountId,
    livemode: source.livemode,
    financialAccountId: source.id,
    amount: money.amount,
    currency: money.currency,
    ...terms,
    status: opened.step.status,
    cancelable: opened.step.state.cancelable,
    destinationType: destination.account ? 'financial_account' : 'us_bank_account',
    destinationPaymentMethod: destination.paymentMethod,
    destinationFinancialAccountId: destination.account?.id ?? null,
    network: destination.network,
    destinationDetails: destination.details,
    expectedArrivalDate: expectedArrivalDate(destination.network, at),
    transactionId: opened.ledger.transactions.flow!,
    createdAt: at,
  };
}

/** Stripe's destination_payment_method_details of a us_bank_account destination (never the full account number). */
export function usBankAccountDetails(
  bank: Parameters<typeof bankAccountDetails>[0],
  billing: { name: string | null; email: string | null; address: object },
  network: 'ach' | 'us_domestic_wire',
): Record<string, unknown> {
  return { ...bankAccountDetails(bank, billing, network), financialAccount: null };
}

/**
 * Money sent over Stripe's network arriving at `destination` (locked by the
 * caller): a ReceivedCredit whose linked_flows.source_flow names the flow.
 */
export async function deliverOverStripe(
  tx: TransactionClient,
  changes: ChangeSet,
  source: FinancialAccount,
  destination: FinancialAccount,
  flow: { id: string; type: OutboundFlowType; description: string },
  money: Money,
  at: Date,
): Promise<ReceivedCredit> {
  const owner = await accountById(tx, source.accountId);
  return receiveCredit(tx, changes, destination, {
    money,
    network: 'stripe',
    description: flow.description,
    initiatingPaymentMethodDetails: {
      type: 'financial_account',
      billingDetails: emptyBilling(owner.displayName ?? null),
      usBankAccount: null,
      financialAccount: { id: source.id, network: 'stripe' },
      balance: null,
      issuingCard: null,
    },
    linkedFlow: { sourceFlow: flow.id, sourceFlowType: flow.type },
    at,
  });
}

/** The later steps of one kind of outbound flow: cancel, and Stripe's test helpers. */
export class OutboundFlowSteps<Row extends OutboundFlowRow, F extends OutboundFlowType> {
  private readonly machine;
  /** The flow as a stored movement whose steps lock its source and its destination financial account. */
  private readonly movement: SteppedMovement<Row>;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly kind: OutboundFlowKind<Row, string, F>,
  ) {
    this.machine = outboundFlowMachine(kind.type);
    this.movement = {
      idType: kind.idType,
      label: kind.label,
      field: kind.field,
      find: (tx, viewer, id) => kind.find(tx, viewer, id),
      lock: (tx, id) => kind.lock(tx, id),
      accountsOf: (row) => [row.financialAccountId, row.destinationFinancialAccountId],
    };
  }

  /** A step asked for by a request: found in the viewer's scope, test helpers in test mode only, idempotent. */
  run(
    viewer: Viewer,
    action: OutboundStepAction,
    id: string,
    input: Record<string, unknown>,
    extra: StepExtra,
    idempotencyKey: string | null | undefined,
    at: Date | undefined,
  ): Promise<{ id: string }> {
    const { kind } = this;
    const request = { mutation: kind.mutations[action], testHelper: action !== 'cancel', id, input, idempotencyKey };
    return stepMovement(this.unitOfWork, this.movement, viewer, request, (tx, changes, row, account) => {
      if (action === 'return' && row.network === 'stripe') {
        throw new UserInputError(
          'invalid_status_transition',
          `This ${kind.idType} went to a financial account over Stripe's network and arrived there: it cannot be returned.`,
          [kind.field],
        );
      }
      if (action === 'update_tracking') checkTracking(kind.idType, row, extra.trackingDetails!);
      return this.apply(tx, changes, account, row, { type: action, at: at ?? new Date() }, extra);
    });
  }

  /** One step of the machine on a stored flow: its entries, its new state, its events, the balance it leaves, what it sets off. */
  async apply(
    tx: TransactionClient,
    changes: ChangeSet,
    account: FinancialAccount,
    row: Row,
    requested: OutboundFlowAction,
    extra: StepExtra = {},
  ): Promise<Row> {
    const { kind } = this;
    const action = kind.resolveAction ? await kind.resolveAction(tx, row, requested) : requested;
    const updated = await applyStep(tx, changes, account, this.machine.next(stateOf(row), action), {
      field: kind.field,
      flow: { id: row.id, type: kind.type, currency: row.currency, description: row.description ?? kind.defaultDescription, at: action.at },
      existing: { flow: row.transactionId, return: row.returnTransactionId },
      save: (step, ledger) =>
        kind.update(tx, row.id, {
          status: step.status,
          cancelable: step.state.cancelable,
          postedAt: step.state.statusTransitions.postedAt,
          failedAt: step.state.statusTransitions.failedAt,
          canceledAt: step.state.statusTransitions.canceledAt,
          returnedAt: step.state.statusTransitions.returnedAt,
          returnTransactionId: ledger.transactions.return,
          ...(action.type === 'return' ? { returnedCode: extra.returnedCode ?? 'declined' } : {}),
          ...(extra.trackingDetails ? { trackingDetails: trackingJson(extra.trackingDetails) } : {}),
        }),
      emit: kind.emit,
    });
    return kind.afterStep ? kind.afterStep(tx, changes, account, updated, action) : updated;
  }
}

function stateOf(row: OutboundFlowRow): OutboundFlowState {
  const transactionStatus = row.status === 'processing' ? 'open' : row.status === 'failed' || row.status === 'canceled' ? 'void' : 'posted';
  return {
    status: row.status,
    amount: row.amount,
    cancelable: row.cancelable,
    transactionStatus,
    returnTransactionStatus: row.returnTransactionId ? 'posted' : null,
    statusTransitions: { postedAt: row.postedAt, failedAt: row.failedAt, canceledAt: row.canceledAt, returnedAt: row.returnedAt },
  };
}

/** Stripe's test helper rules for tracking_details: the type is the flow's network, with that network's identifiers. */
function checkTracking(name: string, row: OutboundFlowRow, tracking: TrackingDetailsInput): void {
  const field = ['trackingDetails'];
  if (row.network !== tracking.type) {
    throw new UserInputError('parameter_invalid', `This ${name} travels over ${row.network}, not ${tracking.type}.`, [...field, 'type']);
  }
  if (tracking.type === 'ach' && !tracking.ach?.traceId) {
    throw new UserInputError('parameter_missing', 'ACH tracking details need ach.traceId.', [...field, 'ach', 'traceId']);
  }
  if (tracking.type === 'us_domestic_wire' && !(tracking.usDomesticWire?.imad || tracking.usDomesticWire?.omad || tracking.usDomesticWire?.chips)) {
    throw new UserInputError('parameter_missing', 'Wire tracking details need usDomesticWire.imad, omad or chips.', [...field, 'usDomesticWire']);
  }
}

function trackingJson(tracking: TrackingDetailsInput): Record<string, unknown> {
  return {
    type: tracking.type,
    ach: tracking.type === 'ach' ? { traceId: tracking.ach!.traceId } : null,
    usDomesticWire:
      tracking.type === 'us_domestic_wire'
        ? { chips: tracking.usDomesticWire?.chips ?? null, imad: tracking.usDomesticWire?.imad ?? null, omad: tracking.usDomesticWire?.omad ?? null }
        : null,
  };
}

/**
 * A service of one kind of outbound flow: its cancel and Stripe's test helpers, each naming the flow by the kind's
 * input field (`{ outboundTransfer }`, `{ outboundPayment }`). `at`: when it happens (default now).
 */
export class OutboundFlowService<Row extends OutboundFlowRow, Field extends string, F extends OutboundFlowType> {
  protected readonly steps: OutboundFlowSteps<Row, F>;

  constructor(
    protected readonly unitOfWork: UnitOfWork,
    private readonly kind: OutboundFlowKind<Row, Field, F>,
  ) {
    this.steps = new OutboundFlowSteps(unitOfWork, kind);
  }

  /** Stripe's cancel: only while processing and cancelable. */
  cancel(viewer: Viewer, input: Record<Field, string>, idempotencyKey?: string | null, at?: Date) {
    return this.steps.run(viewer, 'cancel', input[this.kind.field], input, {}, idempotencyKey, at);
  }

  /** Test helper: post a processing flow. */
  post(viewer: Viewer, input: Record<Field, string>, idempotencyKey?: string | null, at?: Date) {
    return this.steps.run(viewer, 'post', input[this.kind.field], input, {}, idempotencyKey, at);
  }

  /** Test helper: fail a processing flow. */
  fail(viewer: Viewer, input: Record<Field, string>, idempotencyKey?: string | null, at?: Date) {
    return this.steps.run(viewer, 'fail', input[this.kind.field], input, {}, idempotencyKey, at);
  }

  /** Test helper: return a processing or posted flow, with Stripe's `returned_details[code]` (default `declined`). */
  return(
    viewer: Viewer,
    input: Record<Field, string> & { returnedDetails?: { code?: OutboundFlowReturnCode | null } | null },
    idempotencyKey?: string | null,
    at?: Date,
  ) {
    const extra = { returnedCode: input.returnedDetails?.code ?? 'declined' };
    return this.steps.run(viewer, 'return', input[this.kind.field], input, extra, idempotencyKey, at);
  }

  /** Test helper: set the network's tracking details (ACH trace id, wire IMAD/OMAD/CHIPS) of a flow the network has. */
  updateTracking(viewer: Viewer, input: Record<Field, string> & { trackingDetails: TrackingDetailsInput }, idempotencyKey?: string | null, at?: Date) {
    return this.steps.run(viewer, 'update_tracking', input[this.kind.field], input, { trackingDetails: input.trackingDetails }, idempotencyKey, at);
  }
}
