// The gateway's own in-memory event bus, observed: tests learn when a
// subscription is really listening on the server (and when it stopped), so
// they act on that signal instead of sleeping.
import { InMemoryEventBus, type EventBus, type EventRecord } from '../../src/events/event-bus.ts';

export class ObservedBus implements EventBus {
  private readonly inner = new InMemoryEventBus();
  private readonly started = new Map<string, number>();
  private readonly current = new Map<string, number>();
  private waiters = new Set<() => void>();

  publish(events: EventRecord[]): Promise<void> {
    return this.inner.publish(events);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  async subscribe(platformId: string, livemode: boolean, listener: (event: EventRecord) => void) {
    const unsubscribe = await this.inner.subscribe(platformId, livemode, listener);
    this.bump(this.started, platformId, 1);
    this.bump(this.current, platformId, 1);
    let done = false;
    return () => {
      unsubscribe();
      if (done) return;
      done = true;
      this.bump(this.current, platformId, -1);
    };
  }

  /** How many subscriptions of the platform ever started listening. */
  startedFor(platformId: string): number {
    return this.started.get(platformId) ?? 0;
  }

  /** How many subscriptions listen now, on every platform. */
  get listeners(): number {
    let total = 0;
    for (const count of this.current.values()) total += count;
    return total;
  }

  /** How many subscriptions of the platform listen now. */
  listeningFor(platformId: string): number {
    return this.current.get(platformId) ?? 0;
  }

  until(condition: () => boolean, what: string | (() => string), timeoutMs = 5000): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!condition()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${typeof what === 'function' ? what() : what}`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  private bump(map: Map<string, number>, key: string, by: number) {
    map.set(key, (map.get(key) ?? 0) + by);
    for (const waiter of [...this.waiters]) waiter();
  }
}
