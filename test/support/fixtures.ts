// Test data written straight to the database, through the same ledger rules
// as everything else, so each test states exactly the world it needs.
import type { PrismaClient } from '../../src/db/generated/client.ts';
import { newFlowId, pushTransaction, type LedgerRows } from '../../src/db/ledger-rows.ts';
import { newId } from '../../src/domain/ids.ts';
import { entriesForFlow, type FlowOutcome, type LedgerFlowType } from '../../src/domain/ledger.ts';
import { hashSecret, newClientSecret, newSecretKey } from '../../src/domain/secrets.ts';

export async function createPlatform(prisma: PrismaClient, options: { livemode?: boolean; name?: string } = {}) {
  const platformId = newId('ConnectedAccount');
  const secretKey = newSecretKey(options.livemode ?? false);
  await prisma.account.create({
    data: { id: platformId, kind: 'platform', platformId, displayName: options.name ?? 'Test Platform', livemode: options.livemode ?? false },
  });
  await prisma.apiKey.create({
    data: { id: newId('ApiKey'), platformId, livemode: options.livemode ?? false, secretHash: hashSecret(secretKey), last4: secretKey.slice(-4) },
  });
  return { platformId, secretKey };
}

export async function createConnectedAccount(
  prisma: PrismaClient,
  platformId: string,
  options: { displayName?: string; createdAt?: Date; livemode?: boolean; capabilityStatus?: 'active' | 'inactive' | 'pending' } = {},
) {
  const id = newId('ConnectedAccount');
  return prisma.account.create({
    data: {
      id,
      kind: 'connected',
      platformId,
      livemode: options.livemode ?? false,
      displayName: options.displayName ?? `Business ${id.slice(-4)}`,
      email: `owner-${id.slice(-6).toLowerCase()}@example.com`,
      createdAt: options.createdAt,
      capabilities: {
        create: (['treasury', 'card_issuing', 'us_bank_account_ach_payments', 'transfers'] as const).map((name) => ({
          name,
          status: options.capabilityStatus ?? 'active',
        })),
      },
    },
  });
}

export async function createFinancialAccount(
  prisma: PrismaClient,
  owner: { platformId: string; accountId: string; livemode?: boolean },
  options: { nickname?: string; createdAt?: Date; status?: 'open' | 'closed'; accountNumber?: string } = {},
) {
  const id = newId('FinancialAccount');
  const accountNumber = options.accountNumber ?? String(100000000000 + Math.floor(Math.random() * 899999999999));
  return prisma.financialAccount.create({
    data: {
      id,
      platformId: owner.platformId,
      accountId: owner.accountId,
      livemode: owner.livemode ?? false,
      nickname: options.nickname ?? null,
      status: options.status ?? 'open',
      closedReasons: options.status === 'closed' ? ['closed_by_platform'] : [],
      supportedCurrencies: ['usd'],
      createdAt: options.createdAt,
      features: {
        create: [
          { feature: 'financial_addresses_aba', requested: true, status: 'active' },
          { feature: 'outbound_transfers_ach', requested: true, status: 'active' },
          {
            feature: 'card_issuing',
            requested: true,
            status: 'pending',
            statusDetails: [{ code: 'requirements_pending_verification', resolution: null, restriction: null }],
          },
        ],
      },
      financialAddresses: {
        create: {
          id: newId('FinancialAddress'),
          type: 'aba',
          accountHolderName: 'Test Business',
          accountNumber,
          accountNumberLast4: accountNumber.slice(-4),
          bankName: 'STRIPE TEST BANK',
          routingNumber: '110000000',
          supportedNetworks: ['ach', 'us_domestic_wire'],
        },
      },
    },
  });
}

export interface FlowSpec {
  flowType: LedgerFlowType;
  outcome: FlowOutcome;
  amount: bigint;
  /** When the flow started; its settling entry (posting, cancellation, ...) follows a minute later. */
  at: Date;
}

/** Writes each flow's transaction(s) and entries; returns the transactions in the order written. */
export async function createFlows(
  prisma: PrismaClient,
  fa: { id: string; platformId: string; accountId: string },
  flows: FlowSpec[],
) {
  const rows: LedgerRows = { transactions: [], entries: [] };
  for (const spec of flows) {
    const ledger = entriesForFlow(spec.flowType, spec.outcome as never, spec.amount);
    const flow = { id: newFlowId(spec.flowType), type: spec.flowType };
    const scope = { platformId: fa.platformId, accountId: fa.accountId, financialAccountId: fa.id };
    const settled = new Date(spec.at.getTime() + 60_000);
    pushTransaction(rows, scope, ledger, flow, `Test ${spec.flowType} ${spec.outcome}`, spec.at, settled);
    if (ledger.returnTransaction) {
      pushTransaction(rows, scope, ledger.returnTransaction, flow, `Test return`, settled, settled);
    }
  }
  await prisma.transaction.createMany({ data: rows.transactions });
  await prisma.transactionEntry.createMany({ data: rows.entries });
  return rows.transactions;
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

export async function createAccountSession(
  prisma: PrismaClient,
  platformId: string,
  accountId: string,
  expiresAt = new Date(Date.now() + 30 * 60_000),
) {
  const clientSecret = newClientSecret();
  await prisma.accountSession.create({
    data: { id: newId('AccountSession'), platformId, accountId, livemode: false, secretHash: hashSecret(clientSecret), expiresAt },
  });
  return clientSecret;
}

/**
 * A payment method (an external US bank account) of a connected account, made
 * through the service as the platform; returns its id and the full account
 * number, which no API response shows.
 */
export async function createPaymentMethod(
  // Inline type imports keep this fixture to the end of the file.
  services: import('../../src/services/index.ts').Services,
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
  const platform: import('../../src/domain/viewer.ts').Viewer = { platformId: owner.platformId, livemode: owner.livemode ?? false, accountId: null, credential: 'secret_key', expiresAt: null };
  const routingNumber = options.routingNumber ?? '110000000';
  const accountNumber = options.accountNumber ?? String(100000000000 + Math.floor(Math.random() * 899999999999));
  const { id } = await services.paymentMethods.create(
    platform,
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
