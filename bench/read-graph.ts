// The read-graph benchmark: the real server over a real PostgreSQL, measured
// over HTTP on loopback. See bench/README.md for what it measures and why.
//
//   npm run bench            (BENCH_DATABASE_URL, default postgres://root@127.0.0.1:5432/postgres)
//
// It creates its own database, so it never touches data it did not make, and
// drops it at the end, also on failure or Ctrl-C.
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Database } from '../src/db/database.ts';
import type { Prisma, PrismaClient } from '../src/db/generated/client.ts';
import { writeReceivedCreditSeries } from '../src/db/ledger.ts';
import { buildServer, type GatewayServer } from '../src/server.ts';
import {
  createConnectedAccount,
  createFinancialAccount,
  createFlows,
  createPlatform,
  creditsEveryMinute,
} from '../test/support/fixtures.ts';
import { BALANCE, FOUR_LEVELS, mixedFlows, ONE_PAGE } from './read-graph-queries.ts';
import { loader, onScratchDatabase, type LatencySummary, log, machineFacts, ms, postOnce, ratio, redact, round1, round2, scalar, summarize, envInt } from './common.ts';
import { NO_SWEEPS } from '../test/support/no-sweeps.ts';

const env = process.env;
const int = envInt;

const CONFIG = {
  serverUrl: env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/postgres',
  connectedAccounts: 10,
  financialAccountsEach: 10,
  smallTransactions: 100,
  largeTransactions: int('BENCH_LARGE_ROWS', 1_000_000),
  poolSize: 10,
  a: {
    warmup: int('BENCH_A_WARMUP', 24),
    requests: int('BENCH_A_REQUESTS', 300),
    concurrency: int('BENCH_A_CONCURRENCY', 8),
    /** Requests from a single client first: the latency of a request that waits for no other. */
    singleRequests: int('BENCH_A_SINGLE_REQUESTS', 20),
  },
  b: { warmupEach: int('BENCH_B_WARMUP', 50), requestsEach: int('BENCH_B_REQUESTS', 300) },
  c: { warmupEach: 3, requestsEach: int('BENCH_C_REQUESTS', 20) },
  /** Each measured loop stops here even if its count is not reached. */
  loopCapMs: int('BENCH_LOOP_CAP_MS', 150_000),
  /** The whole run, fill included, is abandoned (and cleaned up) after this. */
  runCapMs: int('BENCH_RUN_CAP_MS', 15 * 60_000),
};

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));

// ---------------------------------------------------------------- the queries

// FOUR_LEVELS, ONE_PAGE and BALANCE are in read-graph-queries.ts, with the test that fixes their answers.


// ---------------------------------------------------------------- the run

interface Fixture {
  secretKey: string;
  platformId: string;
  small: { id: string; transactions: number };
  large: { id: string; transactions: number };
  graph: { transactions: number; entries: number };
  fillMs: { graph: number; small: number; largeTransactions: number; largeEntries: number; analyze: number };
}

/** The statements (text, parameters, Prisma's duration) Prisma sends while `on`; counted by kind while `tally` is set. */
interface StatementProbe {
  on: boolean;
  captured: Array<{ query: string; params: string; duration: number }>;
  tally: Map<string, number> | null;
}

async function main() {
  const startedAt = new Date();
  await onScratchDatabase(CONFIG, async ({ db, own }) => {

    const probe: StatementProbe = { on: false, captured: [], tally: null };
    const capture = (query: string, params: string, duration: number) => {
      if (probe.on) probe.captured.push({ query, params, duration });
      if (probe.tally) probe.tally.set(statementKind(query), (probe.tally.get(statementKind(query)) ?? 0) + 1);
    };
    (db.prisma as unknown as PrismaClient<'query'>).$on('query', (event: Prisma.QueryEvent) => capture(event.query, event.params, event.duration));
    // The keyset pages bypass Prisma (db.read): their statements are captured at the same door.
    const read = db.read.bind(db);
    (db as { read: Database['read'] }).read = async (query) => {
      const started = performance.now();
      try {
        return await read(query);
      } finally {
        capture(query.text, JSON.stringify(query.values, (_key, value) => (typeof value === 'bigint' ? String(value) : value)), performance.now() - started);
      }
    };

    // No activation sweep: its background statement would be counted with the requests'.
    const server = buildServer({
      db,
      accountSessionTtlSeconds: 1800,
      graphiql: false,
      // No background sweeps: their statements would be counted with the measured ones.
      ...NO_SWEEPS,
      // One key sends every request, far beyond a credential's budget: the benchmark measures the server, not the budget.
      rateLimit: false,
      // The fixtures activate their features themselves; the scheduled (no-op) activations run during the fill, not the measurement.
      featureActivationDelayMs: 0,
      logError: (e) => log(`server error: ${e}`),
    });
    own(() => server.stop());
    // The data is made through the server's services before it serves.
    const fixture = await fill({ db, server });
    const machine = await machineFacts(db);

    const { url } = await server.start(0, '127.0.0.1');
    log(`server on ${url}`);
    const client = fork(fileURLToPath(new URL('./http-load.ts', import.meta.url)));
    own(() => client.connected && client.disconnect());
    const load = loader(client);
    const headers = { authorization: `Bearer ${fixture.secretKey}` };
    const post = (query: string, variables?: Record<string, unknown>) => postOnce(url, headers, query, variables);

    // ------------------------------------------------------------ A
    log('A: four levels at 10/10/20/5');
    const aBody = JSON.stringify({ query: FOUR_LEVELS });
    const aShape = checkFourLevels(await post(FOUR_LEVELS));
    const aStatements = await statementsOf(db, probe, () => post(FOUR_LEVELS));
    const aExecution = await Promise.all(aStatements.captured.map((statement) => executionMs(db, statement)));
    const aStatementList = aStatements.list.map((s, i) => ({ ...s, postgresMs: aExecution[i] }));
    const aJob = { url, headers, bodies: [aBody], timeCapMs: CONFIG.loopCapMs };
    await load({ ...aJob, total: CONFIG.a.warmup, concurrency: CONFIG.a.concurrency });
    const singleCpuBefore = process.cpuUsage();
    const aSingle = await load({ ...aJob, total: CONFIG.a.singleRequests, concurrency: 1 });
    const singleCpu = process.cpuUsage(singleCpuBefore);
    const aCountBefore = db.statements.count;
    const cpuBefore = process.cpuUsage();
    const loadBefore = loadavg()[0];
    // Counted by kind too: if the per-request count moves under load, this says which batch split.
    probe.tally = new Map();
    const aRun = await load({ ...aJob, total: CONFIG.a.requests, concurrency: CONFIG.a.concurrency });
    const aTally = probe.tally;
    probe.tally = null;
    const cpu = process.cpuUsage(cpuBefore);
    const loadAfter = loadavg()[0];
    for (const [name, run] of [['single', aSingle], ['loaded', aRun]] as const) {
      const failed = run.samples.filter((s) => s[3] !== 1).length;
      if (failed) throw new Error(`A (${name}): ${failed} failed requests, first: ${run.firstError}`);
    }
    const a = {
      query: FOUR_LEVELS,
      shape: aShape,
      responseBytes: aRun.samples[0][2],
      statementsPerRequest: aStatements.count,
      statements: aStatementList,
      // What PostgreSQL itself spends on one request, free of pool waits and event-loop delays.
      postgresMsPerRequest: aExecution.some((x) => x === null) ? null : round2(aExecution.reduce((sum, x) => sum! + x!, 0)!),
      single: {
        concurrency: 1,
        requests: aSingle.samples.length,
        cappedByTime: aSingle.cappedByTime,
        requestsPerSecond: round1(aSingle.samples.length / (aSingle.wallMs / 1000)),
        latencyMs: summarize(aSingle.samples.map((s) => s[1])),
        serverCpuMsPerRequest: round1((singleCpu.user + singleCpu.system) / 1000 / aSingle.samples.length),
      },
      loaded: {
        concurrency: CONFIG.a.concurrency,
        warmup: CONFIG.a.warmup,
        requests: aRun.samples.length,
        cappedByTime: aRun.cappedByTime,
        wallSeconds: Math.round(aRun.wallMs) / 1000,
        requestsPerSecond: round1(aRun.samples.length / (aRun.wallMs / 1000)),
        latencyMs: summarize(aRun.samples.map((s) => s[1])),
        statementsPerRequest: ratio(db.statements.count - aCountBefore, aRun.samples.length),
        statementsByKind: Object.fromEntries([...aTally].sort()),
        // The gateway's whole process: its one event loop is what a request waits for.
        serverCpuMsPerRequest: round1((cpu.user + cpu.system) / 1000 / aRun.samples.length),
        loadAverage1m: { before: round2(loadBefore), after: round2(loadAfter) },
      },
      rawLatencyMs: { single: aSingle.samples.map((s) => round2(s[1])), loaded: aRun.samples.map((s) => round2(s[1])) },
    };
    log(`A: alone p50 ${a.single.latencyMs.p50} ms; ${a.loaded.concurrency} clients ${a.loaded.requestsPerSecond} req/s, p50 ${a.loaded.latencyMs.p50} ms, p99 ${a.loaded.latencyMs.p99} ms; ${a.statementsPerRequest} statements`);

    // ------------------------------------------------------------ B
    log('B: one page of 20 on the small and the large account');
    const bBodies = [fixture.small.id, fixture.large.id].map((id) => JSON.stringify({ query: ONE_PAGE, variables: { id } }));
    for (const fa of [fixture.small, fixture.large]) {
      const res = await post(ONE_PAGE, { id: fa.id });
      const nodes = res.data?.financialAccount?.transactions?.nodes;
      if (res.errors || !Array.isArray(nodes) || nodes.length !== 20) throw new Error(`B: unexpected answer ${JSON.stringify(res).slice(0, 300)}`);
    }
    const bSmallStatements = await statementsOf(db, probe, () => post(ONE_PAGE, { id: fixture.small.id }));
    const bLargeStatements = await statementsOf(db, probe, () => post(ONE_PAGE, { id: fixture.large.id }));
    // One client, strictly alternating small and large, so both see the same server, cache and noise.
    await load({ url, headers, bodies: bBodies, total: 2 * CONFIG.b.warmupEach, concurrency: 1, timeCapMs: CONFIG.loopCapMs });
    const bRun = await load({ url, headers, bodies: bBodies, total: 2 * CONFIG.b.requestsEach, concurrency: 1, timeCapMs: CONFIG.loopCapMs });
    if (bRun.samples.some((s) => s[3] !== 1)) throw new Error(`B: failed requests, first: ${bRun.firstError}`);
    const bSmall = bRun.samples.filter((s) => s[0] === 0).map((s) => s[1]);
    const bLarge = bRun.samples.filter((s) => s[0] === 1).map((s) => s[1]);
    const pageSql = bLargeStatements.captured.find((s) => /LATERAL/i.test(s.query));
    const smallPageSql = bSmallStatements.captured.find((s) => /LATERAL/i.test(s.query));
    const b = {
      query: ONE_PAGE,
      requestsEach: bSmall.length,
      warmupEach: CONFIG.b.warmupEach,
      cappedByTime: bRun.cappedByTime,
      statementsPerRequest: { small: bSmallStatements.count, large: bLargeStatements.count },
      small: { transactions: fixture.small.transactions, latencyMs: summarize(bSmall) },
      large: { transactions: fixture.large.transactions, latencyMs: summarize(bLarge) },
      ratio: { p50: ratio(summarize(bLarge).p50, summarize(bSmall).p50), p99: ratio(summarize(bLarge).p99, summarize(bSmall).p99) },
      pageSql: pageSql ? { query: pageSql.query, params: pageSql.params } : null,
      explainLarge: pageSql ? await explain(db, pageSql) : null,
      explainSmall: smallPageSql ? await explain(db, smallPageSql) : null,
      rawLatencyMs: { small: bSmall.map(round2), large: bLarge.map(round2) },
    };
    log(`B: p50 small ${b.small.latencyMs.p50} ms, large ${b.large.latencyMs.p50} ms, ratio ${b.ratio.p50}`);

    // ------------------------------------------------------------ C
    // Not asked for by the page-cost question, but the same two accounts show
    // whether `balance` (one row of FinancialAccountBalance, kept by the database) keeps its cost flat too.
    log('C: balance on the small and the large account');
    const cBodies = [fixture.small.id, fixture.large.id].map((id) => JSON.stringify({ query: BALANCE, variables: { id } }));
    const largeBalance = await post(BALANCE, { id: fixture.large.id });
    const expectedLargeCash = await scalar(db, `SELECT COALESCE(SUM(amount), 0)::text AS v FROM "Transaction" WHERE "financialAccountId" = $1`, [fixture.large.id]);
    const servedLargeCash = String(largeBalance.data?.financialAccount?.balance?.cash?.[0]?.amount);
    if (servedLargeCash !== expectedLargeCash) throw new Error(`C: balance ${servedLargeCash}, expected ${expectedLargeCash}`);
    const cStatements = await statementsOf(db, probe, () => post(BALANCE, { id: fixture.large.id }));
    await load({ url, headers, bodies: cBodies, total: 2 * CONFIG.c.warmupEach, concurrency: 1, timeCapMs: CONFIG.loopCapMs });
    const cRun = await load({ url, headers, bodies: cBodies, total: 2 * CONFIG.c.requestsEach, concurrency: 1, timeCapMs: CONFIG.loopCapMs });
    if (cRun.samples.some((s) => s[3] !== 1)) throw new Error(`C: failed requests, first: ${cRun.firstError}`);
    const cSmall = cRun.samples.filter((s) => s[0] === 0).map((s) => s[1]);
    const cLarge = cRun.samples.filter((s) => s[0] === 1).map((s) => s[1]);
    const balanceSql = cStatements.captured.find((s) => s.query.includes('FinancialAccountBalance'));
    const c = {
      query: BALANCE,
      requestsEach: cSmall.length,
      cappedByTime: cRun.cappedByTime,
      largeCash: servedLargeCash,
      small: { latencyMs: summarize(cSmall) },
      large: { latencyMs: summarize(cLarge) },
      ratio: { p50: ratio(summarize(cLarge).p50, summarize(cSmall).p50) },
      balanceSql: balanceSql ? { query: balanceSql.query, params: balanceSql.params } : null,
      explainLarge: balanceSql ? await explain(db, balanceSql) : null,
      rawLatencyMs: { small: cSmall.map(round2), large: cLarge.map(round2) },
    };
    log(`C: p50 small ${c.small.latencyMs.p50} ms, large ${c.large.latencyMs.p50} ms`);

    const results = {
      benchmark: 'read-graph',
      startedAt: startedAt.toISOString(),
      durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      machine,
      config: { ...CONFIG, serverUrl: redact(CONFIG.serverUrl) },
      data: fixtureFacts(fixture, await tableSizes(db)),
      a,
      b,
      c,
    };
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(`${RESULTS_DIR}read-graph.json`, JSON.stringify(results, null, 2) + '\n');
    writeFileSync(`${RESULTS_DIR}read-graph.md`, markdown(results) + peersSection(`${RESULTS_DIR}read-graph.md`));
    log(`wrote ${RESULTS_DIR}read-graph.md and read-graph.json`);
  });
}

// ---------------------------------------------------------------- data

async function fill(world: { db: Database; server: GatewayServer }): Promise<Fixture> {
  const { db } = world;
  const gateway = world;
  const { platformId, secretKey } = await createPlatform(gateway, { name: 'Bench Platform' });
  const t0 = performance.now();
  let graphTransactions = 0;
  for (let a = 0; a < CONFIG.connectedAccounts; a++) {
    // Distinct creation times: the keyset order is then the same on every run.
    const account = await createConnectedAccount(gateway, platformId, { createdAt: new Date(Date.UTC(2026, 0, 1, 0, a)) });
    for (let f = 0; f < CONFIG.financialAccountsEach; f++) {
      const fa = await createFinancialAccount(gateway,
        { platformId, accountId: account.id },
        { nickname: `FA ${f}`, createdAt: new Date(Date.UTC(2026, 0, 1, 1, a * CONFIG.financialAccountsEach + f)) },
      );
      graphTransactions += (await createFlows(gateway, fa, mixedFlows(new Date(Date.UTC(2026, 0, 2, a, f))))).length;
    }
  }
  const graphEntries = await scalar(db, `SELECT count(*)::text AS v FROM "TransactionEntry"`);
  const graphMs = performance.now() - t0;

  // The two history accounts belong to a connected account created long before
  // the others, so the four-level query (newest 10 accounts first) never reaches them.
  const history = await createConnectedAccount(gateway, platformId, { displayName: 'History', createdAt: new Date('2020-01-01T00:00:00Z') });
  const t1 = performance.now();
  const small = await createFinancialAccount(gateway, { platformId, accountId: history.id }, { nickname: 'small' });
  await createFlows(gateway, small, creditsEveryMinute(CONFIG.smallTransactions, new Date('2025-12-01T00:00:00Z')));
  const smallMs = performance.now() - t1;

  const large = await createFinancialAccount(gateway, { platformId, accountId: history.id }, { nickname: 'large' });
  log(`inserting ${CONFIG.largeTransactions.toLocaleString('en')} transactions into the large account`);
  const t2 = performance.now();
  // Set-based, by the ledger's writer: a million Prisma round trips would take
  // longer than the whole benchmark. Every row is a posted received credit (the
  // ledger rule for it: one entry, cash impact = amount), one every 30 seconds
  // from 2024-01-01, so the newest rows sit at the end of a year of history.
  await writeReceivedCreditSeries(db.prisma, large, {
    count: CONFIG.largeTransactions,
    start: new Date('2024-01-01T00:00:00Z'),
    everySeconds: 30,
    idPrefix: 'bench',
    description: 'Bench received credit',
  });
  // The entries are written in the same call, with the transactions.
  const largeTransactionsMs = performance.now() - t2;
  const t3 = performance.now();
  const largeEntriesMs = performance.now() - t3;
  const t4 = performance.now();
  await db.pool.query('ANALYZE');
  const analyzeMs = performance.now() - t4;
  log(`filled: graph ${ms(graphMs)}, large transactions ${ms(largeTransactionsMs)}, entries ${ms(largeEntriesMs)}, analyze ${ms(analyzeMs)}`);

  return {
    secretKey,
    platformId,
    small: { id: small.id, transactions: CONFIG.smallTransactions },
    large: { id: large.id, transactions: CONFIG.largeTransactions },
    graph: { transactions: graphTransactions, entries: Number(graphEntries) },
    fillMs: {
      graph: Math.round(graphMs),
      small: Math.round(smallMs),
      largeTransactions: Math.round(largeTransactionsMs),
      largeEntries: Math.round(largeEntriesMs),
      analyze: Math.round(analyzeMs),
    },
  };
}

function fixtureFacts(fixture: Fixture, sizes: Record<string, unknown>) {
  return {
    connectedAccounts: CONFIG.connectedAccounts,
    financialAccountsEach: CONFIG.financialAccountsEach,
    graphTransactions: fixture.graph.transactions,
    graphEntries: fixture.graph.entries,
    transactionsPerGraphFinancialAccount: fixture.graph.transactions / (CONFIG.connectedAccounts * CONFIG.financialAccountsEach),
    smallTransactions: fixture.small.transactions,
    largeTransactions: fixture.large.transactions,
    fillMs: fixture.fillMs,
    tables: sizes,
  };
}

async function tableSizes(db: Database) {
  const { rows } = await db.pool.query<{ table: string; rows: string; total: string; indexes: string }>(
    `SELECT c.relname AS "table", c.reltuples::bigint::text AS rows,
            pg_size_pretty(pg_total_relation_size(c.oid)) AS total, pg_size_pretty(pg_indexes_size(c.oid)) AS indexes
     FROM pg_class c WHERE c.relname IN ('Transaction', 'TransactionEntry') AND c.relkind = 'r' ORDER BY c.relname`,
  );
  return Object.fromEntries(rows.map((r) => [r.table, { rows: Number(r.rows), totalSize: r.total, indexSize: r.indexes }]));
}

// ---------------------------------------------------------------- measuring

/**
 * The statements one request sends: counted by the gateway's own counter (the
 * number the tests assert on), and captured with parameters and durations by
 * the probe, which must agree with it.
 */
async function statementsOf(db: Database, probe: StatementProbe, request: () => Promise<unknown>) {
  const before = db.statements.count;
  probe.captured = [];
  probe.on = true;
  db.statements.log = [];
  try {
    await request();
  } finally {
    probe.on = false;
  }
  const count = db.statements.count - before;
  const logged = db.statements.log.length;
  db.statements.log = null;
  if (logged !== count || probe.captured.length !== count) {
    throw new Error(`statement counts disagree: counter ${count}, log ${logged}, probe ${probe.captured.length}`);
  }
  const list = probe.captured.map((s) => ({ sql: s.query.replace(/\s+/g, ' ').trim().slice(0, 160), clientMs: round2(s.duration) }));
  return { count, list, captured: probe.captured };
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of a statement exactly as Prisma sent it: same
 * text, same parameters. Run three times and the last kept, so the plan shows
 * the warm cache the measured requests saw.
 */
async function explain(db: Database, statement: { query: string; params: string }) {
  const params = decodeParams(statement.params);
  let plan: string[] = [];
  for (let i = 0; i < 3; i++) {
    const { rows } = await db.pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.query}`, params);
    plan = rows.map((r) => r['QUERY PLAN']);
  }
  return plan;
}

/**
 * PostgreSQL's own execution time of a statement as Prisma sent it (the best of
 * three). Prisma's timings include waiting for a pool connection and for the
 * event loop to take the result, which the concurrent statements of one
 * request inflate; this does not. Null if the statement cannot be replayed.
 */
async function executionMs(db: Database, statement: { query: string; params: string }): Promise<number | null> {
  try {
    const params = decodeParams(statement.params);
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const { rows } = await db.pool.query<{ 'QUERY PLAN': Array<{ 'Execution Time': number }> }>(
        `EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${statement.query}`,
        params,
      );
      best = Math.min(best, rows[0]['QUERY PLAN'][0]['Execution Time']);
    }
    return round2(best);
  } catch (error) {
    log(`could not replay a statement for its execution time: ${error}`);
    return null;
  }
}

/** A statement's table and shape, e.g. "Transaction page": enough to tell the loaders apart. */
function statementKind(sql: string): string {
  const table = /FROM\s+(?:"public"\.)?"(\w+)"/i.exec(sql)?.[1] ?? '?';
  const shape = /LATERAL/i.test(sql) ? 'page' : /SUM\(/i.test(sql) ? 'sum' : 'select';
  return `${table} ${shape}`;
}

/** Prisma logs parameters as JSON, tagging values it cannot express there (dates, bigints). */
function decodeParams(raw: string): unknown[] {
  const untag = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(untag);
    if (value && typeof value === 'object' && 'prisma__value' in value) return String((value as { prisma__value: unknown }).prisma__value);
    return value;
  };
  return (JSON.parse(raw) as unknown[]).map(untag);
}



/** The four-level answer must be full at every level, or the numbers would measure a smaller graph. */
function checkFourLevels(res: any) {
  if (res.errors) throw new Error(`A: errors ${JSON.stringify(res.errors).slice(0, 500)}`);
  const accounts = res.data.connectedAccounts.nodes as any[];
  let fas = 0;
  let transactions = 0;
  let entries = 0;
  for (const account of accounts) {
    for (const fa of account.financialAccounts.nodes) {
      fas += 1;
      transactions += fa.transactions.nodes.length;
      for (const t of fa.transactions.nodes) entries += t.entries.nodes.length;
    }
  }
  const want = { accounts: 10, financialAccounts: 100, transactions: 2000 };
  if (accounts.length !== want.accounts || fas !== want.financialAccounts || transactions !== want.transactions) {
    throw new Error(`A: got ${accounts.length}/${fas}/${transactions}, want ${JSON.stringify(want)}`);
  }
  return { connectedAccounts: accounts.length, financialAccounts: fas, transactions, entries };
}

// ---------------------------------------------------------------- facts




// ---------------------------------------------------------------- report

type Results = {
  startedAt: string;
  durationSeconds: number;
  machine: Awaited<ReturnType<typeof machineFacts>>;
  data: ReturnType<typeof fixtureFacts>;
  a: any;
  b: any;
  c: any;
};

/** Which statement kinds ran more often than once per request under load, if any. */
function splitNote(a: any): string {
  const extra = Object.entries(a.loaded.statementsByKind as Record<string, number>).filter(([, count]) => count > a.loaded.requests);
  return extra.length ? ` (more than one per request: ${extra.map(([kind, count]) => `${kind} ×${count}`).join(', ')} over ${a.loaded.requests} requests)` : '';
}

/** The side-by-side section bench/read-peers.ts wrote into read-graph.md, kept when this benchmark rewrites the file. */
function peersSection(path: string): string {
  if (!existsSync(path)) return '';
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf('<!-- read-peers:');
  const end = text.indexOf('<!-- /read-peers -->');
  return start >= 0 && end > start ? `\n${text.slice(start, end + '<!-- /read-peers -->'.length)}\n` : '';
}

function markdown(r: Results): string {
  const { machine: m, data: d, a, b, c } = r;
  const n = (x: number) => x.toLocaleString('en');
  const lat = (s: LatencySummary) => `${s.p50} / ${s.p95} / ${s.p99}`;
  const planLarge: string[] = b.explainLarge ?? [];
  const index = planLarge.join('\n').match(/Index (?:Only )?Scan(?: Backward)? using "?([\w]+)"? on "?Transaction"?/)?.[1] ?? 'n/a';
  const execution = planLarge.find((l) => l.startsWith('Execution Time'))?.replace('Execution Time: ', '') ?? 'n/a';
  const limitBuffers = planLarge.find((l) => /Buffers:/.test(l))?.trim() ?? '';
  const balancePlan: string[] = c.explainLarge ?? [];
  const balanceExecution = balancePlan.find((l) => l.startsWith('Execution Time'))?.replace('Execution Time: ', '') ?? 'n/a';
  const flat = b.ratio.p50 <= 1.25;
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

  const meaning = [
    `The four-level query costs ${a.statementsPerRequest} SQL statements whatever its fan-out (one per list level and per batched field, never one per parent), ` +
      `for ${n(a.shape.transactions)} transactions and ${n(a.shape.entries)} entries in ${mb(a.responseBytes)}.`,
    `Alone, a request takes ${a.single.latencyMs.p50} ms (p50), of which PostgreSQL executes about ${a.postgresMsPerRequest ?? '?'} ms: ` +
      `the rest is the gateway's one Node event loop (${a.single.serverCpuMsPerRequest} ms of CPU per request) reading rows, running GraphQL and serialising the response. ` +
      `With ${a.loaded.concurrency} clients it gives ${a.loaded.requestsPerSecond} requests/s at ${a.loaded.serverCpuMsPerRequest} ms of CPU per request` +
      (a.loaded.requestsPerSecond < a.single.requestsPerSecond
        ? ` (fewer than one client gets: interleaved requests hold more live memory and pay more CPU each), so the loaded latency is queueing behind the other clients' requests.`
        : `, so the loaded latency is mostly queueing behind the other clients' requests.`),
    `A page of 20 transactions takes ${b.large.latencyMs.p50} ms (p50) on the account with ${n(b.large.transactions)} transactions and ${b.small.latencyMs.p50} ms on the one with ${n(b.small.transactions)}: ` +
      `a ratio of ${b.ratio.p50} at p50 and ${b.ratio.p99} at p99, ` +
      (flat ? 'so the page cost does not grow with history.' : 'so the page cost DOES grow with history; see the plan.'),
    `The plan shows why: the LATERAL subquery walks ${index} newest first and stops after 21 rows (the page and one more for hasNextPage), in ${execution}.`,
    `The balance is read from one stored row per currency (kept by the database from the entries): ${c.large.latencyMs.p50} ms (p50) on the large account ` +
      `against ${c.small.latencyMs.p50} ms on the small one (×${c.ratio.p50}), where summing every entry took ×62 in the run before it was stored.`,
  ];

  return `# Read-graph benchmark

Generated by \`npm run bench\` (bench/read-graph.ts) on ${r.startedAt} in ${r.durationSeconds} s. Raw numbers, including every latency sample: [read-graph.json](read-graph.json).

## Machine

| | |
|---|---|
| Node | ${m.node} |
| CPUs (\`nproc\`) | ${m.nproc} × ${m.cpuModel} |
| Memory | ${m.memoryGiB} GiB |
| PostgreSQL | ${m.postgres} |
| PostgreSQL settings | ${Object.entries(m.postgresSettings).map(([k, v]) => `${k}=${v}`).join(', ')} |
| Commit | ${m.gitCommit} |
| 1-minute load average at start | ${m.loadAverage1m} |

The server (one Node process, pool of ${CONFIG.poolSize} connections), the load client (a separate Node process) and PostgreSQL share these cores; all traffic is on 127.0.0.1. The machine is shared with other work, whose share shows in the load average: compare runs by their ratios more than by their absolute latencies.

## Data

- 1 platform, ${d.connectedAccounts} connected accounts × ${d.financialAccountsEach} financial accounts × ${d.transactionsPerGraphFinancialAccount} transactions (${n(d.graphTransactions)} transactions, ${n(d.graphEntries)} entries, every ledger rule: open, posted and void, one or two entries each), written through the fixtures' ledger rules.
- A connected account created before all others (so the four-level query never reaches it) owns two more financial accounts: **small**, ${n(d.smallTransactions)} transactions; **large**, ${n(d.largeTransactions)} received credits with one entry each, bulk-inserted with \`INSERT … SELECT … FROM generate_series\`, then \`ANALYZE\`.
- Table sizes: ${Object.entries(d.tables).map(([t, s]: [string, any]) => `${t} ${n(s.rows)} rows, ${s.totalSize} (indexes ${s.indexSize})`).join('; ')}.
- Fill times: graph ${ms(d.fillMs.graph)}, large transactions ${ms(d.fillMs.largeTransactions)}, large entries ${ms(d.fillMs.largeEntries)}, ANALYZE ${ms(d.fillMs.analyze)}.

## A. Four levels at 10/10/20/5

\`connectedAccounts(first: 10) → financialAccounts(first: 10) → transactions(first: 20) → entries(first: 5)\`, with balances, capabilities, features and addresses (the query is in the JSON).

| | one client | ${a.loaded.concurrency} concurrent clients |
|---|---|---|
| Objects per response | ${a.shape.connectedAccounts} accounts, ${a.shape.financialAccounts} financial accounts, ${n(a.shape.transactions)} transactions, ${n(a.shape.entries)} entries | same |
| Response size | ${n(a.responseBytes)} bytes (${mb(a.responseBytes)}) | same |
| SQL statements per request | **${a.statementsPerRequest}** | ${a.loaded.statementsPerRequest} on average${splitNote(a)} |
| Requests measured | ${a.single.requests}${a.single.cappedByTime ? ' (time cap)' : ''} | ${a.loaded.requests} after ${a.loaded.warmup} warm-up${a.loaded.cappedByTime ? ' (stopped by the time cap)' : ''} |
| Throughput | ${a.single.requestsPerSecond} requests/s | **${a.loaded.requestsPerSecond} requests/s** |
| Latency p50 / p95 / p99 | ${lat(a.single.latencyMs)} ms | **${lat(a.loaded.latencyMs)} ms** |
| PostgreSQL execution time per request | ${a.postgresMsPerRequest ?? 'n/a'} ms (sum over the statements, from EXPLAIN ANALYZE) | |
| Server process CPU per request | ${a.single.serverCpuMsPerRequest} ms | ${a.loaded.serverCpuMsPerRequest} ms |
| 1-minute load average (before → after) | | ${a.loaded.loadAverage1m.before} → ${a.loaded.loadAverage1m.after} |

The statements of one request. *PostgreSQL* is the statement's execution time in the server (EXPLAIN ANALYZE of the same text and parameters, best of three); *client* is the time the gateway measured for it inside that request (Prisma's measure, or the raw read's for the keyset pages), which also counts waiting for a pool connection and for the event loop (statements of one level run side by side):

| # | PostgreSQL ms | client ms | statement |
|---|---|---|---|
${a.statements.map((s: { sql: string; clientMs: number; postgresMs: number | null }, i: number) => `| ${i + 1} | ${s.postgresMs ?? 'n/a'} | ${s.clientMs} | \`${s.sql.replace(/`/g, "'").replace(/\|/g, '\\|')}${s.sql.length >= 160 ? '…' : ''}\` |`).join('\n')}

## B. One page of 20 transactions, ${n(b.small.transactions)} vs ${n(b.large.transactions)} transactions of history

\`financialAccount(id) { transactions(first: 20) { nodes { id amount created } } }\`, one client, small and large strictly alternating, ${b.requestsEach} requests each after ${b.warmupEach} warm-up each${b.cappedByTime ? ' (stopped by the time cap)' : ''}.

| | small (${n(b.small.transactions)}) | large (${n(b.large.transactions)}) | large / small |
|---|---|---|---|
| SQL statements per request | ${b.statementsPerRequest.small} | ${b.statementsPerRequest.large} | |
| Latency p50 | ${b.small.latencyMs.p50} ms | ${b.large.latencyMs.p50} ms | **${b.ratio.p50}** |
| Latency p99 | ${b.small.latencyMs.p99} ms | ${b.large.latencyMs.p99} ms | **${b.ratio.p99}** |
| Latency p95 / max | ${b.small.latencyMs.p95} / ${b.small.latencyMs.max} ms | ${b.large.latencyMs.p95} / ${b.large.latencyMs.max} ms | |

EXPLAIN (ANALYZE, BUFFERS) of the page statement for the large account, exactly as Prisma sent it (same text and parameters; warm cache):

\`\`\`
${planLarge.join('\n')}
\`\`\`

${limitBuffers ? `Top-level buffers: \`${limitBuffers}\`.` : ''}

## C. Balance, small vs large

\`financialAccount(id) { balance { … } }\`, ${c.requestsEach} requests each, alternating: p50 ${c.small.latencyMs.p50} ms small, ${c.large.latencyMs.p50} ms large (×${c.ratio.p50}); p99 ${c.small.latencyMs.p99} / ${c.large.latencyMs.p99} ms. The balance statement on the large account executes in ${balanceExecution}:

\`\`\`
${balancePlan.join('\n')}
\`\`\`

## What the numbers mean

${meaning.join(' ')}
`;
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
