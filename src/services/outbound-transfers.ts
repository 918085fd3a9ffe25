// OutboundTransfers: money from a financial account to an account of the same
// owner, under Stripe's checks, following the domain's state machine for
// outbound flows (outbound-flows.ts): every step writes the entries its Step
// lists through the ledger writer, the transfer's new state and its events, in
// one database transaction. Test helpers (post, fail, return, tracking) work in
// test mode only.
import type { FinancialAccount, OutboundTransfer } from '../db/generated/client.ts';
import type { TransactionClient } from '../db/client.ts';
import {
  createOutboundTransfer,
  findOutboundTransfer,
  lockOutboundTransfer,
  updateOutboundTransfer,
} from '../db/outbound-transfers.ts';
import { UserInputError } from '../domain/errors.ts';
import { canSee, type Viewer } from '../domain/viewer.ts';
import { idempotently } from './idempotency.ts';
import { emitStep, movementEmitter } from './money-movement-ledger.ts';
import type { OutboundFlowEvent } from '../domain/money-movements/index.ts';
import {
  checkAmountAndCurrency,
  checkCanReceive,
  checkFlowTerms,
  deliverOverStripe,
  newOutboundFlowColumns,
  openOutboundFlow,
  OutboundFlowService,
  usBankAccountDetails,
  type OutboundFlowKind,
} from './outbound-flows.ts';
import { lockFinancialAccountsInOrder } from './movement-steps.ts';
import { billingOfPaymentMethod, ownersPaymentMethod } from './payment-methods.ts';
import { accountById } from '../db/accounts.ts';
import { emptyBilling } from './received-credits.ts';
import { retryOnceOnConflict, type UnitOfWork } from './unit-of-work.ts';

export type { TrackingDetailsInput } from './outbound-flows.ts';

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

const FA_FIELD = ['destinationPaymentMethodData', 'financialAccount'];

const OUTBOUND_TRANSFER: OutboundFlowKind<OutboundTransfer, 'outboundTransfer', 'outbound_transfer'> = {
  type: 'outbound_transfer',
  idType: 'OutboundTransfer',
  field: 'outboundTransfer',
  label: 'outbound transfer',
  defaultDescription: 'Outbound transfer',
  mutations: {
    cancel: 'cancelOutboundTransfer',
    post: 'postOutboundTransfer',
    fail: 'failOutboundTransfer',
    return: 'returnOutboundTransfer',
    update_tracking: 'updateOutboundTransfer',
  },
  find: findOutboundTransfer,
  lock: lockOutboundTransfer,
  update: updateOutboundTransfer,
  emit: movementEmitter<OutboundFlowEvent<'outbound_transfer'>>(),
};

export class OutboundTransferService extends OutboundFlowService<OutboundTransfer, 'outboundTransfer', 'outbound_transfer'> {
  constructor(unitOfWork: UnitOfWork) {
    super(unitOfWork, OUTBOUND_TRANSFER);
  }

  /** POST /v1/treasury/outbound_transfers. `at`: when it happens (default now). */
  async create(viewer: Viewer, input: CreateOutboundTransferInput, idempotencyKey?: string | null, at?: Date): Promise<{ id: string }> {
    return retryOnceOnConflict(() =>
      this.unitOfWork.run(async (tx, changes) => {
        const now = at ?? new Date();
        // Concurrency: both accounts' rows are locked (SELECT … FOR UPDATE, in id order, so two transfers between the
        // same accounts cannot deadlock) before anything is checked: concurrent transfers from one account take turns,
        // so the cash check below sees every earlier transfer's hold and none can overdraw. The locks come before the
        // idempotency check too, so a concurrent replay waits and then finds the first request's key.
        const rows = await lockFinancialAccountsInOrder(tx, [input.financialAccount, input.destinationPaymentMethodData?.financialAccount]);
        const locked = new Map([...rows].map(([id, row]) => [id, row && canSee(viewer, row) ? row : null]));
        const result = await idempotently(tx, viewer, idempotencyKey, 'createOutboundTransfer', input, async () => {
          const source = locked.get(input.financialAccount) ?? null;
          if (!source) throw new UserInputError('resource_missing', `No such financial account: '${input.financialAccount}'.`, ['financialAccount']);
          const money = checkAmountAndCurrency(source, input);
          const destination = await this.destinationFor(tx, viewer, source, input, locked);
          const { statementDescriptor, metadata, balance } = await checkFlowTerms(tx, source, 'outbound_transfer', destination.network, input);
          // The money arrives at once as a ReceivedCredit: an account that could not take it refuses the transfer.
          if (destination.account) await checkCanReceive(tx, destination.account, FA_FIELD, 'transfer');
          const description = input.description ?? null;
          const flowDescription = description ?? OUTBOUND_TRANSFER.defaultDescription;
          const opened = await openOutboundFlow(
            tx,
            source,
            balance,
            { type: 'outbound_transfer', idType: 'OutboundTransfer', description: flowDescription },
            money,
            now,
          );
          const { id, step: created, ledger } = opened;
          let transfer = await createOutboundTransfer(tx, newOutboundFlowColumns(source, opened, money, destination, { description, statementDescriptor, metadata }, now));
          await emitStep(tx, changes, source, created, transfer, OUTBOUND_TRANSFER.emit, ledger.changed);

          if (destination.account) {
            // Over Stripe's network the money is there at once: it arrives as a ReceivedCredit (network stripe) on the
            // destination, and the transfer posts, both in this database transaction.
            const flow = { id, type: 'outbound_transfer' as const, description: flowDescription };
            const credit = await deliverOverStripe(tx, changes, source, destination.account, flow, money, now);
            transfer = await updateOutboundTransfer(tx, id, { receivedCreditId: credit.id });
            transfer = await this.steps.apply(tx, changes, source, transfer, { type: 'post', at: now });
          }
          return transfer.id;
        });
        return { id: result.id };
      }),
    );
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
      // The platform's own money may move between its own financial accounts, but never to a connected account's bank.
      if (source.accountId === source.platformId) {
        throw new UserInputError(
          'parameter_not_allowed',
          'The platform\'s own financial accounts cannot send money to a payment method: an OutboundTransfer goes to an account of the same owner.',
          ['destinationPaymentMethod'],
        );
      }
      const pm = await ownersPaymentMethod(tx, viewer, source, pmId, ['destinationPaymentMethod']);
      const network = input.destinationPaymentMethodOptions?.usBankAccount?.network ?? 'ach';
      return { network, paymentMethod: pm.id, account: null, details: usBankAccountDetails(pm, billingOfPaymentMethod(pm), network) };
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
