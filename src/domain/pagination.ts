// Relay connection arguments turned into a keyset page request, and cursors.
//
// Lists are ordered newest first by one time column, with the id as the
// tie-breaker, so a cursor is the (time, id) of a row: stable under inserts,
// and a page never skips or repeats a row. A cursor also names the order it
// was made for, so one cannot be replayed against another order.
import { UserInputError } from './errors.ts';
import { idType } from './ids.ts';

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export interface CursorPosition {
  /** The order's time column value, in epoch milliseconds. */
  at: number;
  id: string;
}

export interface PageRequest {
  /** forward: the `limit` newest rows after `after`; backward: the `limit` oldest rows before `before`. */
  direction: 'forward' | 'backward';
  limit: number;
  /** Rows strictly older than this (later in the list). */
  after: CursorPosition | null;
  /** Rows strictly newer than this (earlier in the list). */
  before: CursorPosition | null;
  /** The order the cursors belong to, e.g. 'createdAt'. */
  order: string;
}

// A cursor's time must be one the database can compare with: years 1 to 9999.
const EARLIEST_CURSOR_TIME = Date.parse('0001-01-01T00:00:00.000Z');
const LATEST_CURSOR_TIME = Date.parse('9999-12-31T23:59:59.999Z');

export function encodeCursor(order: string, position: CursorPosition): string {
  return Buffer.from(JSON.stringify([order, position.at, position.id])).toString('base64url');
}

export function decodeCursor(order: string, cursor: string, argument: 'after' | 'before'): CursorPosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 3 ||
    typeof decoded[0] !== 'string' ||
    !Number.isSafeInteger(decoded[1]) ||
    decoded[1] < EARLIEST_CURSOR_TIME ||
    decoded[1] > LATEST_CURSOR_TIME ||
    typeof decoded[2] !== 'string' ||
    // The id goes into SQL: only one of our ids (which excludes NUL and anything long) may.
    idType(decoded[2]) === undefined
  ) {
    throw new UserInputError('parameter_invalid', `\`${argument}\` is not a valid cursor.`, [argument]);
  }
  if (decoded[0] !== order) {
    throw new UserInputError(
      'parameter_invalid',
      `\`${argument}\` is a cursor of a list in another order: use cursors from the same orderBy.`,
      [argument],
    );
  }
  return { at: decoded[1], id: decoded[2] };
}

/** Validates Relay's arguments (at most 100 rows, not first and last at once) for a list in `order`. */
export function pageRequest(args: ConnectionArgs, order: string): PageRequest {
  const { first, last } = args;
  if (first != null && last != null) {
    throw new UserInputError('parameter_invalid', 'Pass `first` or `last`, not both.', ['first']);
  }
  // Checked one by one, not in a loop over pairs: this runs for every parent of a nested list.
  checkPageSize('first', first);
  checkPageSize('last', last);
  const after = args.after != null ? decodeCursor(order, args.after, 'after') : null;
  const before = args.before != null ? decodeCursor(order, args.before, 'before') : null;
  const backward = last != null || (first == null && before != null && after == null);
  return {
    direction: backward ? 'backward' : 'forward',
    limit: (backward ? last : first) ?? DEFAULT_PAGE_SIZE,
    after,
    before,
    order,
  };
}

function checkPageSize(name: 'first' | 'last', value: number | null | undefined): void {
  if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
    throw new UserInputError('parameter_invalid_integer', `\`${name}\` must be between 0 and ${MAX_PAGE_SIZE}; it was ${value}.`, [name]);
  }
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Page<T> {
  edges: Array<{ readonly cursor: string; readonly node: T }>;
  pageInfo: PageInfo;
}

/**
 * An edge whose cursor is encoded only when a client asks for it: most reads select `nodes` and at
 * most the page's end cursor, and encoding a cursor for every row of a large nested read was a
 * measurable share of its CPU and garbage.
 */
class PageEdge<T> {
  constructor(
    readonly node: T,
    private readonly order: string,
    private readonly positionOf: (row: T) => CursorPosition,
  ) {}

  get cursor(): string {
    return encodeCursor(this.order, this.positionOf(this.node));
  }
}

/** Page info whose start and end cursors, too, are encoded when read. */
class LazyPageInfo implements PageInfo {
  constructor(
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
    private readonly first: PageEdge<unknown> | undefined,
    private readonly last: PageEdge<unknown> | undefined,
  ) {}

  get startCursor(): string | null {
    return this.first?.cursor ?? null;
  }

  get endCursor(): string | null {
    return this.last?.cursor ?? null;
  }
}

/**
 * Builds a page from the rows a keyset query returned in list order (newest
 * first): up to limit + 1 rows, the extra one only telling there is more, and
 * whether rows exist on the other side of the cursor the page started from.
 */
export function buildPage<T>(
  request: PageRequest,
  rows: T[],
  rowsBeyondStart: boolean,
  positionOf: (row: T) => CursorPosition,
): Page<T> {
  const hasMore = rows.length > request.limit;
  // Backward pages are fetched oldest first; the extra row is the oldest one.
  const kept =
    request.direction === 'forward' ? rows.slice(0, request.limit) : rows.slice(0, request.limit).reverse();
  const edges = kept.map((node) => new PageEdge(node, request.order, positionOf));
  return {
    edges,
    pageInfo: new LazyPageInfo(
      request.direction === 'forward' ? hasMore : rowsBeyondStart,
      request.direction === 'backward' ? hasMore : rowsBeyondStart,
      edges[0] as PageEdge<unknown> | undefined,
      edges.at(-1) as PageEdge<unknown> | undefined,
    ),
  };
}
