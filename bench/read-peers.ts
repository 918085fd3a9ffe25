// The read graph side by side: the gateway, PostGraphile v5 over the same
// tables, and a hand-written graphql-js + pg + dataloader server, each in a
// process of its own, over one scratch PostgreSQL database, driven by one load
// client in its own process, in rotating order. See bench/README.md.
//
//   (cd bench/peers && npm ci)        # once: the peers' own install
//   npm run bench:peers
//
// BENCH_GATEWAYS="before=/path/to/an/older/checkout,..." adds those gateways as
// more servers (the same benchmark before and after each change, in one run).
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../src/server.ts';
import { createConnectedAccount, createFinancialAccount, createFlows, createPlatform } from '../test/support/fixtures.ts';
import { ask, gatewayNodeFlags, loader, log, machineFacts, onScratchDatabase, postOnce, round1, round2, startServer, summarize, type LatencySummary, envInt, packageVersions } from './common.ts';
import type { LoadResult } from './http-load.ts';
import { FOUR_LEVELS, mixedFlows } from './read-graph-queries.ts';

const env = process.env;
const int = envInt;

const CONFIG = {
  serverUrl: env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/postgres',
  poolSize: 10,
  connectedAccounts: 10,
  financialAccountsEach: 10,
  rounds: int('BENCH_PEERS_ROUNDS', 3),
  /** Per server and round. */
  warmup: int('BENCH_PEERS_WARMUP', 16),
  singleRequests: int('BENCH_PEERS_SINGLE', 15),
  loadedRequests: int('BENCH_PEERS_REQUESTS', 80),
  concurrency: 8,
  /** Requests under the CPU profiler, per server, after the measured rounds. */
  profiledRequests: int('BENCH_PEERS_PROFILED', 60),
  loopCapMs: int('BENCH_LOOP_CAP_MS', 120_000),
  runCapMs: int('BENCH_RUN_CAP_MS', 25 * 60_000),
  /** BENCH_GATEWAYS="before=/path/to/checkout,other=/path": more gateways in the same run, by name. */
  otherGateways: (env.BENCH_GATEWAYS ?? '')
    .split(',')
    .filter(Boolean)
    .map((item) => {
      const root = item.slice(item.indexOf('=') + 1).replace(/\/$/, '');
      // Named in the results by the commit checked out there, which says what that gateway is.
      const [commit, ...subject] = execFileSync('git', ['-C', root, 'log', '-1', '--format=%h %s'], { encoding: 'utf8' }).trim().split(' ');
      return { name: item.slice(0, item.indexOf('=')), root, commit, subject: subject.join(' ') };
    }),
};

const BENCH_DIR = fileURLToPath(new URL('./', import.meta.url));
/** The flags `npm start` gives Node.js (package.json): the gateway is measured as it runs in production. */
const NODE_FLAGS = gatewayNodeFlags();
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PEERS_DIR = `${BENCH_DIR}peers/`;
const PROBE = `${BENCH_DIR}server-probe.mjs`;
const RESULTS_DIR = `${BENCH_DIR}results/`;

/**
 * The dashboard in PostGraphile's names: the same four levels, page sizes, order and columns. The amber
 * preset offers conditions on indexed columns only (`platformId`, not `kind`), so the platform's own
 * account row, the newest of the platform's accounts, is stepped over with `offset: 1`.
 */
const POSTGRAPHILE_FOUR_LEVELS = `query FourLevels($platformId: String!) {
  allAccounts(first: 10, offset: 1, condition: { platformId: $platformId }, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) {
    pageInfo { hasNextPage endCursor }
    nodes {
      rowId
      displayName
      accountCapabilitiesByAccountId { nodes { name status } }
      financialAccountsByAccountId(first: 10, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) {
        nodes {
          rowId
          nickname
          status
          featureSettingsByFinancialAccountId { nodes { feature requested status } }
          financialAccountBalancesByFinancialAccountId { nodes { currency cash inboundPending outboundPending } }
          financialAddressesByFinancialAccountId { nodes { routingNumber accountNumberLast4 bankName } }
          transactionsByFinancialAccountId(first: 20, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) {
            pageInfo { hasNextPage endCursor }
            nodes {
              rowId
              amount
              currency
              description
              status
              flowType
              createdAt
              postedAt
              voidAt
              transactionEntriesByTransactionId(first: 5, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) {
                nodes { rowId type effectiveAt cashImpact inboundPendingImpact outboundPendingImpact }
              }
            }
          }
        }
      }
    }
  }
}`;

interface PeerSpec {
  name: string;
  description: string;
  cwd: string;
  script: string;
  execArgv: string[];
  env?: Record<string, string>;
  /** Directories whose files count as the server's own code in its profile. */
  ownRoots: string[];
  body: (fixture: Fixture) => string;
}

interface Fixture {
  secretKey: string;
  platformId: string;
  transactions: number;
}

function peers(): PeerSpec[] {
  const gatewayBody = () => JSON.stringify({ query: FOUR_LEVELS });
  const postgraphileBody = (f: Fixture) => JSON.stringify({ query: POSTGRAPHILE_FOUR_LEVELS, variables: { platformId: f.platformId } });
  const flagsText = NODE_FLAGS.join(' ');
  const list: PeerSpec[] = [
    {
      name: 'gateway',
      description: `the gateway (graphql-yoga, Pothos, dataloader, Prisma over pg), auth, scope, cost, limits, input checks and budget on, run as \`npm start\` runs it (${flagsText})`,
      cwd: ROOT,
      script: `${BENCH_DIR}serve-gateway.ts`,
      execArgv: [...NODE_FLAGS, '--import', 'tsx', '--import', PROBE],
      ownRoots: [`${ROOT}src`, `${ROOT}bench`],
      body: gatewayBody,
    },
    ...(NODE_FLAGS.length
      ? [
          {
            name: 'gateway-no-flags',
            description: `the same gateway with Node.js's defaults (without ${flagsText})`,
            cwd: ROOT,
            script: `${BENCH_DIR}serve-gateway.ts`,
            execArgv: ['--import', 'tsx', '--import', PROBE],
            ownRoots: [`${ROOT}src`, `${ROOT}bench`],
            body: gatewayBody,
          },
        ]
      : []),
    {
      name: 'postgraphile',
      description: 'PostGraphile 5.1.5, amber preset, over the same tables (its own schema and names; no auth), with Node.js\'s defaults as it ships',
      cwd: PEERS_DIR,
      script: `${PEERS_DIR}postgraphile.mjs`,
      execArgv: ['--import', './with-resolvers.mjs', '--import', PROBE],
      env: { GRAPHILE_ENV: 'production' },
      ownRoots: [PEERS_DIR.replace(/\/$/, '')],
      body: postgraphileBody,
    },
    ...(NODE_FLAGS.length
      ? [
          {
            name: 'postgraphile-flags',
            description: `the same PostGraphile with the gateway's Node.js flags (${flagsText})`,
            cwd: PEERS_DIR,
            script: `${PEERS_DIR}postgraphile.mjs`,
            execArgv: [...NODE_FLAGS, '--import', './with-resolvers.mjs', '--import', PROBE],
            env: { GRAPHILE_ENV: 'production' },
            ownRoots: [PEERS_DIR.replace(/\/$/, '')],
            body: postgraphileBody,
          },
        ]
      : []),
    {
      name: 'baseline',
      description: 'hand-written graphql-js + pg + dataloader over the gateway\'s schema, the gateway\'s 9 statements, API-key auth and scope, no limits',
      cwd: PEERS_DIR,
      script: `${PEERS_DIR}baseline.mjs`,
      execArgv: ['--import', PROBE],
      ownRoots: [PEERS_DIR.replace(/\/$/, '')],
      body: gatewayBody,
    },
  ];
  // Other checkouts of the gateway (e.g. the commits before each change), served the same way, after the gateway.
  CONFIG.otherGateways.forEach(({ name, root, commit, subject }, i) => {
    list.splice(1 + i, 0, {
      name,
      description: `the gateway at commit ${commit} ("${subject}"), same settings`,
      cwd: root,
      script: `${BENCH_DIR}serve-gateway.ts`,
      execArgv: [...NODE_FLAGS, '--import', 'tsx', '--import', PROBE],
      env: { GATEWAY_ROOT: root },
      ownRoots: [`${root}/src`, `${ROOT}bench`],
      body: gatewayBody,
    });
  });
  return list;
}

interface Running {
  spec: PeerSpec;
  child: ChildProcess;
  url: string;
  body: string;
}

async function start(spec: PeerSpec, databaseUrl: string): Promise<Running> {
  const { child, url } = await startServer(spec, databaseUrl);
  return { spec, child, url, body: '' };
}

interface Tally {
  samples: LoadResult['samples'];
  wallMs: number;
  cpuMs: number;
  statements: number;
  cappedByTime: boolean;
}
const emptyTally = (): Tally => ({ samples: [], wallMs: 0, cpuMs: 0, statements: 0, cappedByTime: false });

async function main() {
  const startedAt = new Date();
  if (!existsSync(`${PEERS_DIR}node_modules/postgraphile`)) {
    throw new Error('The peers are not installed: run `npm ci` in bench/peers first (it is not part of the gateway\'s install).');
  }
  await onScratchDatabase(CONFIG, async ({ db, url: databaseUrl, own }) => {
    // The data is made through the gateway's services, in this process; the servers measured are other processes.
    const filler = buildServer({ db, accountSessionTtlSeconds: 1800, graphiql: false, featureActivationSweepMs: 3_600_000, featureActivationDelayMs: 0 });
    own(() => filler.stop());
    const fixture = await fill({ db, server: filler });
    await db.pool.query('ANALYZE');
    const machine = await machineFacts(db);

    const running: Running[] = [];
    for (const spec of peers()) {
      const server = await start(spec, databaseUrl);
      own(() => server.child.connected && server.child.disconnect());
      own(() => server.child.kill());
      server.body = spec.body(fixture);
      running.push(server);
      log(`${spec.name} on ${server.url}`);
    }
    const client = fork(fileURLToPath(new URL('./http-load.ts', import.meta.url)));
    own(() => client.connected && client.disconnect());
    const load = loader(client);
    const headers = { authorization: `Bearer ${fixture.secretKey}` };

    // ---------------------------------------------------------- answers
    const answers = new Map<string, any>();
    const statementsPerRequest = new Map<string, number>();
    for (const server of running) {
      const { query, variables } = JSON.parse(server.body);
      const before = await ask(server.child, 'sample');
      const res = await postOnce(server.url, headers, query, variables);
      const after = await ask(server.child, 'sample');
      if (res.errors) throw new Error(`${server.spec.name}: ${JSON.stringify(res.errors).slice(0, 400)}`);
      answers.set(server.spec.name, res);
      statementsPerRequest.set(server.spec.name, after.statements - before.statements);
    }
    const shapes = Object.fromEntries([...answers].map(([name, res]) => [name, shapeOf(name, res)]));
    for (const [name, shape] of Object.entries(shapes)) {
      if (shape.connectedAccounts !== 10 || shape.financialAccounts !== 100 || shape.transactions !== 2000 || shape.entries !== shapes.gateway.entries) {
        throw new Error(`${name} answered ${JSON.stringify(shape)}, the gateway ${JSON.stringify(shapes.gateway)}`);
      }
    }
    // The baseline (and an older gateway) serve the gateway's own schema: their data must be the gateway's, exactly.
    for (const name of ['baseline', ...CONFIG.otherGateways.map((g) => g.name)]) {
      if (!answers.has(name)) continue;
      const theirs = JSON.stringify(answers.get(name).data);
      const ours = JSON.stringify(answers.get('gateway').data);
      if (theirs !== ours) {
        let at = 0;
        while (theirs[at] === ours[at]) at++;
        throw new Error(`${name}'s data differs from the gateway's at ${at}: ${theirs.slice(at - 80, at + 80)} / ${ours.slice(at - 80, at + 80)}`);
      }
    }

    // ---------------------------------------------------------- measured rounds
    const single = new Map(running.map((s) => [s.spec.name, emptyTally()]));
    const loaded = new Map(running.map((s) => [s.spec.name, emptyTally()]));
    const orders: string[][] = [];
    const measure = async (server: Running, tally: Tally, total: number, concurrency: number) => {
      const before = await ask(server.child, 'sample');
      const run = await load({ url: server.url, headers, bodies: [server.body], total, concurrency, timeCapMs: CONFIG.loopCapMs });
      const after = await ask(server.child, 'sample');
      const failed = run.samples.filter((s) => s[3] !== 1).length;
      if (failed) throw new Error(`${server.spec.name}: ${failed} failed requests, first: ${run.firstError}`);
      tally.samples.push(...run.samples);
      tally.wallMs += run.wallMs;
      tally.cpuMs += after.cpuMs - before.cpuMs;
      tally.statements += after.statements - before.statements;
      tally.cappedByTime ||= run.cappedByTime;
    };
    const loadBefore = loadavg()[0];
    for (let round = 0; round < CONFIG.rounds; round++) {
      const order = running.map((_, i) => running[(i + round) % running.length]);
      orders.push(order.map((s) => s.spec.name));
      log(`round ${round + 1}/${CONFIG.rounds}: ${orders.at(-1)!.join(', ')}`);
      for (const server of order) {
        await load({ url: server.url, headers, bodies: [server.body], total: CONFIG.warmup, concurrency: CONFIG.concurrency, timeCapMs: CONFIG.loopCapMs });
        await measure(server, single.get(server.spec.name)!, CONFIG.singleRequests, 1);
        await measure(server, loaded.get(server.spec.name)!, CONFIG.loadedRequests, CONFIG.concurrency);
        const t = loaded.get(server.spec.name)!;
        log(`  ${server.spec.name}: ${round1(t.samples.length / (t.wallMs / 1000))} req/s at ${CONFIG.concurrency} so far`);
      }
    }
    const loadAfter = loadavg()[0];

    // ---------------------------------------------------------- profiles
    const profiles: Record<string, { requests: number; busyMsPerRequest: number; rows: Array<{ where: string; ms: number; share: number; msPerRequest: number }> }> = {};
    for (const server of running) {
      await ask(server.child, 'profile-start');
      const run = await load({ url: server.url, headers, bodies: [server.body], total: CONFIG.profiledRequests, concurrency: CONFIG.concurrency, timeCapMs: CONFIG.loopCapMs });
      const { summary } = await ask(server.child, 'profile-stop', { ownRoots: server.spec.ownRoots });
      const n = run.samples.length;
      profiles[server.spec.name] = {
        requests: n,
        busyMsPerRequest: round1(summary.busyMs / n),
        rows: summary.rows.map((r: { where: string; ms: number; share: number }) => ({ ...r, msPerRequest: round2(r.ms / n) })),
      };
      log(`profiled ${server.spec.name}: ${round1(summary.busyMs / n)} ms busy per request`);
    }

    const rows = running.map((server) => {
      const name = server.spec.name;
      const s = single.get(name)!;
      const l = loaded.get(name)!;
      return {
        name,
        description: server.spec.description,
        statementsPerRequest: statementsPerRequest.get(name)!,
        statementsPerRequestLoaded: round2(l.statements / l.samples.length),
        responseBytes: l.samples[0][2],
        single: {
          requests: s.samples.length,
          requestsPerSecond: round1(s.samples.length / (s.wallMs / 1000)),
          latencyMs: summarize(s.samples.map((x) => x[1])),
          cpuMsPerRequest: round1(s.cpuMs / s.samples.length),
          cappedByTime: s.cappedByTime,
        },
        loaded: {
          requests: l.samples.length,
          requestsPerSecond: round1(l.samples.length / (l.wallMs / 1000)),
          latencyMs: summarize(l.samples.map((x) => x[1])),
          cpuMsPerRequest: round1(l.cpuMs / l.samples.length),
          cappedByTime: l.cappedByTime,
        },
      };
    });
    const results = {
      benchmark: 'read-peers',
      startedAt: startedAt.toISOString(),
      durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      machine,
      versions: versions(),
      config: { ...CONFIG, serverUrl: undefined },
      data: { ...fixture, secretKey: undefined },
      loadAverage1m: { before: round2(loadBefore), after: round2(loadAfter) },
      orders,
      queries: { gateway: FOUR_LEVELS, postgraphile: POSTGRAPHILE_FOUR_LEVELS },
      rows,
      profiles,
    };
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(`${RESULTS_DIR}read-peers.json`, JSON.stringify(results, null, 2) + '\n');
    writePeersSection(markdown(results));
    log(`wrote ${RESULTS_DIR}read-peers.json and the side-by-side section of read-graph.md`);
  });
}

async function fill(world: Parameters<typeof createPlatform>[0]): Promise<Fixture> {
  const { platformId, secretKey } = await createPlatform(world, { name: 'Bench Platform' });
  let transactions = 0;
  for (let a = 0; a < CONFIG.connectedAccounts; a++) {
    const account = await createConnectedAccount(world, platformId, { createdAt: new Date(Date.UTC(2026, 0, 1, 0, a)) });
    for (let f = 0; f < CONFIG.financialAccountsEach; f++) {
      const fa = await createFinancialAccount(world, { platformId, accountId: account.id }, {
        nickname: `FA ${f}`,
        createdAt: new Date(Date.UTC(2026, 0, 1, 1, a * CONFIG.financialAccountsEach + f)),
      });
      transactions += (await createFlows(world, fa, mixedFlows(new Date(Date.UTC(2026, 0, 2, a, f))))).length;
    }
  }
  log(`filled: ${transactions} transactions`);
  return { secretKey, platformId, transactions };
}

function shapeOf(name: string, res: any) {
  const postgraphile = name.startsWith('postgraphile');
  const accounts = postgraphile ? res.data.allAccounts.nodes : res.data.connectedAccounts.nodes;
  let financialAccounts = 0;
  let transactions = 0;
  let entries = 0;
  for (const account of accounts) {
    const fas = postgraphile ? account.financialAccountsByAccountId.nodes : account.financialAccounts.nodes;
    for (const fa of fas) {
      financialAccounts += 1;
      const ts = postgraphile ? fa.transactionsByFinancialAccountId.nodes : fa.transactions.nodes;
      transactions += ts.length;
      for (const t of ts) entries += (postgraphile ? t.transactionEntriesByTransactionId.nodes : t.entries.nodes).length;
    }
  }
  return { connectedAccounts: accounts.length, financialAccounts, transactions, entries };
}

function versions() {
  return {
    gateway: packageVersions(ROOT, ['graphql', 'graphql-yoga', '@envelop/core', '@envelop/graphql-jit', 'graphql-jit', '@pothos/core', '@prisma/client', '@prisma/adapter-pg', 'pg', 'dataloader']),
    peers: packageVersions(PEERS_DIR, ['postgraphile', 'grafast', 'grafserv', '@dataplan/pg', 'graphql', 'pg', 'dataloader']),
  };
}

// ---------------------------------------------------------------- report

const START = '<!-- read-peers: written by bench/read-peers.ts -->';
const END = '<!-- /read-peers -->';

/** The side-by-side section of read-graph.md, between its markers (added at the end the first time). */
function writePeersSection(section: string) {
  const path = `${RESULTS_DIR}read-graph.md`;
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '# Read-graph benchmark\n';
  const block = `${START}\n${section}\n${END}`;
  const at = text.indexOf(START);
  const next = at >= 0 ? text.slice(0, at) + block + text.slice(text.indexOf(END) + END.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, next);
}

function markdown(r: any): string {
  const n = (x: number) => x.toLocaleString('en');
  const lat = (s: LatencySummary) => `${s.p50} / ${s.p99}`;
  const rows: any[] = r.rows;
  const byName = Object.fromEntries(rows.map((row) => [row.name, row]));
  const ratio = (a: string, b: string) => (byName[a] && byName[b] ? round2(byName[a].loaded.requestsPerSecond / byName[b].loaded.requestsPerSecond) : null);
  const has = (name: string) => Boolean(byName[name]);
  const profileTable = (name: string) => {
    const p = r.profiles[name];
    const cpu = byName[name].loaded.cpuMsPerRequest;
    const top = p.rows.slice(0, 12);
    return [
      `**${name}** (${p.requests} requests at ${CONFIG.concurrency} clients under the profiler; ${cpu} ms of process CPU per request in the measured rounds)`,
      '',
      '| where | share of main-thread samples | ≈ CPU ms per request |',
      '|---|---|---|',
      ...top.map((row: any) => `| ${row.where} | ${row.share}% | ${round1((row.share / 100) * cpu)} |`),
      '',
    ].join('\n');
  };
  return `## Side by side: the gateway, PostGraphile v5 and a hand-written baseline

Generated by \`npm run bench:peers\` (bench/read-peers.ts) on ${r.startedAt} in ${r.durationSeconds} s, commit ${r.machine.gitCommit}. Raw numbers: [read-peers.json](read-peers.json).
Node ${r.machine.node}, ${r.machine.nproc} × ${r.machine.cpuModel}, ${r.machine.postgres.split(' on ')[0]}; 1-minute load average ${r.loadAverage1m.before} before the rounds, ${r.loadAverage1m.after} after.
Gateway: ${Object.entries(r.versions.gateway).filter(([, v]) => v).map(([k, v]) => `${k} ${v}`).join(', ')}.
Peers (bench/peers, their own install): ${Object.entries(r.versions.peers).filter(([, v]) => v).map(([k, v]) => `${k} ${v}`).join(', ')}.

Every server is a process of its own with a pool of ${CONFIG.poolSize} connections to one scratch database (${r.config.connectedAccounts} connected accounts × ${r.config.financialAccountsEach} financial accounts × 25 transactions, ${n(r.data.transactions)} in all, written by the gateway's fixtures); one load client (bench/http-load.ts) in a process of its own sends the dashboard query (10/10/20/5; the PostGraphile query asks the same levels, page sizes, order and columns in its own names). ${r.config.rounds} rounds, the order rotating (${r.orders.map((o: string[]) => o.join(' → ')).join('; ')}); per server and round ${r.config.warmup} warm-up requests, then ${r.config.singleRequests} from one client, then ${r.config.loadedRequests} from ${CONFIG.concurrency} concurrent clients. CPU is the server process's user + system time over the measured requests; statements are counted in each server process where they leave for PostgreSQL (node-postgres \`Client#query\`, bench/server-probe.mjs). All of them share the machine's ${r.machine.nproc} cores with PostgreSQL and the load client.

| server | req/s, 1 client | p50 / p99 ms, 1 client | req/s, ${CONFIG.concurrency} clients | p50 / p99 ms, ${CONFIG.concurrency} clients | CPU ms per request (1 / ${CONFIG.concurrency}) | SQL statements per request | response bytes |
|---|---|---|---|---|---|---|---|
${rows.map((row) => `| ${row.name} | ${row.single.requestsPerSecond} | ${lat(row.single.latencyMs)} | **${row.loaded.requestsPerSecond}** | ${lat(row.loaded.latencyMs)} | ${row.single.cpuMsPerRequest} / ${row.loaded.cpuMsPerRequest} | ${row.statementsPerRequest} (${row.statementsPerRequestLoaded} under load) | ${n(row.responseBytes)} |`).join('\n')}

${rows.map((row) => `- **${row.name}**: ${row.description}.`).join('\n')}

At ${CONFIG.concurrency} clients the gateway serves ${ratio('gateway', 'postgraphile')}× PostGraphile's requests per second and ${ratio('gateway', 'baseline')}× the baseline's.${has('postgraphile-flags') ? ` Both with the gateway's Node.js flags, the gateway serves ${ratio('gateway', 'postgraphile-flags')}× PostGraphile's; both with Node.js's defaults, ${ratio('gateway-no-flags', 'postgraphile')}×.` : ''}${r.config.otherGateways.map((g: { name: string; commit: string }) => ` The gateway of ${g.name} (commit ${g.commit}) served ${ratio(g.name, 'postgraphile')}× PostGraphile's and ${ratio(g.name, 'baseline')}× the baseline's.`).join('')}

### CPU profiles by package

Self time of the main thread by where the function lives (npm package, the server's own code by directory, Node's internals, V8's builtins and garbage collector), from a V8 CPU profile (sampling every 0.5 ms) of each server over ${r.config.profiledRequests} requests at ${CONFIG.concurrency} clients, taken after the measured rounds so the profiler's overhead is in no number above. The samples are spaced in wall-clock time, so on a busy machine a descheduled thread inflates them evenly; the shares are what to compare, and the CPU column spreads each server's measured CPU per request over them.

${Object.keys(r.profiles).map(profileTable).join('\n')}`;
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
