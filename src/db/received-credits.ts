// Received credits: written inside the caller's transaction, read through the
// viewer-scoped loaders beside the store, registered in loaders.ts.
import { Prisma } from './generated/client.ts';
import type { PrismaClient, ReceivedCredit } from './generated/client.ts';
import type { TransactionClient } from './client.ts';
import type { Viewer } from '../domain/viewer.ts';
import type { Page, PageRequest } from '../domain/pagination.ts';
import type { ReceivedCreditStatus } from '../domain/money-movements/index.ts';
import type { KeysetQuery } from './keyset.ts';
import type { PageLoaderKit } from './loader-kit.ts';
import { ownedBy, ownedBySql } from './scope.ts';

export type NewReceivedCredit = Omit<Prisma.ReceivedCreditUncheckedCreateInput, 'initiatingPaymentMethodDetails'> & {
  initiatingPaymentMethodDetails: Record<string, unknown>;
};

export function createReceivedCredit(tx: TransactionClient, credit: NewReceivedCredit): Promise<ReceivedCredit> {
  return tx.receivedCredit.create({
    data: { ...credit, initiatingPaymentMethodDetails: credit.initiatingPaymentMethodDetails as Prisma.InputJsonValue },
  });
}

export interface ReceivedCreditFilter {
  status?: ReceivedCreditStatus | null;
  /** Stripe's `linked_flows[source_flow_type]`. */
  linkedFlows?: { sourceFlowType?: string | null } | null;
}

/** The viewer's received credits by id, and each financial account's page of them (one statement for all accounts). */
export function receivedCreditLoaders(prisma: PrismaClient, viewer: Viewer, kit: PageLoaderKit) {
  const receivedCredit = kit.byId((ids) => prisma.receivedCredit.findMany({ where: { id: { in: ids }, ...ownedBy(viewer) } }));
  return {
    receivedCredit,
    /** A financial account's received credits, newest first (Stripe's list: `status`, `linked_flows[source_flow_type]`). */
    receivedCreditsPage(
      financialAccountId: string,
      filter: ReceivedCreditFilter | null | undefined,
      request: PageRequest,
    ): Promise<Page<ReceivedCredit>> {
      const sourceFlowType = filter?.linkedFlows?.sourceFlowType;
      const query: KeysetQuery = {
        table: 'ReceivedCredit',
        parentColumn: 'financialAccountId',
        orderColumn: 'createdAt',
        where: [
          ownedBySql(viewer),
          ...(filter?.status ? [Prisma.sql`t."status" = ${filter.status}::"ReceivedCreditStatus"`] : []),
          ...(sourceFlowType ? [Prisma.sql`t."sourceFlowType" = ${sourceFlowType}`] : []),
        ],
      };
      return kit.pageLoader(kit.pageKey('receivedCredits', filter, request), query, request, receivedCredit).load(financialAccountId);
    },
  };
}
