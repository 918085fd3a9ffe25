// Outbound transfers: written inside the caller's transaction (the service
// holds the financial account's row lock), read through the viewer-scoped
// loaders beside the store, registered in loaders.ts.
import DataLoader from 'dataloader';
import { Prisma } from './generated/client.ts';
import type { OutboundTransfer, PrismaClient } from './generated/client.ts';
import type { TransactionClient } from './client.ts';
import type { Viewer } from '../domain/viewer.ts';
import type { Page, PageRequest } from '../domain/pagination.ts';
import type { OutboundTransferStatus } from '../domain/money-movements/index.ts';
import type { KeysetQuery } from './keyset.ts';
import type { PageLoaderKit } from './payment-methods.ts';
import { ownedBy, ownedBySql } from './scope.ts';

export type NewOutboundTransfer = Omit<Prisma.OutboundTransferUncheckedCreateInput, 'metadata' | 'destinationDetails'> & {
  metadata: Record<string, string>;
  destinationDetails: Record<string, unknown>;
};

export function createOutboundTransfer(tx: TransactionClient, transfer: NewOutboundTransfer): Promise<OutboundTransfer> {
  return tx.outboundTransfer.create({ data: { ...transfer, destinationDetails: transfer.destinationDetails as Prisma.InputJsonValue } });
}

/** The transfer if the viewer may see it (no lock: the service locks its financial account first). */
export function findOutboundTransfer(tx: TransactionClient, viewer: Viewer, id: string): Promise<OutboundTransfer | null> {
  return tx.outboundTransfer.findFirst({ where: { id, ...ownedBy(viewer) } });
}

/** Locks the transfer's row until the transaction ends, after its account's: steps of one transfer apply one after the other. */
export async function lockOutboundTransfer(tx: TransactionClient, id: string): Promise<OutboundTransfer | null> {
  const rows = await tx.$queryRaw<OutboundTransfer[]>`SELECT * FROM "OutboundTransfer" WHERE "id" = ${id} FOR UPDATE`;
  return rows[0] ?? null;
}

export type OutboundTransferChanges = Omit<Prisma.OutboundTransferUncheckedUpdateInput, 'trackingDetails'> & {
  trackingDetails?: Record<string, unknown>;
};

export function updateOutboundTransfer(tx: TransactionClient, id: string, changes: OutboundTransferChanges): Promise<OutboundTransfer> {
  const { trackingDetails, ...rest } = changes;
  return tx.outboundTransfer.update({
    where: { id },
    data: { ...rest, ...(trackingDetails ? { trackingDetails: trackingDetails as Prisma.InputJsonValue } : {}) },
  });
}

export interface OutboundTransferFilter {
  status?: OutboundTransferStatus | null;
}

/** The viewer's outbound transfers by id, and each financial account's page of them (one statement for all accounts). */
export function outboundTransferLoaders(prisma: PrismaClient, viewer: Viewer, kit: PageLoaderKit) {
  const outboundTransfer = new DataLoader<string, OutboundTransfer | null>(async (ids) => {
    const rows = await prisma.outboundTransfer.findMany({ where: { id: { in: [...ids] }, ...ownedBy(viewer) } });
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
  return {
    outboundTransfer,
    /** A financial account's outbound transfers, newest first (Stripe's list: `status`). */
    outboundTransfersPage(
      financialAccountId: string,
      filter: OutboundTransferFilter | null | undefined,
      request: PageRequest,
    ): Promise<Page<OutboundTransfer>> {
      const query: KeysetQuery = {
        table: 'OutboundTransfer',
        parentColumn: 'financialAccountId',
        orderColumn: 'createdAt',
        where: [ownedBySql(viewer), ...(filter?.status ? [Prisma.sql`t."status" = ${filter.status}::"OutboundTransferStatus"`] : [])],
      };
      return kit.pageLoader(kit.pageKey('outboundTransfers', filter, request), query, request, outboundTransfer).load(financialAccountId);
    },
  };
}
