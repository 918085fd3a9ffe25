// Rows read in raw SQL (Database.read) made into the objects Prisma's typed
// queries return: the hot read path (keyset pages, rows by id) skips Prisma's
// per-query and per-value work but hands the rest of the code the same rows.
import { Prisma } from './generated/client.ts';
import type { Database } from './database.ts';
import { attachedColumns, attachedLists } from './attached-lists.ts';

type RecordMaker = (values: unknown[]) => Record<string, unknown>;
const recordMakers = new Map<string, RecordMaker>();

/**
 * A function that turns a row's values (from index `from` of `columns`) into an object of those
 * columns, compiled once per column list: one object literal per row, of one shape, instead of a
 * property added by name for each column of each row (the largest cost of reading thousands of
 * rows after the driver's). The names come from the database's result description and are quoted
 * as JSON strings, so any name is a plain key.
 */
export function recordMaker(columns: string[], from: number): RecordMaker {
  const key = `${from}|${columns.join('|')}`;
  let make = recordMakers.get(key);
  if (!make) {
    const fields = columns.slice(from).map((column, i) => `${JSON.stringify(column)}: values[${from + i}]`);
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the compiled row shape, see above
    make = new Function('values', `return { ${fields.join(', ')} };`) as RecordMaker;
    recordMakers.set(key, make);
  }
  return make;
}

/** An enum array in PostgreSQL's text form: enum labels need no quoting, so `{a,b}` is all it can be. */
export function enumArray(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const inner = value.replace(/^\{|\}$/g, '');
  return inner === '' ? [] : inner.split(',');
}

export interface RowsQuery {
  /** Table name, as Prisma names it ("FinancialAccount"). */
  table: string;
  /** Scope, as predicates on the row alias `t`. */
  where: Prisma.Sql[];
  /** Columns holding arrays of a database enum (see KeysetQuery.enumArrayColumns). */
  enumArrayColumns?: string[];
  /** Lists each row brings, read in the same statement (see attached-lists.ts and KeysetQuery.attach). */
  attach?: Record<string, Prisma.Sql>;
}

/**
 * Many ids as one SQL array: a comma-joined text split by PostgreSQL, rather than an array whose
 * every element node-postgres would quote and escape (thousands of them for a nested list's
 * parents). Ids are ours and hold no comma; any that did, or an empty one, goes as an array.
 */
export function idList(ids: readonly string[]): Prisma.Sql {
  const plain = ids.every((id) => id !== '' && !id.includes(','));
  return plain ? Prisma.sql`string_to_array(${ids.join(',')}, ',')` : Prisma.sql`${[...ids]}::text[]`;
}

/**
 * The rows whose `column` (default the id) is one of `values` and that the query's scope lets
 * through, in no order; each row's attached lists (query.attach), parsed, go to `primeAttached`.
 */
export async function rowsWhereIn<Row>(
  db: Pick<Database, 'read'>,
  query: RowsQuery,
  values: readonly string[],
  column = 'id',
  primeAttached?: (row: Row, attached: Record<string, unknown[]>) => void,
): Promise<Row[]> {
  const scope = query.where.length ? Prisma.sql` AND ${Prisma.join(query.where, ' AND ')}` : Prisma.empty;
  const attachments = Object.entries(query.attach ?? {});
  const { columns, rows } = await db.read(
    Prisma.sql`SELECT t.*${attachedColumns(attachments)} FROM ${Prisma.raw(`"${query.table}"`)} t WHERE t.${Prisma.raw(`"${column}"`)} = ANY(${idList(values)})${scope}`,
  );
  // The table's columns, then the attached lists in their order.
  const rowEnd = columns.length - attachments.length;
  const toRecord = recordMaker(columns.slice(0, rowEnd), 0);
  const enumArraysAt = (query.enumArrayColumns ?? []).map((name) => columns.indexOf(name));
  return rows.map((values) => {
    for (const at of enumArraysAt) values[at] = enumArray(values[at]);
    const row = toRecord(values) as Row;
    if (attachments.length) primeAttached?.(row, attachedLists(values, rowEnd, attachments));
    return row;
  });
}
