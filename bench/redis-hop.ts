// What Redis adds to every delivery: the time from an instance's publish to
// its listener, through RedisEventBus (serialise, PUBLISH, the subscriber
// connection, deserialise), against the in-memory bus, for one event at a time
// of the size the live fan-out benchmark publishes. Every gateway instance,
// the committing one included, receives its events back through Redis, so this
// hop is what a deployment over Redis adds to each event, whatever the number of
// subscribers; the fan-out itself is the same.
//
//   npx tsx bench/redis-hop.ts     (BENCH_REDIS_URL, default redis://127.0.0.1:6379; BENCH_HOP_EVENTS=500)
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { InMemoryEventBus, type EventBus, type EventRecord } from '../src/events/event-bus.ts';
import { RedisEventBus } from '../src/events/redis-event-bus.ts';
import { log, round2, summarize, type LatencySummary } from './common.ts';

const url = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const count = Number(process.env.BENCH_HOP_EVENTS ?? 500);
const now = () => performance.timeOrigin + performance.now();

function event(i: number): EventRecord {
  return {
    id: `evt_hop${String(i).padStart(20, '0')}`,
    sequence: BigInt(i),
    platformId: 'acct_hopbench',
    accountId: 'acct_hopbench',
    livemode: false,
    type: 'treasury.financial_account.updated',
    objectId: 'fa_hopbench',
    financialAccountIds: ['fa_hopbench'],
    data: { object: { id: 'fa_hopbench', object: 'treasury.financial_account', nickname: `FA ${i}`, status: 'open', supported_currencies: ['usd'] }, previous_attributes: { nickname: 'before' } },
    createdAt: new Date(),
  };
}

async function hop(bus: EventBus): Promise<LatencySummary> {
  let resolve: (() => void) | null = null;
  const publishedAt = new Map<string, number>();
  const delays: number[] = [];
  const unsubscribe = await bus.subscribe('acct_hopbench', false, (received) => {
    delays.push(now() - publishedAt.get(received.id)!);
    resolve?.();
  });
  for (let i = 0; i < count + 50; i += 1) {
    const e = event(i);
    const arrived = new Promise<void>((r) => (resolve = r));
    publishedAt.set(e.id, now());
    await bus.publish([e]);
    await arrived;
  }
  unsubscribe();
  return summarize(delays.slice(50)); // after 50 to warm up
}

const memory = await hop(new InMemoryEventBus());
const redis = new RedisEventBus(url);
await redis.ready();
const overRedis = await hop(redis);
await redis.close();
log(`in memory p50 ${memory.p50} p99 ${memory.p99}; Redis p50 ${overRedis.p50} p99 ${overRedis.p99}`);
const md = `# The Redis hop

Run ${new Date().toISOString()}, Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim()}), load average ${round2(loadavg()[0])}, Redis at ${url}. Written by bench/redis-hop.ts.

From an instance's \`publish\` to its own listener, one event at a time (${count} after 50 of warm-up), the event of about the size live-fanout publishes. Every instance receives its events back through Redis, the committing one too, so this is what Redis adds to each delivery, whatever the number of subscribers.

| bus | p50 (ms) | p99 (ms) | max (ms) |
|---|---|---|---|
| in memory | ${memory.p50} | ${memory.p99} | ${memory.max} |
| Redis (RedisEventBus) | ${overRedis.p50} | ${overRedis.p99} | ${overRedis.max} |
| added by Redis | ${round2(overRedis.p50 - memory.p50)} | ${round2(overRedis.p99 - memory.p99)} | |
`;
writeFileSync(fileURLToPath(new URL('./results/redis-hop.md', import.meta.url)), md);
log('wrote bench/results/redis-hop.md');
process.exit(0);
