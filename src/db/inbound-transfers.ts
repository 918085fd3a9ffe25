// Inbound transfers: written inside the caller's transaction (the service
// holds the financial account's row lock), read through the viewer-scoped
// loaders beside the store, registered in loaders.ts.
import { Prisma } from './generated/client.ts';
import type { InboundTransfer, PrismaClient } from './generated/client.ts';
import type { TransactionClient } from './client.ts';
import type { Viewer } from '../domain/viewer.ts';
import type { InboundTransferStatus } from '../domain/money-movements/index.ts';
import { lockMovementRow, movementLoaders, type StatusFilter } from './money-movements.ts';
import type { PageLoaderKit } from './loader-kit.ts';
import { ownedBy } from './scope.ts';

export type NewInboundTransfer = Omit<Prisma.InboundTransferUncheckedCreateInput, 'metadata' | 'originPaymentMethodDetails'> & {
  metadata: Record<string, string>;
  originPaymentMethodDetails: Record<string, unknown>;
};

export function createInboundTransfer(tx: TransactionClient, transfer: NewInboundTransfer): Promise<InboundTransfer> {
  return tx.inboundTransfer.create({
    data: { ...transfer, originPaymentMethodDetails: transfer.originPaymentMethodDetails as Prisma.InputJsonValue },
  });
}

/** The transfer if the viewer may see it (no lock: the service locks its financial account first). */
export function findInboundTransfer(tx: TransactionClient, viewer: Viewer, id: string): Promise<InboundTransfer | null> {
  return tx.inboundTransfer.findFirst({ where: { id, ...ownedBy(viewer) } });
}

/** Locks the transfer's row until the transaction ends, after its account's: steps of one transfer apply one after the other. */
export function lockInboundTransfer(tx: TransactionClient, id: string): Promise<InboundTransfer | null> {
  return lockMovementRow(tx, 'InboundTransfer', id);
}

export type InboundTransferChanges = Prisma.InboundTransferUncheckedUpdateInput;

export function updateInboundTransfer(tx: TransactionClient, id: string, changes: InboundTransferChanges): Promise<InboundTransfer> {
  return tx.inboundTransfer.update({ where: { id }, data: changes });
}

/** The account's processing inbound transfers, oldest first: money still on its way in, which keeps the account from closing. */
export function processingInboundTransfersOf(tx: TransactionClient, financialAccountId: string): Promise<InboundTransfer[]> {
  return tx.inboundTransfer.findMany({ where: { financialAccountId, status: 'processing' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
}

export type InboundTransferFilter = StatusFilter<InboundTransferStatus>;

/** The viewer's inbound transfers by id, and each financial account's page of them, newest first (Stripe's list: `status`). */
export function inboundTransferLoaders(prisma: PrismaClient, viewer: Viewer, kit: PageLoaderKit) {
  const { byId, page } = movementLoaders<InboundTransfer, InboundTransferStatus>(viewer, kit, {
    table: 'InboundTransfer',
    list: 'inboundTransfers',
    findMany: (where) => prisma.inboundTransfer.findMany({ where }),
  });
  return { inboundTransfer: byId, inboundTransfersPage: page };
}
