// Work Stripe does by itself after a request (a feature activating, a payment
// over its network posting): run soon after each scheduling, and in a periodic
// sweep that also catches work left behind by a restart or by another gateway
// instance. Stopping cancels what is scheduled and waits for what runs.
export interface DeferredWorkOptions {
  delayMs: number;
  sweepIntervalMs: number;
  /** Does the work for one key; it must find for itself whether there is still work to do. */
  run: (key: string) => Promise<void>;
  /** The keys the sweep runs. */
  due: () => Promise<string[]>;
  logError: (error: unknown) => void;
}

export class DeferredWork {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private sweepTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly options: DeferredWorkOptions) {}

  schedule(key: string): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.track(this.options.run(key));
    }, this.options.delayMs);
    this.timers.add(timer);
  }

  start(): void {
    this.sweepTimer = setInterval(() => this.track(this.sweep()), this.options.sweepIntervalMs);
    this.sweepTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  private async sweep(): Promise<void> {
    for (const key of await this.options.due()) {
      if (this.stopped) return;
      await this.options.run(key);
    }
  }

  private track(work: Promise<void>): void {
    const tracked = work.catch(this.options.logError).finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }
}
