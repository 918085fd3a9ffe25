// The SQL and Prisma predicates that confine a query to what a viewer may read.
// Every tenant-owned table carries platformId, accountId and livemode.
import { Prisma } from './generated/client.ts';
import type { Viewer } from '../domain/viewer.ts';

/** For Prisma `where` clauses on FinancialAccount, Transaction, TransactionEntry. */
export function ownedBy(viewer: Viewer) {
  return {
    platformId: viewer.platformId,
    livemode: viewer.livemode,
    ...(viewer.accountId ? { accountId: viewer.accountId } : {}),
  };
}

/** For Prisma `where` clauses on Account: the connected accounts a viewer may see. */
export function visibleAccounts(viewer: Viewer) {
  return viewer.accountId
    ? { id: viewer.accountId, platformId: viewer.platformId, livemode: viewer.livemode, kind: 'connected' as const }
    : { platformId: viewer.platformId, livemode: viewer.livemode, kind: 'connected' as const };
}

/** The same as ownedBy, as a raw SQL predicate on the row alias `t`. */
export function ownedBySql(viewer: Viewer): Prisma.Sql {
  return viewer.accountId
    ? Prisma.sql`t."platformId" = ${viewer.platformId} AND t."livemode" = ${viewer.livemode} AND t."accountId" = ${viewer.accountId}`
    : Prisma.sql`t."platformId" = ${viewer.platformId} AND t."livemode" = ${viewer.livemode}`;
}

/** The same as visibleAccounts, as a raw SQL predicate on the row alias `t`. */
export function visibleAccountsSql(viewer: Viewer): Prisma.Sql {
  return viewer.accountId
    ? Prisma.sql`t."id" = ${viewer.accountId} AND t."platformId" = ${viewer.platformId} AND t."livemode" = ${viewer.livemode} AND t."kind" = 'connected'`
    : Prisma.sql`t."platformId" = ${viewer.platformId} AND t."livemode" = ${viewer.livemode} AND t."kind" = 'connected'`;
}
