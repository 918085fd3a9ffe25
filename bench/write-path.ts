// The write path side by side: createOutboundTransfer over HTTP on the gateway
// and on a hand-written node http + graphql-js + pg server that writes the
// same rows in one database transaction (bench/peers/write-path.mjs), each a
// process of its own over one scratch PostgreSQL database, in interleaved
// rounds, at 1 and 8 clients, on one account and over 16. See bench/README.md.
//
//   (cd bench/peers && npm ci)        # once: the peers' own install
//   npm run bench:write-path
//
// Per server and configuration: transfers/s, p50/p99, the server process's CPU
// per transfer, its PostgreSQL backends' CPU per transfer, statements per
// transfer (counted where they leave for PostgreSQL, server-probe.mjs), and from
// a trace of one transfer, the round trips while the account's row is locked.
// Before the rounds: both servers' rows for one transfer compared (the same
// tables, the same columns set, the events' objects exactly Stripe's as the
// gateway makes them). After: CPU profiles by package at 8 clients, the
// ledger's invariants, and the statements of every other money movement and
// its steps through the gateway.
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Database } from '../src/db/database.ts';
import { financialAccountById, loadFinancialAccountState } from '../src/db/financial-accounts.ts';
import type { LedgerAccount } from '../src/db/ledger.ts';
import { expectedArrivalDate } from '../src/domain/timelines.ts';
import { financialAccountObject, outboundTransferObject } from '../src/events/stripe-objects.ts';
import { buildServer } from '../src/server.ts';
import { createPlatform } from '../test/support/fixtures.ts';
import { NO_SWEEPS } from '../test/support/no-sweeps.ts';
import {
  ask,
  checkTransferInvariants,
  fillTransferAccounts,
  gatewayNodeFlags,
  loader,
  log,
  machineFacts,
  onScratchDatabase,
  postOnce,
  ratio,
  redact,
  round1,
  round2,
  scalar,
  startServer,
  summarize,
  type ServerProcessSpec,
  envInt,
  packageVersions,
} from './common.ts';
import type { LoadResult } from './http-load.ts';
import { call, fillMixed, MUTATIONS, variables, type Kind, type MixedWorld, type Planned } from './movements-mixed.ts';

const env = process.env;
const int = envInt;

const CONFIG = {
  serverUrl: env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/postgres',
  /** The benchmark's own connections (fill, counts, checks); each server has its own pool of 10. */
  poolSize: 4,
  spreadAccounts: int('BENCH_WRITE_ACCOUNTS', 16),
  /** Interleaved rounds per configuration; each server runs once per round, the order alternating. */
  rounds: int('BENCH_WRITE_ROUNDS', 4),
  /** Transfers per server and round, after `warmup` of its own. */
  requests: int('BENCH_WRITE_REQUESTS', 200),
  warmup: int('BENCH_WRITE_WARMUP', 15),
  /** Transfers at 8 clients over the spread accounts under the CPU profiler, per server, after the rounds. */
  profiled: int('BENCH_WRITE_PROFILED', 200),
  concurrencies: [1, 8],
  amount: 1_00,
  /** Each account's opening cash: Stripe's largest amount, far more than the run takes. */
  funding: 99_999_999,
  loopCapMs: int('BENCH_LOOP_CAP_MS', 120_000),
  runCapMs: int('BENCH_RUN_CAP_MS', 10 * 60_000),
};

const BENCH_DIR = fileURLToPath(new URL('./', import.meta.url));
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PEERS_DIR = `${BENCH_DIR}peers/`;
const PROBE = `${BENCH_DIR}server-probe.mjs`;
const RESULTS_DIR = `${BENCH_DIR}results/`;
/** Both servers run with the flags `npm start` gives the gateway: the comparison is of the code, not of Node.js's settings. */
const NODE_FLAGS = gatewayNodeFlags();

/** The document both servers answer: the transfer's own columns, as a client that made one wants to see it. */
const CREATE_TRANSFER = `mutation BenchTransfer($input: CreateOutboundTransferInput!) {
  createOutboundTransfer(input: $input) {
    outboundTransfer { id status amount currency cancelable statementDescriptor expectedArrivalDate }
    userErrors { code message field }
  }
}`;

type ServerName = 'gateway' | 'peer';
type Scenario = 'one account' | 'spread';

interface ServerSpec extends ServerProcessSpec {
  name: ServerName;
  description: string;
  /** Its connections' application_name, by which its PostgreSQL backends are found. */
  applicationName: string;
  ownRoots: string[];
}

const SERVERS: ServerSpec[] = [
  {
    name: 'gateway',
    description: `the gateway (bench/serve-gateway.ts: buildServer with authentication, scope, cost, operation limits, input checks and a credential budget on), ${NODE_FLAGS.join(' ')}`,
    cwd: ROOT,
    script: `${BENCH_DIR}serve-gateway.ts`,
    execArgv: [...NODE_FLAGS, '--import', 'tsx', '--import', PROBE],
    applicationName: 'bench-write-gateway',
    ownRoots: [`${ROOT}src`, `${ROOT}bench`],
  },
  {
    name: 'peer',
    description: `hand-written node http + graphql-js + pg (bench/peers/write-path.mjs): API key by hash, then BEGIN, lock, one read, one write, COMMIT, ${NODE_FLAGS.join(' ')}`,
    cwd: PEERS_DIR,
    script: `${PEERS_DIR}write-path.mjs`,
    execArgv: [...NODE_FLAGS, '--import', PROBE],
    applicationName: 'bench-write-peer',
    ownRoots: [PEERS_DIR.replace(/\/$/, '')],
  },
];

interface Running {
  spec: ServerSpec;
  child: ChildProcess;
  url: string;
}

interface World {
  secretKey: string;
  destinations: Map<string, string>;
  one: LedgerAccount;
  spread: LedgerAccount[];
  mixed: MixedWorld;
}

async function main() {
  const startedAt = new Date();
  if (!existsSync(`${PEERS_DIR}node_modules/pg`) || !existsSync(`${PEERS_DIR}node_modules/graphql`)) {
    throw new Error('The peers are not installed: run `npm ci` in bench/peers first (it is not part of the gateway\'s install).');
  }
  await onScratchDatabase(CONFIG, async ({ db, url: databaseUrl, own }) => {
    // The data is made through the gateway's services in this process; the servers measured are other processes.
    const filler = buildServer({ db, accountSessionTtlSeconds: 1800, graphiql: false, ...NO_SWEEPS, featureActivationDelayMs: 0 });
    own(() => filler.stop());
    const world = await fill({ db, server: filler });
    await db.pool.query('ANALYZE');
    const machine = await machineFacts(db);
    const clockTicks = Number(sh('getconf', ['CLK_TCK'])) || 100;
    const pgLocal = ['127.0.0.1', 'localhost', '::1'].includes(new URL(CONFIG.serverUrl).hostname);

    const running = {} as Record<ServerName, Running>;
    for (const spec of SERVERS) {
      const url = new URL(databaseUrl);
      url.searchParams.set('application_name', spec.applicationName);
      const { child, url: endpoint } = await startServer(spec, url.toString());
      own(() => child.connected && child.disconnect());
      own(() => child.kill());
      running[spec.name] = { spec, child, url: endpoint };
      log(`${spec.name} on ${endpoint}`);
    }
    const client = fork(fileURLToPath(new URL('./http-load.ts', import.meta.url)));
    own(() => client.connected && client.disconnect());
    const load = loader(client);
    const headers = { authorization: `Bearer ${world.secretKey}` };
    let keys = 0;
    const input = (fa: LedgerAccount, tag: string) => ({
      financialAccount: fa.id,
      amount: CONFIG.amount,
      currency: 'usd',
      destinationPaymentMethod: world.destinations.get(fa.id),
      destinationPaymentMethodOptions: { usBankAccount: { network: 'ACH' } },
      // Every request its own key, as a client retrying safely sends: a repeated key would be a replay, not a transfer.
      idempotencyKey: `${tag}-${++keys}`,
    });
    const bodies = (accounts: LedgerAccount[], n: number, tag: string) =>
      Array.from({ length: n }, (_, i) => JSON.stringify({ query: CREATE_TRANSFER, variables: { input: input(accounts[i % accounts.length], tag) } }));

    // ---------------------------------------------------------- one transfer each, traced and compared
    const traced = {} as Record<ServerName, { texts: string[]; id: string; answer: unknown; input: Record<string, unknown> }>;
    for (const name of ['gateway', 'peer'] as const) {
      const server = running[name];
      // Two untraced first: the first request of a process pays for its caches.
      for (let i = 0; i < 2; i++) await transferOnce(server, headers, input(world.one, `${name}-first`));
      const tracedInput = input(world.one, `${name}-traced`);
      await ask(server.child, 'trace-start');
      const answer = await transferOnce(server, headers, tracedInput);
      const { texts } = await ask(server.child, 'trace-stop');
      traced[name] = { texts, id: answer.data.createOutboundTransfer.outboundTransfer.id, answer: answer.data, input: tracedInput };
      // Checked at once, before anything else moves this account's money: the balance event must be the balance now.
      await checkEventsExactly(db, traced[name].id, name);
    }
    const shapes = { gateway: await rowShape(db, traced.gateway.id), peer: await rowShape(db, traced.peer.id) };
    if (JSON.stringify(shapes.gateway) !== JSON.stringify(shapes.peer)) {
      throw new Error(`the peer's rows differ in shape from the gateway's:\n${JSON.stringify(shapes, null, 1).slice(0, 4000)}`);
    }
    const sameValues = await compareValues(db, traced.gateway.id, traced.peer.id);
    const answersAlike = JSON.stringify(shapeOf(traced.gateway.answer)) === JSON.stringify(shapeOf(traced.peer.answer));
    if (!answersAlike) throw new Error(`answers differ in shape: ${JSON.stringify(traced)}`);
    const refusals = await checkRefusalsAlike(db, running, headers, world, traced, input);
    const traces = Object.fromEntries((['gateway', 'peer'] as const).map((name) => [name, traceFigures(traced[name].texts)])) as Record<ServerName, TraceFigures>;
    for (const name of ['gateway', 'peer'] as const) log(`${name}: ${traces[name].statements} statements per transfer, ${traces[name].underLock} round trips under the lock`);

    // ---------------------------------------------------------- interleaved rounds
    const configs = (['one account', 'spread'] as const).flatMap((scenario) => CONFIG.concurrencies.map((concurrency) => ({ scenario, concurrency })));
    const tallies = new Map<string, Tally>();
    const tallyOf = (name: ServerName, scenario: Scenario, concurrency: number) => {
      const key = `${name}|${scenario}|${concurrency}`;
      if (!tallies.has(key)) tallies.set(key, emptyTally());
      return tallies.get(key)!;
    };
    const orders: string[] = [];
    const countTransfers = () => scalar(db, `SELECT count(*)::text AS v FROM "OutboundTransfer"`).then(Number);
    const loadBefore = loadavg()[0];
    for (const { scenario, concurrency } of configs) {
      const accounts = scenario === 'one account' ? [world.one] : world.spread;
      for (let round = 0; round < CONFIG.rounds; round++) {
        const order: ServerName[] = round % 2 === 0 ? ['gateway', 'peer'] : ['peer', 'gateway'];
        orders.push(`${scenario} × ${concurrency}, round ${round + 1}: ${order.join(' → ')}`);
        for (const name of order) {
          const server = running[name];
          const job = { url: server.url, headers, concurrency, timeCapMs: CONFIG.loopCapMs };
          const warm = bodies(accounts, CONFIG.warmup, `${name}-warm`);
          await load({ ...job, bodies: warm, total: warm.length });
          const measured = bodies(accounts, CONFIG.requests, `${name}-${scenario}-${concurrency}-${round}`);
          const before = { probe: await ask(server.child, 'sample'), pg: pgLocal ? await backendCpuNs(db, server.spec.applicationName, clockTicks) : null, transfers: await countTransfers() };
          const run = await load({ ...job, bodies: measured, total: measured.length });
          const after = { probe: await ask(server.child, 'sample'), pg: pgLocal ? await backendCpuNs(db, server.spec.applicationName, clockTicks) : null, transfers: await countTransfers() };
          const failed = run.samples.filter((s) => s[3] !== 1).length;
          const accepted = after.transfers - before.transfers;
          if (failed || accepted !== run.samples.length) {
            throw new Error(`${name} ${scenario} × ${concurrency}: ${failed} failed, ${accepted} of ${run.samples.length} accepted; first error: ${run.firstError}`);
          }
          const t = tallyOf(name, scenario, concurrency);
          t.samples.push(...run.samples);
          t.wallMs += run.wallMs;
          t.accepted += accepted;
          t.cpuMs += after.probe.cpuMs - before.probe.cpuMs;
          t.statements += after.probe.statements - before.probe.statements;
          t.cappedByTime ||= run.cappedByTime;
          t.perRound.push(round1(accepted / (run.wallMs / 1000)));
          t.longestRoundMs = Math.max(t.longestRoundMs, run.wallMs);
          if (before.pg && after.pg) {
            const delta = cpuDelta(before.pg, after.pg);
            t.pgCpuMs! += delta.ns / 1e6;
            t.pgBackendsGone += delta.gone;
          } else t.pgCpuMs = null;
        }
      }
      const g = tallyOf('gateway', scenario, concurrency);
      const p = tallyOf('peer', scenario, concurrency);
      log(`${scenario} × ${concurrency}: gateway ${rate(g)}/s, peer ${rate(p)}/s (${ratio(rate(g), rate(p))}×)`);
    }
    const loadAfter = loadavg()[0];

    // ---------------------------------------------------------- profiles
    const profiles = {} as Record<ServerName, Profile>;
    for (const name of ['gateway', 'peer'] as const) {
      const server = running[name];
      const job = { url: server.url, headers, concurrency: 8, timeCapMs: CONFIG.loopCapMs };
      const warm = bodies(world.spread, CONFIG.warmup, `${name}-warm`);
      await load({ ...job, bodies: warm, total: warm.length });
      await ask(server.child, 'profile-start');
      const profiled = bodies(world.spread, CONFIG.profiled, `${name}-profiled`);
      const run = await load({ ...job, bodies: profiled, total: profiled.length });
      const { summary } = await ask(server.child, 'profile-stop', { ownRoots: server.spec.ownRoots });
      const n = run.samples.length;
      profiles[name] = {
        transfers: n,
        busyMsPerTransfer: round2(summary.busyMs / n),
        rows: summary.rows.map((r: { where: string; ms: number; share: number }) => ({ ...r, msPerTransfer: round2(r.ms / n) })),
        functions: summary.functions,
        profilerMs: summary.profilerMs,
      };
      log(`profiled ${name}: ${profiles[name].busyMsPerTransfer} ms busy per transfer`);
    }

    const invariants = await checkTransferInvariants(db, [world.one.id, ...world.spread.map((fa) => fa.id)], CONFIG.funding);

    // ---------------------------------------------------------- every other movement through the gateway
    const movements = await countMovements(db, running.gateway, headers, world.mixed);

    const rows = configs.flatMap(({ scenario, concurrency }) =>
      (['gateway', 'peer'] as const).map((name) => figures(name, scenario, concurrency, tallyOf(name, scenario, concurrency), scenario === 'one account' ? 1 : world.spread.length)),
    );
    const results = {
      benchmark: 'write-path',
      startedAt: startedAt.toISOString(),
      durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      machine,
      versions: versions(),
      config: { ...CONFIG, serverUrl: redact(CONFIG.serverUrl) },
      servers: SERVERS.map((s) => ({ name: s.name, description: s.description })),
      document: CREATE_TRANSFER,
      loadAverage1m: { before: round2(loadBefore), after: round2(loadAfter) },
      orders,
      postgresCpu: pgLocal ? { method: 'per backend of the server\'s connections (application_name): /proc/<pid>/schedstat time on CPU, else /proc/<pid>/stat utime + stime', clockTicks } : null,
      sameRows: { shapes: shapes.gateway, sameValues, eventsExact: true, answersAlike },
      refusals,
      traces,
      rows,
      profiles,
      invariants,
      movements,
    };
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(`${RESULTS_DIR}write-path.json`, JSON.stringify(results, null, 2) + '\n');
    writeFileSync(`${RESULTS_DIR}write-path.md`, markdown(results));
    log(`wrote ${RESULTS_DIR}write-path.md and write-path.json`);
  });
}

async function fill(world: { db: Database; server: ReturnType<typeof buildServer> }): Promise<World> {
  const { platformId, secretKey } = await createPlatform(world, { name: 'Bench Platform' });
  const { accounts, destinations } = await fillTransferAccounts(world, platformId, { count: CONFIG.spreadAccounts + 1, funding: CONFIG.funding });
  const [one, ...spread] = accounts;
  // Two owners of one account each are enough for every other movement once (a payment over Stripe's network needs another owner's account).
  const mixed = await fillMixed(world, platformId, secretKey, { owners: 2, accountsPerOwner: 1, funding: CONFIG.funding });
  log(`filled: ${accounts.length} transfer accounts, ${mixed.accounts.length} for the other movements`);
  return { secretKey, destinations, one, spread, mixed };
}

async function transferOnce(server: Running, headers: Record<string, string>, input: Record<string, unknown>) {
  const answer = await postOnce(server.url, headers, CREATE_TRANSFER, { input });
  const payload = answer.data?.createOutboundTransfer;
  if (answer.errors || payload?.userErrors?.length || payload?.outboundTransfer?.status !== 'PROCESSING') {
    throw new Error(`${server.spec.name}: ${JSON.stringify(answer).slice(0, 600)}`);
  }
  return answer;
}

const sh = (cmd: string, args: string[]) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
};

// ---------------------------------------------------------------- same rows

type Rows = Record<string, Array<Record<string, unknown>>>;

/** Every row one transfer wrote: its transaction and entry (by flow), itself, its idempotency key, its events. */
async function rowsOf(db: Database, transferId: string): Promise<Rows> {
  const q = (text: string) => db.pool.query(text, [transferId]).then((r) => r.rows);
  return {
    OutboundTransfer: await q(`SELECT * FROM "OutboundTransfer" WHERE "id" = $1`),
    Transaction: await q(`SELECT * FROM "Transaction" WHERE "flow" = $1`),
    TransactionEntry: await q(`SELECT * FROM "TransactionEntry" WHERE "flow" = $1`),
    IdempotencyKey: await q(`SELECT * FROM "IdempotencyKey" WHERE "resultId" = $1`),
    Event: await q(`SELECT * FROM "Event" WHERE "objectId" = $1 OR "data"->>'transaction' IN (SELECT "id" FROM "Transaction" WHERE "flow" = $1) ORDER BY "sequence"`),
  };
}

/** A value's shape: its JSON type, with an object's keys and an array's elements' shapes; what two servers' rows must share. */
function shapeOf(value: unknown): unknown {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return 'time';
  if (Array.isArray(value)) return [...new Set(value.map((v) => JSON.stringify(shapeOf(v))))].sort().map((s) => JSON.parse(s));
  if (typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, shapeOf((value as Record<string, unknown>)[k])]));
  return typeof value;
}

/** Per table: how many rows, which columns are set (not null), and the shape of each JSON column; events by type. */
async function rowShape(db: Database, transferId: string) {
  const rows = await rowsOf(db, transferId);
  const shape: Record<string, unknown> = {};
  for (const [table, list] of Object.entries(rows)) {
    const keyed = table === 'Event' ? list.map((r) => [`Event ${r.type}`, r] as const) : list.map((r) => [table, r] as const);
    if (!keyed.length) shape[table] = 'no rows';
    for (const [name, row] of keyed) {
      const entry = (shape[name] ??= { rows: 0, columnsSet: [] as string[], json: {} as Record<string, unknown> }) as { rows: number; columnsSet: string[]; json: Record<string, unknown> };
      entry.rows += 1;
      entry.columnsSet = Object.keys(row).filter((k) => row[k] !== null).sort();
      for (const [k, v] of Object.entries(row)) if (v && typeof v === 'object' && !(v instanceof Date) && !Array.isArray(v)) entry.json[k] = shapeOf(v);
    }
  }
  return shape;
}

/** The columns that the same request on the same account must set alike on both servers (not ids, not times). */
async function compareValues(db: Database, gatewayId: string, peerId: string) {
  const [g, p] = [await rowsOf(db, gatewayId), await rowsOf(db, peerId)];
  const alike: Record<string, string[]> = {
    OutboundTransfer: ['platformId', 'accountId', 'livemode', 'financialAccountId', 'amount', 'currency', 'description', 'statementDescriptor', 'metadata', 'status', 'cancelable', 'destinationType', 'destinationPaymentMethod', 'network', 'destinationDetails'],
    Transaction: ['platformId', 'accountId', 'financialAccountId', 'livemode', 'amount', 'currency', 'description', 'status', 'flowType', 'cashImpact', 'inboundPendingImpact', 'outboundPendingImpact'],
    TransactionEntry: ['platformId', 'accountId', 'financialAccountId', 'livemode', 'currency', 'cashImpact', 'inboundPendingImpact', 'outboundPendingImpact', 'type', 'flowType'],
    IdempotencyKey: ['platformId', 'scope', 'livemode', 'operation'],
  };
  const differences: string[] = [];
  for (const [table, columns] of Object.entries(alike)) {
    for (const column of columns) {
      const [a, b] = [JSON.stringify(g[table][0]?.[column]), JSON.stringify(p[table][0]?.[column])];
      if (a !== b) differences.push(`${table}.${column}: gateway ${a}, peer ${b}`);
    }
  }
  if (differences.length) throw new Error(`the peer's rows differ from the gateway's:\n${differences.join('\n')}`);
  return Object.fromEntries(Object.entries(alike).map(([t, c]) => [t, c.length]));
}

/** Sorted keys, so two JSON values compare by content (jsonb keeps its own key order). */
const canonicalJson = (value: unknown): string => JSON.stringify(value, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v));

/**
 * The transfer's two events carry exactly what the gateway's own code makes of the rows as they
 * stand (the transfer; the account with the balance it left, read now, before anything else moved
 * it), and its expected arrival is the gateway's timeline's. Run on each server's transfer.
 */
async function checkEventsExactly(db: Database, transferId: string, name: string) {
  const transfer = await db.prisma.outboundTransfer.findUniqueOrThrow({ where: { id: transferId } });
  const account = await financialAccountById(db.prisma, transfer.financialAccountId);
  const state = await loadFinancialAccountState(db.prisma, account);
  const { Event: events } = await rowsOf(db, transferId);
  const created = events.find((e) => e.type === 'treasury.outbound_transfer.created');
  const balance = events.find((e) => e.type === 'treasury.financial_account.balance_updated');
  const problems: string[] = [];
  if (events.length !== 2 || !created || !balance) problems.push(`events ${events.map((e) => e.type).join(', ')}`);
  const expect = (what: string, actual: unknown, wanted: unknown) => {
    if (canonicalJson(actual) !== canonicalJson(wanted)) problems.push(`${what}: ${canonicalJson(actual)}\n  wanted ${canonicalJson(wanted)}`);
  };
  expect('outbound_transfer.created data', created?.data, { object: outboundTransferObject(transfer) });
  expect('balance_updated data', balance?.data, { object: financialAccountObject(state), transaction: transfer.transactionId });
  expect('financialAccountIds', [created?.financialAccountIds, balance?.financialAccountIds], [[account.id], [account.id]]);
  expect('expectedArrivalDate', transfer.expectedArrivalDate.toISOString(), expectedArrivalDate('ach', transfer.createdAt).toISOString());
  if (problems.length) throw new Error(`${name}'s transfer ${transferId}:\n${problems.join('\n')}`);
}

/**
 * The peer refuses what the gateway refuses, with the same code and field, and writes nothing: a
 * replay of a key (the first transfer again), the key with another input, more than the cash, a
 * bank account of another owner, a statement descriptor too long for ACH, an unknown account.
 */
async function checkRefusalsAlike(
  db: Database,
  running: Record<ServerName, Running>,
  headers: Record<string, string>,
  world: World,
  traced: Record<ServerName, { id: string; input: Record<string, unknown> }>,
  input: (fa: LedgerAccount, tag: string) => Record<string, unknown>,
) {
  const otherOwners = world.spread.find((fa) => fa.accountId !== world.one.accountId)!;
  const cases: Array<[string, (name: ServerName) => Record<string, unknown>]> = [
    ["replay of the first transfer's key", (name) => traced[name].input],
    ['the same key with another amount', (name) => ({ ...traced[name].input, amount: CONFIG.amount + 1 })],
    ['more than the cash', (name) => ({ ...input(world.one, `${name}-refused`), amount: CONFIG.funding })],
    ["another owner's bank account", (name) => ({ ...input(world.one, `${name}-refused`), destinationPaymentMethod: world.destinations.get(otherOwners.id) })],
    ['statement descriptor of 11 characters over ACH', (name) => ({ ...input(world.one, `${name}-refused`), statementDescriptor: 'ELEVENCHARS' })],
    ['unknown financial account', (name) => ({ ...input(world.one, `${name}-refused`), financialAccount: 'fa_000000000000000000000000' })],
  ];
  const count = () => scalar(db, `SELECT ((SELECT count(*) FROM "OutboundTransfer") + (SELECT count(*) FROM "Event") + (SELECT count(*) FROM "IdempotencyKey"))::text AS v`);
  const seen: Array<{ case: string; answer: unknown }> = [];
  for (const [label, inputOf] of cases) {
    const answers = {} as Record<ServerName, unknown>;
    for (const name of ['gateway', 'peer'] as const) {
      const before = await count();
      const answer = await postOnce(running[name].url, headers, CREATE_TRANSFER, { input: inputOf(name) });
      const payload = answer.data?.createOutboundTransfer;
      if (answer.errors || !payload || (await count()) !== before) throw new Error(`${name}, ${label}: ${JSON.stringify(answer).slice(0, 400)} (or it wrote rows)`);
      answers[name] = payload.outboundTransfer ? { replayed: payload.outboundTransfer.id === traced[name].id } : payload.userErrors.map((e: { code: string; field: string[] }) => ({ code: e.code, field: e.field }));
    }
    if (JSON.stringify(answers.gateway) !== JSON.stringify(answers.peer)) throw new Error(`${label}: gateway ${JSON.stringify(answers.gateway)}, peer ${JSON.stringify(answers.peer)}`);
    seen.push({ case: label, answer: answers.gateway });
  }
  log(`refusals alike: ${seen.map((c) => `${c.case} → ${JSON.stringify(c.answer)}`).join('; ')}`);
  return seen;
}

// ---------------------------------------------------------------- traces

interface TraceFigures {
  /** Every statement the request sent, auth and answer included. */
  statements: number;
  /** From BEGIN to COMMIT, both included. */
  inTransaction: number;
  /** After the statement that locks the financial account's row, up to and including COMMIT: the round trips the lock is held across. */
  underLock: number | null;
  /** Each statement's first line, shortened, in order. */
  list: string[];
}

const isAccountLock = (text: string) => /"FinancialAccount"/.test(text) && /\bFOR UPDATE\b/i.test(text);

function traceFigures(texts: string[]): TraceFigures {
  const begin = texts.findIndex((t) => /^\s*BEGIN\b/i.test(t));
  const commit = texts.findIndex((t, i) => i > begin && /^\s*COMMIT\b/i.test(t));
  const lock = texts.findIndex((t, i) => i > begin && isAccountLock(t));
  return {
    statements: texts.length,
    inTransaction: begin >= 0 && commit > begin ? commit - begin + 1 : 0,
    underLock: lock >= 0 && commit > lock ? commit - lock : null,
    list: texts.map((t) => t.replace(/\s+/g, ' ').trim().slice(0, 110)),
  };
}

// ---------------------------------------------------------------- PostgreSQL's CPU

/**
 * CPU time, in ns, of each PostgreSQL backend serving connections named `applicationName` on this
 * database, read from /proc (PostgreSQL on this machine). A backend is one connection of the
 * server's pool: the pools keep their connections while they are busy. The time on the CPU comes
 * from /proc/<pid>/schedstat (the scheduler's, in ns) where the kernel keeps it, else from utime +
 * stime of /proc/<pid>/stat (in clock ticks, 10 ms each: coarse for a round of a few seconds).
 */
async function backendCpuNs(db: Database, applicationName: string, clockTicks: number): Promise<Map<number, number>> {
  const { rows } = await db.pool.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
    [applicationName],
  );
  const ns = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const onCpu = Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
      if (onCpu > 0) {
        ns.set(pid, onCpu);
        continue;
      }
      // Fields after "pid (comm) ": state is the 3rd, utime the 14th, stime the 15th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ns.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1e9) / clockTicks);
    } catch {
      // Gone between the two reads.
    }
  }
  return ns;
}

/** The time spent between two readings; a backend that is new counts whole, one that is gone (its pool let it go idle and closed it) is counted out. */
function cpuDelta(before: Map<number, number>, after: Map<number, number>) {
  let ns = 0;
  for (const [pid, t] of after) ns += t - (before.get(pid) ?? 0);
  const gone = [...before.keys()].filter((pid) => !after.has(pid)).length;
  return { ns, gone };
}

// ---------------------------------------------------------------- rounds' figures

interface Tally {
  samples: LoadResult['samples'];
  wallMs: number;
  accepted: number;
  cpuMs: number;
  pgCpuMs: number | null;
  pgBackendsGone: number;
  statements: number;
  cappedByTime: boolean;
  /** Transfers/s of each round, in order. */
  perRound: number[];
  longestRoundMs: number;
}
const emptyTally = (): Tally => ({ samples: [], wallMs: 0, accepted: 0, cpuMs: 0, pgCpuMs: 0, pgBackendsGone: 0, statements: 0, cappedByTime: false, perRound: [], longestRoundMs: 0 });
const rate = (t: Tally) => round1(t.accepted / (t.wallMs / 1000));

function figures(name: ServerName, scenario: Scenario, concurrency: number, t: Tally, accounts: number) {
  return {
    server: name,
    scenario,
    accounts,
    concurrency,
    transfers: t.accepted,
    cappedByTime: t.cappedByTime,
    transfersPerSecond: rate(t),
    transfersPerSecondByRound: t.perRound,
    latencyMs: summarize(t.samples.map((s) => s[1])),
    serverCpuMsPerTransfer: round2(t.cpuMs / t.accepted),
    postgresCpuMsPerTransfer: t.pgCpuMs === null ? null : round2(t.pgCpuMs / t.accepted),
    postgresBackendsGone: t.pgBackendsGone,
    longestRoundSeconds: round1(t.longestRoundMs / 1000),
    statementsPerTransfer: round2(t.statements / t.accepted),
  };
}
type Row = ReturnType<typeof figures>;

interface Profile {
  transfers: number;
  busyMsPerTransfer: number;
  rows: Array<{ where: string; ms: number; share: number; msPerTransfer: number }>;
  functions: Array<{ name: string; where: string; ms: number; share: number }>;
  /** The profiler's own start and stop, left out of the rows. */
  profilerMs: number;
}

// ---------------------------------------------------------------- every other movement

interface Counted {
  label: string;
  document: string;
  input: (target: string | undefined) => Record<string, unknown>;
  /** What makes the object it acts on, through the API, in order; each gets the one before's id. */
  before?: Array<{ document: string; input: (target: string | undefined) => Record<string, unknown> }>;
  /** What Stripe then does by itself, and the SQL that says it is done ($1: the id this mutation answered). */
  deferred?: { label: string; doneSql: string };
}

async function countMovements(db: Database, gateway: Running, headers: Record<string, string>, world: MixedWorld) {
  const [source, other] = world.accounts;
  // The mix's own documents and inputs (movements-mixed.ts), on the first account; a payment over Stripe's network to the other owner's.
  const planned = (kind: Kind, target?: string): Planned => ({ kind, account: source, amount: 100, destination: other.id, target });
  const mix = (kind: Kind) => ({ document: MUTATIONS[kind], input: (target: string | undefined) => variables(planned(kind, target)).input as Record<string, unknown> });
  const step = (mutation: string, inputType: string, field: string, object: string, extra: Record<string, unknown> = {}) => ({
    document: `mutation Bench($input: ${inputType}!) { ${mutation}(input: $input) { ${object} { id status } userErrors { code message } } }`,
    input: (target: string | undefined) => ({ [field]: target, ...extra }),
  });
  const transferStep = (m: string, t: string, extra?: Record<string, unknown>) => step(m, t, 'outboundTransfer', 'outboundTransfer', extra);
  const paymentStep = (m: string, t: string) => step(m, t, 'outboundPayment', 'outboundPayment');
  const inboundStep = (m: string, t: string) => step(m, t, 'inboundTransfer', 'inboundTransfer');
  const list: Counted[] = [
    { label: 'createOutboundTransfer (ACH, saved bank account)', ...mix('outboundTransferCreate') },
    { label: 'postOutboundTransfer', ...mix('outboundTransferPost'), before: [mix('outboundTransferCreate')] },
    { label: 'cancelOutboundTransfer', ...mix('outboundTransferCancel'), before: [mix('outboundTransferCreate')] },
    { label: 'failOutboundTransfer', ...transferStep('failOutboundTransfer', 'FailOutboundTransferInput'), before: [mix('outboundTransferCreate')] },
    { label: 'returnOutboundTransfer', ...transferStep('returnOutboundTransfer', 'ReturnOutboundTransferInput'), before: [mix('outboundTransferCreate')] },
    {
      label: 'updateOutboundTransfer (tracking details, after posting)',
      ...transferStep('updateOutboundTransfer', 'UpdateOutboundTransferInput', { trackingDetails: { type: 'ACH', ach: { traceId: 'BENCHTRACE1' } } }),
      before: [mix('outboundTransferCreate'), mix('outboundTransferPost')],
    },
    { label: 'createOutboundPayment (bank account inline, ACH)', ...mix('outboundPaymentBank') },
    {
      label: 'createOutboundPayment (another owner\'s financial account, Stripe\'s network)',
      ...mix('outboundPaymentFinancialAccount'),
      deferred: { label: 'it posts by itself (and credits the destination)', doneSql: `SELECT (count(*) = 1)::text AS v FROM "OutboundPayment" WHERE "id" = $1 AND "status" <> 'processing'` },
    },
    { label: 'postOutboundPayment', ...paymentStep('postOutboundPayment', 'PostOutboundPaymentInput'), before: [mix('outboundPaymentBank')] },
    { label: 'cancelOutboundPayment', ...paymentStep('cancelOutboundPayment', 'CancelOutboundPaymentInput'), before: [mix('outboundPaymentBank')] },
    { label: 'failOutboundPayment', ...paymentStep('failOutboundPayment', 'FailOutboundPaymentInput'), before: [mix('outboundPaymentBank')] },
    { label: 'returnOutboundPayment', ...paymentStep('returnOutboundPayment', 'ReturnOutboundPaymentInput'), before: [mix('outboundPaymentBank')] },
    { label: 'createInboundTransfer', ...mix('inboundTransferCreate') },
    { label: 'succeedInboundTransfer', ...mix('inboundTransferSucceed'), before: [mix('inboundTransferCreate')] },
    { label: 'failInboundTransfer', ...inboundStep('failInboundTransfer', 'FailInboundTransferInput'), before: [mix('inboundTransferCreate')] },
    { label: 'cancelInboundTransfer', ...inboundStep('cancelInboundTransfer', 'CancelInboundTransferInput'), before: [mix('inboundTransferCreate')] },
    { label: 'returnInboundTransfer (a ReceivedDebit)', ...inboundStep('returnInboundTransfer', 'ReturnInboundTransferInput'), before: [mix('inboundTransferCreate'), mix('inboundTransferSucceed')] },
    { label: 'createReceivedCredit (ACH)', ...mix('receivedCredit') },
    { label: 'createReceivedDebit (ACH)', ...mix('receivedDebit') },
    {
      label: 'createCreditReversal',
      ...mix('creditReversal'),
      before: [mix('receivedCredit')],
      deferred: { label: 'it posts by itself', doneSql: `SELECT (count(*) = 1)::text AS v FROM "CreditReversal" WHERE "id" = $1 AND "status" <> 'processing'` },
    },
    {
      label: 'createDebitReversal',
      ...mix('debitReversal'),
      before: [mix('receivedDebit')],
      deferred: { label: 'it is resolved by itself', doneSql: `SELECT (count(*) = 1)::text AS v FROM "DebitReversal" WHERE "id" = $1 AND "status" <> 'processing'` },
    },
  ];
  const mutate = async (document: string, input: Record<string, unknown>) => {
    const answer = await postOnce(gateway.url, headers, document, { input });
    const payload = answer.data && (Object.values(answer.data)[0] as any);
    const made = payload && Object.entries(payload).find(([k]) => k !== 'userErrors')?.[1];
    if (answer.errors || payload?.userErrors?.length || !made) throw new Error(`${document.slice(0, 60)}: ${JSON.stringify(answer).slice(0, 500)}`);
    return (made as { id: string }).id;
  };
  // The mixed workload's own check of one answer per kind comes first: a refusal must not pass for a cheap mutation.
  await call(gateway.url, headers, planned('receivedCredit'));
  const counted = [];
  for (const m of list) {
    let target: string | undefined;
    for (const b of m.before ?? []) target = await mutate(b.document, b.input(target));
    await ask(gateway.child, 'trace-start');
    const before = await ask(gateway.child, 'sample');
    const id = await mutate(m.document, m.input(target));
    const atAnswer = await ask(gateway.child, 'sample');
    let deferredMs: number | null = null;
    if (m.deferred) {
      const started = performance.now();
      while ((await scalar(db, m.deferred.doneSql, [id])) !== 'true') {
        if (performance.now() - started > 15_000) throw new Error(`${m.label}: ${m.deferred.label} did not happen within 15 s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      deferredMs = Math.round(performance.now() - started);
    }
    const { texts } = await ask(gateway.child, 'trace-stop');
    const n = atAnswer.statements - before.statements;
    const request = traceFigures(texts.slice(0, n));
    const deferred = m.deferred ? traceFigures(texts.slice(n)) : null;
    counted.push({ label: m.label, request, deferred: deferred && { label: m.deferred!.label, afterMs: deferredMs, ...deferred } });
    log(`${m.label}: ${request.statements} statements (${request.inTransaction} in its transaction, ${request.underLock} under the lock)${deferred ? `; ${m.deferred!.label}: ${deferred.statements}` : ''}`);
  }
  return counted;
}

// ---------------------------------------------------------------- report

function versions() {
  return {
    gateway: packageVersions(ROOT, ['graphql', 'graphql-yoga', '@pothos/core', '@prisma/client', '@prisma/adapter-pg', 'pg']),
    peer: packageVersions(PEERS_DIR, ['graphql', 'pg']),
  };
}

/** What the table says, in words, from its own numbers. */
function meaning(r: any, find: (server: ServerName, scenario: string, c: number) => Row): string {
  const t: Record<ServerName, TraceFigures> = r.traces;
  const g8 = find('gateway', 'spread', 8);
  const p8 = find('peer', 'spread', 8);
  const g1 = find('gateway', 'one account', 8);
  const p1 = find('peer', 'one account', 8);
  const pgPart =
    g8.postgresCpuMsPerTransfer !== null && p8.postgresCpuMsPerTransfer !== null
      ? ` and its PostgreSQL backends ${g8.postgresCpuMsPerTransfer} ms against ${p8.postgresCpuMsPerTransfer} (${ratio(g8.postgresCpuMsPerTransfer, p8.postgresCpuMsPerTransfer)}×, from ${t.gateway.statements} statements against ${t.peer.statements})`
      : '';
  return (
    `Over ${g8.accounts} accounts at 8 clients the gateway made ${g8.transfersPerSecond} transfers/s against the peer's ${p8.transfersPerSecond} (${ratio(g8.transfersPerSecond, p8.transfersPerSecond)}×). ` +
    `Its process spent ${g8.serverCpuMsPerTransfer} ms of CPU per transfer against ${p8.serverCpuMsPerTransfer} (${ratio(g8.serverCpuMsPerTransfer, p8.serverCpuMsPerTransfer)}×)${pgPart}; ` +
    `on ${r.machine.nproc} cores shared by both, the load client and PostgreSQL, the server's own CPU alone would allow at most ${Math.round((1000 * r.machine.nproc) / g8.serverCpuMsPerTransfer)} transfers/s for the gateway and ${Math.round((1000 * r.machine.nproc) / p8.serverCpuMsPerTransfer)} for the peer. ` +
    `On one account the transfers take turns on its row lock, so what counts is how long each holds it: ${t.gateway.underLock} round trips (and the CPU between them) for the gateway, ${t.peer.underLock} for the peer; ` +
    `${g1.transfersPerSecond} against ${p1.transfersPerSecond} transfers/s at 8 clients (${ratio(g1.transfersPerSecond, p1.transfersPerSecond)}×).`
  );
}

function markdown(r: any): string {
  const rows: Row[] = r.rows;
  const find = (server: ServerName, scenario: string, c: number) => rows.find((x) => x.server === server && x.scenario === scenario && x.concurrency === c)!;
  const x = (a: number | null, b: number | null) => (a === null || b === null ? '–' : `${ratio(a, b)}×`);
  const table = (['one account', 'spread'] as const)
    .flatMap((scenario) =>
      CONFIG.concurrencies.map((c) => {
        const g = find('gateway', scenario, c);
        const p = find('peer', scenario, c);
        const cell = (a: number | null, b: number | null) => `${x(a, b)} (${a ?? '–'} / ${b ?? '–'})`;
        return `| ${scenario} (${g.accounts}) | ${c} | **${cell(g.transfersPerSecond, p.transfersPerSecond)}** | ${cell(g.latencyMs.p50, p.latencyMs.p50)} | ${cell(g.latencyMs.p99, p.latencyMs.p99)} | ${cell(g.serverCpuMsPerTransfer, p.serverCpuMsPerTransfer)} | ${cell(g.postgresCpuMsPerTransfer, p.postgresCpuMsPerTransfer)} | ${cell(g.statementsPerTransfer, p.statementsPerTransfer)} | ${g.transfers} / ${p.transfers} |`;
      }),
    )
    .join('\n');
  const t: Record<ServerName, TraceFigures> = r.traces;
  const spread8 = { g: find('gateway', 'spread', 8), p: find('peer', 'spread', 8) };
  const one8 = { g: find('gateway', 'one account', 8), p: find('peer', 'one account', 8) };
  const targets = [
    ['transfers/s at 8 clients over 16 accounts, gateway / peer', '≥ 0.7×', `${ratio(spread8.g.transfersPerSecond, spread8.p.transfersPerSecond)}×`, ratio(spread8.g.transfersPerSecond, spread8.p.transfersPerSecond) >= 0.7],
    ['transfers/s at 8 clients on one account, gateway / peer', '≥ 0.6×', `${ratio(one8.g.transfersPerSecond, one8.p.transfersPerSecond)}×`, ratio(one8.g.transfersPerSecond, one8.p.transfersPerSecond) >= 0.6],
    ['statements per transfer (gateway)', '≤ 6', String(t.gateway.statements), t.gateway.statements <= 6],
    ['round trips under the account\'s lock (gateway)', '≤ 3', String(t.gateway.underLock), (t.gateway.underLock ?? 99) <= 3],
  ];
  const trace = (name: ServerName) => t[name].list.map((s, i) => `${i + 1}. \`${s.replace(/`/g, "'")}\``).join('\n');
  const profile = (name: ServerName) => {
    const p: Profile = r.profiles[name];
    const cpu = find(name, 'spread', 8).serverCpuMsPerTransfer;
    return [
      `**${name}** (${p.transfers} transfers at 8 clients over ${r.config.spreadAccounts} accounts under the profiler, ${p.busyMsPerTransfer} ms of samples per transfer, the profiler's own start and stop, ${p.profilerMs} ms, left out; ${cpu} ms of process CPU per transfer in the measured rounds)`,
      '',
      '| where | share of main-thread samples | ≈ CPU ms per transfer |',
      '|---|---|---|',
      ...p.rows.slice(0, 14).map((row) => `| ${row.where} | ${row.share}% | ${round2((row.share / 100) * cpu)} |`),
      '',
      'The busiest functions by self time:',
      '',
      '| function | where | share |',
      '|---|---|---|',
      ...p.functions.slice(0, 10).map((f) => `| \`${f.name}\` | ${f.where} | ${f.share}% |`),
      '',
    ].join('\n');
  };
  const movement = (m: any) =>
    `| ${m.label} | ${m.request.statements} | ${m.request.inTransaction} | ${m.request.underLock ?? '–'} | ${m.deferred ? `${m.deferred.label}: ${m.deferred.statements} (${m.deferred.inTransaction} in its transaction, ${m.deferred.underLock ?? '–'} under the lock)` : ''} |`;
  const m = r.machine;
  return `# Write path: the gateway against a hand-written server

Generated by \`npm run bench:write-path\` (bench/write-path.ts) on ${r.startedAt} in ${r.durationSeconds} s, commit ${m.gitCommit}. Raw numbers: [write-path.json](write-path.json).

Node ${m.node}, ${m.nproc} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${String(m.postgres).split(' on ')[0]}. The machine is shared: the servers, the load client and PostgreSQL share its ${m.nproc} cores with other people's work (1-minute load average ${m.loadAverage1m} at the start, ${r.loadAverage1m.before} before the rounds, ${r.loadAverage1m.after} after). Absolute figures are those of a loaded machine; the rounds are interleaved so that the ratios compare the two servers under the same load.
Gateway: ${Object.entries(r.versions.gateway).filter(([, v]) => v).map(([k, v]) => `${k} ${v}`).join(', ')}. Peer (bench/peers, its own install): ${Object.entries(r.versions.peer).filter(([, v]) => v).map(([k, v]) => `${k} ${v}`).join(', ')}.

## What is compared

${r.servers.map((s: any) => `- **${s.name}**: ${s.description}.`).join('\n')}

Both answer the same document, over HTTP on 127.0.0.1, from one load client in a process of its own (bench/http-load.ts), with the same platform key:

\`\`\`graphql
${r.document}
\`\`\`

Each request is a transfer of $${CONFIG.amount / 100} over ACH to the account owner's saved bank account, with an idempotency key of its own. *One account* sends every transfer from one financial account (they queue on its row lock); *spread* goes round ${r.config.spreadAccounts} (over ${Math.ceil(r.config.spreadAccounts / 4)} connected accounts). Per configuration ${r.config.rounds} rounds, each server once per round in alternating order (gateway → peer, then peer → gateway, …), each time ${r.config.warmup} warm-up transfers and then ${r.config.requests} measured: ${r.config.rounds * r.config.requests} per server and configuration. Every transfer is counted in the database (all were accepted), not from the answers.

## The same rows

Before the rounds, one transfer through each server on the same account, and the rows each wrote compared: the same tables and row counts (${Object.entries(r.sameRows.shapes).map(([k, v]: [string, any]) => `${k} ${v.rows ?? v}`).join(', ')}), the same columns set (non-null) in each, the same shape of every JSON column, and the same values in the columns the same request must set alike (${Object.entries(r.sameRows.sameValues).map(([k, v]) => `${k} ${v}`).join(', ')} columns: amounts, impacts, statuses, descriptor, metadata, destination details, scope). For each server's transfer, its events' \`data\` were checked to equal exactly what the gateway's own code (src/events/stripe-objects.ts) makes of the stored transfer and of the account as it then stood, and its expected arrival date the gateway's timeline (src/domain/timelines.ts). The answers have the same shape. Both refuse alike, with the same code and field and writing nothing: ${r.refusals.map((c: any) => `${c.case} (${Array.isArray(c.answer) ? c.answer.map((e: any) => `\`${e.code}\``).join(', ') : c.answer.replayed ? 'answered with the first transfer' : 'a new transfer'})`).join('; ')}. After the rounds the ledger's invariants held over the whole database (${r.invariants.violations} violations; every balance equals its entries, every transaction its entries; each account's cash its funding less its transfers' holds).

## Side by side

Gateway / peer ratio, then (gateway / peer) raw. CPU per transfer is the server process's user + system time over the measured transfers; PostgreSQL's is that of the backends serving the server's own connections (found by their \`application_name\` in \`pg_stat_activity\`, their time on the CPU read from /proc/<pid>/schedstat before and after each round${rows.some((row) => row.postgresBackendsGone) ? `; backends that a pool closed mid-round were counted out (${rows.reduce((s, row) => s + row.postgresBackendsGone, 0)} in all): a pool closes a connection after 10 s idle and the longest round took ${Math.max(...rows.map((row) => row.longestRoundSeconds))} s${Math.max(...rows.map((row) => row.longestRoundSeconds)) < 10 ? ', so they did no work in their round' : ', so some may have worked early in a long round'}` : ''}; PostgreSQL's shared background processes, WAL writer and checkpointer, are not counted). Statements per transfer are counted in each server process where they leave for PostgreSQL (node-postgres \`Client#query\`, the door Prisma's pg adapter and plain pg both go through, BEGIN and COMMIT included: bench/server-probe.mjs), over the measured transfers.

| scenario (accounts) | clients | transfers/s | p50 ms | p99 ms | server CPU ms / transfer | PostgreSQL CPU ms / transfer | statements / transfer | transfers |
|---|---|---|---|---|---|---|---|---|
${table}

Transfers/s ratio of each round (the servers ran back to back in it): ${(['one account', 'spread'] as const)
    .flatMap((scenario) => CONFIG.concurrencies.map((c) => {
      const g = find('gateway', scenario, c).transfersPerSecondByRound;
      const p = find('peer', scenario, c).transfersPerSecondByRound;
      return `${scenario} × ${c}: ${g.map((v, i) => ratio(v, p[i])).join(', ')}`;
    }))
    .join('; ')}.

${meaning(r, find)}

Targets (issue 17, item 4):

| | target | measured | met |
|---|---|---|---|
${targets.map(([what, target, measured, met]) => `| ${what} | ${target} | ${measured} | ${met ? 'yes' : '**no**'} |`).join('\n')}

## One transfer's statements

Traced in each server process (every statement's text as it was sent), one transfer at a time, nothing else running. *Under the lock*: the statements after the one that locks the financial account's row, up to and including COMMIT; each is a round trip to PostgreSQL while every other transfer of that account waits.

| | statements | in its transaction (BEGIN … COMMIT) | round trips under the lock |
|---|---|---|---|
| gateway | ${t.gateway.statements} | ${t.gateway.inTransaction} | ${t.gateway.underLock} |
| peer | ${t.peer.statements} | ${t.peer.inTransaction} | ${t.peer.underLock} |

Gateway:

${trace('gateway')}

Peer:

${trace('peer')}

## CPU profiles by package

Self time of the main thread by where the function lives (npm package, the server's own code by directory, Node's internals, V8's builtins and garbage collector), from a V8 CPU profile (sampling every 0.5 ms) over ${r.config.profiled} transfers at 8 clients over the ${r.config.spreadAccounts} accounts, taken after the measured rounds so the profiler's overhead is in no number above. The CPU column spreads the measured CPU per transfer over the shares.

${profile('gateway')}
${profile('peer')}

## Every other movement through the gateway

One request at a time through the same gateway process, traced as above; the object a step acts on made just before through the API (not counted). *Statements* counts all the request sent (authentication and the answer's read included); where Stripe moves the flow on by itself shortly after, what that step sent is in the last column. These requests carry no idempotency key (the mixed workload's inputs); with one, a request adds the key's lookup and its record, both under the lock, through the same helper (\`idempotently\`): createOutboundTransfer's ${r.movements[0].request.statements} here against ${r.traces.gateway.statements} in the trace above.

| mutation | statements | in its transaction | under the lock | afterwards, by itself |
|---|---|---|---|---|
${r.movements.map(movement).join('\n')}
`;
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
