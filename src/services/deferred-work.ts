// Work Stripe does by itself after the request that caused it (activating a
// requested feature, resolving a DebitReversal): run for one key soon after the
// request's commit schedules it, and in a periodic sweep over what is still
// pending, which also catches work left behind by a restart or by another
// gateway instance. Stopping waits for the work in flight.
export abstract class DeferredWork {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private sweepTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    protected readonly timing: { delayMs: number; sweepIntervalMs: number },
    private readonly logError: (error: unknown) => void,
  ) {}

  /** Does the work for one key, in its own transaction; doing it twice must be harmless. */
  protected abstract run(key: string): Promise<void>;
  /** The keys whose work is due and not done (the sweep's). */
  protected abstract pending(): Promise<string[]>;

  /** Runs the work for `key` after the delay (call it after the commit that makes the work due). */
  schedule(key: string): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.track(this.run(key));
    }, this.timing.delayMs);
    this.timers.add(timer);
  }

  /**
   * Resolves once nothing is scheduled or running: what a caller that compares the database before
   * and after a step of its own waits for, so that work an earlier step scheduled does not land
   * in between.
   */
  async idle(): Promise<void> {
    while (this.timers.size > 0 || this.running.size > 0) {
      await Promise.allSettled([...this.running]);
      if (this.timers.size > 0) await new Promise((resolve) => setTimeout(resolve, this.timing.delayMs));
    }
  }

  start(): void {
    this.sweepTimer = setInterval(() => this.track(this.sweep()), this.timing.sweepIntervalMs);
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
    for (const key of await this.pending()) {
      if (this.stopped) return;
      await this.run(key);
    }
  }

  private track(work: Promise<void>): void {
    const tracked = work.catch(this.logError).finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }
}

/** Deferred work given as two functions, for a service that does the work itself (its `run` and `pending`). */
export class DeferredCalls extends DeferredWork {
  constructor(
    timing: { delayMs: number; sweepIntervalMs: number },
    private readonly work: (key: string) => Promise<void>,
    private readonly dueKeys: () => Promise<string[]>,
    logError: (error: unknown) => void,
  ) {
    super(timing, logError);
  }

  protected run(key: string): Promise<void> {
    return this.work(key);
  }

  protected pending(): Promise<string[]> {
    return this.dueKeys();
  }
}
