// Payment methods: the external US bank accounts a connected account's money
// goes to and comes from. Creating one checks the bank account's numbers
// (bank-accounts.ts) and billing details (payment-methods.ts), stores the full
// account number for the money movements that need it, and reports
// `payment_method.attached` in the same transaction.
import type { TransactionClient } from '../db/client.ts';
import { findConnectedAccount } from '../db/accounts.ts';
import type { FinancialAccount, PaymentMethod } from '../db/generated/client.ts';
import { createPaymentMethod, findPaymentMethod, fingerprintOf } from '../db/payment-methods.ts';
import { checkUsBankAccount, type AccountHolderType, type AccountType } from '../domain/bank-accounts.ts';
import { UserInputError } from '../domain/errors.ts';
import { idType, newId, randomToken } from '../domain/ids.ts';
import { mergeMetadata } from '../domain/metadata.ts';
import {
  bankNameOf,
  checkBillingDetails,
  checkMetadataText,
  PAYMENT_METHOD_TYPES,
  type BillingDetailsInput,
  type PaymentMethodType,
} from '../domain/payment-methods.ts';
import { unwrap } from '../domain/result.ts';
import type { Viewer } from '../domain/viewer.ts';
import { idempotently } from './idempotency.ts';
import { retryOnceOnConflict, type UnitOfWork } from './unit-of-work.ts';

export interface CreatePaymentMethodInput {
  /** The connected account it belongs to (`acct_`); default the account the viewer acts as. */
  account?: string | null;
  type: PaymentMethodType;
  usBankAccount?: {
    routingNumber: string;
    accountNumber: string;
    accountHolderType?: AccountHolderType | null;
    accountType?: AccountType | null;
  } | null;
  billingDetails?: BillingDetailsInput | null;
  metadata?: Record<string, string> | null;
}

/** Payment methods: attach an external US bank account to a connected account, under Stripe's rules. */
export class PaymentMethodService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** `at`: when it happens (default now); the tests build worlds with a history. */
  async create(viewer: Viewer, input: CreatePaymentMethodInput, idempotencyKey?: string | null, at?: Date): Promise<{ id: string }> {
    return retryOnceOnConflict(() =>
      this.unitOfWork.run(async (tx, changes) => {
        const result = await idempotently(tx, viewer, idempotencyKey, 'createPaymentMethod', input, async () => {
          const accountId = await ownerFor(tx, viewer, input.account);
          if (!(PAYMENT_METHOD_TYPES as readonly string[]).includes(input.type)) {
            throw new UserInputError('parameter_invalid', `Payment methods can only be of type ${PAYMENT_METHOD_TYPES.join(', ')}.`, ['type']);
          }
          if (!input.usBankAccount) {
            throw new UserInputError('parameter_missing', 'A us_bank_account payment method needs usBankAccount.', ['usBankAccount']);
          }
          const bankAccount = unwrap(checkUsBankAccount(input.usBankAccount, ['usBankAccount']));
          const billingDetails = unwrap(checkBillingDetails(input.billingDetails));
          unwrap(checkMetadataText(input.metadata));
          const metadata = mergeMetadata({}, input.metadata);

          const scope = { platformId: viewer.platformId, livemode: viewer.livemode };
          const fingerprint =
            (await fingerprintOf(tx, scope, bankAccount.routingNumber, bankAccount.accountNumber)) ?? randomToken(16);
          const paymentMethod = await createPaymentMethod(tx, {
            id: newId('PaymentMethod'),
            ...scope,
            accountId,
            type: input.type,
            billingName: billingDetails.name,
            billingEmail: billingDetails.email,
            billingPhone: billingDetails.phone,
            addressLine1: billingDetails.address.line1,
            addressLine2: billingDetails.address.line2,
            addressCity: billingDetails.address.city,
            addressState: billingDetails.address.state,
            addressPostalCode: billingDetails.address.postalCode,
            addressCountry: billingDetails.address.country,
            routingNumber: bankAccount.routingNumber,
            accountNumber: bankAccount.accountNumber,
            last4: bankAccount.last4,
            accountHolderType: bankAccount.accountHolderType,
            accountType: bankAccount.accountType,
            bankName: bankNameOf(bankAccount.routingNumber),
            fingerprint,
            metadata,
            createdAt: at,
          });
          changes.emit('payment_method.attached', paymentMethod);
          return paymentMethod.id;
        });
        return { id: result.id };
      }),
    );
  }
}

/**
 * The connected account the payment method is for: the one named, which must
 * be the viewer's own when it acts as one account. The platform's own account
 * has none here: the money these serve moves between connected accounts and
 * their banks.
 */
async function ownerFor(tx: TransactionClient, viewer: Viewer, requested: string | null | undefined): Promise<string> {
  const id = requested ?? viewer.accountId;
  if (!id) {
    throw new UserInputError(
      'parameter_missing',
      'Name the connected account (`acct_...`) the payment method belongs to, or act as it with Stripe-Context.',
      ['account'],
    );
  }
  const missing = () => new UserInputError('resource_missing', `No such connected account: '${id}'.`, ['account']);
  if (idType(id) !== 'ConnectedAccount') throw missing();
  if (viewer.accountId && id !== viewer.accountId) throw missing();
  const account = await findConnectedAccount(tx, viewer, id);
  if (!account) throw missing();
  return account.id;
}

/**
 * A saved bank account of the financial account's owner, for money between
 * the two (`what`: "send money to", "pull money from"). One of another
 * connected account is, for this movement, one that does not exist; the
 * platform's own financial accounts have none (payment methods belong to
 * connected accounts).
 */
export async function ownersBankAccount(
  tx: TransactionClient,
  viewer: Viewer,
  account: FinancialAccount,
  id: string,
  field: string[],
  what: string,
): Promise<PaymentMethod> {
  if (account.accountId === account.platformId) {
    throw new UserInputError(
      'parameter_not_allowed',
      `The platform's own financial accounts cannot ${what} a payment method: a transfer moves money between accounts of the same owner.`,
      field,
    );
  }
  return ownersPaymentMethod(tx, viewer, account, id, field);
}

/** A saved payment method of the financial account's owner; one of another connected account is, for this movement, one that does not exist. */
export async function ownersPaymentMethod(
  tx: TransactionClient,
  viewer: Viewer,
  account: FinancialAccount,
  id: string,
  field: string[],
): Promise<PaymentMethod> {
  const pm = idType(id) === 'PaymentMethod' ? await findPaymentMethod(tx, viewer, id) : null;
  if (!pm || pm.accountId !== account.accountId) {
    throw new UserInputError('resource_missing', `No such payment method of the financial account's owner: '${id}'.`, field);
  }
  return pm;
}

/** A saved payment method's holder, as a movement's billing details. */
export function billingOfPaymentMethod(pm: PaymentMethod) {
  return {
    name: pm.billingName,
    email: pm.billingEmail,
    address: {
      city: pm.addressCity,
      country: pm.addressCountry,
      line1: pm.addressLine1,
      line2: pm.addressLine2,
      postalCode: pm.addressPostalCode,
      state: pm.addressState,
    },
  };
}

export type PaymentMethodBilling = ReturnType<typeof billingOfPaymentMethod>;

/**
 * Stripe's `billing_details` and `us_bank_account` of a movement's payment method details, camelCased (never the
 * full number): of a saved payment method as of now (with billingOfPaymentMethod), or of a bank account given inline.
 */
export function bankAccountDetails<Billing extends { name: string | null; email: string | null; address: object } = PaymentMethodBilling>(
  bank: Pick<PaymentMethod, 'accountHolderType' | 'accountType' | 'bankName' | 'fingerprint' | 'last4' | 'routingNumber'>,
  billing: Billing,
  network: string,
) {
  return {
    type: 'us_bank_account' as const,
    billingDetails: billing,
    usBankAccount: {
      accountHolderType: bank.accountHolderType,
      accountType: bank.accountType,
      bankName: bank.bankName,
      fingerprint: bank.fingerprint,
      last4: bank.last4,
      network,
      routingNumber: bank.routingNumber,
    },
  };
}
