// PaymentMethod: Stripe's `payment_method` of type `us_bank_account`, an
// external bank account of a connected account; its root field, its list on
// ConnectedAccount and its create mutation beside it.
import type { PaymentMethod as PaymentMethodRow } from '../db/generated/client.ts';
import { ACCOUNT_HOLDER_TYPES, ACCOUNT_TYPES, ACCOUNT_NUMBER_LENGTH, US_BANK_NETWORKS } from '../domain/bank-accounts.ts';
import { pageRequest } from '../domain/pagination.ts';
import { PAYMENT_METHOD_TYPES, US_BANK_ACCOUNT_NETWORKS } from '../domain/payment-methods.ts';
import { builder } from './builder.ts';
import { ConnectedAccount } from './connected-account.ts';
import { stripeEnum } from './stripe-enum.ts';
import { asPayload, objectPayload } from './user-error.ts';

export const PaymentMethodType = stripeEnum('PaymentMethodType', PAYMENT_METHOD_TYPES, {
  description: 'The kind of payment method: Stripe\'s `payment_method.type`.',
  valueDescriptions: { us_bank_account: 'A US bank account, reached by ABA routing and account number.' },
});

export const UsBankAccountHolderType = stripeEnum('UsBankAccountHolderType', ACCOUNT_HOLDER_TYPES, {
  description: 'Whether a US bank account belongs to an individual or a company (`account_holder_type`).',
});

export const UsBankAccountType = stripeEnum('UsBankAccountType', ACCOUNT_TYPES, {
  description: 'Whether a US bank account is a checking or a savings account (`account_type`).',
});

export const UsBankAccountNetwork = stripeEnum('UsBankAccountNetwork', US_BANK_NETWORKS, {
  description: 'A network money reaches a US bank account by.',
  valueDescriptions: { ach: 'ACH, the US automated clearing house.', us_domestic_wire: 'A US domestic wire (Fedwire).' },
});

const PaymentMethodAddress = builder.objectRef<PaymentMethodRow>('PaymentMethodAddress').implement({
  description: 'The billing address of a payment method; every part is null when not given.',
  fields: (t) => ({
    line1: t.exposeString('addressLine1', { nullable: true, description: 'Address line 1 (street, PO box, or company name).' }),
    line2: t.exposeString('addressLine2', { nullable: true, description: 'Address line 2 (apartment, suite, unit, or building).' }),
    city: t.exposeString('addressCity', { nullable: true, description: 'City, district, suburb, town, or village.' }),
    state: t.exposeString('addressState', { nullable: true, description: 'State, county, province, or region.' }),
    postalCode: t.exposeString('addressPostalCode', { nullable: true, description: 'ZIP or postal code.' }),
    country: t.exposeString('addressCountry', { nullable: true, description: 'Two-letter ISO country code.' }),
  }),
});

const PaymentMethodBillingDetails = builder.objectRef<PaymentMethodRow>('PaymentMethodBillingDetails').implement({
  description: 'Who holds the bank account: Stripe\'s `billing_details`.',
  fields: (t) => ({
    name: t.exposeString('billingName', { description: 'The account holder\'s full name.' }),
    email: t.exposeString('billingEmail', { nullable: true, description: 'Email address.' }),
    phone: t.exposeString('billingPhone', { nullable: true, description: 'Phone number, as given.' }),
    address: t.field({ type: PaymentMethodAddress, description: 'Billing address.', resolve: (row) => row }),
  }),
});

const UsBankAccountNetworks = builder.objectRef<typeof US_BANK_ACCOUNT_NETWORKS>('UsBankAccountNetworks').implement({
  description: 'The networks a US bank account can be reached by.',
  fields: (t) => ({
    preferred: t.field({ type: UsBankAccountNetwork, nullable: true, description: 'The preferred network.', resolve: (n) => n.preferred }),
    supported: t.field({ type: [UsBankAccountNetwork], description: 'All supported networks.', resolve: (n) => [...n.supported] }),
  }),
});

const PaymentMethodUsBankAccount = builder.objectRef<PaymentMethodRow>('PaymentMethodUsBankAccount').implement({
  description:
    'A US bank account\'s details (`us_bank_account`). The full account number is never returned: it is kept only to send money.',
  fields: (t) => ({
    accountHolderType: t.expose('accountHolderType', {
      type: UsBankAccountHolderType,
      nullable: true,
      description: 'Account holder type: individual or company; null when not given.',
    }),
    accountType: t.expose('accountType', { type: UsBankAccountType, description: 'Account type: checking or savings (default checking).' }),
    bankName: t.exposeString('bankName', {
      nullable: true,
      description: 'Name of the bank; known only for Stripe\'s test routing number (110000000, STRIPE TEST BANK), null otherwise.',
    }),
    fingerprint: t.exposeString('fingerprint', {
      description:
        'Uniquely identifies the bank account: payment methods of the platform with the same routing and account number have the same fingerprint.',
    }),
    last4: t.exposeString('last4', { description: 'Last four digits of the bank account number.' }),
    networks: t.field({
      type: UsBankAccountNetworks,
      description: 'The networks money can reach the account by.',
      resolve: () => US_BANK_ACCOUNT_NETWORKS,
    }),
    routingNumber: t.exposeString('routingNumber', { description: 'The ABA routing number of the bank account (9 digits).' }),
  }),
});

export const PaymentMethod = builder.objectRef<PaymentMethodRow>('PaymentMethod');

builder.node(PaymentMethod, {
  description:
    'A payment method: an external bank account of a connected account, where its outbound money goes and inbound money comes from.',
  id: { resolve: (pm) => pm.id, description: 'Unique identifier, `pm_...`.' },
  loadOne: (id, ctx) => ctx.loaders.paymentMethod.load(id),
  fields: (t) => ({
    billingDetails: t.field({
      type: PaymentMethodBillingDetails,
      description: 'The account holder\'s name and contact details.',
      resolve: (row) => row,
    }),
    connectedAccount: t.field({
      type: ConnectedAccount,
      description: 'The connected account the payment method belongs to.',
      // The payment method is readable, so its owner is: the same viewer scope admits both.
      resolve: async (row, _args, ctx) => (await ctx.loaders.connectedAccount.load(row.accountId))!,
    }),
    created: t.expose('createdAt', { type: 'DateTime', description: 'When the payment method was created.' }),
    livemode: t.exposeBoolean('livemode', { description: 'True in live mode, false in test mode.' }),
    metadata: t.field({
      type: 'Metadata',
      description: 'Key-value pairs attached to the payment method.',
      resolve: (row) => row.metadata as Record<string, string>,
    }),
    type: t.expose('type', { type: PaymentMethodType, description: 'The kind of payment method.' }),
    usBankAccount: t.field({
      type: PaymentMethodUsBankAccount,
      nullable: true,
      description: 'The bank account\'s details, when `type` is US_BANK_ACCOUNT.',
      resolve: (row) => (row.type === 'us_bank_account' ? row : null),
    }),
  }),
});

const PaymentMethodFilter = builder.inputType('PaymentMethodFilter', {
  description: 'Filters of a payment method list (Stripe\'s list parameters).',
  fields: (t) => ({
    type: t.field({ type: PaymentMethodType, required: false, description: 'Only payment methods of this type.' }),
  }),
});

builder.objectField(ConnectedAccount, 'paymentMethods', (t) =>
  t.connection({
    type: PaymentMethod,
    description: 'The account\'s payment methods (external bank accounts), newest first.',
    args: { filter: t.arg({ type: PaymentMethodFilter, required: false }) },
    resolve: (row, args, ctx) => ctx.loaders.paymentMethodsPage(row.id, args.filter, pageRequest(args, 'createdAt')),
  }),
);

builder.queryField('paymentMethod', (t) =>
  t.field({
    type: PaymentMethod,
    nullable: true,
    description: 'A payment method by id; null when it does not exist or is outside your scope.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.loaders.paymentMethod.load(args.id),
  }),
);

const UsBankAccountInput = builder.inputType('UsBankAccountInput', {
  description: 'A US bank account\'s numbers and kind (Stripe\'s `us_bank_account[...]`).',
  fields: (t) => ({
    routingNumber: t.string({ required: true, description: 'The ABA routing number: 9 digits with a valid check digit.' }),
    accountNumber: t.string({
      required: true,
      description: `The account number: ${ACCOUNT_NUMBER_LENGTH.min} to ${ACCOUNT_NUMBER_LENGTH.max} digits. Stored to send money; never returned.`,
    }),
    accountHolderType: t.field({ type: UsBankAccountHolderType, required: false, description: 'Individual or company.' }),
    accountType: t.field({ type: UsBankAccountType, required: false, description: 'Checking or savings; default checking.' }),
  }),
});

const AddressInput = builder.inputType('PaymentMethodAddressInput', {
  description: 'A billing address; every part is optional.',
  fields: (t) => ({
    line1: t.string({ required: false, description: 'Address line 1 (street, PO box, or company name).' }),
    line2: t.string({ required: false, description: 'Address line 2 (apartment, suite, unit, or building).' }),
    city: t.string({ required: false, description: 'City, district, suburb, town, or village.' }),
    state: t.string({ required: false, description: 'State, county, province, or region.' }),
    postalCode: t.string({ required: false, description: 'ZIP or postal code.' }),
    country: t.string({ required: false, description: 'Two-letter ISO country code (e.g. US).' }),
  }),
});

const BillingDetailsInput = builder.inputType('PaymentMethodBillingDetailsInput', {
  description: 'The account holder (Stripe\'s `billing_details[...]`).',
  fields: (t) => ({
    name: t.string({ required: false, description: 'The account holder\'s full name; required for a US bank account.' }),
    email: t.string({ required: false, description: 'Email address.' }),
    phone: t.string({ required: false, description: 'Phone number.' }),
    address: t.field({ type: AddressInput, required: false, description: 'Billing address.' }),
  }),
});

const CreatePaymentMethodInput = builder.inputType('CreatePaymentMethodInput', {
  fields: (t) => ({
    account: t.id({
      required: false,
      description: 'The connected account it belongs to (`acct_...`); default the account you act as.',
    }),
    type: t.field({ type: PaymentMethodType, required: true, description: 'The kind of payment method.' }),
    usBankAccount: t.field({ type: UsBankAccountInput, required: false, description: 'The bank account, for US_BANK_ACCOUNT.' }),
    billingDetails: t.field({ type: BillingDetailsInput, required: false, description: 'The account holder; its name is required.' }),
    metadata: t.field({ type: 'Metadata', required: false, description: 'Key-value pairs to attach.' }),
    idempotencyKey: t.string({
      required: false,
      description: 'Stripe\'s Idempotency-Key: a replay with the same key and input returns the first result and creates nothing.',
    }),
  }),
});

builder.mutationField('createPaymentMethod', (t) =>
  t.field({
    type: objectPayload('CreatePaymentMethodPayload', {
      field: 'paymentMethod',
      label: 'payment method',
      type: PaymentMethod,
      load: (ctx, id) => ctx.loaders.paymentMethod.load(id),
    }),
    description:
      'Attaches an external US bank account to a connected account (the platform, or the account itself), with Stripe\'s checks: ' +
      'the routing number\'s ABA check digit, the account number\'s format, the holder\'s name, metadata limits. ' +
      'Reported by a `payment_method.attached` event.',
    args: { input: t.arg({ type: CreatePaymentMethodInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      asPayload(ctx, async () => {
        const { idempotencyKey, ...fields } = input;
        return ctx.services.paymentMethods.create(ctx.viewer, fields, idempotencyKey);
      }),
  }),
);
