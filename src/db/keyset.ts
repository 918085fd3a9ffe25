// Keyset pages of many parents' children in one SQL statement.
//
// For each parent id, a LATERAL subquery reads at most `limit + 1` rows through
// the (parent, time DESC, id DESC) index, so the cost of a page does not grow
// with the parent's history, and a nested connection costs one statement for
// all of its parents. A second, EXISTS subquery tells whether rows lie on the
// other side of the cursor the page starts from (for hasPreviousPage).
import { Prisma } from './generated/client.ts';
import type { Database } from './database.ts';
import type { CursorPosition, PageRequest } from '../domain/pagination.ts';
import { enumArray, idList, recordMaker } from './rows.ts';
import { attachedColumns, attachedLists } from './attached-lists.ts';

export interface KeysetQuery {
  /** Table name, as Prisma names it ("Transaction"). */
  table: string;
  /** The column the parents' ids are matched against ("financialAccountId"); null for a single root list. */
  parentColumn: string | null;
  /** The time column of the order ("createdAt", "postedAt", "effectiveAt"). */
  orderColumn: string;
  /** Filters and scope, as predicates on the row alias `t`. */
  where: Prisma.Sql[];
  /**
   * Columns holding arrays of a database enum. A raw query returns them in PostgreSQL's text form
   * (`{closed_by_platform}`): the driver parses arrays of built-in types only. Prisma's typed
   * queries parse them, so the page's rows are made to match those.
   */
  enumArrayColumns?: string[];
  /**
   * Lists of each row's children read in the same statement: by name, a correlated subquery on
   * the row alias `t` that returns them as one JSON array. A page with its rows' lists then costs
   * one statement, however many lists its rows carry.
   */
  attach?: Record<string, Prisma.Sql>;
  /**
   * The columns the rows need besides the id, the parent column and the order column; absent or
   * null, all of them. Rows read this way hold only those columns, though typed as whole rows: the
   * selection that named them reads no others (src/graphql/row-columns.ts).
   */
  columns?: readonly string[] | null;
}

export interface KeysetSlice<Row> {
  /** In list order (newest first) for forward pages, oldest first for backward ones. */
  rows: Row[];
  /** For each row (same index), its attached lists by name, as parsed JSON. */
  attached: Array<Record<string, unknown[]>>;
  rowsBeyondStart: boolean;
}

const ROOT = '__root__';

/** The attached lists of a row of a query that attaches none (shared: such rows are most rows). */
const NO_LISTS: Record<string, unknown[]> = Object.freeze({}) as Record<string, unknown[]>;

/** One page for each parent id (or, with parentColumn null, the single root list under ROOT). */
export async function keysetPages<Row>(
  db: Pick<Database, 'read'>,
  query: KeysetQuery,
  parentIds: readonly string[],
  page: PageRequest,
): Promise<Map<string, KeysetSlice<Row>>> {
  const result = new Map<string, KeysetSlice<Row>>();
  const ids = query.parentColumn ? [...new Set(parentIds)] : [ROOT];
  for (const id of ids) result.set(id, { rows: [], attached: [], rowsBeyondStart: false });
  const order = Prisma.raw(`t."${query.orderColumn}"`);
  const matchesParent = query.parentColumn
    ? Prisma.sql`${Prisma.raw(`t."${query.parentColumn}"`)} = p.parent`
    : Prisma.sql`TRUE`;
  const where = Prisma.join([matchesParent, Prisma.sql`${order} IS NOT NULL`, ...query.where], ' AND ');

  const older = (c: CursorPosition) => Prisma.sql`(${order}, t."id") < (${new Date(c.at)}::timestamptz, ${c.id})`;
  const newer = (c: CursorPosition) => Prisma.sql`(${order}, t."id") > (${new Date(c.at)}::timestamptz, ${c.id})`;
  const window: Prisma.Sql[] = [];
  if (page.after) window.push(older(page.after));
  if (page.before) window.push(newer(page.before));
  const inWindow = window.length ? Prisma.sql` AND ${Prisma.join(window, ' AND ')}` : Prisma.empty;

  const forward = page.direction === 'forward';
  const direction = Prisma.raw(forward ? 'DESC' : 'ASC');
  // The cursor the page starts from: rows beyond it are the previous page (forward) or the next (backward).
  const start = forward ? page.after : page.before;
  const beyondStart = start
    ? Prisma.sql`EXISTS (SELECT 1 FROM ${Prisma.raw(`"${query.table}"`)} t WHERE ${where} AND ${
        forward ? Prisma.sql`(${order}, t."id") >= (${new Date(start.at)}::timestamptz, ${start.id})` : Prisma.sql`(${order}, t."id") <= (${new Date(start.at)}::timestamptz, ${start.id})`
      })`
    : Prisma.sql`FALSE`;

  const attachments = Object.entries(query.attach ?? {});
  const attach = attachedColumns(attachments);

  const { columns, rows } = await db.read(Prisma.sql`
    SELECT CASE WHEN c."id" IS NULL THEN p.parent END AS "__parent", ${beyondStart} AS "__beyond", c.*
    FROM unnest(${idList(ids)}) AS p(parent)
    LEFT JOIN LATERAL (
      SELECT ${selectList(query)}${attach} FROM ${Prisma.raw(`"${query.table}"`)} t
      WHERE ${where}${inWindow}
      ORDER BY ${order} ${direction}, t."id" ${direction}
      LIMIT ${page.limit + 1}
    ) c ON TRUE`);

  // Columns: __parent, __beyond, the table's (id first), then the attached lists in their order.
  const rowEnd = columns.length - attachments.length;
  const idAt = columns.indexOf('id');
  const enumArraysAt = (query.enumArrayColumns ?? []).map((column) => columns.indexOf(column)).filter((at) => at >= 0);
  const toRecord = recordMaker(columns.slice(0, rowEnd), 2);
  // A row's parent is its own parent column (the statement names the parent only for a parent
  // without rows: one string less to read per row).
  const parentAt = query.parentColumn ? columns.indexOf(query.parentColumn) : -1;
  for (const values of rows) {
    const parent = (values[0] as string | null) ?? (parentAt >= 0 ? (values[parentAt] as string) : ROOT);
    const slice = result.get(parent)!;
    slice.rowsBeyondStart = values[1] as boolean;
    if (values[idAt] === null) continue; // a parent without rows in the window
    for (const at of enumArraysAt) values[at] = enumArray(values[at]);
    const record = toRecord(values);
    slice.rows.push(record as Row);
    slice.attached.push(attachments.length ? attachedLists(values, rowEnd, attachments) : NO_LISTS);
  }
  return result;
}

/** The columns the rows of a page of named columns hold: those named, and the page's own (id, parent, order). */
export function pageColumns(query: KeysetQuery, columns: readonly string[]): string[] {
  return [...new Set(['id', ...(query.parentColumn ? [query.parentColumn] : []), query.orderColumn, ...columns])];
}

/** What a page selects of its rows: the columns of pageColumns, or all of them. */
function selectList(query: KeysetQuery): Prisma.Sql {
  if (!query.columns) return Prisma.raw('t.*');
  const names = pageColumns(query, query.columns);
  for (const name of names) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a column name: ${JSON.stringify(name)}`);
  }
  return Prisma.raw([...names].map((name) => `t."${name}"`).join(', '));
}

export { ROOT as ROOT_PARENT };
