// OutboundTransfers: money from a financial account to an account of the same
// owner, under Stripe's checks, following the domain's state machine
// (nextOutboundTransfer): every step writes the entries its Step lists through
// the ledger writer, the transfer's new state and its events, in one database
// transaction. Test helpers (post, fail, return, tracking) work in test mode only.
import type { FinancialAccount, OutboundTransfer } from '../db/generated/client.ts';
import type { TransactionClient } from '../db/client.ts';
import { accountById } from '../db/accounts.ts';
import { balanceSumsOf, lockFinancialAccount } from '../db/financial-accounts.ts';
import {
  createOutboundTransfer,
  findOutboundTransfer,
  lockOutboundTransfer,
  updateOutboundTransfer,
} from '../db/outbound-transfers.ts';
import { UserInputError } from '../domain/errors.ts';
import { checkFlowAllowed } from '../domain/flows.ts';
import { idType, newId } from '../domain/ids.ts';
import { balanceFromSums } from '../domain/ledger.ts';
import { mergeMetadata } from '../domain/metadata.ts';
import { checkMoney } from '../domain/money.ts';
import {
  checkSufficientFunds,
  decideReceivedCredit,
  nextOutboundTransfer,
  type OutboundTransferAction,
  type OutboundTransferReturnCode,
  type OutboundTransferState,
} from '../domain/money-movements/index.ts';
import { checkMetadataText } from '../domain/payment-methods.ts';
import { failure, unwrap } from '../domain/result.ts';
import { checkStatementDescriptor } from '../domain/statement-descriptors.ts';
import { expectedArrivalDate } from '../domain/timelines.ts';
import type { Viewer } from '../domain/viewer.ts';
import { idempotently } from './idempotency.ts';
import { emitBalanceUpdated, flowContext, writeStep } from './money-movement-ledger.ts';
import { bankAccountDetails, ownersBankAccount } from './payment-methods.ts';
import { emptyBilling, receiveCredit } from './received-credits.ts';
import { applyStep, stepMovement, type SteppedMovement } from './movement-steps.ts';
import { retryOnceOnConflict, type ChangeSet, type UnitOfWork } from './unit-of-work.ts';

export interface CreateOutboundTransferInput {
  financialAccount: string;
  amount: bigint;
  currency: string;
  destinationPaymentMethod?: string | null;
  destinationPaymentMethodData?: { type: 'financial_account'; financialAccount?: string | null } | null;
  destinationPaymentMethodOptions?: { usBankAccount?: { network?: 'ach' | 'us_domestic_wire' | null } | null } | null;
  description?: string | null;
  statementDescriptor?: string | null;
  metadata?: Record<string, string> | null;
}

export interface TrackingDetailsInput {
  type: 'ach' | 'us_domestic_wire';
  ach?: { traceId: string } | null;
  usDomesticWire?: { chips?: string | null; imad?: string | null; omad?: string | null } | null;
}

type Helper = 'post' | 'fail' | 'return' | 'update_tracking';

const HELPER_MUTATION: Record<Helper | 'cancel', string> = {
  cancel: 'cancelOutboundTransfer',
  post: 'postOutboundTransfer',
  fail: 'failOutboundTransfer',
  return: 'returnOutboundTransfer',
  update_tracking: 'updateOutboundTransfer',
};

const FA_FIELD = ['destinationPaymentMethodData', 'financialAccount'];

const OUTBOUND_TRANSFERS: SteppedMovement<OutboundTransfer> = {
  idType: 'OutboundTransfer',
  label: 'outbound transfer',
  field: 'outboundTransfer',
  find: findOutboundTransfer,
  lock: lockOutboundTransfer,
};

export class OutboundTransferService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** POST /v1/treasury/outbound_transfers. `at`: when it happens (default now). */
  async create(viewer: Viewer, input: CreateOutboundTransferInput, idempotencyKey?: string | null, at?: Date): Promise<{ id: string }> {
    return retryOnceOnConflict(() =>
      this.unitOfWork.run(async (tx, changes) => {
        const now = at ?? new Date();
        // Concurrency: both accounts' rows are locked (SELECT … FOR UPDATE, in id order, so two transfers between the
        // same accounts cannot deadlock) before anything is checked: concurrent transfers from one account take turns,
        // so the cash check below sees every earlier transfer's hold and none can overdraw. The locks come before the
        // idempotency check too, so a concurrent replay waits and then finds the first request's key.
        const destinationId = input.destinationPaymentMethodData?.financialAccount ?? null;
        const locked = new Map<string, FinancialAccount | null>();
        for (const id of [...new Set([input.financialAccount, destinationId].filter((id): id is string => !!id && idType(id) === 'FinancialAccount'))].sort()) {
          locked.set(id, await lockFinancialAccount(tx, viewer, id));
        }
        const result = await idempotently(tx, viewer, idempotencyKey, 'createOutboundTransfer', input, async () => {
          const source = locked.get(input.financialAccount) ?? null;
          if (!source) throw new UserInputError('resource_missing', `No such financial account: '${input.financialAccount}'.`, ['financialAccount']);
          const money = unwrap(checkMoney(input));
          if (!source.supportedCurrencies.includes(money.currency)) {
            throw new UserInputError('parameter_invalid', `The financial account does not hold ${money.currency}.`, ['currency']);
          }
          const destination = await this.destinationFor(tx, viewer, source, input, locked);
          unwrap(checkFlowAllowed('outbound_transfer', destination.network, await flowContext(tx, source)));
          const statementDescriptor = unwrap(checkStatementDescriptor(input.statementDescriptor, 'outbound_transfer', destination.network));
          unwrap(checkMetadataText(input.metadata));
          const metadata = mergeMetadata({}, input.metadata);
          if (destination.account) {
            // The money arrives at once as a ReceivedCredit: an account that could not take it refuses the transfer.
            const check = checkFlowAllowed('received_credit', 'stripe', await flowContext(tx, destination.account), { financialAccount: FA_FIELD });
            const decided = decideReceivedCredit(check);
            if (!decided.ok || decided.value !== null) {
              unwrap(check.ok ? failure('parameter_invalid', 'The destination financial account cannot receive this transfer.', FA_FIELD) : check);
            }
          }
          const balance = balanceFromSums(source.supportedCurrencies, await balanceSumsOf(tx, source.id));
          unwrap(checkSufficientFunds(balance, money));

          const created = nextOutboundTransfer(null, { type: 'create', amount: money.amount, at: now });
          if (!created.ok) throw new Error(`Bug: a new OutboundTransfer refused: ${created.message}`);
          const id = newId('OutboundTransfer');
          const description = input.description ?? null;
          const flow = { id, type: 'outbound_transfer' as const, currency: money.currency, description: description ?? 'Outbound transfer', at: now };
          const ledger = await writeStep(tx, source, created, flow);
          let transfer = await createOutboundTransfer(tx, {
            id,
            platformId: source.platformId,
            accountId: source.accountId,
            livemode: source.livemode,
            financialAccountId: source.id,
            amount: money.amount,
            currency: money.currency,
            description,
            statementDescriptor,
            metadata,
            status: created.status,
            cancelable: created.state.cancelable,
            destinationType: destination.account ? 'financial_account' : 'us_bank_account',
            destinationPaymentMethod: destination.paymentMethod,
            destinationFinancialAccountId: destination.account?.id ?? null,
            network: destination.network,
            destinationDetails: destination.details,
            expectedArrivalDate: expectedArrivalDate(destination.network, now),
            transactionId: ledger.transactions.flow!,
            createdAt: now,
          });
          for (const type of created.events) changes.emit(type as 'treasury.outbound_transfer.created', transfer);
          await emitBalanceUpdated(tx, changes, source, ledger.changed);

          if (destination.account) {
            // Over Stripe's network the money is there at once: it arrives as a ReceivedCredit (network stripe) on the
            // destination, and the transfer posts, both in this database transaction.
            const owner = await accountById(tx, source.accountId);
            const credit = await receiveCredit(tx, changes, destination.account, {
              money,
              network: 'stripe',
              description: description ?? 'Outbound transfer',
              initiatingPaymentMethodDetails: {
                type: 'financial_account',
                billingDetails: emptyBilling(owner.displayName ?? null),
                usBankAccount: null,
                financialAccount: { id: source.id, network: 'stripe' },
                balance: null,
                issuingCard: null,
              },
              linkedFlow: { sourceFlow: id, sourceFlowType: 'outbound_transfer' },
              at: now,
            });
            transfer = await updateOutboundTransfer(tx, id, { receivedCreditId: credit.id });
            transfer = await this.apply(tx, changes, source, transfer, { type: 'post', at: now });
          }
          return transfer.id;
        });
        return { id: result.id };
      }),
    );
  }

  /** POST /v1/treasury/outbound_transfers/{id}/cancel: only while processing and cancelable. */
  cancel(viewer: Viewer, input: { outboundTransfer: string }, idempotencyKey?: string | null, at?: Date) {
    return this.step(viewer, 'cancel', input, {}, idempotencyKey, at);
  }

  /** Test helper: post a processing transfer. */
  post(viewer: Viewer, input: { outboundTransfer: string }, idempotencyKey?: string | null, at?: Date) {
    return this.step(viewer, 'post', input, {}, idempotencyKey, at);
  }

  /** Test helper: fail a processing transfer. */
  fail(viewer: Viewer, input: { outboundTransfer: string }, idempotencyKey?: string | null, at?: Date) {
    return this.step(viewer, 'fail', input, {}, idempotencyKey, at);
  }

  /** Test helper: return a processing or posted transfer, with Stripe's `returned_details[code]` (default `declined`). */
  return(
    viewer: Viewer,
    input: { outboundTransfer: string; returnedDetails?: { code?: OutboundTransferReturnCode | null } | null },
    idempotencyKey?: string | null,
    at?: Date,
  ) {
    return this.step(viewer, 'return', input, { returnedCode: input.returnedDetails?.code ?? 'declined' }, idempotencyKey, at);
  }

  /** Test helper: set the network's tracking details (ACH trace id, wire IMAD/OMAD/CHIPS) of a transfer the network has. */
  updateTracking(
    viewer: Viewer,
    input: { outboundTransfer: string; trackingDetails: TrackingDetailsInput },
    idempotencyKey?: string | null,
    at?: Date,
  ) {
    return this.step(viewer, 'update_tracking', input, { trackingDetails: input.trackingDetails }, idempotencyKey, at);
  }

  private step(
    viewer: Viewer,
    action: Helper | 'cancel',
    input: { outboundTransfer: string },
    extra: { returnedCode?: OutboundTransferReturnCode; trackingDetails?: TrackingDetailsInput },
    idempotencyKey: string | null | undefined,
    at: Date | undefined,
  ): Promise<{ id: string }> {
    const request = { mutation: HELPER_MUTATION[action], testHelper: action !== 'cancel', id: input.outboundTransfer, input, idempotencyKey };
    return stepMovement(this.unitOfWork, OUTBOUND_TRANSFERS, viewer, request, async (tx, changes, transfer, account) => {
      if (action === 'return' && transfer.network === 'stripe') {
        throw new UserInputError(
          'invalid_status_transition',
          'This OutboundTransfer went to a financial account over Stripe\'s network and arrived there: it cannot be returned.',
          ['outboundTransfer'],
        );
      }
      if (action === 'update_tracking') checkTracking(transfer, extra.trackingDetails!);
      await this.apply(tx, changes, account, transfer, { type: action, at: at ?? new Date() }, extra);
    });
  }

  /** One step of the machine on a stored transfer: its entries, its new state, its events, the balance it leaves. */
  private apply(
    tx: TransactionClient,
    changes: ChangeSet,
    account: FinancialAccount,
    transfer: OutboundTransfer,
    action: OutboundTransferAction,
    extra: { returnedCode?: OutboundTransferReturnCode; trackingDetails?: TrackingDetailsInput } = {},
  ): Promise<OutboundTransfer> {
    return applyStep(tx, changes, account, nextOutboundTransfer(stateOf(transfer), action), {
      field: 'outboundTransfer',
      flow: { id: transfer.id, type: 'outbound_transfer', currency: transfer.currency, description: transfer.description ?? 'Outbound transfer', at: action.at },
      existing: { flow: transfer.transactionId, return: transfer.returnTransactionId },
      save: (step, ledger) =>
        updateOutboundTransfer(tx, transfer.id, {
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
      emit: (type, row) => changes.emit(type as 'treasury.outbound_transfer.created', row),
    });
  }

  /** Where the money goes: a saved bank account of the same connected account, or another of its financial accounts. */
  private async destinationFor(
    tx: TransactionClient,
    viewer: Viewer,
    source: FinancialAccount,
    input: CreateOutboundTransferInput,
    locked: Map<string, FinancialAccount | null>,
  ): Promise<{ network: 'ach' | 'us_domestic_wire' | 'stripe'; paymentMethod: string | null; account: FinancialAccount | null; details: Record<string, unknown> }> {
    const { destinationPaymentMethod: pmId, destinationPaymentMethodData: data } = input;
    if (pmId && data) {
      throw new UserInputError(
        'parameter_invalid',
        'Give either destinationPaymentMethod or destinationPaymentMethodData, not both.',
        ['destinationPaymentMethodData'],
      );
    }
    if (!pmId && !data) {
      throw new UserInputError(
        'parameter_missing',
        'Name the destination: destinationPaymentMethod (a pm_... bank account) or destinationPaymentMethodData (a financial account).',
        ['destinationPaymentMethod'],
      );
    }
    if (pmId) {
      const pm = await ownersBankAccount(tx, viewer, source, pmId, ['destinationPaymentMethod'], 'send money to');
      const network = input.destinationPaymentMethodOptions?.usBankAccount?.network ?? 'ach';
      return { network, paymentMethod: pm.id, account: null, details: { ...bankAccountDetails(pm, network), financialAccount: null } };
    }
    if (input.destinationPaymentMethodOptions?.usBankAccount) {
      throw new UserInputError(
        'parameter_invalid',
        'destinationPaymentMethodOptions.usBankAccount applies to a bank account destination; a financial account is reached over stripe.',
        ['destinationPaymentMethodOptions', 'usBankAccount'],
      );
    }
    const id = data!.financialAccount;
    if (!id) throw new UserInputError('parameter_missing', 'Name the destination financial account (fa_...).', FA_FIELD);
    const account = locked.get(id) ?? null;
    if (!account || account.accountId !== source.accountId) {
      throw new UserInputError('resource_missing', `No such financial account of the same owner: '${id}'.`, FA_FIELD);
    }
    if (account.id === source.id) {
      throw new UserInputError('parameter_invalid', 'A financial account cannot transfer to itself.', FA_FIELD);
    }
    const owner = await accountById(tx, account.accountId);
    return {
      network: 'stripe',
      paymentMethod: null,
      account,
      details: {
        type: 'financial_account',
        billingDetails: emptyBilling(owner.displayName ?? null),
        usBankAccount: null,
        financialAccount: { id: account.id, network: 'stripe' },
      },
    };
  }
}

function stateOf(t: OutboundTransfer): OutboundTransferState {
  const transactionStatus = t.status === 'processing' ? 'open' : t.status === 'failed' || t.status === 'canceled' ? 'void' : 'posted';
  return {
    status: t.status,
    amount: t.amount,
    cancelable: t.cancelable,
    transactionStatus,
    returnTransactionStatus: t.returnTransactionId ? 'posted' : null,
    statusTransitions: { postedAt: t.postedAt, failedAt: t.failedAt, canceledAt: t.canceledAt, returnedAt: t.returnedAt },
  };
}

/** Stripe's test helper rules for tracking_details: the type is the transfer's network, with that network's identifiers. */
function checkTracking(transfer: OutboundTransfer, tracking: TrackingDetailsInput): void {
  const field = ['trackingDetails'];
  if (transfer.network !== tracking.type) {
    throw new UserInputError('parameter_invalid', `This OutboundTransfer travels over ${transfer.network}, not ${tracking.type}.`, [...field, 'type']);
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
