// Debit reversals: written inside the caller's transaction (which holds the
// financial account's row lock), read through the viewer-scoped loaders beside
// the store, registered in loaders.ts.
import { Prisma } from './generated/client.ts';
import type { DebitReversal, PrismaClient } from './generated/client.ts';
import type { TransactionClient } from './client.ts';
import type { Viewer } from '../domain/viewer.ts';
import type { Page, PageRequest } from '../domain/pagination.ts';
import type { DebitReversalResolution } from '../domain/money-movements/index.ts';
import type { KeysetQuery } from './keyset.ts';
import type { PageLoaderKit } from './loader-kit.ts';
import { ownedBy, ownedBySql } from './scope.ts';

export type NewDebitReversal = Omit<Prisma.DebitReversalUncheckedCreateInput, 'metadata'> & { metadata: Record<string, string> };

export function createDebitReversal(tx: TransactionClient, reversal: NewDebitReversal): Promise<DebitReversal> {
  return tx.debitReversal.create({ data: reversal });
}

export function updateDebitReversal(
  tx: TransactionClient,
  id: string,
  changes: Pick<Prisma.DebitReversalUncheckedUpdateInput, 'status' | 'completedAt' | 'transactionId'>,
): Promise<DebitReversal> {
  return tx.debitReversal.update({ where: { id }, data: changes });
}

/** A reversal by id, whoever asks (for work that is nobody's request, e.g. its completion). */
export function debitReversalById(tx: TransactionClient, id: string): Promise<DebitReversal | null> {
  return tx.debitReversal.findUnique({ where: { id } });
}

/** Reversals still processing that were created at or before `createdBy`, oldest first. */
export async function debitReversalsProcessing(tx: TransactionClient, createdBy: Date): Promise<string[]> {
  const rows = await tx.debitReversal.findMany({
    where: { status: 'processing', createdAt: { lte: createdBy } },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((row) => row.id);
}

/**
 * Stripe's list parameters: `received_debit`, `resolution` (won, lost) and
 * `status`, whose values are the list's own: `processing`, `completed` (won or
 * lost) and `canceled` (which Stripe does not support yet, so nothing is).
 */
export interface DebitReversalFilter {
  receivedDebit?: string | null;
  resolution?: DebitReversalResolution | null;
  status?: 'canceled' | 'completed' | 'processing' | null;
}

const RESOLUTION_STATUS: Record<DebitReversalResolution, 'succeeded' | 'failed'> = { won: 'succeeded', lost: 'failed' };

function filterSql(filter: DebitReversalFilter | null | undefined): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (filter?.receivedDebit) where.push(Prisma.sql`t."receivedDebitId" = ${filter.receivedDebit}`);
  if (filter?.resolution) where.push(Prisma.sql`t."status" = ${RESOLUTION_STATUS[filter.resolution]}::"DebitReversalStatus"`);
  if (filter?.status === 'processing') where.push(Prisma.sql`t."status" = 'processing'`);
  if (filter?.status === 'completed') where.push(Prisma.sql`t."status" <> 'processing'`);
  if (filter?.status === 'canceled') where.push(Prisma.sql`FALSE`);
  return where;
}

/** The viewer's debit reversals by id, and each financial account's page of them (one statement for all accounts). */
export function debitReversalLoaders(prisma: PrismaClient, viewer: Viewer, kit: PageLoaderKit) {
  const debitReversal = kit.byId((ids) => prisma.debitReversal.findMany({ where: { id: { in: ids }, ...ownedBy(viewer) } }));
  return {
    debitReversal,
    /** A financial account's debit reversals, newest first. */
    debitReversalsPage(financialAccountId: string, filter: DebitReversalFilter | null | undefined, request: PageRequest): Promise<Page<DebitReversal>> {
      const query: KeysetQuery = {
        table: 'DebitReversal',
        parentColumn: 'financialAccountId',
        orderColumn: 'createdAt',
        where: [ownedBySql(viewer), ...filterSql(filter)],
      };
      return kit.pageLoader(kit.pageKey('debitReversals', filter, request), query, request, debitReversal).load(financialAccountId);
    },
  };
}
