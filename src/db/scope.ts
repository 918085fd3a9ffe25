// The SQL and Prisma predicates that confine a query to what a viewer may read.
// Every tenant-owned table carries platformId, accountId and livemode. The
// rule is the domain's (canSee, over scopeOf's columns and values); these are
// its translations for queries, and test/domain/can-see.test.ts holds them
// equal to it on a real database.
import { Prisma } from './generated/client.ts';
import { OWNER_COLUMNS, scopeOf, type Scope, type Viewer } from '../domain/viewer.ts';

/** canSee for Prisma `where` clauses on tenant-owned tables: the scope's columns, each equal to its value. */
export function ownedBy(viewer: Viewer): Scope {
  return scopeOf(viewer);
}

/** For Prisma `where` clauses on Account: the connected accounts a viewer may see. */
export function visibleAccounts(viewer: Viewer) {
  return viewer.accountId
    ? { id: viewer.accountId, platformId: viewer.platformId, livemode: viewer.livemode, kind: 'connected' as const }
    : { platformId: viewer.platformId, livemode: viewer.livemode, kind: 'connected' as const };
}

/** canSee as a raw SQL predicate on the row alias `t`: the scope's columns, each equal to its value, ANDed. */
export function ownedBySql(viewer: Viewer): Prisma.Sql {
  const scope = scopeOf(viewer);
  const conditions = OWNER_COLUMNS.filter((column) => scope[column] !== undefined).map(
    (column) => Prisma.sql`t.${Prisma.raw(`"${column}"`)} = ${scope[column]}`,
  );
  return Prisma.join(conditions, ' AND ');
}

/** The same as visibleAccounts, as a raw SQL predicate on the row alias `t`. */
export function visibleAccountsSql(viewer: Viewer): Prisma.Sql {
  return viewer.accountId
    ? Prisma.sql`t."id" = ${viewer.accountId} AND t."platformId" = ${viewer.platformId} AND t."livemode" = ${viewer.livemode} AND t."kind" = 'connected'`
    : Prisma.sql`t."platformId" = ${viewer.platformId} AND t."livemode" = ${viewer.livemode} AND t."kind" = 'connected'`;
}
