// Every setting, read from the environment and validated once at start-up.
import type { DatabaseTarget } from './db/database.ts';
import type { OperationLimits } from './graphql/operation-limits.ts';
import { LOG_LEVELS } from './logger.ts';
import { SELF_MOVING_WORK, selfMovingSettings, type SelfMovingSettings } from './domain/money-movements/movements.ts';

/** The delay settings of the work Stripe does by itself (its sweeps' intervals are not settings of their own). */
export type SelfMovingDelays = { [K in keyof SelfMovingSettings as K extends `${string}DelayMs` ? K : never]: number };

export interface Config {
  host: string;
  port: number;
  database: DatabaseTarget;
  /**
   * Apply pending migrations at start (the default); false: refuse to start while any is pending, for deployments
   * that run `npm run db:migrate` before a rollout.
   */
  migrateOnStart: boolean;
  /** Seed demo data into an empty database on start (default: on for the embedded database only). */
  seedDemoData: boolean;
  accountSessionTtlSeconds: number;
  /** Serve GraphiQL on GET /graphql from a browser. */
  graphiql: boolean;
  /** The platform's name, when the first start creates it. */
  platformName: string;
  /** Redis for sharing subscriptions between gateway instances; null: events stay in this process. */
  redisUrl: string | null;
  /** Open financial accounts one account may have (closed ones do not count). */
  maxOpenFinancialAccountsPerAccount: number;
  /** How long after the request each piece of work Stripe does by itself happens (SELF_MOVING_WORK). */
  selfMovingDelays: SelfMovingDelays;
  /** Operations that cost more, nest deeper, or use more aliases, tokens or directives are refused before they run. */
  limits: OperationLimits;
  /** Serve the schema's introspection (and "Did you mean" suggestions). */
  introspection: boolean;
  /** Each credential's budget of cost points per window; null: no budget. */
  rateLimit: { points: number; windowSeconds: number } | null;
  /** Sizes, keep-alive and CORS of the HTTP and WebSocket transports. */
  transport: TransportSettings;
  /** pino's levels; `silent` logs nothing. */
  logLevel: (typeof LOG_LEVELS)[number];
  /** On SIGTERM/SIGINT, how long in-flight requests may take to finish before their connections close. */
  shutdownTimeoutMs: number;
  /** At start, how often and how far apart to try PostgreSQL and Redis before giving up. */
  startupRetry: { attempts: number; delayMs: number };
  /** A persisted-documents.json: run only the operations it lists; null: any operation. */
  persistedOperationsPath: string | null;
}

export interface TransportSettings {
  /** The largest WebSocket message read; a larger one closes the socket (1009) before it is buffered. */
  wsMaxPayloadBytes: number;
  /** The largest graphql-ws connectionParams (as JSON); larger ones are refused (4400) before authentication. */
  wsMaxConnectionParamsBytes: number;
  /** graphql-ws ping interval; a client that has not answered a ping by the next one is dropped. 0: no pings. */
  wsKeepAliveMs: number;
  /** The largest HTTP request body; a larger one is answered 413 before it is read whole. */
  httpMaxBodyBytes: number;
  /**
   * How long a client may take to send a request's headers, from its first byte (or from the connection's opening):
   * a slower one is answered 408 and its connection closed, so slow clients cannot hold sockets open (Node's
   * `server.headersTimeout`).
   */
  httpHeadersTimeoutMs: number;
  /** How long a client may take to send a whole request, headers and body (Node's `server.requestTimeout`). */
  httpRequestTimeoutMs: number;
  /** How long an idle kept-alive connection stays open for the client's next request (Node's `server.keepAliveTimeout`). */
  httpKeepAliveTimeoutMs: number;
  /** Browser origins allowed to call with credentials (CORS) and to open WebSockets; empty: no cross-origin access. */
  corsOrigins: readonly string[];
}

/** Defaults of the settings a server also takes when built in code (tests, benchmarks). */
export const DEFAULTS = {
  maxOpenFinancialAccountsPerAccount: 10,
  ...selfMovingSettings(),
  limits: { maxCost: 50_000, maxDepth: 15, maxAliases: 30, maxTokens: 2_000, maxDirectives: 50 },
  introspection: true,
  // A dashboard's burst of four-level queries (some 40,000 points each) fits many times over.
  rateLimit: { points: 1_000_000, windowSeconds: 60, keyPrefix: 'gateway:cost' },
  transport: {
    wsMaxPayloadBytes: 256 * 1024,
    wsMaxConnectionParamsBytes: 16 * 1024,
    wsKeepAliveMs: 12_000,
    httpMaxBodyBytes: 1024 * 1024,
    // Far above what any client on a working network needs for a few kilobytes of headers, far below Node's 60 s.
    httpHeadersTimeoutMs: 20_000,
    // A body is at most HTTP_MAX_BODY_BYTES: a client that sends the largest at under 17 KiB/s is cut off.
    httpRequestTimeoutMs: 60_000,
    // Idle kept-alive connections stay open longer than clients and proxies keep theirs (undici 4 s, most load
    // balancers 60 s): a server that closes first races a client reusing the connection, whose request then fails
    // with "other side closed". Node's default is 5 s.
    httpKeepAliveTimeoutMs: 65_000,
    corsOrigins: [],
  } satisfies TransportSettings as TransportSettings,
  shutdownTimeoutMs: 10_000,
} as const;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const url = env.DATABASE_URL?.trim();
  if (url && !/^postgres(ql)?:\/\//.test(url)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for the embedded database).');
  }
  const database: DatabaseTarget = url
    ? { kind: 'postgres', url, poolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 1000) }
    : { kind: 'pglite', dataDir: env.DATA_DIR?.trim() || '.data/pglite' };
  const limits = operationLimits(env);
  return {
    host: env.HOST?.trim() || '127.0.0.1',
    port: integer(env, 'PORT', 4000, 0, 65535),
    database,
    migrateOnStart: boolean(env, 'MIGRATE_ON_START', true),
    seedDemoData: boolean(env, 'SEED_DEMO_DATA', database.kind === 'pglite'),
    accountSessionTtlSeconds: integer(env, 'ACCOUNT_SESSION_TTL_SECONDS', 1800, 1, 86_400),
    graphiql: boolean(env, 'GRAPHIQL', true),
    redisUrl: redisUrl(env),
    platformName: env.PLATFORM_NAME?.trim() || 'My Platform',
    maxOpenFinancialAccountsPerAccount: integer(env, 'MAX_OPEN_FINANCIAL_ACCOUNTS', DEFAULTS.maxOpenFinancialAccountsPerAccount, 1, 10_000),
    selfMovingDelays: Object.fromEntries(
      SELF_MOVING_WORK.map((work) => [`${work.name}DelayMs`, integer(env, work.env, work.delayMs, 0, work.maxDelayMs)]),
    ) as SelfMovingDelays,
    limits,
    introspection: boolean(env, 'INTROSPECTION', DEFAULTS.introspection),
    rateLimit: rateLimit(env, limits.maxCost),
    transport: transportSettings(env),
    logLevel: logLevel(env),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', DEFAULTS.shutdownTimeoutMs, 0, 600_000),
    startupRetry: {
      attempts: integer(env, 'STARTUP_RETRY_ATTEMPTS', 5, 1, 1000),
      delayMs: integer(env, 'STARTUP_RETRY_DELAY_MS', 1000, 0, 60_000),
    },
    persistedOperationsPath: env.PERSISTED_OPERATIONS?.trim() || null,
  };
}

function operationLimits(env: NodeJS.ProcessEnv): OperationLimits {
  if (env.MAX_QUERY_NODES?.trim()) {
    throw new ConfigError('MAX_QUERY_NODES was replaced by MAX_QUERY_COST (see the README\'s "Limits").');
  }
  return {
    maxCost: integer(env, 'MAX_QUERY_COST', DEFAULTS.limits.maxCost, 1, 100_000_000),
    maxDepth: integer(env, 'MAX_QUERY_DEPTH', DEFAULTS.limits.maxDepth, 2, 100),
    maxAliases: integer(env, 'MAX_QUERY_ALIASES', DEFAULTS.limits.maxAliases, 0, 10_000),
    maxTokens: integer(env, 'MAX_QUERY_TOKENS', DEFAULTS.limits.maxTokens, 100, 1_000_000),
    maxDirectives: integer(env, 'MAX_QUERY_DIRECTIVES', DEFAULTS.limits.maxDirectives, 0, 10_000),
  };
}

function rateLimit(env: NodeJS.ProcessEnv, maxCost: number): Config['rateLimit'] {
  const points = integer(env, 'RATE_LIMIT_POINTS', DEFAULTS.rateLimit.points, 0, 1_000_000_000);
  const windowSeconds = integer(env, 'RATE_LIMIT_WINDOW_SECONDS', DEFAULTS.rateLimit.windowSeconds, 1, 86_400);
  if (points === 0) return null;
  assertBudgetFitsLimit(points, maxCost);
  return { points, windowSeconds };
}

/** A budget smaller than the most one operation may cost would refuse, forever, operations the limit allows. */
export function assertBudgetFitsLimit(points: number, maxCost: number): void {
  if (points < maxCost) {
    throw new ConfigError(
      `RATE_LIMIT_POINTS (${points}) must be at least MAX_QUERY_COST (${maxCost}), or 0 for no budget: ` +
        'otherwise operations the cost limit allows could never run.',
    );
  }
}

function transportSettings(env: NodeJS.ProcessEnv): TransportSettings {
  const defaults = DEFAULTS.transport;
  const wsMaxPayloadBytes = integer(env, 'WS_MAX_PAYLOAD_BYTES', defaults.wsMaxPayloadBytes, 1024, 16 * 1024 * 1024);
  const wsMaxConnectionParamsBytes = integer(env, 'WS_MAX_CONNECTION_PARAMS_BYTES', defaults.wsMaxConnectionParamsBytes, 256, 1024 * 1024);
  if (wsMaxConnectionParamsBytes > wsMaxPayloadBytes) {
    throw new ConfigError(
      `WS_MAX_CONNECTION_PARAMS_BYTES (${wsMaxConnectionParamsBytes}) cannot exceed WS_MAX_PAYLOAD_BYTES (${wsMaxPayloadBytes}): the message that carries them is bounded by the latter.`,
    );
  }
  const httpHeadersTimeoutMs = integer(env, 'HTTP_HEADERS_TIMEOUT_MS', defaults.httpHeadersTimeoutMs, 100, 600_000);
  const httpRequestTimeoutMs = integer(env, 'HTTP_REQUEST_TIMEOUT_MS', defaults.httpRequestTimeoutMs, 100, 3_600_000);
  // Node refuses the reverse: the headers are part of the request.
  if (httpHeadersTimeoutMs > httpRequestTimeoutMs) {
    throw new ConfigError(
      `HTTP_HEADERS_TIMEOUT_MS (${httpHeadersTimeoutMs}) cannot exceed HTTP_REQUEST_TIMEOUT_MS (${httpRequestTimeoutMs}): the headers are part of the request.`,
    );
  }
  return {
    wsMaxPayloadBytes,
    wsMaxConnectionParamsBytes,
    wsKeepAliveMs: integer(env, 'WS_KEEPALIVE_MS', defaults.wsKeepAliveMs, 0, 3_600_000),
    httpMaxBodyBytes: integer(env, 'HTTP_MAX_BODY_BYTES', defaults.httpMaxBodyBytes, 1024, 64 * 1024 * 1024),
    httpHeadersTimeoutMs,
    httpRequestTimeoutMs,
    httpKeepAliveTimeoutMs: integer(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', defaults.httpKeepAliveTimeoutMs, 100, 600_000),
    corsOrigins: corsOrigins(env),
  };
}

/** `CORS_ORIGINS`: comma-separated origins, each exactly as a browser sends it (`https://app.example.com`). */
function corsOrigins(env: NodeJS.ProcessEnv): string[] {
  const raw = env.CORS_ORIGINS?.trim();
  if (!raw) return [];
  return raw.split(',').map((entry) => {
    const value = entry.trim();
    let origin: string | null = null;
    try {
      const url = new URL(value);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value) origin = url.origin;
    } catch {
      // Not a URL: reported below.
    }
    if (!origin) {
      throw new ConfigError(
        `CORS_ORIGINS must list origins such as https://app.example.com (scheme, host, optional port; no path, no trailing slash, no "*"); "${value}" is not one.`,
      );
    }
    return origin;
  });
}

function logLevel(env: NodeJS.ProcessEnv): Config['logLevel'] {
  const raw = env.LOG_LEVEL?.trim().toLowerCase();
  if (!raw) return 'info';
  const level = LOG_LEVELS.find((known) => known === raw);
  if (!level) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; it is "${env.LOG_LEVEL}".`);
  return level;
}

function redisUrl(env: NodeJS.ProcessEnv): string | null {
  const url = env.REDIS_URL?.trim();
  if (!url) return null;
  if (!/^rediss?:\/\//.test(url)) throw new ConfigError('REDIS_URL must be a redis:// or rediss:// URL.');
  return url;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}; it is "${raw}".`);
  }
  return value;
}

function boolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false; it is "${env[name]}".`);
}
