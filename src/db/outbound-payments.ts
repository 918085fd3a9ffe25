// Outbound payments: written inside the caller's transaction (the service
// holds the financial account's row lock), read through the viewer-scoped
// loaders beside the store, registered in loaders.ts.
import { Prisma } from './generated/client.ts';
import type { OutboundPayment, PrismaClient } from './generated/client.ts';
import type { TransactionClient } from './client.ts';
import type { Viewer } from '../domain/viewer.ts';
import type { Page, PageRequest } from '../domain/pagination.ts';
import type { TimeRange } from '../domain/list-filters.ts';
import type { OutboundPaymentStatus } from '../domain/money-movements/index.ts';
import type { KeysetQuery } from './keyset.ts';
import { timeRangeSql, type PageLoaderKit } from './loader-kit.ts';
import { ownedBy, ownedBySql } from './scope.ts';

export type NewOutboundPayment = Omit<Prisma.OutboundPaymentUncheckedCreateInput, 'metadata' | 'destinationDetails'> & {
  metadata: Record<string, string>;
  destinationDetails: Record<string, unknown>;
};

export function createOutboundPayment(tx: TransactionClient, payment: NewOutboundPayment): Promise<OutboundPayment> {
  return tx.outboundPayment.create({ data: { ...payment, destinationDetails: payment.destinationDetails as Prisma.InputJsonValue } });
}

/** The payment if the viewer may see it (no lock: the service locks its financial account first). */
export function findOutboundPayment(tx: TransactionClient, viewer: Viewer, id: string): Promise<OutboundPayment | null> {
  return tx.outboundPayment.findFirst({ where: { id, ...ownedBy(viewer) } });
}

/** The payment by id, whoever owns it, unlocked: for Stripe's own steps, which are nobody's request, to find the accounts to lock first. */
export function outboundPaymentById(tx: TransactionClient, id: string): Promise<OutboundPayment | null> {
  return tx.outboundPayment.findUnique({ where: { id } });
}

/** Locks the payment's row until the transaction ends, after its account's: steps of one payment apply one after the other. */
export async function lockOutboundPayment(tx: TransactionClient, id: string): Promise<OutboundPayment | null> {
  const rows = await tx.$queryRaw<OutboundPayment[]>`SELECT * FROM "OutboundPayment" WHERE "id" = ${id} FOR UPDATE`;
  return rows[0] ?? null;
}

export type OutboundPaymentChanges = Omit<Prisma.OutboundPaymentUncheckedUpdateInput, 'trackingDetails'> & {
  trackingDetails?: Record<string, unknown>;
};

export function updateOutboundPayment(tx: TransactionClient, id: string, changes: OutboundPaymentChanges): Promise<OutboundPayment> {
  const { trackingDetails, ...rest } = changes;
  return tx.outboundPayment.update({
    where: { id },
    data: { ...rest, ...(trackingDetails ? { trackingDetails: trackingDetails as Prisma.InputJsonValue } : {}) },
  });
}

/**
 * The fingerprint an earlier payment to a bank account given inline gave these numbers (in the platform and mode), or
 * null: with fingerprintOf (payment methods), one bank account keeps one fingerprint. The caller holds fingerprintOf's lock.
 */
export async function inlineBankAccountFingerprint(
  tx: TransactionClient,
  scope: { platformId: string; livemode: boolean },
  routingNumber: string,
  accountNumber: string,
): Promise<string | null> {
  const rows = await tx.$queryRaw<Array<{ fingerprint: string }>>`
    SELECT "destinationDetails"->'usBankAccount'->>'fingerprint' AS fingerprint FROM "OutboundPayment"
    WHERE "platformId" = ${scope.platformId} AND "livemode" = ${scope.livemode} AND "destinationAccountNumber" = ${accountNumber}
      AND "destinationDetails"->'usBankAccount'->>'routingNumber' = ${routingNumber}
    LIMIT 1`;
  return rows[0]?.fingerprint ?? null;
}

/** Processing payments over Stripe's network created at or before `before`: the ones due to post by themselves. */
export async function outboundPaymentsDueToPost(prisma: PrismaClient, before: Date): Promise<string[]> {
  const rows = await prisma.outboundPayment.findMany({
    where: { status: 'processing', network: 'stripe', createdAt: { lte: before } },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((row) => row.id);
}

export interface OutboundPaymentFilter {
  status?: OutboundPaymentStatus | null;
  customer?: string | null;
  created?: TimeRange | null;
}

/** The viewer's outbound payments by id, and each financial account's page of them (one statement for all accounts). */
export function outboundPaymentLoaders(prisma: PrismaClient, viewer: Viewer, kit: PageLoaderKit) {
  const outboundPayment = kit.byId<OutboundPayment>((ids) => prisma.outboundPayment.findMany({ where: { id: { in: ids }, ...ownedBy(viewer) } }));
  return {
    outboundPayment,
    /** A financial account's outbound payments, newest first (Stripe's list: `status`, `customer`, `created`). */
    outboundPaymentsPage(financialAccountId: string, filter: OutboundPaymentFilter | null | undefined, request: PageRequest): Promise<Page<OutboundPayment>> {
      const query: KeysetQuery = {
        table: 'OutboundPayment',
        parentColumn: 'financialAccountId',
        orderColumn: 'createdAt',
        where: [
          ownedBySql(viewer),
          ...(filter?.status ? [Prisma.sql`t."status" = ${filter.status}::"OutboundPaymentStatus"`] : []),
          ...(filter?.customer ? [Prisma.sql`t."customer" = ${filter.customer}`] : []),
          ...timeRangeSql('createdAt', filter?.created),
        ],
      };
      return kit.pageLoader(kit.pageKey('outboundPayments', filter, request), query, request, outboundPayment).load(financialAccountId);
    },
  };
}
