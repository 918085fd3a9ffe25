// Test worlds, built through the gateway's own services, so a test can only
// start from a state the rules make: its platform, connected accounts,
// financial accounts (their features as the lifecycle leaves them once
// activated) and account sessions are made as the API would make them, with
// their events. A `createdAt`/`at` is the time the service is told it is.
import type { GatewayServer } from '../../src/server.ts';
import type { Database } from '../../src/db/database.ts';
import { accountById } from '../../src/db/accounts.ts';
import { financialAccountById } from '../../src/db/financial-accounts.ts';
import { entriesAt, newFlowId, openTransaction, appendEntries, type LedgerAccount } from '../../src/db/ledger.ts';
import type { Transaction } from '../../src/db/generated/client.ts';
import { CAPABILITIES, type CapabilityName, type CapabilityStatus, type Feature } from '../../src/domain/features.ts';
import { randomToken } from '../../src/domain/ids.ts';
import { entriesForFlow, type FlowOutcome, type LedgerFlowType, type LedgerTransaction } from '../../src/domain/ledger.ts';
import type { Viewer } from '../../src/domain/viewer.ts';

/** What fixtures build on: a running gateway (see gateway.ts), through its services. */
export interface World {
  db: Pick<Database, 'prisma'>;
  server: Pick<GatewayServer, 'services'>;
}

/** The platform acting with its secret key, as its backend would. */
function platformViewer(platformId: string, livemode = false): Viewer {
  // No API key stands behind it: the fixtures call the services directly, outside any operation budget.
  return { platformId, livemode, accountId: null, credential: 'secret_key', credentialId: 'test-fixtures', expiresAt: null };
}

export async function createPlatform(world: World, options: { livemode?: boolean; name?: string } = {}) {
  const { platformId, secretKey } = await world.server.services.platforms.create({
    name: options.name ?? 'Test Platform',
    livemode: options.livemode ?? false,
  });
  return { platformId, secretKey };
}

export async function createConnectedAccount(
  world: World,
  platformId: string,
  options: {
    displayName?: string;
    createdAt?: Date;
    livemode?: boolean;
    /** Every capability's status (default active)... */
    capabilityStatus?: CapabilityStatus;
    /** ...except these. */
    capabilities?: Partial<Record<CapabilityName, CapabilityStatus>>;
  } = {},
) {
  const tag = randomToken(6);
  const { id } = await world.server.services.connectedAccounts.create(
    platformViewer(platformId, options.livemode ?? false),
    {
      displayName: options.displayName ?? `Business ${tag.slice(-4)}`,
      email: `owner-${tag.toLowerCase()}@example.com`,
      capabilities: CAPABILITIES.map((name) => ({ name, status: options.capabilities?.[name] ?? options.capabilityStatus ?? 'active' })),
    },
    null,
    options.createdAt,
  );
  return accountById(world.db.prisma, id);
}

/**
 * A financial account with `features` requested (default ABA addresses and
 * ACH outbound transfers), activated at once (where the owner's capabilities allow) rather
 * than shortly after; with `status: 'closed'`, closed right away.
 */
export async function createFinancialAccount(
  world: World,
  owner: { platformId: string; accountId: string; livemode?: boolean },
  options: { nickname?: string; createdAt?: Date; status?: 'open' | 'closed'; features?: Feature[] } = {},
) {
  const { services } = world.server;
  const livemode = owner.livemode ?? false;
  const viewer = platformViewer(owner.platformId, livemode);
  const { id } = await services.financialAccounts.create(
    viewer,
    {
      account: owner.accountId,
      supportedCurrencies: ['usd'],
      nickname: options.nickname ?? null,
      features: (options.features ?? ['financial_addresses_aba', 'outbound_transfers_ach']).map((feature) => ({ feature, requested: true })),
    },
    null,
    options.createdAt,
  );
  await services.activator.activate(id, options.createdAt);
  if (options.status === 'closed') await services.financialAccounts.close(viewer, { financialAccount: id }, options.createdAt);
  return financialAccountById(world.db.prisma, id);
}

export interface FlowSpec {
  flowType: LedgerFlowType;
  outcome: FlowOutcome;
  amount: bigint;
  /** When the flow started; its settling entry (posting, cancellation, ...) follows a minute later. */
  at: Date;
}

/**
 * Writes each flow's transaction(s) and entries straight through the ledger writer (opened, then appended
 * to), without the movement object a money movement's service would store: histories for the read
 * tests. Returns the transactions in the order written.
 */
export async function createFlows(
  world: World,
  fa: { id: string; platformId: string; accountId: string; livemode?: boolean },
  flows: FlowSpec[],
): Promise<Transaction[]> {
  const account: LedgerAccount = { ...fa, livemode: fa.livemode ?? false };
  return world.server.services.unitOfWork.run(async (tx) => {
    const written: Transaction[] = [];
    const write = async (ledger: LedgerTransaction, flow: { id: string; type: LedgerFlowType }, description: string, openedAt: Date, settledAt: Date) => {
      const transaction = await openTransaction(tx, { financialAccount: account, currency: 'usd', amount: ledger.amount, description, flow, at: openedAt });
      written.push(await appendEntries(tx, transaction.id, entriesAt(ledger, openedAt, settledAt)));
    };
    for (const spec of flows) {
      const ledger = entriesForFlow(spec.flowType, spec.outcome as never, spec.amount);
      // The flow id names no stored movement: the read graph's tests need only the ledger's rows.
      const flow = { id: newFlowId(spec.flowType), type: spec.flowType };
      const settled = new Date(spec.at.getTime() + 60_000);
      await write(ledger, flow, `Test ${spec.flowType} ${spec.outcome}`, spec.at, settled);
      if (ledger.returnTransaction) await write(ledger.returnTransaction, flow, 'Test return', settled, settled);
    }
    return written;
  });
}

/** `count` received credits of 1..count dollars, one minute apart, oldest first from `start`. */
export function creditsEveryMinute(count: number, start = new Date('2026-01-01T00:00:00Z')): FlowSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    flowType: 'received_credit' as const,
    outcome: 'succeeded' as const,
    amount: BigInt((i + 1) * 100),
    at: new Date(start.getTime() + i * 60_000),
  }));
}

/** A session's client secret for one connected account, expiring at `expiresAt` (made one session lifetime before it). */
export async function createAccountSession(
  world: World,
  platformId: string,
  accountId: string,
  expiresAt?: Date,
) {
  const sessions = world.server.services.accountSessions;
  const now = expiresAt ? new Date(expiresAt.getTime() - sessions.ttlSeconds * 1000) : new Date();
  const session = await sessions.create(platformViewer(platformId), { account: accountId }, now);
  return session.clientSecret;
}

/**
 * A payment method (an external US bank account) of a connected account, made
 * through the service as the platform; returns its id and the full account
 * number, which no API response shows.
 */
export async function createPaymentMethod(
  world: World,
  owner: { platformId: string; accountId: string; livemode?: boolean },
  options: {
    routingNumber?: string;
    accountNumber?: string;
    name?: string;
    accountHolderType?: 'company' | 'individual';
    accountType?: 'checking' | 'savings';
    metadata?: Record<string, string>;
    createdAt?: Date;
  } = {},
) {
  const routingNumber = options.routingNumber ?? '110000000';
  const accountNumber = options.accountNumber ?? String(100000000000 + Math.floor(Math.random() * 899999999999));
  const { id } = await world.server.services.paymentMethods.create(
    platformViewer(owner.platformId, owner.livemode),
    {
      account: owner.accountId,
      type: 'us_bank_account',
      usBankAccount: { routingNumber, accountNumber, accountHolderType: options.accountHolderType ?? 'company', accountType: options.accountType },
      billingDetails: { name: options.name ?? 'Test Account Holder' },
      metadata: options.metadata,
    },
    null,
    options.createdAt,
  );
  return { id, routingNumber, accountNumber };
}

/**
 * Money into a financial account the way Stripe's test mode brings it: a
 * ReceivedCredit over ACH (the createReceivedCredit test helper), through the
 * service. The account needs `financial_addresses_aba` active (the default
 * features have it); otherwise the credit fails, as in Stripe. Returns the `rc_` id.
 */
export async function fundFinancialAccount(
  world: World,
  fa: { id: string; platformId: string; livemode?: boolean },
  amount: bigint,
  options: { at?: Date; network?: 'ach' | 'us_domestic_wire' | 'stripe'; description?: string } = {},
): Promise<string> {
  const { id } = await world.server.services.receivedCredits.create(
    platformViewer(fa.platformId, fa.livemode ?? false),
    { financialAccount: fa.id, amount, currency: 'usd', network: options.network ?? 'ach', description: options.description ?? 'Test funding' },
    null,
    options.at,
  );
  return id;
}

/**
 * An OutboundTransfer through the service, as the platform: to `destination`
 * (a `pm_` of the account's owner, or another `fa_` of the same owner).
 * Returns the `obt_` id.
 */
export async function sendOutboundTransfer(
  world: World,
  fa: { id: string; platformId: string; livemode?: boolean },
  destination: string,
  amount: bigint,
  options: { at?: Date; network?: 'ach' | 'us_domestic_wire' } = {},
): Promise<string> {
  const toAccount = destination.startsWith('fa_');
  const { id } = await world.server.services.outboundTransfers.create(
    platformViewer(fa.platformId, fa.livemode ?? false),
    {
      financialAccount: fa.id,
      amount,
      currency: 'usd',
      ...(toAccount
        ? { destinationPaymentMethodData: { type: 'financial_account' as const, financialAccount: destination } }
        : { destinationPaymentMethod: destination, destinationPaymentMethodOptions: { usBankAccount: { network: options.network ?? 'ach' } } }),
    },
    null,
    options.at,
  );
  return id;
}

/**
 * An OutboundPayment through the service, as the platform, over Stripe's network to `destination` (another
 * account's `fa_`), posted as Stripe posts it by itself: the money arrives as a ReceivedCredit. Returns the `obp_` id.
 */
export async function sendOutboundPaymentOverStripe(
  world: World,
  fa: { id: string; platformId: string; livemode?: boolean },
  destination: string,
  amount: bigint,
  options: { at?: Date } = {},
): Promise<string> {
  const { id } = await world.server.services.outboundPayments.create(
    platformViewer(fa.platformId, fa.livemode ?? false),
    { financialAccount: fa.id, amount, currency: 'usd', destinationPaymentMethodData: { type: 'financial_account', financialAccount: destination } },
    null,
    options.at,
  );
  await world.server.services.stripeNetworkPoster.post(id, options.at);
  return id;
}

/** A step of an OutboundTransfer through its service (cancel, or a test helper), as the platform. */
export async function stepOutboundTransfer(
  world: World,
  platformId: string,
  transfer: string,
  step: 'cancel' | 'post' | 'fail' | 'return',
  at?: Date,
): Promise<void> {
  const service = world.server.services.outboundTransfers;
  await service[step](platformViewer(platformId), { outboundTransfer: transfer }, null, at);
}

/** A CreditReversal of a received credit through the service, as the platform. Returns the `credrev_` id. */
export async function reverseReceivedCredit(
  world: World,
  owner: { platformId: string; livemode?: boolean },
  receivedCredit: string,
  options: { at?: Date; metadata?: Record<string, string> } = {},
): Promise<string> {
  const { id } = await world.server.services.creditReversals.create(
    platformViewer(owner.platformId, owner.livemode ?? false),
    { receivedCredit, metadata: options.metadata },
    null,
    options.at,
  );
  return id;
}
