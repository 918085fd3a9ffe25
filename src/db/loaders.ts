// The request's batch loaders: the only way resolvers read. One set per
// request (a loader caches for the request's lifetime), every one scoped to the
// request's viewer, so an object outside the scope loads as null whatever path
// asked for it.
import DataLoader from 'dataloader';
import { Prisma, type PrismaClient } from './generated/client.ts';
import type {
  Account,
  AccountCapability,
  FeatureSetting,
  FinancialAccount,
  FinancialAddress,
  Transaction,
  TransactionEntry,
} from './generated/client.ts';
import type { Viewer } from '../domain/viewer.ts';
import type { Database } from './database.ts';
import type { EventRecord } from '../events/event-bus.ts';
import type { BalanceImpact } from '../domain/ledger.ts';
import { buildPage, type Page, type PageRequest } from '../domain/pagination.ts';
import type { EntryFilter, FinancialAccountFilter, TimeRange, TransactionFilter } from '../domain/list-filters.ts';
import { keysetPages, pageColumns, ROOT_PARENT, type KeysetQuery } from './keyset.ts';
import { rowsWhereIn } from './rows.ts';
import { ACCOUNT_LISTS, FINANCIAL_ACCOUNT_LISTS, fromJson } from './attached-lists.ts';
import { ownedBy, ownedBySql, visibleAccountsSql } from './scope.ts';
import { timeRangeSql, type ByIdLoader, type PageLoaderKit } from './loader-kit.ts';
import { paymentMethodLoaders } from './payment-methods.ts';
import { outboundTransferLoaders } from './outbound-transfers.ts';
import { outboundPaymentLoaders } from './outbound-payments.ts';
import { receivedCreditLoaders } from './received-credits.ts';
import { inboundTransferLoaders } from './inbound-transfers.ts';
import { receivedDebitLoaders } from './received-debits.ts';
import { debitReversalLoaders } from './debit-reversals.ts';
import { creditReversalLoaders } from './credit-reversals.ts';

export type BalanceSums = Array<{ currency: string } & BalanceImpact>;

/** A page of children for one parent, with the list's filter and page request fixed per loader. */
type PageLoader<Row> = DataLoader<string, Page<Row>>;

export function createLoaders(db: Pick<Database, 'prisma' | 'read'>, viewer: Viewer) {
  const { prisma } = db;
  const byId = <Row extends { id: string }>(load: (ids: string[]) => Promise<Row[]>): ByIdLoader<Row> => {
    // Rows a page already returned: a later load of one of them is answered from these without
    // SQL. Kept apart from DataLoader's cache, whose prime() makes a promise per row ahead of any
    // load, and indexed by id only when a load comes: most pages' rows are never loaded by id.
    const remembered: Row[] = [];
    const seen = new Map<string, Row>();
    let indexed = 0;
    // Rows of some columns, with the columns each holds (side by side: no object per row).
    const partRows: Row[] = [];
    const partColumns: Array<ReadonlySet<string>> = [];
    const seenParts = new Map<string, number>();
    let indexedParts = 0;
    const loader = new DataLoader<string, Row | null>(async (ids) => {
      for (; indexed < remembered.length; indexed += 1) seen.set(remembered[indexed].id, remembered[indexed]);
      const unseen = ids.filter((id) => !seen.has(id));
      const found = new Map((unseen.length ? await load(unseen) : []).map((row) => [row.id, row]));
      return ids.map((id) => seen.get(id) ?? found.get(id) ?? null);
    });
    return Object.assign(loader, {
      remember: (row: Row, columns?: ReadonlySet<string> | null) => {
        if (!columns) return void remembered.push(row);
        partRows.push(row);
        partColumns.push(columns);
      },
      loadWith: (id: string, columns: readonly string[] | null) => {
        if (columns) {
          for (; indexedParts < partRows.length; indexedParts += 1) seenParts.set(partRows[indexedParts].id, indexedParts);
          const at = seenParts.get(id);
          if (at !== undefined && columns.every((column) => partColumns[at].has(column))) return Promise.resolve(partRows[at]);
        }
        return loader.load(id);
      },
    });
  };

  const groupedBy = <Row, K extends keyof Row>(key: K, load: (ids: string[]) => Promise<Row[]>) =>
    new DataLoader<string, Row[]>(async (ids) => {
      const groups = new Map<string, Row[]>(ids.map((id) => [id, []]));
      for (const row of await load([...ids])) groups.get(row[key] as string)?.push(row);
      return ids.map((id) => groups.get(id)!);
    });

  // Page loaders are made per (list, filter, page request): the parents of one
  // nested field share them, so they batch into one statement.
  const pageLoaders = new Map<string, PageLoader<unknown>>();
  function pageLoader<Row extends { id: string }>(
    key: string,
    /**
     * The list's query, or a function making it: called only when no loader has the key yet. Nested
     * lists pass the function inline, as an argument: the source runs through tsx, whose esbuild
     * keepNames names every function assigned to a variable by a call each time it is made, and
     * these are made once per parent.
     */
    query: KeysetQuery | (() => KeysetQuery),
    request: PageRequest,
    /** The by-id loader of the same rows: told of them, so a row a page returned is never read again by id. */
    byIdLoader: ByIdLoader<Row>,
    /** Hands each row's attached lists (query.attach) to the loaders of those lists. */
    primeAttached?: (row: Row, attached: Record<string, unknown[]>) => void,
  ): PageLoader<Row> {
    let loader = pageLoaders.get(key) as PageLoader<Row> | undefined;
    if (!loader) {
      const listQuery = typeof query === 'function' ? query() : query;
      // The columns the page's rows hold, when not all (KeysetQuery.columns; the page's own among them).
      const heldColumns = listQuery.columns ? new Set(pageColumns(listQuery, listQuery.columns)) : null;
      const positionOf = (row: Row) => ({ at: (row as unknown as Record<string, Date>)[listQuery.orderColumn].getTime(), id: row.id });
      loader = new DataLoader<string, Page<Row>>(async (parentIds) => {
        const slices = await keysetPages<Row>(db, listQuery, parentIds, request);
        for (const slice of slices.values()) {
          for (let i = 0; i < slice.rows.length; i += 1) {
            byIdLoader.remember(slice.rows[i], heldColumns);
            primeAttached?.(slice.rows[i], slice.attached[i]);
          }
        }
        return parentIds.map((id) => {
          const slice = slices.get(id)!;
          return buildPage(request, slice.rows, slice.rowsBeyondStart, positionOf);
        });
      });
      pageLoaders.set(key, loader as PageLoader<unknown>);
    }
    return loader;
  }
  // Asked once per parent of a nested list (2,000 times in a 10/10/20 read), so built by hand:
  // ids and cursor times hold no "|", and the filter's JSON comes last.
  const pageKey = (list: string, filter: unknown, request: PageRequest, columns?: readonly string[] | null) => {
    const { direction, limit, order, after, before } = request;
    return `${list}|${columns ? columnsKey(columns) : '*'}|${direction}|${limit}|${order}|${cursorKey(after)}|${cursorKey(before)}|${filter == null ? '' : JSON.stringify(filter)}`;
  };

  // The read graph's own rows by id go through raw reads, as their pages do (rows.ts): the same
  // rows as Prisma's, without its per-query cost, which a small read (one financial account and
  // its balance) mostly is.
  const connectedAccount = byId<Account>((ids) => rowsWhereIn(db, { table: 'Account', where: [visibleAccountsSql(viewer)] }, ids));
  // A financial account by id brings its lists, as on a page: one statement, one snapshot (attached-lists.ts).
  const financialAccount = byId<FinancialAccount>((ids) =>
    rowsWhereIn(
      db,
      { table: 'FinancialAccount', where: [ownedBySql(viewer)], enumArrayColumns: ['closedReasons'], attach: FINANCIAL_ACCOUNT_LISTS },
      ids,
      'id',
      (row, attached) => primeFinancialAccountLists(row, attached),
    ),
  );
  const transaction = byId<Transaction>((ids) => rowsWhereIn(db, { table: 'Transaction', where: [ownedBySql(viewer)] }, ids));
  const transactionEntry = byId<TransactionEntry>((ids) => rowsWhereIn(db, { table: 'TransactionEntry', where: [ownedBySql(viewer)] }, ids));

  const event = byId<EventRecord>(async (ids) =>
    (await prisma.event.findMany({ where: { id: { in: ids }, ...ownedBy(viewer) } })) as unknown as EventRecord[],
  );

  const capabilities = groupedBy<AccountCapability, 'accountId'>('accountId', (ids) =>
    prisma.accountCapability.findMany({ where: { accountId: { in: ids } }, orderBy: { name: 'asc' } }),
  );
  const features = groupedBy<FeatureSetting, 'financialAccountId'>('financialAccountId', (ids) =>
    prisma.featureSetting.findMany({ where: { financialAccountId: { in: ids } }, orderBy: { feature: 'asc' } }),
  );
  const financialAddresses = groupedBy<FinancialAddress, 'financialAccountId'>('financialAccountId', (ids) =>
    prisma.financialAddress.findMany({ where: { financialAccountId: { in: ids } }, orderBy: { createdAt: 'asc' } }),
  );
  /** Each financial account's balance per currency: the sums of its entries' impacts, kept by the database. */
  const balanceSums = groupedBy<{ financialAccountId: string } & BalanceSums[number], 'financialAccountId'>(
    'financialAccountId',
    (ids) => rowsWhereIn(db, { table: 'FinancialAccountBalance', where: [] }, ids, 'financialAccountId'),
  );

  // A page of connected accounts or financial accounts brings its rows' short lists along
  // (capabilities; features, addresses, balances), read in the page's own statement in the
  // order their loaders read them: a list level of the read graph costs one statement.
  const primeAccountLists = (row: Account, attached: Record<string, unknown[]>) => {
    capabilities.prime(row.id, fromJson.capabilities(attached.capabilities));
  };
  const primeFinancialAccountLists = (row: FinancialAccount, attached: Record<string, unknown[]>) => {
    features.prime(row.id, fromJson.features(attached.features));
    financialAddresses.prime(row.id, fromJson.financialAddresses(attached.financialAddresses));
    balanceSums.prime(row.id, fromJson.balances(attached.balances));
  };

  const loaders = {
    event,
    connectedAccount,
    financialAccount,
    transaction,
    transactionEntry,
    platform: byId<Account>((ids) => prisma.account.findMany({ where: { id: { in: ids }, kind: 'platform' } })),
    capabilities,
    features,
    financialAddresses,
    balanceSums,

    /** The connected accounts the viewer may see (all of the platform's, or its own). */
    connectedAccountsPage(request: PageRequest): Promise<Page<Account>> {
      const query: KeysetQuery = {
        table: 'Account',
        parentColumn: null,
        orderColumn: 'createdAt',
        where: [visibleAccountsSql(viewer)],
        attach: ACCOUNT_LISTS,
      };
      return pageLoader(pageKey('connectedAccounts', null, request), query, request, connectedAccount, primeAccountLists).load(ROOT_PARENT);
    },

    /** Financial accounts of one owner account, or (accountId null) every one the viewer may see. */
    financialAccountsPage(
      accountId: string | null,
      filter: FinancialAccountFilter | null | undefined,
      request: PageRequest,
    ): Promise<Page<FinancialAccount>> {
      return pageLoader(
        pageKey(`financialAccounts:${accountId ? 'byAccount' : 'root'}`, filter, request),
        (): KeysetQuery => ({
          table: 'FinancialAccount',
          parentColumn: accountId ? 'accountId' : null,
          orderColumn: 'createdAt',
          enumArrayColumns: ['closedReasons'],
          where: [
            ownedBySql(viewer),
            ...(filter?.status ? [Prisma.sql`t."status" = ${filter.status}::"FinancialAccountStatus"`] : []),
            ...timeRangeSql('createdAt', filter?.created),
          ],
          attach: FINANCIAL_ACCOUNT_LISTS,
        }),
        request,
        financialAccount,
        primeFinancialAccountLists,
      ).load(accountId ?? ROOT_PARENT);
    },

    transactionsPage(
      financialAccountId: string,
      filter: TransactionFilter | null | undefined,
      order: 'createdAt' | 'postedAt',
      request: PageRequest,
      /** The columns the rows need (KeysetQuery.columns); null for whole rows. */
      columns: readonly string[] | null = null,
    ): Promise<Page<Transaction>> {
      return pageLoader(
        pageKey('transactions', filter, request, columns),
        (): KeysetQuery => ({
          table: 'Transaction',
          parentColumn: 'financialAccountId',
          orderColumn: order,
          columns,
          where: [
            ownedBySql(viewer),
            ...(filter?.status ? [Prisma.sql`t."status" = ${filter.status}::"TransactionStatus"`] : []),
            ...(filter?.flow ? [Prisma.sql`t."flow" = ${filter.flow}`] : []),
            ...(filter?.flowType ? [Prisma.sql`t."flowType" = ${filter.flowType}::"FlowType"`] : []),
            ...timeRangeSql('createdAt', filter?.created),
            ...timeRangeSql('postedAt', filter?.postedAt),
          ],
        }),
        request,
        transaction,
      ).load(financialAccountId);
    },

    /** The events the viewer may see, newest first. */
    eventsPage(filter: { types?: string[] | null; created?: TimeRange | null } | null | undefined, request: PageRequest): Promise<Page<EventRecord>> {
      const query: KeysetQuery = {
        table: 'Event',
        parentColumn: null,
        orderColumn: 'createdAt',
        where: [
          ownedBySql(viewer),
          ...(filter?.types ? [Prisma.sql`t."type" = ANY(${filter.types}::text[])`] : []),
          ...timeRangeSql('createdAt', filter?.created),
        ],
      };
      return pageLoader(pageKey('events', filter, request), query, request, event).load(ROOT_PARENT);
    },

    /** Entries of a financial account (parent 'financialAccountId') or of a transaction ('transactionId'). */
    entriesPage(
      parent: { column: 'financialAccountId' | 'transactionId'; id: string },
      filter: EntryFilter | null | undefined,
      order: 'createdAt' | 'effectiveAt',
      request: PageRequest,
      /** The columns the rows need (KeysetQuery.columns); null for whole rows. */
      columns: readonly string[] | null = null,
    ): Promise<Page<TransactionEntry>> {
      return pageLoader(
        pageKey(`entries:${parent.column}`, filter, request, columns),
        (): KeysetQuery => ({
          table: 'TransactionEntry',
          parentColumn: parent.column,
          orderColumn: order,
          columns,
          where: [
            ownedBySql(viewer),
            ...(filter?.transaction ? [Prisma.sql`t."transactionId" = ${filter.transaction}`] : []),
            ...timeRangeSql('createdAt', filter?.created),
            ...timeRangeSql('effectiveAt', filter?.effectiveAt),
          ],
        }),
        request,
        transactionEntry,
      ).load(parent.id);
    },
  };
  const kit = { pageLoader, pageKey, byId };
  return withMovementLoaders(loaders, (make) => make(prisma, viewer, kit));
}

/**
 * The money movements' loaders by the keys each set has (all of them: the type checks it). They
 * are made on first use, as a set: most requests read no money movement, and making all eight
 * sets for every request cost five times what the rest of its loaders did (about 70 of 85 µs).
 */
const MOVEMENT_LOADERS = [
  lazySet(paymentMethodLoaders, { paymentMethod: true, paymentMethodsPage: true }),
  lazySet(outboundTransferLoaders, { outboundTransfer: true, outboundTransfersPage: true }),
  lazySet(receivedCreditLoaders, { receivedCredit: true, receivedCreditsPage: true }),
  lazySet(receivedDebitLoaders, { receivedDebit: true, receivedDebitsPage: true }),
  lazySet(debitReversalLoaders, { debitReversal: true, debitReversalsPage: true }),
  lazySet(creditReversalLoaders, { creditReversal: true, creditReversalOfReceivedCredit: true, creditReversalsPage: true }),
  lazySet(inboundTransferLoaders, { inboundTransfer: true, inboundTransfersPage: true }),
  lazySet(outboundPaymentLoaders, { outboundPayment: true, outboundPaymentsPage: true }),
] as const;

type MovementFactory = (prisma: PrismaClient, viewer: Viewer, kit: PageLoaderKit) => object;

function lazySet<F extends MovementFactory>(factory: F, keys: Record<keyof ReturnType<F>, true>) {
  return { factory, keys: Object.keys(keys) };
}

type MovementLoaders = UnionToIntersection<ReturnType<(typeof MOVEMENT_LOADERS)[number]['factory']>>;
type UnionToIntersection<U> = (U extends unknown ? (union: U) => void : never) extends (intersection: infer I) => void ? I : never;

/** Where a request's loaders keep their movement sets: how to make one, and those made so far. */
const MOVEMENTS = Symbol('movement loaders');
interface MovementState {
  make: (factory: MovementFactory) => object;
  made: Array<Record<string, unknown> | undefined>;
}

/**
 * The prototype of every request's loaders: a getter for each key of each movement set, which
 * makes the set on the first read of any of its keys. Defined once here, not on each request's
 * object, whose own properties then stay plain, fast ones.
 */
const MOVEMENT_GETTERS: object = Object.create(null);
MOVEMENT_LOADERS.forEach(({ factory, keys }, set) => {
  for (const key of keys) {
    Object.defineProperty(MOVEMENT_GETTERS, key, {
      enumerable: true,
      get(this: { [MOVEMENTS]: MovementState }) {
        const state = this[MOVEMENTS];
        return (state.made[set] ??= state.make(factory) as Record<string, unknown>)[key];
      },
    });
  }
});

/** `loaders` with the movement sets' keys too, each set made (by `make`) when first read. */
function withMovementLoaders<T extends object>(loaders: T, make: (factory: MovementFactory) => object): T & MovementLoaders {
  const state: MovementState = { make, made: [] };
  return Object.assign(Object.create(MOVEMENT_GETTERS) as object, loaders, { [MOVEMENTS]: state }) as unknown as T & MovementLoaders;
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Column lists joined once each: a selection's list is one array for all the parents of its field. */
const columnKeys = new WeakMap<readonly string[], string>();
function columnsKey(columns: readonly string[]): string {
  let key = columnKeys.get(columns);
  if (key === undefined) columnKeys.set(columns, (key = columns.join(',')));
  return key;
}

function cursorKey(position: PageRequest['after']): string {
  return position ? `${position.at}:${position.id}` : '';
}

