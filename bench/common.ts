// What the benchmarks share: percentiles, the machine's facts, the forked
// load client's protocol, a database server's admin statements, small formats.
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import type { LoadJob, LoadResult } from './http-load.ts';
import { ledgerViolations } from '../test/support/ledger-checks.ts';
import { createConnectedAccount, createFinancialAccount, createPaymentMethod, fundFinancialAccount, type World } from '../test/support/fixtures.ts';
import type { LedgerAccount } from '../src/db/ledger.ts';

export interface LatencySummary {
  n: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles: every reported value is one that was observed. */
export function summarize(values: number[]): LatencySummary {
  const sorted = [...values].sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    n: sorted.length,
    min: round(sorted[0]),
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(sorted[sorted.length - 1]),
    mean: round(sorted.reduce((s, x) => s + x, 0) / sorted.length),
  };
}

export const ratio = (x: number, y: number) => Math.round((x / y) * 100) / 100;

export function loader(child: ChildProcess) {
  let queue = Promise.resolve() as Promise<unknown>;
  // One job at a time: a job's numbers must not include another's load.
  return (job: LoadJob): Promise<LoadResult> => {
    const run = queue.then(
      () =>
        new Promise<LoadResult>((resolve, reject) => {
          const onExit = (code: number | null) => reject(new Error(`load client exited (${code})`));
          child.once('exit', onExit);
          child.once('message', (result) => {
            child.off('exit', onExit);
            resolve(result as LoadResult);
          });
          child.send(job);
        }),
    );
    queue = run.catch(() => {});
    return run;
  };
}

export async function postOnce(url: string, headers: Record<string, string>, query: string, variables?: Record<string, unknown>): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as any;
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

export async function machineFacts(db: Database) {
  const settings = await db.pool.query<{ name: string; setting: string; unit: string | null }>(
    `SELECT name, setting, unit FROM pg_settings
     WHERE name IN ('shared_buffers', 'work_mem', 'effective_cache_size', 'max_parallel_workers_per_gather', 'jit', 'random_page_cost')`,
  );
  const sh = (cmd: string, args: string[]) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  };
  return {
    node: process.version,
    nproc: Number(sh('nproc', [])) || cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    postgres: await scalar(db, 'SELECT version() AS v'),
    postgresSettings: Object.fromEntries(settings.rows.map((r) => [r.name, r.unit ? `${r.setting} (${r.unit})` : r.setting])),
    gitCommit: sh('git', ['rev-parse', '--short', 'HEAD']),
    // Other work on the machine shows up in every latency: the load says how much there was.
    loadAverage1m: round2(loadavg()[0]),
  };
}

export async function scalar(db: Database, sql: string, params: unknown[] = []): Promise<string> {
  const { rows } = await db.pool.query<{ v: string }>(sql, params);
  return rows[0].v;
}

export async function adminQuery(serverUrl: string, sql: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

export function log(message: string) {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

export function ms(x: number) {
  return x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`;
}

export function round1(x: number) {
  return Math.round(x * 10) / 10;
}

export function round2(x: number) {
  return Math.round(x * 100) / 100;
}

export function redact(url: string) {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}


/** A run's own database, and what the run started that must stop when it ends. */
export interface ScratchRun {
  db: Database;
  /** The scratch database's URL, for servers started in other processes. */
  url: string;
  /** Something to stop when the run ends (the server, the load client); stopped in reverse order. */
  own(stop: () => unknown): void;
}

/**
 * Runs a benchmark on a fresh, migrated database of its own on the server at
 * `serverUrl`, and drops it afterwards however the run ends: finished, failed,
 * interrupted, or over its time cap. A benchmark left running, or stopped by
 * hand, must not leave a large database behind.
 */
export async function onScratchDatabase(
  config: { serverUrl: string; poolSize: number; runCapMs: number },
  body: (run: ScratchRun) => Promise<void>,
): Promise<void> {
  const dbName = `gateway_bench_${randomBytes(6).toString('hex')}`;
  const dbUrl = new URL(config.serverUrl);
  dbUrl.pathname = `/${dbName}`;
  log(`database ${dbName} on ${redact(config.serverUrl)}`);

  let db: Database | null = null;
  let created = false;
  const owned: Array<() => unknown> = [];
  let cleaning: Promise<void> | null = null;
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const stop of owned.splice(0).reverse()) await Promise.resolve().then(stop).catch(() => {});
      // DROP … WITH (FORCE) terminates any connection still open; that must not crash a run whose results are written.
      db?.pool.on('error', () => {});
      await db?.close().catch(() => {});
      if (created) {
        await adminQuery(config.serverUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch((e) => log(`could not drop ${dbName}: ${e}`));
      }
      log(`dropped ${dbName}`);
    })());
  const abandon = (why: string) => {
    log(`abandoning the run: ${why}`);
    void cleanup().finally(() => process.exit(1));
  };
  const watchdog = setTimeout(() => abandon(`over the ${config.runCapMs / 1000}s run cap`), config.runCapMs);
  watchdog.unref();
  process.once('SIGINT', () => abandon('interrupted'));
  process.once('SIGTERM', () => abandon('terminated'));

  try {
    await adminQuery(config.serverUrl, `CREATE DATABASE ${dbName}`);
    created = true;
    // A connection still closing when DROP … WITH (FORCE) runs is terminated by it: expected then, and not worth a stack trace.
    db = await openDatabase(
      { kind: 'postgres', url: dbUrl.toString(), poolSize: config.poolSize },
      { logError: (error) => cleaning === null && log(`database pool: ${error}`) },
    );
    await migrate(db);
    await body({ db, url: dbUrl.toString(), own: (stop) => void owned.push(stop) });
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
}

/**
 * The Node.js flags `npm start` runs the gateway with (package.json's start script: the flags
 * between `node` and `--import`), so that a benchmark serves the gateway as production does.
 */
export function gatewayNodeFlags(): string[] {
  const scripts = (JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const match = /\bnode((?: --[\w-]+(?:=\S+)?)*?) --import tsx\b/.exec(scripts.start);
  if (!match) throw new Error(`package.json's start script is not \`node [flags] --import tsx ...\`: ${scripts.start}`);
  return match[1].split(' ').filter(Boolean);
}

/** A server to start as a process of its own: its script, working directory, Node.js flags and environment. */
export interface ServerProcessSpec {
  name: string;
  cwd: string;
  script: string;
  execArgv: string[];
  env?: Record<string, string>;
}

/**
 * Forks a server (serve-gateway.ts, a peer) over `databaseUrl` on a free port, and resolves when
 * it reports its URL over IPC (`{ ready: url }`).
 */
export function startServer(spec: ServerProcessSpec, databaseUrl: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = fork(spec.script, [], {
      cwd: spec.cwd,
      execArgv: spec.execArgv,
      env: { ...process.env, ...spec.env, DATABASE_URL: databaseUrl, PORT: '0' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const onExit = (code: number | null) => reject(new Error(`${spec.name} exited (${code}) before it was ready`));
    child.once('exit', onExit);
    child.on('message', function onReady(message: any) {
      if (message && typeof message.ready === 'string') {
        child.off('exit', onExit);
        child.off('message', onReady);
        resolve({ child, url: message.ready });
      }
    });
  });
}

/** One question to a server's probe (server-probe.mjs), one answer. */
export function ask(child: ChildProcess, probe: string, extra: Record<string, unknown> = {}): Promise<any> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: any) => {
      if (message?.probe !== probe) return;
      child.off('message', onMessage);
      if (message.error) reject(new Error(message.error));
      else resolve(message);
    };
    child.on('message', onMessage);
    child.send({ probe, ...extra });
  });
}

/**
 * After outbound transfers only (from accounts each funded once with `funding` cents): the ledger's
 * invariants over the whole database (every balance equals its entries, every transaction its
 * entries, no negative cash), and each of these accounts' cash equal to its funding less its
 * transfers' holds and its outbound pending equal to those holds. Throws when one is broken.
 */
export async function checkTransferInvariants(db: Database, accountIds: string[], funding: number) {
  const violations = await ledgerViolations(db);
  const { rows } = await db.pool.query<{ id: string; cash: string; outbound: string; held: string }>(
    `SELECT b."financialAccountId" AS id, b."cash"::text AS cash, b."outboundPending"::text AS outbound,
            coalesce((SELECT -SUM(t."amount") FROM "Transaction" t WHERE t."financialAccountId" = b."financialAccountId" AND t."flowType" = 'outbound_transfer'), 0)::text AS held
     FROM "FinancialAccountBalance" b WHERE b."financialAccountId" = ANY($1)`,
    [accountIds],
  );
  const mismatches = rows.filter((r) => BigInt(r.cash) !== BigInt(funding) - BigInt(r.held) || BigInt(r.outbound) !== BigInt(r.held));
  const negativeCash = rows.filter((r) => BigInt(r.cash) < 0n).length;
  const held = rows.reduce((sum, r) => sum + BigInt(r.held), 0n);
  if (violations.length || mismatches.length) {
    throw new Error(`ledger invariants broken: ${JSON.stringify({ violations: violations.slice(0, 5), mismatches: mismatches.slice(0, 5) })}`);
  }
  return {
    violations: violations.length,
    accountsChecked: rows.length,
    balancesEqualFundingLessHolds: true,
    negativeCash,
    transfersHeldCents: held.toString(),
  };
}

/** A connected account may have only so many open financial accounts: the transfer benchmarks give each owner this many. */
const FINANCIAL_ACCOUNTS_PER_OWNER = 4;

/**
 * `count` financial accounts able to send outbound transfers over ACH (ABA addresses and the
 * feature active), over as many owners (connected accounts) as they need, each owner with a bank
 * account (a payment method) to send to, and each account funded by one received credit of
 * `funding` cents, as Stripe's test mode funds one. All through the services (the fixtures).
 */
export async function fillTransferAccounts(world: World, platformId: string, options: { count: number; funding: number }) {
  const destinations = new Map<string, string>();
  const accounts: LedgerAccount[] = [];
  while (accounts.length < options.count) {
    const owner = await createConnectedAccount(world, platformId);
    const destination = await createPaymentMethod(world, { platformId, accountId: owner.id }, { name: 'Bench Payee' });
    for (let j = 0; j < FINANCIAL_ACCOUNTS_PER_OWNER && accounts.length < options.count; j++) {
      const fa = await createFinancialAccount(world, { platformId, accountId: owner.id }, { nickname: `bench ${accounts.length}`, features: ['financial_addresses_aba', 'outbound_transfers_ach'] });
      destinations.set(fa.id, destination.id);
      accounts.push(fa);
    }
  }
  for (const fa of accounts) await fundFinancialAccount(world, fa, BigInt(options.funding));
  return { accounts, destinations };
}

/** A whole-number setting of a benchmark from the environment, else its default. */
export function envInt(name: string, fallback: number): number {
  const value = process.env[name];
  return value ? Number.parseInt(value, 10) : fallback;
}

/** The installed versions of `names` under `dir` (a folder with node_modules, ending in a slash); null where one is missing. */
export function packageVersions(dir: string, names: string[]): Record<string, string | null> {
  const version = (name: string) => {
    try {
      return JSON.parse(readFileSync(`${dir}node_modules/${name}/package.json`, 'utf8')).version as string;
    } catch {
      return null;
    }
  };
  return Object.fromEntries(names.map((name) => [name, version(name)]));
}
