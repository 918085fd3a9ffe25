// One gateway instance of bench/live-fanout.ts, run as a child process (fork),
// so that each instance has its own event loop, as it would on its own
// machine, and its memory and CPU can be read apart from the load clients'.
//
// It is the real server (`buildServer`), with two probes around it: the event
// bus notes when each event is published (epoch milliseconds, comparable
// across processes on one machine), and the database's statement counter says
// how many SQL statements the instance sent. It also measures the delay of
// its event loop, and takes CPU profiles (node:inspector) when asked.
//
// Protocol: bench/rpc.ts.
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openDatabase, type Database } from '../src/db/database.ts';
import type { EventBus, EventRecord } from '../src/events/event-bus.ts';
import { InMemoryEventBus } from '../src/events/event-bus.ts';
import { RedisEventBus } from '../src/events/redis-event-bus.ts';
import { buildServer, type GatewayServer } from '../src/server.ts';
import { summarizeProfile, type ProfileSummary } from './cpu-profile.ts';
import { answerRequests } from './rpc.ts';
import { NO_SWEEPS } from '../test/support/no-sweeps.ts';

export interface StartRequest {
  type: 'start';
  databaseUrl: string;
  /** Share a Redis event bus (several instances); null: in-memory (one instance). */
  redisUrl: string | null;
  /** Options handed to buildServer as they are (e.g. a transport setting under test). */
  serverOptions?: Record<string, unknown>;
}

export interface ServerStats {
  rssBytes: number;
  heapUsedBytes: number;
  statements: number;
  /** Event-loop delay since the last reset, ms. */
  eventLoopDelay: { p50: number; p99: number; max: number };
}

const now = () => performance.timeOrigin + performance.now();

let db: Database;
let server: GatewayServer;
const published = new Map<string, number>();
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
const inspector = new Session();
inspector.connect();

/** The bus, noting when each event leaves this instance. */
function timedBus(inner: EventBus): EventBus {
  return {
    publish(events: EventRecord[]) {
      const at = now();
      for (const event of events) published.set(event.id, at);
      return inner.publish(events);
    },
    subscribe: (platformId, livemode, listener) => inner.subscribe(platformId, livemode, listener),
    close: () => inner.close(),
  };
}

function gc() {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect) for (let i = 0; i < 3; i += 1) collect();
}

const handlers: Record<string, (request: any) => unknown> = {
  async start(request: StartRequest) {
    db = await openDatabase({ kind: 'postgres', url: request.databaseUrl, poolSize: 10 }, { logError: () => {} });
    let bus: EventBus;
    if (request.redisUrl) {
      const redis = new RedisEventBus(request.redisUrl);
      await redis.ready();
      bus = redis;
    } else {
      bus = new InMemoryEventBus();
    }
    server = buildServer({
      db,
      eventBus: timedBus(bus),
      accountSessionTtlSeconds: 1800,
      graphiql: false,
      // Every subscriber and request uses one key, far beyond a credential's budget: the server is measured, not the budget.
      rateLimit: false,
      // No background sweeps: their statements would be counted with the measured ones.
      ...NO_SWEEPS,
      logError: (error) => console.error(`[server ${process.pid}]`, error),
      ...request.serverOptions,
    });
    const { url } = await server.start(0, '127.0.0.1');
    return { url, pid: process.pid };
  },
  stats(): ServerStats {
    gc();
    const memory = process.memoryUsage();
    const ms = (ns: number) => Math.round((ns / 1e6) * 100) / 100;
    return {
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      statements: db.statements.count,
      eventLoopDelay: { p50: ms(loopDelay.percentile(50)), p99: ms(loopDelay.percentile(99)), max: ms(loopDelay.max) },
    };
  },
  resetLoopDelay() {
    loopDelay.reset();
    return {};
  },
  /** When each event was published since the last call (event id → epoch ms). */
  published() {
    const result = Object.fromEntries(published);
    published.clear();
    return result;
  },
  async profileStart() {
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.setSamplingInterval', { interval: 200 });
    await inspector.post('Profiler.start');
    return {};
  },
  async profileStop(): Promise<ProfileSummary> {
    const { profile } = await inspector.post('Profiler.stop');
    await inspector.post('Profiler.disable');
    return summarizeProfile(profile);
  },
  async stop() {
    await server.stop();
    await db.close();
    return {};
  },
};

answerRequests(handlers);
process.on('disconnect', () => {
  void Promise.resolve(server?.stop())
    .catch(() => {})
    .finally(() => process.exit(0));
});
