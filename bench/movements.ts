// The money-movements benchmark: how many outbound transfers per second the
// ledger takes on one financial account (every movement serialised by that
// account's row lock) and spread over many, on a real PostgreSQL. See
// bench/README.md.
//
//   npm run bench:movements   (BENCH_DATABASE_URL, default postgres://root@127.0.0.1:5432/postgres)
//
// Two drivers, each at 1 and 8 concurrent clients:
// - `api`: createOutboundTransfer through the real server over HTTP, sent by
//   the load client in its own process (bench/http-load.ts); runs when the
//   schema has the mutation;
// - `writer`: the same ledger work without HTTP and GraphQL, in this process:
//   one database transaction that locks the account, checks its cash, opens the
//   transaction and writes its hold entry through the ledger writer: the floor
//   the API's figures stand on.
// After each driver the ledger's invariants are checked (every balance equals
// its entries, every transaction its entries, no negative cash) and each
// account's balance is compared with what the accepted movements make it.
// Then, through the API, a mixed workload of every money movement over
// accounts of several owners (bench/movements-mixed.ts), at 1 and 8 clients.
//
// It creates its own database and drops it at the end, also on failure or Ctrl-C.
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Database } from '../src/db/database.ts';
import { lockFinancialAccountRow, balanceSumsOf } from '../src/db/financial-accounts.ts';
import { newFlowId, openTransaction, type LedgerAccount } from '../src/db/ledger.ts';
import { checkSufficientFunds, nextOutboundTransfer } from '../src/domain/money-movements/index.ts';
import { balanceFromSums } from '../src/domain/ledger.ts';
import { schema } from '../src/graphql/schema.ts';
import { buildServer, type GatewayServer } from '../src/server.ts';
import { createPlatform } from '../test/support/fixtures.ts';
import { checkMixedInvariants, describeMixed, fillMixed, mixedMarkdown, probeMixed, runMixed, type MixedMeasurement, type MixedWorld } from './movements-mixed.ts';
import { checkTransferInvariants, fillTransferAccounts, loader, onScratchDatabase, log, machineFacts, postOnce, redact, round1, round2, scalar, summarize, type LatencySummary, envInt } from './common.ts';

const env = process.env;
const int = envInt;

const CONFIG = {
  serverUrl: env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/postgres',
  poolSize: 10,
  /** Financial accounts the spread scenario goes round. */
  spreadAccounts: int('BENCH_MOVEMENTS_ACCOUNTS', 16),
  /** Movements measured per scenario and concurrency, after the warm-up. */
  requests: int('BENCH_MOVEMENTS_REQUESTS', 400),
  warmup: int('BENCH_MOVEMENTS_WARMUP', 40),
  concurrencies: [1, 8],
  /** Each movement, in cents. */
  amount: 1_00,
  /** Each account's opening cash, one received credit of Stripe's largest amount: far more than the movements take. */
  funding: 99_999_999,
  loopCapMs: int('BENCH_LOOP_CAP_MS', 120_000),
  /** The mixed workload: requests per concurrency (after a warm-up mix), owners and their financial accounts, the mix's seed. */
  mixedRequests: int('BENCH_MOVEMENTS_MIXED_REQUESTS', 220),
  mixedWarmup: int('BENCH_MOVEMENTS_MIXED_WARMUP', 22),
  mixedOwners: int('BENCH_MOVEMENTS_MIXED_OWNERS', 4),
  mixedAccountsPerOwner: int('BENCH_MOVEMENTS_MIXED_ACCOUNTS_PER_OWNER', 3),
  mixedSeed: int('BENCH_MOVEMENTS_MIXED_SEED', 20261201),
  runCapMs: int('BENCH_RUN_CAP_MS', 10 * 60_000),
};

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));

const CREATE_TRANSFER = `mutation BenchTransfer($input: CreateOutboundTransferInput!) {
  createOutboundTransfer(input: $input) { outboundTransfer { id } userErrors { code message } }
}`;

type Scenario = 'one account' | 'spread';

interface Measurement {
  driver: 'api' | 'writer';
  scenario: Scenario;
  concurrency: number;
  accounts: number;
  requests: number;
  /** Movements the ledger accepted (counted in the database), of `requests`. */
  accepted: number;
  cappedByTime: boolean;
  wallSeconds: number;
  movementsPerSecond: number;
  latencyMs: LatencySummary;
  loadAverage1m: { before: number; after: number };
}

interface World {
  secretKey: string;
  /** Each financial account's owner's bank account (a payment method), where its transfers go. */
  destinations: Map<string, string>;
  one: LedgerAccount;
  spread: LedgerAccount[];
  /** The mixed workload's owners and accounts, apart from the transfer scenarios' (whose balance check they would break). */
  mixed: MixedWorld;
}

async function main() {
  const startedAt = new Date();
  await onScratchDatabase(CONFIG, async ({ db, own }) => {
    const server = buildServer({
      db,
      accountSessionTtlSeconds: 1800,
      graphiql: false,
      featureActivationSweepMs: 3_600_000,
      featureActivationDelayMs: 0,
      // One key sends every request: the benchmark measures the ledger, not the budget.
      rateLimit: false,
      logError: (e) => log(`server error: ${e}`),
    });
    own(() => server.stop());
    const world = await fill({ db, server });
    const machine = await machineFacts(db);
    const apiAvailable = Boolean(schema.getMutationType()?.getFields().createOutboundTransfer);
    const mutations = schema.getMutationType()?.getFields() ?? {};
    const mixedAvailable = ['createReceivedCredit', 'createReceivedDebit', 'createOutboundTransfer', 'postOutboundTransfer', 'cancelOutboundTransfer', 'createOutboundPayment', 'createInboundTransfer', 'succeedInboundTransfer', 'createCreditReversal', 'createDebitReversal'].every((name) => Boolean(mutations[name]));
    const mixed: MixedMeasurement[] = [];
    let mixedInvariants: Awaited<ReturnType<typeof checkMixedInvariants>> | undefined;

    const measurements: Measurement[] = [];
    const invariants: Record<string, unknown> = {};

    // ------------------------------------------------------------ writer
    for (const scenario of ['one account', 'spread'] as const) {
      for (const concurrency of CONFIG.concurrencies) {
        const accounts = scenario === 'one account' ? [world.one] : world.spread;
        await writerRun(db, server, accounts, CONFIG.warmup, concurrency);
        measurements.push(await measure(db, 'writer', scenario, accounts, concurrency, () => writerRun(db, server, accounts, CONFIG.requests, concurrency)));
        log(describe(measurements.at(-1)!));
      }
    }
    invariants.writer = await checkInvariants(db, world);

    // ------------------------------------------------------------ api
    if (apiAvailable) {
      const { url } = await server.start(0, '127.0.0.1');
      log(`server on ${url}`);
      const client = fork(fileURLToPath(new URL('./http-load.ts', import.meta.url)));
      own(() => client.connected && client.disconnect());
      const load = loader(client);
      const headers = { authorization: `Bearer ${world.secretKey}` };
      const body = (fa: LedgerAccount) =>
        JSON.stringify({
          query: CREATE_TRANSFER,
          variables: {
            input: {
              financialAccount: fa.id,
              amount: CONFIG.amount,
              currency: 'usd',
              destinationPaymentMethod: world.destinations.get(fa.id),
              destinationPaymentMethodOptions: { usBankAccount: { network: 'ACH' } },
            },
          },
        });
      // One answer checked in full: a refusal would otherwise be counted as a fast movement.
      const probe = await postOnce(url, headers, CREATE_TRANSFER, JSON.parse(body(world.one)).variables);
      if (probe.errors || probe.data?.createOutboundTransfer?.userErrors?.length) throw new Error(`api: ${JSON.stringify(probe).slice(0, 500)}`);
      for (const scenario of ['one account', 'spread'] as const) {
        for (const concurrency of CONFIG.concurrencies) {
          const accounts = scenario === 'one account' ? [world.one] : world.spread;
          const job = { url, headers, bodies: accounts.map(body), concurrency, timeCapMs: CONFIG.loopCapMs };
          await load({ ...job, total: CONFIG.warmup });
          const m = await measure(db, 'api', scenario, accounts, concurrency, async () => {
            const run = await load({ ...job, total: CONFIG.requests });
            if (run.firstError) throw new Error(`api ${scenario} × ${concurrency}: ${run.firstError}`);
            return { latencies: run.samples.map((s) => s[1]), wallMs: run.wallMs, cappedByTime: run.cappedByTime };
          });
          measurements.push(m);
          log(describe(m));
        }
      }
      invariants.api = await checkInvariants(db, world);

      // ---------------------------------------------------------- mixed (api)
      if (mixedAvailable) {
        const job = { url, headers, timeCapMs: CONFIG.loopCapMs };
        await probeMixed(url, headers, world.mixed);
        for (const concurrency of CONFIG.concurrencies) {
          // A warm-up mix of its own seed, then the measured one: the same mix at every concurrency.
          await runMixed(db, load, job, world.mixed, { total: CONFIG.mixedWarmup, seed: CONFIG.mixedSeed + 1, concurrency });
          mixed.push(await runMixed(db, load, job, world.mixed, { total: CONFIG.mixedRequests, seed: CONFIG.mixedSeed, concurrency }));
          log(describeMixed(mixed.at(-1)!));
        }
        mixedInvariants = await checkMixedInvariants(db, world.mixed, 30_000);
        invariants.mixed = mixedInvariants;
      } else {
        log('mixed: the schema lacks some money movement; the mixed workload is not measured');
      }
    } else {
      log('api: the schema has no createOutboundTransfer yet; only the writer is measured');
    }

    const results = {
      benchmark: 'movements',
      startedAt: startedAt.toISOString(),
      durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      machine,
      config: { ...CONFIG, serverUrl: redact(CONFIG.serverUrl) },
      apiAvailable,
      measurements,
      mixed,
      invariants,
    };
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(`${RESULTS_DIR}movements.json`, JSON.stringify(results, null, 2) + '\n');
    writeFileSync(`${RESULTS_DIR}movements.md`, markdown(results));
    log(`wrote ${RESULTS_DIR}movements.md and movements.json`);
  });
}

// ---------------------------------------------------------------- data

async function fill(world: { db: Database; server: GatewayServer }): Promise<World> {
  const { platformId, secretKey } = await createPlatform(world, { name: 'Bench Platform' });
  const { accounts, destinations } = await fillTransferAccounts(world, platformId, { count: CONFIG.spreadAccounts + 1, funding: CONFIG.funding });
  const [one, ...spread] = accounts;
  const mixed = await fillMixed(world, platformId, secretKey, { owners: CONFIG.mixedOwners, accountsPerOwner: CONFIG.mixedAccountsPerOwner, funding: CONFIG.funding });
  return { secretKey, destinations, one, spread, mixed };
}

// ---------------------------------------------------------------- drivers

/**
 * What createOutboundTransfer does to the ledger, without the API: lock the
 * account (the lock that serialises its movements), read its cash, check it
 * covers the amount, open the transaction and write the hold entry.
 */
async function writerMovement(server: GatewayServer, fa: LedgerAccount): Promise<void> {
  await server.services.unitOfWork.run(async (tx) => {
    await lockFinancialAccountRow(tx, fa.id);
    const balance = balanceFromSums(['usd'], await balanceSumsOf(tx, fa.id));
    const amount = BigInt(CONFIG.amount);
    const funds = checkSufficientFunds(balance, { currency: 'usd', amount });
    if (!funds.ok) throw new Error(funds.message);
    const at = new Date();
    const step = nextOutboundTransfer(null, { type: 'create', amount, at });
    if (!step.ok) throw new Error(step.message);
    const flow = { id: newFlowId('outbound_transfer'), type: 'outbound_transfer' as const };
    // Opened with its hold entry in one statement, as a movement's step writes it.
    await openTransaction(tx, { financialAccount: fa, currency: 'usd', amount: -amount, description: 'Bench transfer', flow, at }, step.entries.map((e) => ({ ...e, at })));
  });
}

/** `total` movements over `concurrency` loops, round the accounts; latency of each. */
async function writerRun(_db: Database, server: GatewayServer, accounts: LedgerAccount[], total: number, concurrency: number) {
  const latencies: number[] = [];
  let next = 0;
  let cappedByTime = false;
  const started = performance.now();
  const deadline = started + CONFIG.loopCapMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        if (performance.now() > deadline) {
          cappedByTime = true;
          return;
        }
        const fa = accounts[next++ % accounts.length];
        const t0 = performance.now();
        await writerMovement(server, fa);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, wallMs: performance.now() - started, cappedByTime };
}

async function measure(
  db: Database,
  driver: Measurement['driver'],
  scenario: Scenario,
  accounts: LedgerAccount[],
  concurrency: number,
  run: () => Promise<{ latencies: number[]; wallMs: number; cappedByTime: boolean }>,
): Promise<Measurement> {
  const count = () => scalar(db, `SELECT count(*)::text AS v FROM "Transaction" WHERE "flowType" = 'outbound_transfer'`).then(Number);
  const before = await count();
  const loadBefore = loadavg()[0];
  const result = await run();
  const loadAfter = loadavg()[0];
  const accepted = (await count()) - before;
  return {
    driver,
    scenario,
    concurrency,
    accounts: accounts.length,
    requests: result.latencies.length,
    accepted,
    cappedByTime: result.cappedByTime,
    wallSeconds: Math.round(result.wallMs) / 1000,
    movementsPerSecond: round1(accepted / (result.wallMs / 1000)),
    latencyMs: summarize(result.latencies),
    loadAverage1m: { before: round2(loadBefore), after: round2(loadAfter) },
  };
}

/** The ledger's invariants, and every account's balance equal to its funding less what its transfers hold. */
function checkInvariants(db: Database, world: World) {
  return checkTransferInvariants(db, [world.one.id, ...world.spread.map((fa) => fa.id)], CONFIG.funding);
}

// ---------------------------------------------------------------- report

function describe(m: Measurement) {
  return `${m.driver} ${m.scenario} × ${m.concurrency}: ${m.movementsPerSecond}/s, p50 ${m.latencyMs.p50} ms, p99 ${m.latencyMs.p99} ms (${m.accepted}/${m.requests} accepted)`;
}

type Results = {
  startedAt: string;
  durationSeconds: number;
  machine: Awaited<ReturnType<typeof machineFacts>>;
  apiAvailable: boolean;
  measurements: Measurement[];
  mixed: MixedMeasurement[];
  invariants: Record<string, any>;
};

function markdown(r: Results): string {
  const m = r.machine;
  const row = (x: Measurement) =>
    `| ${x.driver} | ${x.scenario} (${x.accounts}) | ${x.concurrency} | ${x.accepted} / ${x.requests}${x.cappedByTime ? ' (time cap)' : ''} | **${x.movementsPerSecond}** | ${x.latencyMs.p50} | ${x.latencyMs.p95} | ${x.latencyMs.p99} | ${x.loadAverage1m.before} → ${x.loadAverage1m.after} |`;
  const find = (driver: string, scenario: string, c: number) => r.measurements.find((x) => x.driver === driver && x.scenario === scenario && x.concurrency === c);
  const meaning: string[] = [];
  for (const driver of ['writer', 'api'] as const) {
    const one1 = find(driver, 'one account', 1);
    const one8 = find(driver, 'one account', 8);
    const spread8 = find(driver, 'spread', 8);
    if (!one1 || !one8 || !spread8) continue;
    meaning.push(
      `${driver === 'api' ? 'Through the API' : 'The ledger writer alone'}: one account takes ${one1.movementsPerSecond} movements/s from one client and ${one8.movementsPerSecond}/s from 8 ` +
        `(p99 ${one8.latencyMs.p99} ms: the 8 queue on the account's row lock, one transaction at a time); spread over ${spread8.accounts} accounts, 8 clients get ${spread8.movementsPerSecond}/s ` +
        `(×${round2(spread8.movementsPerSecond / one8.movementsPerSecond)} of one account at the same concurrency).`,
    );
  }
  return `# Movements benchmark

Generated by \`npm run bench:movements\` (bench/movements.ts) on ${r.startedAt} in ${r.durationSeconds} s. Raw numbers: [movements.json](movements.json).

## Machine

| | |
|---|---|
| Node | ${m.node} |
| CPUs (\`nproc\`) | ${m.nproc} × ${m.cpuModel} |
| Memory | ${m.memoryGiB} GiB |
| PostgreSQL | ${m.postgres} |
| Commit | ${m.gitCommit} |
| 1-minute load average at start | ${m.loadAverage1m} |

The gateway, ${r.apiAvailable ? 'the HTTP load client (a separate Node process) ' : ''}and PostgreSQL share these cores; the machine is shared with other work (see the load averages).

## What is measured

Each movement is an outbound transfer of $${CONFIG.amount / 100} from a funded financial account: one database transaction that locks the account, checks its cash (Stripe's \`balance_insufficient\`), opens the transaction with its hold entry (cash −, outbound pending +) in one statement. ${CONFIG.requests} movements per row after ${CONFIG.warmup} of warm-up; *one account* sends them all to one financial account, *spread* goes round ${CONFIG.spreadAccounts}.

- **writer**: the ledger work alone, in the benchmark's process (no HTTP, no GraphQL): the floor.
- **api**: \`createOutboundTransfer\` through the real server over HTTP on 127.0.0.1, from the load client in its own process.${r.apiAvailable ? '' : ' *Not measured in this run: the schema had no `createOutboundTransfer` yet.*'}

*Accepted* is counted in the database (transactions written), not from the answers.

| driver | scenario (accounts) | clients | accepted / sent | movements/s | p50 ms | p95 ms | p99 ms | load average |
|---|---|---|---|---|---|---|---|---|
${r.measurements.map(row).join('\n')}

## Invariants after the run

${Object.entries(r.invariants)
  .filter(([driver]) => driver !== 'mixed')
  .map(([driver, v]) => `- after **${driver}**: ${v.violations} violations of the ledger's invariants (every balance equals its entries, every transaction its entries, no negative cash); ${v.accountsChecked} accounts each at its funding less its transfers' holds (cash) and those holds (outbound pending); ${v.negativeCash} with negative cash; ${v.transfersHeldCents} cents held in all.`)
  .join('\n')}

## What the numbers mean

${meaning.join(' ')}
${mixedMarkdown(r.mixed, r.invariants.mixed, CONFIG.mixedWarmup)}`;
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
