// Credit reversals: written inside the caller's transaction (the service holds
// the financial account's row lock), read through the viewer-scoped loaders
// beside the store, registered in loaders.ts.
import DataLoader from 'dataloader';
import { Prisma } from './generated/client.ts';
import type { CreditReversal, PrismaClient, ReceivedCredit } from './generated/client.ts';
import type { TransactionClient } from './client.ts';
import type { Viewer } from '../domain/viewer.ts';
import type { Page, PageRequest } from '../domain/pagination.ts';
import type { CreditReversalStatus } from '../domain/money-movements/index.ts';
import type { KeysetQuery } from './keyset.ts';
import type { PageLoaderKit } from './loader-kit.ts';
import { ownedBy, ownedBySql } from './scope.ts';

export type NewCreditReversal = Omit<Prisma.CreditReversalUncheckedCreateInput, 'metadata'> & { metadata: Record<string, string> };

export function createCreditReversal(tx: TransactionClient, reversal: NewCreditReversal): Promise<CreditReversal> {
  return tx.creditReversal.create({ data: reversal });
}

/** The received credit if the viewer may see it (no lock: the service locks its financial account first). */
export function findReceivedCredit(tx: TransactionClient, viewer: Viewer, id: string): Promise<ReceivedCredit | null> {
  return tx.receivedCredit.findFirst({ where: { id, ...ownedBy(viewer) } });
}

/** The reversal of a received credit, if there is one (at most one: the column is unique). */
export function reversalOfReceivedCredit(tx: TransactionClient, receivedCreditId: string): Promise<CreditReversal | null> {
  return tx.creditReversal.findUnique({ where: { receivedCreditId } });
}

/** The financial account of a reversal, whoever owns it, unlocked: the row Stripe's own step locks before the reversal's. */
export async function financialAccountOfCreditReversal(tx: TransactionClient, id: string): Promise<string | null> {
  const found = await tx.creditReversal.findUnique({ where: { id }, select: { financialAccountId: true } });
  return found?.financialAccountId ?? null;
}

/** Locks the reversal's row until the transaction ends, after its account's: its steps apply one after the other. */
export async function lockCreditReversal(tx: TransactionClient, id: string): Promise<CreditReversal | null> {
  const rows = await tx.$queryRaw<CreditReversal[]>`SELECT * FROM "CreditReversal" WHERE "id" = ${id} FOR UPDATE`;
  return rows[0] ?? null;
}

export function updateCreditReversal(tx: TransactionClient, id: string, changes: Prisma.CreditReversalUncheckedUpdateInput): Promise<CreditReversal> {
  return tx.creditReversal.update({ where: { id }, data: changes });
}

/** Processing reversals created before `createdBefore`, oldest first, with their financial accounts: the ones due to post. */
export function creditReversalsDue(prisma: PrismaClient, createdBefore: Date): Promise<Array<{ id: string; financialAccountId: string }>> {
  return prisma.creditReversal.findMany({
    where: { status: 'processing', createdAt: { lt: createdBefore } },
    select: { id: true, financialAccountId: true },
    orderBy: { createdAt: 'asc' },
  });
}

export interface CreditReversalFilter {
  /** Stripe's `received_credit`. */
  receivedCredit?: string | null;
  status?: CreditReversalStatus | null;
}

/** The viewer's credit reversals by id and by received credit, and each financial account's page of them. */
export function creditReversalLoaders(prisma: PrismaClient, viewer: Viewer, kit: PageLoaderKit) {
  const creditReversal = kit.byId<CreditReversal>((ids) => prisma.creditReversal.findMany({ where: { id: { in: ids }, ...ownedBy(viewer) } }));
  const creditReversalOfReceivedCredit = new DataLoader<string, CreditReversal | null>(async (receivedCreditIds) => {
    const rows = await prisma.creditReversal.findMany({ where: { receivedCreditId: { in: [...receivedCreditIds] }, ...ownedBy(viewer) } });
    const found = new Map(rows.map((row) => [row.receivedCreditId, row]));
    return receivedCreditIds.map((id) => found.get(id) ?? null);
  });
  return {
    creditReversal,
    creditReversalOfReceivedCredit,
    /** A financial account's credit reversals, newest first (Stripe's list: `received_credit`, `status`). */
    creditReversalsPage(
      financialAccountId: string,
      filter: CreditReversalFilter | null | undefined,
      request: PageRequest,
    ): Promise<Page<CreditReversal>> {
      const query: KeysetQuery = {
        table: 'CreditReversal',
        parentColumn: 'financialAccountId',
        orderColumn: 'createdAt',
        where: [
          ownedBySql(viewer),
          ...(filter?.receivedCredit ? [Prisma.sql`t."receivedCreditId" = ${filter.receivedCredit}`] : []),
          ...(filter?.status ? [Prisma.sql`t."status" = ${filter.status}::"CreditReversalStatus"`] : []),
        ],
      };
      return kit.pageLoader(kit.pageKey('creditReversals', filter, request), query, request, creditReversal).load(financialAccountId);
    },
  };
}
