// OutboundPayments: money from a financial account to a third party, under
// Stripe's checks, with the lifecycle and ledger OutboundTransfers have
// (outbound-flows.ts). The destination is a saved payment method, a US bank
// account given inline, or another account's financial account over Stripe's
// network; a payment over Stripe's network posts by itself shortly after the
// request (StripeNetworkPoster), and the money then arrives at the destination
// as a ReceivedCredit. Test helpers (post, fail, return, tracking) work in test
// mode only.
import { isIP } from 'node:net';
import type { FinancialAccount, OutboundPayment, PrismaClient } from '../db/generated/client.ts';
import type { TransactionClient } from '../db/client.ts';
import {
  createOutboundPayment,
  findOutboundPayment,
  inlineBankAccountFingerprint,
  lockOutboundPayment,
  outboundPaymentById,
  outboundPaymentsDueToPost,
  updateOutboundPayment,
} from '../db/outbound-payments.ts';
import { financialAccountById } from '../db/financial-accounts.ts';
import { fingerprintOf } from '../db/payment-methods.ts';
import { bankNameOf, checkBillingDetails, checkMetadataText, type BillingDetailsInput } from '../domain/payment-methods.ts';
import { checkUsBankAccount, type AccountHolderType, type AccountType } from '../domain/bank-accounts.ts';
import { UserInputError } from '../domain/errors.ts';
import { randomToken } from '../domain/ids.ts';
import { mergeMetadata } from '../domain/metadata.ts';
import type { Money } from '../domain/money.ts';
import { unwrap } from '../domain/result.ts';
import { canSee, type Viewer } from '../domain/viewer.ts';
import { DeferredCalls } from './deferred-work.ts';
import { idempotently } from './idempotency.ts';
import { emitStep, movementEmitter } from './money-movement-ledger.ts';
import type { OutboundFlowEvent } from '../domain/money-movements/index.ts';
import {
  canReceive,
  checkAmountAndCurrency,
  checkCanReceive,
  checkFlowTerms,
  deliverOverStripe,
  newOutboundFlowColumns,
  openOutboundFlow,
  OutboundFlowService,
  usBankAccountDetails,
  type OutboundFlowKind,
  type OutboundNetwork,
} from './outbound-flows.ts';
import { lockFinancialAccountsInOrder } from './movement-steps.ts';
import { billingOfPaymentMethod, ownersPaymentMethod } from './payment-methods.ts';
import { emptyBilling } from './received-credits.ts';
import { retryOnceOnConflict, type UnitOfWork } from './unit-of-work.ts';

export interface CreateOutboundPaymentInput {
  financialAccount: string;
  amount: bigint;
  currency: string;
  customer?: string | null;
  description?: string | null;
  destinationPaymentMethod?: string | null;
  destinationPaymentMethodData?: {
    type: 'financial_account' | 'us_bank_account';
    financialAccount?: string | null;
    billingDetails?: BillingDetailsInput | null;
    usBankAccount?: {
      accountHolderType?: AccountHolderType | null;
      accountNumber?: string | null;
      accountType?: AccountType | null;
      financialConnectionsAccount?: string | null;
      routingNumber?: string | null;
    } | null;
    metadata?: Record<string, string> | null;
  } | null;
  destinationPaymentMethodOptions?: { usBankAccount?: { network?: 'ach' | 'us_domestic_wire' | null } | null } | null;
  endUserDetails?: { present: boolean; ipAddress?: string | null } | null;
  statementDescriptor?: string | null;
  metadata?: Record<string, string> | null;
}

const DATA = 'destinationPaymentMethodData';
const FA_FIELD = [DATA, 'financialAccount'];
// Stripe's customer ids: `cus_` and letters and digits.
const CUSTOMER_ID = /^cus_[A-Za-z0-9]+$/;

interface Destination {
  network: OutboundNetwork;
  paymentMethod: string | null;
  account: FinancialAccount | null;
  accountNumber: string | null;
  details: Record<string, unknown>;
}

/** OutboundPayment as one kind of outbound flow; a post over Stripe's network delivers the money (or fails when it cannot). */
function outboundPaymentKind(): OutboundFlowKind<OutboundPayment, 'outboundPayment', 'outbound_payment'> {
  return {
    type: 'outbound_payment',
    idType: 'OutboundPayment',
    field: 'outboundPayment',
    label: 'outbound payment',
    defaultDescription: 'Outbound payment',
    mutations: {
      cancel: 'cancelOutboundPayment',
      post: 'postOutboundPayment',
      fail: 'failOutboundPayment',
      return: 'returnOutboundPayment',
      update_tracking: 'updateOutboundPayment',
    },
    find: findOutboundPayment,
    lock: lockOutboundPayment,
    update: updateOutboundPayment,
    emit: movementEmitter<OutboundFlowEvent<'outbound_payment'>>(),
    // The destination was checked at creation; one that can no longer take the money (closed, restricted since) fails the payment.
    async resolveAction(tx, row, action) {
      if (action.type !== 'post' || row.network !== 'stripe') return action;
      const destination = await financialAccountById(tx, row.destinationFinancialAccountId!);
      return (await canReceive(tx, destination)) ? action : { type: 'fail', at: action.at };
    },
    async afterStep(tx, changes, source, row, action) {
      if (action.type !== 'post' || row.network !== 'stripe') return row;
      const destination = await financialAccountById(tx, row.destinationFinancialAccountId!);
      const flow = { id: row.id, type: 'outbound_payment' as const, description: row.description ?? 'Outbound payment' };
      const credit = await deliverOverStripe(tx, changes, source, destination, flow, { amount: row.amount, currency: row.currency as Money['currency'] }, action.at);
      return updateOutboundPayment(tx, row.id, { receivedCreditId: credit.id });
    },
  };
}

export class OutboundPaymentService extends OutboundFlowService<OutboundPayment, 'outboundPayment', 'outbound_payment'> {
  constructor(
    unitOfWork: UnitOfWork,
    /** Posts payments over Stripe's network by themselves after the request; null: only the test helper posts them. */
    private readonly poster: StripeNetworkPoster | null = null,
  ) {
    super(unitOfWork, outboundPaymentKind());
  }

  /** POST /v1/treasury/outbound_payments. `at`: when it happens (default now). */
  async create(viewer: Viewer, input: CreateOutboundPaymentInput, idempotencyKey?: string | null, at?: Date): Promise<{ id: string }> {
    return retryOnceOnConflict(() =>
      this.unitOfWork.run(async (tx, changes) => {
        const now = at ?? new Date();
        // Both accounts' rows locked in id order before anything is checked (see OutboundTransferService.create): concurrent
        // payments from one account take turns at its cash, and a concurrent replay waits, then finds the first one's key.
        const locked = await lockFinancialAccountsInOrder(tx, [input.financialAccount, input.destinationPaymentMethodData?.financialAccount]);
        const result = await idempotently(tx, viewer, idempotencyKey, 'createOutboundPayment', input, async () => {
          const source = locked.get(input.financialAccount);
          if (!source || !canSee(viewer, source)) throw new UserInputError('resource_missing', `No such financial account: '${input.financialAccount}'.`, ['financialAccount']);
          const money = checkAmountAndCurrency(source, input);
          const customer = checkCustomer(input.customer);
          const endUser = checkEndUserDetails(input.endUserDetails);
          const destination = await this.destinationFor(tx, viewer, source, input, locked);
          const { statementDescriptor, metadata, balance } = await checkFlowTerms(tx, source, 'outbound_payment', destination.network, input);
          if (destination.account) await checkCanReceive(tx, destination.account, FA_FIELD, 'payment');
          const description = input.description ?? null;
          const opened = await openOutboundFlow(
            tx,
            source,
            balance,
            { type: 'outbound_payment', idType: 'OutboundPayment', description: description ?? 'Outbound payment' },
            money,
            now,
          );
          const { id, step: created, ledger } = opened;
          const payment = await createOutboundPayment(tx, {
            ...newOutboundFlowColumns(source, opened, money, destination, { description, statementDescriptor, metadata }, now),
            customer,
            destinationAccountNumber: destination.accountNumber,
            endUserPresent: endUser.present,
            endUserIpAddress: endUser.ipAddress,
          });
          await emitStep(tx, changes, source, created, payment, movementEmitter<OutboundFlowEvent<'outbound_payment'>>(), ledger.changed);
          // Over Stripe's network Stripe posts it by itself, within minutes: after this request, not in it.
          if (destination.account && this.poster) changes.afterCommit(() => this.poster!.schedule(id));
          return payment.id;
        });
        return { id: result.id };
      }),
    );
  }

  /**
   * Stripe posting a payment over its network by itself: a processing one posts (or fails, when the destination
   * can no longer take it) with its events; anything else (canceled, failed, posted meanwhile) is left alone.
   */
  async postOverStripe(id: string, at?: Date): Promise<void> {
    await this.unitOfWork.run(async (tx, changes) => {
      const found = await outboundPaymentById(tx, id);
      if (!found || found.network !== 'stripe') return;
      const accounts = await lockFinancialAccountsInOrder(tx, [found.financialAccountId, found.destinationFinancialAccountId]);
      const payment = (await lockOutboundPayment(tx, id))!;
      if (payment.status !== 'processing') return;
      await this.steps.apply(tx, changes, accounts.get(payment.financialAccountId)!, payment, { type: 'post', at: at ?? new Date() });
    });
  }

  /** Where the money goes: a saved bank account, a bank account given inline, or another account's financial account. */
  private async destinationFor(
    tx: TransactionClient,
    viewer: Viewer,
    source: FinancialAccount,
    input: CreateOutboundPaymentInput,
    locked: Map<string, FinancialAccount | null>,
  ): Promise<Destination> {
    const { destinationPaymentMethod: pmId, destinationPaymentMethodData: data } = input;
    if (pmId && data) {
      throw new UserInputError('parameter_invalid', 'Give either destinationPaymentMethod or destinationPaymentMethodData, not both.', [DATA]);
    }
    if (!pmId && !data) {
      throw new UserInputError(
        'parameter_missing',
        'Name the destination: destinationPaymentMethod (a pm_... bank account) or destinationPaymentMethodData (a bank account or a financial account).',
        ['destinationPaymentMethod'],
      );
    }
    // The platform's own money moves only between its own financial accounts (OutboundTransfers), never to a third party.
    if (source.accountId === source.platformId) {
      throw new UserInputError(
        'parameter_not_allowed',
        'The platform\'s own financial accounts cannot pay third parties: an OutboundPayment comes from a connected account\'s financial account.',
        [pmId ? 'destinationPaymentMethod' : DATA],
      );
    }
    const options = input.destinationPaymentMethodOptions?.usBankAccount;
    const network = options?.network ?? 'ach';
    if (pmId) {
      const pm = await ownersPaymentMethod(tx, viewer, source, pmId, ['destinationPaymentMethod']);
      return { network, paymentMethod: pm.id, account: null, accountNumber: null, details: usBankAccountDetails(pm, billingOfPaymentMethod(pm), network) };
    }
    // The generated payment method's metadata: checked by Stripe's rules; no payment method is kept, so neither is it.
    unwrap(checkMetadataText(data!.metadata, [DATA, 'metadata']));
    mergeMetadata({}, data!.metadata, [DATA, 'metadata']);
    if (data!.type === 'us_bank_account') {
      if (data!.financialAccount) {
        throw new UserInputError('parameter_invalid', 'A us_bank_account destination takes usBankAccount, not financialAccount.', FA_FIELD);
      }
      const bank = data!.usBankAccount;
      if (!bank) throw new UserInputError('parameter_missing', 'A us_bank_account destination needs usBankAccount.', [DATA, 'usBankAccount']);
      if (bank.financialConnectionsAccount) {
        throw new UserInputError(
          'resource_missing',
          `No such Financial Connections account: '${bank.financialConnectionsAccount}'; give the routing and account numbers.`,
          [DATA, 'usBankAccount', 'financialConnectionsAccount'],
        );
      }
      const checked = unwrap(checkUsBankAccount({ routingNumber: bank.routingNumber, accountNumber: bank.accountNumber, accountHolderType: bank.accountHolderType, accountType: bank.accountType }, [DATA, 'usBankAccount']));
      const billing = unwrap(checkBillingDetails(data!.billingDetails, [DATA, 'billingDetails']));
      const scope = { platformId: source.platformId, livemode: source.livemode };
      const fingerprint =
        (await fingerprintOf(tx, scope, checked.routingNumber, checked.accountNumber)) ??
        (await inlineBankAccountFingerprint(tx, scope, checked.routingNumber, checked.accountNumber)) ??
        randomToken(16);
      const bankAccount = { ...checked, bankName: bankNameOf(checked.routingNumber), fingerprint };
      const { phone: _phone, ...holder } = billing;
      return { network, paymentMethod: null, account: null, accountNumber: checked.accountNumber, details: usBankAccountDetails(bankAccount, holder, network) };
    }
    if (options) {
      throw new UserInputError(
        'parameter_invalid',
        'destinationPaymentMethodOptions.usBankAccount applies to a bank account destination; a financial account is reached over stripe.',
        ['destinationPaymentMethodOptions', 'usBankAccount'],
      );
    }
    if (data!.usBankAccount) {
      throw new UserInputError('parameter_invalid', 'A financial_account destination takes financialAccount, not usBankAccount.', [DATA, 'usBankAccount']);
    }
    const id = data!.financialAccount;
    if (!id) throw new UserInputError('parameter_missing', 'Name the destination financial account (fa_...).', FA_FIELD);
    const account = locked.get(id) ?? null;
    // Any financial account of the platform's accounts in the same mode can be paid; one elsewhere does not exist.
    if (!account || account.platformId !== source.platformId || account.livemode !== source.livemode) {
      throw new UserInputError('resource_missing', `No such financial account: '${id}'.`, FA_FIELD);
    }
    if (account.accountId === source.accountId) {
      throw new UserInputError(
        'parameter_invalid',
        'This financial account belongs to the same owner: money between one owner\'s accounts moves as an OutboundTransfer.',
        FA_FIELD,
      );
    }
    const billing = data!.billingDetails ? unwrap(checkBillingDetails(data!.billingDetails, [DATA, 'billingDetails'])) : null;
    const { phone: _phone, ...holder } = billing ?? { ...emptyBilling(null), phone: null };
    return {
      network: 'stripe',
      paymentMethod: null,
      account,
      accountNumber: null,
      details: { type: 'financial_account', billingDetails: holder, usBankAccount: null, financialAccount: { id: account.id, network: 'stripe' } },
    };
  }
}

/** Stripe's `customer`: a `cus_...` id of the platform's (the gateway keeps no Customer objects, so only its form is checked). */
function checkCustomer(customer: string | null | undefined): string | null {
  if (customer === undefined || customer === null) return null;
  if (!CUSTOMER_ID.test(customer)) throw new UserInputError('resource_missing', `No such customer: '${customer.slice(0, 80)}'.`, ['customer']);
  return customer;
}

/** `end_user_details`: `present` is required; the end user's IP address goes with it, and only with it. */
function checkEndUserDetails(details: CreateOutboundPaymentInput['endUserDetails']): { present: boolean; ipAddress: string | null } {
  if (!details) return { present: false, ipAddress: null };
  const field = ['endUserDetails', 'ipAddress'];
  const ip = details.ipAddress ?? null;
  if (!details.present) {
    if (ip !== null) throw new UserInputError('parameter_invalid', 'ipAddress is the end user\'s: give it only with present: true.', field);
    return { present: false, ipAddress: null };
  }
  if (ip === null) throw new UserInputError('parameter_missing', 'With an end user present, Stripe needs their IP address (endUserDetails.ipAddress).', field);
  if (isIP(ip) === 0) throw new UserInputError('parameter_invalid', `'${ip.slice(0, 80)}' is not an IPv4 or IPv6 address.`, field);
  return { present: true, ipAddress: ip };
}

/**
 * Stripe posting OutboundPayments over its network by itself ("post immediately ... within minutes"): soon after
 * each creation, and in a sweep that catches the ones a restart or another instance left processing.
 */
export class StripeNetworkPoster {
  private readonly work: DeferredCalls;
  private payments: OutboundPaymentService | null = null;

  constructor(prisma: PrismaClient, options: { delayMs: number; sweepIntervalMs: number }, logError: (error: unknown) => void) {
    this.work = new DeferredCalls(
      options,
      (id) => this.post(id),
      () => outboundPaymentsDueToPost(prisma, new Date(Date.now() - options.delayMs)),
      logError,
    );
  }

  /** The service whose payments it posts (they need each other). */
  serve(payments: OutboundPaymentService): void {
    this.payments = payments;
  }

  schedule(id: string): void {
    this.work.schedule(id);
  }

  start(): void {
    this.work.start();
  }

  stop(): Promise<void> {
    return this.work.stop();
  }

  /** Posts one payment now, if it is still processing; `at`: when (default now). */
  post(id: string, at?: Date): Promise<void> {
    return this.payments!.postOverStripe(id, at);
  }
}

