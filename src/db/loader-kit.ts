// What the aggregates' loaders (payment-methods.ts, outbound-transfers.ts, ...) share with loaders.ts, which
// registers them all: the kit it lends them, and the lists' time-range conditions. A file of its own, so that
// loaders.ts imports the aggregates' stores and they import this, not loaders.ts: no cycle.
import type DataLoader from 'dataloader';
import { Prisma } from './generated/client.ts';
import type { Page, PageRequest } from '../domain/pagination.ts';
import type { TimeRange } from '../domain/list-filters.ts';
import type { KeysetQuery } from './keyset.ts';

/**
 * Rows by id, which also remembers the rows pages returned (so those are not read again): whole
 * rows, and rows of some columns only (KeysetQuery.columns), which answer a load that needs no
 * other column (loadWith).
 */
export type ByIdLoader<Row> = DataLoader<string, Row | null> & {
  remember(row: Row, columns?: ReadonlySet<string> | null): void;
  /** The row by id, from a remembered row holding `columns` when there is one; null columns: the whole row. */
  loadWith(id: string, columns: readonly string[] | null): Promise<Row | null>;
};

/** What loaders.ts lends the aggregates' loaders: its page loader cache, so every list batches the same way. */
export interface PageLoaderKit {
  pageLoader<Row extends { id: string }>(
    key: string,
    query: KeysetQuery | (() => KeysetQuery),
    request: PageRequest,
    byIdLoader: ByIdLoader<Row>,
  ): DataLoader<string, Page<Row>>;
  pageKey(list: string, filter: unknown, request: PageRequest): string;
  /** A by-id loader over `load` (which applies the viewer's scope): null for an id it does not return. */
  byId<Row extends { id: string }>(load: (ids: string[]) => Promise<Row[]>): ByIdLoader<Row>;
}

/** A list's `created` (or other time) filter as conditions on the row alias `t`. */
export function timeRangeSql(column: string, range: TimeRange | null | undefined): Prisma.Sql[] {
  if (!range) return [];
  const col = Prisma.raw(`t."${column}"`);
  const parts: Prisma.Sql[] = [];
  if (range.gt) parts.push(Prisma.sql`${col} > ${range.gt}`);
  if (range.gte) parts.push(Prisma.sql`${col} >= ${range.gte}`);
  if (range.lt) parts.push(Prisma.sql`${col} < ${range.lt}`);
  if (range.lte) parts.push(Prisma.sql`${col} <= ${range.lte}`);
  return parts;
}
