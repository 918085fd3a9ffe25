// Received debits: written inside the caller's transaction, read through the
// viewer-scoped loaders beside the store, registered in loaders.ts.
import { Prisma } from './generated/client.ts';
import type { PrismaClient, ReceivedDebit } from './generated/client.ts';
import type { TransactionClient } from './client.ts';
import type { Viewer } from '../domain/viewer.ts';
import type { Page, PageRequest } from '../domain/pagination.ts';
import type { ReceivedDebitStatus } from '../domain/money-movements/index.ts';
import type { KeysetQuery } from './keyset.ts';
import type { PageLoaderKit } from './loader-kit.ts';
import { ownedBy, ownedBySql } from './scope.ts';

export type NewReceivedDebit = Omit<Prisma.ReceivedDebitUncheckedCreateInput, 'initiatingPaymentMethodDetails'> & {
  initiatingPaymentMethodDetails: Record<string, unknown>;
};

export function createReceivedDebit(tx: TransactionClient, debit: NewReceivedDebit): Promise<ReceivedDebit> {
  return tx.receivedDebit.create({
    data: { ...debit, initiatingPaymentMethodDetails: debit.initiatingPaymentMethodDetails as Prisma.InputJsonValue },
  });
}

export function updateReceivedDebit(
  tx: TransactionClient,
  id: string,
  changes: Pick<Prisma.ReceivedDebitUncheckedUpdateInput, 'transactionId' | 'debitReversalId'>,
): Promise<ReceivedDebit> {
  return tx.receivedDebit.update({ where: { id }, data: changes });
}

/** A received debit the viewer may see, read inside the caller's transaction. */
export function findReceivedDebit(tx: TransactionClient, viewer: Viewer, id: string): Promise<ReceivedDebit | null> {
  return tx.receivedDebit.findFirst({ where: { id, ...ownedBy(viewer) } });
}

/** A received debit by id, whoever asks (for work that is nobody's request). */
export function receivedDebitById(tx: TransactionClient, id: string): Promise<ReceivedDebit> {
  return tx.receivedDebit.findUniqueOrThrow({ where: { id } });
}

export interface ReceivedDebitFilter {
  status?: ReceivedDebitStatus | null;
}

/** The viewer's received debits by id, and each financial account's page of them (one statement for all accounts). */
export function receivedDebitLoaders(prisma: PrismaClient, viewer: Viewer, kit: PageLoaderKit) {
  const receivedDebit = kit.byId((ids) => prisma.receivedDebit.findMany({ where: { id: { in: ids }, ...ownedBy(viewer) } }));
  return {
    receivedDebit,
    /** A financial account's received debits, newest first (Stripe's list: `status`). */
    receivedDebitsPage(financialAccountId: string, filter: ReceivedDebitFilter | null | undefined, request: PageRequest): Promise<Page<ReceivedDebit>> {
      const query: KeysetQuery = {
        table: 'ReceivedDebit',
        parentColumn: 'financialAccountId',
        orderColumn: 'createdAt',
        where: [ownedBySql(viewer), ...(filter?.status ? [Prisma.sql`t."status" = ${filter.status}::"ReceivedDebitStatus"`] : [])],
      };
      return kit.pageLoader(kit.pageKey('receivedDebits', filter, request), query, request, receivedDebit).load(financialAccountId);
    },
  };
}
