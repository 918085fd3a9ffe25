// Steps Stripe takes by itself after the request that led to them (activating
// a feature, posting a credit reversal): each runs soon after the commit that
// scheduled it, and a periodic sweep runs whatever is still due, which catches
// work left behind by a restart or by another gateway instance.
export interface DelayedStepsOptions {
  /** How long after its scheduling a step runs. */
  delayMs: number;
  /** How often the sweep looks for due steps. */
  sweepIntervalMs: number;
}

export class DelayedSteps {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private sweepTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly options: DelayedStepsOptions,
    /** Takes the step on one object; a step no longer due must do nothing. */
    private readonly run: (id: string) => Promise<void>,
    /** The objects whose step is due now. */
    private readonly due: () => Promise<string[]>,
    private readonly logError: (error: unknown) => void,
  ) {}

  schedule(id: string): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.track(this.run(id));
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
    for (const id of await this.due()) {
      if (this.stopped) return;
      await this.run(id);
    }
  }

  private track(work: Promise<void>): void {
    const tracked = work.catch(this.logError).finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }
}
