// The event bus shared by several gateway instances: events go out through
// Redis pub/sub, one channel per platform and mode, and every instance hands
// what it receives to its own subscribers. An instance receives its own events
// back through Redis too, so each subscriber gets each event exactly once,
// whichever instance committed it.
import { Redis } from 'ioredis';
import { channelOf, deserializeEvent, InMemoryEventBus, serializeEvent, type EventBus, type EventRecord } from './event-bus.ts';

export class RedisEventBus implements EventBus {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly local = new InMemoryEventBus();
  /** Listeners per channel: a channel is subscribed in Redis while it has any. */
  private readonly listeners = new Map<string, number>();

  constructor(url: string, private readonly logError: (error: unknown) => void = (error) => console.error(error)) {
    // A subscribed connection can do nothing but receive, hence two.
    this.publisher = new Redis(url, { maxRetriesPerRequest: 3 });
    this.subscriber = new Redis(url, { maxRetriesPerRequest: 3 });
    this.subscriber.on('message', (_channel: string, text: string) => {
      try {
        void this.local.publish([deserializeEvent(text)]);
      } catch (error) {
        this.logError(error);
      }
    });
    for (const connection of [this.publisher, this.subscriber]) connection.on('error', this.logError);
  }

  /** Resolves once both connections are up; rejects (clearly) when Redis cannot be reached. */
  async ready(): Promise<void> {
    await Promise.all([this.publisher.ping(), this.subscriber.ping()]);
  }

  async publish(events: EventRecord[]): Promise<void> {
    if (events.length === 0) return;
    const pipeline = this.publisher.pipeline();
    for (const event of events) pipeline.publish(channelOf(event.platformId, event.livemode), serializeEvent(event));
    await pipeline.exec();
  }

  async subscribe(platformId: string, livemode: boolean, listener: (event: EventRecord) => void) {
    const channel = channelOf(platformId, livemode);
    const count = this.listeners.get(channel) ?? 0;
    this.listeners.set(channel, count + 1);
    // Awaited: a stream that replays after subscribing must not miss what is published meanwhile.
    if (count === 0) await this.subscriber.subscribe(channel);
    const unsubscribeLocal = await this.local.subscribe(platformId, livemode, listener);
    return () => {
      unsubscribeLocal();
      const left = (this.listeners.get(channel) ?? 1) - 1;
      if (left > 0) {
        this.listeners.set(channel, left);
      } else {
        this.listeners.delete(channel);
        this.subscriber.unsubscribe(channel).catch(this.logError);
      }
    };
  }

  async close(): Promise<void> {
    await this.local.close();
    await Promise.allSettled([this.subscriber.quit(), this.publisher.quit()]);
  }
}

/**
 * One connection attempt with no retries: resolves when Redis answers a PING,
 * rejects with the connection's own error (ECONNREFUSED, ENOTFOUND, ...) when
 * it does not. The bus's connections retry forever, which suits a running
 * gateway but not a start-up that must fail clearly.
 */
export async function probeRedis(url: string, timeoutMs = 5000): Promise<void> {
  const probe = new Redis(url, {
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: timeoutMs,
  });
  let connectionError: unknown = null;
  probe.on('error', (error) => (connectionError ??= error));
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    throw connectionError ?? error;
  } finally {
    probe.disconnect();
  }
}
