// The machine's floor for live fan-out: the same graphql-ws clients as
// bench/live-fanout.ts (bench/live-subscribers.ts, in as many processes),
// reached by a bare ws server that does nothing but write one ready message to
// every subscription (bench/live-floor-server.ts). What it measures is what any
// graphql-ws server must spend here, on these cores, to reach that many
// sockets, and what the clients take to read them: the gateway's figures in
// live-fanout.md are to be read against these.
//
//   npx tsx bench/live-floor.ts     (BENCH_FLOOR_SCALES=1000,5000,10000  BENCH_FLOOR_EVENTS=10
//                                    BENCH_FLOOR_BYTES=1400  BENCH_LIVE_RATE=20  BENCH_LIVE_SUSTAIN_S=10)
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { log, round1, summarize, type LatencySummary, envInt } from './common.ts';
import type { Collected, ConnectRequest } from './live-subscribers.ts';
import { child } from './rpc.ts';

const env = process.env;
const list = (name: string, fallback: string) => (env[name] ?? fallback).split(',').filter(Boolean).map(Number);
const int = envInt;
const CONFIG = {
  scales: list('BENCH_FLOOR_SCALES', '1000,5000,10000'),
  events: int('BENCH_FLOOR_EVENTS', 10),
  /**
   * About the size of the gateway's message for the live-fanout subscription: 1,406 bytes measured
   * for its first (with `extensions.cost`), about 1,360 for the next; the event's `data` carries the
   * whole financial account. (700 until 2026-12-01, half of it, which made the floor look lower.)
   */
  bytes: int('BENCH_FLOOR_BYTES', 1400),
  clientProcesses: int('BENCH_LIVE_CLIENT_PROCS', 2),
  sustainedRate: int('BENCH_LIVE_RATE', 20),
  sustainedSeconds: int('BENCH_LIVE_SUSTAIN_S', 10),
  sustainedScale: 1000,
  timeoutMs: 60_000,
};
const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function body(eventId: string): string {
  const event = { id: eventId, type: 'treasury.financial_account.updated', created: new Date().toISOString(), objectId: 'fa_floor', data: {} as Record<string, string> };
  const padding = Math.max(0, CONFIG.bytes - JSON.stringify(event).length - 60);
  event.data = { padding: 'x'.repeat(padding) };
  return `"data":{"events":${JSON.stringify(event)}}`;
}

interface ScaleResult {
  subscribers: number;
  connectMs: number;
  burst: { deliveryMs: LatencySummary; loopMs: LatencySummary; lost: number; duplicated: number };
  sustained: { targetRate: number; achievedRate: number; deliveryMs: LatencySummary; lost: number; duplicated: number } | null;
}

async function runScale(subscribers: number): Promise<ScaleResult> {
  const server = child('./live-floor-server.ts');
  const clients = Array.from({ length: CONFIG.clientProcesses }, () => child('./live-subscribers.ts'));
  try {
    const { url } = await server.call<{ url: string }>('start');
    const shares = clients.map((_, i) => Math.floor(subscribers / clients.length) + (i < subscribers % clients.length ? 1 : 0));
    const started = performance.now();
    await Promise.all(
      clients.map((c, i) =>
        c.call('connect', { urls: [url], token: 'floor', count: shares[i], query: 'subscription { events { id } }', concurrency: 50 } satisfies Omit<ConnectRequest, 'type'>),
      ),
    );
    const connectMs = Math.round(performance.now() - started);
    await sleep(2000);
    let sent = 0;
    const waitAll = () => Promise.all(clients.map((c, i) => c.call<{ timedOut: boolean }>('wait', { count: shares[i] * sent, timeoutMs: CONFIG.timeoutMs })));
    const collect = () => Promise.all(clients.map((c) => c.call<Collected>('collect')));
    const broadcast = async (id: string) => {
      sent += 1;
      return server.call<{ publishedAt: number; loopMs: number; subscriptions: number }>('broadcast', { body: body(id), raw: env.BENCH_FLOOR_RAW === '1' });
    };
    const tally = (published: Map<string, number>, parts: Collected[]) => {
      const delays: number[] = [];
      let lost = 0;
      let duplicated = 0;
      for (const part of parts) {
        for (const event of part.events) {
          const at = published.get(event.id);
          if (at === undefined) continue;
          for (const arrival of event.arrivals) delays.push(arrival - at);
          lost += event.lost;
          duplicated += event.duplicated;
        }
      }
      return { deliveryMs: summarize(delays), lost, duplicated };
    };

    // Warm-up, then single events, each reaching everyone before the next.
    await broadcast('evt_warm');
    await waitAll();
    await collect();
    sent = 0;
    const published = new Map<string, number>();
    const loops: number[] = [];
    for (let i = 0; i < CONFIG.events; i += 1) {
      const id = `evt_burst_${i}`;
      const { publishedAt, loopMs, subscriptions } = await broadcast(id);
      if (subscriptions !== subscribers) throw new Error(`${subscriptions} subscriptions of ${subscribers}`);
      published.set(id, publishedAt);
      loops.push(loopMs);
      await waitAll();
      await sleep(250);
    }
    const burst = { ...tally(published, await collect()), loopMs: summarize(loops) };
    log(`floor ${subscribers}: p50 ${burst.deliveryMs.p50} ms, p99 ${burst.deliveryMs.p99} ms, write loop p50 ${burst.loopMs.p50} ms`);

    let sustained: ScaleResult['sustained'] = null;
    if (subscribers === CONFIG.sustainedScale) {
      sent = 0;
      const sustainedPublished = new Map<string, number>();
      const count = CONFIG.sustainedRate * CONFIG.sustainedSeconds;
      const begun = performance.now();
      for (let i = 0; i < count; i += 1) {
        const due = begun + (i * 1000) / CONFIG.sustainedRate;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        const id = `evt_rate_${i}`;
        sustainedPublished.set(id, (await broadcast(id)).publishedAt);
      }
      const achievedRate = round1(count / ((performance.now() - begun) / 1000));
      await waitAll();
      sustained = { targetRate: CONFIG.sustainedRate, achievedRate, ...tally(sustainedPublished, await collect()) };
      log(`floor ${subscribers} at ${achievedRate}/s: p99 ${sustained.deliveryMs.p99} ms`);
    }
    await Promise.all(clients.map((c) => c.call('close')));
    return { subscribers, connectMs, burst, sustained };
  } finally {
    for (const c of [server, ...clients]) if (c.process.connected) c.process.disconnect();
  }
}

const startedAt = new Date();
const load = loadavg()[0];
const results: ScaleResult[] = [];
for (const scale of CONFIG.scales) results.push(await runScale(scale));

const machine = `Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, load average at start ${round1(load)}`;
const rows = results.map(
  (r) =>
    `| ${r.subscribers} | ${r.burst.deliveryMs.p50} / ${r.burst.deliveryMs.p99} / ${r.burst.deliveryMs.max} | ${r.burst.loopMs.p50} / ${r.burst.loopMs.max} | ${round1((r.burst.loopMs.p50 * 1000) / r.subscribers)} | ${r.burst.lost} / ${r.burst.duplicated} |`,
);
const sustainedRows = results
  .filter((r) => r.sustained)
  .map((r) => `| ${r.subscribers} | ${r.sustained!.targetRate} / ${r.sustained!.achievedRate} | ${r.sustained!.deliveryMs.p50} / ${r.sustained!.deliveryMs.p99} / ${r.sustained!.deliveryMs.max} | ${r.sustained!.lost} / ${r.sustained!.duplicated} |`);
const md = `# Live fan-out: the machine's floor

Run ${startedAt.toISOString()}, ${machine}. Written by bench/live-floor.ts.

The same graphql-ws clients as bench/live-fanout.ts (bench/live-subscribers.ts, ${CONFIG.clientProcesses} processes, one WebSocket and one subscription each), reached by a bare \`ws\` server (bench/live-floor-server.ts) that answers graphql-ws's handshake and, per event, writes one ready \`next\` message of about ${CONFIG.bytes} bytes to every subscription in one synchronous loop: no GraphQL, no database, no batching, no checks. Server and clients share the machine's cores, as in live-fanout.md. Delivery is from the start of the server's loop to each client's receipt.

| subscribers | delivery p50 / p99 / max (ms) | server's write loop p50 / max (ms) | µs per socket in the loop | lost / duplicated |
|---|---|---|---|---|
${rows.join('\n')}

Sustained, ${CONFIG.sustainedSeconds} s:

| subscribers | events/s (target / achieved) | delivery p50 / p99 / max (ms) | lost / duplicated |
|---|---|---|---|
${sustainedRows.join('\n')}
`;
writeFileSync(`${RESULTS}live-floor.md`, md);
writeFileSync(`${RESULTS}live-floor.json`, JSON.stringify({ startedAt, machine, config: CONFIG, results }, null, 2));
log('wrote bench/results/live-floor.md');
process.exit(0);
