// Outbound transfers: written inside the caller's transaction (the service
// holds the financial account's row lock), read through the viewer-scoped
// loaders beside the store, registered in loaders.ts.
import { Prisma } from './generated/client.ts';
import type { OutboundTransfer, PrismaClient } from './generated/client.ts';
import type { TransactionClient } from './client.ts';
import type { Viewer } from '../domain/viewer.ts';
import type { OutboundTransferStatus } from '../domain/money-movements/index.ts';
import { lockMovementRow, movementLoaders, type StatusFilter } from './money-movements.ts';
import type { PageLoaderKit } from './loader-kit.ts';
import { ownedBy } from './scope.ts';

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
export function lockOutboundTransfer(tx: TransactionClient, id: string): Promise<OutboundTransfer | null> {
  return lockMovementRow(tx, 'OutboundTransfer', id);
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

export type OutboundTransferFilter = StatusFilter<OutboundTransferStatus>;

/** The viewer's outbound transfers by id, and each financial account's page of them (one statement for all accounts). */
export function outboundTransferLoaders(prisma: PrismaClient, viewer: Viewer, kit: PageLoaderKit) {
  const { byId, page } = movementLoaders<OutboundTransfer, OutboundTransferStatus>(viewer, kit, {
    table: 'OutboundTransfer',
    list: 'outboundTransfers',
    findMany: (where) => prisma.outboundTransfer.findMany({ where }),
  });
  return { outboundTransfer: byId, outboundTransfersPage: page };
}
