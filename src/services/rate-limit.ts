// Each credential's budget of cost over time, in the manner of GitHub's points
// per hour: a window of `windowSeconds` holds `points`, every operation spends
// its cost, and an operation that costs more than what is left is refused
// (and spends nothing) until the window resets. rate-limiter-flexible keeps the
// count: in this process by default, or in Redis so that every gateway
// instance spends from the same budget.
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface RateLimitOptions {
  /** Points per window and credential. */
  points: number;
  windowSeconds: number;
  /** Share the budget between instances through this Redis; unset: this process only. */
  redisUrl?: string | null;
  /** Prefix of the Redis keys (and of the in-memory ones), so that several deployments or tests can share one Redis. */
  keyPrefix: string;
  /** Where Redis connection errors go; the budget falls back to this process's memory meanwhile. */
  logError?: (error: unknown) => void;
}

export interface BudgetState {
  /** Points per window. */
  limit: number;
  windowSeconds: number;
  /** Points left in the current window. */
  remaining: number;
  /** When the current window ends and the budget is whole again; null when nothing has been spent. */
  resetAt: Date | null;
}

export type Charge =
  | { granted: true; state: BudgetState }
  | { granted: false; state: BudgetState; /** Whole seconds until the window resets. */ retryAfterSeconds: number };

export class OperationBudget {
  private readonly limiter: RateLimiterAbstract;
  private readonly redis: Redis | null;

  constructor(private readonly options: RateLimitOptions) {
    const common = { points: options.points, duration: options.windowSeconds, keyPrefix: options.keyPrefix };
    if (options.redisUrl) {
      const logError = options.logError ?? ((error) => console.error(error));
      this.redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 1 });
      this.redis.on('error', logError);
      this.limiter = new RateLimiterRedis({
        ...common,
        storeClient: this.redis,
        // While Redis cannot be reached, each instance keeps counting on its own rather than refusing everything.
        insuranceLimiter: new RateLimiterMemory(common),
      });
    } else {
      this.redis = null;
      this.limiter = new RateLimiterMemory(common);
    }
  }

  /** Resolves once Redis answers (at once without Redis); rejects when it cannot be reached. */
  async ready(): Promise<void> {
    await this.redis?.ping();
  }

  /** Spends `points` of the credential's budget, or refuses (spending nothing) when fewer are left. */
  async charge(credentialId: string, points: number): Promise<Charge> {
    try {
      const res = await this.limiter.consume(credentialId, points);
      return { granted: true, state: this.state(res) };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      // The limiter counts the refused points too; give them back so a smaller operation still fits.
      const res = await this.limiter.reward(credentialId, points);
      return { granted: false, state: this.state(res), retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
  }

  /** The credential's budget without spending any. */
  async peek(credentialId: string): Promise<BudgetState> {
    const res = await this.limiter.get(credentialId);
    return res ? this.state(res) : { limit: this.options.points, windowSeconds: this.options.windowSeconds, remaining: this.options.points, resetAt: null };
  }

  async close(): Promise<void> {
    // disconnect, not quit: quit would wait for a Redis that may never answer.
    this.redis?.disconnect();
  }

  private state(res: RateLimiterRes): BudgetState {
    return {
      limit: this.options.points,
      windowSeconds: this.options.windowSeconds,
      remaining: Math.max(0, Math.min(this.options.points, this.options.points - res.consumedPoints)),
      resetAt: new Date(Date.now() + res.msBeforeNext),
    };
  }
}
