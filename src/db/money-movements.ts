// What the stores of the money movements share: the row lock a movement's
// steps take, and the viewer-scoped loaders (by id, and a financial account's
// page filtered by `status`, Stripe's list parameter on every movement).
import { Prisma } from './generated/client.ts';
import type { TransactionClient } from './client.ts';
import type { Viewer } from '../domain/viewer.ts';
import type { Page, PageRequest } from '../domain/pagination.ts';
import type { KeysetQuery } from './keyset.ts';
import type { PageLoaderKit } from './loader-kit.ts';
import { ownedBy, ownedBySql } from './scope.ts';

/** The tables of movements whose steps lock their row; each has a `<table>Status` enum column `status`. */
export type MovementTable = 'OutboundTransfer' | 'InboundTransfer';

/** Locks the movement's row until the transaction ends, after its account's: steps of one movement apply one after the other. */
export async function lockMovementRow<Row>(tx: TransactionClient, table: MovementTable, id: string): Promise<Row | null> {
  const rows = await tx.$queryRaw<Row[]>(Prisma.sql`SELECT * FROM ${Prisma.raw(`"${table}"`)} WHERE "id" = ${id} FOR UPDATE`);
  return rows[0] ?? null;
}

export interface StatusFilter<Status extends string> {
  status?: Status | null;
}

/**
 * The viewer's movements of one table by id, and each financial account's page
 * of them, newest first (one statement for all accounts). `findMany` reads the
 * table through Prisma with the viewer's scope already in `where`.
 */
export function movementLoaders<Row extends { id: string }, Status extends string>(
  viewer: Viewer,
  kit: PageLoaderKit,
  spec: { table: MovementTable; list: string; findMany: (where: { id: { in: string[] } } & ReturnType<typeof ownedBy>) => Promise<Row[]> },
) {
  const byId = kit.byId((ids) => spec.findMany({ id: { in: ids }, ...ownedBy(viewer) }));
  const statusType = Prisma.raw(`"${spec.table}Status"`);
  function page(financialAccountId: string, filter: StatusFilter<Status> | null | undefined, request: PageRequest): Promise<Page<Row>> {
    const query: KeysetQuery = {
      table: spec.table,
      parentColumn: 'financialAccountId',
      orderColumn: 'createdAt',
      where: [ownedBySql(viewer), ...(filter?.status ? [Prisma.sql`t."status" = ${filter.status}::${statusType}`] : [])],
    };
    return kit.pageLoader(kit.pageKey(spec.list, filter, request), query, request, byId).load(financialAccountId);
  }
  return { byId, page };
}
